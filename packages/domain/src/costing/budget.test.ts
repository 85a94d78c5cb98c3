import { describe, expect, it } from 'vitest';
import { Budget, costPlan } from './budget.ts';
import type { BudgetLines } from './lines.ts';
import type { PostInput } from './post.ts';
import { COSTING_RULES as RULES } from './test-fixtures.ts';

/**
 * Two posts, costed by hand in post.test.ts:
 *   0: social worker at the floor, 100 %, 12 months: M = 519 400 → 6 232 800
 *   1: assistant at the floor,       50 %,  7 months: M = 389 550 → 1 363 425
 * L = 6 232 800 + 1 363 425 = 7 596 225.
 * With V = ¥100,000 = 10 000 000: personnel ≥ ⌈V × 7000 / 10 000⌉ = 7 000 000, management ≤ 1 000 000,
 * tax ≥ round(V × 300 / 10 000) = 300 000.
 */
const POSTS: PostInput[] = [
  { certLevel: 'social_worker', ftePercent: 100, months: 12 },
  { certLevel: 'assistant', ftePercent: 50, months: 7 },
];
const V = 10_000_000;
// 7 600 000 + 300 000 + 900 000 + 900 000 + 300 000 + 0 = 10 000 000
const CLEAN: BudgetLines = {
  personnel: 7_600_000,
  supervision: 300_000,
  activities: 900_000,
  management: 900_000,
  tax: 300_000,
  other: 0,
};

describe('costPlan', () => {
  it('costs the posts, sums L and finds nothing in a clean budget', () => {
    const result = costPlan({ posts: POSTS, budget: { value: V, lines: CLEAN }, rules: RULES });
    expect(result.posts.map((p) => p.cost)).toEqual([6_232_800, 1_363_425]);
    expect(result.labourCost).toBe(7_596_225);
    expect(result.thresholds).toEqual({
      minPersonnelByShare: 7_000_000,
      maxManagement: 1_000_000,
      expectedTax: 300_000,
      linesTotal: 10_000_000,
    });
    expect(result.findings).toEqual([]);
  });

  it('finds nothing at exactly each limit', () => {
    // no posts (L = 0); personnel exactly 7 000 000, management exactly 1 000 000, tax exactly 300 000;
    // 7 000 000 + 1 000 000 + 1 700 000 + 300 000 = 10 000 000
    const lines = { ...CLEAN, personnel: 7_000_000, management: 1_000_000, activities: 1_400_000 };
    expect(costPlan({ posts: [], budget: { value: V, lines }, rules: RULES }).findings).toEqual([]);
  });

  it('gives every finding of the table, in its order, with rule id, path and amounts', () => {
    // Post 1 now pays 280 000, 20 000 under the assistant floor 300 000:
    //   siBase 300 000 → SI 74 550; hfBase 280 000 → HF 14 000; M = 368 550; × 50 × 7 / 100 = 1 289 925
    //   L = 6 232 800 + 1 289 925 = 7 522 725
    // personnel 6 900 000: 622 725 under L; 6 900 000 × 10 000 < 10 000 000 × 7000, 100 000 under
    //   7 000 000, share ⌊6 900 000 × 10 000 / 10 000 000⌋ = 6900 bp
    // management 1 200 000: 200 000 over 1 000 000; tax 299 999: 1 under 300 000
    // total 6 900 000 + 300 000 + 1 000 000 + 1 200 000 + 299 999 + 0 = 9 699 999: 300 001 short of V
    const posts: PostInput[] = [POSTS[0] as PostInput, { ...(POSTS[1] as PostInput), monthlyPay: 280_000 }];
    const lines: BudgetLines = {
      personnel: 6_900_000,
      supervision: 300_000,
      activities: 1_000_000,
      management: 1_200_000,
      tax: 299_999,
      other: 0,
    };
    const result = costPlan({ posts, budget: { value: V, lines }, rules: RULES });
    expect(result.labourCost).toBe(7_522_725);
    expect(
      result.findings.map(({ kind, severity, ruleId, path, amounts }) => ({ kind, severity, ruleId, path, amounts })),
    ).toEqual([
      {
        kind: 'payBelowFloor',
        severity: 'error',
        ruleId: 'P-W3',
        path: '/posts/1/monthlyPay',
        amounts: { pay: 280_000, floor: 300_000, shortfall: 20_000, certLevel: 'assistant' },
      },
      {
        kind: 'personnelBelowLabourCost',
        severity: 'error',
        ruleId: 'P-W2',
        path: '/budget/lines/personnel',
        amounts: {
          personnel: 6_900_000,
          labourCost: 7_522_725,
          shortfall: 622_725,
        },
      },
      {
        kind: 'labourShareBelowMin',
        severity: 'error',
        ruleId: 'P-W2',
        path: '/budget/lines/personnel',
        amounts: {
          personnel: 6_900_000,
          value: V,
          shareBp: 6900,
          minLabourShare: 7000,
          required: 7_000_000,
          shortfall: 100_000,
        },
      },
      {
        kind: 'managementOverCap',
        severity: 'error',
        ruleId: 'N-7',
        path: '/budget/lines/management',
        amounts: {
          management: 1_200_000,
          value: V,
          maxManagementShare: 1000,
          allowed: 1_000_000,
          excess: 200_000,
        },
      },
      {
        kind: 'taxUnderBudgeted',
        severity: 'warning',
        ruleId: 'P-W2',
        path: '/budget/lines/tax',
        amounts: { tax: 299_999, expected: 300_000, taxRate: 300, shortfall: 1 },
      },
      {
        kind: 'budgetUnbalanced',
        severity: 'error',
        ruleId: 'P-W2',
        path: '/budget/value',
        amounts: { value: V, linesTotal: 9_699_999, difference: -300_001 },
      },
    ]);
    expect(result.findings[0]?.message).toBe(
      'Pay of ¥2,800.00 a month is below the guideline of ¥3,000.00: ¥200.00 short each month.',
    );
    expect(result.findings[5]?.message).toBe(
      'The budget lines add up to ¥96,999.99, less than the contract value of ¥100,000.00.',
    );
  });

  it('needs the labour share to the fen: ⌈10 000 001 × 7000 / 10 000⌉ = 7 000 001', () => {
    // V = 10 000 001; 7 000 000 × 10 000 = 70 000 000 000 < 10 000 001 × 7000 = 70 000 007 000
    // other 1 balances: 7 000 000 + 300 000 + 1 400 000 + 1 000 000 + 300 000 + 1 = 10 000 001
    const lines = { ...CLEAN, personnel: 7_000_000, activities: 1_400_000, management: 1_000_000, other: 1 };
    const { findings } = costPlan({ posts: [], budget: { value: 10_000_001, lines }, rules: RULES });
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'labourShareBelowMin',
        ruleId: 'P-W2',
        amounts: expect.objectContaining({ required: 7_000_001, shortfall: 1 }),
      }),
    ]);
  });

  it('rounds the expected tax half-up: V = 10 000 050 → 300 001.5 → 300 002', () => {
    // personnel 7 000 035 ≥ ⌈7 000 035⌉; management 1 000 000 ≤ ⌊1 000 005⌋; lines with tax 300 001:
    // 7 000 035 + 300 000 + 1 400 000 + 1 000 000 + 300 001 + 14 = 10 000 050
    const lines = {
      personnel: 7_000_035,
      supervision: 300_000,
      activities: 1_400_000,
      management: 1_000_000,
      other: 14,
    };
    const short = costPlan({
      posts: [],
      budget: { value: 10_000_050, lines: { ...lines, tax: 300_001 } },
      rules: RULES,
    });
    expect(short.thresholds.expectedTax).toBe(300_002);
    expect(short.findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        amounts: expect.objectContaining({ expected: 300_002, shortfall: 1 }),
      }),
    ]);
    // With the tax line at 300 002 (and other 13) nothing is found.
    const ok = costPlan({
      posts: [],
      budget: { value: 10_000_050, lines: { ...lines, tax: 300_002, other: 13 } },
      rules: RULES,
    });
    expect(ok.findings).toEqual([]);
  });

  it('reports lines over the value as a positive difference', () => {
    const { findings } = costPlan({ posts: [], budget: { value: V, lines: { ...CLEAN, other: 5 } }, rules: RULES });
    expect(findings).toEqual([
      expect.objectContaining({ path: '/budget/value', amounts: expect.objectContaining({ difference: 5 }) }),
    ]);
  });
});

describe('the Budget schema', () => {
  it('accepts whole fen and refuses fractions, negatives and unknown lines', () => {
    expect(Budget.safeParse({ value: V, lines: CLEAN }).success).toBe(true);
    const fraction = Budget.safeParse({ value: V, lines: { ...CLEAN, tax: 0.5 } });
    expect(fraction.error?.issues).toEqual([
      expect.objectContaining({ path: ['lines', 'tax'], message: 'must be whole fen' }),
    ]);
    expect(Budget.safeParse({ value: -1, lines: CLEAN }).error?.issues[0]?.message).toBe('cannot be negative');
    expect(Budget.safeParse({ value: V, lines: { ...CLEAN, travel: 1 } }).success).toBe(false);
  });
});
