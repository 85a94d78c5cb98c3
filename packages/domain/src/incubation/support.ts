import { z } from 'zod';
import { isoDate } from '../rules/rule-set.ts';
import { plainLine, plainNotes } from '../text/plain-text.ts';
import { count, fen, instant, tenthHours } from '../units/units.ts';

/**
 * The support an incubation base gives the organisations it incubates (P-I1): trainings (with the
 * hours and every attending organisation), mentoring sessions (辅导), subsidies granted (with the
 * amount in fen; 小额活动补贴 small activity subsidies among them) and help with registration.
 * Hours are kept in tenths of an hour, money in integer fen, like every other figure of the product.
 */

export const SUPPORT_KINDS = ['training', 'mentoring', 'subsidy', 'registration_help'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** Why a subsidy was granted: the small activity subsidy (小额活动补贴) most bases give, or another. */
export const SUBSIDY_SCHEMES = ['small_activity', 'other'] as const;
export type SubsidyScheme = (typeof SUBSIDY_SCHEMES)[number];

/** The most hours one training or session records (a week-long course is 40), in tenths. */
export const MAX_SUPPORT_TENTH_HOURS = 2000;
/** The most one subsidy grants: ¥1,000,000.00 (a base's subsidies are thousands of yuan). */
export const MAX_SUBSIDY_FEN = 100_000_000;
/** The most organisations one training records as attending (each is three items of one transaction, which holds 100). */
export const MAX_TRAINING_ATTENDEES = 30;

const line = (max: number) =>
  plainLine(z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`));
const notes = (max: number) =>
  plainNotes(z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`));

const on = isoDate.describe('The day it was given (YYYY-MM-DD)');
const hours = z
  .number({ error: 'must be a number of tenths of an hour' })
  .int('must be whole tenths of an hour (2.5 hours is 25)')
  .min(1, 'must be at least 0.1 hour (1)')
  .max(MAX_SUPPORT_TENTH_HOURS, `must be at most ${MAX_SUPPORT_TENTH_HOURS / 10} hours (${MAX_SUPPORT_TENTH_HOURS})`)
  .describe('Hours, in tenths of an hour (2.5 hours is 25)');
const organisationId = z.uuid({ error: 'must be the id of an organisation the base incubates' });

/** What the base records, on one organisation's record; a training names the other organisations that attended. */
export const NewSupport = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('training'),
      on,
      title: line(200),
      tenthHours: hours,
      alsoAttended: z
        .array(organisationId)
        .max(MAX_TRAINING_ATTENDEES - 1, `name at most ${MAX_TRAINING_ATTENDEES - 1} other organisations`)
        .refine((ids) => new Set(ids).size === ids.length, 'names an organisation twice')
        .optional()
        .describe('The other incubated organisations that attended (besides the record’s own)'),
    }),
    z.strictObject({
      kind: z.literal('mentoring'),
      on,
      mentor: line(60).describe('Who mentored'),
      topic: line(200),
      tenthHours: hours,
    }),
    z.strictObject({
      kind: z.literal('subsidy'),
      on,
      scheme: z.enum(SUBSIDY_SCHEMES, { error: 'must be small_activity or other' }),
      purpose: line(200),
      amount: fen
        .min(1, 'must be more than 0 fen')
        .max(MAX_SUBSIDY_FEN, `must be at most ${MAX_SUBSIDY_FEN} fen`)
        .describe('The amount granted, integer fen'),
    }),
    z.strictObject({
      kind: z.literal('registration_help'),
      on,
      what: notes(1000).describe('What the base did (materials checked, accompanied to the registry…)'),
    }),
  ],
  { error: 'must be training, mentoring, subsidy or registration_help' },
);
export type NewSupport = z.infer<typeof NewSupport>;

const Attendee = z.object({ organisationId: z.string(), organisationName: z.string() });

/**
 * One support entry as stored and listed for one organisation. A training attended by several
 * organisations is one entry (one id) listed under each of them, every listing naming them all.
 */
export const SupportEntry = z
  .object({
    id: z.string(),
    organisationId: z.string().describe('The organisation this listing is under'),
    kind: z.enum(SUPPORT_KINDS),
    on: z.string(),
    title: z.string().optional().describe('training'),
    tenthHours: tenthHours.optional().describe('training, mentoring: hours in tenths'),
    attendees: z.array(Attendee).optional().describe('training: every organisation that attended'),
    mentor: z.string().optional().describe('mentoring'),
    topic: z.string().optional().describe('mentoring'),
    scheme: z.enum(SUBSIDY_SCHEMES).optional().describe('subsidy'),
    purpose: z.string().optional().describe('subsidy'),
    amount: fen.optional().describe('subsidy: integer fen'),
    what: z.string().optional().describe('registration_help'),
    recordedAt: instant,
    by: z.object({ userId: z.string() }),
  })
  .meta({ id: 'IncubationSupportEntry' });
export type SupportEntry = z.infer<typeof SupportEntry>;

/** What one organisation received, in sums (the record page's figures and the base's consolidated view). */
export const SupportTotals = z
  .object({
    organisationId: z.string(),
    trainings: count,
    trainingTenthHours: tenthHours.describe('Training hours attended, in tenths'),
    mentoringSessions: count,
    mentoringTenthHours: tenthHours,
    subsidies: count,
    subsidyFen: fen.describe('Subsidies granted, integer fen'),
    registrationHelps: count,
  })
  .meta({ id: 'IncubationSupportTotals' });
export type SupportTotals = z.infer<typeof SupportTotals>;

export function noSupport(organisationId: string): SupportTotals {
  return {
    organisationId,
    trainings: 0,
    trainingTenthHours: 0,
    mentoringSessions: 0,
    mentoringTenthHours: 0,
    subsidies: 0,
    subsidyFen: 0,
    registrationHelps: 0,
  };
}

/** What one entry adds to each attending organisation's totals. */
export function supportIncrement(support: NewSupport): Partial<Omit<SupportTotals, 'organisationId'>> {
  switch (support.kind) {
    case 'training':
      return { trainings: 1, trainingTenthHours: support.tenthHours };
    case 'mentoring':
      return { mentoringSessions: 1, mentoringTenthHours: support.tenthHours };
    case 'subsidy':
      return { subsidies: 1, subsidyFen: support.amount };
    case 'registration_help':
      return { registrationHelps: 1 };
  }
}

/** The organisations an entry recorded on `organisationId`'s record is about: it, then the others that attended. */
export function supportedOrganisations(organisationId: string, support: NewSupport): string[] {
  const others = support.kind === 'training' ? (support.alsoAttended ?? []) : [];
  return [organisationId, ...others.filter((id) => id !== organisationId)];
}
