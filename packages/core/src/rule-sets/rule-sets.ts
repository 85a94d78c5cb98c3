import {
  describeInForce,
  diffParameters,
  type InForce,
  isWithin,
  type NewRuleSet,
  type ParameterDiff,
  parameterRules,
  type RuleSet,
  type RuleSetView,
  ruleSetInconsistencies,
  withParameterDefaults,
} from '@shegong/domain';
import type { PageRequest } from '@shegong/store';
import type { UseCaseContext } from '../context.ts';
import { commitOnce } from '../once.ts';
import { Forbidden, Invalid, NotFound, Stale } from '../refusals.ts';

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

/** What publishing refuses before anything is read: anyone but a bureau, another jurisdiction, contradicting values. */
function checkPublishable(ctx: UseCaseContext, input: NewRuleSet): void {
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
}

/** What publishing a version would change, shown before it is published for good. */
export interface RuleSetPreview {
  /**
   * The version in force for the new one's region on its effective date: the one it takes over
   * from there (the one it corrects when both have that date). Undefined when none is.
   */
  comparedWith: InForce | undefined;
  diff: ParameterDiff;
}

/**
 * The rule set in force where and when `input` would take effect, read from the table, not the
 * minute-old cache: a bureau compares with, and publishing checks against, what is there now,
 * including a version another instance published seconds ago.
 */
const inForceAt = (ctx: UseCaseContext, input: NewRuleSet) =>
  ruleSetInForce(ctx, { region: input.region, date: input.effectiveFrom, fresh: true });

/**
 * What publishing `input` would change against the version in force, refused as publishing would
 * refuse it. Writes nothing: a bureau confirms, then publishes.
 */
export async function previewRuleSet(ctx: UseCaseContext, input: NewRuleSet): Promise<RuleSetPreview> {
  checkPublishable(ctx, input);
  const comparedWith = await inForceAt(ctx, input);
  // Compared as it would be stored: a parameter left out reads as its default, which is no change.
  return { comparedWith, diff: diffParameters(comparedWith?.ruleSet, withParameterDefaults(input)) };
}

/**
 * Publishes a rule set: a bureau's, for a region inside its own jurisdiction, with values that agree
 * with each other. Published once per key. With `confirmed`, only while the version in force there
 * is still the one the bureau compared with (`comparedWith`, undefined for none): otherwise Stale,
 * so nobody publishes over a change they did not see. A retry of a published key is answered as
 * the first try, though the one in force is by then the version it published. The check reads the
 * region index before the write and is not part of its transaction: a version published between
 * the two is not caught (one of the same date still is, as a taken version number), a window of
 * one request's time that a confirmation page, read minutes earlier, does not otherwise have.
 */
export async function publishRuleSet(
  ctx: UseCaseContext,
  input: NewRuleSet,
  key?: string,
  confirmed?: { comparedWith: string | undefined },
): Promise<{ ruleSet: RuleSetView; replayed: boolean }> {
  checkPublishable(ctx, input);
  const { body, replayed } = await commitOnce(ctx.repos, key, { operation: 'ruleSet.publish', input }, async () => {
    if (confirmed) {
      const now = (await inForceAt(ctx, input))?.ruleSet.id;
      if (now !== confirmed.comparedWith)
        throw new Stale(
          `The rule set in force for ${input.region} on ${input.effectiveFrom} is now ${now ?? 'none'}, not ${confirmed.comparedWith ?? 'none'}: compare again`,
          { reason: 'comparedWithChanged' },
        );
    }
    const { ruleSet, mutation } = await ctx.repos.ruleSets.publish(input, { bureauName: ctx.tenant.name });
    return { body: ruleSetView(ruleSet), mutation };
  });
  return { ruleSet: body, replayed };
}

/** The rule set in force for a region (the member's own by default) on a date (today by default). */
export async function ruleSetInForce(
  ctx: UseCaseContext,
  query: { region?: string; date?: string; fresh?: boolean } = {},
): Promise<InForce | undefined> {
  const region = query.region ?? ctx.actor.region;
  const date = query.date ?? ctx.clock.today();
  const ruleSet = await ctx.store.ruleSetInForce(region, date, { fresh: query.fresh ?? false });
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
