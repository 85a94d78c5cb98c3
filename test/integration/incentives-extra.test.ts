import { FANGCHENGGANG_2023, type NewRuleSet } from '@shegong/domain';
import { EXAM_COST_EXAMPLE, INTERNSHIP_BASE_EXAMPLE, RECOGNITION_EXAMPLE } from '@shegong/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * P-A1 exam costs, P-A9 internship subsidies and P-A8 recognitions through the API, on DynamoDB
 * Local. Organisation A is in 港口区 (450602, no bureau of its own): its claims go to bureau A (the
 * city); bureau B (东兴) is another jurisdiction.
 */

const world = await World.create('incentives-extra');
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const orgA = () => world.tenant('orgA');
const hrA = () => world.user('orgA', 'hr');
const hrB = () => world.user('orgB', 'hr');
const cityReviewer = () => world.user('bureauA', 'reviewer');
const countyReviewer = () => world.user('bureauB', 'reviewer');
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

interface Problem {
  errors?: { path: string; message: string }[];
  detail?: string;
}
const fieldPaths = (p: Problem) => (p.errors ?? []).map((e) => e.path);

/** Publishes the city's rule set again from 2026-01-01 with P-A9 rates (illustrative amounts). */
async function publishRates() {
  const bureau = world.tenant('bureauA');
  const input: NewRuleSet = {
    ...FANGCHENGGANG_2023,
    effectiveFrom: '2026-01-01',
    title: '防城港市参数（2026，含见习补贴）',
    parameters: {
      ...FANGCHENGGANG_2023.parameters,
      awards: { ...FANGCHENGGANG_2023.parameters.awards, internshipRates: { internship: 1_500_00, insurance: 45_00 } },
    },
  };
  await world.store.tenant({ tenantId: bureau.id, userId: bureau.users[0]!.id }).ruleSets.publishNow(input);
}

describe('P-A1 exam costs', () => {
  const person = () => orgA().people[0]!;

  it('refuses an exam before 2023 with P-A1 on the exam date, and stores nothing', async () => {
    const before = await world.table.snapshot();
    const response = await world.request('POST', `/v1/people/${person()}/exam-costs`, {
      as: hrA(),
      json: { ...EXAM_COST_EXAMPLE, examDate: '2022-10-15' },
    });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as Problem;
    expect(fieldPaths(problem)).toEqual(['/examDate']);
    expect(JSON.stringify(problem)).toContain('P-A1');
    expect(await world.table.snapshot()).toBe(before);
  });

  it('records exams from 2023 and reports them by year and person, to the fen', async () => {
    const exams = [
      { examDate: '2023-06-17', registrationFee: 180_00, textbooks: 99_90, travel: 205_55 },
      { examDate: '2025-06-14', registrationFee: 180_00, textbooks: 236_00, travel: 312_50 },
      { examDate: '2025-11-02', registrationFee: 0, textbooks: 0, travel: 88_01 },
    ];
    for (const exam of exams) {
      const response = await world.request('POST', `/v1/people/${person()}/exam-costs`, {
        as: world.user('orgA', 'finance'),
        json: { ...EXAM_COST_EXAMPLE, ...exam },
      });
      expect(response.status).toBe(201);
    }
    const report = (await (await world.request('GET', '/v1/exam-costs', { as: hrA() })).json()) as {
      years: { year: number; total: number; people: { personId: string; exams: number; total: number }[] }[];
      total: number;
    };
    expect(report.years.map((y) => [y.year, y.total])).toEqual([
      [2025, 180_00 + 236_00 + 312_50 + 88_01],
      [2023, 180_00 + 99_90 + 205_55],
    ]);
    expect(report.years[0]!.people).toMatchObject([{ personId: person(), exams: 2, total: 816_51 }]);
    expect(report.total).toBe(816_51 + 485_45);
    const own = (await (await world.request('GET', `/v1/people/${person()}/exam-costs`, { as: hrA() })).json()) as {
      items: { assessment: { ruleId: string; total: number } }[];
    };
    expect(own.items.map((i) => i.assessment.total)).toEqual([485_45, 728_50, 88_01]);
    expect(own.items.every((i) => i.assessment.ruleId === 'P-A1')).toBe(true);
    const sheet = await world.request('GET', '/v1/exam-costs.xlsx?year=2025', { as: hrA() });
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('Content-Type')).toMatch(/spreadsheetml/);
  });

  it('answers 404 for another organisation’s person', async () => {
    const response = await world.request('POST', `/v1/people/${person()}/exam-costs`, {
      as: hrB(),
      json: EXAM_COST_EXAMPLE,
    });
    expect(response.status).toBe(404);
  });
});

describe('P-A9 internship subsidies', () => {
  let internId = '';
  let lateId = '';

  it('refuses a claim before the organisation is an internship base', async () => {
    const response = await world.request('POST', '/v1/internships/claims/preview', {
      as: hrA(),
      json: { internId: '0193a7c2-5a00-7c1d-8e2f-000000000001', months: ['2026-07'] },
    });
    expect(response.status).toBe(422);
  });

  it('records the base and its interns', async () => {
    const base = await world.request('PUT', '/v1/internships/base', {
      as: hrA(),
      json: INTERNSHIP_BASE_EXAMPLE,
      headers: ifMatch(0),
    });
    expect(base.status).toBe(200);
    const add = async (json: unknown) =>
      ((await (await world.request('POST', '/v1/internships/interns', { as: hrA(), json })).json()) as { id: string })
        .id;
    internId = await add({ name: '黄小雨', graduationDate: '2026-06-30', fullTimeStudent: true });
    lateId = await add({ name: '陆明', graduationDate: '2023-07-01', fullTimeStudent: false });
    const bases = (await (
      await world.request('GET', '/v1/bureau/internship-bases', { as: cityReviewer() })
    ).json()) as {
      items: { organisationId: string }[];
    };
    expect(bases.items.map((b) => b.organisationId)).toEqual([orgA().id]);
    const county = (await (
      await world.request('GET', '/v1/bureau/internship-bases', { as: countyReviewer() })
    ).json()) as {
      items: unknown[];
    };
    expect(county.items).toEqual([]);
  });

  it('refuses a claim while the bureau has published no rates (P-A9)', async () => {
    const before = await world.table.snapshot();
    const response = await world.request('POST', '/v1/internships/claims', {
      as: hrA(),
      json: { internId, months: ['2026-07'] },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as Problem).detail).toMatch(/not published .*P-A9/);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('judges each month: student in the graduation year, graduate within the window, beyond it', async () => {
    await publishRates();
    const preview = (await (
      await world.request('POST', '/v1/internships/claims/preview', {
        as: hrA(),
        json: { internId, months: ['2026-03', '2025-12', '2028-06', '2028-07'] },
      })
    ).json()) as { months: { month: string; eligible: boolean; reason: string; total: number }[]; total: number };
    expect(preview.months.map((m) => [m.month, m.eligible, m.reason])).toEqual([
      ['2025-12', false, 'before_graduation_year'],
      ['2026-03', true, 'student_in_graduation_year'],
      ['2028-06', true, 'graduate_within_window'],
      ['2028-07', false, 'graduate_beyond_window'],
    ]);
    expect(preview.total).toBe(2 * (1_500_00 + 45_00));
    const late = await world.request('POST', '/v1/internships/claims', {
      as: hrA(),
      json: { internId: lateId, months: ['2026-01'] },
    });
    expect(late.status).toBe(422);
    expect(JSON.stringify(await late.json())).toContain('graduate beyond window');
  });

  let claim = { id: '', version: 0 };
  it('claims months once: the same intern-month in a second claim is refused', async () => {
    const first = await world.request('POST', '/v1/internships/claims', {
      as: hrA(),
      json: { internId, months: ['2026-07', '2026-08'] },
    });
    expect(first.status).toBe(201);
    claim = (await first.json()) as typeof claim & { total: number; bureau: { id: string } };
    expect(claim).toMatchObject({
      total: 2 * 1_545_00,
      status: 'submitted',
      bureau: { id: world.tenant('bureauA').id },
    });
    const again = await world.request('POST', '/v1/internships/claims', {
      as: hrA(),
      json: { internId, months: ['2026-09', '2026-08'] },
    });
    expect(again.status).toBe(409);
    expect(fieldPaths((await again.json()) as Problem)).toEqual(['/months/1']);
  });

  it('goes to the city bureau only: the county answers 404', async () => {
    const path = `/v1/bureau/internship-claims/${orgA().id}/${claim.id}`;
    expect((await world.request('GET', path, { as: countyReviewer() })).status).toBe(404);
    const decided = await world.request('POST', `${path}/decision`, {
      as: countyReviewer(),
      json: { approved: true },
      headers: ifMatch(claim.version),
    });
    expect(decided.status).toBe(404);
    const queue = (await (
      await world.request('GET', '/v1/bureau/internship-claims?status=submitted', { as: cityReviewer() })
    ).json()) as { items: { id: string }[] };
    expect(queue.items.map((c) => c.id)).toContain(claim.id);
  });

  it('is approved, then recorded paid, by the city bureau', async () => {
    const path = `/v1/bureau/internship-claims/${orgA().id}/${claim.id}`;
    const refusedWithoutReason = await world.request('POST', `${path}/decision`, {
      as: cityReviewer(),
      json: { approved: false },
      headers: ifMatch(claim.version),
    });
    expect(refusedWithoutReason.status).toBe(400);
    const approved = await world.request('POST', `${path}/decision`, {
      as: cityReviewer(),
      json: { approved: true },
      headers: ifMatch(claim.version),
    });
    expect(approved.status).toBe(200);
    const paid = await world.request('POST', `${path}/payment`, {
      as: cityReviewer(),
      json: { paidOn: '2026-11-20', reference: '防民财拨〔2026〕88号' },
      headers: ifMatch(claim.version + 1),
    });
    expect(paid.status).toBe(200);
    const own = (await (await world.request('GET', `/v1/internships/claims/${claim.id}`, { as: hrA() })).json()) as {
      status: string;
      payment: { reference: string };
    };
    expect(own).toMatchObject({ status: 'paid', payment: { reference: '防民财拨〔2026〕88号' } });
  });

  it('frees a refused claim’s months for another claim', async () => {
    const made = (await (
      await world.request('POST', '/v1/internships/claims', { as: hrA(), json: { internId, months: ['2026-10'] } })
    ).json()) as { id: string; version: number };
    const refused = await world.request('POST', `/v1/bureau/internship-claims/${orgA().id}/${made.id}/decision`, {
      as: cityReviewer(),
      json: { approved: false, reason: '缺少见习协议' },
      headers: ifMatch(made.version),
    });
    expect(refused.status).toBe(200);
    const again = await world.request('POST', '/v1/internships/claims', {
      as: hrA(),
      json: { internId, months: ['2026-10'] },
    });
    expect(again.status).toBe(201);
  });
});

describe('P-A8 recognitions', () => {
  it('records one award for the same recognition, however many requests race', async () => {
    const body = { ...RECOGNITION_EXAMPLE, year: 2024 };
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        world.request('POST', `/v1/bureau/recognitions/${orgA().id}`, {
          as: i % 2 ? cityReviewer() : world.user('bureauA', 'admin'),
          json: body,
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    const own = (await (await world.request('GET', '/v1/recognitions', { as: hrA() })).json()) as {
      items: { amount: number; ruleId: string; year: number }[];
      total: number;
    };
    expect(own.items).toMatchObject([{ amount: 10_000_00, ruleId: 'P-A8', year: 2024 }]);
    expect(own.total).toBe(10_000_00);
  });

  it('pays a national recognition its own amount', async () => {
    const response = await world.request('POST', `/v1/bureau/recognitions/${orgA().id}`, {
      as: cityReviewer(),
      json: { authority: 'national', kind: 'talent_training_base', year: 2025, recognisedOn: '2025-09-10' },
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ amount: 20_000_00, ruleId: 'P-A8' });
    const listed = (await (await world.request('GET', '/v1/bureau/recognitions', { as: cityReviewer() })).json()) as {
      total: number;
    };
    expect(listed.total).toBe(30_000_00);
  });

  it('answers 404 for an organisation outside the bureau’s jurisdiction, writing nothing', async () => {
    const before = await world.table.snapshot();
    const response = await world.request('POST', `/v1/bureau/recognitions/${orgA().id}`, {
      as: countyReviewer(),
      json: { ...RECOGNITION_EXAMPLE, year: 2023 },
    });
    expect(response.status).toBe(404);
    expect(await world.table.snapshot()).toBe(before);
  });
});

describe('the pages', () => {
  it('show the exam costs, refusing an exam before 2023 beside its date', async () => {
    const person = orgA().people[0]!;
    const response = await world.page('POST', '/org/awards/exam-costs', {
      as: hrA(),
      form: {
        personId: person,
        examDate: '2022-06-18',
        level: 'assistant',
        registrationFee: '180',
        textbooks: '',
        travel: '',
      },
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('2022 年的考试不予报销');
    const page = await world.page('GET', '/org/awards/exam-costs', { as: hrA() });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('¥');
    const staff = await (await world.page('GET', `/org/staff/${person}`, { as: hrA() })).text();
    expect(staff).toContain('id="exam-costs"');
  });

  it('render every tab for the users who open them', async () => {
    for (const [path, as] of [
      ['/org/awards/internships', hrA()],
      ['/org/awards/recognitions', world.user('orgA', 'staff')],
      ['/bureau/claims/internships', world.user('bureauA', 'auditor')],
      ['/bureau/claims/recognitions', cityReviewer()],
    ] as const) {
      const response = await world.page('GET', path, { as });
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
    }
    const recognitions = await (await world.page('GET', '/org/awards/recognitions', { as: hrA() })).text();
    expect(recognitions).toContain('P-A8');
    expect(recognitions).toContain('¥30,000.00');
  });

  it('record a recognition from the bureau’s form, and refuse the same one again', async () => {
    const form = { organisationId: orgA().id, authority: 'regional', kind: 'talent_training_base', year: '2023' };
    const first = await world.page('POST', '/bureau/claims/recognitions', { as: cityReviewer(), form });
    expect(first.status).toBe(303);
    const again = await world.page('POST', '/bureau/claims/recognitions', { as: cityReviewer(), form });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('同一表彰只奖励一次');
  });
});
