import { type ContractDraft, drawSample, FANGCHENGGANG_2023, type NewRuleSet } from '@shegong/domain';
import { CONTRACT_EXAMPLE } from '@shegong/http';
import { ruleSetFormFields } from '@shegong/web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbookCells } from '../../packages/sheets/src/index.ts';
import type { SeededUser } from '../support/world.ts';
import { World } from '../support/world.ts';

/**
 * N-6 spot checks and evaluations, and a draft rule set's impact, against DynamoDB Local.
 *
 * The jurisdiction: bureau A is the city (450600), bureau B the county 东兴 (450681). Besides the
 * world's own contracts (each organisation's draft and signed contract, 港口区 450602, 2026, twelve
 * months), organisation A runs L1 and L2 (港口区, 24 months) and S1 (港口区, 12 months); organisation B
 * runs D1 (东兴, 24 months) and E1 (东兴, 13 months, ended January 2026). Today is 2026-03-01.
 *
 * Population of 2026 for the city: L1, L2, D1, E1 (running, over 12 months); S1 and the world's
 * signed contracts are not (12 months; signed, not running). For the county: D1, E1.
 */
const world = await World.create('evaluations', { deps: { today: () => '2026-03-01' } });

const ids: Record<'L1' | 'L2' | 'S1' | 'D1' | 'E1', { org: string; id: string }> = {} as never;

function terms(number: string, region: string, startDate: string, endDate: string): ContractDraft {
  const [first, second, last] = [startDate, startDate, endDate];
  return {
    ...CONTRACT_EXAMPLE,
    terms: {
      ...CONTRACT_EXAMPLE.terms,
      number,
      purchaser: { name: region === '450681' ? '东兴市民政局' : '防城港市港口区民政局', region },
      startDate,
      endDate,
      stableRecurring: true,
      milestones: [
        { name: '首期款', dueDate: first, amount: 84_000_00 },
        { name: '中期款', dueDate: second, amount: 112_000_00 },
        { name: '尾款', dueDate: last, amount: 84_000_00 },
      ],
    },
  };
}

async function running(user: SeededUser, draft: ContractDraft): Promise<string> {
  const created = await world.request('POST', '/v1/contracts', { as: user, json: draft });
  expect(created.status, await created.clone().text()).toBe(201);
  const { contract } = (await created.json()) as { contract: { id: string; version: number } };
  let version = contract.version;
  for (const to of ['submitted', 'signed', 'running'] as const) {
    // Review before signing: the bureau covering the purchaser approves the submitted contract.
    if (to === 'signed') {
      const org = world.tenant(user.label.split('.')[0] as 'orgA' | 'orgB');
      version = (await world.approve(org, contract.id, version)).version;
    }
    const moved = await world.request('POST', `/v1/contracts/${contract.id}/transitions`, {
      as: user,
      json: { to, date: draft.terms.startDate },
      headers: { 'If-Match': `"${version}"` },
    });
    expect(moved.status, await moved.clone().text()).toBe(200);
    version = ((await moved.json()) as { version: number }).version;
  }
  return contract.id;
}

beforeAll(async () => {
  await world.seed();
  const a = world.user('orgA', 'project_manager');
  const b = world.user('orgB', 'project_manager');
  const [orgA, orgB] = [world.tenant('orgA').id, world.tenant('orgB').id];
  ids.L1 = { org: orgA, id: await running(a, terms('L1', '450602', '2025-07-01', '2027-06-30')) };
  ids.L2 = { org: orgA, id: await running(a, terms('L2', '450602', '2025-07-01', '2027-06-30')) };
  ids.S1 = { org: orgA, id: await running(a, terms('S1', '450602', '2026-01-01', '2026-12-31')) };
  ids.D1 = { org: orgB, id: await running(b, terms('D1', '450681', '2025-07-01', '2027-06-30')) };
  ids.E1 = { org: orgB, id: await running(b, terms('E1', '450681', '2025-01-01', '2026-01-31')) };
});
afterAll(() => world.dispose());

const city = () => world.user('bureauA', 'auditor');
const cityReviewer = () => world.user('bureauA', 'reviewer');
const county = () => world.user('bureauB', 'reviewer');
const candidate = (c: { org: string; id: string }) => `${c.org}/${c.id}`;
const contractPath = (c: { org: string; id: string }) => `/v1/jurisdiction/contracts/${c.org}/${c.id}`;

interface SpotCheck {
  id: string;
  seed: string;
  share: number;
  ruleId: string;
  algorithm: { name: string; version: number };
  population: { id: string; county: string }[];
  sample: string[];
  strata: { county: string; population: number; sampled: number }[];
}

describe('spot checks (N-6)', () => {
  let drawn: SpotCheck;

  it('draws at least 30 % of the running contracts over a year, per county, and records how', async () => {
    const response = await world.request('POST', '/v1/spot-checks', {
      as: city(),
      json: { year: 2026, stratified: true, seed: '2026年度抽查' },
    });
    expect(response.status, await response.clone().text()).toBe(201);
    drawn = (await response.json()) as SpotCheck;
    expect(drawn).toMatchObject({
      id: '2026',
      seed: '2026年度抽查',
      share: 3000,
      ruleId: 'N-6',
      algorithm: { name: 'sha256-rank', version: 1 },
    });
    expect(drawn.population.map((c) => c.id)).toEqual(
      [candidate(ids.L1), candidate(ids.L2), candidate(ids.D1), candidate(ids.E1)].sort(),
    );
    // ceil(30 % × 2) = 1 in each county.
    expect(drawn.strata).toEqual([
      { county: '450602', population: 2, sampled: 1 },
      { county: '450681', population: 2, sampled: 1 },
    ]);
    expect(drawn.sample).toHaveLength(2);
  });

  it('gives the same sample when drawn again: read back, verified by the API, and recomputed from the record', async () => {
    const again = (await (
      await world.request('GET', '/v1/spot-checks/2026', { as: cityReviewer() })
    ).json()) as SpotCheck;
    expect(again.sample).toEqual(drawn.sample);
    const verify = await world.request('GET', '/v1/spot-checks/2026/verify', { as: cityReviewer() });
    expect(await verify.json()).toMatchObject({ matches: true, recorded: drawn.sample, redrawn: drawn.sample });
    const recomputed = drawSample({
      population: again.population,
      seed: again.seed,
      share: again.share,
      stratified: true,
    });
    expect(recomputed.sample).toEqual(drawn.sample);
  });

  it('draws once a year: a second draw is a conflict, and nothing else is written', async () => {
    const response = await world.request('POST', '/v1/spot-checks', {
      as: city(),
      json: { year: 2026, stratified: false },
    });
    expect(response.status).toBe(409);
    const list = (await (await world.request('GET', '/v1/spot-checks', { as: city() })).json()) as {
      items: SpotCheck[];
    };
    // The world's own draw of 2025 (support/world.ts) comes after, newest year first.
    expect(list.items.map((s) => s.id)).toEqual(['2026', '2025']);
  });

  it('the county bureau draws from its own county only', async () => {
    const response = await world.request('POST', '/v1/spot-checks', {
      as: county(),
      json: { year: 2026, stratified: false },
    });
    expect(response.status).toBe(201);
    const own = (await response.json()) as SpotCheck;
    expect(own.population.map((c) => c.id).sort()).toEqual([candidate(ids.D1), candidate(ids.E1)].sort());
    expect(own.sample).toHaveLength(1);
  });

  it('refuses a year that has not come, naming the field', async () => {
    const response = await world.request('POST', '/v1/spot-checks', {
      as: city(),
      json: { year: 2027, stratified: false },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ path: '/year' }] });
  });
});

interface Evaluation {
  id: string;
  organisationId: string;
  contractId: string;
  kind: string;
  total: number;
  grade: string;
  ruleId: string;
  evaluator: { name: string };
}

describe('evaluations (N-6)', () => {
  let final: Evaluation;

  it('counts the ended contract without a final evaluation as overdue, for the city and the county alike', async () => {
    for (const user of [city(), county()]) {
      const response = await world.request('GET', '/v1/evaluations/overdue-finals', { as: user });
      expect(await response.json()).toMatchObject({ count: 1, contracts: [{ contractId: ids.E1.id, number: 'E1' }] });
    }
  });

  it('scores a final evaluation with the default template: total, grade and rule id, evaluator and date', async () => {
    const response = await world.request('POST', `${contractPath(ids.E1)}/evaluations`, {
      as: city(),
      json: { kind: 'final', templateId: 'default', scores: [18, 36, 17, 18], notes: '服务成效良好' },
    });
    expect(response.status, await response.clone().text()).toBe(201);
    final = (await response.json()) as Evaluation;
    expect(final).toMatchObject({
      kind: 'final',
      total: 8900,
      grade: 'good',
      ruleId: 'N-6',
      evaluatedOn: '2026-03-01',
      evaluator: { name: 'bureauA auditor' },
    });
    const overdue = await world.request('GET', '/v1/evaluations/overdue-finals', { as: county() });
    expect(await overdue.json()).toMatchObject({ count: 0 });
  });

  it('files one final evaluation per contract, whichever bureau files it', async () => {
    const response = await world.request('POST', `${contractPath(ids.E1)}/evaluations`, {
      as: county(),
      json: { kind: 'final', templateId: 'default', scores: [20, 40, 20, 20] },
    });
    expect(response.status).toBe(409);
  });

  it('refuses a final evaluation before the contract’s last month, and a score over its maximum', async () => {
    const early = await world.request('POST', `${contractPath(ids.L1)}/evaluations`, {
      as: city(),
      json: { kind: 'final', templateId: 'default', scores: [20, 40, 20, 20] },
    });
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({ errors: [{ path: '/kind' }] });
    const over = await world.request('POST', `${contractPath(ids.L1)}/evaluations`, {
      as: city(),
      json: { kind: 'final', templateId: 'default', scores: [21, 40, 20, 20] },
    });
    expect(over.status).toBe(400);
    expect(await over.json()).toMatchObject({ errors: [{ path: '/scores/0' }] });
  });

  it('spot-checks only a contract drawn in the year’s sample', async () => {
    const sample = ((await (await world.request('GET', '/v1/spot-checks/2026', { as: city() })).json()) as SpotCheck)
      .sample;
    const [sampled, notSampled] = [ids.L1, ids.L2].sort((x) => (sample.includes(candidate(x)) ? -1 : 1)) as [
      typeof ids.L1,
      typeof ids.L1,
    ];
    const ok = await world.request('POST', `${contractPath(sampled)}/evaluations`, {
      as: cityReviewer(),
      json: { kind: 'spot_check', spotCheckYear: 2026, templateId: 'default', scores: [12, 20, 12, 11] },
    });
    expect(ok.status, await ok.clone().text()).toBe(201);
    expect(await ok.json()).toMatchObject({ kind: 'spot_check', total: 5500, grade: 'fail' });
    const refused = await world.request('POST', `${contractPath(notSampled)}/evaluations`, {
      as: cityReviewer(),
      json: { kind: 'spot_check', spotCheckYear: 2026, templateId: 'default', scores: [12, 20, 12, 11] },
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ errors: [{ path: '/spotCheckYear', code: 'notSampled' }] });
  });

  it('a county bureau cannot evaluate or read a 港口区 contract: 404', async () => {
    const post = await world.request('POST', `${contractPath(ids.L1)}/evaluations`, {
      as: county(),
      json: { kind: 'final', templateId: 'default', scores: [20, 40, 20, 20] },
    });
    expect(post.status).toBe(404);
    const read = await world.request('GET', `${contractPath(ids.L1)}/evaluations`, { as: county() });
    expect(read.status).toBe(404);
  });

  it('the organisation sees the evaluations of its own contracts, and no one else’s', async () => {
    const ofB = (await (
      await world.request('GET', '/v1/org/evaluations', { as: world.user('orgB', 'admin') })
    ).json()) as {
      items: Evaluation[];
    };
    expect(ofB.items.map((e) => e.id)).toEqual([final.id]);
    const ofA = (await (
      await world.request('GET', '/v1/org/evaluations', { as: world.user('orgA', 'admin') })
    ).json()) as {
      items: Evaluation[];
    };
    expect(ofA.items.map((e) => e.organisationId)).toEqual([world.tenant('orgA').id, world.tenant('orgA').id]);
    const foreign = await world.request('GET', `/v1/org/evaluations/${final.id}`, { as: world.user('orgA', 'admin') });
    expect(foreign.status).toBe(404);
    const own = await world.request('GET', `/v1/org/evaluations/${final.id}`, { as: world.user('orgB', 'admin') });
    expect(await own.json()).toMatchObject({ id: final.id, grade: 'good' });
    // The bureaus' own lists: the city filed both (and the world's own evaluation), the county none.
    const filed = (await (await world.request('GET', '/v1/evaluations', { as: city() })).json()) as {
      items: Evaluation[];
    };
    expect(filed.items).toHaveLength(3);
    const none = (await (await world.request('GET', '/v1/evaluations', { as: county() })).json()) as {
      items: Evaluation[];
    };
    expect(none.items).toEqual([]);
  });

  it('exports the evaluation as xlsx, with the grade and rule id', async () => {
    const response = await world.request('GET', `${contractPath(ids.E1)}/evaluations/${final.id}/report.xlsx`, {
      as: city(),
    });
    expect(response.status).toBe(200);
    const cells = await workbookCells(Buffer.from(await response.arrayBuffer()));
    const text = JSON.stringify(cells);
    expect(text).toContain('良好');
    expect(text).toContain('89');
    expect(text).toContain('N-6');
  });
});

describe('evaluation templates', () => {
  it('refuses weights that do not add up to 100, naming the field; keeps, changes and uses a valid one', async () => {
    const bad = await world.request('POST', '/v1/evaluation-templates', {
      as: city(),
      json: {
        name: '模板',
        indicators: [
          { name: '甲', weight: 60, maxScore: 10 },
          { name: '乙', weight: 30, maxScore: 10 },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ path: '/indicators' }] });
    const created = await world.request('POST', '/v1/evaluation-templates', {
      as: city(),
      json: {
        name: '模板',
        indicators: [
          { name: '甲', weight: 60, maxScore: 10 },
          { name: '乙', weight: 40, maxScore: 10 },
        ],
      },
    });
    expect(created.status).toBe(201);
    const template = (await created.json()) as { id: string; version: number };
    const changed = await world.request('PUT', `/v1/evaluation-templates/${template.id}`, {
      as: city(),
      headers: { 'If-Match': `"${template.version}"` },
      json: {
        name: '模板（修订）',
        indicators: [
          { name: '甲', weight: 50, maxScore: 10 },
          { name: '乙', weight: 50, maxScore: 5 },
        ],
      },
    });
    expect(changed.status).toBe(200);
    const list = (await (await world.request('GET', '/v1/evaluation-templates', { as: city() })).json()) as {
      items: { id: string; name: string }[];
    };
    // The default first, then the bureau's own (the world's two, and this one), in id (time) order.
    expect(list.items.map((t) => t.name)).toEqual(['默认评估模板（示例）', '模板甲', '模板乙', '模板（修订）']);
    // The county bureau does not see the city's template.
    const foreign = await world.request('GET', `/v1/evaluation-templates/${template.id}`, { as: county() });
    expect(foreign.status).toBe(404);
  });
});

describe('the impact of a draft rule set', () => {
  /**
   * The city's draft from 2026-07-01 raises the assistants' floor to ¥3,500 and the labour-share
   * minimum to 75 %. It governs the 港口区 contracts running on or after 2026-07-01: the two world
   * drafts (draft stage), the two world signed ones, L1, L2 and S1 (running stage). Not D1 (东兴 has
   * its own rule set in force) nor E1 (ended in January).
   *
   * Each of them is CONTRACT_EXAMPLE's plan: two assistants paid ¥3,400 (P-W3 below ¥3,500); the
   * personnel line 204,200 / 280,000 = 72.9 % < 75 % (P-W2); the price floor with supervision
   * 12,000, activities 30,000, other 3,000 and management 8 %: the smallest V with
   * V − round(3 % V) − round(8 % V) − 45,000 ≥ 75 % V, i.e. 14 % V ≥ 45,000 → V ≈ ¥321,428.57,
   * where the half-up rounding of tax (964,285.68 → 964,286 fen) and management (2,571,428.48 →
   * 2,571,428 fen) lets ¥321,428.56 pass: extra funding 321,428.56 − 280,000 = ¥41,428.56 each.
   */
  const draft: NewRuleSet = {
    ...FANGCHENGGANG_2023,
    effectiveFrom: '2026-07-01',
    title: '防城港市参数（2026年7月，征求意见稿）',
    parameters: {
      ...FANGCHENGGANG_2023.parameters,
      payFloor: { ...FANGCHENGGANG_2023.parameters.payFloor, assistant: 3_500_00 },
      minLabourShare: 7500,
    },
  };

  it('counts, per county and in total, the contracts it would govern and the extra funding', async () => {
    const response = await world.request('POST', '/v1/rule-sets/impact', { as: cityReviewer(), json: draft });
    expect(response.status, await response.clone().text()).toBe(200);
    const impact = (await response.json()) as {
      figures: Record<'draft' | 'running' | 'total', Record<string, number>>;
      counties: { county: string }[];
      contracts: { number: string; extraFunding: number; effects: string[]; priceFloor: { after: number } }[];
      ruleIds: Record<string, string>;
    };
    const each = { payBelowFloor: 1, labourShareBelowMin: 1, belowPriceFloor: 1, noPriceFloor: 0 };
    const times = (n: number) => ({
      examined: n,
      ...Object.fromEntries(Object.entries(each).map(([k, v]) => [k, v * n])),
      extraFunding: n * 41_428_56,
    });
    expect(impact.figures).toEqual({ draft: times(2), running: times(5), total: times(7) });
    expect(impact.counties.map((c) => c.county)).toEqual(['450602']);
    expect(impact.contracts.map((c) => c.number).sort()).toEqual(
      ['GKMZ-2026-009', 'GKMZ-2026-009', 'GKMZ-2026-016', 'GKMZ-2026-016', 'L1', 'L2', 'S1'].sort(),
    );
    expect(impact.contracts[0]).toMatchObject({
      priceFloor: { after: 321_428_56 },
      effects: ['payBelowFloor', 'labourShareBelowMin', 'belowPriceFloor'],
    });
    expect(impact.ruleIds).toMatchObject({ payBelowFloor: 'P-W3', extraFunding: 'P-W2' });
  });

  it('a county’s draft governs its own county only; the county cannot weigh the city’s', async () => {
    const own = await world.request('POST', '/v1/rule-sets/impact', {
      as: county(),
      json: { ...draft, region: '450681', effectiveFrom: '2026-07-01' },
    });
    expect(own.status).toBe(200);
    const impact = (await own.json()) as { figures: { total: { examined: number } }; contracts: { number: string }[] };
    expect(impact.figures.total.examined).toBe(1);
    expect(impact.contracts.map((c) => c.number)).toEqual(['D1']);
    const city = await world.request('POST', '/v1/rule-sets/impact', { as: county(), json: draft });
    expect(city.status).toBe(403);
  });

  it('the publish confirmation shows the impact beside the diff', async () => {
    const confirm = await world.page('POST', '/bureau/rules/new', {
      as: cityReviewer(),
      form: { ...ruleSetFormFields(draft), _key: 'r'.repeat(24) },
    });
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain('对辖区合同的影响');
    // The extra funding in total: 7 × ¥41,428.56.
    expect(html).toContain('¥289,999.92');
  });
});

describe('the pages', () => {
  const main = async (response: Response) => /<main[\s\S]*<\/main>/.exec(await response.text())?.[0] ?? '';

  it('the bureau’s page lists the draws, the evaluations filed and what is overdue; a year drawn twice says so', async () => {
    const page = await world.page('GET', '/bureau/evaluations', { as: city() });
    expect(page.status).toBe(200);
    const html = await main(page);
    expect(html).toContain('2026年度抽查');
    expect(html).toContain('E1');
    const again = await world.page('POST', '/bureau/evaluations/spot-checks', {
      as: city(),
      form: { year: '2026', seed: 'x', _key: 'k'.repeat(24) },
    });
    expect(again.status).toBe(409);
    expect(await main(again)).toContain('这个年度已经抽取过样本');
    const bad = await world.page('POST', '/bureau/evaluations/spot-checks', { as: city(), form: { year: 'abc' } });
    expect(bad.status).toBe(400);
    expect(await main(bad)).toContain('href="#year"');
  });

  it('the sample page shows the check and links each sampled contract to its evaluation', async () => {
    const page = await world.page('GET', '/bureau/evaluations/spot-checks/2026', { as: city(), lang: 'en' });
    expect(page.status).toBe(200);
    const html = await main(page);
    expect(html).toContain('the same sample');
    expect(html).toContain('sha256-rank');
  });

  it('files an evaluation from the form, with field errors first, and shows the printable report', async () => {
    // The county's sample holds one of D1 and E1.
    const sample = ((await (await world.request('GET', '/v1/spot-checks/2026', { as: county() })).json()) as SpotCheck)
      .sample;
    const sampled = sample.includes(candidate(ids.D1)) ? ids.D1 : ids.E1;
    const path = `/bureau/evaluations/contracts/${sampled.org}/${sampled.id}/new`;
    expect((await world.page('GET', `${path}?kind=spot_check&year=2026`, { as: county() })).status).toBe(200);
    const bad = await world.page('POST', path, {
      as: county(),
      form: { kind: 'spot_check', spotCheckYear: '2026', templateId: 'default', score: ['25', '30', '15', '15'] },
    });
    expect(bad.status).toBe(400);
    expect(await main(bad)).toContain('href="#score-0"');
    const filed = await world.page('POST', path, {
      as: county(),
      form: {
        kind: 'spot_check',
        spotCheckYear: '2026',
        templateId: 'default',
        score: ['19', '38', '18', '17'],
        _key: 'f'.repeat(24),
      },
    });
    expect(filed.status).toBe(303);
    const report = await world.page('GET', filed.headers.get('Location') ?? '', { as: county() });
    const html = await main(report);
    expect(html).toContain('92.00');
    expect(html).toContain('优秀');
    expect(html).toContain('data-print');
  });

  it('keeps a new template from the form, saying which row is wrong first', async () => {
    const form = (weight: string) => ({
      name: '社区项目模板',
      indicatorName: ['服务成效', '', '群众满意度'],
      indicatorWeight: ['60', '', weight],
      indicatorMax: ['60', '', '40'],
    });
    const bad = await world.page('POST', '/bureau/evaluations/templates/new', { as: city(), form: form('30') });
    expect(bad.status).toBe(400);
    const html = await main(bad);
    expect(html).toContain('各指标权重合计须为 100，现在是 90');
    const missing = await world.page('POST', '/bureau/evaluations/templates/new', { as: city(), form: form('x') });
    expect(await main(missing)).toContain('href="#indicator-2-weight"');
    const saved = await world.page('POST', '/bureau/evaluations/templates/new', { as: city(), form: form('40') });
    expect(saved.status).toBe(303);
    expect(await main(await world.page('GET', '/bureau/evaluations', { as: city() }))).toContain('社区项目模板');
  });

  it('the organisation lists its evaluations and opens the report; a county bureau gets 404 for a 港口区 contract’s form', async () => {
    const list = await world.page('GET', '/org/evaluations', { as: world.user('orgB', 'admin') });
    expect(await main(list)).toContain('E1');
    const foreign = await world.page('GET', `/bureau/evaluations/contracts/${ids.L1.org}/${ids.L1.id}/new`, {
      as: county(),
    });
    expect(foreign.status).toBe(404);
  });
});

describe('after the guideline is published', () => {
  it('the organisation’s dashboard shows its affected contracts with the effect', async () => {
    const published = await world.request('POST', '/v1/rule-sets', {
      as: cityReviewer(),
      json: {
        ...FANGCHENGGANG_2023,
        effectiveFrom: '2026-07-01',
        title: '防城港市参数（2026年7月）',
        parameters: {
          ...FANGCHENGGANG_2023.parameters,
          payFloor: { ...FANGCHENGGANG_2023.parameters.payFloor, assistant: 3_500_00 },
          minLabourShare: 7500,
        },
      },
    });
    expect(published.status).toBe(201);
    const page = await world.page('GET', '/org', { as: world.user('orgA', 'admin') });
    const html = /<main[\s\S]*<\/main>/.exec(await page.text())?.[0] ?? '';
    expect(html).toContain('effect-summary');
    expect(html).toContain('P-W3');
    expect(html).toContain('¥321,428.56');
  });
});
