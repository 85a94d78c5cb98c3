import { z } from 'zod';
import { BudgetLines } from '../costing/lines.ts';
import { Finding } from '../findings/finding.ts';
import { RuleSetRef } from '../rules/rule-set.ts';
import { count, fen, instant, month } from '../units/units.ts';
import { ActualMonthCost, ActualMonthInput, BudgetVsActual } from './actuals.ts';

/**
 * A month of a contract's actuals as it is kept and shown: the input as resolved, its costing and
 * the rule set it used, one revision at a time.
 */

/** What a month is recorded with: the input as resolved (registry names and levels), costed by the caller. */
export const ActualMonthEntry = z.object({
  /** The month as recorded, named people resolved. */
  input: ActualMonthInput,
  cost: ActualMonthCost,
  /** The rule set the month was costed with (in force for the purchaser's region on its first day). */
  ruleSet: RuleSetRef,
});
export type ActualMonthEntry = z.infer<typeof ActualMonthEntry>;

/** A month of actuals as recorded; the same shape for the current month and each kept revision. */
export const RecordedMonth = z
  .object({
    contractId: z.string(),
    month: month.meta({ example: '2026-03' }),
    revision: count.describe('1, 2, …: a new one each time the month is recorded with different content (the ETag)'),
    ...ActualMonthEntry.shape,
    recordedAt: instant,
    recordedBy: z.string(),
  })
  .meta({
    id: 'ActualMonth',
    description:
      'A month of actuals as recorded: `input` with named people resolved, its costing, and the rule set in force for the purchaser’s region on its first day',
  });
export type RecordedMonth = z.infer<typeof RecordedMonth>;

/**
 * The month as stored: with a hash of input, cost and rule set, so recording the same content again
 * changes nothing. The hash is the store's; a reader is shown the month without it.
 */
export const StoredActualMonth = RecordedMonth.extend({ contentHash: z.string() });
export type StoredActualMonth = z.infer<typeof StoredActualMonth>;

/** A month as it is shown: the stored month less the store's hash. */
export function shownMonth({ contentHash: _hash, ...month }: StoredActualMonth): RecordedMonth {
  return month;
}

export const ActualMonthWithHistory = RecordedMonth.extend({
  history: z.array(RecordedMonth).describe('Every revision, newest first'),
}).meta({ id: 'ActualMonthWithHistory' });
export type ActualMonthWithHistory = z.infer<typeof ActualMonthWithHistory>;

/** A recorded month in a contract's list: its totals and findings, not its rows. */
export const ActualMonthSummary = z
  .object({
    month,
    revision: count,
    lines: BudgetLines,
    total: fen,
    findings: z.array(Finding),
    recordedAt: instant,
    recordedBy: z.string(),
  })
  .meta({ id: 'ActualMonthSummary' });
export type ActualMonthSummary = z.infer<typeof ActualMonthSummary>;

export function monthSummary(m: RecordedMonth): ActualMonthSummary {
  return {
    month: m.month,
    revision: m.revision,
    lines: m.cost.lines,
    total: m.cost.total,
    findings: m.cost.findings,
    recordedAt: m.recordedAt,
    recordedBy: m.recordedBy,
  };
}

/** Budget against actual for one contract, with the version whose budget and term it used. */
export const ContractBudgetVsActual = z
  .object({
    contractId: z.string(),
    version: count.describe('The contract version whose budget and term are used'),
    ...BudgetVsActual.shape,
  })
  .meta({ id: 'BudgetVsActual' });
export type ContractBudgetVsActual = z.infer<typeof ContractBudgetVsActual>;
