import { z } from 'zod';
import { RuleSetParameters, RuleSetRef } from '../rules/rule-set.ts';
import { count, date, fen, instant } from '../units/units.ts';
import { AmendmentRecord } from './amendment.ts';
import { ContractAssessment, CostedPost } from './assessment.ts';
import { CONTRACT_STATUSES, ContractDraft } from './contract.ts';
import { NewerGuideline } from './guideline.ts';
import { ContractReview } from './review.ts';

/**
 * A purchase contract as it is kept and shown: the head (status, the current version's summary)
 * and its versions, each the draft as saved with its costing, frozen once signed.
 */

/** A status change as it happened. */
export const StatusChange = z
  .object({
    from: z.enum(CONTRACT_STATUSES).optional(),
    to: z.enum(CONTRACT_STATUSES),
    date: date.describe('The day it happened (signed on, started on…), as the user gave it or today'),
    note: z.string().optional(),
    at: instant,
    by: z.string(),
  })
  .meta({ id: 'StatusChange' });
export type StatusChange = z.infer<typeof StatusChange>;

/** The contract as listed: the head, with the current version's figures and findings counted. */
export const StoredContract = z
  .object({
    id: z.string(),
    status: z.enum(CONTRACT_STATUSES),
    number: z.string(),
    title: z.string(),
    purchaser: z.object({ name: z.string(), region: z.string() }),
    startDate: date,
    endDate: date,
    value: fen,
    currentVersion: count.describe('The number of the current version (1 until the first amendment)'),
    findingCounts: z
      .object({ errors: count, warnings: count })
      .describe('The current version’s findings, counted: the list’s flags'),
    findingRuleIds: z.array(z.string()).describe('The rule ids of the current version’s findings'),
    labourCost: fen.describe('L of the current version, fen (P-W2)'),
    priceFloor: fen
      .optional()
      .describe('The current version’s price floor, fen; absent when no value is feasible (P-W2)'),
    ruleIds: z
      .object({ labourCost: z.literal('P-W2'), priceFloor: z.literal('P-W2') })
      .describe('The rule each of those figures applies'),
    ruleSet: RuleSetRef.describe('The rule set the current version was costed with'),
    newerGuideline: NewerGuideline.optional().describe(
      'A submitted, signed or running contract (or a draft whose term reaches a later rule set): the newer rule set in force within the term, worked out when read (never stored)',
    ),
    history: z.array(StatusChange),
    review: ContractReview.optional().describe(
      'Present once submitted for review: the responsible bureau, and the last decision with its reasons',
    ),
    createdAt: instant,
    createdBy: z.string(),
    updatedAt: instant,
    version: count.describe('The ETag’s number: send it back in If-Match'),
  })
  .meta({ id: 'Contract' });
export type StoredContract = z.infer<typeof StoredContract>;

/** A draft costed against the rule set in force on its start date: what a save stores with it. */
export const CostedDraft = z.object({
  draft: ContractDraft,
  costedPosts: z
    .array(CostedPost)
    .describe('The posts as costed, in the order of draft.plan.posts: named persons’ pay and certificate filled in'),
  ruleSet: RuleSetRef,
  rules: RuleSetParameters,
  assessment: ContractAssessment,
});
export type CostedDraft = z.infer<typeof CostedDraft>;

/** One version of a contract: the draft as saved, costed, and frozen once signed. */
export const ContractVersion = z
  .object({
    contractId: z.string(),
    number: count.describe('1, 2, … (an amendment adds one)'),
    ...CostedDraft.shape,
    amendment: AmendmentRecord.optional().describe('Present on versions made by amendment'),
    recosted: z
      .object({ from: RuleSetRef, at: instant })
      .optional()
      .describe(
        'Present on a draft costed again because another rule set came into force for its start date: the one it was costed with before, and when',
      ),
    savedAt: instant,
    savedBy: z.string(),
  })
  .meta({
    id: 'ContractVersion',
    description:
      'One version of a contract: `draft` as saved, `costedPosts` and `assessment` its costing, `rules` the rule set’s parameters as used',
  });
export type ContractVersion = z.infer<typeof ContractVersion>;

export const ContractWithVersion = z
  .object({ contract: StoredContract, version: ContractVersion })
  .meta({ id: 'ContractWithVersion' });
export type ContractWithVersion = z.infer<typeof ContractWithVersion>;

/** A draft costed without saving: an organisation tries prices before it bids. */
export const ContractPreview = CostedDraft.pick({ ruleSet: true, costedPosts: true, assessment: true }).meta({
  id: 'ContractPreview',
});
export type ContractPreview = z.infer<typeof ContractPreview>;
