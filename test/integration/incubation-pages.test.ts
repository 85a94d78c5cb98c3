import { APPLICATION_EXAMPLE } from '@shegong/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc, World } from '../support/world.ts';

/**
 * The incubation base's intake pages on DynamoDB Local, at the server: what the operator is shown
 * (the waiting badge, the public link), each form's refusals named by field with nothing written,
 * the public link's 404 and honeypot, and the first sign-in of an organisation admitted 未登记 (its
 * checklist asks for the credit code and names its base). The journey in chromium is
 * test/browser/incubation-intake.test.ts.
 */
const today = '2026-10-01';
const world = await World.create('incubation-pages', { deps: { today: () => today } });
beforeAll(async () => {
  await world.seed();
  await world.seedIncubation();
});
afterAll(() => world.dispose());

const operator = () => world.user('incubatorA', 'operator');
const base = () => world.tenant('incubatorA');
const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
const menuCount = (html: string, href: string) =>
  new RegExp(`href="${href}"[^>]*>[\\s\\S]*?<span class="menu-count"[^>]*>(\\d+)</span>`).exec(html)?.[1];
/** The error summary's messages, in order. */
const summary = (html: string) =>
  [
    ...(/<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '').matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g),
  ].map((m) => [m[1], m[2]]);

/** The application form's fields for APPLICATION_EXAMPLE (to be registered), with changes. */
function applicationForm(change: Record<string, string | string[]> = {}) {
  return {
    name: '港口区青苗社会工作服务中心（页面）',
    kind: APPLICATION_EXAMPLE.kind,
    'founder-0-name': '黄青',
    'founder-0-role': '发起人',
    contactName: '黄青',
    contactPhone: '13907701234',
    contactEmail: 'pages.applicant@example.cn',
    serviceArea: '港口区白沙万街道',
    services: ['helping_needy', 'capacity_building'],
    registration: 'toBeRegistered',
    _key: 'pages-application-key-0001',
    ...change,
  };
}

describe('the applications page', () => {
  it('lists the base’s applications with the waiting badge and the public link to share', async () => {
    const html = await (await world.page('GET', '/incubator/applications', { as: operator() })).text();
    expect(menuCount(html, '/incubator/applications')).toBe('6');
    const page = main(html);
    expect(page).toContain(`/apply/${base().id}`);
    expect(page).toContain('待审核');
    expect(page).toContain('已入驻');
    const declined = main(
      await (await world.page('GET', '/incubator/applications?status=declined', { as: operator() })).text(),
    );
    expect(declined).toContain('没有这个状态的申请');
  });

  it('refuses a bad application naming each field, in the form’s order, and writes nothing', async () => {
    const before = await world.table.snapshot();
    const response = await world.page('POST', '/incubator/applications/new', {
      as: operator(),
      form: applicationForm({
        'founder-0-name': '',
        'founder-0-role': '',
        contactPhone: '12345',
        services: [],
        registration: 'registered',
        uscc: '91450600MA5KXXXXX0',
      }),
    });
    expect(response.status).toBe(400);
    expect(summary(await response.text())).toEqual([
      ['founder-0-name', '请至少填写一位发起人的姓名（不超过 40 个字）'],
      ['contactPhone', '请填写 11 位手机号码，例如 13907701234'],
      ['services-helping_needy', '请至少选择一项服务内容（P-S1）'],
      ['uscc', '请输入有效的 18 位统一社会信用代码；尚未登记的请选择“拟登记”'],
    ]);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('says a credit code another organisation holds is taken', async () => {
    const response = await world.page('POST', '/incubator/applications/new', {
      as: operator(),
      form: applicationForm({
        registration: 'registered',
        uscc: world.tenant('orgA').uscc!,
        _key: 'pages-taken-0001xx',
      }),
    });
    expect(response.status).toBe(400);
    expect(summary(await response.text())).toEqual([['uscc', '平台上已有机构使用这个统一社会信用代码']]);
  });

  it('records a good one and opens it, with its admit and decline forms', async () => {
    const response = await world.page('POST', '/incubator/applications/new', {
      as: operator(),
      form: applicationForm(),
    });
    expect(response.status).toBe(303);
    const location = response.headers.get('Location')!;
    const page = main(await (await world.page('GET', location, { as: operator() })).text());
    expect(page).toContain('港口区青苗社会工作服务中心（页面）');
    expect(page).toContain('基地录入');
    expect(page).toContain('id="admit"');
    expect(page).toContain('id="decline"');
  });
});

describe('one application', () => {
  const waiting = () => base().incubation!.applications[3]!;

  it('refuses an admission without its agreement, naming each field, and writes nothing', async () => {
    const before = await world.table.snapshot();
    const response = await world.page('POST', `/incubator/applications/${waiting()}/admit`, {
      as: operator(),
      form: { startDate: '2026-13-01', periodMonths: '0', version: '1', _key: 'pages-admit-key-00001' },
    });
    expect(response.status).toBe(400);
    expect(summary(await response.text()).map(([field]) => field)).toEqual([
      'startDate',
      'periodMonths',
      'mode-physical',
    ]);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('refuses a decline without a reason, and a decision from a stale version goes back saying so', async () => {
    const empty = await world.page('POST', `/incubator/applications/${waiting()}/decline`, {
      as: operator(),
      form: { reason: '', version: '1' },
    });
    expect(empty.status).toBe(400);
    expect(summary(await empty.text())).toEqual([['reason', '请填写原因（不超过 1000 个字）']]);
    const stale = await world.page('POST', `/incubator/applications/${waiting()}/decline`, {
      as: operator(),
      form: { reason: '服务领域不符', version: '7' },
    });
    expect(stale.status).toBe(303);
    expect(stale.headers.get('Location')).toBe(`/incubator/applications/${waiting()}`);
  });
});

describe('the record’s overview', () => {
  const record = () => `/incubator/orgs/${base().incubation!.organisationId}`;

  it('shows the stage, the agreement, the steps and the invitation to reissue', async () => {
    const page = main(await (await world.page('GET', record(), { as: operator() })).text());
    expect(page).toContain('在孵');
    expect(page).toContain('2026年3月1日');
    expect(page).toContain('重新发送邀请');
    expect(page).toContain(`${record()}/milestones`);
    expect(page).toContain('未登记');
  });

  it('refuses a move dated after today, or leaving without a reason, and writes nothing', async () => {
    const before = await world.table.snapshot();
    const future = await world.page('POST', `${record()}/transitions`, {
      as: operator(),
      form: { move: 'midterm_review', on: '2026-10-02', version: '1' },
    });
    expect(future.status).toBe(400);
    expect(summary(await future.text())).toEqual([['midterm_review-on', '日期不能晚于今天（2026-10-01）']]);
    const leave = await world.page('POST', `${record()}/transitions`, {
      as: operator(),
      form: { move: 'leave', on: today, reason: '', version: '1' },
    });
    expect(summary(await leave.text())).toEqual([['leave-reason', '请填写原因（不超过 1000 个字）']]);
    expect(await world.table.snapshot()).toBe(before);
  });
});

describe('the public link', () => {
  it('answers 404 for an id that is no active base’s', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', world.tenant('orgA').id]) {
      expect((await world.page('GET', `/apply/${id}`)).status).toBe(404);
    }
  });

  it('shows the base’s name, and stores nothing a bot sends through the honeypot', async () => {
    const page = main(await (await world.page('GET', `/apply/${base().id}`)).text());
    expect(page).toContain('申请入驻 防城港市社会组织孵化基地');
    const before = await world.table.snapshot();
    const bot = await world.page('POST', `/apply/${base().id}`, {
      form: applicationForm({ website: 'http://spam.example', _key: 'pages-bot-key-000001' }),
    });
    expect(bot.status).toBe(400);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('takes a submission and lands on its receipt', async () => {
    const sent = await world.page('POST', `/apply/${base().id}`, {
      form: applicationForm({ contactEmail: 'public.applicant@example.cn', _key: 'pages-public-key-0001' }),
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('Location')).toBe(`/apply/${base().id}/received`);
  });
});

describe('an organisation admitted 未登记, at its first sign-in', () => {
  it('is asked first for its credit code, told its base, and records the code', async () => {
    const admission = await world.request(
      'POST',
      `/v1/incubation/applications/${base().incubation!.applications[4]}/admit`,
      {
        as: operator(),
        headers: { 'If-Match': '"1"' },
        json: { agreement: { startDate: '2026-09-01', periodMonths: 12, mode: 'virtual' } },
      },
    );
    const { adminInvitationLink, invitation } = (await admission.json()) as {
      adminInvitationLink: string;
      invitation: { email: string };
    };
    const token = new URL(adminInvitationLink).pathname.split('/').pop();
    const accepted = await world.request('POST', `/v1/invitations/${token}/accept`, {
      json: { name: '黄青', password: 'Correct-horse-9' },
    });
    expect(accepted.status).toBe(201);
    const admin = world.subjectOf(invitation.email);
    const dashboard = main(await (await world.page('GET', '/org', { as: admin })).text());
    expect(dashboard).toContain('本机构由 防城港市社会组织孵化基地 孵化');
    expect(dashboard).toContain('href="/org/incubation"');
    expect(dashboard.indexOf('id="step-creditCode"')).toBeLessThan(dashboard.indexOf('id="step-members"'));
    expect(dashboard).toContain('href="/org/credit-code"');

    const bad = await world.page('POST', '/org/credit-code', { as: admin, form: { uscc: '123', version: '1' } });
    expect(bad.status).toBe(400);
    const uscc = makeUscc('450602', 201);
    const saved = await world.page('POST', '/org/credit-code', { as: admin, form: { uscc, version: '1' } });
    expect(saved.status).toBe(303);
    const after = main(await (await world.page('GET', '/org', { as: admin })).text());
    expect(/id="step-creditCode"[\s\S]*?<\/li>/.exec(after)?.[0]).toContain('已完成');
    const page = main(await (await world.page('GET', '/org/credit-code', { as: admin })).text());
    expect(page).toContain(uscc);
  });
});
