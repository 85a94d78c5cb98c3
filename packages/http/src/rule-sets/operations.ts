import {
  chinaToday,
  isWithin,
  type NewRuleSet,
  type Principal,
  parameterRules,
  RULE_SET_FIELDS,
  type RuleSet,
  regionLevel,
} from '@shegong/domain';
import type { Mutation, Store, TenantRepositories } from '@shegong/store';
import type { AppDeps } from '../env.ts';
import { ProblemError } from '../problem/problem.ts';

/**
 * Publishing and reading rule sets, shared by the API and the pages so both refuse and answer
 * alike. Publishing is a bureau's, within its jurisdiction; reading is everyone's (published policy).
 */

/** Who may publish: a bureau's admin or reviewer (the auditor reads only). */
export const PUBLISHERS = { kinds: ['bureau'], roles: ['admin', 'reviewer'] } as const;

/** Anyone signed in, of any kind: a rule set holds no tenant data, only what a bureau publishes. */
export const READERS = {
  kinds: ['platform', 'bureau', 'incubator', 'org'],
  roles: 'any',
  sharedReason: 'published policy is public to every tenant: a rule set holds only what a bureau publishes',
} as const;

export interface FieldProblem {
  path: string;
  message: string;
}

const KNOWN_PATHS = new Set(RULE_SET_FIELDS.map((f) => f.path));

/**
 * What the schema cannot say on its own: values that contradict each other. Each problem names
 * the field a bureau should correct (JSON pointer into the body).
 */
export function inconsistencies(input: NewRuleSet): FieldProblem[] {
  const p = input.parameters;
  const problems: FieldProblem[] = [];
  if (p.socialInsurance.baseFloor > p.socialInsurance.baseCap)
    problems.push({ path: '/parameters/socialInsurance/baseCap', message: 'must not be below the base floor' });
  if (p.housingFund.baseFloor > p.housingFund.baseCap)
    problems.push({ path: '/parameters/housingFund/baseCap', message: 'must not be below the base floor' });
  if (p.national.maxStableContractMonths < p.national.maxContractMonths)
    problems.push({
      path: '/parameters/national/maxStableContractMonths',
      message: 'must be at least the ordinary contract term (N-1)',
    });
  const grades = p.national.evaluationGrades;
  if (!(grades.excellent > grades.good && grades.good > grades.pass && grades.excellent <= 100 && grades.pass >= 0))
    problems.push({
      path: '/parameters/national/evaluationGrades',
      message: 'must fall from excellent to good to pass, within 0–100 (N-6)',
    });
  if (p.minLabourShare + p.maxManagementShare + p.taxRate > 10_000)
    problems.push({ path: '/parameters/minLabourShare', message: 'with management and tax exceeds 100 %' });
  input.illustrative.forEach((path, i) => {
    if (!KNOWN_PATHS.has(path)) problems.push({ path: `/illustrative/${i}`, message: 'is not a parameter path' });
  });
  return problems;
}

/**
 * Checks that the principal may publish this rule set (a bureau, for a region inside its own
 * jurisdiction) and that its values agree, then prepares the mutation (not yet committed).
 */
export async function preparePublication(
  repos: TenantRepositories,
  principal: Principal,
  input: NewRuleSet,
): Promise<{ ruleSet: RuleSet; mutation: Mutation }> {
  if (principal.kind !== 'bureau') throw new ProblemError(403, 'Only a civil-affairs bureau publishes rule sets');
  if (!isWithin(input.region, principal.region)) {
    throw new ProblemError(
      403,
      `Your bureau may publish rule sets only for ${principal.region} and the regions in it`,
      [{ path: '/region', message: `is outside your jurisdiction (${principal.region})` }],
    );
  }
  const problems = inconsistencies(input);
  if (problems.length) throw new ProblemError(400, 'Some values contradict each other', problems);
  const tenant = await repos.tenant.get();
  return repos.ruleSets.publish(input, { bureauName: tenant.name });
}

/** Where the rule set in force comes from, seen from the region asked about. */
export type RuleSetSource = 'own' | 'city' | 'province';

export interface InForce {
  region: string;
  date: string;
  source: RuleSetSource;
  /** Why this one applies, in a sentence (P-U1). */
  reason: string;
  ruleSet: RuleSet;
}

export function sourceOf(asked: string, found: RuleSet): RuleSetSource {
  if (found.region === asked) return 'own';
  return regionLevel(found.region) === 'city' ? 'city' : 'province';
}

/** The rule set in force for a region on a date, with where it comes from; undefined when none. */
export async function inForce(store: Store, region: string, date: string): Promise<InForce | undefined> {
  const ruleSet = await store.ruleSetInForce(region, date);
  if (!ruleSet) return undefined;
  const source = sourceOf(region, ruleSet);
  const latest = `the latest published for ${ruleSet.region} on or before ${date} (from ${ruleSet.effectiveFrom}, version ${ruleSet.version})`;
  const reason =
    source === 'own'
      ? `${region} has its own rule set: ${latest}`
      : `${region} has none of its own in force, so its ${source}'s applies (P-U1): ${latest}`;
  return { region, date, source, reason, ruleSet };
}

/** Today in China, or the day the deployment (a test) fixes. */
export function todayFor(deps: Pick<AppDeps, 'today'>): string {
  return deps.today?.() ?? chinaToday();
}

/** A rule set as the API gives it: every stored value, and beside them the rule each one serves. */
export function ruleSetView(ruleSet: RuleSet) {
  return { ...ruleSet, rules: parameterRules() };
}
