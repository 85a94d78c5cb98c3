import {
  chinaToday,
  type Finding,
  isoDate,
  LadderInput,
  ladderUnchecked,
  type Person,
  type RuleSet,
  type TenantRecord,
} from '@shegong/domain';
import {
  type LadderPrecondition,
  type Mutation,
  type PromotionRecord,
  type RuleSetRef,
  ruleSetRefOf,
  type Store,
  type StoredLadder,
  type TenantRepositories,
} from '@shegong/store';
import { z } from 'zod';
import { ProblemError } from '../problem/problem.ts';
import { ladderFindings, type MissingRequirement, missingFor, type Standing, standingOf } from './policy.ts';

/**
 * What the ladder's API routes and pages share: checking a ladder against the rule set in force
 * (P-W3, P-C1), saving it, everyone's standing on it, and a promotion. The pages call these
 * directly, so a form and the API refuse the same things with the same findings.
 */

export interface LadderCheck {
  /** The date whose rule set was applied. */
  date: string;
  ruleSet?: RuleSetRef;
  findings: Finding[];
}

/** The rule set in force for the organisation's region on a date. */
function rulesFor(store: Store, tenant: TenantRecord, date: string): Promise<RuleSet | undefined> {
  return store.ruleSetInForce(tenant.region, date);
}

/**
 * Checks a ladder against the rule set in force today for the organisation's region (P-W3, P-C1,
 * and P-C2's unique ids and ordering). Without a rule set the ladder cannot be checked, and the check says so
 * as a warning instead of passing silently.
 */
export async function checkLadder(
  store: Store,
  tenant: TenantRecord,
  input: LadderInput,
  date = chinaToday(),
): Promise<LadderCheck> {
  const findings: Finding[] = [];
  const ruleSet = await rulesFor(store, tenant, date);
  if (!ruleSet) {
    findings.push(ladderUnchecked({ region: tenant.region, date }));
    return { date, findings };
  }
  findings.push(...ladderFindings(input, ruleSet.parameters));
  return { date, ruleSet: ruleSetRefOf(ruleSet), findings };
}

export const errorsOf = (check: LadderCheck) => check.findings.filter((f) => f.severity === 'error');

/**
 * A ladder the rules refuse: 422 (the body is well-formed, the policy forbids it), each error a
 * field error at its path with its rule id and the amounts that went into it.
 */
export class LadderRefused extends ProblemError {
  constructor(readonly check: LadderCheck) {
    const errors = errorsOf(check);
    super(
      422,
      `The ladder breaks ${errors.length} rule${errors.length === 1 ? '' : 's'} of the rule set in force; nothing was saved`,
      errors.map((f) => ({
        path: f.path,
        message: `${f.ruleId}: ${f.message}`,
        ruleId: f.ruleId,
        kind: f.kind,
        amounts: f.amounts,
      })),
    );
  }
}

/** Saves a new version after checking it; refuses (nothing written) when a rule is broken. */
export async function saveLadder(
  store: Store,
  repos: TenantRepositories,
  tenant: TenantRecord,
  input: LadderInput,
  precondition: LadderPrecondition,
): Promise<{ ladder: StoredLadder; check: LadderCheck }> {
  const check = await checkLadder(store, tenant, input);
  if (errorsOf(check).length) throw new LadderRefused(check);
  const ladder = await repos.ladders.save(input, precondition);
  return { ladder, check };
}

export interface PersonStanding {
  personId: string;
  name: string;
  monthlyPay: number;
  heldLevelId?: string;
  /** Absent where no rule set is in force (continuing education cannot be judged, P-R2). */
  standing?: Standing;
}

/** Every person's standing on the current ladder on a date (highest level qualified, what is missing, band). */
export async function ladderStandings(
  store: Store,
  repos: TenantRepositories,
  tenant: TenantRecord,
  date = chinaToday(),
): Promise<{ ladder: StoredLadder; date: string; ruleSet?: RuleSetRef; people: PersonStanding[] }> {
  const [ladder, people, ruleSet] = await Promise.all([
    repos.ladders.get(),
    repos.people.listAll(),
    rulesFor(store, tenant, date),
  ]);
  const standings = people
    .map((person) => ({
      personId: person.id,
      name: person.name,
      monthlyPay: person.monthlyPay,
      ...(person.ladderLevelId ? { heldLevelId: person.ladderLevelId } : {}),
      ...optional('standing', standingOf(person, ladder, ruleSet?.parameters, date)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { ladder, date, ...(ruleSet ? { ruleSet: ruleSetRefOf(ruleSet) } : {}), people: standings };
}

/** Why a promotion was refused, for a page to say in its own words; the API sends the problem. */
export type PromotionRefusal =
  | 'no_ladder'
  | 'unknown_level'
  | 'future_date'
  | 'not_above'
  | 'no_rules'
  | 'not_qualified';

export class PromotionRefused extends ProblemError {
  constructor(
    status: 409 | 422,
    readonly reason: PromotionRefusal,
    message: string,
    errors?: ProblemError['errors'],
    readonly missing: readonly MissingRequirement[] = [],
  ) {
    super(status, message, errors);
  }
}

export const NewPromotion = z.strictObject({
  toLevelId: z.string().trim().min(1).max(40),
  date: isoDate,
});
export type NewPromotion = z.infer<typeof NewPromotion>;

/**
 * A promotion, checked and staged: the person must qualify for the level on the date under the
 * rule set then in force (P-C2), the level must be above the one held, and the date not in the
 * future. The mutation holds the promotion, the person's new level (version-checked) and a check
 * that the ladder is still the version the promotion cites.
 */
export async function preparePromotion(
  store: Store,
  repos: TenantRepositories,
  tenant: TenantRecord,
  personId: string,
  input: NewPromotion,
): Promise<{ mutation: Mutation; promotion: PromotionRecord; person: Person }> {
  const person = await repos.people.get(personId);
  const ladder = await repos.ladders.find();
  if (!ladder)
    throw new PromotionRefused(409, 'no_ladder', 'The organisation has no career ladder yet: save one first');
  const target = ladder.levels.findIndex((l) => l.id === input.toLevelId);
  if (target < 0) {
    throw new PromotionRefused(422, 'unknown_level', 'There is no such level in the current ladder', [
      { path: '/toLevelId', message: `is not a level of ladder version ${ladder.version}` },
    ]);
  }
  if (input.date > chinaToday()) {
    throw new PromotionRefused(422, 'future_date', 'A promotion is recorded on or after the day it takes effect', [
      { path: '/date', message: 'must not be in the future' },
    ]);
  }
  const held = person.ladderLevelId ? ladder.levels.findIndex((l) => l.id === person.ladderLevelId) : -1;
  if (held >= target) {
    throw new PromotionRefused(409, 'not_above', `${person.name} already holds this level or a higher one`, [
      { path: '/toLevelId', message: `must be above the level held (${person.ladderLevelId})` },
    ]);
  }
  const ruleSet = await rulesFor(store, tenant, input.date);
  const missing = missingFor(person, ladder, input.toLevelId, ruleSet?.parameters, input.date);
  if (missing === 'unchecked') {
    throw new PromotionRefused(
      409,
      'no_rules',
      `No rule set is in force for region ${tenant.region} on ${input.date}, so whether continuing education is up to date (P-R2), which this level requires, cannot be checked`,
    );
  }
  if (missing.length) {
    throw new PromotionRefused(
      422,
      'not_qualified',
      `${person.name} does not qualify for ${ladder.levels[target]?.name} on ${input.date} (P-C2): ${missing.map((m) => m.requirement).join(', ')}`,
      missing.map((m) => ({
        path: '/toLevelId',
        message: `P-C2: ${m.requirement} needs ${String(m.needed)}, has ${String(m.has)}`,
        ruleId: 'P-C2',
        requirement: m.requirement,
        amounts: { needed: String(m.needed), has: String(m.has) },
      })),
      missing,
    );
  }
  const mutation = repos.scope.mutation();
  const promotion = repos.ladders.stagePromotion(mutation, {
    personId,
    ...(person.ladderLevelId ? { fromLevelId: person.ladderLevelId } : {}),
    toLevelId: input.toLevelId,
    date: input.date,
    ladderVersion: ladder.version,
  });
  const promoted = repos.people.stageLevelChange(mutation, person, input.toLevelId);
  mutation.audited('ladder.promote', 'Person', personId, promoted.version, { promotion, person: promoted });
  return { mutation, promotion, person: promoted };
}

export { LadderInput };

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
