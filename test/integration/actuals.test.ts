import { actingAs, changeContractStatus, createContract } from '@shegong/core';
import { type ActualMonthInput, type ContractDraft, FANGCHENGGANG_2023 } from '@shegong/domain';
import { keys } from '@shegong/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * Monthly actuals and budget against actual through the API (issue 4, point 4), with
 * Fangchenggang's 2023 rule set in force for 港口区 (450602, through the city): floors assistant
 * ¥3,200 / social worker ¥3,800; SI 1600 + 680 + 50 + 40 + 0 = 2370 bp on a base of ¥3,800 …
 * ¥20,000; housing fund 500 bp on ¥1,810 … ¥25,000.
 *
 * The contract: 2026-01-01 … 2026-12-31 (12 calendar months), budget V = ¥100,000.00 in lines
 * personnel 70,000 · supervision 6,000 · activities 12,000 · management 6,000 · tax 3,600 · other 2,400.
 */

const world = await World.create('actuals');
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const orgA = () => world.tenant('orgA');
const finance = () => world.user('orgA', 'finance');
/** A reader who does not record: hr (staff see neither contracts nor actuals: they show pay). */
const hr = () => world.user('orgA', 'hr');
const staff = () => world.user('orgA', 'staff');
const reposA = () => world.store.tenant({ tenantId: orgA().id, userId: finance().id });

const DRAFT: ContractDraft = {
  terms: {
    purchaser: { name: '防城港市港口区民政局', region: '450602' },
    number: 'ACT-2026-001',
    title: '港口区长者关爱服务项目',
    services: ['helping_needy', 'resource_linking'],
    serviceArea: '港口区沙潭江街道',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    stableRecurring: false,
    value: 100_000_00,
    deliverables: [],
    milestones: [{ name: '全款', dueDate: '2026-06-30', amount: 100_000_00 }],
  },
  plan: {
    posts: [
      {
        title: '一线社工',
        role: 'frontline',
        certLevel: 'assistant',
        ftePercent: 100,
        months: 12,
        monthlyPay: 3_400_00,
      },
    ],
    lines: {
      personnel: 70_000_00,
      supervision: 6_000_00,
      activities: 12_000_00,
      management: 6_000_00,
      tax: 3_600_00,
      other: 2_400_00,
    },
    items: [],
  },
};

/** A contract of organisation A, moved through submitted to signed (or left a draft). */
async function contract(number: string, signed = true): Promise<string> {
  const ctx = await actingAs(world.deps, { tenantId: orgA().id, userId: finance().id });
  const draft = structuredClone(DRAFT);
  draft.terms.number = number;
  const { contract: created } = await createContract(ctx, draft);
  if (!signed) return created.id;
  const submitted = await changeContractStatus(ctx, created.id, { to: 'submitted' }, created.version);
  const approved = await world.approve(orgA(), created.id, submitted.version);
  await changeContractStatus(ctx, created.id, { to: 'signed', date: '2025-12-20' }, approved.version);
  return created.id;
}

/*
 * January: 李明, assistant, ¥3,400 full time: siBase = max(340 000, 380 000) = 380 000 → SI =
 *   60 800 + 25 840 + 1 900 + 1 520 + 0 = 90 060; HF = 340 000 × 5 % = 17 000; M = 447 060.
 * 王芳, social worker, ¥3,700 (¥100 below the ¥3,800 floor: P-W3), half time: SI 90 060 (base floor);
 *   HF = 370 000 × 5 % = 18 500; M = 478 560 → × 50 % = 239 280.
 * personnel = 447 060 + 239 280 = 686 340.
 */
const JANUARY: ActualMonthInput = {
  payroll: [
    { name: '李明', certLevel: 'assistant', grossPay: 3_400_00, sharePercent: 100 },
    { name: '王芳', certLevel: 'social_worker', grossPay: 3_700_00, sharePercent: 50 },
  ],
  expenses: { supervision: 500_00, activities: 1_000_00, management: 1_500_00, tax: 300_00, other: 0 },
};
/** February: 李明 alone, 447 060. */
const FEBRUARY: ActualMonthInput = {
  payroll: [{ name: '李明', certLevel: 'assistant', grossPay: 3_400_00, sharePercent: 100 }],
  expenses: { supervision: 500_00, activities: 1_000_00, management: 0, tax: 300_00, other: 200_00 },
};

const put = (id: string, month: string, json: unknown, as = finance(), headers: Record<string, string> = {}) =>
  world.request('PUT', `/v1/contracts/${id}/actuals/${month}`, { as, json, headers });

interface MonthBody {
  month: string;
  revision: number;
  cost: {
    lines: Record<string, number>;
    total: number;
    findings: { kind: string; ruleId: string; path: string; amounts: Record<string, unknown> }[];
  };
  input: ActualMonthInput;
  history?: MonthBody[];
}
interface ProblemBody {
  status: number;
  errors?: { path: string; message: string }[];
}

describe('recording months', () => {
  let id: string;
  beforeAll(async () => {
    id = await contract('ACT-2026-001');
  });

  it('records January, costs each person like the plan and flags the one below the floor with P-W3', async () => {
    const response = await put(id, '2026-01', JANUARY);
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toBe('"1"');
    const body = (await response.json()) as MonthBody;
    expect(body.revision).toBe(1);
    expect(body.cost.lines).toEqual({
      personnel: 686_340,
      supervision: 500_00,
      activities: 1_000_00,
      management: 1_500_00,
      tax: 300_00,
      other: 0,
    });
    // 686 340 + 50 000 + 100 000 + 150 000 + 30 000 = 1 016 340
    expect(body.cost.total).toBe(1_016_340);
    expect(body.cost.findings).toEqual([
      expect.objectContaining({
        kind: 'payBelowFloor',
        ruleId: 'P-W3',
        path: '/payroll/1/grossPay',
        amounts: expect.objectContaining({ pay: 3_700_00, floor: 3_800_00, shortfall: 100_00 }),
      }),
    ]);
  });

  it('records the same month again as the same revision, writing nothing', async () => {
    const before = await world.table.snapshot();
    const response = await put(id, '2026-01', JANUARY);
    expect(response.status).toBe(200);
    expect(((await response.json()) as MonthBody).revision).toBe(1);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('records February, then a change to it as revision 2, keeping both in its history', async () => {
    expect((await put(id, '2026-02', FEBRUARY)).status).toBe(200);
    const changed = { ...FEBRUARY, expenses: { ...FEBRUARY.expenses, other: 300_00 } };
    const response = await put(id, '2026-02', changed, finance(), { 'If-Match': '"1"' });
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toBe('"2"');

    const read = await world.request('GET', `/v1/contracts/${id}/actuals/2026-02`, { as: hr() });
    expect(read.status).toBe(200);
    const body = (await read.json()) as MonthBody;
    expect(body.revision).toBe(2);
    expect(body.input.expenses.other).toBe(300_00);
    expect(body.history?.map((h) => [h.revision, h.input.expenses.other])).toEqual([
      [2, 300_00],
      [1, 200_00],
    ]);
  });

  it('refuses a change against a stale revision with 412', async () => {
    const response = await put(id, '2026-02', { ...FEBRUARY, note: '迟到的修改' }, finance(), { 'If-Match': '"1"' });
    expect(response.status).toBe(412);
  });

  it('lists the months with their totals and findings', async () => {
    const response = await world.request('GET', `/v1/contracts/${id}/actuals`, { as: hr() });
    const body = (await response.json()) as {
      items: { month: string; revision: number; total: number; findings: unknown[] }[];
    };
    // February: 447 060 + 50 000 + 100 000 + 0 + 30 000 + 30 000 = 657 060
    expect(body.items.map((m) => [m.month, m.revision, m.total, m.findings.length])).toEqual([
      ['2026-01', 1, 1_016_340, 1],
      ['2026-02', 2, 657_060, 0],
    ]);
  });

  it('sets budget against actual per line with a straight-line projection, flagging a line heading over', async () => {
    const response = await world.request('GET', `/v1/contracts/${id}/budget-vs-actual`, { as: hr() });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      termMonths: number;
      monthsElapsed: number;
      lines: { line: string; budget: number; actual: number; remaining: number; projected: number; ruleId: string }[];
      totals: Record<string, number>;
      findings: { kind: string; severity: string; ruleId: string; path: string; amounts: Record<string, unknown> }[];
    };
    // January and February of 12 months: projected = actual × 12 / 2 = actual × 6.
    expect(body).toMatchObject({ termMonths: 12, monthsElapsed: 2 });
    // personnel 686 340 + 447 060 = 1 133 400 → 6 800 400 (budget 7 000 000)
    // supervision 100 000 → 600 000 = budget: on track, not over
    // management 150 000 → 900 000 > 600 000: heading over budget by 300 000 (N-7)
    // other 20 000 + … February's revision 2 says 30 000 → 180 000
    expect(body.lines.map((l) => [l.line, l.budget, l.actual, l.remaining, l.projected, l.ruleId])).toEqual([
      ['personnel', 7_000_000, 1_133_400, 5_866_600, 6_800_400, 'P-W2'],
      ['supervision', 600_000, 100_000, 500_000, 600_000, 'P-W2'],
      ['activities', 1_200_000, 200_000, 1_000_000, 1_200_000, 'P-W2'],
      ['management', 600_000, 150_000, 450_000, 900_000, 'N-7'],
      ['tax', 360_000, 60_000, 300_000, 360_000, 'P-W2'],
      ['other', 240_000, 30_000, 210_000, 180_000, 'P-W2'],
    ]);
    // actual 1 133 400 + 100 000 + 200 000 + 150 000 + 60 000 + 30 000 = 1 673 400
    // projected 6 800 400 + 600 000 + 1 200 000 + 900 000 + 360 000 + 180 000 = 10 040 400
    expect(body.totals).toEqual({ budget: 10_000_000, actual: 1_673_400, remaining: 8_326_600, projected: 10_040_400 });
    expect(body.findings.map((f) => [f.severity, f.ruleId, f.path])).toEqual([
      ['warning', 'N-7', '/lines/management'],
      ['error', 'P-W3', '/months/2026-01/payroll/1/grossPay'],
    ]);
    expect(body.findings[0]?.kind).toBe('projectedOverBudget');
    expect(body.findings[0]?.amounts).toMatchObject({
      projected: 900_000,
      excess: 300_000,
    });
  });
});

describe('concurrent PUTs of one month', () => {
  let id: string;
  beforeAll(async () => {
    id = await contract('ACT-2026-006');
  });

  it('answers two identical PUTs at once with one revision (a retry racing its first attempt)', async () => {
    const [a, b] = await Promise.all([put(id, '2026-06', FEBRUARY), put(id, '2026-06', FEBRUARY)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.headers.get('ETag')).toBe('"1"');
    expect(b.headers.get('ETag')).toBe('"1"');
    const history = await reposA().actuals.history(id, '2026-06', { limit: 10 });
    expect(history.items).toHaveLength(1);
  });

  it('without If-Match, keeps both of two different PUTs at once: the later one replaces the earlier', async () => {
    const other = { ...FEBRUARY, note: '另一份' };
    const answers = await Promise.all([put(id, '2026-07', FEBRUARY), put(id, '2026-07', other)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(answers.map((r) => r.headers.get('ETag')).sort()).toEqual(['"1"', '"2"']);
    const history = await reposA().actuals.history(id, '2026-07', { limit: 10 });
    expect(history.items.map((h) => h.revision)).toEqual([2, 1]);
  });
});

describe('named people', () => {
  let id: string;
  beforeAll(async () => {
    id = await contract('ACT-2026-002');
  });

  it('takes a registered person’s name and certificate from the registry', async () => {
    // The world's first person of organisation A: 'orgA 社工1', an assistant since 2022.
    const personId = orgA().people[0]!;
    const response = await put(id, '2026-03', {
      payroll: [{ personId, name: '随便写的名字', certLevel: 'none', grossPay: 3_600_00, sharePercent: 100 }],
      expenses: { supervision: 0, activities: 0, management: 0, tax: 0, other: 0 },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as MonthBody;
    expect(body.input.payroll[0]).toMatchObject({ personId, name: 'orgA 社工1', certLevel: 'assistant' });
  });

  it('refuses a person not in the registry with 422 at the row, writing nothing', async () => {
    const before = await world.table.snapshot();
    const response = await put(id, '2026-04', {
      payroll: [{ personId: orgA().id, name: '不存在', certLevel: 'none', grossPay: 3_600_00, sharePercent: 100 }],
      expenses: { supervision: 0, activities: 0, management: 0, tax: 0, other: 0 },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as ProblemBody).errors).toEqual([
      expect.objectContaining({ path: '/payroll/0/personId' }),
    ]);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('does not flag someone on establishment paid below the floor (P-W1)', async () => {
    const person = await reposA().people.create({
      name: '在编人员',
      idCardNumber: '450602198001010012',
      phone: '13900009999',
      education: { level: 'bachelor', socialWorkMajor: true },
      employmentType: 'public_institution',
      monthlyPay: 3_000_00,
      employment: [],
      certificates: [],
      continuingEducation: [],
    });
    // No certificate: the 'none' floor is ¥2,400; ¥2,000 is below it, but state rules pay this person.
    const response = await put(id, '2026-05', {
      payroll: [{ personId: person.id, name: '在编人员', certLevel: 'none', grossPay: 2_000_00, sharePercent: 100 }],
      expenses: { supervision: 0, activities: 0, management: 0, tax: 0, other: 0 },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as MonthBody & { cost: { payroll: { exempt: boolean }[] } };
    expect(body.cost.findings).toEqual([]);
    expect(body.cost.payroll[0]?.exempt).toBe(true);
  });
});

describe('the rules of the month', () => {
  it('costs each month with the rule set in force on its first day, and keeps what a month was costed with', async () => {
    const id = await contract('ACT-2026-007');
    // The city raises the assistant floor to ¥3,500 from July 2026 (bureau A publishes a new version).
    const bureau = world.tenant('bureauA');
    await world.store.tenant({ tenantId: bureau.id, userId: bureau.users[0]!.id }).ruleSets.publishNow({
      ...FANGCHENGGANG_2023,
      effectiveFrom: '2026-07-01',
      title: '防城港市社会工作人才激励保障参数（2026年7月起）',
      parameters: {
        ...FANGCHENGGANG_2023.parameters,
        payFloor: { ...FANGCHENGGANG_2023.parameters.payFloor, assistant: 3_500_00 },
      },
    });
    // 李明 at ¥3,400: above the ¥3,200 floor in June, ¥100 below the ¥3,500 one in July.
    const june = (await (await put(id, '2026-06', FEBRUARY)).json()) as MonthBody & {
      ruleSet: { effectiveFrom: string };
    };
    const july = (await (await put(id, '2026-07', FEBRUARY)).json()) as MonthBody & {
      ruleSet: { effectiveFrom: string };
    };
    expect([june.ruleSet.effectiveFrom, june.cost.findings.length]).toEqual(['2023-01-01', 0]);
    expect([july.ruleSet.effectiveFrom, july.cost.findings.map((f) => f.amounts.shortfall)]).toEqual([
      '2026-07-01',
      [100_00],
    ]);
    // June, recorded again unchanged, keeps its revision: its rules did not change.
    expect((await put(id, '2026-06', FEBRUARY)).headers.get('ETag')).toBe('"1"');
  });
});

describe('refusals', () => {
  let signed: string;
  let draft: string;
  beforeAll(async () => {
    [signed, draft] = await Promise.all([contract('ACT-2026-003'), contract('ACT-2026-004', false)]);
  });

  it('refuses actuals for a draft contract with 409, writing nothing', async () => {
    const before = await world.table.snapshot();
    const response = await put(draft, '2026-01', JANUARY);
    expect(response.status).toBe(409);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('refuses a month outside the term with 422 naming the month', async () => {
    const response = await put(signed, '2027-01', JANUARY);
    expect(response.status).toBe(422);
    expect(((await response.json()) as ProblemBody).errors?.[0]?.path).toBe('month');
  });

  it('refuses bad input with 400 naming each field, writing nothing', async () => {
    const before = await world.table.snapshot();
    const response = await put(signed, '2026-01', {
      payroll: [{ name: '李明', certLevel: 'assistant', grossPay: -1, sharePercent: 120 }],
      expenses: { ...JANUARY.expenses, activities: 12.5 },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ProblemBody).errors?.map((e) => e.path)).toEqual([
      '/payroll/0/grossPay',
      '/payroll/0/sharePercent',
      '/expenses/activities',
    ]);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('answers 404 to another organisation, for every actuals route, and changes nothing', async () => {
    await put(signed, '2026-01', JANUARY);
    const other = world.user('orgB', 'finance');
    const before = await world.table.snapshot();
    for (const [method, path] of [
      ['PUT', `/v1/contracts/${signed}/actuals/2026-02`],
      ['GET', `/v1/contracts/${signed}/actuals`],
      ['GET', `/v1/contracts/${signed}/actuals/2026-01`],
      ['GET', `/v1/contracts/${signed}/budget-vs-actual`],
    ] as const) {
      const response = await world.request(method, path, {
        as: other,
        ...(method === 'PUT' ? { json: FEBRUARY } : {}),
      });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    expect(await world.table.snapshot()).toBe(before);
  });

  it('lets only admin, finance and project managers record, and hides the months from staff', async () => {
    expect((await put(signed, '2026-02', FEBRUARY, hr())).status).toBe(403);
    expect((await put(signed, '2026-02', FEBRUARY, staff())).status).toBe(403);
    const read = await world.request('GET', `/v1/contracts/${signed}/actuals`, { as: staff() });
    expect(read.status).toBe(403);
  });
});

describe('the pages', () => {
  let id: string;
  let base: string;
  beforeAll(async () => {
    id = await contract('ACT-2026-005');
    base = `/org/contracts/${id}/actuals`;
    await put(id, '2026-01', JANUARY);
  });

  const form = (fields: Record<string, string>) => ({
    rows: '1',
    'row-0-name': '李明',
    'row-0-certLevel': 'assistant',
    'row-0-grossPay': '3400',
    'row-0-share': '100',
    'expense-activities': '1000.50',
    revision: '',
    action: 'save',
    ...fields,
  });

  it('shows budget against actual with the chart, its title and description, and the P-W3 flag', async () => {
    const response = await world.page('GET', base, { as: hr() });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<svg class="chart"');
    expect(html).toContain('<title id="chart-title">预算、实际与预计</title>');
    // January's management ¥1,500 of a ¥6,000 budget, 1 of 12 months: projected ¥18,000, heading over (N-7).
    expect(html).toContain('¥18,000.00');
    expect(html).toContain('王芳 的应发工资 ¥3,700.00 低于该证书等级的指导标准 ¥3,800.00，差 ¥100.00');
    // A reader is not offered the form.
    expect(html).not.toContain('登记 2026年2月');
  });

  it('adds a payroll row without script: the same form with one more row, nothing saved', async () => {
    const before = await world.table.snapshot();
    const response = await world.page('POST', `${base}/2026-02`, { as: finance(), form: form({ action: 'add' }) });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html.match(/<fieldset class="actual-row actual-person/g)?.length).toBe(2);
    expect(html).toContain('id="row-1-name"');
    expect(await world.table.snapshot()).toBe(before);
  });

  it('refuses a bad figure with an error summary naming the row and field, saving nothing', async () => {
    const before = await world.table.snapshot();
    const response = await world.page('POST', `${base}/2026-02`, {
      as: finance(),
      form: form({ 'row-0-grossPay': '三千', 'row-0-share': '0' }),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('href="#row-0-grossPay"');
    expect(html).toContain('第 1 人：应发工资（元）：应为以元为单位的金额，如 3200.50');
    expect(html).toContain('href="#row-0-share"');
    expect(await world.table.snapshot()).toBe(before);
  });

  it('saves a month and sends the browser back to budget against actual with a notice', async () => {
    const response = await world.page('POST', `${base}/2026-02`, { as: finance(), form: form({}) });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`${base}?recorded=2026-02#months`);
    const stored = await reposA().actuals.month(id, '2026-02');
    // ¥1,000.50 typed in yuan is 100 050 fen; 李明 as in January, 447 060.
    expect(stored.cost.lines).toMatchObject({ personnel: 447_060, activities: 100_050 });
    const page = await (await world.page('GET', `${base}?recorded=2026-02`, { as: finance() })).text();
    expect(page).toContain('已保存 2026年2月（第 1 版）。');
    // The same form again changes nothing.
    const again = await world.page('POST', `${base}/2026-02`, { as: finance(), form: form({ revision: '1' }) });
    expect(again.headers.get('Location')).toBe(`${base}?unchanged=2026-02#months`);
  });

  it('prefills a new month from the month before it', async () => {
    const html = await (await world.page('GET', `${base}/2026-03`, { as: finance() })).text();
    expect(html).toContain('工资行按 2026年2月 的登记预填');
    expect(html).toContain('value="李明"');
  });
});

describe('a month recorded before findings had a kind', () => {
  it('reads its old findings as today’s, in the month and in budget against actual', async () => {
    const id = await contract('ACT-2026-008');
    expect((await put(id, '2026-01', JANUARY)).status).toBe(200);
    const { cost } = await reposA().actuals.month(id, '2026-01');
    // The shape the code wrote before: the check among the amounts, the shortfall per month so named.
    const old = {
      severity: 'error',
      ruleId: 'P-W3',
      path: '/payroll/1/grossPay',
      message: '王芳 was paid 370000 fen in 2026-01, 10000 fen below the social_worker floor of 380000 fen.',
      amounts: {
        check: 'payBelowFloor',
        month: '2026-01',
        name: '王芳',
        pay: 3_700_00,
        floor: 3_800_00,
        shortfallPerMonth: 100_00,
      },
    };
    await world.table.set(keys.actualMonth(orgA().id, id, '2026-01'), { cost: { ...cost, findings: [old] } });

    const upgraded = (path: string) => ({
      kind: 'payBelowFloor',
      severity: 'error',
      ruleId: 'P-W3',
      path,
      message: 'Jan 2026: 王芳 was paid ¥3,700.00, below the guideline floor of ¥3,800.00 for their level by ¥100.00',
      amounts: {
        month: '2026-01',
        name: '王芳',
        pay: 3_700_00,
        floor: 3_800_00,
        shortfall: 100_00,
        certLevel: 'social_worker',
      },
    });
    const month = (await (await world.request('GET', `/v1/contracts/${id}/actuals/2026-01`, { as: hr() })).json()) as {
      cost: { findings: unknown[] };
    };
    expect(month.cost.findings).toEqual([upgraded('/payroll/1/grossPay')]);
    const bva = (await (await world.request('GET', `/v1/contracts/${id}/budget-vs-actual`, { as: hr() })).json()) as {
      findings: { kind: string }[];
    };
    expect(bva.findings.filter((f) => f.kind === 'payBelowFloor')).toEqual([
      upgraded('/months/2026-01/payroll/1/grossPay'),
    ]);
  });
});
