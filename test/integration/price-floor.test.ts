import { randomUUID } from 'node:crypto';
import { FANGCHENGGANG_2023, type PriceFloorCalculation } from '@shegong/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * The price-floor calculator through the API (COSTING.md "The price floor", P-W2), with
 * Fangchenggang's 2023 rule set for organisation A's purchaser (港口区 450602): tax 3 %, management
 * cap 10 %, personnel ≥ 70 %; a social worker at the floor costs M = 380 000 + SI 90 060 + HF 19 000
 * = 489 060 a month. The numbers follow packages/domain/src/costing/price-floor.test.ts, with these
 * figures instead of the test rule set's.
 */

const world = await World.create('price-floor');
/** A region whose (made-up) rule set asks 90 % for personnel: 3 % + 10 % + 90 % > 100 %. */
const GREEDY_REGION = '450100';
beforeAll(async () => {
  await world.seed();
  const bureau = world.store.tenant({ tenantId: randomUUID(), userId: randomUUID() });
  await bureau.ruleSets.publishNow({
    ...FANGCHENGGANG_2023,
    region: GREEDY_REGION,
    title: '南宁市（测试：人员经费 90%）',
    parameters: { ...FANGCHENGGANG_2023.parameters, minLabourShare: 9000 },
  });
});
afterAll(() => world.dispose());

const finance = () => world.user('orgA', 'finance');
const SOCIAL_WORKER = { title: '社工', role: 'frontline', certLevel: 'social_worker', ftePercent: 100, months: 12 };
const FIXED = { supervision: 300_000, activities: 900_000, other: 0 };

async function calculate(body: unknown, as = finance()) {
  return world.request('POST', '/v1/contracts/price-floor', { as, json: body });
}

describe('POST /v1/contracts/price-floor', () => {
  it('finds the smallest value where the labour cost binds, and shows V − 1 failing it', async () => {
    // L = 489 060 × 12 = 5 868 720; F = 1 200 000; V × 8700 / 10 000 ≥ L + F = 7 068 720 → V ≥ 8 124 965.5…
    // V = 8 124 966: tax round(243 748.98) = 243 749, management round(812 496.6) = 812 497,
    //   personnel 8 124 966 − 243 749 − 812 497 − 1 200 000 = 5 868 720 = L ✓
    //   share 5 868 720 × 10 000 ≥ 8 124 966 × 7000 ✓ (required ⌈5 687 476.2⌉ = 5 687 477)
    // V = 8 124 965: tax round(243 748.95) = 243 749, management round(812 496.5) = 812 497 (half up),
    //   personnel 5 868 719 < L ✗; the share still holds
    const response = await calculate({
      region: '450602',
      startDate: '2026-01-01',
      posts: [SOCIAL_WORKER],
      fixed: FIXED,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as PriceFloorCalculation;
    expect(body.ruleSet).toMatchObject({ id: world.ruleSetIds.bureauA, region: '450600', effectiveFrom: '2023-01-01' });
    expect(body.managementShare).toBe(1000); // the cap, when none is asked for
    expect(body.posts).toEqual([
      expect.objectContaining({
        title: '社工',
        pay: 380_000,
        si: 90_060,
        hf: 19_000,
        monthly: 489_060,
        cost: 5_868_720,
      }),
    ]);
    expect(body.labourCost).toBe(5_868_720);
    expect(body.priceFloor).toEqual({
      feasible: true,
      value: 8_124_966,
      labourCost: 5_868_720,
      lines: {
        personnel: 5_868_720,
        supervision: 300_000,
        activities: 900_000,
        management: 812_497,
        tax: 243_749,
        other: 0,
      },
      ruleId: 'P-W2',
    });
    expect(body.conditions?.atFloor).toMatchObject({
      value: 8_124_966,
      labourCost: { holds: true, personnel: 5_868_720, required: 5_868_720, ruleId: 'P-W2' },
      labourShare: { holds: true, required: 5_687_477, minLabourShare: 7000, ruleId: 'P-W2' },
    });
    expect(body.conditions?.belowFloor).toMatchObject({
      value: 8_124_965,
      lines: { tax: 243_749, management: 812_497, personnel: 5_868_719 },
      labourCost: { holds: false, personnel: 5_868_719, required: 5_868_720 },
      labourShare: { holds: true },
    });
    expect(body.binding).toEqual(['labourCost']);
    expect(body.findings).toEqual([]);
  });

  it('finds the smallest value where the labour share binds', async () => {
    // No posts (L = 0), supervision 1 700 000: V × 1700 ≥ 10 000 × 1 700 000 → V ≥ 10 000 000.
    // V = 10 000 000: tax 300 000, management 1 000 000, personnel 7 000 000 = 70 % ✓
    // V = 9 999 999: tax 300 000, management 1 000 000, personnel 6 999 999 < ⌈6 999 999.3⌉ = 7 000 000 ✗
    const response = await calculate({
      region: '450602',
      startDate: '2026-01-01',
      posts: [],
      fixed: { supervision: 1_700_000, activities: 0, other: 0 },
      managementShare: 1000,
    });
    const body = (await response.json()) as PriceFloorCalculation;
    expect(body.priceFloor).toMatchObject({ feasible: true, value: 10_000_000, lines: { personnel: 7_000_000 } });
    expect(body.conditions?.belowFloor).toMatchObject({
      labourCost: { holds: true },
      labourShare: { holds: false, personnel: 6_999_999, required: 7_000_000, shareBp: 6999 },
    });
    expect(body.binding).toEqual(['labourShare']);
  });

  it('costs a named person at their pay and certificate, and flags a pay under the floor (P-W3)', async () => {
    // World person 1 of organisation A: ¥3,600, assistant since 2022. SI base max(360 000, 380 000)
    // = 380 000 → SI 90 060; HF 360 000 × 5 % = 18 000; M = 468 060; 12 months → 5 616 720.
    // The second post pays ¥3,000, ¥200 under the assistant floor ¥3,200.
    const orgA = world.tenant('orgA');
    const response = await calculate({
      region: '450602',
      startDate: '2026-01-01',
      posts: [
        { ...SOCIAL_WORKER, certLevel: 'none', personId: orgA.people[0] },
        { ...SOCIAL_WORKER, title: '助理', certLevel: 'assistant', monthlyPay: 300_000 },
      ],
      fixed: FIXED,
      managementShare: 500,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as PriceFloorCalculation;
    expect(body.posts[0]).toMatchObject({
      personId: orgA.people[0],
      personName: 'orgA 社工1',
      certLevel: 'assistant',
      pay: 360_000,
      monthly: 468_060,
      cost: 5_616_720,
    });
    expect(body.findings).toEqual([
      expect.objectContaining({
        kind: 'payBelowFloor',
        ruleId: 'P-W3',
        path: '/posts/1/monthlyPay',
        amounts: expect.objectContaining({ pay: 300_000, floor: 320_000, shortfall: 20_000 }),
      }),
    ]);
    expect(body.managementShare).toBe(500);
  });

  it('says why no value exists when tax, management and the labour share pass 100 %', async () => {
    // 300 + 1000 + 9000 = 10 300 bp ≥ 10 000 with fixed lines of 1 200 000: no V satisfies the share.
    const response = await calculate({ region: GREEDY_REGION, startDate: '2026-01-01', posts: [], fixed: FIXED });
    expect(response.status).toBe(200);
    const body = (await response.json()) as PriceFloorCalculation;
    expect(body.priceFloor).toMatchObject({ feasible: false, reason: 'no_value', ruleId: 'P-W2' });
    expect(body.conditions).toBeUndefined();
    expect(body.binding).toEqual([]);
    // With no management asked for, 300 + 9000 < 10 000 and a value exists again.
    const lean = await calculate({
      region: GREEDY_REGION,
      startDate: '2026-01-01',
      posts: [],
      fixed: FIXED,
      managementShare: 0,
    });
    expect(((await lean.json()) as PriceFloorCalculation).priceFloor.feasible).toBe(true);
  });

  it('refuses with the field named: no rule set in force, an unknown person, a share above the cap', async () => {
    const before = await world.table.snapshot();
    const noRules = await calculate({ region: '450602', startDate: '2020-01-01', posts: [], fixed: FIXED });
    expect(noRules.status).toBe(422);
    expect(await noRules.json()).toMatchObject({ errors: [expect.objectContaining({ path: '/startDate' })] });
    // Organisation B's person is not in A's registry.
    const foreign = await calculate({
      region: '450602',
      startDate: '2026-01-01',
      posts: [{ ...SOCIAL_WORKER, personId: world.tenant('orgB').people[0] }],
      fixed: FIXED,
    });
    expect(foreign.status).toBe(422);
    expect(await foreign.json()).toMatchObject({ errors: [{ path: '/posts/0/personId' }] });
    const aboveCap = await calculate({
      region: '450602',
      startDate: '2026-01-01',
      posts: [],
      fixed: FIXED,
      managementShare: 1001,
    });
    expect(aboveCap.status).toBe(422);
    expect(await aboveCap.json()).toMatchObject({ errors: [expect.objectContaining({ path: '/managementShare' })] });
    const bad = await calculate({
      region: '450602',
      startDate: '2026-01-01',
      posts: [],
      fixed: { ...FIXED, other: 0.5 },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [expect.objectContaining({ path: '/fixed/other' })] });
    // Writes nothing.
    expect(await world.table.snapshot()).toBe(before);
  });

  it('is for the contract writers and hr (who see pay anyway): staff get 403', async () => {
    const body = { region: '450602', startDate: '2026-01-01', posts: [], fixed: FIXED };
    expect((await calculate(body, world.user('orgA', 'staff'))).status).toBe(403);
    expect((await calculate(body, world.user('orgA', 'hr'))).status).toBe(200);
  });
});

describe('the calculator page, /org/price-floor', () => {
  /** A calculation as the GET form sends it: one social worker at the floor, ¥3,000 + ¥9,000 fixed. */
  const query = (change: Record<string, string> = {}) =>
    new URLSearchParams({
      region: '450602',
      startDate: '2026-01-01',
      rows: '1',
      'post-0-title': '社工',
      'post-0-role': 'frontline',
      'post-0-level': 'social_worker',
      'post-0-fte': '100',
      'post-0-months': '12',
      'post-0-pay': '',
      'post-0-person': '',
      supervision: '3000',
      activities: '9000',
      other: '0',
      managementShare: '',
      action: 'calculate',
      ...change,
    }).toString();

  const page = async (search: string, as = finance()) => {
    const response = await world.page('GET', `/org/price-floor${search ? `?${search}` : ''}`, { as });
    return { status: response.status, html: await response.text() };
  };

  it('starts with the organisation’s region, today and one post, and the local cap as the hint', async () => {
    const { status, html } = await page('');
    expect(status).toBe(200);
    expect(html).toContain('<option value="450602" selected="">');
    expect(html).toContain('name="post-0-title"');
    expect(html).toContain('留空按当地上限 10%');
    expect(html).toMatch(/id="managementShare" name="managementShare" type="text" value="10"/);
    expect(html).not.toContain('id="result"');
  });

  it('shows the floor of the API, why it is the smallest, and the budget at the floor', async () => {
    // As the API test above: ¥81,249.66, the labour cost binding one fen below.
    const { status, html } = await page(query());
    expect(status).toBe(200);
    expect(html).toContain('id="price-floor-value">¥81,249.66</strong>');
    expect(html).toContain('起决定作用的是人力成本');
    expect(html).toContain('少一分钱，合同金额为 ¥81,249.65 时');
    expect(html).toContain('人员经费 ¥58,687.19 低于人力成本 ¥58,687.20 ✗');
    expect(html).toContain('¥8,124.97'); // management at the floor, round(812 496.6 fen)
    expect(html).toContain('<summary title=');
  });

  it('adds and removes a post by submit buttons, without calculating', async () => {
    const added = await page(query({ action: 'add' }));
    expect(added.html).toContain('name="post-1-title"');
    expect(added.html).not.toContain('id="result"');
    const removed = await page(query({ action: 'remove-0' }));
    expect(removed.html).not.toContain('name="post-0-title"');
  });

  it('names each wrong field, and refuses a share above the local cap', async () => {
    const wrong = await page(query({ 'post-0-fte': '0', supervision: '3,000.001' }));
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('href="#post-0-fte"');
    expect(wrong.html).toContain('href="#supervision"');
    const above = await page(query({ managementShare: '12.5' }));
    expect(above.status).toBe(400);
    expect(above.html).toContain('管理费比例不能超过当地上限 10%');
    const noRules = await page(query({ startDate: '2020-01-01' }));
    expect(noRules.html).toContain('该地区在这一天没有施行中的规则');
  });

  it('says in plain words when no value exists', async () => {
    const { html } = await page(query({ region: GREEDY_REGION }));
    expect(html).toContain('没有可行的合同金额');
    expect(html).toContain('税费 3%、管理费 10% 和人员经费最低比例 90%');
  });

  it('fills in a contract’s current version and calculates at once; another organisation’s is not found', async () => {
    const orgA = world.tenant('orgA');
    const { html } = await page(`contract=${orgA.contracts!.draft}`);
    // CONTRACT_EXAMPLE: four posts, fixed ¥12,000 + ¥30,000 + ¥3,000 and 8 %: the floor ¥266,557.75.
    expect(html).toContain('已按合同 GKMZ-2026-016 的当前版本填入');
    expect(html).toContain('name="post-3-title"');
    expect(html).toContain('id="price-floor-value">¥266,557.75</strong>');
    const other = await page(`contract=${world.tenant('orgB').contracts!.draft}`);
    expect(other.status).toBe(404);
  });

  it('is for the contract writers', async () => {
    expect((await page('', world.user('orgA', 'staff'))).status).toBe(403);
  });
});
