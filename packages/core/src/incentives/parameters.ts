import { type AwardParameters, awardParametersOf } from '@shegong/domain';
import type { UseCaseContext } from '../context.ts';
import { Refused } from '../refusals.ts';

/**
 * The award parameters (P-A1 … P-A9) of the rule set in force today for a region: the signed-in
 * tenant's own unless another is named (a bureau recording for an organisation of its county).
 * Refused, naming the rule, when the region has no rule set in force.
 */
export async function awardParametersInForce(
  ctx: UseCaseContext,
  ruleId: string,
  region: string = ctx.tenant.region,
): Promise<AwardParameters> {
  const ruleSet = await ctx.store.ruleSetInForce(region, ctx.clock.today());
  if (!ruleSet)
    throw new Refused(`No rule set is in force for region ${region}; the bureau must publish one first (${ruleId})`, {
      reason: 'noRuleSet',
    });
  return awardParametersOf(ruleSet);
}
