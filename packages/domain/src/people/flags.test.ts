import { describe, expect, it } from 'vitest';
import { flagsOf } from './flags.ts';
import { staffSummary } from './staff-summary.ts';
import { ce, person, RULES } from './test-fixtures.ts';

const TODAY = '2026-03-01';
const FCG = '450600';
const assistant = (registeredOn: string) => ({
  level: 'assistant' as const,
  number: 'A2022450600001',
  obtainedOn: '2022-06-19',
  registeredOn,
});

describe('the flags a staff list filters by', () => {
  it('flags pay below the floor, an expiring registration and hours short of P-R2', () => {
    const worker = person({
      monthlyPay: 299_999,
      certificates: [assistant('2023-05-01')], // expires 2026-05-01: in its renewal window
      continuingEducation: [ce('2026-01-15', 200)],
    });
    expect(flagsOf(staffSummary(worker, RULES, TODAY, FCG))).toEqual([
      'below-floor',
      'registration-expiring',
      'ce-short',
    ]);
  });

  it('flags an expired registration, and nothing for someone who meets every rule', () => {
    const lapsed = person({ monthlyPay: 300_000, certificates: [assistant('2022-07-01')] });
    expect(flagsOf(staffSummary(lapsed, RULES, TODAY, FCG))).toContain('registration-expired');
    const fine = person({
      monthlyPay: 300_000,
      certificates: [assistant('2025-07-01')],
      // 72 hours: this year's 50 (P-R2) and the period's 72 (N-5) both met.
      continuingEducation: [ce('2026-01-15', 720)],
    });
    expect(flagsOf(staffSummary(fine, RULES, TODAY, FCG))).toEqual([]);
  });

  it('flags an N-5 shortfall of the registration period as ce-short, as it does P-R2’s', () => {
    // 50 hours this year meet P-R2; the period from 2025-01-01 holds 50 of the 72 an assistant needs.
    const worker = person({
      monthlyPay: 300_000,
      certificates: [assistant('2025-01-01')],
      continuingEducation: [ce('2026-01-15', 500)],
    });
    const summary = staffSummary(worker, RULES, TODAY, FCG);
    expect(summary.ce.year.shortfallTenthHours).toBe(0);
    expect(summary.ce.period?.shortfallTenthHours).toBe(220);
    expect(flagsOf(summary)).toEqual(['ce-short']);
  });
});
