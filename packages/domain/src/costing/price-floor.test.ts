import { describe, expect, it } from 'vitest';
import { costPlan } from './budget.ts';
import type { PostInput } from './post.ts';
import { linesForValue, priceFloor } from './price-floor.ts';
import { costingRules, COSTING_RULES as RULES } from './test-fixtures.ts';

/**
 * Test rules: t = 300 bp tax, s = 7000 bp labour share, management cap 1000 bp. With m = 1000:
 * k = 10 000 − 300 − 1000 = 8700, d = k − s = 1700.
 */
const SOCIAL_WORKER: PostInput = { certLevel: 'social_worker', ftePercent: 100, months: 12 }; // 6 232 800
const FIXED = { supervision: 300_000, activities: 900_000, other: 0 }; // F = 1 200 000

describe('priceFloor', () => {
  it('finds the smallest value where the labour cost binds, below the unrounded bound', () => {
    // L = 6 232 800, F = 1 200 000. Unrounded: V × 8700 / 10 000 ≥ L + F = 7 432 800
    //   → V ≥ 8 543 448.27…; the share (V × 1700 ≥ 10 000 × F → V ≥ 7 058 823.5) does not bind.
    // V = 8 543 448: tax = round(256 303.44) = 256 303, management = round(854 344.8) = 854 345,
    //   personnel = 8 543 448 − 256 303 − 854 345 − 1 200 000 = 6 232 800 = L ✓;
    //   6 232 800 × 10 000 ≥ 8 543 448 × 7000 ✓
    // V = 8 543 447: tax = round(256 303.41) = 256 303, management = round(854 344.7) = 854 345,
    //   personnel = 6 232 799 < L ✗
    const result = priceFloor({ posts: [SOCIAL_WORKER], fixed: FIXED, managementShare: 1000, rules: RULES });
    expect(result).toEqual({
      feasible: true,
      value: 8_543_448,
      labourCost: 6_232_800,
      lines: {
        personnel: 6_232_800,
        supervision: 300_000,
        activities: 900_000,
        management: 854_345,
        tax: 256_303,
        other: 0,
      },
    });
    expect(linesForValue(8_543_447, 6_232_800, FIXED, 1000, RULES)).toMatchObject({
      ok: false,
      lines: { personnel: 6_232_799 },
    });
  });

  it('yields lines that pass every budget check, management included when it rounds up at the cap', () => {
    // At m = the cap, round(8 543 448 × 1000 / 10 000) = round(854 344.8) = 854 345. Read exactly
    // (854 345 × 10 000 > 8 543 448 × 1000) COSTING.md's cap check would fail this line by 1 fen; the
    // check compares against the cap rounded to the fen, 854 345, so the floor's own lines pass.
    const result = priceFloor({ posts: [SOCIAL_WORKER], fixed: FIXED, managementShare: 1000, rules: RULES });
    if (!result.feasible) throw new Error(result.message);
    const plan = costPlan({
      posts: [SOCIAL_WORKER],
      budget: { value: result.value, lines: result.lines },
      rules: RULES,
    });
    expect(plan.thresholds.maxManagement).toBe(854_345);
    expect(plan.findings).toEqual([]);
    // One fen more is over the cap.
    const over = costPlan({
      posts: [SOCIAL_WORKER],
      budget: { value: result.value, lines: { ...result.lines, management: 854_346, personnel: 6_232_799 } },
      rules: RULES,
    });
    expect(over.findings.map((f) => f.ruleId)).toContain('N-7');
  });

  it('finds the smallest value where the labour share binds', () => {
    // No posts (L = 0), supervision 1 700 000 (F). Share: V × 1700 ≥ 10 000 × 1 700 000 → V ≥ 10 000 000.
    // V = 10 000 000: tax 300 000, management 1 000 000, personnel 7 000 000; 7 × 10^10 ≥ 7 × 10^10 ✓
    // V = 9 999 999: tax round(299 999.97) = 300 000, management round(999 999.9) = 1 000 000,
    //   personnel 6 999 999; 69 999 990 000 < 9 999 999 × 7000 = 69 999 993 000 ✗
    const fixed = { supervision: 1_700_000, activities: 0, other: 0 };
    const result = priceFloor({ posts: [], fixed, managementShare: 1000, rules: RULES });
    expect(result).toMatchObject({ feasible: true, value: 10_000_000, lines: { personnel: 7_000_000 } });
    expect(linesForValue(9_999_999, 0, fixed, 1000, RULES)).toMatchObject({
      ok: false,
      lines: { personnel: 6_999_999 },
    });
  });

  it('is 0 with nothing to pay for', () => {
    expect(
      priceFloor({ posts: [], fixed: { supervision: 0, activities: 0, other: 0 }, managementShare: 0, rules: RULES }),
    ).toMatchObject({ feasible: true, value: 0 });
  });

  it('asks for no management with m = 0: V × 9700 / 10 000 ≥ 7 432 800 → V ≥ 7 662 680.4…', () => {
    // V = 7 662 681: tax = round(229 880.43) = 229 880; personnel = 7 662 681 − 229 880 − 1 200 000 = 6 232 801 ✓
    // V = 7 662 680: tax = round(229 880.4) = 229 880; personnel = 6 232 800 = L ✓ (share: 6 232 800 × 10 000
    //   ≥ 7 662 680 × 7000 = 53 638 760 000 ✓)
    // V = 7 662 679: tax = round(229 880.37) = 229 880; personnel = 6 232 799 ✗ → the floor is 7 662 680
    const result = priceFloor({ posts: [SOCIAL_WORKER], fixed: FIXED, managementShare: 0, rules: RULES });
    expect(result).toMatchObject({ feasible: true, value: 7_662_680, lines: { personnel: 6_232_800, management: 0 } });
  });

  it('refuses a management share above the local cap', () => {
    expect(priceFloor({ posts: [SOCIAL_WORKER], fixed: FIXED, managementShare: 1001, rules: RULES })).toMatchObject({
      feasible: false,
      reason: 'management_above_cap',
      labourCost: 6_232_800,
    });
  });

  it('has no value when tax + management + labour share reach 100 % and a fixed line is not zero', () => {
    // s = 8800: 300 + 1000 + 8800 = 10 100 ≥ 10 000 (d = −100): (B) needs V × 100 < 10 000 × (1 − F) ≤ 0
    const rules = costingRules((r) => {
      r.minLabourShare = 8800;
    });
    expect(
      priceFloor({ posts: [], fixed: { supervision: 0, activities: 0, other: 1 }, managementShare: 1000, rules }),
    ).toMatchObject({ feasible: false, reason: 'no_value' });
    // d = 0 exactly (s = 8700) with F = 100: (B) needs V × 0 > 10 000 × 99, never.
    const exact = costingRules((r) => {
      r.minLabourShare = 8700;
    });
    expect(
      priceFloor({
        posts: [],
        fixed: { supervision: 100, activities: 0, other: 0 },
        managementShare: 1000,
        rules: exact,
      }),
    ).toMatchObject({ feasible: false, reason: 'no_value' });
  });

  it('still finds a value at d = 0 with no fixed lines, at a multiple of 10 000 or below', () => {
    // s = 8700, F = 0, L = 6 232 800. At multiples of 10 000 nothing rounds: P = V × 8700 / 10 000, so
    // V = 10 000 × ⌈6 232 800 / 8700⌉ = 10 000 × 717 = 7 170 000 passes (P = 6 237 900); the floor
    // is at most that and at least the first V with V × 8700 > 10 000 × (L − 1), i.e. 7 164 137.
    const rules = costingRules((r) => {
      r.minLabourShare = 8700;
    });
    const result = priceFloor({
      posts: [SOCIAL_WORKER],
      fixed: { supervision: 0, activities: 0, other: 0 },
      managementShare: 1000,
      rules,
    });
    if (!result.feasible) throw new Error(result.message);
    expect(result.value).toBeGreaterThanOrEqual(7_164_137);
    expect(result.value).toBeLessThanOrEqual(7_170_000);
    expect(linesForValue(result.value, 6_232_800, { supervision: 0, activities: 0, other: 0 }, 1000, rules).ok).toBe(
      true,
    );
    for (let v = 7_164_137; v < result.value; v++)
      expect(linesForValue(v, 6_232_800, { supervision: 0, activities: 0, other: 0 }, 1000, rules).ok).toBe(false);
  });

  it('has no value when tax and management take everything (k = 0) and there is a labour cost', () => {
    const rules = costingRules((r) => {
      r.taxRate = 9000;
      r.minLabourShare = 0;
    });
    expect(
      priceFloor({
        posts: [SOCIAL_WORKER],
        fixed: { supervision: 0, activities: 0, other: 0 },
        managementShare: 1000,
        rules,
      }),
    ).toMatchObject({ feasible: false, reason: 'no_value' });
  });
});
