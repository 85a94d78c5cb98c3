import { z } from 'zod';
import { fen } from '../units/units.ts';

/** The six lines of a contract's budget (COSTING.md), in the order a bureau's budget sheet lists them. */
export const BUDGET_LINES = ['personnel', 'supervision', 'activities', 'management', 'tax', 'other'] as const;
export type BudgetLine = (typeof BUDGET_LINES)[number];

/** An amount per budget line, fen: a plan's lines, the lines a value derives, a month's spending. */
export const BudgetLines = z
  .object({ personnel: fen, supervision: fen, activities: fen, management: fen, tax: fen, other: fen })
  .meta({ id: 'BudgetLines', description: 'An amount per budget line of a contract, fen' });
export type BudgetLines = z.infer<typeof BudgetLines>;
