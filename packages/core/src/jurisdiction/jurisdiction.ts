import { type Jurisdiction, jurisdictionOf, type StoredContract } from '@shegong/domain';
import type { JurisdictionContracts } from '@shegong/store';
import type { MemberPolicy } from '../access.ts';
import type { UseCaseContext } from '../context.ts';
import { Forbidden, NotFound } from '../refusals.ts';

/**
 * A bureau's view of the organisations' contracts in its jurisdiction (P-U1). Bureaus read; they
 * never write an organisation's data. Their own records (reviews, samples, evaluations, findings)
 * live in the bureau's partition.
 */

/** Every member of a bureau reads its jurisdiction: admin, auditor (审计) and reviewer (审核). */
export const JURISDICTION_READERS: MemberPolicy = { kinds: ['bureau'], roles: ['admin', 'auditor', 'reviewer'] };

/** The jurisdiction of the signed-in bureau, from its verified tenant record only. */
export function jurisdiction(ctx: UseCaseContext): Jurisdiction {
  if (ctx.actor.kind !== 'bureau') throw new Forbidden('Only a civil-affairs bureau has a jurisdiction');
  return jurisdictionOf(ctx.tenant.region);
}

/** The read-only contracts of the signed-in bureau's jurisdiction. */
export function jurisdictionContracts(ctx: UseCaseContext): JurisdictionContracts {
  return ctx.store.jurisdiction(
    { tenantId: ctx.tenant.id, userId: ctx.actor.userId, kind: ctx.actor.kind },
    jurisdiction(ctx),
  );
}

/** One contract of an organisation in the jurisdiction; NotFound (404) when absent or outside it. */
export async function jurisdictionContract(
  ctx: UseCaseContext,
  organisationId: string,
  contractId: string,
): Promise<StoredContract> {
  const contract = await jurisdictionContracts(ctx).head(organisationId, contractId);
  if (!contract) throw new NotFound('Contract not found');
  return contract;
}
