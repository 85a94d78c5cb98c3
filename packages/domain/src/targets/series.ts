import { z } from 'zod';
import { count, date } from '../units/units.ts';
import type { TargetStaff } from './map.ts';
import { certifiedGoal, FANGCHENGGANG_TARGETS, type TargetParameters } from './parameters.ts';
import { certifiedCount } from './workers.ts';

/**
 * P-T5 over time: the chart "certified count over time", from the certificate dates in the registry.
 * Each point is the number of distinct people certified on 31 December of the year (the current
 * year's point is as of today), drawn against the baseline and the goal (twice the baseline).
 *
 * Choice: the registry holds the staff it holds now, so an earlier year counts today's staff who
 * were certified by then, not everyone certified then (people who left are not in it). That is why
 * the baseline is the bureau's recorded count, not a point of this series.
 */

export const CertifiedPoint = z
  .object({ year: count, asOf: date.describe('31 December, or today for the current year'), count })
  .meta({ id: 'CertifiedPoint' });
export type CertifiedPoint = z.infer<typeof CertifiedPoint>;

export const CertifiedSeries = z
  .object({
    ruleId: z.literal('P-T5'),
    baselineYear: count,
    baseline: count.nullable().describe('The recorded base-year count; null when not recorded'),
    goal: count.nullable().describe('certifiedGoal(baseline); null without a baseline'),
    deadlineYear: count.nullable(),
    points: z.array(CertifiedPoint).describe('One per year from fromYear through the year of today'),
  })
  .meta({ id: 'CertifiedSeries' });
export type CertifiedSeries = z.infer<typeof CertifiedSeries>;

/**
 * The series for `staff` (the city's, or staffInCounty for a county) from `fromYear` through the
 * year of `today`, against `baseline` (the city's or that county's recorded count).
 */
export function certifiedSeries(
  staff: readonly TargetStaff[],
  fromYear: number,
  today: string,
  baseline: number | undefined,
  params: TargetParameters = FANGCHENGGANG_TARGETS,
): CertifiedSeries {
  const thisYear = Number(today.slice(0, 4));
  const points: CertifiedPoint[] = [];
  for (let year = fromYear; year <= thisYear; year += 1) {
    const asOf = year === thisYear ? today : `${year}-12-31`;
    points.push({ year, asOf, count: certifiedCount(staff, asOf) });
  }
  return {
    ruleId: 'P-T5',
    baselineYear: params.certifiedBaseYear,
    baseline: baseline ?? null,
    goal: baseline === undefined ? null : certifiedGoal(baseline, params),
    deadlineYear: params.deadlines.certified,
    points,
  };
}
