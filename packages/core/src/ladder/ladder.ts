import {
  type LadderCheck,
  type LadderInput,
  ladderStanding,
  ladderUnchecked,
  levelGaps,
  type MissingRequirement,
  type NewPromotion,
  type Person,
  type PersonStanding,
  PROJECT_KINDS,
  type PromotionRecord,
  type RuleSet,
  type RuleSetRef,
  ruleSetRefOf,
  type SavedLadder,
  validateLadder,
} from '@shegong/domain';
import type { LadderPrecondition, PageRequest } from '@shegong/store';
import type { UseCaseContext } from '../context.ts';
import { commitOnce } from '../once.ts';
import { Conflict, Refused } from '../refusals.ts';

/**
 * The career ladder (P-C1, P-C2, P-W3): checking it against the rule set in force, saving it,
 * everyone's standing on it, and promotions. The API and the pages both come here, so a form and
 * a request refuse the same things with the same findings.
 */

/** Every member of an organisation reads its ladder. */
export const LADDER_READERS = { kinds: PROJECT_KINDS, roles: 'any' } as const;
/** hr and admin keep it and promote. */
export const LADDER_EDITORS = { kinds: PROJECT_KINDS, roles: ['admin', 'hr'] } as const;
/** Standings show each person's pay: the registry's readers only. */
export const LADDER_MANAGERS = { kinds: PROJECT_KINDS, roles: ['admin', 'hr', 'finance', 'project_manager'] } as const;

/** The rule set in force for the organisation's region on a date. */
function rulesOn(ctx: UseCaseContext, date: string): Promise<RuleSet | undefined> {
  return ctx.store.ruleSetInForce(ctx.tenant.region, date);
}

/**
 * Checks a ladder against the rule set in force today for the organisation's region (P-W3, P-C1,
 * and P-C2's unique ids and ordering). Without a rule set the ladder cannot be checked, and the
 * check says so as a warning instead of passing silently.
 */
export async function checkLadder(ctx: UseCaseContext, input: LadderInput): Promise<LadderCheck> {
  const date = ctx.clock.today();
  const ruleSet = await rulesOn(ctx, date);
  if (!ruleSet) return { date, findings: [ladderUnchecked({ region: ctx.tenant.region, date })] };
  return { date, ruleSet: ruleSetRefOf(ruleSet), findings: validateLadder(input, ruleSet.parameters) };
}

export const errorsOf = (check: LadderCheck) => check.findings.filter((f) => f.severity === 'error');

/** The current ladder (NotFound before the first save) with today's check of it. */
export async function currentLadder(ctx: UseCaseContext): Promise<SavedLadder & LadderCheck> {
  const ladder = await ctx.repos.ladders.get();
  return { ...ladder, ...(await checkLadder(ctx, ladder)) };
}

/** The current ladder, or undefined before the first save. */
export function findLadder(ctx: UseCaseContext): Promise<SavedLadder | undefined> {
  return ctx.repos.ladders.find();
}

export function ladderVersions(ctx: UseCaseContext, page: PageRequest) {
  return ctx.repos.ladders.versions(page);
}

export function ladderVersion(ctx: UseCaseContext, version: number) {
  return ctx.repos.ladders.version(version);
}

/**
 * Saves a new version after checking it; refuses (Refused, nothing written) when a rule is broken.
 * Warnings come back with the saved ladder.
 */
export async function saveLadder(
  ctx: UseCaseContext,
  input: LadderInput,
  precondition: LadderPrecondition,
): Promise<{ ladder: SavedLadder; check: LadderCheck }> {
  const check = await checkLadder(ctx, input);
  const errors = errorsOf(check);
  if (errors.length)
    throw new Refused(
      `The ladder breaks ${errors.length} rule${errors.length === 1 ? '' : 's'} of the rule set in force; nothing was saved`,
      { findings: errors },
    );
  const ladder = await ctx.repos.ladders.save(input, precondition);
  return { ladder, check };
}

/** Every person's standing on the current ladder today (highest level qualified, what is missing, band). */
export async function ladderStandings(
  ctx: UseCaseContext,
): Promise<{ ladder: SavedLadder; date: string; ruleSet?: RuleSetRef; people: PersonStanding[] }> {
  const date = ctx.clock.today();
  const [ladder, people, ruleSet] = await Promise.all([
    ctx.repos.ladders.get(),
    ctx.repos.people.listAll(),
    rulesOn(ctx, date),
  ]);
  // Without a rule set no standing is better than a guessed one: up-to-date CE is the rule set's (P-R2).
  const standings = people
    .map((person) => ({
      personId: person.id,
      name: person.name,
      monthlyPay: person.monthlyPay,
      ...(person.ladderLevelId ? { heldLevelId: person.ladderLevelId } : {}),
      ...(ruleSet ? { standing: ladderStanding(person, ladder, ruleSet.parameters, date) } : {}),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { ladder, date, ...(ruleSet ? { ruleSet: ruleSetRefOf(ruleSet) } : {}), people: standings };
}

/** Why a promotion was refused: the refusal's `reason`, for a page to say in its own words. */
export type PromotionRefusal =
  | 'no_ladder'
  | 'unknown_level'
  | 'future_date'
  | 'not_above'
  | 'no_rules'
  | 'not_qualified';

/** A promotion refused because the person lacks what the level requires (P-C2), each requirement named. */
export class NotQualified extends Refused {
  constructor(
    message: string,
    readonly missing: readonly MissingRequirement[],
  ) {
    super(message, {
      reason: 'not_qualified',
      fields: missing.map((m) => ({
        path: '/toLevelId',
        message: `P-C2: ${m.requirement} needs ${String(m.needed)}, has ${String(m.has)}`,
        code: m.requirement,
        ruleId: 'P-C2',
        amounts: { needed: m.needed, has: m.has },
      })),
    });
  }
}

/**
 * A promotion: the person must qualify for the level on the date under the rule set then in force
 * (P-C2), the level must be above the one held, and the date not in the future. The promotion, the
 * person's new level (version-checked) and a check that the ladder is still the version the
 * promotion cites are one transaction. Recorded once per key.
 */
export async function promote(
  ctx: UseCaseContext,
  personId: string,
  input: NewPromotion,
  key?: string,
): Promise<{ promotion: PromotionRecord; person: Person | undefined; replayed: boolean }> {
  let person: Person | undefined;
  const { body, replayed } = await commitOnce(
    ctx.repos,
    key,
    { operation: 'ladder.promote', input: { personId, ...input } },
    async () => {
      const staged = await stagePromotion(ctx, personId, input);
      person = staged.person;
      return { mutation: staged.mutation, body: staged.promotion };
    },
  );
  return { promotion: body, person, replayed };
}

async function stagePromotion(ctx: UseCaseContext, personId: string, input: NewPromotion) {
  const person = await ctx.repos.people.get(personId);
  const ladder = await ctx.repos.ladders.find();
  if (!ladder) throw new Conflict('The organisation has no career ladder yet: save one first', { reason: 'no_ladder' });
  const target = ladder.levels.findIndex((l) => l.id === input.toLevelId);
  const level = ladder.levels[target];
  if (!level) {
    throw new Refused('There is no such level in the current ladder', {
      reason: 'unknown_level',
      fields: [{ path: '/toLevelId', message: `is not a level of ladder version ${ladder.version}` }],
    });
  }
  if (input.date > ctx.clock.today()) {
    throw new Refused('A promotion is recorded on or after the day it takes effect', {
      reason: 'future_date',
      fields: [{ path: '/date', message: 'must not be in the future' }],
    });
  }
  const held = person.ladderLevelId ? ladder.levels.findIndex((l) => l.id === person.ladderLevelId) : -1;
  if (held >= target) {
    throw new Conflict(`${person.name} already holds this level or a higher one`, {
      reason: 'not_above',
      fields: [{ path: '/toLevelId', message: `must be above the level held (${person.ladderLevelId})` }],
    });
  }
  const ruleSet = await rulesOn(ctx, input.date);
  const missing = levelGaps(person, level, ruleSet?.parameters, input.date);
  if (missing === 'unchecked') {
    throw new Conflict(
      `No rule set is in force for region ${ctx.tenant.region} on ${input.date}, so whether continuing education is up to date (P-R2), which this level requires, cannot be checked`,
      { reason: 'no_rules' },
    );
  }
  if (missing.length) {
    throw new NotQualified(
      `${person.name} does not qualify for ${level.name} on ${input.date} (P-C2): ${missing.map((m) => m.requirement).join(', ')}`,
      missing,
    );
  }
  const mutation = ctx.repos.scope.mutation();
  const promotion = ctx.repos.ladders.stagePromotion(mutation, {
    personId,
    ...(person.ladderLevelId ? { fromLevelId: person.ladderLevelId } : {}),
    toLevelId: input.toLevelId,
    date: input.date,
    ladderVersion: ladder.version,
  });
  const promoted = ctx.repos.people.stageLevelChange(mutation, person, input.toLevelId);
  mutation.audited('ladder.promote', 'Person', personId, promoted.version, { promotion, person: promoted });
  return { mutation, promotion, person: promoted };
}

/** A person's promotions, newest first (another organisation's person answers NotFound). */
export async function promotionsOf(ctx: UseCaseContext, personId: string, page: PageRequest) {
  await ctx.repos.people.get(personId);
  return ctx.repos.ladders.promotions(personId, page);
}
