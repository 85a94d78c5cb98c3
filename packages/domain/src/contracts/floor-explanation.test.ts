import { describe, expect, it } from 'vitest';
import { COSTING_RULES as RULES } from '../costing/test-fixtures.ts';
import { conditionsAt, explainPriceFloor } from './floor-explanation.ts';
import { post } from './test-fixtures.ts';

/**
 * One social worker at the floor for 12 months: L = ¥62,328.00 (test-fixtures.ts). With ¥10,000 of
 * activities, 5 % management and 3 % tax (rounded half up), P(V) = V − tax − mgmt − 10,000.00:
 *   V = 78,617.39: tax 2,358.52, mgmt 3,930.87 (3,930.8695), P = 62,328.00 = L      → holds
 *   V = 78,617.38: tax 2,358.52, mgmt 3,930.87 (3,930.869),  P = 62,327.99 < L      → fails
 * The share (P ≥ 70 % of V) holds at both: 62,327.99 is 79.28 % of 78,617.38. So the labour cost binds.
 */
const fixed = { supervision: 0, activities: 10_000_00, other: 0 };

describe('the price floor explained (P-W2)', () => {
  it('finds the smallest value and says which condition binds one fen below it', () => {
    const x = explainPriceFloor([{ ...post }], fixed, 500, RULES);
    expect(x.labourCost).toBe(62_328_00);
    expect(x.priceFloor).toMatchObject({ feasible: true, value: 78_617_39, ruleId: 'P-W2' });
    expect(x.conditions?.atFloor.labourCost).toMatchObject({ holds: true, personnel: 62_328_00 });
    expect(x.conditions?.belowFloor?.labourCost).toMatchObject({ holds: false, personnel: 62_327_99 });
    expect(x.conditions?.belowFloor?.labourShare).toMatchObject({ holds: true, shareBp: 7928, required: 55_032_17 });
    expect(x.binding).toEqual(['labourCost']);
    expect(x.posts[0]).toMatchObject({ title: '社工', role: 'frontline', cost: 62_328_00 });
    expect(x.findings).toEqual([]);
  });

  it('says the share binds when the fixed lines leave too little of the value for people', () => {
    // ¥60,000 of activities against L = ¥62,328: P ≥ 70 % of V needs 0.92 V − 60,000 ≥ 0.7 V, V ≥ 272,727.28.
    const x = explainPriceFloor([{ ...post }], { ...fixed, activities: 60_000_00 }, 500, RULES);
    expect(x.binding).toEqual(['labourShare']);
    const floor = x.priceFloor.feasible ? x.priceFloor.value : 0;
    const below = conditionsAt(floor - 1, x.labourCost, { ...fixed, activities: 60_000_00 }, 500, RULES);
    expect(below.labourShare.holds).toBe(false);
    expect(below.labourCost.holds).toBe(true);
  });

  it('shows a post paid below the floor and has no conditions when no value exists', () => {
    const underpaid = explainPriceFloor([{ ...post, monthlyPay: 3_900_00 }], fixed, 500, RULES);
    expect(underpaid.findings.map((f) => [f.ruleId, f.path])).toEqual([['P-W3', '/posts/0/monthlyPay']]);
    const impossible = explainPriceFloor([{ ...post }], fixed, 3_000, { ...RULES, minLabourShare: 7_000 });
    expect(impossible.priceFloor.feasible).toBe(false);
    expect(impossible.conditions).toBeUndefined();
    expect(impossible.binding).toEqual([]);
  });
});
