import { z } from 'zod';
import { SERVICES } from '../contracts/contract.ts';
import { addDays, addMonths } from '../people/dates.ts';
import { isoDate } from '../rules/rule-set.ts';
import { email, uscc } from '../tenancy/schemas.ts';
import { plainLine, plainNotes } from '../text/plain-text.ts';
import { count, instant } from '../units/units.ts';

/**
 * Incubation bases (社会组织孵化基地, P-I1, P-T1): an organisation applies (申请入驻), the base
 * reviews with notes and admits or declines it; admission creates the organisation's tenant and
 * its incubation record, which then follows the stage machine
 *
 *   applied (the application) ──admit──▶ incubating ──midterm_review──▶ midterm_reviewed ──graduate──▶ graduated
 *                                           │   ▲                            │
 *                                     extend│   │(midterm_review)     extend │
 *                                           ▼   │                            ▼
 *                                          extended ◀────────extend──────── (any open stage)
 *   any open stage ──leave──▶ left
 *
 * `applied` is the application's own status, not a stage of a record: a record exists from
 * admission. Graduation needs the mid-term review (on the record, whatever the stage it was
 * taken in), so an extension before the review does not skip it.
 */

/** What kind of social organisation applies (社会服务机构, 社会团体, 基金会, 社区社会组织). */
export const ORGANISATION_KINDS = [
  'social_service_agency',
  'social_group',
  'foundation',
  'community_organisation',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const INCUBATION_MODES = ['physical', 'virtual'] as const;
export type IncubationMode = (typeof INCUBATION_MODES)[number];

const line = (max: number) =>
  plainLine(z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`));
const notes = (max: number) =>
  plainNotes(z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`));
const mobile = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, 'must be an 11-digit mobile number');

export const Founder = z.strictObject({ name: line(40), role: line(40).optional() });

/** Who the base talks to; the e-mail becomes the organisation's first administrator on admission. */
export const ApplicationContact = z.strictObject({ name: line(40), phone: mobile, email });

/**
 * An application, as the operator records it or an organisation submits it through the base's
 * public link: registered (its unified social credit code, GB 32100) or to be registered (拟登记,
 * with its founders), never both.
 */
export const NewApplication = z
  .strictObject({
    name: plainLine(z.string().trim().min(2, 'must be at least 2 characters').max(100)),
    kind: z.enum(ORGANISATION_KINDS, { error: 'must be one of the organisation kinds' }),
    founders: z.array(Founder).min(1, 'name at least one founder').max(10, 'name at most 10 founders'),
    contact: ApplicationContact,
    serviceArea: line(200).describe('Where it works: a county, a street, communities'),
    services: z
      .array(z.enum(SERVICES, { error: 'must be a service from the P-S1 catalogue' }))
      .min(1, 'name at least one service (P-S1)')
      .max(SERVICES.length)
      .refine((s) => new Set(s).size === s.length, 'names a service twice'),
    uscc: uscc.optional().describe('Its unified social credit code, when registered'),
    toBeRegistered: z.boolean().describe('拟登记: not registered yet; then no credit code'),
  })
  .superRefine((a, ctx) => {
    if (a.toBeRegistered && a.uscc)
      ctx.addIssue({
        code: 'custom',
        path: ['uscc'],
        message: 'an organisation to be registered has no credit code yet',
      });
    if (!a.toBeRegistered && !a.uscc)
      ctx.addIssue({
        code: 'custom',
        path: ['uscc'],
        message: 'give the unified social credit code, or mark it to be registered',
      });
  });
export type NewApplication = z.infer<typeof NewApplication>;

/** What a public submission is told: that it arrived, and where. Nothing of the base's records. */
export const ApplicationReceipt = z
  .object({
    id: z.string(),
    status: z.literal('applied'),
    submittedAt: z.string(),
    incubatorName: z.string().describe('The base it was sent to'),
  })
  .meta({ id: 'IncubationApplicationReceipt' });
export type ApplicationReceipt = z.infer<typeof ApplicationReceipt>;

/** The credit code an organisation admitted to be registered records once it is registered. */
export const CreditCode = z.strictObject({ uscc }).meta({ id: 'CreditCode' });

/** A review note (append-only). */
export const NewApplicationNote = z.strictObject({ text: notes(2000) });
export type NewApplicationNote = z.infer<typeof NewApplicationNote>;

/** Why the base declines. */
export const DeclineApplication = z.strictObject({ reason: notes(1000) });
export type DeclineApplication = z.infer<typeof DeclineApplication>;

/** The agreement (入驻协议) an admitted organisation signs. */
export const IncubationAgreement = z.strictObject({
  startDate: isoDate,
  periodMonths: z
    .number({ error: 'must be a number of months' })
    .int('must be whole months')
    .min(1, 'must be at least 1 month')
    .max(60, 'must be at most 60 months'),
  mode: z.enum(INCUBATION_MODES, { error: 'must be physical or virtual' }),
  space: line(100).optional().describe('The desk or room (物理孵化)'),
});
export type IncubationAgreement = z.infer<typeof IncubationAgreement>;

/** Admission: the agreement. The first administrator is the application's contact e-mail. */
export const AdmitApplication = z.strictObject({ agreement: IncubationAgreement });
export type AdmitApplication = z.infer<typeof AdmitApplication>;

export const APPLICATION_STATUSES = ['applied', 'admitted', 'declined'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_SOURCES = ['operator', 'public'] as const;

const By = z.object({ userId: z.string().describe('Who, in the base (`public` for a submission through the link)') });

export const Application = z
  .object({
    id: z.string(),
    incubatorId: z.string(),
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    founders: z.array(z.object({ name: z.string(), role: z.string().optional() })),
    contact: z.object({
      name: z.string(),
      phone: z.string().describe('In full: only the base’s operators and admin read applications'),
      email: z.string(),
    }),
    serviceArea: z.string(),
    services: z.array(z.enum(SERVICES)),
    uscc: z.string().optional(),
    toBeRegistered: z.boolean(),
    source: z.enum(APPLICATION_SOURCES),
    status: z.enum(APPLICATION_STATUSES),
    submittedAt: instant,
    recordedBy: By,
    decision: z
      .object({
        at: instant,
        by: By,
        reason: z.string().optional().describe('Why it was declined'),
        organisationId: z.string().optional().describe('The tenant admission created'),
      })
      .optional(),
    version: count.describe('Send back as If-Match to admit or decline'),
  })
  .meta({ id: 'IncubationApplication' });
export type Application = z.infer<typeof Application>;

export const ApplicationNote = z
  .object({ id: z.string(), applicationId: z.string(), text: z.string(), at: instant, by: By })
  .meta({ id: 'IncubationApplicationNote' });
export type ApplicationNote = z.infer<typeof ApplicationNote>;

export const INCUBATION_STAGES = ['incubating', 'midterm_reviewed', 'extended', 'graduated', 'left'] as const;
export type IncubationStage = (typeof INCUBATION_STAGES)[number];
/** The stages a record no longer moves from. */
export const FINAL_STAGES: readonly IncubationStage[] = ['graduated', 'left'];

export const INCUBATION_MOVES = ['midterm_review', 'extend', 'graduate', 'leave'] as const;
export type IncubationMove = (typeof INCUBATION_MOVES)[number];

const on = isoDate.describe('The day it happened (YYYY-MM-DD)');

/** A transition, as the base records it: the move, the day, and what that move needs. */
export const IncubationTransition = z.discriminatedUnion(
  'move',
  [
    z.strictObject({ move: z.literal('midterm_review'), on, note: notes(2000).optional() }),
    z.strictObject({ move: z.literal('extend'), on, newEndDate: isoDate, reason: notes(1000) }),
    z.strictObject({ move: z.literal('graduate'), on, note: notes(2000).optional() }),
    z.strictObject({ move: z.literal('leave'), on, reason: notes(1000) }),
  ],
  { error: 'must be midterm_review, extend, graduate or leave' },
);
export type IncubationTransition = z.infer<typeof IncubationTransition>;

export const IncubationStep = z.object({
  action: z.enum(['admitted', ...INCUBATION_MOVES]),
  on: z.string().describe('The day it happened'),
  at: instant.describe('When it was recorded'),
  by: By,
  note: z.string().optional(),
  reason: z.string().optional().describe('Why it was extended, or why the organisation left'),
  newEndDate: z.string().optional().describe('The end date an extension set'),
});
export type IncubationStep = z.infer<typeof IncubationStep>;

/** The incubation record of one organisation, in the base's partition (its id is the organisation's). */
export const Incubation = z
  .object({
    id: z.string().describe('The organisation’s tenant id'),
    incubatorId: z.string(),
    organisationName: z.string(),
    applicationId: z.string(),
    uscc: z.string().optional(),
    toBeRegistered: z.boolean().describe('未登记: no credit code recorded yet'),
    agreement: IncubationAgreement,
    endDate: z.string().describe('The agreement’s end (start + period), or the last extension’s'),
    stage: z.enum(INCUBATION_STAGES),
    midtermReviewedOn: z.string().optional(),
    steps: z.array(IncubationStep),
    version: count.describe('Send back as If-Match with a transition'),
  })
  .meta({ id: 'Incubation' });
export type Incubation = z.infer<typeof Incubation>;

/** The last day of an agreement: the day before start + period (a 12-month agreement from 2026-03-01 ends 2027-02-28). */
export function agreementEnd(agreement: Pick<IncubationAgreement, 'startDate' | 'periodMonths'>): string {
  return addDays(addMonths(agreement.startDate, agreement.periodMonths), -1);
}

/**
 * Whether the base still follows this organisation's current figures (members, staff counts,
 * contracts): only while it is incubated. A graduated or departed organisation's record stays as
 * history, but the base no longer sees what the organisation does now.
 */
export function followsCurrentFigures(record: Pick<Incubation, 'stage'>): boolean {
  return !FINAL_STAGES.includes(record.stage);
}

/** Why a move cannot be taken from a record now: a stable name, or undefined when it can. */
export type MoveRefusal = 'closed' | 'alreadyReviewed' | 'notReviewed';

/** Whether `move` may be taken from `record` (see the machine above). */
export function moveRefusal(record: Pick<Incubation, 'stage' | 'midtermReviewedOn'>, move: IncubationMove) {
  if (!followsCurrentFigures(record)) return 'closed' satisfies MoveRefusal;
  if (move === 'midterm_review' && record.midtermReviewedOn) return 'alreadyReviewed' satisfies MoveRefusal;
  if (move === 'graduate' && !record.midtermReviewedOn) return 'notReviewed' satisfies MoveRefusal;
  return undefined;
}

const RESULT: Record<IncubationMove, IncubationStage> = {
  midterm_review: 'midterm_reviewed',
  extend: 'extended',
  graduate: 'graduated',
  leave: 'left',
};

/** Field problems of a transition against the record's dates (the day in order, an extension later). */
export function transitionProblems(
  record: Pick<Incubation, 'agreement' | 'endDate' | 'steps'>,
  transition: IncubationTransition,
  today: string,
): { path: string; message: string; code: string }[] {
  const problems: { path: string; message: string; code: string }[] = [];
  const last = record.steps.at(-1)?.on ?? record.agreement.startDate;
  if (transition.on > today)
    problems.push({ path: '/on', message: `must be today (${today}) or earlier`, code: 'inFuture' });
  if (transition.on < last)
    problems.push({ path: '/on', message: `must be ${last} or later (the last step)`, code: 'beforeLastStep' });
  if (transition.move === 'extend' && transition.newEndDate <= record.endDate)
    problems.push({
      path: '/newEndDate',
      message: `must be after the current end ${record.endDate}`,
      code: 'notLater',
    });
  return problems;
}

/** The record after a transition (the caller has checked moveRefusal and transitionProblems). */
export function applyTransition(
  record: Incubation,
  transition: IncubationTransition,
  step: { at: string; by: { userId: string } },
): Incubation {
  const { move, on: day, ...detail } = transition;
  return {
    ...record,
    stage: RESULT[move],
    ...(move === 'midterm_review' ? { midtermReviewedOn: day } : {}),
    ...(transition.move === 'extend' ? { endDate: transition.newEndDate } : {}),
    steps: [...record.steps, { action: move, on: day, ...step, ...detail }],
  };
}
