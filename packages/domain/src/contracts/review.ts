import { z } from 'zod';
import { plainLine, plainNotes } from '../text/plain-text.ts';
import { count, instant } from '../units/units.ts';

/**
 * Review before signing (提交审核, P-U1): a submitted contract goes to the bureau whose jurisdiction
 * covers its purchaser's region — the county's bureau where the county has one on the platform,
 * else the city's. That bureau's reviewer approves it, or returns it to draft with reasons, each of
 * which may cite a rule and a field. Only an approved contract may be recorded as signed.
 */

export const REVIEW_DECISIONS = ['approve', 'return'] as const;
export type ReviewDecisionKind = (typeof REVIEW_DECISIONS)[number];

/** Where a contract stands in its review, as its head shows it. */
export const REVIEW_STATES = ['pending', 'approved', 'returned'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** A policy rule id as POLICY.md writes them: P-W2, N-1, P-S1 … */
export const RULE_ID_PATTERN = /^[PN]-[A-Z]?\d{1,2}$/;

/** The rules a reviewer most often cites, for the reason's select (any POLICY id is accepted). */
export const REVIEW_RULE_IDS = ['N-1', 'N-3', 'N-7', 'P-S1', 'P-W1', 'P-W2', 'P-W3'] as const;

/** Why a contract is returned: what to change, optionally the rule and the field it concerns. */
export const ReviewReason = z
  .strictObject({
    text: plainNotes(z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters')),
    ruleId: z
      .string()
      .trim()
      .regex(RULE_ID_PATTERN, 'must be a rule id as POLICY.md writes it, e.g. P-W2')
      .optional()
      .describe('The rule the reason cites (POLICY.md), e.g. P-W2'),
    field: plainLine(z.string().trim().max(200, 'must be at most 200 characters'))
      .optional()
      .describe('The field of the contract it concerns, e.g. plan/posts/0/monthlyPay or 人员配置'),
  })
  .meta({ id: 'ReviewReason' });
export type ReviewReason = z.infer<typeof ReviewReason>;

/** A reviewer's decision; a return names at least one reason. */
export const ReviewDecision = z
  .strictObject({
    decision: z.enum(REVIEW_DECISIONS, { error: `must be one of ${REVIEW_DECISIONS.join(', ')}` }),
    reasons: z.array(ReviewReason).max(20, 'at most 20 reasons').default([]),
  })
  .refine((d) => d.decision !== 'return' || d.reasons.length > 0, {
    message: 'a return names at least one reason',
    path: ['reasons'],
  })
  .meta({ id: 'ReviewDecision' });
export type ReviewDecision = z.infer<typeof ReviewDecision>;

/** A bureau as a review names it. */
export const ReviewBureau = z.object({ id: z.string(), name: z.string(), region: z.string() });
export type ReviewBureau = z.infer<typeof ReviewBureau>;

/**
 * The review as the contract's head carries it: which bureau is responsible (set at submission),
 * since when it waits, and the last decision with its reasons. A withdrawal to draft clears it; a
 * return keeps it (the reasons stay on the organisation's page until it submits again).
 */
export const ContractReview = z
  .object({
    state: z.enum(REVIEW_STATES),
    bureau: ReviewBureau.describe('The bureau responsible for deciding (P-U1: the county’s, else the city’s)'),
    organisation: z.string().describe('The organisation’s name as it submitted'),
    submittedAt: instant,
    decidedAt: instant.optional(),
    decidedBy: z.string().optional().describe('The reviewer’s name'),
    reasons: z.array(ReviewReason).describe('A return’s reasons (empty otherwise)'),
  })
  .meta({ id: 'ContractReview' });
export type ContractReview = z.infer<typeof ContractReview>;

/** A decision as the bureau keeps it in its own partition. */
export const ReviewRecord = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisation: z.string(),
    contractId: z.string(),
    contractNumber: z.string(),
    contractVersion: count.describe('The version decided on (the submitted version, frozen)'),
    region: z.string().describe('The purchaser’s region'),
    bureau: ReviewBureau,
    decision: z.enum(REVIEW_DECISIONS),
    reasons: z.array(ReviewReason),
    submittedAt: instant,
    decidedAt: instant,
    decidedBy: z.string().describe('The reviewer’s user id'),
    decidedByName: z.string(),
  })
  .meta({ id: 'ReviewRecord' });
export type ReviewRecord = z.infer<typeof ReviewRecord>;

/** The status a decision moves a submitted contract to. */
export const DECIDED_STATUS = { approve: 'approved', return: 'draft' } as const;
/** The state the head's review takes. */
export const DECIDED_STATE = { approve: 'approved', return: 'returned' } as const;
