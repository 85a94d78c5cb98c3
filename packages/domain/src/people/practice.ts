import { z } from 'zod';
import { isWithin } from '../tenancy/region.ts';
import { count, date } from '../units/units.ts';
import { addDays, daysBetween, wholeYearsThrough } from './dates.ts';
import type { EmploymentPeriod, PersonInput } from './person.ts';

/** A stretch of days, both ends included. */
interface Span {
  start: string;
  end: string;
}

/**
 * The social-work periods as spans up to `today`: an open period runs to today, a period that
 * ends after today is cut at today, one that starts after today is left out.
 */
function spansUpTo(periods: readonly EmploymentPeriod[], today: string): Span[] {
  return periods
    .filter((p) => p.socialWork && p.start <= today)
    .map((p) => ({ start: p.start, end: !p.end || p.end > today ? today : p.end }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/**
 * Joins spans sorted by start: the next joins the current one when it starts no later than
 * (current end + 1 + gapDays). With gapDays 0, 01-31 then 02-01 join; 01-31 then 02-02 do not.
 */
function join(spans: readonly Span[], gapDays: number): Span[] {
  const joined: Span[] = [];
  for (const s of spans) {
    const last = joined.at(-1);
    if (last && s.start <= addDays(last.end, 1 + gapDays)) {
      if (s.end > last.end) last.end = s.end;
    } else joined.push({ ...s });
  }
  return joined;
}

/** Days of social-work employment up to `today`, each day counted once however many periods cover it. */
export function practiceDays(person: Pick<PersonInput, 'employment'>, today: string): number {
  return join(spansUpTo(person.employment, today), 0).reduce((sum, s) => sum + daysBetween(s.start, s.end) + 1, 0);
}

/**
 * Whole years of social-work practice (P-C2 ladders ask for them): the days of social-work
 * employment, overlaps counted once and open periods running to today, counted in whole calendar
 * years as if they were one unbroken run from the first day of practice. So one unbroken run from
 * 2021-01-01 gives 3 years on 2023-12-31 and 2 on 2023-12-30, exactly as the calendar does; broken
 * runs add up their days first (a leap day inside the pretended run can cost a day).
 */
export function practiceYears(person: Pick<PersonInput, 'employment'>, today: string): number {
  const spans = join(spansUpTo(person.employment, today), 0);
  const first = spans[0];
  if (!first) return 0;
  const days = spans.reduce((sum, s) => sum + daysBetween(s.start, s.end) + 1, 0);
  return wholeYearsThrough(first.start, addDays(first.start, days - 1));
}

/** P-A3: the unbroken run of social-work employment in a jurisdiction that reaches today. */
export const SocialWorkRun = z.object({
  start: date,
  end: date.describe('Always today: the run is the one still going on today'),
  days: count.describe('end − start + 1'),
  area: z.string().describe('The region the run is counted in: the rule set’s continuityRegion (P-A3)'),
  ruleId: z.literal('P-A3'),
});
export type SocialWorkRun = z.infer<typeof SocialWorkRun>;

/**
 * P-A3: the unbroken run of social-work employment inside `jurisdiction` that reaches `today`.
 * Only periods whose region lies within the jurisdiction (isWithin: a county is within its city)
 * count; each is taken up to today (open periods run to today). Periods join when the next starts
 * no later than (previous end + 1 + gapToleranceDays) days, so adjacent or overlapping periods
 * always join and a gap of g days joins when g ≤ gapToleranceDays. The run reaches today when one
 * of its periods is open, or ends on or after today; a run that ended yesterday does not (the
 * person is not in social work in the jurisdiction on the claim date). Undefined when there is none.
 */
export function socialWorkRun(
  person: Pick<PersonInput, 'employment'>,
  jurisdiction: string,
  today: string,
  gapToleranceDays: number,
): SocialWorkRun | undefined {
  const inside = person.employment.filter((p) => isWithin(p.region, jurisdiction));
  const last = join(spansUpTo(inside, today), gapToleranceDays).at(-1);
  if (!last || last.end !== today) return undefined;
  return {
    start: last.start,
    end: today,
    days: daysBetween(last.start, today) + 1,
    area: jurisdiction,
    ruleId: 'P-A3',
  };
}
