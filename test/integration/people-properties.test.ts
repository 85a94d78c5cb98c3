import {
  addDays,
  daysBetween,
  type EmploymentPeriod,
  isValidIdCardNumber,
  practiceYears,
  socialWorkRun,
  wholeYearsThrough,
} from '@shegong/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/**
 * Properties of the people logic over generated employment histories (fast-check). They live here
 * rather than beside the code because fast-check is a dependency of the test package only.
 */

const TODAY = '2026-03-01';
const REGIONS = ['450602', '450603', '450681', '450621', '450100'];
const day = fc.integer({ min: -6000, max: 400 }).map((offset) => addDays(TODAY, offset));
const period: fc.Arbitrary<EmploymentPeriod> = fc
  .record({
    start: day,
    length: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
    region: fc.constantFrom(...REGIONS),
    socialWork: fc.boolean(),
  })
  .map(({ start, length, region, socialWork }) => ({
    employer: '某社工机构',
    region,
    start,
    ...(length === undefined ? {} : { end: addDays(start, length) }),
    socialWork,
  }));
const history = fc.array(period, { maxLength: 8 });

describe('years of practice and the unbroken run', () => {
  it('never counts more practice years than the calendar span from the first social-work day to today', () => {
    fc.assert(
      fc.property(history, (employment) => {
        const starts = employment.filter((p) => p.socialWork && p.start <= TODAY).map((p) => p.start);
        const years = practiceYears({ employment }, TODAY);
        if (starts.length === 0) {
          expect(years).toBe(0);
          return;
        }
        const first = starts.sort()[0] as string; // ISO dates sort as text
        expect(years).toBeGreaterThanOrEqual(0);
        expect(years).toBeLessThanOrEqual(wholeYearsThrough(first, TODAY));
      }),
    );
  });

  it('gives a run whose days are end − start + 1, ending today, inside the jurisdiction’s history', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 60 }), (employment, tolerance) => {
        const run = socialWorkRun({ employment }, '450600', TODAY, tolerance);
        if (!run) return;
        expect(run.end).toBe(TODAY);
        expect(run.days).toBe(daysBetween(run.start, run.end) + 1);
        expect(run.start <= TODAY).toBe(true);
        // The run starts on the first day of some social-work period in the jurisdiction.
        expect(employment.some((p) => p.socialWork && p.start === run.start && p.region.startsWith('4506'))).toBe(true);
      }),
    );
  });

  it('never shortens the run when the gap tolerance grows', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (employment, a, b) => {
        const small = socialWorkRun({ employment }, '450600', TODAY, Math.min(a, b));
        const large = socialWorkRun({ employment }, '450600', TODAY, Math.max(a, b));
        expect((large?.days ?? 0) >= (small?.days ?? 0)).toBe(true);
      }),
    );
  });
});

describe('citizen ID numbers', () => {
  it('accepts one right check character of the eleven and refuses the rest', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9000 }).map((d) => addDays('2000-01-01', d)),
        fc.integer({ min: 0, max: 999 }),
        (born, sequence) => {
          const first17 = `450602${born.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
          const accepted = '0123456789X'.split('').filter((c) => isValidIdCardNumber(`${first17}${c}`, TODAY));
          expect(accepted).toHaveLength(1);
        },
      ),
    );
  });
});
