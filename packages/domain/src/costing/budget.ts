import { z } from 'zod';
import {
  budgetUnbalanced,
  labourShareBelowMin,
  managementOverCap,
  payBelowFloor,
  personnelBelowLabourCost,
  taxUnderBudgeted,
} from '../findings/costing.ts';
import { Finding } from '../findings/finding.ts';
import type { RuleSetParameters } from '../rules/rule-set.ts';
import { fen as amount } from '../units/units.ts';
import { BUDGET_LINES } from './lines.ts';
import { costPost, PostCost, type PostInput } from './post.ts';
import { ceilDiv, compareProducts, floorDiv, product, roundHalfUp } from './rounding.ts';

/**
 * A contract's budget checked against its staffing plan: COSTING.md "The budget and its checks",
 * one finding per row of its table (findings/costing.ts says which rule each cites), with a JSON
 * pointer to the figure it concerns and the amounts in fen (shares in bp).
 */

/** An amount of a contract, whole fen: its value, a budget line, a fixed cost. */
export const ContractAmount = z
  .number({ error: 'must be a number' })
  .int('must be whole fen')
  .min(0, 'cannot be negative')
  .max(100_000_000_000_00, 'is implausibly large');
const fen = ContractAmount;

export const Budget = z.strictObject({
  /** The contract value V, fen. */
  value: fen,
  lines: z.strictObject({
    personnel: fen,
    supervision: fen,
    activities: fen,
    management: fen,
    tax: fen,
    other: fen,
  }),
});
export type Budget = z.infer<typeof Budget>;

export const ContractCosting = z
  .object({
    posts: z.array(PostCost),
    labourCost: amount.describe('L, the sum of the post costs (P-W2)'),
    thresholds: z
      .object({
        minPersonnelByShare: amount.describe('⌈V × minLabourShare / 10000⌉: the least personnel line the share allows'),
        /**
         * The cap rounded to the fen like every other derived line. (Read exactly, as `management ×
         * 10000 > V × cap`, the check would fail the price floor's own half-up management line by 1 fen.)
         */
        maxManagement: amount.describe(
          'round(V × maxManagementShare / 10000): the largest management line the cap allows',
        ),
        expectedTax: amount.describe('round(V × taxRate / 10000)'),
        linesTotal: amount.describe('The sum of the six lines'),
      })
      .describe('The thresholds the budget was checked against, fen'),
    findings: z.array(Finding),
  })
  .meta({
    id: 'ContractCosting',
    description: 'Every post costed, the labour cost L, and the budget checked against them',
  });
export type ContractCosting = z.infer<typeof ContractCosting>;

export interface CostPlanInput {
  posts: readonly PostInput[];
  budget: Budget;
  rules: RuleSetParameters;
}

/** Costs every post, sums the labour cost and checks the budget (inputs assumed valid per `Post` and `Budget`). */
export function costPlan({ posts, budget, rules }: CostPlanInput): ContractCosting {
  const findings: Finding[] = [];
  const costs = posts.map((post) => costPost(post, rules));
  let labourCost = 0;
  costs.forEach((c, i) => {
    labourCost += c.cost;
    if (c.pay < c.floor)
      findings.push(
        payBelowFloor({ path: `/posts/${i}/monthlyPay`, pay: c.pay, floor: c.floor, certLevel: c.certLevel }),
      );
  });

  const { value, lines } = budget;
  const minPersonnelByShare = ceilDiv(product(value, rules.minLabourShare), 10_000);
  const maxManagement = roundHalfUp(product(value, rules.maxManagementShare), 10_000);
  const expectedTax = roundHalfUp(product(value, rules.taxRate), 10_000);
  const linesTotal = BUDGET_LINES.reduce((sum, line) => sum + lines[line], 0);

  if (lines.personnel < labourCost) findings.push(personnelBelowLabourCost({ personnel: lines.personnel, labourCost }));

  // personnel × 10000 < V × minLabourShare, exactly (no division).
  if (compareProducts(lines.personnel, 10_000, value, rules.minLabourShare) < 0)
    findings.push(
      labourShareBelowMin({
        personnel: lines.personnel,
        value,
        // The share shown is rounded down, so it never reads as meeting a minimum it misses.
        shareBp: value > 0 ? floorDiv(product(lines.personnel, 10_000), value) : 0,
        minLabourShare: rules.minLabourShare,
        required: minPersonnelByShare,
      }),
    );

  // management > the cap rounded to the fen (see `thresholds.maxManagement`).
  if (lines.management > maxManagement)
    findings.push(
      managementOverCap({
        management: lines.management,
        value,
        maxManagementShare: rules.maxManagementShare,
        allowed: maxManagement,
      }),
    );

  if (lines.tax < expectedTax)
    findings.push(taxUnderBudgeted({ tax: lines.tax, expected: expectedTax, taxRate: rules.taxRate }));

  if (linesTotal !== value) findings.push(budgetUnbalanced({ value, linesTotal }));

  return {
    posts: costs,
    labourCost,
    thresholds: { minPersonnelByShare, maxManagement, expectedTax, linesTotal },
    findings,
  };
}
