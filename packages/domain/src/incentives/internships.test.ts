import { describe, expect, it } from 'vitest';
import { Intern, internMonthSubsidy, internshipSubsidy, publishedInternshipRates } from './internships.ts';
import { FANGCHENGGANG_AWARD_PARAMETERS as P } from './parameters.ts';

// Rates have no POLICY default: these are test values, ¥1,500 and ¥30 per intern-month.
const rates = { internship: 1_500_00, insurance: 30_00 };
const base = { recognisedOn: '2023-01-01' };
const student = Intern.parse({ name: '李同学', graduationDate: '2025-06-30', fullTimeStudent: true });

describe('internMonthSubsidy (P-A9)', () => {
  it('pays a full-time student in their graduation year: 1 500 + 30 = 1 530 yuan a month', () => {
    expect(internMonthSubsidy(student, '2025-01', base, rates, P)).toMatchObject({
      ruleId: 'P-A9',
      eligible: true,
      reason: 'student_in_graduation_year',
      internship: 1_500_00,
      insurance: 30_00,
      total: 1_530_00,
    });
    // The month of graduation begins before it (06-01 ≤ 06-30): still a student month.
    expect(internMonthSubsidy(student, '2025-06', base, rates, P).reason).toBe('student_in_graduation_year');
  });

  it('does not pay a student before the graduation year, nor a part-time student', () => {
    expect(internMonthSubsidy(student, '2024-12', base, rates, P)).toMatchObject({
      eligible: false,
      reason: 'before_graduation_year',
      total: 0,
    });
    expect(internMonthSubsidy({ ...student, fullTimeStudent: false }, '2025-03', base, rates, P).reason).toBe(
      'not_full_time_student',
    );
  });

  it('pays a graduate for months beginning within 2 years of graduating', () => {
    // 2025-06-30 + 2 years = 2027-06-30: 2027-06 (begins 06-01) is the last month; 2027-07 is not.
    expect(internMonthSubsidy(student, '2025-07', base, rates, P).reason).toBe('graduate_within_window');
    expect(internMonthSubsidy({ ...student, fullTimeStudent: false }, '2026-03', base, rates, P).eligible).toBe(true);
    expect(internMonthSubsidy(student, '2027-06', base, rates, P)).toMatchObject({
      eligible: true,
      windowEnd: '2027-06-30',
    });
    expect(internMonthSubsidy(student, '2027-07', base, rates, P)).toMatchObject({
      eligible: false,
      reason: 'graduate_beyond_window',
    });
  });

  it('takes 29 February to 28 February two years on', () => {
    const leap = { ...student, graduationDate: '2024-02-29' };
    // 2024-02-29 + 2 years = 2026-02-28; 2026-02 begins 02-01 ≤ 02-28: eligible; 2026-03 is not.
    expect(internMonthSubsidy(leap, '2026-02', base, rates, P)).toMatchObject({
      eligible: true,
      windowEnd: '2026-02-28',
    });
    expect(internMonthSubsidy(leap, '2026-03', base, rates, P).eligible).toBe(false);
  });

  it('pays nothing for a month that ends before the base is recognised', () => {
    const late = { recognisedOn: '2025-03-15' };
    expect(internMonthSubsidy(student, '2025-02', late, rates, P)).toMatchObject({
      eligible: false,
      reason: 'base_not_recognised',
    });
    expect(internMonthSubsidy(student, '2025-03', late, rates, P).eligible).toBe(true);
  });

  it('follows the window parameter and zero rates', () => {
    expect(internMonthSubsidy(student, '2026-07', base, rates, { internshipGraduateYears: 1 }).eligible).toBe(false);
    expect(internMonthSubsidy(student, '2025-07', base, { internship: 0, insurance: 0 }, P).total).toBe(0);
  });
});

describe('internshipSubsidy (P-A9)', () => {
  it('judges each month once and totals the eligible ones', () => {
    // 2024-12 before the graduation year (0); 2025-01 and 2025-02 each 1 530: 3 060 yuan.
    const s = internshipSubsidy(student, ['2025-02', '2024-12', '2025-01', '2025-02'], base, rates, P);
    expect(s.months.map((m) => [m.month, m.eligible])).toEqual([
      ['2024-12', false],
      ['2025-01', true],
      ['2025-02', true],
    ]);
    expect(s.total).toBe(3_060_00);
  });
});

describe('publishedInternshipRates (P-A9)', () => {
  it('refuses to price a claim while the rule set has no rates, and hands them over once published', () => {
    expect(P.internshipRates).toBeUndefined();
    expect(publishedInternshipRates(P)).toEqual({ ok: false, ruleId: 'P-A9', problem: 'rates_not_published' });
    expect(publishedInternshipRates({ internshipRates: rates })).toEqual({ ok: true, rates });
  });
});
