import { z } from 'zod';
import { ContractAmount, costPlan } from '../costing/budget.ts';
import { BudgetLines } from '../costing/lines.ts';
import { PostCost } from '../costing/post.ts';
import { linesForValue, priceFloor, priceFloorWith } from '../costing/price-floor.ts';
import { ceilDiv, compareProducts, floorDiv, product } from '../costing/rounding.ts';
import { FLOOR_CONDITIONS, type FloorCondition } from '../findings/contract.ts';
import { Finding } from '../findings/finding.ts';
import { isoDate, RuleSetParameters, RuleSetRef } from '../rules/rule-set.ts';
import { regionCode } from '../tenancy/schemas.ts';
import { bp, date, fen } from '../units/units.ts';
import type { CostedPost } from './assessment.ts';
import { ContractPost, POST_ROLES } from './contract.ts';

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

/** The two P-W2 conditions for one value V, with the lines COSTING.md derives from it. */
export const FloorConditions = z
  .object({
    value: fen,
    lines: BudgetLines,
    labourCost: z
      .object({ holds: z.boolean(), personnel: fen, required: fen, ruleId: z.literal('P-W2') })
      .describe('personnel ≥ L'),
    labourShare: z
      .object({
        holds: z.boolean(),
        personnel: fen,
        required: fen.describe('⌈V × minLabourShare / 10000⌉'),
        shareBp: bp.describe('personnel as a share of V, rounded down (0 when personnel is not positive)'),
        minLabourShare: bp,
        ruleId: z.literal('P-W2'),
      })
      .describe('personnel × 10000 ≥ V × minLabourShare'),
  })
  .meta({ id: 'FloorConditions' });
export type FloorConditions = z.infer<typeof FloorConditions>;

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
export const ExplainedPost = PostCost.extend({
  title: z.string(),
  role: z.enum(POST_ROLES),
  personId: z.string().optional(),
  personName: z.string().optional(),
});
export type ExplainedPost = z.infer<typeof ExplainedPost>;

export const PriceFloorExplanation = z.object({
  posts: z.array(ExplainedPost),
  labourCost: fen.describe('L, the sum of the post costs'),
  findings: z.array(Finding).describe('P-W3: posts paid under the floor (the floor still pays them as given)'),
  priceFloor: priceFloorWith({ ruleId: z.literal('P-W2') }),
  conditions: z
    .object({ atFloor: FloorConditions, belowFloor: FloorConditions.optional() })
    .optional()
    .describe('The two P-W2 conditions at the floor and one fen below it (absent when there is no value)'),
  binding: z
    .array(z.enum(FLOOR_CONDITIONS))
    .describe('The conditions that fail one fen below the floor: why it is the smallest'),
});
export type PriceFloorExplanation = z.infer<typeof PriceFloorExplanation>;

/** The calculator's answer: the request as applied, the rule set it used, and the floor explained. */
export const PriceFloorCalculation = z
  .object({
    region: z.string(),
    startDate: date,
    ruleSet: RuleSetRef,
    rules: RuleSetParameters.pick({ taxRate: true, minLabourShare: true, maxManagementShare: true }).describe(
      'The rule-set figures the floor turns on, bp',
    ),
    managementShare: bp.describe('m, as asked for or the local cap'),
    fixed: z.object({ supervision: fen, activities: fen, other: fen }),
    ...PriceFloorExplanation.shape,
  })
  .meta({
    id: 'PriceFloorCalculation',
    description: 'The minimum contract value for a staffing plan (P-W2), and why it is the smallest',
  });
export type PriceFloorCalculation = z.infer<typeof PriceFloorCalculation>;

/** The floor of posts already resolved (named persons' pay and certificate in them), explained. */
export function explainPriceFloor(
  posts: readonly CostedPost[],
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
  return { ...base, conditions: { atFloor, belowFloor }, binding: failing(belowFloor) };
}

const failing = (at: FloorConditions): FloorCondition[] => FLOOR_CONDITIONS.filter((c) => !at[c].holds);

/**
 * The conditions a (positive) floor is set by: those failing one fen below it. The contract's
 * below-floor finding names them, as the calculator does.
 */
export function floorBinding(
  floorValue: number,
  labourCost: number,
  fixed: FixedLines,
  managementShare: number,
  rules: RuleSetParameters,
): FloorCondition[] {
  if (floorValue <= 0) return [];
  return failing(conditionsAt(floorValue - 1, labourCost, fixed, managementShare, rules));
}
