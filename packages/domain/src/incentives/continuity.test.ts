import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EmploymentPeriod } from '../people/person.ts';
import { continuityOn } from './continuity.ts';
import { FANGCHENGGANG_AWARD_PARAMETERS as P } from './parameters.ts';

const sw = (start: string, end?: string, region = '450602', employer = '港口社工'): EmploymentPeriod => ({
  employer,
  region,
  start,
  ...(end ? { end } : {}),
  socialWork: true,
});

describe('continuityOn (P-A3)', () => {
  it('meets two years with one open period started exactly on claim date − 2 years', () => {
    // 2026-06-15 − 2 years = 2024-06-15; the run starts 2024-06-15 ≤ 2024-06-15: met.
    const c = continuityOn([sw('2024-06-15')], '2026-06-15', P);
    expect(c).toMatchObject({ ruleId: 'P-A3', met: true, requiredStart: '2024-06-15', area: '450600' });
    // days = 2026-06-15 − 2024-06-15 + 1 = 730 + 1 = 731 (no 29 February between them).
    expect(c.run).toMatchObject({ start: '2024-06-15', days: 731 });
  });

  it('misses by one day when the run starts the day after', () => {
    expect(continuityOn([sw('2024-06-16')], '2026-06-15', P).met).toBe(false);
  });

  it('joins adjacent periods (next starts the day after) and counties of the city', () => {
    // 港口区 2024-01-01…2024-12-31, then 东兴市 from 2025-01-01: adjacent, both within 450600.
    const c = continuityOn(
      [sw('2024-01-01', '2024-12-31'), sw('2025-01-01', undefined, '450681', '东兴社工')],
      '2026-01-01',
      P,
    );
    expect(c.met).toBe(true);
    expect(c.run?.periods.map((p) => p.index)).toEqual([0, 1]);
    expect(c.break).toBeUndefined();
  });

  it('breaks on a one-day gap without tolerance, and says where', () => {
    // Ends 2024-12-31, resumes 2025-01-02: 2025-01-01 is uncovered, a gap of 1 day > 0.
    const periods = [sw('2023-01-01', '2024-12-31'), sw('2025-01-02')];
    const c = continuityOn(periods, '2026-06-01', P);
    expect(c.met).toBe(false);
    expect(c.run).toMatchObject({ start: '2025-01-02', periods: [{ index: 1 }] });
    expect(c.break).toEqual({ lastDayBefore: '2024-12-31', resumedOn: '2025-01-02', gapDays: 1, toleranceDays: 0 });
    // With a tolerance of 1 day the gap joins: the run starts 2023-01-01 ≤ 2024-06-01.
    const tolerant = continuityOn(periods, '2026-06-01', { ...P, gapToleranceDays: 1 });
    expect(tolerant).toMatchObject({ met: true, run: { start: '2023-01-01' } });
    expect(tolerant.break).toBeUndefined();
  });

  it('reports the first break going back from the claim date', () => {
    // Three runs: 2019, 2021–2022 (gap 2020), 2023 on (gap of 30 days in Dec 2022 → break at 2023-01-01).
    const c = continuityOn(
      [sw('2019-01-01', '2019-12-31'), sw('2021-01-01', '2022-12-01'), sw('2023-01-01')],
      '2024-12-31',
      P,
    );
    // Gap: 2022-12-02 … 2022-12-31 = 30 days.
    expect(c.break).toEqual({ lastDayBefore: '2022-12-01', resumedOn: '2023-01-01', gapDays: 30, toleranceDays: 0 });
    expect(c.met).toBe(false);
  });

  it('ignores non-social-work periods, periods outside the area and periods after the claim date', () => {
    const c = continuityOn(
      [
        { ...sw('2020-01-01', '2021-12-31'), socialWork: false },
        sw('2020-01-01', '2021-12-31', '450100', '南宁社工'),
        sw('2022-01-01'),
        sw('2030-01-01'),
      ],
      '2024-01-01',
      P,
    );
    expect(c.ignored).toEqual([
      { index: 0, reason: 'not_social_work' },
      { index: 1, reason: 'outside_area' },
      { index: 3, reason: 'after_claim_date' },
    ]);
    expect(c).toMatchObject({ met: true, run: { start: '2022-01-01' } });
  });

  it('counts in a county only when the area is that county', () => {
    const county = { ...P, continuityRegion: '450681' };
    expect(continuityOn([sw('2020-01-01')], '2024-01-01', county).met).toBe(false);
    expect(continuityOn([sw('2020-01-01', undefined, '450681')], '2024-01-01', county).met).toBe(true);
  });

  it('needs a run covering the claim date: one that ended the day before does not count', () => {
    const c = continuityOn([sw('2020-01-01', '2025-12-31')], '2026-01-01', P);
    expect(c.met).toBe(false);
    expect(c.run).toBeUndefined();
    expect(c.lastDayCovered).toBe('2025-12-31');
    expect(continuityOn([sw('2020-01-01', '2026-01-01')], '2026-01-01', P).met).toBe(true);
    expect(continuityOn([], '2026-01-01', P)).toMatchObject({ met: false, ignored: [] });
  });

  it('merges overlapping periods and cuts a later end at the claim date', () => {
    const c = continuityOn([sw('2022-01-01', '2023-06-30'), sw('2023-03-01', '2027-01-01')], '2024-03-01', P);
    // Run 2022-01-01 … 2024-03-01: 2024-03-01 − 2 years = 2022-03-01 ≥ 2022-01-01: met.
    expect(c).toMatchObject({ met: true, run: { start: '2022-01-01' } });
    // 2022-01-01 … 2024-03-01: 365 (2022) + 365 (2023) + 31 + 29 + 1 = 791 days.
    expect(c.run?.days).toBe(791);
  });

  describe('29 February', () => {
    it('a claim on 2028-02-29 needs a start on or before 2026-02-28', () => {
      // 2026 has no 29 February: the same date two years earlier is the month's last day, 2026-02-28.
      expect(continuityOn([sw('2026-02-28')], '2028-02-29', P)).toMatchObject({
        met: true,
        requiredStart: '2026-02-28',
      });
      expect(continuityOn([sw('2026-03-01')], '2028-02-29', P).met).toBe(false);
    });

    it('a run started on 2024-02-29 is two years old on 2026-02-28', () => {
      // 2026-02-28 − 2 years = 2024-02-28 < 2024-02-29: not yet; on 2026-03-01 − 2 years = 2024-03-01: met.
      expect(continuityOn([sw('2024-02-29')], '2026-02-28', P).met).toBe(false);
      expect(continuityOn([sw('2024-02-29')], '2026-03-01', P).met).toBe(true);
    });
  });

  const day = fc
    .integer({ min: 0, max: 3000 })
    .map((n) => new Date(Date.UTC(2018, 0, 1 + n)).toISOString().slice(0, 10));
  const periods = fc.array(
    fc
      .record({ start: day, length: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }) })
      .map(({ start, length }) =>
        sw(
          start,
          length === undefined
            ? undefined
            : new Date(Date.parse(`${start}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10),
        ),
      ),
    { maxLength: 6 },
  );

  it('property: a larger gap tolerance never shortens the run or unmeets P-A3', () => {
    fc.assert(
      fc.property(periods, day, fc.integer({ min: 0, max: 60 }), (ps, claim, extra) => {
        const strict = continuityOn(ps, claim, P);
        const loose = continuityOn(ps, claim, { ...P, gapToleranceDays: extra });
        if (strict.met) expect(loose.met).toBe(true);
        if (strict.run) expect(loose.run && loose.run.start <= strict.run.start).toBe(true);
      }),
    );
  });

  it('property: the run covers the claim date and starts in one of its periods', () => {
    fc.assert(
      fc.property(periods, day, (ps, claim) => {
        const c = continuityOn(ps, claim, P);
        if (!c.run) return;
        expect(c.run.start <= claim).toBe(true);
        expect(c.run.periods[0]?.start).toBe(c.run.start);
        expect(c.met).toBe(c.run.start <= c.requiredStart);
      }),
    );
  });
});
