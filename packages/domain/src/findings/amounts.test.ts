import { describe, expect, it } from 'vitest';
import { amountsWithUnits, keyAmount } from './amounts.ts';
import { levelBelowPrevious } from './ladder.ts';
import { EXAMPLES } from './test-fixtures.ts';

describe('amountsWithUnits', () => {
  it('gives every amount of every kind its unit', () => {
    for (const f of Object.values(EXAMPLES))
      expect(
        amountsWithUnits(f).map((a) => a.key),
        f.kind,
      ).toEqual(Object.keys(f.amounts));
  });

  it('tells the same key apart by kind: a rate, money, a level, years', () => {
    expect(amountsWithUnits(EXAMPLES.labourShareBelowMin)).toEqual([
      { key: 'personnel', value: 69_000_00, unit: 'fen' },
      { key: 'value', value: 100_000_00, unit: 'fen' },
      { key: 'shareBp', value: 6900, unit: 'bp' },
      { key: 'minLabourShare', value: 7000, unit: 'bp' },
      { key: 'required', value: 70_000_00, unit: 'fen' },
      { key: 'shortfall', value: 1_000_00, unit: 'fen' },
    ]);
    expect(amountsWithUnits(EXAMPLES.levelBelowPostClass).find((a) => a.key === 'has')?.unit).toBe('certLevel');
    const years = levelBelowPrevious({ level: 1, requirement: 'minYearsPractice', has: 1, below: 2 });
    expect(amountsWithUnits(years).find((a) => a.key === 'has')).toEqual({
      key: 'has',
      value: 1,
      unit: 'requirementValue',
    });
    expect(amountsWithUnits(EXAMPLES.ceHoursShort).find((a) => a.key === 'tenthHours')?.unit).toBe('tenthHours');
  });
});

describe('keyAmount', () => {
  it('is the money a finding turns on, a difference without its sign', () => {
    expect(keyAmount(EXAMPLES.payBelowFloor)).toBe(200_00);
    expect(keyAmount(EXAMPLES.managementOverCap)).toBe(2_000_00);
    expect(keyAmount(EXAMPLES.budgetUnbalanced)).toBe(3_000_01);
    expect(keyAmount(EXAMPLES.milestonesUnbalanced)).toBe(4_000_00);
    expect(keyAmount(EXAMPLES.projectedOverBudget)).toBe(1_400_00);
  });

  it('is none for a finding about something other than money', () => {
    expect(keyAmount(EXAMPLES.termTooLong)).toBeUndefined();
    expect(keyAmount(EXAMPLES.noPriceFloor)).toBeUndefined();
    expect(keyAmount(EXAMPLES.ceHoursShort)).toBeUndefined();
  });
});
