import { milestonesUnbalanced, noMilestones, termNeedsStableMark, termTooLong } from '../findings/contract.ts';
import type { Finding } from '../findings/finding.ts';
import { addDays, addMonths } from '../people/dates.ts';
import type { RuleSetParameters } from '../rules/rule-set.ts';
import type { ContractTerms } from './contract.ts';

/**
 * A contract's term in months, and the checks of N-1 (how long it may run) and N-3 (payment by
 * milestones that add up to the value).
 */

/**
 * The first day after a term of `months` whole months from the start date: the same day of the
 * month; where that month has no such day, the term runs to the month's end (the month-end rule of
 * 民法典 art. 202), so a month from 2026-01-31 covers all of February and the next starts 2026-03-01.
 * (Without this, 2024-02-29 … 2025-02-28, a plain year, counted 13 months and needed N-1's mark.)
 */
function dayAfterMonths(startDate: string, months: number): string {
  const same = addMonths(startDate, months);
  return same.slice(8) === startDate.slice(8) ? same : addDays(same, 1);
}

/**
 * Whole months from the start date to the day after the end date, a part month counting as one:
 * 2026-01-01 … 2026-12-31 is 12 months; 2026-01-15 … 2027-01-14 is 12; 2026-01-01 … 2027-01-01 is 13;
 * a month starting on a day its end month lacks runs to that month's end: 2024-02-29 … 2025-02-28
 * is 12 months, 2026-01-31 … 2026-02-28 is one.
 */
export function termMonths(startDate: string, endDate: string): number {
  let n = 1;
  while (dayAfterMonths(startDate, n) <= endDate) n++;
  return n;
}

/** The calendar months (YYYY-MM) a term touches, first to last: where actuals may be recorded. */
export function calendarMonths(startDate: string, endDate: string): string[] {
  const months: string[] = [];
  let year = Number(startDate.slice(0, 4));
  let month = Number(startDate.slice(5, 7));
  const last = endDate.slice(0, 7);
  for (;;) {
    const m = `${year}-${String(month).padStart(2, '0')}`;
    months.push(m);
    if (m >= last) return months;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
}

/**
 * N-1 and N-3 findings for a contract's terms. N-1 errors block (BLOCKING_TERM_KINDS): a term over
 * the limit is refused when saved, not merely flagged; an N-3 mismatch is flagged and stops only a
 * submission.
 */
export function termFindings(terms: ContractTerms, rules: RuleSetParameters): Finding[] {
  const findings: Finding[] = [];
  const months = termMonths(terms.startDate, terms.endDate);
  const { maxContractMonths, maxStableContractMonths } = rules.national;
  if (months > maxStableContractMonths) findings.push(termTooLong({ months, limit: maxStableContractMonths }));
  else if (months > maxContractMonths && !terms.stableRecurring)
    findings.push(termNeedsStableMark({ months, limit: maxContractMonths }));
  if (terms.milestones.length === 0) findings.push(noMilestones({ value: terms.value }));
  else {
    const total = terms.milestones.reduce((sum, m) => sum + m.amount, 0);
    if (total !== terms.value) findings.push(milestonesUnbalanced({ value: terms.value, milestonesTotal: total }));
  }
  return findings;
}
