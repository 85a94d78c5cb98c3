import { describe, expect, it } from 'vitest';
import { staffSummary } from './staff-summary.ts';
import { ce, person, RULES } from './test-fixtures.ts';

const TODAY = '2026-03-01';
const FCG = '450600';

describe('what the registry tells an organisation about a person', () => {
  // An assistant social worker (floor 300000 fen) paid 299999, registered 2023-05-01 (expires
  // 2026-04-30, renewal window from 2026-02-01), 20 hours this year, in social work in Gangkou
  // since 2023-03-01.
  const worker = person({
    monthlyPay: 299_999,
    certificates: [
      { level: 'assistant', number: 'A2022450600001', obtainedOn: '2022-06-19', registeredOn: '2023-05-01' },
    ],
    employment: [{ employer: '阳光', region: '450602', start: '2023-03-01', socialWork: true }],
    continuingEducation: [ce('2023-06-01', 300), ce('2025-06-01', 300), ce('2026-01-15', 200)],
  });

  it('gathers the figures with their rule ids', () => {
    const s = staffSummary(worker, RULES, TODAY, FCG);
    expect(s.certLevel).toBe('assistant');
    expect(s.practiceYears).toBe(3); // 2023-03-01 + 3 years − 1 day = 2026-02-28
    expect(s.run).toEqual({ start: '2023-03-01', end: TODAY, days: 1097, ruleId: 'P-A3' }); // 366 (over 2024-02-29) + 365 + 365 + 1
    expect(s.pay).toMatchObject({ floor: 300_000, shortfall: 1, ruleId: 'P-W3' });
    expect(s.registrations).toEqual([
      expect.objectContaining({ status: 'expiring', expiresOn: '2026-04-30', daysLeft: 60 }),
    ]);
    expect(s.ce.year).toMatchObject({ tenthHours: 200, shortfallTenthHours: 300 });
    // Period 2023-05-01 … 2026-04-30: 300 + 300 + 200 = 800 tenths of 720 (assistant): met.
    expect(s.ce.period).toMatchObject({ tenthHours: 800, requiredTenthHours: 720, shortfallTenthHours: 0 });
  });

  it('lists errors first, each with its rule, path and amounts', () => {
    const { findings } = staffSummary(worker, RULES, TODAY, FCG);
    expect(findings.map((f) => [f.kind, f.severity, f.ruleId, f.path])).toEqual([
      ['payBelowFloor', 'error', 'P-W3', '/monthlyPay'],
      ['registrationExpiring', 'warning', 'N-4', '/certificates/0/registrationExpiresOn'],
      ['ceHoursShort', 'warning', 'P-R2', '/continuingEducation'],
    ]);
    expect(findings[0]?.amounts).toMatchObject({ floor: 300_000, pay: 299_999, shortfall: 1 });
    expect(findings[0]?.message).toBe('Pay ¥2,999.99 is below the floor ¥3,000.00: ¥0.01 short each month.');
    expect(findings[1]?.amounts).toMatchObject({ status: 'expiring', expiresOn: '2026-04-30', daysLeft: 60 });
    expect(findings[2]?.amounts).toMatchObject({
      year: 2026,
      tenthHours: 200,
      requiredTenthHours: 500,
      shortfallTenthHours: 300,
    });
    expect(findings[2]?.message).toBe('Continuing education in 2026: 20 of 50 hours, 30 short.');
  });

  it('reports an expired registration as an error and a short period as N-5', () => {
    const lapsed = staffSummary(worker, RULES, '2026-05-01', FCG);
    expect(lapsed.findings).toContainEqual(
      expect.objectContaining({
        kind: 'registrationExpired',
        severity: 'error',
        ruleId: 'N-4',
        amounts: expect.objectContaining({ status: 'expired', daysLeft: -1 }),
      }),
    );
    const shortPeriod = person({
      certificates: [{ level: 'social_worker', number: 'S1', obtainedOn: '2024-06-01', registeredOn: '2025-01-01' }],
      continuingEducation: [ce('2026-01-05', 500)],
      monthlyPay: 400_000,
    });
    // This year 50 hours (met); the period from 2025-01-01 has 50 of 90 hours: 400 tenths short.
    expect(staffSummary(shortPeriod, RULES, TODAY, FCG).findings).toEqual([
      expect.objectContaining({
        kind: 'cePeriodShort',
        severity: 'warning',
        ruleId: 'N-5',
        path: '/continuingEducation',
        amounts: expect.objectContaining({ shortfallTenthHours: 400 }),
      }),
    ]);
  });

  it('says nothing when all is in order, and nothing about pay for public-institution staff', () => {
    const fine = person({
      employmentType: 'public_institution',
      monthlyPay: 100_000,
      continuingEducation: [ce('2026-02-01', 500)],
    });
    const s = staffSummary(fine, RULES, TODAY, FCG);
    expect(s.findings).toEqual([]);
    expect(s.pay).toMatchObject({ exempt: true, ruleId: 'P-W1' });
    expect(s.run).toBeUndefined();
  });

  it('ignores a lapsed lower registration once a higher certificate is registered', () => {
    const promoted = person({
      monthlyPay: 400_000,
      certificates: [
        { level: 'assistant', number: 'A1', obtainedOn: '2019-06-20', registeredOn: '2019-09-01' },
        { level: 'social_worker', number: 'S1', obtainedOn: '2024-06-22', registeredOn: '2024-09-01' },
      ],
      continuingEducation: [ce('2026-01-05', 900)],
    });
    const s = staffSummary(promoted, RULES, TODAY, FCG);
    expect(s.registrations.map((r) => r.status)).toEqual(['expired', 'valid']);
    expect(s.findings).toEqual([]);
  });
});
