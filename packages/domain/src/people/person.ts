import { z } from 'zod';
import { amountAboveText } from '../money/money.ts';
import { CERT_LEVELS, CERTIFICATE_LEVELS, isoDate } from '../rules/rule-set.ts';
import { regionCode } from '../tenancy/schemas.ts';
import { plainLine } from '../text/plain-text.ts';
import { count, instant } from '../units/units.ts';
import { isValidIdCardNumber } from './id-card.ts';

/** An organisation's staff record (P-R1): who they are, what they hold, where they have worked. */

export const EDUCATION_LEVELS = ['secondary', 'vocational', 'associate', 'bachelor', 'master', 'doctorate'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** P-W1, P-A6: civil servants on establishment, public-institution establishment, contract, part-time. */
export const EMPLOYMENT_TYPES = ['civil_servant', 'public_institution', 'contract', 'part_time'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const EmploymentPeriod = z
  .strictObject({
    employer: plainLine(z.string().trim().min(1).max(100)),
    region: regionCode,
    start: isoDate,
    /** Absent while the period goes on. */
    end: isoDate.optional(),
    socialWork: z.boolean(),
  })
  .refine((p) => !p.end || p.end >= p.start, { message: 'must not end before it starts', path: ['end'] })
  .meta({ id: 'EmploymentPeriod', description: 'A period of employment (P-A3 counts the social-work ones)' });
export type EmploymentPeriod = z.infer<typeof EmploymentPeriod>;

export const Certificate = z
  .strictObject({
    level: z.enum(CERTIFICATE_LEVELS),
    number: plainLine(z.string().trim().min(4).max(40)),
    obtainedOn: isoDate,
    /** N-4: registration (登记) date and its expiry (3 years by default). */
    registeredOn: isoDate.optional(),
    registrationExpiresOn: isoDate.optional(),
  })
  .refine((c) => !c.registeredOn || !c.registrationExpiresOn || c.registrationExpiresOn > c.registeredOn, {
    message: 'must be after the registration date',
    path: ['registrationExpiresOn'],
  })
  .meta({ id: 'Certificate', description: 'A social-work certificate, with its registration (N-4)' });
export type Certificate = z.infer<typeof Certificate>;

/** The most hours one continuing-education entry may hold, in tenths (1000 学时). */
const MAX_ENTRY_TENTH_HOURS = 10_000;

export const ContinuingEducation = z
  .strictObject({
    date: isoDate,
    /** Hours (学时), in tenths: 2.5 hours is 25. Integers keep sums exact. */
    tenthHours: z
      .number()
      .int()
      .min(1)
      .max(MAX_ENTRY_TENTH_HOURS, amountAboveText('hours', MAX_ENTRY_TENTH_HOURS, 'en')),
    provider: plainLine(z.string().trim().min(1).max(100)),
    topic: plainLine(z.string().trim().min(1).max(200)),
  })
  .meta({ id: 'ContinuingEducation', description: 'A continuing-education entry (P-R2, N-5)' });
export type ContinuingEducation = z.infer<typeof ContinuingEducation>;

/**
 * The most a monthly gross pay may be, fen (¥100,000.00). A pay band is a band of monthly pay, so
 * it has the same bound; the message names it in yuan, as the forms and sheets do.
 */
const MAX_MONTHLY_PAY = 10_000_000;
const monthlyPayFen = z
  .number()
  .int()
  .min(0)
  .max(MAX_MONTHLY_PAY, amountAboveText('yuan', MAX_MONTHLY_PAY, 'en'));

/**
 * P-W3 for part-time staff (非全日制): working time is recorded as a share of full time in whole
 * percent, as a post's FTE is, and the floor is compared in proportion to it. Only part-time staff
 * record it; everyone else works full time (100 %).
 */
function checkWorkingTime(
  person: { employmentType: EmploymentType; ftePercent?: number | undefined },
  ctx: z.RefinementCtx,
) {
  const partTime = person.employmentType === 'part_time';
  if (partTime && person.ftePercent === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['ftePercent'],
      message: 'is required for part-time staff: their working time as a percent of full time',
    });
  if (!partTime && person.ftePercent !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['ftePercent'],
      message: 'is only recorded for part-time staff (the others work full time)',
    });
}

/** The fields a person is created or replaced with (PersonInput adds the checks across them). */
const PersonFields = z.strictObject({
  name: plainLine(z.string().trim().min(1).max(40)),
  idCardNumber: z.string().trim().toUpperCase(),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, 'must be an 11-digit mobile number'),
  education: z.strictObject({ level: z.enum(EDUCATION_LEVELS), socialWorkMajor: z.boolean() }),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  /** P-W3: working time of part-time staff, whole percent of full time (checkWorkingTime). */
  ftePercent: z
    .number()
    .int('must be a whole percent')
    .min(1, 'must be at least 1 %')
    .max(100, 'cannot exceed 100 %')
    .optional()
    .describe('Part-time staff only: working time as a whole percent of full time (P-W3 compares pay in proportion)'),
  monthlyPay: monthlyPayFen.describe('Current monthly gross pay, fen'),
  employment: z.array(EmploymentPeriod).max(50),
  certificates: z.array(Certificate).max(10),
  continuingEducation: z.array(ContinuingEducation).max(500),
  /** The ladder level held, by its id in the organisation's ladder. */
  ladderLevelId: z.string().max(40).optional(),
});

export const PersonInput = PersonFields.superRefine(checkWorkingTime);
export type PersonInput = z.infer<typeof PersonInput>;

/** The person schema with the GB 11643 check of the ID-card number (naming /idCardNumber). */
export const CheckedPersonInput = PersonFields.extend({
  idCardNumber: PersonFields.shape.idCardNumber.refine(
    (value) => isValidIdCardNumber(value),
    'is not a valid ID-card number (GB 11643: 18 characters, a real birth date, the right check character)',
  ),
}).superRefine(checkWorkingTime);

/**
 * A person as the registry keeps them. As a member is shown them, the ID-card number and the phone
 * may be masked (maskPersonalData), so here they are any text, not the input's formats.
 */
export const Person = PersonFields.extend({
  id: z.string(),
  idCardNumber: z.string().describe('Masked (450602********1234) except to hr and admin'),
  phone: z.string().describe('Masked (139****2345) except to hr and admin'),
  createdAt: instant,
  version: count.describe('The ETag’s number: send it back in If-Match'),
  erasedAt: instant
    .optional()
    .describe('When the person’s personal data was erased (PIPL): the record then holds a pseudonym'),
}).meta({ id: 'Person' });
export type Person = z.infer<typeof Person>;

export const POST_CLASSES = ['none', 'junior', 'intermediate', 'senior'] as const;
export type PostClass = (typeof POST_CLASSES)[number];

export const LadderLevel = z
  .strictObject({
    id: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{1,40}$/, 'must be lower-case letters, digits and hyphens'),
    name: plainLine(z.string().trim().min(1).max(40)),
    /** P-C1: the professional post class the level corresponds to. */
    postClass: z.enum(POST_CLASSES),
    requirements: z.strictObject({
      minCertificate: z.enum(CERT_LEVELS),
      minYearsPractice: z.number().int().min(0).max(50),
      minEducation: z.enum(EDUCATION_LEVELS),
      continuingEducationUpToDate: z.boolean(),
    }),
    /** Monthly gross pay band, fen. */
    payBand: z
      .strictObject({ min: monthlyPayFen, max: monthlyPayFen })
      .refine((b) => b.max >= b.min, { message: 'must not be below the minimum', path: ['max'] }),
  })
  .meta({ id: 'LadderLevel', description: 'A level of the career ladder (P-C1, P-C2); pay band in fen a month' });
export type LadderLevel = z.infer<typeof LadderLevel>;

/** P-C2: the organisation's career ladder, lowest level first. */
export const LadderInput = z.strictObject({ levels: z.array(LadderLevel).min(1).max(20) });
export type LadderInput = z.infer<typeof LadderInput>;

/** A saved version of the ladder: the current one, or any earlier one (they are never edited). */
export const SavedLadder = LadderInput.extend({
  version: count,
  savedAt: instant,
  savedBy: z.string(),
}).meta({ id: 'SavedLadder' });
export type SavedLadder = z.infer<typeof SavedLadder>;

/** A promotion asked for: the level to move to and the day it takes effect (not in the future). */
export const NewPromotion = z.strictObject({
  toLevelId: z.string().trim().min(1).max(40),
  date: isoDate,
});
export type NewPromotion = z.infer<typeof NewPromotion>;

/** A promotion (P-C2): the level moved to, on which date, under which ladder version. */
export const Promotion = z.object({
  personId: z.string(),
  fromLevelId: z.string().optional(),
  toLevelId: z.string(),
  date: isoDate,
  ladderVersion: count,
});
export type Promotion = z.infer<typeof Promotion>;

/** A promotion as recorded. */
export const PromotionRecord = z
  .object({ id: z.string(), ...Promotion.shape, recordedBy: z.string(), recordedAt: instant })
  .meta({ id: 'Promotion' });
export type PromotionRecord = z.infer<typeof PromotionRecord>;
