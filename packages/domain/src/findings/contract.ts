import { z } from 'zod';
import { bp, count, fen } from '../units/units.ts';
import { findingSchema } from './shape.ts';
import { worded } from './text.ts';

/**
 * The findings of a contract's terms and price: N-1 (how long it may run), N-3 (payment by
 * milestones that add up to the value) and the P-W2 price floor. Paths point into the draft.
 */

/**
 * The two P-W2 conditions a price floor meets (COSTING.md): the personnel line covers the labour
 * cost L, and it is at least the local minimum share of the value. The floor "binds" on those that
 * fail one fen below it.
 */
export const FLOOR_CONDITIONS = ['labourCost', 'labourShare'] as const;
export type FloorCondition = (typeof FLOOR_CONDITIONS)[number];

/** What sets a floor, in one word: one of the conditions, or both. */
export const FLOOR_BINDINGS = [...FLOOR_CONDITIONS, 'both'] as const;
export type FloorBinding = (typeof FLOOR_BINDINGS)[number];

export const floorBindingOf = (conditions: readonly FloorCondition[]): FloorBinding | undefined =>
  conditions.length > 1 ? 'both' : conditions[0];

export const BelowPriceFloorFinding = findingSchema('belowPriceFloor', {
  severity: z.literal('error'),
  ruleId: z.literal('P-W2'),
  description:
    'P-W2: the contract value is below the price floor, the smallest value that pays the plan at the guideline',
  amounts: z.object({
    value: fen,
    priceFloor: fen,
    shortfall: fen,
    managementShare: bp,
    labourCost: fen.optional().describe('L, fen (absent on findings saved before it was given)'),
    bindsOn: z
      .enum(FLOOR_BINDINGS)
      .optional()
      .describe('The P-W2 condition the floor is set by (or both), as the price-floor calculator explains it'),
  }),
});
export type BelowPriceFloorFinding = z.infer<typeof BelowPriceFloorFinding>;

export function belowPriceFloor(facts: {
  value: number;
  priceFloor: number;
  managementShare: number;
  labourCost: number;
  binding: readonly FloorCondition[];
}): BelowPriceFloorFinding {
  const { value, priceFloor, managementShare, labourCost } = facts;
  const bindsOn = floorBindingOf(facts.binding);
  return worded({
    kind: 'belowPriceFloor',
    severity: 'error',
    ruleId: 'P-W2',
    path: '/terms/value',
    amounts: {
      value,
      priceFloor,
      shortfall: priceFloor - value,
      managementShare,
      labourCost,
      ...(bindsOn ? { bindsOn } : {}),
    },
  });
}

export const NoPriceFloorFinding = findingSchema('noPriceFloor', {
  severity: z.literal('error'),
  ruleId: z.literal('P-W2'),
  description: 'P-W2: no contract value pays the staffing plan at the guideline under the local rules',
  amounts: z.object({ value: fen, managementShare: bp }),
});
export type NoPriceFloorFinding = z.infer<typeof NoPriceFloorFinding>;

export function noPriceFloor(facts: { value: number; managementShare: number }): NoPriceFloorFinding {
  const { value, managementShare } = facts;
  return worded({
    kind: 'noPriceFloor',
    severity: 'error',
    ruleId: 'P-W2',
    path: '/terms/value',
    amounts: { value, managementShare },
  });
}

/** A term's length against a limit, both in months. */
const TermAmounts = z.object({ months: count, limit: count });

export const TermTooLongFinding = findingSchema('termTooLong', {
  severity: z.literal('error'),
  ruleId: z.literal('N-1'),
  description: 'N-1: the term is longer than any purchase contract may run; a save is refused',
  amounts: TermAmounts,
});
export type TermTooLongFinding = z.infer<typeof TermTooLongFinding>;

export function termTooLong(facts: { months: number; limit: number }): TermTooLongFinding {
  return worded({
    kind: 'termTooLong',
    severity: 'error',
    ruleId: 'N-1',
    path: '/terms/endDate',
    amounts: { months: facts.months, limit: facts.limit },
  });
}

export const TermNeedsStableMarkFinding = findingSchema('termNeedsStableMark', {
  severity: z.literal('error'),
  ruleId: z.literal('N-1'),
  description:
    'N-1: a term over the plain limit is allowed only for a stable, recurring service with secure funding; a save is refused',
  amounts: TermAmounts,
});
export type TermNeedsStableMarkFinding = z.infer<typeof TermNeedsStableMarkFinding>;

export function termNeedsStableMark(facts: { months: number; limit: number }): TermNeedsStableMarkFinding {
  return worded({
    kind: 'termNeedsStableMark',
    severity: 'error',
    ruleId: 'N-1',
    path: '/terms/stableRecurring',
    amounts: { months: facts.months, limit: facts.limit },
  });
}

export const NoMilestonesFinding = findingSchema('noMilestones', {
  severity: z.literal('error'),
  ruleId: z.literal('N-3'),
  description: 'N-3: the contract has no payment milestones',
  amounts: z.object({ value: fen }),
});
export type NoMilestonesFinding = z.infer<typeof NoMilestonesFinding>;

export function noMilestones(facts: { value: number }): NoMilestonesFinding {
  return worded({
    kind: 'noMilestones',
    severity: 'error',
    ruleId: 'N-3',
    path: '/terms/milestones',
    amounts: { value: facts.value },
  });
}

export const MilestonesUnbalancedFinding = findingSchema('milestonesUnbalanced', {
  severity: z.literal('error'),
  ruleId: z.literal('N-3'),
  description: 'N-3: the payment milestones do not add up to the contract value',
  amounts: z.object({
    value: fen,
    milestonesTotal: fen,
    /** milestonesTotal − value: positive when the milestones add up to more. */
    difference: fen,
  }),
});
export type MilestonesUnbalancedFinding = z.infer<typeof MilestonesUnbalancedFinding>;

export function milestonesUnbalanced(facts: { value: number; milestonesTotal: number }): MilestonesUnbalancedFinding {
  const { value, milestonesTotal } = facts;
  return worded({
    kind: 'milestonesUnbalanced',
    severity: 'error',
    ruleId: 'N-3',
    path: '/terms/milestones',
    amounts: { value, milestonesTotal, difference: milestonesTotal - value },
  });
}

/** N-1 findings refuse a save (not merely flag it): the kinds that do. */
export const BLOCKING_TERM_KINDS = ['termTooLong', 'termNeedsStableMark'] as const;

/** The kinds of the terms' own checks (N-1, N-3): they, and no costing finding, stop a submission. */
export const TERM_KINDS = [...BLOCKING_TERM_KINDS, 'noMilestones', 'milestonesUnbalanced'] as const;
