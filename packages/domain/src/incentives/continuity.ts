import { z } from 'zod';
import { addDays, addYears, daysBetween } from '../people/dates.ts';
import type { EmploymentPeriod } from '../people/person.ts';
import { isWithin } from '../tenancy/region.ts';
import { count, date } from '../units/units.ts';
import type { AwardParameters } from './parameters.ts';

/**
 * P-A3: "on the claim date the person's unbroken run of social-work employment in the jurisdiction
 * started on or before the same date two years earlier. A run is unbroken where each period starts
 * no later than the day after the previous one ends (a rule-set parameter may tolerate a gap)."
 *
 * Choices (documented for the report):
 * - Only social-work periods whose region lies within the area count (isWithin: a county's period
 *   counts in its city). Other periods are listed as ignored, with why.
 * - Periods are taken up to the claim date: an open period, or one ending later, runs to the claim
 *   date; one starting after it is ignored. The run must contain the claim date (the person works in
 *   social work in the area on that day); a run that ended the day before does not.
 * - Periods join when the next starts no later than (run end + 1 + gapToleranceDays): adjacent and
 *   overlapping periods always join; a gap of g days (days with no period) joins when g ≤ tolerance.
 * - "The same date N years earlier" is addYears(claimDate, −N), which takes the last day of the
 *   month where the day does not exist (as the Civil Code, art. 202, and people/dates.ts count):
 *   a claim on 2026-02-28 needs a start on or before 2024-02-28; a claim on 2028-02-29 needs one on
 *   or before 2026-02-28 (not 03-01, the stricter of the two readings by one day).
 */

export const ContinuityPeriod = z.object({
  index: count.describe('Its place in the person’s employment list'),
  employer: z.string(),
  region: z.string(),
  start: date,
  end: date.optional().describe('Absent while it goes on'),
});
export type ContinuityPeriod = z.infer<typeof ContinuityPeriod>;

export const IGNORED_PERIOD_REASONS = ['not_social_work', 'outside_area', 'after_claim_date'] as const;

export const RunBreak = z.object({
  /** The last day covered before the gap (end of the earlier run). */
  lastDayBefore: date,
  /** The first day of the run after the gap (the run's start). */
  resumedOn: date,
  gapDays: count.describe('Days covered by no period between the two: resumedOn − lastDayBefore − 1'),
  toleranceDays: count.describe('The rule set’s gap tolerance (P-A3)'),
});
export type RunBreak = z.infer<typeof RunBreak>;

export const ContinuityCheck = z
  .object({
    ruleId: z.literal('P-A3'),
    met: z.boolean(),
    claimDate: date,
    area: z.string().describe('The region the run is counted in (a city covers its counties)'),
    requiredYears: count,
    requiredStart: date.describe('The run must start on or before this day: claim date − N years'),
    toleranceDays: count,
    run: z
      .object({
        start: date,
        days: count.describe('claim date − start + 1'),
        periods: z.array(ContinuityPeriod).describe('The periods that make the run, by start'),
      })
      .optional()
      .describe('Absent when no social-work period in the area covers the claim date'),
    break: RunBreak.optional().describe('The gap just before the run: the first break going back from the claim date'),
    lastDayCovered: date
      .optional()
      .describe('When no run covers the claim date: the last day a social-work period in the area covered'),
    ignored: z.array(z.object({ index: count, reason: z.enum(IGNORED_PERIOD_REASONS) })),
  })
  .meta({ id: 'ContinuityCheck', description: 'P-A3: the unbroken run of social-work employment on the claim date' });
export type ContinuityCheck = z.infer<typeof ContinuityCheck>;

interface Counted {
  index: number;
  period: EmploymentPeriod;
  start: string;
  /** The end taken up to the claim date. */
  end: string;
}

/** P-A3: the unbroken run on `claimDate` in the parameters' area, and whether it is long enough. */
export function continuityOn(
  employment: readonly EmploymentPeriod[],
  claimDate: string,
  params: Pick<AwardParameters, 'continuityYears' | 'gapToleranceDays' | 'continuityRegion'>,
): ContinuityCheck {
  const area = params.continuityRegion;
  const tolerance = params.gapToleranceDays;
  const ignored: ContinuityCheck['ignored'] = [];
  const counted: Counted[] = [];
  employment.forEach((period, index) => {
    if (!period.socialWork) ignored.push({ index, reason: 'not_social_work' });
    else if (!isWithin(period.region, area)) ignored.push({ index, reason: 'outside_area' });
    else if (period.start > claimDate) ignored.push({ index, reason: 'after_claim_date' });
    else
      counted.push({
        index,
        period,
        start: period.start,
        end: !period.end || period.end > claimDate ? claimDate : period.end,
      });
  });
  counted.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.index - b.index));

  // Walk forward joining periods into runs; remember the last run and the gap before it.
  let run: { start: string; end: string; members: Counted[] } | undefined;
  let lastBreak: RunBreak | undefined;
  for (const c of counted) {
    if (run && c.start <= addDays(run.end, 1 + tolerance)) {
      run.members.push(c);
      if (c.end > run.end) run.end = c.end;
    } else {
      if (run)
        lastBreak = {
          lastDayBefore: run.end,
          resumedOn: c.start,
          gapDays: daysBetween(run.end, c.start) - 1,
          toleranceDays: tolerance,
        };
      run = { start: c.start, end: c.end, members: [c] };
    }
  }

  const requiredStart = addYears(claimDate, -params.continuityYears);
  const base = {
    ruleId: 'P-A3' as const,
    claimDate,
    area,
    requiredYears: params.continuityYears,
    requiredStart,
    toleranceDays: tolerance,
    ignored,
  };
  if (!run || run.end !== claimDate) {
    // No run reaches the claim date: say when the person last worked in social work in the area.
    return { ...base, met: false, ...(run ? { lastDayCovered: run.end } : {}) };
  }
  return {
    ...base,
    met: run.start <= requiredStart,
    run: {
      start: run.start,
      days: daysBetween(run.start, claimDate) + 1,
      periods: run.members.map((m) => ({
        index: m.index,
        employer: m.period.employer,
        region: m.period.region,
        start: m.period.start,
        ...(m.period.end ? { end: m.period.end } : {}),
      })),
    },
    ...(lastBreak ? { break: lastBreak } : {}),
  };
}
