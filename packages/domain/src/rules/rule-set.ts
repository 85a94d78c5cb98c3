import { z } from 'zod';
import { cityOf } from '../tenancy/region.ts';
import { regionCode } from '../tenancy/schemas.ts';
import { plainLine, plainNotes } from '../text/plain-text.ts';
import { count, instant } from '../units/units.ts';

/**
 * A bureau's rule set: every jurisdiction parameter of POLICY.md and COSTING.md, published for a
 * region with the date it takes effect. Money is integer fen, rates integer basis points. Each
 * field names the rule it serves, so a figure computed from it can cite the same id.
 */

export const CERT_LEVELS = ['none', 'assistant', 'social_worker', 'senior'] as const;
export type CertLevel = (typeof CERT_LEVELS)[number];
/** Levels a certificate can have (a person without one is at 'none'). */
export const CERTIFICATE_LEVELS = ['assistant', 'social_worker', 'senior'] as const;
export type CertificateLevel = (typeof CERTIFICATE_LEVELS)[number];

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-01')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'is not a real date',
  );

const fen = z
  .number()
  .int('must be whole fen')
  .min(0, 'cannot be negative')
  .max(100_000_000_00, 'is implausibly large');
const bp = z.number().int('must be whole basis points').min(0, 'cannot be negative').max(10_000, 'cannot exceed 100 %');

/** 1 % of the line or ¥100, whichever is larger. */
export const DEFAULT_PROJECTION_TOLERANCE = { share: 100, amount: 100_00 };

export const RuleSetParameters = z
  .strictObject({
    /** P-W3: monthly gross pay floor per certificate level. */
    payFloor: z.strictObject({ none: fen, assistant: fen, social_worker: fen, senior: fen }),
    /** P-W1: employer social-insurance rates and the contribution base's floor and cap. */
    socialInsurance: z.strictObject({
      pension: bp,
      medical: bp,
      unemployment: bp,
      workInjury: bp,
      maternity: bp,
      baseFloor: fen,
      baseCap: fen,
    }),
    /** P-W1: employer housing-fund rate, base floor and cap. */
    housingFund: z.strictObject({ rate: bp, baseFloor: fen, baseCap: fen }),
    /** P-W2: the personnel line must reach this share of the contract value. */
    minLabourShare: bp,
    /** The management line may not exceed this share of the contract value. */
    maxManagementShare: bp,
    /** Tax budgeted as this share of the contract value. */
    taxRate: bp,
    /**
     * Actuals: a projected overrun of a budget line up to the larger of this share of the line and
     * this amount is a note, not a warning (a straight-line projection is not exact to the fen).
     * Rule sets published before it existed read as the default (withParameterDefaults).
     */
    projectionTolerance: z.strictObject({ share: bp, amount: fen }).default(DEFAULT_PROJECTION_TOLERANCE),
    /** P-R2: continuing-education hours each social worker needs per calendar year. */
    continuingEducationHoursPerYear: z.number().int().min(0).max(1000),
    awards: z.strictObject({
      /** P-A2: one-off award per certificate level. */
      amounts: z.strictObject({ assistant: fen, social_worker: fen, senior: fen }),
      /** P-A3: years of unbroken social-work employment in the jurisdiction before a claim. */
      continuityYears: z.number().int().min(0).max(20),
      /** P-A3: days of gap between two periods that still count as unbroken (default none). */
      gapToleranceDays: z.number().int().min(0).max(365),
      /** P-A3: the area the run is counted in; absent, the city of the rule set's region (continuityRegion). */
      continuityRegion: regionCode.optional(),
      /** P-A4: certificates obtained in or before this year earn one award at the highest level. */
      legacyCutoffYear: z.number().int().min(2000).max(2100),
      /** P-A6: civil servants on active establishment are excluded. */
      excludeCivilServants: z.boolean(),
      /**
       * P-A1 … P-A9 beyond the level award: optional, so versions published before they existed stay
       * valid; absent, awardParametersOf reads POLICY.md's values (AWARD_POLICY_DEFAULTS).
       */
      /** P-A1: exam costs are reimbursed for exams held in this year or later (default 2023). */
      examFirstYear: z.number().int().min(2000).max(2100).optional(),
      /** P-A8: one-off award to an organisation recognised nationally / regionally (default ¥20,000 / ¥10,000). */
      organisationAwards: z.strictObject({ national: fen, regional: fen }).optional(),
      /** P-A9: a graduate is eligible within this many years of graduating (default 2). */
      internshipGraduateYears: z.number().int().min(0).max(10).optional(),
      /** P-A9: subsidies per intern-month; the seed gives none, so absent until the bureau publishes them. */
      internshipRates: z.strictObject({ internship: fen, insurance: fen }).optional(),
    }),
    /** National defaults a bureau may change (N-1 … N-6). */
    national: z.strictObject({
      /** N-1: a contract runs at most this many months … */
      maxContractMonths: z.number().int().min(1).max(120),
      /** N-1: … or this many where the service is stable and recurring. */
      maxStableContractMonths: z.number().int().min(1).max(120),
      /** N-4: a registration is valid this many years … */
      registrationValidityYears: z.number().int().min(1).max(10),
      /** N-4: … and is renewed in this many months before expiry. */
      renewalWindowMonths: z.number().int().min(0).max(24),
      /** N-4: a certificate is first registered within this many years of passing; absent, 1. */
      firstRegistrationYears: z.number().int().min(1).max(10).optional(),
      /** N-5: continuing-education hours per registration period, by certificate level. */
      cePerRegistrationPeriod: z.strictObject({
        assistant: z.number().int().min(0),
        social_worker: z.number().int().min(0),
        senior: z.number().int().min(0),
      }),
      /** N-6: evaluation grade thresholds (scores out of 100). */
      evaluationGrades: z.strictObject({ excellent: z.number().int(), good: z.number().int(), pass: z.number().int() }),
      /** N-6: share of running projects spot-checked each year. */
      spotCheckShare: bp,
    }),
  })
  .meta({
    id: 'RuleSetParameters',
    description: 'Every jurisdiction parameter of a rule set: money in fen, rates in basis points',
  });
export type RuleSetParameters = z.infer<typeof RuleSetParameters>;

/**
 * P-A3 counts two years "in Fangchenggang": the run's area is the city's whole jurisdiction, not
 * the county whose own detailed rules (P-U1) happen to be in force. A rule set names it in
 * awards.continuityRegion; versions published before that parameter existed, or without it, count
 * in the city of their region (a province's rule set, in the province).
 */
export function continuityRegion(ruleSet: { region: string; parameters: RuleSetParameters }): string {
  return ruleSet.parameters.awards.continuityRegion ?? cityOf(ruleSet.region) ?? ruleSet.region;
}

/** N-4: years after passing within which a certificate is first registered (民发〔2009〕44号: 1). */
export function firstRegistrationYears(parameters: RuleSetParameters): number {
  return parameters.national.firstRegistrationYears ?? 1;
}

/**
 * POLICY.md's values for the award parameters a rule set may lack (Fangchenggang): P-A1 exams from
 * 2023; P-A8 ¥20,000 national, ¥10,000 regional; P-A9 within 2 years of graduating. P-A9's rates
 * have no default: the seed gives none.
 */
export const AWARD_PARAMETER_DEFAULTS = {
  examFirstYear: 2023,
  organisationAwards: { national: 20_000_00, regional: 10_000_00 },
  internshipGraduateYears: 2,
} as const;

/** A rule set with the defaults of the parameters it may lack filled in, so every reader sees them. */
export function withParameterDefaults<R extends { region: string; parameters: RuleSetParameters }>(ruleSet: R): R {
  const { awards, national } = ruleSet.parameters;
  return {
    ...ruleSet,
    parameters: {
      ...ruleSet.parameters,
      // Stored before the tolerance was a parameter: the default (actuals' projected overruns).
      projectionTolerance: ruleSet.parameters.projectionTolerance ?? DEFAULT_PROJECTION_TOLERANCE,
      awards: {
        ...awards,
        continuityRegion: continuityRegion(ruleSet),
        examFirstYear: awards.examFirstYear ?? AWARD_PARAMETER_DEFAULTS.examFirstYear,
        organisationAwards: awards.organisationAwards ?? { ...AWARD_PARAMETER_DEFAULTS.organisationAwards },
        internshipGraduateYears: awards.internshipGraduateYears ?? AWARD_PARAMETER_DEFAULTS.internshipGraduateYears,
      },
      national: { ...national, firstRegistrationYears: firstRegistrationYears(ruleSet.parameters) },
    },
  };
}

/** What a bureau sends to publish a version. */
export const NewRuleSet = z.strictObject({
  region: regionCode,
  effectiveFrom: isoDate,
  title: plainLine(z.string().trim().min(2).max(120)),
  /** Why this version (a correction names what it corrects). */
  notes: plainNotes(z.string().trim().max(2000)).optional(),
  illustrative: z
    .array(z.string().max(100))
    .max(100)
    .default([])
    .describe('Parameter paths whose values are illustrative, not from a published source (shown as such)'),
  parameters: RuleSetParameters,
});
export type NewRuleSet = z.infer<typeof NewRuleSet>;

/** A published version: what the bureau sent, and who published it when. It never changes. */
export const RuleSet = NewRuleSet.extend({
  id: z.string().meta({ description: '<region>-<effectiveFrom>-v<version>', example: '450600-2023-01-01-v2' }),
  bureauId: z.string().describe('The publishing bureau'),
  /** Public, like the rule set: shown as the publisher. */
  bureauName: z.string().optional().describe('Its name when it published'),
  version: count.describe('1 for the first rule set of a region and date, then 2 for a correction of that date, …'),
  publishedAt: instant,
  publishedBy: z.string(),
});
export type RuleSet = z.infer<typeof RuleSet>;

/** The rule set a figure was computed with (a signed version keeps it, so its numbers never move). */
export const RuleSetRef = RuleSet.pick({
  id: true,
  region: true,
  effectiveFrom: true,
  version: true,
  title: true,
}).meta({
  id: 'RuleSetRef',
  description: 'The rule set a figure was computed with, named so a reader can find it',
});
export type RuleSetRef = z.infer<typeof RuleSetRef>;

export const ruleSetRefOf = (r: RuleSet): RuleSetRef => ({
  id: r.id,
  region: r.region,
  effectiveFrom: r.effectiveFrom,
  version: r.version,
  title: r.title,
});

/** A rule set as it is shown: every stored value, and beside them the rule each one serves. */
export const RuleSetView = RuleSet.extend({
  rules: z
    .record(z.string(), z.string())
    .describe('Parameter path → the POLICY.md rule it serves (cite it beside the value)'),
}).meta({ id: 'RuleSet', description: 'A published version of a rule set, with the rule each parameter serves' });
export type RuleSetView = z.infer<typeof RuleSetView>;
