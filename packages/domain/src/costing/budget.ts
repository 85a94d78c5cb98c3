import { z } from 'zod';
import type { Finding } from '../people/person.ts';
import type { RuleSetParameters } from '../rules/rule-set.ts';
import { costPost, type PostCost, type PostInput } from './post.ts';
import { ceilDiv, compareProducts, floorDiv, product, roundHalfUp } from './rounding.ts';

/**
 * A contract's budget checked against its staffing plan: COSTING.md "The budget and its checks",
 * one finding per row of its table, each with a rule id, a JSON pointer to the figure it concerns
 * and the amounts in fen (shares in bp).
 */

export const BUDGET_LINES = ['personnel', 'supervision', 'activities', 'management', 'tax', 'other'] as const;
export type BudgetLine = (typeof BUDGET_LINES)[number];
export type BudgetLines = Record<BudgetLine, number>;

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

/**
 * The rule id each check cites. The seed gives no id for the management cap, the tax line or the
 * balance, so: the management cap cites N-7 (the only source naming a management share; the cap
 * itself is the bureau's `maxManagementShare`), and the tax line and the balance cite P-W2 (the
 * budget must rest on a cost accounting, which these two make complete and consistent). The two
 * P-W2 labour findings are told apart by `amounts.check`, which every finding here carries.
 */
export const COSTING_RULE_IDS = {
  payBelowFloor: 'P-W3',
  personnelBelowLabourCost: 'P-W2',
  labourShareBelowMinimum: 'P-W2',
  managementAboveCap: 'N-7',
  taxUnderBudgeted: 'P-W2',
  unbalanced: 'P-W2',
} as const;
export type CostingCheck = keyof typeof COSTING_RULE_IDS;

export interface ContractCosting {
  posts: PostCost[];
  /** L: the sum of the post costs. */
  labourCost: number;
  /** The thresholds the budget was checked against, fen. */
  thresholds: {
    /** ⌈V × minLabourShare / 10000⌉: the least personnel line the share allows. */
    minPersonnelByShare: number;
    /**
     * round(V × maxManagementShare / 10000): the largest management line the cap allows, the cap
     * rounded to the fen like every other derived line. (Read exactly, as `management × 10000 >
     * V × cap`, the check would fail the price floor's own half-up management line by 1 fen.)
     */
    maxManagement: number;
    /** round(V × taxRate / 10000). */
    expectedTax: number;
    /** The sum of the six lines. */
    linesTotal: number;
  };
  findings: Finding[];
}

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
    if (c.pay < c.floor) {
      const shortfall = c.floor - c.pay;
      findings.push({
        severity: 'error',
        ruleId: COSTING_RULE_IDS.payBelowFloor,
        path: `/posts/${i}/monthlyPay`,
        message: `Post ${i + 1} pays ${c.pay} fen a month, ${shortfall} fen below the ${c.certLevel} floor of ${c.floor} fen.`,
        amounts: { check: 'payBelowFloor', pay: c.pay, floor: c.floor, shortfallPerMonth: shortfall },
      });
    }
  });

  const { value, lines } = budget;
  const minPersonnelByShare = ceilDiv(product(value, rules.minLabourShare), 10_000);
  const maxManagement = roundHalfUp(product(value, rules.maxManagementShare), 10_000);
  const expectedTax = roundHalfUp(product(value, rules.taxRate), 10_000);
  const linesTotal = BUDGET_LINES.reduce((sum, line) => sum + lines[line], 0);

  if (lines.personnel < labourCost) {
    const shortfall = labourCost - lines.personnel;
    findings.push({
      severity: 'error',
      ruleId: COSTING_RULE_IDS.personnelBelowLabourCost,
      path: '/budget/lines/personnel',
      message: `The personnel line of ${lines.personnel} fen is ${shortfall} fen below the labour cost of ${labourCost} fen.`,
      amounts: { check: 'personnelBelowLabourCost', personnel: lines.personnel, labourCost, shortfall },
    });
  }

  // personnel × 10000 < V × minLabourShare, exactly (no division).
  if (compareProducts(lines.personnel, 10_000, value, rules.minLabourShare) < 0) {
    const shortfall = minPersonnelByShare - lines.personnel;
    // The share shown is rounded down, so it never reads as meeting a minimum it misses.
    const shareBp = value > 0 ? floorDiv(product(lines.personnel, 10_000), value) : 0;
    findings.push({
      severity: 'error',
      ruleId: COSTING_RULE_IDS.labourShareBelowMinimum,
      path: '/budget/lines/personnel',
      message: `The personnel line of ${lines.personnel} fen is ${shareBp} bp of the contract value ${value} fen, below the local minimum of ${rules.minLabourShare} bp: it needs at least ${minPersonnelByShare} fen, ${shortfall} fen more.`,
      amounts: {
        check: 'labourShareBelowMinimum',
        personnel: lines.personnel,
        value,
        shareBp,
        minLabourShare: rules.minLabourShare,
        required: minPersonnelByShare,
        shortfall,
      },
    });
  }

  // management > the cap rounded to the fen (see `thresholds.maxManagement`).
  if (lines.management > maxManagement) {
    const excess = lines.management - maxManagement;
    findings.push({
      severity: 'error',
      ruleId: COSTING_RULE_IDS.managementAboveCap,
      path: '/budget/lines/management',
      message: `The management line of ${lines.management} fen is above the local cap of ${rules.maxManagementShare} bp of ${value} fen: at most ${maxManagement} fen, ${excess} fen over.`,
      amounts: {
        check: 'managementAboveCap',
        management: lines.management,
        value,
        maxManagementShare: rules.maxManagementShare,
        allowed: maxManagement,
        excess,
      },
    });
  }

  if (lines.tax < expectedTax) {
    const shortfall = expectedTax - lines.tax;
    findings.push({
      severity: 'warning',
      ruleId: COSTING_RULE_IDS.taxUnderBudgeted,
      path: '/budget/lines/tax',
      message: `The tax line of ${lines.tax} fen is ${shortfall} fen below ${rules.taxRate} bp of the contract value (${expectedTax} fen).`,
      amounts: { check: 'taxUnderBudgeted', tax: lines.tax, expected: expectedTax, taxRate: rules.taxRate, shortfall },
    });
  }

  if (linesTotal !== value) {
    const difference = linesTotal - value;
    findings.push({
      severity: 'error',
      ruleId: COSTING_RULE_IDS.unbalanced,
      path: '/budget/value',
      message: `The budget lines add up to ${linesTotal} fen, ${Math.abs(difference)} fen ${difference > 0 ? 'more' : 'less'} than the contract value of ${value} fen.`,
      amounts: { check: 'unbalanced', value, linesTotal, difference },
    });
  }

  return {
    posts: costs,
    labourCost,
    thresholds: { minPersonnelByShare, maxManagement, expectedTax, linesTotal },
    findings,
  };
}
