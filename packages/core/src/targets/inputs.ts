import type { BureauMap, TargetFacts, TargetOrganisation } from '@shegong/domain';
import { bureauMapOf, type CityFacts, type CityMap } from '@shegong/store';
import type { MemberPolicy } from '../access.ts';
import type { UseCaseContext } from '../context.ts';
import { JURISDICTION_READERS, jurisdiction } from '../jurisdiction/jurisdiction.ts';

/**
 * What the targets dashboard (P-T1..P-T7) is computed from: the city's map and the facts of the
 * registry. A county bureau gets its city's map and facts too (the targets are the city's; the
 * dashboard narrows the view with domain targetsView/countyView).
 *
 * Round trips: one wave of four Queries in parallel — the map (`R#<city>#MAP`), the organisations'
 * listings (`R#<city>#ORG` on GSI scope), the postings (`R#<city>#POSTING` on GSI scope) and the
 * bases' listings (`R#<city>#BASE`) — then one Query per organisation's registry, in parallel: 4 + N
 * requests (N organisations) in two sequential waves; no Scan, no read per person.
 */

/** Every member of a bureau reads the map and the targets: admin, auditor, reviewer. */
export const TARGET_READERS: MemberPolicy = JURISDICTION_READERS;

/** The city of the signed-in bureau (its own region for a city bureau, its city for a county's). */
export function targetCity(ctx: UseCaseContext): string {
  return jurisdiction(ctx).city;
}

/** The map of the signed-in bureau's city (read and write; core/targets/map.ts decides who writes what). */
export function cityMap(ctx: UseCaseContext): CityMap {
  return ctx.store.cityMap(
    { tenantId: ctx.tenant.id, userId: ctx.actor.userId, kind: ctx.actor.kind },
    targetCity(ctx),
  );
}

/** What the targets read of the city beyond the map (read only). */
export function cityFacts(ctx: UseCaseContext): CityFacts {
  return ctx.store.cityFacts(
    { tenantId: ctx.tenant.id, userId: ctx.actor.userId, kind: ctx.actor.kind },
    targetCity(ctx),
  );
}

/** The map and the facts of the calling bureau's city (TARGET_READERS). */
export async function targetInputs(ctx: UseCaseContext): Promise<{ map: BureauMap; facts: TargetFacts }> {
  const facts = cityFacts(ctx);
  const [stored, organisations, postings, incubationBases] = await Promise.all([
    cityMap(ctx).read(),
    facts.organisations(),
    facts.postings(),
    facts.incubationBases(),
  ]);
  const staff = (await Promise.all(organisations.map((o) => facts.staff(o.organisationId)))).flat();
  return { map: bureauMapOf(stored), facts: { incubationBases, organisations, staff, postings } };
}

/** The organisations of the bureau's city (their listings), for the P-T6 form's choice of who runs a base. */
export function cityOrganisations(ctx: UseCaseContext): Promise<TargetOrganisation[]> {
  return cityFacts(ctx).organisations();
}
