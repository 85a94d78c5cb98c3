import { randomUUID } from 'node:crypto';
import { FANGCHENGGANG_2023, idCardCheckCharacter, LADDER_EXAMPLE, type PersonInput } from '@shegong/domain';
import { ACTUAL_MONTH_EXAMPLE, CONTRACT_EXAMPLE } from '@shegong/http';
import { contractFormFields, ruleSetFormFields } from '@shegong/web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_ACTUAL_MONTH, World } from '../support/world.ts';

/**
 * Names and titles are shown to other people (a bureau reads an organisation's contract titles, a
 * colleague's name sits in every list): a control character or a text-direction override in one
 * (U+202E turns `合同.txt` into what reads as something else) would mislead its reader. The API
 * refuses them with 400 naming the field; every page form says so beside the field, in Chinese
 * first. Ordinary spaces (and the ideographic space) are text; notes keep their line breaks.
 */

const world = await World.create('plain-text', { deps: { today: () => '2026-11-25' } });
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const RLO = '\u202E';
const BEL = '\u0007';
const LRI = '\u2066';
const RLM = '\u200F';
const ALM = '\u061C';

const idCard = (first17: string) => first17 + idCardCheckCharacter(first17);
let serial = 0;
const person = (overrides: Partial<PersonInput> = {}): PersonInput => {
  serial += 1;
  return {
    name: `韦小红${serial}`,
    idCardNumber: idCard(`45060219930412${String(serial).padStart(3, '0')}`),
    phone: '13977010000',
    education: { level: 'bachelor', socialWorkMajor: true },
    employmentType: 'contract',
    monthlyPay: 3_800_00,
    employment: [],
    certificates: [],
    continuingEducation: [],
    ...overrides,
  };
};
const contract = (change: (draft: typeof CONTRACT_EXAMPLE) => void) => {
  const draft = structuredClone(CONTRACT_EXAMPLE);
  draft.terms.number = `PLAIN-${randomUUID().slice(0, 8)}`;
  change(draft);
  return draft;
};

async function refusedAt(response: Response): Promise<string[]> {
  expect(response.status, await response.clone().text()).toBe(400);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  return ((await response.json()) as { errors?: { path: string }[] }).errors?.map((e) => e.path) ?? [];
}

describe('the API refuses control and text-direction characters in names and titles, naming the field', () => {
  const cases: [string, () => Promise<Response>, string][] = [
    [
      'a person’s name (U+202E)',
      () =>
        world.request('POST', '/v1/people', { as: world.user('orgA', 'hr'), json: person({ name: `黄${RLO}小梅` }) }),
      '/name',
    ],
    [
      'a former employer (U+0007)',
      () =>
        world.request('POST', '/v1/people', {
          as: world.user('orgA', 'hr'),
          json: person({
            employment: [{ employer: `阳光${BEL}社工`, region: '450602', start: '2020-01-01', socialWork: true }],
          }),
        }),
      '/employment/0/employer',
    ],
    [
      'a contract title (U+202E)',
      () =>
        world.request('POST', '/v1/contracts', {
          as: world.user('orgA'),
          json: contract((d) => {
            d.terms.title = `港口区社区服务${RLO}txt.exe`;
          }),
        }),
      '/terms/title',
    ],
    [
      'a purchaser’s name (U+200F)',
      () =>
        world.request('POST', '/v1/contracts', {
          as: world.user('orgA'),
          json: contract((d) => {
            d.terms.purchaser.name = `防城港市${RLM}民政局`;
          }),
        }),
      '/terms/purchaser/name',
    ],
    [
      'a milestone’s name (U+2066)',
      () =>
        world.request('POST', '/v1/contracts', {
          as: world.user('orgA'),
          json: contract((d) => {
            d.terms.milestones[0]!.name = `首期款${LRI}`;
          }),
        }),
      '/terms/milestones/0/name',
    ],
    [
      'a budget item’s category (a newline)',
      () =>
        world.request('POST', '/v1/contracts', {
          as: world.user('orgA'),
          json: contract((d) => {
            d.plan.items[0]!.category = '专家\n督导费';
          }),
        }),
      '/plan/items/0/category',
    ],
    [
      'a tenant’s name (U+0000)',
      () =>
        world.request('POST', '/v1/tenants', {
          as: world.user('platform'),
          json: { kind: 'bureau', name: '上思县\u0000民政局', region: '450621', adminEmail: 'a@shangsi.example.cn' },
        }),
      '/name',
    ],
    [
      'a rule set’s title (U+061C)',
      () =>
        world.request('POST', '/v1/rule-sets', {
          as: world.user('bureauA'),
          json: { ...FANGCHENGGANG_2023, effectiveFrom: '2026-10-01', title: `防城港市${ALM}参数` },
        }),
      '/title',
    ],
    [
      'a rule set’s notes (U+202E, though line breaks are kept)',
      () =>
        world.request('POST', '/v1/rule-sets', {
          as: world.user('bureauA'),
          json: { ...FANGCHENGGANG_2023, effectiveFrom: '2026-10-01', notes: `第一行\n第二行${RLO}` },
        }),
      '/notes',
    ],
    [
      'a ladder level’s name (U+202E)',
      () =>
        world.request('PUT', '/v1/ladder', {
          as: world.user('orgA'),
          json: {
            levels: [{ ...LADDER_EXAMPLE.levels[0]!, name: `社工${RLO}助理` }, ...LADDER_EXAMPLE.levels.slice(1)],
          },
          headers: { 'If-Match': '"1"' },
        }),
      '/levels/0/name',
    ],
    [
      'a payroll name in a month of actuals (U+0007)',
      () =>
        world.request('PUT', `/v1/contracts/${world.tenant('orgA').contracts!.signed}/actuals/${SEEDED_ACTUAL_MONTH}`, {
          as: world.user('orgA', 'finance'),
          json: {
            ...ACTUAL_MONTH_EXAMPLE,
            payroll: [{ ...ACTUAL_MONTH_EXAMPLE.payroll[0]!, personId: undefined, name: `陈${BEL}晨` }],
          },
          headers: { 'If-Match': '"1"' },
        }),
      '/payroll/0/name',
    ],
    [
      'a new member’s display name (U+202E)',
      () =>
        world.request('POST', `/v1/invitations/${world.tenant('orgA').invitation.token}/accept`, {
          json: { name: `李${RLO}娜`, password: 'Correct-horse-9x' },
        }),
      '/name',
    ],
  ];

  it.each(cases)('%s', async (_, send, path) => {
    const before = await world.table.snapshot();
    expect(await refusedAt(await send())).toContain(path);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('takes ordinary and ideographic spaces in a name, and line breaks in notes', async () => {
    const created = await world.request('POST', '/v1/people', {
      as: world.user('orgA', 'hr'),
      json: person({ name: '阿依 古丽　Mary' }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    expect(((await created.json()) as { name: string }).name).toBe('阿依 古丽　Mary');
    const published = await world.request('POST', '/v1/rule-sets', {
      as: world.user('bureauA'),
      json: { ...FANGCHENGGANG_2023, effectiveFrom: '2026-10-01', notes: '第一行\r\n第二行\n\t第三行' },
    });
    expect(published.status, await published.clone().text()).toBe(201);
  });
});

/** The page's message for a field whose text holds such characters: the field's label, in Chinese. */
const refusedOnPage = async (response: Response, label: string) => {
  const html = await response.text();
  expect(response.status, html.slice(0, 500)).toBe(400);
  expect(html).toContain(`「${label}」里有看不见的控制字符或文字方向字符`);
};

describe('every page form refuses them beside the field, in Chinese first', () => {
  it('the new tenant form (名称)', async () => {
    const response = await world.page('POST', '/platform/tenants/new', {
      as: world.user('platform'),
      form: {
        kind: 'bureau',
        name: `上思县${RLO}民政局`,
        region: '450621',
        adminEmail: 'b@shangsi.example.cn',
        _key: `form-${randomUUID()}`,
      },
    });
    await refusedOnPage(response, '名称');
  });

  it('the new person form (姓名)', async () => {
    const response = await world.page('POST', '/org/staff/new', {
      as: world.user('orgA', 'hr'),
      form: {
        name: `黄${RLO}小梅`,
        idCardNumber: idCard('45060319920815044'),
        phone: '13900001234',
        educationLevel: 'bachelor',
        socialWorkMajor: 'yes',
        employmentType: 'contract',
        monthlyPay: '3600',
        _key: `form-${randomUUID()}`,
      },
    });
    await refusedOnPage(response, '姓名');
  });

  it('a person’s continuing-education form (举办单位)', async () => {
    const personId = world.tenant('orgA').people[0]!;
    const stored = await world.store
      .tenant({ tenantId: world.tenant('orgA').id, userId: 'test' })
      .people.find(personId);
    const response = await world.page('POST', `/org/staff/${personId}/continuing-education/new`, {
      as: world.user('orgA', 'hr'),
      form: {
        date: '2026-06-01',
        tenthHours: '2.5',
        provider: `广西社会工作协会${BEL}`,
        topic: '伦理',
        version: String(stored?.version ?? 1),
      },
    });
    await refusedOnPage(response, '举办单位');
  });

  it('the contract editor (项目名称, and a budget item’s 费用类别)', async () => {
    const fields = contractFormFields(
      contract((d) => {
        d.terms.title = `港口区社区服务${RLO}`;
        d.plan.items[0]!.category = `专家${LRI}督导费`;
      }),
    );
    const response = await world.page('POST', '/org/contracts/new', {
      as: world.user('orgA'),
      form: { ...fields, _key: `form-${randomUUID()}` },
    });
    const html = await response.clone().text();
    await refusedOnPage(response, '项目名称');
    expect(html).toContain('「费用类别」里有看不见的控制字符或文字方向字符');
  });

  it('the amendment form (修改原因: a note, so its line breaks are kept)', async () => {
    const id = world.tenant('orgA').contracts!.signed;
    const stored = (await (await world.request('GET', `/v1/contracts/${id}`, { as: world.user('orgA') })).json()) as {
      contract: { version: number };
      version: { draft: typeof CONTRACT_EXAMPLE };
    };
    const response = await world.page('POST', `/org/contracts/${id}/amend`, {
      as: world.user('orgA'),
      form: {
        ...contractFormFields(stored.version.draft),
        action: 'save',
        reason: `购买主体追加服务\n金额相应调整${RLO}`,
        effectiveDate: stored.version.draft.terms.startDate,
        version: String(stored.contract.version),
      },
    });
    await refusedOnPage(response, '修改原因');
  });

  it('the rule-set form (标题)', async () => {
    const response = await world.page('POST', '/bureau/rules/new', {
      as: world.user('bureauA'),
      form: {
        ...ruleSetFormFields({ ...FANGCHENGGANG_2023, effectiveFrom: '2026-11-01', title: `参数${ALM}更正` }),
        region: '',
        _key: `form-${randomUUID()}`,
      },
    });
    await refusedOnPage(response, '标题');
  });

  it('the ladder editor (名称)', async () => {
    const levels = LADDER_EXAMPLE.levels;
    const response = await world.page('POST', '/org/ladder/edit', {
      as: world.user('orgA'),
      form: {
        version: '1',
        rows: String(levels.length),
        action: 'save',
        ...Object.fromEntries(
          levels.flatMap((level, i) => [
            [`level-${i}-id`, level.id],
            [`level-${i}-name`, i === 0 ? `社工${RLO}助理` : level.name],
            [`level-${i}-postClass`, level.postClass],
            [`level-${i}-minCertificate`, level.requirements.minCertificate],
            [`level-${i}-minYears`, String(level.requirements.minYearsPractice)],
            [`level-${i}-minEducation`, level.requirements.minEducation],
            [`level-${i}-min`, String(level.payBand.min / 100)],
            [`level-${i}-max`, String(level.payBand.max / 100)],
          ]),
        ),
      },
    });
    await refusedOnPage(response, '名称');
  });

  it('a month of actuals (姓名)', async () => {
    const path = `/org/contracts/${world.tenant('orgA').contracts!.signed}/actuals/${SEEDED_ACTUAL_MONTH}`;
    const response = await world.page('POST', path, {
      as: world.user('orgA', 'finance'),
      form: {
        rows: '1',
        'row-0-name': `陈${BEL}晨`,
        'row-0-certLevel': 'assistant',
        'row-0-grossPay': '3600',
        'row-0-share': '100',
        'expense-activities': '800',
        revision: '1',
        action: 'save',
      },
    });
    await refusedOnPage(response, '姓名');
  });

  it('accepting an invitation (姓名)', async () => {
    const response = await world.page('POST', `/invite/${world.tenant('orgB').invitation.token}`, {
      form: { name: `李${RLO}娜`, password: 'Correct-horse-9x', confirm: 'Correct-horse-9x' },
    });
    await refusedOnPage(response, '姓名');
  });
});
