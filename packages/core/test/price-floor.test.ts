import { randomUUID } from 'node:crypto';
import type { ContractPost, PriceFloorRequest } from '@shegong/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculatePriceFloor, type UseCaseContext } from '../src/index.ts';
import { type CoreWorld, orgWorld, personInput, refusalOf } from './fixtures.ts';

/**
 * The price-floor calculator (COSTING.md, "The price floor") against Fangchenggang's 2023 rule set
 * as a member of an organisation in 港口区 asks it. Every figure below is worked by hand.
 *
 * One social worker at the ¥3,800 floor, full time for 12 months (fixtures.ts): L = ¥58,687.20.
 * P(V) = V − round(3 % V) − round(m × V) − the fixed lines must reach L and 70 % of V.
 */
const post: ContractPost = {
  title: '一线社工',
  role: 'frontline',
  certLevel: 'social_worker',
  ftePercent: 100,
  months: 12,
};
const fixed = { supervision: 0, activities: 10_000_00, other: 0 };

let world: CoreWorld;
let ctx: UseCaseContext;

const ask = (change: Partial<PriceFloorRequest> = {}): PriceFloorRequest => ({
  region: '450602',
  startDate: '2026-01-01',
  posts: [post],
  fixed,
  managementShare: 500,
  ...change,
});

beforeAll(async () => {
  ({ world, ctx } = await orgWorld('price-floor', 'finance'));
});

afterAll(() => world?.close());

describe('calculatePriceFloor', () => {
  it('finds the smallest value that pays the plan at the guideline, and why (labour cost binds)', async () => {
    // m = 5 %, activities ¥10,000: 0.92 V − 10,000.00 ≥ 58,687.20 ⇒ V ≥ 74,660.00 exactly.
    //   V = 74,660.00: tax 2,239.80, management 3,733.00, personnel 58,687.20 = L           → holds
    //   V = 74,659.99: tax round(2,239.7997) = 2,239.80, management round(3,732.9995) = 3,733.00,
    //                  personnel 58,687.19 < L                                              → fails
    // The share holds at both: 58,687.19 is 78.6 % of 74,659.99.
    const before = await world.snapshot();
    const floor = await calculatePriceFloor(ctx, ask());
    expect(await world.snapshot()).toBe(before);
    expect(floor.labourCost).toBe(58_687_20);
    expect(floor.posts[0]).toMatchObject({
      pay: 3_800_00,
      payFrom: 'floor',
      si: 900_60,
      hf: 190_00,
      monthly: 4_890_60,
    });
    expect(floor.priceFloor).toMatchObject({ feasible: true, value: 74_660_00, ruleId: 'P-W2' });
    expect(floor.conditions?.atFloor.lines).toEqual({
      personnel: 58_687_20,
      supervision: 0,
      activities: 10_000_00,
      management: 3_733_00,
      tax: 2_239_80,
      other: 0,
    });
    expect(floor.conditions?.belowFloor?.labourCost).toMatchObject({ holds: false, personnel: 58_687_19 });
    expect(floor.conditions?.belowFloor?.labourShare.holds).toBe(true);
    expect(floor.binding).toEqual(['labourCost']);
    expect(floor).toMatchObject({
      region: '450602',
      startDate: '2026-01-01',
      managementShare: 500,
      rules: { taxRate: 300, minLabourShare: 7000, maxManagementShare: 1000 },
      ruleSet: { region: '450600', effectiveFrom: '2023-01-01', version: 1 },
      findings: [],
    });
  });

  it('takes the local cap as the management share when none is asked, rounding as the budget does', async () => {
    // m = 10 %: 0.87 V − 10,000.00 ≥ 58,687.20 ⇒ V ≥ 78,950.8046, yet rounding lets one fen less do:
    //   V = 78,950.80: tax round(2,368.524) = 2,368.52, management 7,895.08, personnel 58,687.20 → holds
    //   V = 78,950.79: tax round(2,368.5237) = 2,368.52, management round(7,895.079) = 7,895.08,
    //                  personnel 58,687.19                                                  → fails
    const floor = await calculatePriceFloor(ctx, ask({ managementShare: undefined }));
    expect(floor.managementShare).toBe(1000);
    expect(floor.priceFloor).toMatchObject({ feasible: true, value: 78_950_80 });
    expect(floor.conditions?.atFloor.lines).toMatchObject({
      tax: 2_368_52,
      management: 7_895_08,
      personnel: 58_687_20,
    });
    expect(floor.binding).toEqual(['labourCost']);
  });

  it('says the labour share binds when the fixed lines leave too little of the value for people', async () => {
    // Activities ¥60,000, m = 5 %: 0.92 V − 60,000.00 ≥ 0.7 V ⇒ V ≥ 272,727.2727…
    //   V = 272,727.27: tax 8,181.82, management round(13,636.3635) = 13,636.36,
    //                   personnel 190,909.09 ≥ ⌈190,909.089⌉ = 190,909.09             → holds
    //   V = 272,727.26: tax round(8,181.8178) = 8,181.82, management round(13,636.363) = 13,636.36,
    //                   personnel 190,909.08 < ⌈190,909.082⌉ = 190,909.09              → fails
    // Labour cost (58,687.20) is met far below either.
    const floor = await calculatePriceFloor(ctx, ask({ fixed: { ...fixed, activities: 60_000_00 } }));
    expect(floor.priceFloor).toMatchObject({ feasible: true, value: 272_727_27 });
    expect(floor.conditions?.atFloor.labourShare).toMatchObject({ holds: true, personnel: 190_909_09 });
    expect(floor.conditions?.belowFloor?.labourShare).toMatchObject({
      holds: false,
      personnel: 190_909_08,
      required: 190_909_09,
    });
    expect(floor.binding).toEqual(['labourShare']);
  });

  it('costs a named person at their own pay and certificate, and shows pay under the floor', async () => {
    // 甲, assistant, ¥4,200: SI on 4,200 = 672.00 + 285.60 + 21.00 + 16.80 = 995.40; HF 210.00;
    //   M = 5,405.40; × 12 = 64,864.80.
    // 乙, assistant, ¥3,000, half time: ¥200 under the ¥3,200 floor (P-W3); SI on the ¥3,800 base
    //   900.60, HF 5 % of 3,000 = 150.00; M = 4,050.60; × 12 × 50 % = 24,303.60.
    const [a, b] = await Promise.all([
      ctx.repos.people.create(personInput({ name: '甲', monthlyPay: 4_200_00 })),
      ctx.repos.people.create(personInput({ name: '乙', monthlyPay: 3_000_00 })),
    ]);
    const floor = await calculatePriceFloor(
      ctx,
      ask({
        posts: [
          { ...post, personId: a.id },
          { ...post, personId: b.id, ftePercent: 50 },
        ],
      }),
    );
    expect(floor.posts.map((p) => [p.personName, p.certLevel, p.pay, p.monthly, p.cost])).toEqual([
      ['甲', 'assistant', 4_200_00, 5_405_40, 64_864_80],
      ['乙', 'assistant', 3_000_00, 4_050_60, 24_303_60],
    ]);
    expect(floor.labourCost).toBe(89_168_40);
    expect(floor.findings.map((f) => [f.kind, f.ruleId, f.path, f.amounts])).toEqual([
      [
        'payBelowFloor',
        'P-W3',
        '/posts/1/monthlyPay',
        expect.objectContaining({ pay: 3_000_00, floor: 3_200_00, shortfall: 200_00 }),
      ],
    ]);
  });

  it('refuses a management share above the local cap, on /managementShare', async () => {
    const refusal = await world.refusedWithoutWriting(() => calculatePriceFloor(ctx, ask({ managementShare: 1001 })));
    expect(refusal).toMatchObject({ kind: 'refused', reason: 'managementAboveCap' });
    expect(refusal.fields).toEqual([
      {
        path: '/managementShare',
        message: 'cannot exceed the local cap of 1000 bp (N-7)',
        code: 'managementAboveCap',
      },
    ]);
  });

  it('refuses a start date without a rule set on /startDate, and an unknown person on the post’s path', async () => {
    const early = await refusalOf(calculatePriceFloor(ctx, ask({ startDate: '2022-12-31' })));
    expect(early).toMatchObject({ kind: 'refused', reason: 'noRuleSet' });
    expect(early.fields.map((f) => [f.path, f.code])).toEqual([['/startDate', 'noRuleSet']]);
    const unknown = await refusalOf(
      calculatePriceFloor(ctx, ask({ posts: [post, { ...post, personId: randomUUID() }] })),
    );
    expect(unknown).toMatchObject({ kind: 'refused', reason: 'unknownPerson' });
    expect(unknown.fields.map((f) => [f.path, f.code])).toEqual([['/posts/1/personId', 'unknownPerson']]);
  });
});
