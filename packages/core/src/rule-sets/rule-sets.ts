import {
  describeInForce,
  type InForce,
  isWithin,
  type NewRuleSet,
  parameterRules,
  type RuleSet,
  type RuleSetView,
  ruleSetInconsistencies,
} from '@shegong/domain';
import type { PageRequest } from '@shegong/store';
import type { UseCaseContext } from '../context.ts';
import { commitOnce } from '../once.ts';
import { Forbidden, Invalid, NotFound } from '../refusals.ts';

/** Who may publish: a bureau's admin or reviewer (the auditor reads only). */
export const RULE_SET_PUBLISHERS = { kinds: ['bureau'], roles: ['admin', 'reviewer'] } as const;

/** Anyone signed in, of any kind: a rule set holds no tenant data, only what a bureau publishes. */
export const RULE_SET_READERS = {
  kinds: ['platform', 'bureau', 'incubator', 'org'],
  roles: 'any',
  sharedReason: 'published policy is public to every tenant: a rule set holds only what a bureau publishes',
} as const;

export function ruleSetView(ruleSet: RuleSet): RuleSetView {
  return { ...ruleSet, rules: parameterRules() };
}

/**
 * Publishes a rule set: a bureau's, for a region inside its own jurisdiction, with values that agree
 * with each other. Published once per key.
 */
export async function publishRuleSet(
  ctx: UseCaseContext,
  input: NewRuleSet,
  key?: string,
): Promise<{ ruleSet: RuleSetView; replayed: boolean }> {
  if (ctx.actor.kind !== 'bureau') throw new Forbidden('Only a civil-affairs bureau publishes rule sets');
  if (!isWithin(input.region, ctx.actor.region)) {
    throw new Forbidden(`Your bureau may publish rule sets only for ${ctx.actor.region} and the regions in it`, {
      fields: [
        { path: '/region', message: `is outside your jurisdiction (${ctx.actor.region})`, code: 'outsideJurisdiction' },
      ],
    });
  }
  const problems = ruleSetInconsistencies(input);
  if (problems.length) throw new Invalid('Some values contradict each other', { fields: problems });
  const { body, replayed } = await commitOnce(ctx.repos, key, { operation: 'ruleSet.publish', input }, async () => {
    const { ruleSet, mutation } = await ctx.repos.ruleSets.publish(input, { bureauName: ctx.tenant.name });
    return { body: ruleSetView(ruleSet), mutation };
  });
  return { ruleSet: body, replayed };
}

/** The rule set in force for a region (the member's own by default) on a date (today by default). */
export async function ruleSetInForce(
  ctx: UseCaseContext,
  query: { region?: string; date?: string } = {},
): Promise<InForce | undefined> {
  const region = query.region ?? ctx.actor.region;
  const date = query.date ?? ctx.clock.today();
  const ruleSet = await ctx.store.ruleSetInForce(region, date);
  return ruleSet ? describeInForce(region, date, ruleSet) : undefined;
}

/** The same, refused (NotFound) when none is in force. */
export async function requireRuleSetInForce(ctx: UseCaseContext, query: { region?: string; date?: string } = {}) {
  const found = await ruleSetInForce(ctx, query);
  if (!found)
    throw new NotFound(
      `No rule set is in force for ${query.region ?? ctx.actor.region} on ${query.date ?? ctx.clock.today()}`,
    );
  return found;
}

/** Every version published for a region (the member's own by default), newest first. */
export async function ruleSetHistory(ctx: UseCaseContext, region: string | undefined, page: PageRequest) {
  const found = await ctx.store.ruleSetHistory(region ?? ctx.actor.region, page);
  return { ...found, items: found.items.map(ruleSetView) };
}

export async function getRuleSet(ctx: UseCaseContext, ruleSetId: string): Promise<RuleSetView> {
  return ruleSetView(await ctx.store.ruleSet(ruleSetId));
}
