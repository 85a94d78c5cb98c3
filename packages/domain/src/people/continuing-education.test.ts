import { describe, expect, it } from 'vitest';
import { continuingEducationStatus, continuingEducationUpToDate } from './continuing-education.ts';
import { ce, person, RULES } from './test-fixtures.ts';

describe('continuing education this year (P-R2: 50 hours = 500 tenth-hours)', () => {
  const TODAY = '2026-03-01';

  it('is 0.1 hour short at 49.9 hours', () => {
    // 2026: 30.0 + 19.9 = 49.9 hours = 499 tenths; 500 − 499 = 1 tenth short.
    const p = person({ continuingEducation: [ce('2026-01-10', 300), ce('2026-02-20', 199)] });
    expect(continuingEducationStatus(p, TODAY, RULES).year).toEqual({
      year: 2026,
      tenthHours: 499,
      requiredTenthHours: 500,
      shortfallTenthHours: 1,
      ruleId: 'P-R2',
    });
  });

  it('is met at exactly 50 hours', () => {
    const p = person({ continuingEducation: [ce('2026-01-10', 300), ce('2026-02-20', 200)] });
    expect(continuingEducationStatus(p, TODAY, RULES).year).toMatchObject({ tenthHours: 500, shortfallTenthHours: 0 });
  });

  it('counts only this calendar year up to today', () => {
    // 2025-12-31 belongs to last year; 2026-03-02 has not happened yet; only 2026-01-01's 8.0 hours count.
    const p = person({
      continuingEducation: [ce('2025-12-31', 400), ce('2026-01-01', 80), ce('2026-03-02', 400)],
    });
    expect(continuingEducationStatus(p, TODAY, RULES).year).toMatchObject({ tenthHours: 80, shortfallTenthHours: 420 });
  });

  it('follows the rule set’s yearly hours', () => {
    const rules = structuredClone(RULES);
    rules.continuingEducationHoursPerYear = 40;
    const p = person({ continuingEducation: [ce('2026-01-10', 400)] });
    expect(continuingEducationStatus(p, TODAY, rules).year).toMatchObject({
      requiredTenthHours: 400,
      shortfallTenthHours: 0,
    });
  });
});

describe('continuing education in the registration period (N-5: 90 hours for a social worker)', () => {
  // Registered 2023-01-15: the period runs 2023-01-15 … 2026-01-15 (3 years on: Civil Code art. 202).
  const worker = person({
    certificates: [{ level: 'social_worker', number: 'SW1', obtainedOn: '2022-06-19', registeredOn: '2023-01-15' }],
    continuingEducation: [
      ce('2023-01-14', 100), // the day before the period: not counted
      ce('2023-01-15', 300), // its first day
      ce('2024-06-01', 300),
      ce('2026-01-15', 299), // its last day
      ce('2026-01-16', 50), // the day after
    ],
  });

  it('counts from the first day of the period through its last: 89.9 of 90 hours', () => {
    // 300 + 300 + 299 = 899 tenths; 900 − 899 = 1 short.
    expect(continuingEducationStatus(worker, '2026-01-15', RULES).period).toEqual({
      from: '2023-01-15',
      to: '2026-01-15',
      level: 'social_worker',
      tenthHours: 899,
      requiredTenthHours: 900,
      shortfallTenthHours: 1,
      ruleId: 'N-5',
    });
  });

  it('counts only what is done so far inside the period', () => {
    // On 2024-06-01: 300 + 300 = 600 tenths.
    expect(continuingEducationStatus(worker, '2024-06-01', RULES).period?.tenthHours).toBe(600);
  });

  it('has no current period once the registration has lapsed', () => {
    expect(continuingEducationStatus(worker, '2026-01-16', RULES).period).toBeUndefined();
  });

  it('follows the highest certificate registered today, at its level’s minimum', () => {
    const both = person({
      certificates: [
        { level: 'assistant', number: 'A1', obtainedOn: '2021-06-20', registeredOn: '2021-09-01' },
        { level: 'social_worker', number: 'S1', obtainedOn: '2024-06-22', registeredOn: '2024-09-01' },
      ],
      continuingEducation: [ce('2024-08-31', 200), ce('2024-09-01', 100)],
    });
    // Social worker from 2024-09-01: only the 10.0 hours of 2024-09-01 count, of 90.
    expect(continuingEducationStatus(both, '2024-10-01', RULES).period).toMatchObject({
      level: 'social_worker',
      from: '2024-09-01',
      to: '2027-09-01',
      tenthHours: 100,
      requiredTenthHours: 900,
      shortfallTenthHours: 800,
    });
    // Before the social-worker registration, the assistant period 2021-09-01 … 2024-09-01 (72 hours).
    expect(continuingEducationStatus(both, '2024-08-31', RULES).period).toMatchObject({
      level: 'assistant',
      to: '2024-09-01',
      tenthHours: 200,
      requiredTenthHours: 720,
    });
  });

  it('has no period for a person with no registration', () => {
    expect(continuingEducationStatus(person(), '2026-03-01', RULES).period).toBeUndefined();
  });
});

describe('continuing education up to date (for ladder requirements)', () => {
  it('is up to date when last year met the minimum, even early this year', () => {
    const p = person({ continuingEducation: [ce('2025-03-01', 500)] });
    expect(continuingEducationUpToDate(p, '2026-01-05', RULES)).toEqual({
      upToDate: true,
      tenthHours: 500,
      requiredTenthHours: 500,
      ruleId: 'P-R2',
    });
  });

  it('is up to date when this year already meets it, and not at 49.9 hours in both years', () => {
    expect(
      continuingEducationUpToDate(person({ continuingEducation: [ce('2026-02-01', 500)] }), '2026-03-01', RULES)
        .upToDate,
    ).toBe(true);
    const short = person({ continuingEducation: [ce('2025-03-01', 499), ce('2026-02-01', 10)] });
    expect(continuingEducationUpToDate(short, '2026-03-01', RULES)).toMatchObject({ upToDate: false, tenthHours: 499 });
  });
});
