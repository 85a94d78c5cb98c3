import { z } from 'zod';
import { plainLine } from '../text/plain-text.ts';
import { count, instant } from '../units/units.ts';
import { Certificate, ContinuingEducation } from './person.ts';

/**
 * What a staff member submits about themselves for hr to confirm (我的档案): continuing-education
 * hours or a new certificate. A submission changes nothing in the registry until hr confirms it;
 * confirming writes it to the person's record under the same rules as hr adding it.
 */
export const SUBMISSION_KINDS = ['continuing-education', 'certificate'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

export const SUBMISSION_STATUSES = ['pending', 'confirmed', 'refused'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const SubmissionInput = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('continuing-education'), entry: ContinuingEducation }),
    z.strictObject({ kind: z.literal('certificate'), certificate: Certificate }),
  ])
  .meta({ id: 'SubmissionInput', description: 'CE hours (P-R2, N-5) or a new certificate (N-4), for hr to confirm' });
export type SubmissionInput = z.infer<typeof SubmissionInput>;

const SubmissionState = z.object({
  id: z.string(),
  personId: z.string().describe('The person on the registry the submission is about'),
  personName: z.string(),
  submittedBy: z.string().describe('The member (user id) who submitted it'),
  submittedAt: instant,
  status: z.enum(SUBMISSION_STATUSES),
  decidedBy: z.string().optional(),
  decidedAt: instant.optional(),
  reason: z.string().optional().describe('Why hr refused it'),
  version: count,
});

export const Submission = z
  .discriminatedUnion('kind', [
    SubmissionState.extend({ kind: z.literal('continuing-education'), entry: ContinuingEducation }),
    SubmissionState.extend({ kind: z.literal('certificate'), certificate: Certificate }),
  ])
  .meta({ id: 'Submission' });
export type Submission = z.infer<typeof Submission>;

/** hr's reason for refusing a submission (shown to the member). */
export const SubmissionRefusal = z
  .strictObject({ reason: plainLine(z.string().trim().min(1).max(200)) })
  .meta({ id: 'SubmissionRefusal' });
export type SubmissionRefusal = z.infer<typeof SubmissionRefusal>;
