import { z } from 'zod';
import { addDays, addMonths, addYears } from '../people/dates.ts';
import { isoDate } from '../rules/rule-set.ts';
import { plainLine } from '../text/plain-text.ts';
import { date, fen, month } from '../units/units.ts';
import type { AwardParameters, InternshipRates } from './parameters.ts';

/**
 * P-A9: internship bases recognised by human-resources authorities that host full-time students in
 * their graduation year, or graduates within 2 years of graduating, receive internship subsidies
 * (见习补贴) and accident or work-injury insurance subsidies.
 *
 * The subsidy is counted per intern-month at the rule set's rates. POLICY.md gives no rate (the
 * seed is silent), so the rates are required arguments: nothing here has a default amount.
 *
 * Choices (documented for the report):
 * - A month is judged by its first day F against the graduation date G:
 *   - F ≤ G (graduation not passed when the month begins): a student month, eligible when the intern
 *     is a full-time student and the month lies in G's calendar year ("their graduation year");
 *   - F > G: a graduate month, eligible when F ≤ G + N years (N = internshipGraduateYears, added as
 *     people/dates.ts adds years: 2024-02-29 + 2 years = 2026-02-28). So G = 2024-06-30, N = 2 makes
 *     2026-06 the last eligible month.
 * - The base must be recognised by the month's last day (a month it was not yet recognised in pays
 *   nothing).
 * - A month is paid once per intern: repeated months in a claim count once.
 */

export const InternshipBase = z
  .strictObject({
    name: plainLine(z.string().trim().min(1).max(100)),
    recognisedBy: plainLine(z.string().trim().min(1).max(100)).describe('The human-resources authority'),
    recognisedOn: isoDate,
    reference: plainLine(z.string().trim().min(1).max(100)).optional(),
  })
  .meta({ id: 'InternshipBase', description: 'P-A9: an internship base and its recognition by HR authorities' });
export type InternshipBase = z.infer<typeof InternshipBase>;

export const Intern = z
  .strictObject({
    name: plainLine(z.string().trim().min(1).max(40)),
    graduationDate: isoDate.describe('The day they graduate (expected, while a student) or graduated'),
    fullTimeStudent: z.boolean().describe('Studies full time (全日制) — required for months before graduation'),
  })
  .meta({ id: 'Intern', description: 'P-A9: an intern hosted by an internship base' });
export type Intern = z.infer<typeof Intern>;

export const INTERN_MONTH_REASONS = [
  'student_in_graduation_year',
  'not_full_time_student',
  'before_graduation_year',
  'graduate_within_window',
  'graduate_beyond_window',
  'base_not_recognised',
] as const;

export const InternMonth = z.object({
  ruleId: z.literal('P-A9'),
  month,
  eligible: z.boolean(),
  reason: z.enum(INTERN_MONTH_REASONS),
  graduationDate: date,
  windowEnd: date.describe('graduation + N years: the last day a graduate month may begin'),
  internship: fen,
  insurance: fen,
  total: fen,
});
export type InternMonth = z.infer<typeof InternMonth>;

/** The reason a month is (not) eligible for an intern, before the base's recognition is considered. */
function internReason(intern: Intern, first: string, windowEnd: string): (typeof INTERN_MONTH_REASONS)[number] {
  const g = intern.graduationDate;
  if (first > g) return first <= windowEnd ? 'graduate_within_window' : 'graduate_beyond_window';
  if (first.slice(0, 4) !== g.slice(0, 4)) return 'before_graduation_year';
  return intern.fullTimeStudent ? 'student_in_graduation_year' : 'not_full_time_student';
}

/** P-A9: whether one intern-month is subsidised, and how much, at the given rates. */
export function internMonthSubsidy(
  intern: Intern,
  yearMonth: string,
  base: Pick<InternshipBase, 'recognisedOn'>,
  rates: InternshipRates,
  params: Pick<AwardParameters, 'internshipGraduateYears'>,
): InternMonth {
  const first = `${yearMonth}-01`;
  const last = addDays(addMonths(first, 1), -1);
  const windowEnd = addYears(intern.graduationDate, params.internshipGraduateYears);
  let reason = internReason(intern, first, windowEnd);
  const personEligible = reason === 'student_in_graduation_year' || reason === 'graduate_within_window';
  if (personEligible && base.recognisedOn > last) reason = 'base_not_recognised';
  const eligible = personEligible && reason !== 'base_not_recognised';
  const internship = eligible ? rates.internship : 0;
  const insurance = eligible ? rates.insurance : 0;
  return {
    ruleId: 'P-A9',
    month: yearMonth,
    eligible,
    reason,
    graduationDate: intern.graduationDate,
    windowEnd,
    internship,
    insurance,
    total: internship + insurance,
  };
}

/** P-A9: a claim for an intern's months: each month judged once, in order, and the total, fen. */
export function internshipSubsidy(
  intern: Intern,
  months: readonly string[],
  base: Pick<InternshipBase, 'recognisedOn'>,
  rates: InternshipRates,
  params: Pick<AwardParameters, 'internshipGraduateYears'>,
): { ruleId: 'P-A9'; months: InternMonth[]; total: number } {
  const judged = [...new Set(months)].sort().map((m) => internMonthSubsidy(intern, m, base, rates, params));
  return { ruleId: 'P-A9', months: judged, total: judged.reduce((s, m) => s + m.total, 0) };
}

/**
 * P-A9: the rates of the rule set, or a refusal when the bureau has published none (they have no
 * POLICY default, so a claim cannot be priced without them).
 */
export function publishedInternshipRates(
  params: Pick<AwardParameters, 'internshipRates'>,
): { ok: true; rates: InternshipRates } | { ok: false; ruleId: 'P-A9'; problem: 'rates_not_published' } {
  return params.internshipRates
    ? { ok: true, rates: params.internshipRates }
    : { ok: false, ruleId: 'P-A9', problem: 'rates_not_published' };
}
