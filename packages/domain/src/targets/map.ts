import { z } from 'zod';
import { EDUCATION_LEVELS } from '../people/person.ts';
import { CERTIFICATE_LEVELS, isoDate } from '../rules/rule-set.ts';

/**
 * The bureau's map (issue 13, "The targets dashboard"): the places the targets P-T1..P-T7 are
 * counted over, and the facts of the places the registry does not hold. Counties are GB/T 2260
 * codes (tenancy/region.ts); the lower levels use the national statistical division codes
 * (统计用区划代码): a township/street (乡镇/街道) is its county's six digits + three (9 digits), a
 * community (社区/村) its township's nine + three (12 digits).
 */

/** P-T4: a township (乡镇) or a street (街道); both are the level a social-work station serves. */
export const TOWNSHIP_KINDS = ['township', 'street'] as const;
export type TownshipKind = (typeof TOWNSHIP_KINDS)[number];

/** P-T2: an urban community (社区) needs two professionals, a rural one (村) one. */
export const COMMUNITY_KINDS = ['urban', 'rural'] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];

export const townshipCode = z.string().regex(/^\d{9}$/, 'must be a nine-digit township code (county code + 3 digits)');
export const communityCode = z
  .string()
  .regex(/^\d{12}$/, 'must be a twelve-digit community code (township code + 3 digits)');
const countyCode = z.string().regex(/^\d{4}(?!00)\d{2}$/, 'must be a six-digit county code');

export const Township = z
  .object({
    code: townshipCode,
    name: z.string().min(1),
    county: countyCode.describe('GB/T 2260 code of the county-level region it lies in'),
    kind: z.enum(TOWNSHIP_KINDS).describe('township 乡镇 or street 街道'),
  })
  .meta({ id: 'Township' });
export type Township = z.infer<typeof Township>;

export const Community = z
  .object({
    code: communityCode,
    name: z.string().min(1),
    township: townshipCode.describe('The township/street it belongs to'),
    kind: z.enum(COMMUNITY_KINDS).describe('urban 社区 or rural 村 (P-T2)'),
  })
  .meta({ id: 'Community' });
export type Community = z.infer<typeof Community>;

/** P-T4: a social-work station (社工站). It counts for its township from the day it opened. */
export const SocialWorkStation = z
  .object({
    id: z.string(),
    name: z.string().min(1),
    township: townshipCode,
    openedOn: isoDate.optional().describe('When it opened; absent counts as open already'),
  })
  .meta({ id: 'SocialWorkStation' });
export type SocialWorkStation = z.infer<typeof SocialWorkStation>;

/**
 * P-T5: the certified social workers (持证社工) counted in the base year (2022). The city's count
 * is always kept; a county's only where the bureau has it, and only then is the county judged.
 */
export const CertifiedBaseline = z
  .object({
    year: z.number().int().describe('The base year (2022 in Fangchenggang)'),
    city: z.number().int().min(0).describe('Certified social workers city-wide in the base year'),
    counties: z
      .record(countyCode, z.number().int().min(0))
      .optional()
      .describe('Per county, where known: county code → count'),
  })
  .meta({ id: 'CertifiedBaseline' });
export type CertifiedBaseline = z.infer<typeof CertifiedBaseline>;

/** P-T6: a talent cultivation base (人才培育基地) or an internship base (实习/见习基地). */
export const TARGET_BASE_KINDS = ['talent', 'internship'] as const;
export type TargetBaseKind = (typeof TARGET_BASE_KINDS)[number];

export const TalentBase = z
  .object({
    id: z.string(),
    kind: z.enum(TARGET_BASE_KINDS),
    name: z.string().min(1),
    region: z
      .string()
      .regex(/^\d{6}$/)
      .describe('GB/T 2260 code of its county, or the city'),
    organisationId: z.string().optional().describe('The tenant running it, when it is one'),
    recognisedOn: isoDate.optional().describe('When it was recognised; absent counts as recognised already'),
  })
  .meta({ id: 'TalentBase' });
export type TalentBase = z.infer<typeof TalentBase>;

/**
 * A staff member posted to a community, where they serve (issue 13). The posting is the fact; who
 * counts as a professional (P-T2) or certified (P-T7) on a day is worked out from the registry by
 * postedWorkers, so a certificate obtained later turns an existing posting into a certified one.
 */
export const Posting = z
  .object({
    personId: z.string(),
    organisationId: z.string(),
    community: communityCode,
    from: isoDate,
    until: isoDate.optional().describe('Last day of the posting; absent while it goes on'),
  })
  .meta({ id: 'Posting' });
export type Posting = z.infer<typeof Posting>;

/** The map of a city bureau: its lower levels, stations, baseline and bases. */
export const BureauMap = z
  .object({
    city: z
      .string()
      .regex(/^\d{4}00$/)
      .describe('GB/T 2260 code of the city'),
    townships: z.array(Township),
    communities: z.array(Community),
    stations: z.array(SocialWorkStation),
    baseline: CertifiedBaseline.optional().describe('P-T5; absent until the bureau records it'),
    bases: z.array(TalentBase).describe('P-T6 talent and internship bases'),
  })
  .meta({ id: 'BureauMap' });
export type BureauMap = z.infer<typeof BureauMap>;

/** What the dashboard reads of a staff member (P-R1 registry): their certificates and education. */
export const TargetStaff = z.object({
  personId: z.string(),
  organisationId: z.string(),
  certificates: z.array(z.object({ level: z.enum(CERTIFICATE_LEVELS), obtainedOn: isoDate })),
  education: z.object({ level: z.enum(EDUCATION_LEVELS), socialWorkMajor: z.boolean() }),
});
export type TargetStaff = z.infer<typeof TargetStaff>;

/**
 * P-T3: a social-work service organisation as the dashboard reads it. `registered` is false for
 * one still to be registered with civil affairs (未登记, e.g. an incubated organisation): it does
 * not count. `region` is a county, or the city for a city-level organisation.
 */
export const TargetOrganisation = z.object({
  organisationId: z.string(),
  name: z.string(),
  region: z.string().regex(/^\d{6}$/),
  registered: z.boolean(),
});
export type TargetOrganisation = z.infer<typeof TargetOrganisation>;

/** An internship base an organisation recorded with its HR recognition (P-A9), as P-T6 reads it. */
export interface RecordedInternshipBase {
  organisationId: string;
  name: string;
  region: string;
  recognisedOn: string;
}

/**
 * P-T6 counts internship bases (实习/见习基地): those the bureau keeps on its map, and those the
 * organisations recorded themselves with their HR recognition (P-A9) — one per organisation, so a
 * base the map already names for the same organisation is not counted twice.
 */
export function withRecordedInternshipBases(
  bases: readonly TalentBase[],
  recorded: readonly RecordedInternshipBase[],
): TalentBase[] {
  const named = new Set(bases.filter((b) => b.kind === 'internship').map((b) => b.organisationId));
  const added = recorded
    .filter((r) => !named.has(r.organisationId))
    .map((r) => ({
      id: `internship-base:${r.organisationId}`,
      kind: 'internship' as const,
      name: r.name,
      region: r.region,
      organisationId: r.organisationId,
      recognisedOn: r.recognisedOn,
    }));
  return [...bases, ...added];
}
