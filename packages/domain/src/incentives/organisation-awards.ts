import { z } from 'zod';
import { isoDate } from '../rules/rule-set.ts';
import { plainLine } from '../text/plain-text.ts';
import { count, fen } from '../units/units.ts';
import { type AwardParameters, RECOGNITION_AUTHORITIES, type RecognitionAuthority } from './parameters.ts';

/**
 * P-A8: a local social-work organisation named an advanced unit (先进单位), or recognised as a
 * social-work talent training base (人才培养基地), by the national civil-affairs authority gets a
 * one-off ¥20,000, by the regional (Guangxi) authority ¥10,000 (parameters).
 *
 * "One-off" is read per recognition: the key is organisation + authority + kind + year, so the same
 * recognition never pays twice, while a different one (another kind, the other authority, or a new
 * year's title) pays its own award. Choice: the year is the year of the recognition (the year the
 * authority named it), which the bureau records; a national and a regional title for the same kind
 * and year are two recognitions and both pay (the seed gives each its amount, and does not say one
 * replaces the other).
 */

export const RECOGNITION_KINDS = ['advanced_unit', 'talent_training_base'] as const;
export type RecognitionKind = (typeof RECOGNITION_KINDS)[number];

export const OrganisationRecognition = z
  .strictObject({
    organisationId: z.string().trim().min(1).max(60),
    authority: z
      .enum(RECOGNITION_AUTHORITIES)
      .describe('national: the national civil-affairs authority; regional: Guangxi'),
    kind: z.enum(RECOGNITION_KINDS),
    year: z.number().int().min(2000).max(2100).describe('The year the authority made the recognition'),
    recognisedOn: isoDate.optional(),
    reference: plainLine(z.string().trim().min(1).max(100)).optional().describe('The authority’s document number'),
  })
  .refine((r) => !r.recognisedOn || Number(r.recognisedOn.slice(0, 4)) === r.year, {
    message: 'must fall in the recognition’s year',
    path: ['recognisedOn'],
  })
  .meta({ id: 'OrganisationRecognition', description: 'P-A8: a national or regional recognition of an organisation' });
export type OrganisationRecognition = z.infer<typeof OrganisationRecognition>;

type RecognitionKeyFields = Pick<OrganisationRecognition, 'organisationId' | 'authority' | 'kind' | 'year'>;

/** P-A8: the key that makes a recognition pay once (a store's uniqueness guard can use it as is). */
export function recognitionKey(r: RecognitionKeyFields): string {
  return `${r.organisationId}#${r.authority}#${r.kind}#${r.year}`;
}

/** P-A8: the one-off award a recognition by this authority brings, fen. */
export function recognitionAward(authority: RecognitionAuthority, params: Pick<AwardParameters, 'organisationAwards'>) {
  return params.organisationAwards[authority];
}

/** P-A8: whether the same recognition (same key) was already paid. */
export function recognitionAlreadyPaid(r: RecognitionKeyFields, paid: readonly RecognitionKeyFields[]): boolean {
  const key = recognitionKey(r);
  return paid.some((p) => recognitionKey(p) === key);
}

export const RecognitionAwardAssessment = z
  .object({
    ruleId: z.literal('P-A8'),
    eligible: z.boolean(),
    key: z.string(),
    award: fen.describe('The award of the authority’s level, fen'),
    amount: fen.describe('What is paid now: the award, or 0 when already paid'),
    alreadyPaid: z.boolean(),
    year: count,
  })
  .meta({ id: 'RecognitionAwardAssessment' });
export type RecognitionAwardAssessment = z.infer<typeof RecognitionAwardAssessment>;

/** P-A8: what recording this recognition pays, given the recognitions already paid. */
export function assessRecognitionAward(
  r: RecognitionKeyFields,
  paid: readonly RecognitionKeyFields[],
  params: Pick<AwardParameters, 'organisationAwards'>,
): RecognitionAwardAssessment {
  const award = recognitionAward(r.authority, params);
  const alreadyPaid = recognitionAlreadyPaid(r, paid);
  return {
    ruleId: 'P-A8',
    eligible: !alreadyPaid,
    key: recognitionKey(r),
    award,
    amount: alreadyPaid ? 0 : award,
    alreadyPaid,
    year: r.year,
  };
}
