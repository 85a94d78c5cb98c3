import { z } from 'zod';
import { BUDGET_LINES, type BudgetLine } from '../costing/lines.ts';
import { count, fen } from '../units/units.ts';
import { findingSchema } from './shape.ts';
import { worded } from './text.ts';

/**
 * The findings of budget against actual: a line already spent beyond its budget (an error), or
 * heading beyond it on a straight-line projection (a warning). Paths are `/lines/<line>`.
 */

/**
 * The rule a line's overspending breaks. Management → N-7, the only source naming a management
 * share (its cap is the bureau's `maxManagementShare`), as in the plan's checks. Every other line →
 * P-W2: the budget must rest on a cost accounting, and a line spent beyond its costed amount no
 * longer does (the plan's tax and balance checks cite P-W2 for the same reason).
 */
export const ACTUALS_RULE_IDS: Record<BudgetLine, 'P-W2' | 'N-7'> = {
  personnel: 'P-W2',
  supervision: 'P-W2',
  activities: 'P-W2',
  management: 'N-7',
  tax: 'P-W2',
  other: 'P-W2',
};

const lineRule = z.enum(['P-W2', 'N-7']).meta({ description: 'N-7 for the management line, P-W2 for the others' });

export const ActualOverBudgetFinding = findingSchema('actualOverBudget', {
  severity: z.literal('error'),
  ruleId: lineRule,
  description: 'A budget line has spent more than its budget',
  amounts: z.object({ line: z.enum(BUDGET_LINES), budget: fen, actual: fen, excess: fen }),
});
export type ActualOverBudgetFinding = z.infer<typeof ActualOverBudgetFinding>;

export function actualOverBudget(facts: { line: BudgetLine; budget: number; actual: number }): ActualOverBudgetFinding {
  const { line, budget, actual } = facts;
  return worded({
    kind: 'actualOverBudget',
    severity: 'error',
    ruleId: ACTUALS_RULE_IDS[line],
    path: `/lines/${line}`,
    amounts: { line, budget, actual, excess: actual - budget },
  });
}

export const ProjectedOverBudgetFinding = findingSchema('projectedOverBudget', {
  severity: z.enum(['warning', 'info']),
  ruleId: lineRule,
  description:
    'A budget line is heading over its budget: projected straight-line to the end of the term. A note (info) when the excess is within the rule set’s projection tolerance, a warning beyond it',
  amounts: z.object({
    line: z.enum(BUDGET_LINES),
    budget: fen,
    actual: fen,
    projected: fen,
    excess: fen,
    monthsElapsed: count,
    termMonths: count,
    tolerance: fen.optional().describe('The excess up to which it is a note (absent on findings saved before)'),
  }),
});
export type ProjectedOverBudgetFinding = z.infer<typeof ProjectedOverBudgetFinding>;

export function projectedOverBudget(facts: {
  line: BudgetLine;
  budget: number;
  actual: number;
  projected: number;
  monthsElapsed: number;
  termMonths: number;
  tolerance: number;
}): ProjectedOverBudgetFinding {
  const { line, budget, actual, projected, monthsElapsed, termMonths, tolerance } = facts;
  const excess = projected - budget;
  return worded({
    kind: 'projectedOverBudget',
    severity: excess <= tolerance ? 'info' : 'warning',
    ruleId: ACTUALS_RULE_IDS[line],
    path: `/lines/${line}`,
    amounts: { line, budget, actual, projected, excess, monthsElapsed, termMonths, tolerance },
  });
}
