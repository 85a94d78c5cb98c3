import { z } from 'zod';
import { CERT_LEVELS, CERTIFICATE_LEVELS, isoDate } from '../rules/rule-set.ts';
import { regionCode } from '../tenancy/schemas.ts';

/** An organisation's staff record (P-R1): who they are, what they hold, where they have worked. */

export const EDUCATION_LEVELS = ['secondary', 'vocational', 'associate', 'bachelor', 'master', 'doctorate'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** P-W1, P-A6: civil servants on establishment, public-institution establishment, contract, part-time. */
export const EMPLOYMENT_TYPES = ['civil_servant', 'public_institution', 'contract', 'part_time'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const EmploymentPeriod = z
  .strictObject({
    employer: z.string().trim().min(1).max(100),
    region: regionCode,
    start: isoDate,
    /** Absent while the period goes on. */
    end: isoDate.optional(),
    socialWork: z.boolean(),
  })
  .refine((p) => !p.end || p.end >= p.start, { message: 'must not end before it starts', path: ['end'] });
export type EmploymentPeriod = z.infer<typeof EmploymentPeriod>;

export const Certificate = z
  .strictObject({
    level: z.enum(CERTIFICATE_LEVELS),
    number: z.string().trim().min(4).max(40),
    obtainedOn: isoDate,
    /** N-4: registration (登记) date and its expiry (3 years by default). */
    registeredOn: isoDate.optional(),
    registrationExpiresOn: isoDate.optional(),
  })
  .refine((c) => !c.registeredOn || !c.registrationExpiresOn || c.registrationExpiresOn > c.registeredOn, {
    message: 'must be after the registration date',
    path: ['registrationExpiresOn'],
  });
export type Certificate = z.infer<typeof Certificate>;

export const ContinuingEducation = z.strictObject({
  date: isoDate,
  /** Hours (学时), in tenths: 2.5 hours is 25. Integers keep sums exact. */
  tenthHours: z.number().int().min(1).max(10_000),
  provider: z.string().trim().min(1).max(100),
  topic: z.string().trim().min(1).max(200),
});
export type ContinuingEducation = z.infer<typeof ContinuingEducation>;

/** The fields a person is created or replaced with. */
export const PersonInput = z.strictObject({
  name: z.string().trim().min(1).max(40),
  idCardNumber: z.string().trim().toUpperCase(),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, 'must be an 11-digit mobile number'),
  education: z.strictObject({ level: z.enum(EDUCATION_LEVELS), socialWorkMajor: z.boolean() }),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  /** Current monthly gross pay, fen. */
  monthlyPay: z.number().int().min(0).max(10_000_000),
  employment: z.array(EmploymentPeriod).max(50),
  certificates: z.array(Certificate).max(10),
  continuingEducation: z.array(ContinuingEducation).max(500),
  /** The ladder level held, by its id in the organisation's ladder. */
  ladderLevelId: z.string().max(40).optional(),
});
export type PersonInput = z.infer<typeof PersonInput>;

export interface Person extends PersonInput {
  id: string;
  createdAt: string;
  version: number;
}

export const POST_CLASSES = ['none', 'junior', 'intermediate', 'senior'] as const;
export type PostClass = (typeof POST_CLASSES)[number];

export const LadderLevel = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,40}$/, 'must be lower-case letters, digits and hyphens'),
  name: z.string().trim().min(1).max(40),
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
    .strictObject({ min: z.number().int().min(0), max: z.number().int().min(0) })
    .refine((b) => b.max >= b.min, { message: 'must not be below the minimum', path: ['max'] }),
});
export type LadderLevel = z.infer<typeof LadderLevel>;

/** P-C2: the organisation's career ladder, lowest level first. */
export const LadderInput = z.strictObject({ levels: z.array(LadderLevel).min(1).max(20) });
export type LadderInput = z.infer<typeof LadderInput>;

export interface Ladder extends LadderInput {
  version: number;
  savedAt: string;
}

export interface Promotion {
  personId: string;
  fromLevelId?: string;
  toLevelId: string;
  date: string;
  ladderVersion: number;
}
