import {
  type Finding,
  type LadderInput,
  type LadderStanding,
  ladderStanding,
  type PersonInput,
  type RuleSetParameters,
  validateLadder,
} from '@shegong/domain';

/**
 * The ladder rules (P-W3, P-C1, P-C2) as the API and pages apply them. The logic is the domain's
 * (people/ladder.ts); this module adapts it to what the routes ask: a standing without a rule set,
 * and what a person lacks for one chosen level.
 */

export type Standing = LadderStanding;
export type MissingRequirement = NonNullable<LadderStanding['next']>['missing'][number];

export function ladderFindings(ladder: LadderInput, rules: RuleSetParameters): Finding[] {
  return validateLadder(ladder, rules);
}

/**
 * A person's standing, or undefined where no rule set is in force: whether continuing education is
 * up to date depends on the local yearly minimum (P-R2), so no standing is better than a guessed one.
 */
export function standingOf(
  person: PersonInput,
  ladder: LadderInput,
  rules: RuleSetParameters | undefined,
  today: string,
): Standing | undefined {
  return rules ? ladderStanding(person, ladder, rules, today) : undefined;
}

/**
 * What a person lacks for one level on a date (empty: they qualify), or 'unchecked' when the level
 * asks for continuing education up to date and no rule set says how much that is (P-R2).
 *
 * The domain's standing reports what is missing for the level after the held one; so the ladder is
 * cut just above the target and the person is taken to hold the level just below it. Either they
 * qualify for the top (the target: nothing missing) or the target is their next level, with what
 * they lack for it. Without a rule set, a level that does not ask for continuing education is
 * judged with a minimum of zero hours, which its requirements never read.
 */
export function missingFor(
  person: PersonInput,
  ladder: LadderInput,
  levelId: string,
  rules: RuleSetParameters | undefined,
  date: string,
): MissingRequirement[] | 'unchecked' {
  const target = ladder.levels.findIndex((l) => l.id === levelId);
  const level = ladder.levels[target];
  if (!level) throw new Error(`no level ${levelId} in the ladder`);
  if (!rules && level.requirements.continuingEducationUpToDate) return 'unchecked';
  const below = ladder.levels[target - 1];
  const { ladderLevelId: _held, ...rest } = person;
  const view: PersonInput = below ? { ...rest, ladderLevelId: below.id } : rest;
  const judged = rules ?? ({ continuingEducationHoursPerYear: 0 } as RuleSetParameters);
  const standing = ladderStanding(view, { levels: ladder.levels.slice(0, target + 1) }, judged, date);
  if (standing.qualifiesFor === levelId) return [];
  if (standing.next?.levelId !== levelId) throw new Error(`the standing did not judge level ${levelId}`);
  return standing.next.missing;
}
