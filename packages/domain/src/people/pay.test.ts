import { describe, expect, it } from 'vitest';
import { payCheck } from './pay.ts';
import { person, RULES } from './test-fixtures.ts';

const TODAY = '2026-03-01';
const assistant = [{ level: 'assistant' as const, number: 'A1', obtainedOn: '2020-06-20' }];

describe('pay against the guideline floor (P-W3; assistant floor ¥3,000.00 = 300000 fen)', () => {
  it('has no shortfall at exactly the floor', () => {
    expect(payCheck(person({ certificates: assistant, monthlyPay: 300_000 }), RULES, TODAY)).toEqual({
      certLevel: 'assistant',
      floor: 300_000,
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
      pay: 100_000,
      shortfall: 0,
      ruleId: 'P-W1',
      exempt: true,
    });
  });

  it('checks part-time staff like contract staff', () => {
    expect(payCheck(person({ employmentType: 'part_time', monthlyPay: 199_999 }), RULES, TODAY)).toMatchObject({
      shortfall: 1,
      exempt: false,
    });
  });
});
