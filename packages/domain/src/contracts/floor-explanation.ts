import { z } from 'zod';
import { type BudgetLines, ContractAmount, costPlan } from '../costing/budget.ts';
import type { PostCost } from '../costing/post.ts';
import { linesForValue, type PriceFloor, priceFloor } from '../costing/price-floor.ts';
import { ceilDiv, compareProducts, floorDiv, product } from '../costing/rounding.ts';
import type { Finding } from '../findings/finding.ts';
import { isoDate, type RuleSetParameters } from '../rules/rule-set.ts';
import { regionCode } from '../tenancy/schemas.ts';
import type { CostedPostInput } from './assessment.ts';
import { ContractPost } from './contract.ts';

/**
 * The price floor explained (COSTING.md "The price floor", P-W2): what a contract must be worth for
 * a staffing plan to be paid at the guideline, and why that is the smallest value — at the floor
 * and one fen below it, which of the two P-W2 conditions holds. The calculator, the contract page
 * and its editor all explain a floor this way.
 */

/** What an organisation asks the calculator before it bids. */
export const PriceFloorRequest = z.strictObject({
  /** The purchaser's region: its rule set in force on the start date applies. */
  region: regionCode,
  startDate: isoDate,
  posts: z.array(ContractPost).max(500, 'at most 500 posts'),
  fixed: z.strictObject({ supervision: ContractAmount, activities: ContractAmount, other: ContractAmount }),
  /** m, bp; the rule set's cap when absent. */
  managementShare: z
    .number({ error: 'must be a number' })
    .int('must be whole basis points')
    .min(0, 'cannot be negative')
    .max(10_000, 'cannot exceed 10000 bp')
    .optional(),
});
export type PriceFloorRequest = z.infer<typeof PriceFloorRequest>;

export type FloorCondition = 'labourCost' | 'labourShare';

/** The two P-W2 conditions for one value V, with the lines COSTING.md derives from it. */
export interface FloorConditions {
  value: number;
  lines: BudgetLines;
  /** personnel ≥ L. */
  labourCost: { holds: boolean; personnel: number; required: number; ruleId: 'P-W2' };
  /** personnel × 10000 ≥ V × minLabourShare; `required` = ⌈V × minLabourShare / 10000⌉. */
  labourShare: {
    holds: boolean;
    personnel: number;
    required: number;
    /** personnel as a share of V, bp rounded down (0 when personnel is not positive). */
    shareBp: number;
    minLabourShare: number;
    ruleId: 'P-W2';
  };
}

export type FixedLines = PriceFloorRequest['fixed'];

export function conditionsAt(
  value: number,
  labourCost: number,
  fixed: FixedLines,
  managementShare: number,
  rules: RuleSetParameters,
): FloorConditions {
  const { lines } = linesForValue(value, labourCost, fixed, managementShare, rules);
  const { personnel } = lines;
  return {
    value,
    lines,
    labourCost: { holds: personnel >= labourCost, personnel, required: labourCost, ruleId: 'P-W2' },
    labourShare: {
      holds: compareProducts(personnel, 10_000, value, rules.minLabourShare) >= 0,
      personnel,
      required: ceilDiv(product(value, rules.minLabourShare), 10_000),
      shareBp: personnel > 0 && value > 0 ? floorDiv(product(personnel, 10_000), value) : 0,
      minLabourShare: rules.minLabourShare,
      ruleId: 'P-W2',
    },
  };
}

/** A post as the explanation shows it: its costing with its title, role and named person. */
export type ExplainedPost = PostCost & { title: string; role: string; personId?: string; personName?: string };

export interface PriceFloorExplanation {
  posts: ExplainedPost[];
  /** L, the sum of the post costs. */
  labourCost: number;
  /** P-W3: posts paid under the floor (the floor still pays them as given). */
  findings: Finding[];
  priceFloor: PriceFloor & { ruleId: 'P-W2' };
  /** At the floor and one fen below it: which condition holds (absent when there is no value). */
  conditions?: { atFloor: FloorConditions; belowFloor?: FloorConditions };
  /** The conditions that fail one fen below the floor: why it is the smallest. */
  binding: FloorCondition[];
}

/** The floor of posts already resolved (named persons' pay and certificate in them), explained. */
export function explainPriceFloor(
  posts: readonly CostedPostInput[],
  fixed: FixedLines,
  managementShare: number,
  rules: RuleSetParameters,
): PriceFloorExplanation {
  // costPlan with an empty budget: the post costs, L and the P-W3 findings, and nothing else of the budget.
  const zero = { personnel: 0, supervision: 0, activities: 0, management: 0, tax: 0, other: 0 };
  const costing = costPlan({ posts, budget: { value: 0, lines: zero }, rules });
  const floor = priceFloor({ posts, fixed, managementShare, rules });
  const costed = costing.posts.map((cost, i) => {
    const post = posts[i]!;
    return {
      ...cost,
      title: post.title,
      role: post.role,
      ...(post.personId ? { personId: post.personId } : {}),
      ...(post.personName ? { personName: post.personName } : {}),
    };
  });
  const base = {
    posts: costed,
    labourCost: costing.labourCost,
    findings: costing.findings.filter((f) => f.kind === 'payBelowFloor'),
    priceFloor: { ...floor, ruleId: 'P-W2' as const },
  };
  if (!floor.feasible) return { ...base, binding: [] };
  const atFloor = conditionsAt(floor.value, costing.labourCost, fixed, managementShare, rules);
  if (floor.value === 0) return { ...base, conditions: { atFloor }, binding: [] };
  const belowFloor = conditionsAt(floor.value - 1, costing.labourCost, fixed, managementShare, rules);
  const binding = (['labourCost', 'labourShare'] as const).filter((c) => !belowFloor[c].holds);
  return { ...base, conditions: { atFloor, belowFloor }, binding };
}
