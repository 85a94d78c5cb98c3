import { describe, expect, it } from 'vitest';
import { staffSummary } from './staff-summary.ts';
import { ce, person, RULES, withRules } from './test-fixtures.ts';

const TODAY = '2026-03-01';
const FCG = '450600';

describe('what the registry tells an organisation about a person', () => {
  // An assistant social worker (floor 300000 fen) paid 299999, registered 2023-05-01 (expires
  // 2026-05-01, renewal window from 2026-02-02), 20 hours this year, in social work in Gangkou
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
    // 366 (over 2024-02-29) + 365 + 365 + 1 days, counted in the city (FCG is its own city).
    expect(s.run).toEqual({ start: '2023-03-01', end: TODAY, days: 1097, area: FCG, ruleId: 'P-A3' });
    expect(s.pay).toMatchObject({ floor: 300_000, shortfall: 1, ruleId: 'P-W3' });
    expect(s.registrations).toEqual([
      expect.objectContaining({ status: 'expiring', expiresOn: '2026-05-01', daysLeft: 61 }),
    ]);
    expect(s.ce.year).toMatchObject({ tenthHours: 200, shortfallTenthHours: 300 });
    // Period 2023-05-01 … 2026-05-01: 300 + 300 + 200 = 800 tenths of 720 (assistant): met.
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
    expect(findings[1]?.amounts).toMatchObject({ status: 'expiring', expiresOn: '2026-05-01', daysLeft: 61 });
    expect(findings[2]?.amounts).toMatchObject({
      year: 2026,
      tenthHours: 200,
      requiredTenthHours: 500,
      shortfallTenthHours: 300,
    });
    expect(findings[2]?.message).toBe('Continuing education in 2026: 20 of 50 hours, 30 short.');
  });

  it('reports an expired registration as an error and a short period as N-5', () => {
    const lapsed = staffSummary(worker, RULES, '2026-05-02', FCG);
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

  it('counts the P-A3 run in the whole city under a county’s own rule set (Dongxing’s run began in Gangkou)', () => {
    const mover = person({
      employment: [
        { employer: '阳光', region: '450602', start: '2022-01-01', end: '2023-12-31', socialWork: true },
        { employer: '同心', region: '450681', start: '2024-01-01', socialWork: true },
      ],
    });
    // Dongxing (450681) publishes its own rules; without a continuityRegion the run counts in its city 450600.
    expect(staffSummary(mover, RULES, TODAY, '450681').run).toEqual({
      start: '2022-01-01',
      end: TODAY,
      days: 1521, // 2022-01-01 … 2026-03-01: 365 + 365 + 366 + 365 + 59 + 1
      area: '450600',
      ruleId: 'P-A3',
    });
    // A rule set that names the county itself as the area keeps the run to the county.
    const countyOnly = withRules((r) => {
      r.awards.continuityRegion = '450681';
    });
    expect(staffSummary(mover, countyOnly, TODAY, '450681').run).toMatchObject({ start: '2024-01-01', area: '450681' });
  });

  it('judges a registration by its date, not by a typed expiry seven years on (N-4, N-5)', () => {
    const typedLong = person({
      certificates: [
        {
          level: 'social_worker',
          number: 'S7',
          obtainedOn: '2019-06-01',
          registeredOn: '2020-01-10',
          registrationExpiresOn: '2027-01-09',
        },
      ],
      continuingEducation: [ce('2026-01-05', 500)],
      monthlyPay: 400_000,
    });
    const s = staffSummary(typedLong, RULES, TODAY, FCG);
    // 2020-01-10 + 3 years: the last day is 2023-01-10 (Civil Code art. 202).
    expect(s.registrations[0]).toMatchObject({ status: 'expired', expiresOn: '2023-01-10' });
    expect(s.ce.period).toBeUndefined();
    expect(s.findings.map((f) => f.kind)).toEqual(['registrationExpired']);
  });

  it('finds a certificate not registered within a year of passing (N-4), from the day after the year', () => {
    const passed = person({
      monthlyPay: 400_000,
      continuingEducation: [ce('2026-01-05', 500)],
      certificates: [{ level: 'assistant', number: 'A25', obtainedOn: '2025-02-28' }],
    });
    // Passed 2025-02-28: one year runs to 2026-02-28; on 2026-03-01 the year has passed.
    expect(staffSummary(passed, RULES, '2026-02-28', FCG).findings).toEqual([]);
    expect(staffSummary(passed, RULES, TODAY, FCG).findings).toEqual([
      expect.objectContaining({
        kind: 'registrationOverdue',
        severity: 'error',
        ruleId: 'N-4',
        path: '/certificates/0/registeredOn',
        amounts: { number: 'A25', level: 'assistant', obtainedOn: '2025-02-28', registerBy: '2026-02-28' },
      }),
    ]);
    // A registered higher certificate makes the lower one's registration moot.
    const promoted = person({
      ...passed,
      certificates: [
        ...passed.certificates,
        { level: 'social_worker', number: 'S26', obtainedOn: '2025-06-01', registeredOn: '2025-09-01' },
      ],
      continuingEducation: [ce('2026-01-05', 900)],
    });
    expect(staffSummary(promoted, RULES, TODAY, FCG).findings).toEqual([]);
  });
});
