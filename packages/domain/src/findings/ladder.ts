import { z } from 'zod';
import { EDUCATION_LEVELS, POST_CLASSES, type PostClass } from '../people/person.ts';
import { CERT_LEVELS, type CertLevel } from '../rules/rule-set.ts';
import { count, date, fen } from '../units/units.ts';
import { findingSchema } from './shape.ts';
import { worded } from './text.ts';

/**
 * The findings of checking a career ladder against the rule set in force (P-W3, P-C1, P-C2), and
 * the warning that it could not be checked. Paths point into the ladder (`/levels/<i>/…`).
 */

export const BandBelowFloorFinding = findingSchema('bandBelowFloor', {
  severity: z.literal('error'),
  ruleId: z.literal('P-W3'),
  description: 'P-W3: a level’s pay band starts below the pay floor of the level’s minimum certificate',
  amounts: z.object({ min: fen, floor: fen, shortfall: fen, certLevel: z.enum(CERT_LEVELS) }),
});
export type BandBelowFloorFinding = z.infer<typeof BandBelowFloorFinding>;

export function bandBelowFloor(facts: {
  level: number;
  min: number;
  floor: number;
  certLevel: CertLevel;
}): BandBelowFloorFinding {
  const { level, min, floor, certLevel } = facts;
  return worded({
    kind: 'bandBelowFloor',
    severity: 'error',
    ruleId: 'P-W3',
    path: `/levels/${level}/payBand/min`,
    amounts: { min, floor, shortfall: floor - min, certLevel },
  });
}

export const LevelBelowPostClassFinding = findingSchema('levelBelowPostClass', {
  severity: z.literal('error'),
  ruleId: z.literal('P-C1'),
  description: 'P-C1: a level asks for a lower certificate than its professional post class needs',
  amounts: z.object({ postClass: z.enum(POST_CLASSES), needed: z.enum(CERT_LEVELS), has: z.enum(CERT_LEVELS) }),
});
export type LevelBelowPostClassFinding = z.infer<typeof LevelBelowPostClassFinding>;

export function levelBelowPostClass(facts: {
  level: number;
  postClass: PostClass;
  needed: CertLevel;
  has: CertLevel;
}): LevelBelowPostClassFinding {
  const { level, postClass, needed, has } = facts;
  return worded({
    kind: 'levelBelowPostClass',
    severity: 'error',
    ruleId: 'P-C1',
    path: `/levels/${level}/requirements/minCertificate`,
    amounts: { postClass, needed, has },
  });
}

export const DuplicateLevelIdFinding = findingSchema('duplicateLevelId', {
  severity: z.literal('error'),
  ruleId: z.literal('P-C2'),
  description: 'P-C2: a level id is used by an earlier level',
  amounts: z.object({ id: z.string() }),
});
export type DuplicateLevelIdFinding = z.infer<typeof DuplicateLevelIdFinding>;

export function duplicateLevelId(facts: { level: number; id: string }): DuplicateLevelIdFinding {
  return worded({
    kind: 'duplicateLevelId',
    severity: 'error',
    ruleId: 'P-C2',
    path: `/levels/${facts.level}/id`,
    amounts: { id: facts.id },
  });
}

/** Which requirement a level asks less of than the level below it, and the two values. */
const LowerRequirement = z.discriminatedUnion('requirement', [
  z.object({ requirement: z.literal('minCertificate'), has: z.enum(CERT_LEVELS), below: z.enum(CERT_LEVELS) }),
  z.object({ requirement: z.literal('minYearsPractice'), has: count, below: count }),
  z.object({
    requirement: z.literal('minEducation'),
    has: z.enum(EDUCATION_LEVELS),
    below: z.enum(EDUCATION_LEVELS),
  }),
]);
export type LowerRequirement = z.infer<typeof LowerRequirement>;

export const LevelBelowPreviousFinding = findingSchema('levelBelowPrevious', {
  severity: z.literal('warning'),
  ruleId: z.literal('P-C2'),
  description: 'P-C2: a level asks for a lower certificate, fewer years or lower education than the level below it',
  amounts: LowerRequirement,
});
export type LevelBelowPreviousFinding = z.infer<typeof LevelBelowPreviousFinding>;

export function levelBelowPrevious(facts: { level: number } & LowerRequirement): LevelBelowPreviousFinding {
  const { level, ...amounts } = facts;
  return worded({
    kind: 'levelBelowPrevious',
    severity: 'warning',
    ruleId: 'P-C2',
    path: `/levels/${level}/requirements/${amounts.requirement}`,
    amounts,
  });
}

export const LadderUncheckedFinding = findingSchema('ladderUnchecked', {
  severity: z.literal('warning'),
  ruleId: z.literal('P-W3'),
  description:
    'No rule set is in force for the region on the date: the pay bands (P-W3) and certificates (P-C1) could not be checked',
  amounts: z.object({ region: z.string(), date }),
});
export type LadderUncheckedFinding = z.infer<typeof LadderUncheckedFinding>;

export function ladderUnchecked(facts: { region: string; date: string }): LadderUncheckedFinding {
  return worded({
    kind: 'ladderUnchecked',
    severity: 'warning',
    ruleId: 'P-W3',
    path: '/levels',
    amounts: { region: facts.region, date: facts.date },
  });
}
