import {
  contractImpact,
  covers,
  draftGoverns,
  type GuidelineImpact,
  governedDay,
  type ImpactedContract,
  impactStage,
  isWithin,
  jurisdictionOf,
  type NewRuleSet,
  summariseImpact,
} from '@shegong/domain';
import type { UseCaseContext } from '../context.ts';
import { inForceLookup } from '../contracts/guideline.ts';
import { everyJurisdictionContract } from '../evaluations/evaluations.ts';
import { jurisdictionContracts } from '../jurisdiction/jurisdiction.ts';
import { Forbidden } from '../refusals.ts';

/**
 * What a draft rule set would do to the contracts of the bureau's jurisdiction that it would
 * govern, before it is published (domain/rules/impact.ts says what is counted). Each contract in
 * the draft's region (its county, or every county of a city) that is not closed is checked with
 * the in-force resolution costing uses (county before city, P-U1): the draft governs it only where
 * it would be the rule set in force on a day of its term. Those it governs are costed again from
 * their current version. A bounded, deliberate read of the bureau's own jurisdiction (every head,
 * then the current version of each governed contract), made when the bureau asks, never stored.
 */
export async function ruleSetImpact(ctx: UseCaseContext, draft: NewRuleSet): Promise<GuidelineImpact> {
  if (ctx.actor.kind !== 'bureau') throw new Forbidden('Only a civil-affairs bureau prepares rule sets');
  if (!isWithin(draft.region, ctx.actor.region))
    throw new Forbidden(`Your bureau prepares rule sets only for ${ctx.actor.region} and the regions in it`, {
      fields: [
        { path: '/region', message: `is outside your jurisdiction (${ctx.actor.region})`, code: 'outsideJurisdiction' },
      ],
    });
  const draftArea = jurisdictionOf(draft.region);
  const lookup = inForceLookup(ctx);
  const reads = jurisdictionContracts(ctx);
  const heads = (await everyJurisdictionContract(ctx)).filter(
    ({ contract: c }) => impactStage(c.status) !== undefined && covers(draftArea, c.purchaser.region),
  );
  const examined: ImpactedContract[] = [];
  // A few at a time: each is one GetItem of the version, and the in-force lookups are shared.
  for (let i = 0; i < heads.length; i += 25) {
    const batch = await Promise.all(
      heads.slice(i, i + 25).map(async ({ organisationId, contract: c }) => {
        const region = c.purchaser.region;
        const day = governedDay(draft.effectiveFrom, c.startDate);
        const appliesFrom = draftGoverns(
          draft,
          { region, startDate: c.startDate, endDate: c.endDate },
          await lookup(region, day),
        );
        if (!appliesFrom) return undefined;
        const version = await reads.version(organisationId, c.id, c.currentVersion);
        if (!version) return undefined;
        return contractImpact(
          { organisationId, id: c.id, number: c.number, title: c.title, status: c.status, value: c.value, region },
          appliesFrom,
          version,
          draft.parameters,
        );
      }),
    );
    for (const found of batch) if (found) examined.push(found);
  }
  return summariseImpact(draft, examined);
}
