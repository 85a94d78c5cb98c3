import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certifiedGoal, FANGCHENGGANG_TARGETS } from './parameters.ts';
import { certifiedSeries } from './series.ts';
import { STAFF, staff } from './test-fixtures.ts';

describe('certified count over time (P-T5)', () => {
  it('counts per year end, the current year as of today, against baseline 3 and goal 2 × 3 = 6', () => {
    // certified: p1 2021-05-01, p5 2023-07-01, p4 2024-09-01, p7 2025-03-01
    const people = [...STAFF, staff('p7', 'org-b', '2025-03-01')];
    const series = certifiedSeries(people, 2021, '2026-06-30', 3);
    expect(series).toMatchObject({ ruleId: 'P-T5', baselineYear: 2022, baseline: 3, goal: 6, deadlineYear: 2025 });
    expect(series.points).toEqual([
      { year: 2021, asOf: '2021-12-31', count: 1 },
      { year: 2022, asOf: '2022-12-31', count: 1 },
      { year: 2023, asOf: '2023-12-31', count: 2 },
      { year: 2024, asOf: '2024-12-31', count: 3 },
      { year: 2025, asOf: '2025-12-31', count: 4 },
      { year: 2026, asOf: '2026-06-30', count: 4 },
    ]);
  });

  it('a certificate of 31 December counts in that year, one of 1 January in the next', () => {
    const points = certifiedSeries(
      [staff('a', 'o', '2023-12-31'), staff('b', 'o', '2024-01-01')],
      2023,
      '2024-05-01',
      undefined,
    ).points;
    expect(points.map((p) => p.count)).toEqual([1, 2]);
  });

  it('without a baseline there is no goal', () => {
    expect(certifiedSeries([], 2026, '2026-01-01', undefined)).toMatchObject({
      baseline: null,
      goal: null,
      points: [{ count: 0 }],
    });
  });

  it('property: the series never goes down', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 2018, max: 2026 })), { maxLength: 15 }), (years) => {
        const people = years.map((y, i) => staff(`x${i}`, 'o', y === null ? undefined : `${y}-06-15`));
        const counts = certifiedSeries(people, 2018, '2026-12-31', 1).points.map((p) => p.count);
        for (const [i, c] of counts.slice(1).entries()) expect(c).toBeGreaterThanOrEqual(counts[i] ?? 0);
      }),
    );
  });
});

describe('the P-T5 goal', () => {
  it('is the baseline times the multiplier, rounded up: 2 × 37 = 74; 1.5 × 7 = 10.5 → 11; 2 × 0 = 0', () => {
    expect(certifiedGoal(37, FANGCHENGGANG_TARGETS)).toBe(74);
    expect(certifiedGoal(7, { ...FANGCHENGGANG_TARGETS, certifiedMultiplierBp: 15_000 })).toBe(11);
    expect(certifiedGoal(0, FANGCHENGGANG_TARGETS)).toBe(0);
  });

  it('property: never below the exact product, and less than one above it', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 0, max: 50_000 }), (base, bp) => {
        const goal = certifiedGoal(base, { ...FANGCHENGGANG_TARGETS, certifiedMultiplierBp: bp });
        expect(goal * 10_000).toBeGreaterThanOrEqual(base * bp);
        expect(goal * 10_000 - base * bp).toBeLessThan(10_000);
      }),
    );
  });
});
