import { z } from 'zod';
import { EDUCATION_LEVELS, type EducationLevel } from '../people/person.ts';
import { isoDate } from '../rules/rule-set.ts';
import type { Posting, TargetOrganisation, TargetStaff } from './map.ts';

/**
 * Who counts for P-T2 (professionals), P-T5 (certified count) and P-T7 (a post held by a certified
 * social worker), on a given day. The choices, where POLICY.md is silent:
 *
 * - Certified (持证, P-T5, P-T7): holds a national social-work certificate (国家社会工作者职业水平证书,
 *   any level) obtained on or before the day. Registration (登记, N-4) is not asked for: the target
 *   counts certificate holders, as the 2022 baseline did, and a lapsed registration does not take
 *   the certificate away.
 * - Professional (社会工作专业人才, P-T2): a staff member posted to the community who is certified on
 *   the day, or holds a social-work degree (socialWorkMajor) at associate level (大专) or above. A
 *   social-work major at secondary or vocational level does not count: the national definition
 *   of social-work talent asks for a tertiary qualification or the certificate.
 * - The day is the dashboard's day (`today`), or each year end for the series: the facts as they
 *   stand then (certificates obtained by then, postings running then).
 * - A person counts in one community only on a day: where postings overlap, the one that started
 *   last (then the lower community code) is where they serve. A professional cannot fill the
 *   quota of two communities at once.
 * - A posting of someone the registry does not hold (left, or removed) counts for nothing.
 */

export const PROFESSIONAL_BASES = ['certificate', 'socialWorkDegree'] as const;
export type ProfessionalBasis = (typeof PROFESSIONAL_BASES)[number];

/** The lowest education level at which a social-work major makes a professional (P-T2). */
export const PROFESSIONAL_DEGREE_FROM: EducationLevel = 'associate';

export const PostedWorker = z
  .object({
    personId: z.string(),
    organisationId: z.string(),
    community: z.string(),
    from: isoDate,
    professional: z.boolean().describe('P-T2 on the day'),
    professionalBasis: z.enum(PROFESSIONAL_BASES).optional().describe('Why they count as a professional'),
    certified: z.boolean().describe('P-T7 on the day: holds a certificate obtained by then'),
  })
  .meta({ id: 'PostedWorker' });
export type PostedWorker = z.infer<typeof PostedWorker>;

/** P-T5, P-T7: whether the person holds a certificate obtained on or before `day`. */
export function isCertifiedOn(person: Pick<TargetStaff, 'certificates'>, day: string): boolean {
  return person.certificates.some((c) => c.obtainedOn <= day);
}

/** P-T2: why the person is a social-work professional on `day`, or undefined when they are not. */
export function professionalBasis(
  person: Pick<TargetStaff, 'certificates' | 'education'>,
  day: string,
): ProfessionalBasis | undefined {
  if (isCertifiedOn(person, day)) return 'certificate';
  const rank = EDUCATION_LEVELS.indexOf(person.education.level);
  if (person.education.socialWorkMajor && rank >= EDUCATION_LEVELS.indexOf(PROFESSIONAL_DEGREE_FROM))
    return 'socialWorkDegree';
  return undefined;
}

/** Whether a posting runs on `day` (both ends included). */
export function postingRunsOn(posting: Pick<Posting, 'from' | 'until'>, day: string): boolean {
  return posting.from <= day && (posting.until === undefined || posting.until >= day);
}

/**
 * Who serves where on `day` (P-T2, P-T7): one entry per person the registry holds with a posting
 * running that day, in the community of their latest posting, with whether they count as a
 * professional and as certified.
 */
export function postedWorkers(
  postings: readonly Posting[],
  staff: readonly TargetStaff[],
  day: string,
): PostedWorker[] {
  const people = new Map(staff.map((s) => [s.personId, s]));
  const where = new Map<string, Posting>();
  for (const p of postings) {
    if (!postingRunsOn(p, day) || !people.has(p.personId)) continue;
    const held = where.get(p.personId);
    if (!held || p.from > held.from || (p.from === held.from && p.community < held.community)) where.set(p.personId, p);
  }
  return [...where.values()]
    .sort((a, b) => a.community.localeCompare(b.community) || a.personId.localeCompare(b.personId))
    .map((p) => {
      const person = people.get(p.personId) as TargetStaff;
      const basis = professionalBasis(person, day);
      return {
        personId: p.personId,
        organisationId: p.organisationId,
        community: p.community,
        from: p.from,
        professional: basis !== undefined,
        ...(basis ? { professionalBasis: basis } : {}),
        certified: isCertifiedOn(person, day),
      };
    });
}

/**
 * P-T5: the county a staff member counts for is their employer's (as P-A2 pays by the employer's
 * level): staff of a city-level organisation, or of one the facts do not name, count city-wide only.
 */
export function staffInCounty(
  staff: readonly TargetStaff[],
  organisations: readonly TargetOrganisation[],
  county: string,
): TargetStaff[] {
  const here = new Set(organisations.filter((o) => o.region === county).map((o) => o.organisationId));
  return staff.filter((s) => here.has(s.organisationId));
}

/**
 * P-T5: how many distinct people are certified on `day`. A person is counted once however many
 * certificates or employers they have (personId is the registry's person, platform-wide).
 */
export function certifiedCount(staff: readonly TargetStaff[], day: string): number {
  return new Set(staff.filter((s) => isCertifiedOn(s, day)).map((s) => s.personId)).size;
}
