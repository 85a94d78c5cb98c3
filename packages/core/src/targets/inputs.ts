import {
  type BureauMap,
  type TargetFacts,
  type TargetOrganisation,
  withRecordedInternshipBases,
} from '@shegong/domain';
import { bureauMapOf, type CityFacts, type CityMap, Internships } from '@shegong/store';
import type { MemberPolicy } from '../access.ts';
import type { UseCaseContext } from '../context.ts';
import { JURISDICTION_READERS, jurisdiction } from '../jurisdiction/jurisdiction.ts';

/**
 * What the targets dashboard (P-T1..P-T7) is computed from: the city's map and the facts of the
 * registry. A county bureau gets its city's map and facts too (the targets are the city's; the
 * dashboard narrows the view with domain targetsView/countyView).
 *
 * Round trips: one wave of five Queries in parallel — the map (`R#<city>#MAP`), the organisations'
 * listings (`R#<city>#ORG` on GSI scope), the postings (`R#<city>#POSTING` on GSI scope), the
 * bases' listings (`R#<city>#BASE`) and the internship bases organisations recorded (P-A9,
 * `R#<city>#INTERNBASE`, counted for P-T6) — then one Query per organisation's registry, in
 * parallel: 5 + N requests (N organisations) in two sequential waves; no Scan, no read per person (the integration
 * test target-map.test.ts counts them). The demo city (防城港) has 7 organisations — 阳光, 同心 and
 * the five the demo base admitted (two still 未登记: read, not counted for P-T3) — so 11 requests
 * in 2 waves. A city of 200 organisations would make 204, still in 2 waves: past a few hundred, an
 * organisation's staff counts belong on its listing, written with the registry.
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
  const [stored, organisations, postings, incubationBases, internshipBases] = await Promise.all([
    cityMap(ctx).read(),
    facts.organisations(),
    facts.postings(),
    facts.incubationBases(),
    Internships.basesOfCity(ctx.repos.scope, targetCity(ctx)),
  ]);
  const staff = (await Promise.all(organisations.map((o) => facts.staff(o.organisationId)))).flat();
  const map = bureauMapOf(stored);
  return {
    map: { ...map, bases: withRecordedInternshipBases(map.bases, internshipBases) },
    facts: { incubationBases, organisations, staff, postings },
  };
}

/** The organisations of the bureau's city (their listings), for the P-T6 form's choice of who runs a base. */
export function cityOrganisations(ctx: UseCaseContext): Promise<TargetOrganisation[]> {
  return cityFacts(ctx).organisations();
}
