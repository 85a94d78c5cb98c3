import { describe, expect, it } from 'vitest';
import { payCheck } from './pay.ts';
import { person, RULES, withRules } from './test-fixtures.ts';

const TODAY = '2026-03-01';
const assistant = [{ level: 'assistant' as const, number: 'A1', obtainedOn: '2020-06-20' }];

describe('pay against the guideline floor (P-W3; assistant floor ¥3,000.00 = 300000 fen)', () => {
  it('has no shortfall at exactly the floor', () => {
    expect(payCheck(person({ certificates: assistant, monthlyPay: 300_000 }), RULES, TODAY)).toEqual({
      certLevel: 'assistant',
      floor: 300_000,
      fullTimeFloor: 300_000,
      ftePercent: 100,
      pay: 300_000,
      shortfall: 0,
      ruleId: 'P-W3',
      exempt: false,
    });
  });

  it('is 1 fen short at 1 fen below the floor', () => {
    expect(payCheck(person({ certificates: assistant, monthlyPay: 299_999 }), RULES, TODAY)).toMatchObject({
      shortfall: 1,
      ruleId: 'P-W3',
    });
  });

  it('uses the floor of the highest certificate held today, not one obtained tomorrow', () => {
    const certificates = [...assistant, { level: 'social_worker' as const, number: 'S1', obtainedOn: '2026-03-02' }];
    const p = person({ certificates, monthlyPay: 300_000 });
    expect(payCheck(p, RULES, TODAY)).toMatchObject({ certLevel: 'assistant', shortfall: 0 });
    // From 2026-03-02 the social-worker floor 380000 applies: 380000 − 300000 = 80000 short.
    expect(payCheck(p, RULES, '2026-03-02')).toMatchObject({
      certLevel: 'social_worker',
      floor: 380_000,
      shortfall: 80_000,
    });
  });

  it('uses the floor for no certificate when none is held', () => {
    // none floor 200000 − 150000 = 50000 short.
    expect(payCheck(person({ monthlyPay: 150_000 }), RULES, TODAY)).toMatchObject({
      certLevel: 'none',
      shortfall: 50_000,
    });
  });

  it.each(['public_institution', 'civil_servant'] as const)('exempts %s staff, paid by state rules (P-W1)', (type) => {
    expect(
      payCheck(person({ employmentType: type, certificates: assistant, monthlyPay: 100_000 }), RULES, TODAY),
    ).toEqual({
      certLevel: 'assistant',
      floor: 300_000,
      fullTimeFloor: 300_000,
      ftePercent: 100,
      pay: 100_000,
      shortfall: 0,
      ruleId: 'P-W1',
      exempt: true,
    });
  });

  it('compares part-time pay with the floor in proportion to the working time', () => {
    // Half time: the none floor 200000 becomes 100000; 99999 is 1 fen short, 100000 is fine.
    const half = (monthlyPay: number) => person({ employmentType: 'part_time', ftePercent: 50, monthlyPay });
    expect(payCheck(half(100_000), RULES, TODAY)).toEqual({
      certLevel: 'none',
      floor: 100_000,
      fullTimeFloor: 200_000,
      ftePercent: 50,
      pay: 100_000,
      shortfall: 0,
      ruleId: 'P-W3',
      exempt: false,
    });
    expect(payCheck(half(99_999), RULES, TODAY)).toMatchObject({ floor: 100_000, shortfall: 1 });
  });

  it('rounds the proportional floor half-up to the fen', () => {
    // 200001 × 50 / 100 = 100000.5 → 100001; 200001 × 33 / 100 = 66000.33 → 66000.
    const rules = withRules((r) => {
      r.payFloor.none = 200_001;
    });
    const partTime = (ftePercent: number) => person({ employmentType: 'part_time', ftePercent, monthlyPay: 0 });
    expect(payCheck(partTime(50), rules, TODAY).floor).toBe(100_001);
    expect(payCheck(partTime(33), rules, TODAY).floor).toBe(66_000);
  });

  it('holds full-time staff to the whole floor', () => {
    expect(payCheck(person({ monthlyPay: 199_999 }), RULES, TODAY)).toMatchObject({
      floor: 200_000,
      fullTimeFloor: 200_000,
      ftePercent: 100,
      shortfall: 1,
    });
  });
});
