import {
  CERT_LEVELS,
  costPlan,
  costPost,
  FANGCHENGGANG_2023,
  linesForValue,
  type PostInput,
  priceFloor,
  type RuleSetParameters,
} from '@shegong/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/**
 * Properties of the costing (COSTING.md) over generated plans and rule sets (fast-check lives in the
 * test package, so they are here rather than beside the code).
 */

const fen = (max: number) => fc.integer({ min: 0, max });
const bp = (max: number) => fc.integer({ min: 0, max });

const rules: fc.Arbitrary<RuleSetParameters> = fc
  .record({
    floors: fc.tuple(fen(2_000_000), fen(2_000_000), fen(2_000_000), fen(2_000_000)),
    si: fc.tuple(bp(3000), bp(1500), bp(300), bp(300), bp(300)),
    siBounds: fc.tuple(fen(3_000_000), fen(6_000_000)),
    hf: bp(1200),
    hfBounds: fc.tuple(fen(3_000_000), fen(6_000_000)),
    minLabourShare: bp(10_000),
    maxManagementShare: bp(3000),
    taxRate: bp(2000),
  })
  .map((g) => {
    const base = FANGCHENGGANG_2023.parameters;
    const [none, assistant, social_worker, senior] = g.floors;
    const [pension, medical, unemployment, workInjury, maternity] = g.si;
    return {
      ...base,
      payFloor: { none, assistant, social_worker, senior },
      socialInsurance: {
        pension,
        medical,
        unemployment,
        workInjury,
        maternity,
        baseFloor: Math.min(...g.siBounds),
        baseCap: Math.max(...g.siBounds),
      },
      housingFund: { rate: g.hf, baseFloor: Math.min(...g.hfBounds), baseCap: Math.max(...g.hfBounds) },
      minLabourShare: g.minLabourShare,
      maxManagementShare: g.maxManagementShare,
      taxRate: g.taxRate,
    };
  });

const post: fc.Arbitrary<PostInput> = fc
  .record({
    certLevel: fc.constantFrom(...CERT_LEVELS),
    ftePercent: fc.integer({ min: 1, max: 100 }),
    months: fc.integer({ min: 1, max: 36 }),
    monthlyPay: fc.option(fen(5_000_000), { nil: undefined }),
  })
  .map(({ monthlyPay, ...rest }) => (monthlyPay === undefined ? rest : { ...rest, monthlyPay }));

const lines = fc.record({
  personnel: fen(100_000_000),
  supervision: fen(10_000_000),
  activities: fen(10_000_000),
  management: fen(10_000_000),
  tax: fen(10_000_000),
  other: fen(10_000_000),
});

describe('costing properties', () => {
  it('post costs always add up to the labour cost, and the personnel finding cites the gap', () => {
    fc.assert(
      fc.property(fc.array(post, { maxLength: 30 }), lines, fen(200_000_000), rules, (posts, l, value, r) => {
        const result = costPlan({ posts, budget: { value, lines: l }, rules: r });
        const sum = result.posts.reduce((s, p) => s + p.cost, 0);
        expect(result.labourCost).toBe(sum);
        const gap = result.findings.find((f) => f.kind === 'personnelBelowLabourCost');
        if (l.personnel < sum) expect(gap?.amounts.shortfall).toBe(sum - l.personnel);
        else expect(gap).toBeUndefined();
        // One P-W3 finding per post paid under its floor.
        const underFloor = posts.filter((p) => p.monthlyPay !== undefined && p.monthlyPay < r.payFloor[p.certLevel]);
        expect(result.findings.filter((f) => f.kind === 'payBelowFloor' && f.ruleId === 'P-W3')).toHaveLength(
          underFloor.length,
        );
      }),
    );
  });

  it('costPost is monotone in pay', () => {
    fc.assert(
      fc.property(post, fen(5_000_000), fen(5_000_000), rules, (p, a, b, r) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lowCost = costPost({ ...p, monthlyPay: low }, r);
        const highCost = costPost({ ...p, monthlyPay: high }, r);
        expect(highCost.monthly).toBeGreaterThanOrEqual(lowCost.monthly);
        expect(highCost.cost).toBeGreaterThanOrEqual(lowCost.cost);
      }),
    );
  });

  it('the price floor, when feasible, meets both conditions and no smaller value does', () => {
    fc.assert(
      fc.property(
        fc.array(post, { maxLength: 8 }),
        fc.record({ supervision: fen(2_000_000), activities: fen(5_000_000), other: fen(2_000_000) }),
        fc.integer({ min: 0, max: 10_000 }),
        rules,
        (posts, fixed, share, r) => {
          const managementShare = Math.min(share, r.maxManagementShare);
          const result = priceFloor({ posts, fixed, managementShare, rules: r });
          if (!result.feasible) {
            expect(result.reason).toBe('no_value');
            // Sample values far and wide: none may pass.
            for (const v of [0, 1, 10_000, 1_000_000, 100_000_000, 10_000_000_000])
              expect(linesForValue(v, result.labourCost, fixed, managementShare, r).ok).toBe(false);
            return;
          }
          const { value, lines: got, labourCost } = result;
          expect(labourCost).toBe(posts.reduce((s, p) => s + costPost(p, r).cost, 0));
          // Both conditions, and the lines add up to V.
          expect(got.personnel).toBeGreaterThanOrEqual(labourCost);
          expect(BigInt(got.personnel) * 10_000n >= BigInt(value) * BigInt(r.minLabourShare)).toBe(true);
          expect(got.personnel + got.supervision + got.activities + got.management + got.tax + got.other).toBe(value);
          // A costPlan of exactly these lines finds no budget error, except (a conflict in COSTING.md,
          // see price-floor.test.ts) the management cap by 1 fen when round(V × m / 10000) rounds up
          // past ⌊V × maxManagementShare / 10000⌋.
          const plan = costPlan({ posts, budget: { value, lines: got }, rules: r });
          const budgetFindings = plan.findings.filter((f) => f.path.startsWith('/budget'));
          for (const f of budgetFindings) {
            expect(f.kind).toBe('managementOverCap');
            expect(f.amounts).toMatchObject({ excess: 1 });
          }
          // The smallest: V − 1 fails, and so does every value in the 200 fen below it.
          for (let v = value - 1; v >= Math.max(0, value - 200); v--)
            expect(linesForValue(v, labourCost, fixed, managementShare, r).ok).toBe(false);
        },
      ),
    );
  });

  it('refuses a management share above the cap', () => {
    fc.assert(
      fc.property(rules, fc.integer({ min: 1, max: 1000 }), (r, over) => {
        const result = priceFloor({
          posts: [],
          fixed: { supervision: 0, activities: 0, other: 0 },
          managementShare: r.maxManagementShare + over,
          rules: r,
        });
        expect(result).toMatchObject({ feasible: false, reason: 'management_above_cap' });
      }),
    );
  });
});
