import { z } from 'zod';
import { Finding } from '../findings/finding.ts';
import { bandBelowFloor, duplicateLevelId, levelBelowPostClass, levelBelowPrevious } from '../findings/ladder.ts';
import { type CertLevel, type RuleSetParameters, RuleSetRef } from '../rules/rule-set.ts';
import { count, date, fen } from '../units/units.ts';
import { certRank, highestCertificate } from './certificates.ts';
import { continuingEducationUpToDate } from './continuing-education.ts';
import {
  EDUCATION_LEVELS,
  type EducationLevel,
  type LadderInput,
  type LadderLevel,
  type PersonInput,
  type PostClass,
  SavedLadder,
} from './person.ts';
import { practiceYears } from './practice.ts';

/** P-C1: the lowest certificate each professional post class requires. */
export const POST_CLASS_CERTIFICATE: Record<PostClass, CertLevel> = {
  none: 'none',
  junior: 'assistant',
  intermediate: 'social_worker',
  senior: 'senior',
};

function educationRank(level: EducationLevel): number {
  return EDUCATION_LEVELS.indexOf(level);
}

/**
 * Checks a ladder against the rule set in force before it is saved. Errors: a pay band whose
 * minimum is below the P-W3 floor of the level's minimum certificate; a level that requires less
 * than its post class needs (P-C1); a level id used twice (P-C2). Warnings (P-C2): a level that asks
 * for a lower certificate, fewer years or lower education than the level below it.
 */
export function validateLadder(ladder: LadderInput, rules: RuleSetParameters): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  ladder.levels.forEach((level, i) => {
    const req = level.requirements;
    const floor = rules.payFloor[req.minCertificate];
    if (level.payBand.min < floor)
      findings.push(bandBelowFloor({ level: i, min: level.payBand.min, floor, certLevel: req.minCertificate }));

    const needed = POST_CLASS_CERTIFICATE[level.postClass];
    if (certRank(needed) > certRank(req.minCertificate))
      findings.push(levelBelowPostClass({ level: i, postClass: level.postClass, needed, has: req.minCertificate }));

    if (seen.has(level.id)) findings.push(duplicateLevelId({ level: i, id: level.id }));
    seen.add(level.id);

    const below = ladder.levels[i - 1]?.requirements;
    if (!below) return;
    if (certRank(req.minCertificate) < certRank(below.minCertificate))
      findings.push(
        levelBelowPrevious({
          level: i,
          requirement: 'minCertificate',
          has: req.minCertificate,
          below: below.minCertificate,
        }),
      );
    if (req.minYearsPractice < below.minYearsPractice)
      findings.push(
        levelBelowPrevious({
          level: i,
          requirement: 'minYearsPractice',
          has: req.minYearsPractice,
          below: below.minYearsPractice,
        }),
      );
    if (educationRank(req.minEducation) < educationRank(below.minEducation))
      findings.push(
        levelBelowPrevious({ level: i, requirement: 'minEducation', has: req.minEducation, below: below.minEducation }),
      );
  });
  return findings;
}

export const LADDER_REQUIREMENTS = [
  'minCertificate',
  'minYearsPractice',
  'minEducation',
  'continuingEducationUpToDate',
] as const;
export type LadderRequirement = (typeof LADDER_REQUIREMENTS)[number];

/** A requirement of a level the person does not meet: a certificate level, years, an education level or tenth-hours. */
export const MissingRequirement = z.object({
  requirement: z.enum(LADDER_REQUIREMENTS),
  needed: z.union([z.string(), z.number()]),
  has: z.union([z.string(), z.number()]),
});
export type MissingRequirement = z.infer<typeof MissingRequirement>;

/** What the person brings to a ladder on a date; worked out once and compared with every level. */
interface Credentials {
  cert: CertLevel;
  years: number;
  education: EducationLevel;
  /** Absent without a rule set: how many hours are enough is the rule set's (P-R2). */
  ce?: ReturnType<typeof continuingEducationUpToDate>;
}

function credentialsOf(person: PersonInput, rules: RuleSetParameters | undefined, today: string): Credentials {
  return {
    cert: highestCertificate(person, today),
    years: practiceYears(person, today),
    education: person.education.level,
    ...(rules ? { ce: continuingEducationUpToDate(person, today, rules) } : {}),
  };
}

function lacking(has: Credentials, level: LadderLevel): MissingRequirement[] {
  const req = level.requirements;
  const missing: MissingRequirement[] = [];
  if (certRank(has.cert) < certRank(req.minCertificate))
    missing.push({ requirement: 'minCertificate', needed: req.minCertificate, has: has.cert });
  if (has.years < req.minYearsPractice)
    missing.push({ requirement: 'minYearsPractice', needed: req.minYearsPractice, has: has.years });
  if (educationRank(has.education) < educationRank(req.minEducation))
    missing.push({ requirement: 'minEducation', needed: req.minEducation, has: has.education });
  if (req.continuingEducationUpToDate && has.ce && !has.ce.upToDate)
    missing.push({
      requirement: 'continuingEducationUpToDate',
      needed: has.ce.requiredTenthHours,
      has: has.ce.tenthHours,
    });
  return missing;
}

/**
 * What a person lacks for one level on a date (empty: they qualify), in the order certificate,
 * years, education, continuing education (needed/has in tenth-hours); or 'unchecked' when the
 * level asks for continuing education up to date and no rule set says how much that is (P-R2).
 * Without a rule set every other requirement (certificate, years, education) is still judged.
 */
export function levelGaps(
  person: PersonInput,
  level: LadderLevel,
  rules: RuleSetParameters | undefined,
  date: string,
): MissingRequirement[] | 'unchecked' {
  if (!rules && level.requirements.continuingEducationUpToDate) return 'unchecked';
  return lacking(credentialsOf(person, rules, date), level);
}

export const LadderStanding = z.object({
  qualifiesFor: z.string().optional().describe('Id of the highest level whose requirements the person meets'),
  held: z.string().optional().describe('The level the person holds'),
  next: z
    .object({ levelId: z.string(), missing: z.array(MissingRequirement) })
    .optional()
    .describe('The level above both the held and the qualified-for level, and what the person lacks for it'),
  band: z
    .object({
      levelId: z.string(),
      min: fen,
      max: fen,
      pay: fen,
      inBand: z.boolean(),
      ruleId: z.literal('P-C2'),
    })
    .optional()
    .describe('Pay against the held level’s band (P-C2)'),
});
export type LadderStanding = z.infer<typeof LadderStanding>;

/**
 * Where a person stands on the ladder on `today`. Certificates count once obtained; years of
 * practice are practiceYears; continuing education is up to date when the P-R2 minimum was met
 * last calendar year or already this year (needed/has in tenth-hours). `next` is the level after
 * the higher of the held and the qualified-for level, so a person held above what they now qualify
 * for still sees the next step up; it is absent at the top.
 */
export function ladderStanding(
  person: PersonInput,
  ladder: LadderInput,
  rules: RuleSetParameters,
  today: string,
): LadderStanding {
  const has = credentialsOf(person, rules, today);
  const missingFor = (level: LadderLevel) => lacking(has, level);

  const standing: LadderStanding = {};
  let qualifiedIndex = -1;
  ladder.levels.forEach((level, i) => {
    if (missingFor(level).length === 0) qualifiedIndex = i;
  });
  if (qualifiedIndex >= 0) standing.qualifiesFor = ladder.levels[qualifiedIndex]?.id;

  const heldIndex = person.ladderLevelId ? ladder.levels.findIndex((l) => l.id === person.ladderLevelId) : -1;
  if (person.ladderLevelId) standing.held = person.ladderLevelId;
  const heldLevel = ladder.levels[heldIndex];
  if (heldLevel) {
    const { min, max } = heldLevel.payBand;
    const pay = person.monthlyPay;
    standing.band = { levelId: heldLevel.id, min, max, pay, inBand: pay >= min && pay <= max, ruleId: 'P-C2' };
  }

  const nextLevel = ladder.levels[Math.max(qualifiedIndex, heldIndex) + 1];
  if (nextLevel) standing.next = { levelId: nextLevel.id, missing: missingFor(nextLevel) };
  return standing;
}

/** One person's standing on the ladder, as the standings list shows it. */
export const PersonStanding = z.object({
  personId: z.string(),
  name: z.string(),
  monthlyPay: fen,
  heldLevelId: z.string().optional(),
  standing: LadderStanding.optional().describe(
    'Absent where no rule set is in force (continuing education cannot be judged, P-R2)',
  ),
});
export type PersonStanding = z.infer<typeof PersonStanding>;

/** Everyone's standing on the current ladder on a date. */
export const LadderStandings = z
  .object({
    ladderVersion: count,
    date,
    ruleSet: RuleSetRef.optional(),
    items: z.array(PersonStanding),
  })
  .meta({ id: 'LadderStandings' });
export type LadderStandings = z.infer<typeof LadderStandings>;

/** A ladder checked against the rule set in force on a date (P-W3, P-C1, P-C2). */
export const LadderCheck = z.object({
  date: date.describe('The date whose rule set was applied (today, China time)'),
  ruleSet: RuleSetRef.optional(),
  findings: z.array(Finding).describe('Warnings (and, on a read, errors) with their rule ids'),
});
export type LadderCheck = z.infer<typeof LadderCheck>;

export const CheckedLadder = z.object({ ...SavedLadder.shape, ...LadderCheck.shape }).meta({ id: 'CheckedLadder' });
export type CheckedLadder = z.infer<typeof CheckedLadder>;
