import { z } from 'zod';

/**
 * The targets' numbers (P-T1..P-T7) as jurisdiction parameters: POLICY.md says every number is one,
 * so they are a schema with Fangchenggang's values as the default, ready to move into the rule set
 * (rules/rule-set.ts) when a bureau may publish its own. Until then the dashboard takes them as an
 * argument with this default.
 */

/** The figures of the dashboard, one per target (P-T6 has two parts, so two figures). */
export const TARGET_KEYS = [
  'incubationBases',
  'professionals',
  'registeredOrganisations',
  'stations',
  'certified',
  'talentBases',
  'internshipBases',
  'certifiedPosts',
] as const;
export type TargetKey = (typeof TARGET_KEYS)[number];

/** The rule each figure applies. */
export const TARGET_RULES = {
  incubationBases: 'P-T1',
  professionals: 'P-T2',
  registeredOrganisations: 'P-T3',
  stations: 'P-T4',
  certified: 'P-T5',
  talentBases: 'P-T6',
  internshipBases: 'P-T6',
  certifiedPosts: 'P-T7',
} as const satisfies Record<TargetKey, string>;
export type TargetRule = (typeof TARGET_RULES)[TargetKey];

const year = z.number().int().min(2000).max(2100);

export const TargetParameters = z
  .object({
    deadlines: z
      .object(
        Object.fromEntries(TARGET_KEYS.map((k) => [k, year.nullable()])) as Record<
          TargetKey,
          z.ZodNullable<typeof year>
        >,
      )
      .describe('The year each target is due by (met by 31 December); null where the policy sets none (P-T7)'),
    urbanProfessionals: z.number().int().min(0).describe('P-T2: professionals an urban community (社区) needs'),
    ruralProfessionals: z.number().int().min(0).describe('P-T2: professionals a rural community (村) needs'),
    organisationsPerCounty: z.number().int().min(1).describe('P-T3: registered organisations per county'),
    certifiedBaseYear: year.describe('P-T5: the base year of the certified count'),
    certifiedMultiplierBp: z
      .number()
      .int()
      .min(0)
      .describe('P-T5: the goal as basis points of the baseline (20000 = double)'),
    talentBases: z.number().int().min(0).describe('P-T6: talent cultivation bases city-wide'),
    internshipBases: z.number().int().min(0).describe('P-T6: internship bases city-wide'),
    certifiedPostsPerCommunity: z.number().int().min(1).describe('P-T7: posts held by certified workers per community'),
  })
  .meta({ id: 'TargetParameters' });
export type TargetParameters = z.infer<typeof TargetParameters>;

/** Fangchenggang's targets (POLICY.md "Targets"). */
export const FANGCHENGGANG_TARGETS: TargetParameters = {
  deadlines: {
    incubationBases: 2025,
    professionals: 2025,
    registeredOrganisations: 2025,
    stations: 2023,
    certified: 2025,
    talentBases: 2025,
    internshipBases: 2025,
    certifiedPosts: null,
  },
  urbanProfessionals: 2,
  ruralProfessionals: 1,
  organisationsPerCounty: 1,
  certifiedBaseYear: 2022,
  certifiedMultiplierBp: 20_000,
  talentBases: 1,
  internshipBases: 2,
  certifiedPostsPerCommunity: 1,
};

/**
 * P-T5: the goal for a baseline, rounded up (a goal of "double" never asks for a fraction of a
 * person less than the policy means): 2 × 37 = 74; at 15000 bp, 1.5 × 7 = 10.5 → 11.
 */
export function certifiedGoal(baseline: number, params: TargetParameters): number {
  return Math.ceil((baseline * params.certifiedMultiplierBp) / 10_000);
}
