import { z } from 'zod';
import { ReviewBureau } from '../contracts/review.ts';
import { isValidIdCardNumber } from '../people/id-card.ts';
import { Certificate, EMPLOYMENT_TYPES, EmploymentPeriod } from '../people/person.ts';
import { CERT_LEVELS, isoDate } from '../rules/rule-set.ts';
import { plainLine } from '../text/plain-text.ts';
import { date, fen, instant } from '../units/units.ts';
import { AwardClaimAssessment, AwardLedgerEntry, NewHistoricalAward } from './level-award.ts';

/**
 * A level-improvement claim (专业水平提升奖励申领, P-A2 … P-A7) as it moves: made by a staff member
 * for themself or by hr on their behalf (`submitted`), endorsed by the organisation's admin
 * (`endorsed`, now in the deciding bureau's queue), approved or refused by that bureau's reviewer,
 * and recorded as paid into the person's ledger. The claimant may withdraw it before a decision.
 */
export const AWARD_CLAIM_STATUSES = ['submitted', 'endorsed', 'approved', 'paid', 'refused', 'withdrawn'] as const;
export type AwardClaimStatus = (typeof AWARD_CLAIM_STATUSES)[number];
/** The states a bureau's queue lists (a claim reaches the bureau when endorsed). */
export const BUREAU_CLAIM_STATUSES = ['endorsed', 'approved', 'paid', 'refused'] as const;
export type BureauClaimStatus = (typeof BUREAU_CLAIM_STATUSES)[number];
/** Open claims hold the person's one open-claim guard; these close it. */
export const CLOSED_CLAIM_STATUSES: readonly AwardClaimStatus[] = ['paid', 'refused', 'withdrawn'];

export const AWARD_CLAIM_ACTIONS = ['create', 'endorse', 'approve', 'refuse', 'pay', 'withdraw'] as const;

/** One step of a claim's dated history: who did what, when, and what it changed. */
export const AwardClaimStep = z.object({
  action: z.enum(AWARD_CLAIM_ACTIONS),
  at: instant,
  by: z.string().describe('The user id'),
  byName: z.string(),
  tenant: z.string().describe('Whose member acted: the organisation’s or the bureau’s name'),
  amount: fen.optional().describe('The amount as assessed at this step, fen'),
  note: z.string().optional(),
});
export type AwardClaimStep = z.infer<typeof AwardClaimStep>;

/**
 * What the claim is judged on, as the registry held it when the claim was made: the bureau re-assesses
 * from these (with the ledger as it is then), never reading the organisation's registry itself.
 */
export const AwardClaimEvidence = z.object({
  employmentType: z.enum(EMPLOYMENT_TYPES),
  employment: z.array(EmploymentPeriod),
  certificates: z.array(Certificate),
});
export type AwardClaimEvidence = z.infer<typeof AwardClaimEvidence>;

export const AwardPayment = z.object({
  date: date,
  reference: z.string(),
  amount: fen.describe('What was paid, fen: the amount re-assessed on recording (P-A5)'),
  entryId: z.string().describe('The ledger entry it made'),
});

export const AwardClaim = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisation: z.string().describe('The employer’s name'),
    region: z.string().describe('The employer’s region: it decides which bureau decides the claim'),
    bureau: ReviewBureau.describe('The bureau of the employer’s level that decides the claim'),
    personId: z.string(),
    personName: z.string(),
    idCardMasked: z.string().describe('The person’s ID-card number, masked'),
    certificateNumber: z.string().optional(),
    level: z.enum(CERT_LEVELS).describe('The highest level held on the claim date'),
    claimDate: date,
    status: z.enum(AWARD_CLAIM_STATUSES),
    amount: fen.describe('What the claim pays as last assessed, fen'),
    assessment: AwardClaimAssessment.describe('The last assessment (at creation, approval or payment)'),
    evidence: AwardClaimEvidence,
    createdBy: z.string(),
    refusal: z.string().optional().describe('The bureau’s reason, when refused'),
    payment: AwardPayment.optional(),
    steps: z.array(AwardClaimStep).describe('The dated history, oldest first'),
    createdAt: instant,
    updatedAt: instant,
    version: z.number().int(),
  })
  .meta({ id: 'AwardClaim', description: 'A level-improvement award claim (P-A2 … P-A6), amounts in fen' });
export type AwardClaim = z.infer<typeof AwardClaim>;

/** A claim, or its preview: for the member themself, or (hr/admin) for a person on the registry. */
export const NewAwardClaim = z
  .strictObject({
    personId: z.string().uuid().optional().describe('hr/admin only: the person claimed for (omit for yourself)'),
    certificateNumber: plainLine(z.string().trim().min(4).max(40))
      .optional()
      .describe('The certificate the claim is made for (optional: the highest level held counts)'),
  })
  .meta({ id: 'NewAwardClaim' });
export type NewAwardClaim = z.infer<typeof NewAwardClaim>;

export const AwardRefusal = z
  .strictObject({ reason: plainLine(z.string().trim().min(2, 'is required').max(500)) })
  .meta({ id: 'AwardRefusal' });
export type AwardRefusal = z.infer<typeof AwardRefusal>;

export const AwardPaymentInput = z
  .strictObject({
    date: isoDate.describe('The day it was paid'),
    reference: plainLine(z.string().trim().min(1, 'is required').max(100)).describe('The payment voucher number'),
  })
  .meta({ id: 'AwardPaymentInput' });
export type AwardPaymentInput = z.infer<typeof AwardPaymentInput>;

/** A historical award as a bureau enters it: who (ID-card number and name) and the award. */
export const HistoricalAwardInput = NewHistoricalAward.extend({
  idCardNumber: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => isValidIdCardNumber(v), 'is not a valid 18-digit ID-card number'),
  name: plainLine(z.string().trim().min(1, 'is required').max(40)),
}).meta({
  id: 'HistoricalAwardInput',
  description: 'P-A2: an award paid before the product, with whom it was paid to',
});
export type HistoricalAwardInput = z.infer<typeof HistoricalAwardInput>;

/** A ledger entry as stored and listed: who it was paid to (masked), by which claim or bureau. */
export const LedgerEntryRecord = AwardLedgerEntry.extend({
  id: z.string(),
  name: z.string().describe('The person’s name as given'),
  idCardMasked: z.string().describe('The ID-card number, masked'),
  claimId: z.string().optional(),
  organisationId: z.string().optional(),
  recordedBy: z.object({ bureauId: z.string(), bureau: z.string(), userId: z.string() }),
  recordedAt: instant,
}).meta({ id: 'AwardLedgerRecord' });
export type LedgerEntryRecord = z.infer<typeof LedgerEntryRecord>;
