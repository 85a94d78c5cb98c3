import { type BaseCoverage, baseCoverage, type IncubationBaseListing } from '@shegong/domain';
import type { JurisdictionBases, Page, PageRequest } from '@shegong/store';
import type { UseCaseContext } from '../context.ts';
import { JURISDICTION_READERS, jurisdiction } from '../jurisdiction/jurisdiction.ts';

/**
 * A bureau's view of the incubation bases in its jurisdiction (issue 12, bureau side): the bases
 * whose region it covers, and per county whether one exists (P-T1). Read only; a base's own data
 * (its incubated organisations) is not read here: each base's records per stage are counted on its listing by the base's own transactions.
 */

/** Every member of a bureau reads the bases of its jurisdiction. */
export const BASE_READERS = JURISDICTION_READERS;

function bases(ctx: UseCaseContext): JurisdictionBases {
  return ctx.store.bases(
    { tenantId: ctx.tenant.id, userId: ctx.actor.userId, kind: ctx.actor.kind },
    jurisdiction(ctx),
  );
}

/** A page of the jurisdiction's bases, by region then base. */
export function jurisdictionBases(ctx: UseCaseContext, page: PageRequest): Promise<Page<IncubationBaseListing>> {
  return bases(ctx).page(page);
}

/** Per county-level region of the jurisdiction, whether an incubation base exists there (P-T1). */
export async function jurisdictionBaseCoverage(ctx: UseCaseContext): Promise<BaseCoverage> {
  return baseCoverage(jurisdiction(ctx), await bases(ctx).all());
}
