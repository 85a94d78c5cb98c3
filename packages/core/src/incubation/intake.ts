import type { TenantRecord } from '@shegong/domain';
import type { CoreDeps, UseCaseContext } from '../context.ts';
import { NotFound } from '../refusals.ts';
import { PUBLIC_SUBMITTER } from './incubation.ts';

/**
 * What the base's intake pages read besides the records themselves: the base a public link names
 * (its page is open to anyone holding the link), and how many applications wait for a decision.
 */

/** The base a shared link names, as its public page shows it: an active incubation base, else NotFound. */
export async function applicationBase(
  deps: Pick<CoreDeps, 'store'>,
  incubatorId: string,
): Promise<Pick<TenantRecord, 'id' | 'name' | 'nameEn'>> {
  const base = await deps.store.tenant({ tenantId: incubatorId, userId: PUBLIC_SUBMITTER }).tenant.find();
  if (base?.kind !== 'incubator' || base.status !== 'active')
    throw new NotFound('There is no incubation base at this link');
  return { id: base.id, name: base.name, ...(base.nameEn ? { nameEn: base.nameEn } : {}) };
}

/** How many of the base's applications wait for its decision (the menu's badge): one COUNT Query. */
export function applicationsWaiting(ctx: UseCaseContext): Promise<number> {
  return ctx.repos.incubations.waitingCount();
}
