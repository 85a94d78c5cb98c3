import { z } from 'zod';
import { BUDGET_LINES, BudgetLines } from '../costing/lines.ts';
import { costPost, PostCost } from '../costing/post.ts';
import { product, roundHalfUp } from '../costing/rounding.ts';
import { ACTUALS_RULE_IDS, actualOverBudget, projectedOverBudget } from '../findings/actuals.ts';
import { payBelowFloor } from '../findings/costing.ts';
import { Finding } from '../findings/finding.ts';
import { addDays, addMonths } from '../people/dates.ts';
import { CERT_LEVELS, DEFAULT_PROJECTION_TOLERANCE, type RuleSetParameters } from '../rules/rule-set.ts';
import { plainLine, plainNotes } from '../text/plain-text.ts';
import { fen as amount, month as calendarMonth, count, date } from '../units/units.ts';
import type { ItemisedLine } from './contract.ts';
import { calendarMonths } from './term.ts';

/**
 * A contract's monthly actuals (issue 4, point 4): what the organisation paid its people for their
 * share of time on the contract, and what it spent on the other budget lines, costed like the plan
 * (COSTING.md, so the employer's social insurance and housing fund count) and set against the budget
 * with a straight-line projection to the end of the term.
 */

/** A calendar month, 'YYYY-MM': the unit actuals are recorded in. */
export const ActualMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-03');

/** The first day of a month ('2026-03' → '2026-03-01'). */
export const monthFirstDay = (month: string) => `${month}-01`;
/** The last day of a month ('2024-02' → '2024-02-29'). */
export const monthLastDay = (month: string) => addDays(addMonths(monthFirstDay(month), 1), -1);

const fen = z
  .number({ error: 'must be a number' })
  .int('must be whole fen')
  .min(0, 'cannot be negative')
  .max(100_000_000_00, 'is implausibly large');

export const ActualPayrollRow = z.strictObject({
  /** A person in the staff registry: their name and certificate then come from the registry. */
  personId: z.string().max(40).optional(),
  name: plainLine(z.string().trim().min(1, 'is required').max(40, 'must be at most 40 characters')),
  certLevel: z.enum(CERT_LEVELS, { error: `must be one of ${CERT_LEVELS.join(', ')}` }),
  /** The person's gross pay for the month, fen (all of it, not only this contract's share). */
  grossPay: fen,
  /** The share of the person's time spent on this contract, whole percent. */
  sharePercent: z
    .number({ error: 'must be a number' })
    .int('must be a whole percent')
    .min(1, 'must be at least 1 %')
    .max(100, 'cannot exceed 100 %'),
});
export type ActualPayrollRow = z.infer<typeof ActualPayrollRow>;

export const ActualExpenses = z.strictObject({
  supervision: fen,
  activities: fen,
  management: fen,
  tax: fen,
  other: fen,
});
export type ActualExpenses = Record<ItemisedLine, number>;

export const ActualMonthInput = z
  .strictObject({
    payroll: z
      .array(ActualPayrollRow)
      .max(500, 'at most 500 people a month')
      .superRefine((rows, ctx) => {
        const seen = new Set<string>();
        rows.forEach((row, i) => {
          if (!row.personId) return;
          if (seen.has(row.personId))
            ctx.addIssue({ code: 'custom', path: [i, 'personId'], message: 'lists this person twice in the month' });
          seen.add(row.personId);
        });
      }),
    expenses: ActualExpenses,
    note: plainNotes(z.string().trim().max(500, 'must be at most 500 characters')).optional(),
  })
  .meta({
    id: 'ActualMonthInput',
    description: 'A month of actuals: the payroll with time shares, and the spending by line',
  });
export type ActualMonthInput = z.infer<typeof ActualMonthInput>;

/** One payroll row costed: the share of a month of a post at the person's gross pay. */
export const ActualPayrollCost = z
  .object({
    personId: z.string().optional(),
    name: z.string(),
    certLevel: z.enum(CERT_LEVELS),
    grossPay: amount.describe('The person’s gross pay for the month, fen (all of it, not only this contract’s share)'),
    sharePercent: count.describe('The share of the person’s time on this contract, whole percent'),
    costing: PostCost,
    exempt: z.boolean().describe('On establishment (P-W1): paid by state rules, not checked against the floor'),
  })
  .meta({
    id: 'ActualPayrollCost',
    description:
      'One person in the month: `costing` is COSTING.md steps 1–5 for one month at this share, its `cost` what the contract bears',
  });
export type ActualPayrollCost = z.infer<typeof ActualPayrollCost>;

export const ActualMonthCost = z
  .object({
    month: calendarMonth,
    payroll: z.array(ActualPayrollCost),
    lines: BudgetLines,
    total: amount.describe('The sum of the six lines'),
    findings: z
      .array(Finding)
      .describe('P-W3 per person paid below the floor of their level; paths into the input (/payroll/i/grossPay)'),
  })
  .meta({
    id: 'ActualMonthCost',
    description: 'A month costed: personnel is the sum of the rows’ costs, the other lines the spending as recorded',
  });
export type ActualMonthCost = z.infer<typeof ActualMonthCost>;

/**
 * Costs one month of actuals with the rule set in force for it. Each row is one month of a post at
 * the person's gross pay and time share, exactly as COSTING.md costs a planned post, so a month's
 * personnel actual is comparable with the planned labour cost (employer SI and HF included).
 * `exemptPersonIds`: the people on establishment (P-W1), whom the caller knows from the registry.
 */
export function costActualMonth(
  month: string,
  input: ActualMonthInput,
  rules: RuleSetParameters,
  exemptPersonIds: ReadonlySet<string> = new Set(),
): ActualMonthCost {
  const findings: Finding[] = [];
  const payroll = input.payroll.map((row, i): ActualPayrollCost => {
    const costing = costPost(
      { certLevel: row.certLevel, ftePercent: row.sharePercent, months: 1, monthlyPay: row.grossPay },
      rules,
    );
    const exempt = row.personId !== undefined && exemptPersonIds.has(row.personId);
    if (!exempt && row.grossPay < costing.floor)
      findings.push(
        payBelowFloor({
          path: `/payroll/${i}/grossPay`,
          pay: row.grossPay,
          floor: costing.floor,
          certLevel: row.certLevel,
          month,
          name: row.name,
        }),
      );
    return {
      ...(row.personId ? { personId: row.personId } : {}),
      name: row.name,
      certLevel: row.certLevel,
      grossPay: row.grossPay,
      sharePercent: row.sharePercent,
      costing,
      exempt,
    };
  });
  const lines: BudgetLines = {
    personnel: payroll.reduce((sum, row) => sum + row.costing.cost, 0),
    supervision: input.expenses.supervision,
    activities: input.expenses.activities,
    management: input.expenses.management,
    tax: input.expenses.tax,
    other: input.expenses.other,
  };
  const total = BUDGET_LINES.reduce((sum, line) => sum + lines[line], 0);
  return { month, payroll, lines, total, findings };
}

export const BudgetVsActualLine = z.object({
  line: z.enum(BUDGET_LINES),
  budget: amount,
  actual: amount.describe('The sum of the recorded months to date'),
  remaining: amount.describe('budget − actual; negative once overspent'),
  projected: amount.describe('round(actual × termMonths / monthsElapsed), half-up'),
  ruleId: z.enum(['P-W2', 'N-7']),
  findings: z.array(Finding),
});
export type BudgetVsActualLine = z.infer<typeof BudgetVsActualLine>;

export const BudgetVsActual = z.object({
  startDate: date,
  endDate: date,
  termMonths: count.describe('Calendar months the term touches'),
  monthsElapsed: count.describe(
    'Calendar months from the start month through the latest recorded month; 0 with none recorded',
  ),
  months: z.array(calendarMonth).describe('The recorded months, oldest first'),
  lines: z.array(BudgetVsActualLine),
  totals: z
    .object({ budget: amount, actual: amount, remaining: amount, projected: amount })
    .describe('Sums of the lines’ figures (projected is the sum of the line projections, so the table adds up)'),
  findings: z
    .array(Finding)
    .describe(
      'Line findings (path /lines/<line>) and every month’s P-W3 finding, its path prefixed with the month (/months/2026-03/payroll/0/grossPay)',
    ),
});
export type BudgetVsActual = z.infer<typeof BudgetVsActual>;

export interface BudgetVsActualInput {
  startDate: string;
  endDate: string;
  budget: BudgetLines;
  months: readonly ActualMonthCost[];
  /** The contract's rule set's projection tolerance (the default when absent). */
  tolerance?: RuleSetParameters['projectionTolerance'] | undefined;
}

/**
 * The excess of a line's projection that is only noted: the larger of the share of the line
 * (rounded half up to the fen) and the amount. "1 % of the line or ¥100" read as whichever is
 * larger, so a small line is not warned about for pennies and a large one not for its rounding.
 */
export function projectionToleranceFor(
  budget: number,
  tolerance: RuleSetParameters['projectionTolerance'] = DEFAULT_PROJECTION_TOLERANCE,
): number {
  return Math.max(roundHalfUp(product(budget, tolerance.share), 10_000), tolerance.amount);
}

/** 'YYYY-MM' as a month count, so differences are whole months. */
const monthNumber = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/**
 * Budget against actual per line, with a straight-line projection.
 *
 * Months are counted in calendar months on both sides of the projection, because actuals are
 * recorded per calendar month: a term from 2026-01-15 to 2027-01-14 touches 13 calendar months
 * (its first and last are part months, each recorded once), and after recording January and
 * February 2 of those 13 have elapsed. (termMonths() would say 12, and a projection × 12 / 13 over a
 * fully recorded term would fall below what was spent.) A month not recorded between the start and
 * the latest recorded month counts as elapsed with nothing spent: nothing is guessed for it.
 */
export function budgetVsActual({ startDate, endDate, budget, months, tolerance }: BudgetVsActualInput): BudgetVsActual {
  const termMonths = calendarMonths(startDate, endDate).length;
  const sorted = [...months].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const latest = sorted.at(-1)?.month;
  // A month before the start (possible only after an amendment moved the start) still counts as one.
  const monthsElapsed = latest ? Math.max(1, monthNumber(latest) - monthNumber(startDate.slice(0, 7)) + 1) : 0;

  const findings: Finding[] = [];
  const lines = BUDGET_LINES.map((line): BudgetVsActualLine => {
    const actual = sorted.reduce((sum, m) => sum + m.lines[line], 0);
    const projected =
      monthsElapsed === 0 || monthsElapsed >= termMonths
        ? actual
        : roundHalfUp(product(actual, termMonths), monthsElapsed);
    const ruleId = ACTUALS_RULE_IDS[line];
    const lineFindings: Finding[] = [];
    if (actual > budget[line]) lineFindings.push(actualOverBudget({ line, budget: budget[line], actual }));
    // Only when not over already: an overspent line is projected over too, and one flag says it.
    else if (projected > budget[line])
      lineFindings.push(
        projectedOverBudget({
          line,
          budget: budget[line],
          actual,
          projected,
          monthsElapsed,
          termMonths,
          tolerance: projectionToleranceFor(budget[line], tolerance),
        }),
      );
    findings.push(...lineFindings);
    return {
      line,
      budget: budget[line],
      actual,
      remaining: budget[line] - actual,
      projected,
      ruleId,
      findings: lineFindings,
    };
  });

  for (const m of sorted) for (const f of m.findings) findings.push({ ...f, path: `/months/${m.month}${f.path}` });

  const sum = (pick: (l: BudgetVsActualLine) => number) => lines.reduce((total, l) => total + pick(l), 0);
  return {
    startDate,
    endDate,
    termMonths,
    monthsElapsed,
    months: sorted.map((m) => m.month),
    lines,
    totals: {
      budget: sum((l) => l.budget),
      actual: sum((l) => l.actual),
      remaining: sum((l) => l.remaining),
      projected: sum((l) => l.projected),
    },
    findings,
  };
}

/** Whether a month lies within a contract's term (a calendar month it touches). */
export const monthInTerm = (month: string, startDate: string, endDate: string) =>
  month >= startDate.slice(0, 7) && month <= endDate.slice(0, 7);
