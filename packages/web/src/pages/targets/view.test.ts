import { describe, expect, it } from 'vitest';
import { seriesTop, shareMet, statusCounts } from './view.ts';

describe('shareMet', () => {
  it('is value over goal, at most 1', () => {
    expect(shareMet({ value: 2, goal: 3, status: 'not_met' })).toBeCloseTo(2 / 3);
    expect(shareMet({ value: 5, goal: 3, status: 'met' })).toBe(1);
    expect(shareMet({ value: 0, goal: 0, status: 'met' })).toBe(1);
  });
  it('is undefined where there is nothing to measure against', () => {
    expect(shareMet({ value: 0, goal: 0, status: 'no_data' })).toBeUndefined();
    expect(shareMet({ value: 4, goal: null, status: 'no_data' })).toBeUndefined();
  });
});

describe('statusCounts', () => {
  it('counts each status in order, leaving out the empty ones', () => {
    const figures = [{ status: 'overdue' }, { status: 'met' }, { status: 'overdue' }] as const;
    expect(statusCounts(figures)).toEqual([
      ['met', 1],
      ['overdue', 2],
    ]);
  });
});

describe('seriesTop', () => {
  it('takes the largest of points, baseline and goal, rounded up to the step', () => {
    expect(seriesTop({ points: [{ year: 2022, asOf: '2022-12-31', count: 3 }], baseline: 3, goal: 6 })).toBe(10);
    expect(seriesTop({ points: [], baseline: null, goal: null })).toBe(5);
    expect(seriesTop({ points: [{ year: 2026, asOf: '2026-12-03', count: 120 }], baseline: 90, goal: 180 })).toBe(180);
    expect(seriesTop({ points: [{ year: 2026, asOf: '2026-12-03', count: 51 }], baseline: null, goal: null })).toBe(60);
  });
});
