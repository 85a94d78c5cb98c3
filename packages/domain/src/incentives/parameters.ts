import { z } from 'zod';
import { AWARD_PARAMETER_DEFAULTS, continuityRegion, type RuleSetParameters } from '../rules/rule-set.ts';
import { regionCode } from '../tenancy/schemas.ts';

/**
 * The parameters of the incentives (POLICY.md P-A1 … P-A9) in one object, so every award function
 * takes the same thing and cites the same ids. Money is integer fen.
 *
 * The region's rule set already carries the P-A2 … P-A6 parameters (awards.*); the others (P-A1's
 * first exam year, P-A8's organisation awards, P-A9's graduate window) are not in the rule set yet.
 * The rule set carries them as optional awards.* fields (versions published before them stay valid);
 * awardParametersOf is the one place that reads them, with POLICY.md's values where absent.
 */

const fen = z
  .number()
  .int('must be whole fen')
  .min(0, 'cannot be negative')
  .max(100_000_000_00, 'is implausibly large');

export const LevelAmounts = z.strictObject({ assistant: fen, social_worker: fen, senior: fen });
export type LevelAmounts = z.infer<typeof LevelAmounts>;

export const RECOGNITION_AUTHORITIES = ['national', 'regional'] as const;
export type RecognitionAuthority = (typeof RECOGNITION_AUTHORITIES)[number];

/** P-A9: subsidy per intern-month, fen. The seed gives no rate: a bureau publishes them. */
export const InternshipRates = z.strictObject({
  internship: fen.describe('Internship subsidy (见习补贴) per intern-month, fen'),
  insurance: fen.describe('Accident / work-injury insurance subsidy per intern-month, fen'),
});
export type InternshipRates = z.infer<typeof InternshipRates>;

export const AwardParameters = z
  .strictObject({
    /** P-A2: one-off level-improvement award per certificate level. */
    levelAmounts: LevelAmounts,
    /** P-A3: years of unbroken social-work employment in the area before a claim. */
    continuityYears: z.number().int().min(0).max(20),
    /** P-A3: days of gap between two periods that still count as unbroken (default none). */
    gapToleranceDays: z.number().int().min(0).max(365),
    /** P-A3: the area the run is counted in (region code; a city covers its counties). */
    continuityRegion: regionCode,
    /** P-A4: certificates obtained in or before this year earn one award, at the highest level. */
    legacyCutoffYear: z.number().int().min(2000).max(2100),
    /** P-A6: civil servants on active establishment are excluded. */
    excludeCivilServants: z.boolean(),
    /** P-A1: exam costs are reimbursed for exams held in this year or later. */
    examFirstYear: z.number().int().min(2000).max(2100),
    /** P-A8: one-off award to an organisation recognised by the national / regional authority. */
    organisationAwards: z.strictObject({ national: fen, regional: fen }),
    /** P-A9: a graduate is eligible within this many years of graduating. */
    internshipGraduateYears: z.number().int().min(0).max(10),
    /** P-A9: the per intern-month rates; absent until the bureau publishes them (no POLICY default). */
    internshipRates: InternshipRates.optional(),
  })
  .meta({ id: 'AwardParameters', description: 'The incentive parameters (P-A1 … P-A9): money in fen' });
export type AwardParameters = z.infer<typeof AwardParameters>;

/**
 * POLICY.md's values for the parameters a rule set may lack (Fangchenggang), kept beside the rule
 * set's schema (rules/rule-set.ts) so its readers fill them in too:
 * P-A1 exams from 2023; P-A8 ¥20,000 national, ¥10,000 regional; P-A9 within 2 years of graduating.
 */
export const AWARD_POLICY_DEFAULTS = AWARD_PARAMETER_DEFAULTS satisfies Pick<
  AwardParameters,
  'examFirstYear' | 'organisationAwards' | 'internshipGraduateYears'
>;

/**
 * Fangchenggang's award parameters as POLICY.md states them: P-A2 ¥1,000 / ¥2,000 / ¥5,000;
 * P-A3 2 years in the city (450600), no gap tolerated; P-A4 cut 2022; P-A6 civil servants excluded;
 * plus AWARD_POLICY_DEFAULTS. Tests and demo data use it; the product reads the rule set in force.
 */
export const FANGCHENGGANG_AWARD_PARAMETERS: AwardParameters = {
  levelAmounts: { assistant: 1_000_00, social_worker: 2_000_00, senior: 5_000_00 },
  continuityYears: 2,
  gapToleranceDays: 0,
  continuityRegion: '450600',
  legacyCutoffYear: 2022,
  excludeCivilServants: true,
  ...AWARD_POLICY_DEFAULTS,
  organisationAwards: { ...AWARD_POLICY_DEFAULTS.organisationAwards },
};

/**
 * The award parameters of a rule set in force: P-A2 … P-A6 from its awards.* (the area by
 * continuityRegion: the rule set's own, or the city of its region), P-A1, P-A8 and P-A9 from its
 * optional awards.* fields or AWARD_POLICY_DEFAULTS; P-A9's rates only where published.
 */
export function awardParametersOf(ruleSet: { region: string; parameters: RuleSetParameters }): AwardParameters {
  const a = ruleSet.parameters.awards;
  return {
    levelAmounts: { ...a.amounts },
    continuityYears: a.continuityYears,
    gapToleranceDays: a.gapToleranceDays,
    continuityRegion: continuityRegion(ruleSet),
    legacyCutoffYear: a.legacyCutoffYear,
    excludeCivilServants: a.excludeCivilServants,
    examFirstYear: a.examFirstYear ?? AWARD_POLICY_DEFAULTS.examFirstYear,
    organisationAwards: { ...(a.organisationAwards ?? AWARD_POLICY_DEFAULTS.organisationAwards) },
    internshipGraduateYears: a.internshipGraduateYears ?? AWARD_POLICY_DEFAULTS.internshipGraduateYears,
    ...(a.internshipRates ? { internshipRates: { ...a.internshipRates } } : {}),
  };
}
