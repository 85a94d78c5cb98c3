import type { TenantRecord } from '@shegong/domain';
// The errors' own module, not the store's index: this is read at the API function's start, and
// the index would bring every repository, the domain's schemas and the SDK with it (the function
// loads the store on the first request that reads the table: functions/api/handler.ts).
import { StoreError } from '@shegong/store/errors';
import type { UseCaseContext } from '../context.ts';
import { Conflict, Forbidden, Stale } from '../refusals.ts';

/**
 * A member of a suspended tenant: refused at sign-in, on every page and on the API (403), until the
 * platform restores the tenant. The tenant's names go with it, so a page can say which
 * organisation is suspended.
 */
export class TenantSuspended extends Forbidden {
  readonly tenant: Pick<TenantRecord, 'name' | 'nameEn'>;

  constructor(tenant: Pick<TenantRecord, 'name' | 'nameEn'>) {
    super(
      'Your organisation’s use of Shegong is suspended by the platform: nothing was deleted; contact the Shegong platform operator to restore it',
      { reason: 'tenantSuspended' },
    );
    this.tenant = { name: tenant.name, ...(tenant.nameEn ? { nameEn: tenant.nameEn } : {}) };
  }
}

/** The tenant as read now, at the version the caller saw (Stale otherwise). */
async function current(ctx: UseCaseContext, tenantId: string, expectedVersion: number): Promise<TenantRecord> {
  const tenant = await ctx.store.platform(ctx.actor).directory.get(tenantId);
  if (tenant.version !== expectedVersion) {
    throw new Stale('This organisation was changed by someone else; reload it and try again', { reason: 'stale' });
  }
  return tenant;
}

/** Writes the tenant's new status and its audit event in one transaction, in the platform's trail. */
async function commit(
  ctx: UseCaseContext,
  tenant: TenantRecord,
  action: 'tenant.suspend' | 'tenant.restore',
  change: Pick<TenantRecord, 'status' | 'suspension'>,
): Promise<TenantRecord> {
  const platform = ctx.store.platform(ctx.actor);
  // The tenant's record is in its partition: a named crossing.
  const mutation = platform.scope.across('suspendTenant', tenant.id).mutation();
  const next = platform.directory.replace(mutation, tenant, change);
  try {
    await mutation.audited(action, 'Tenant', tenant.id, next.version, next).commit();
  } catch (error) {
    if (error instanceof StoreError && error.code === 'stale_version') {
      throw new Stale('This organisation was changed by someone else; reload it and try again', { reason: 'stale' });
    }
    throw error;
  }
  return next;
}

/**
 * Suspends a tenant: its members can no longer sign in, open a page or call the API, and their page
 * sessions end at their next request. Nothing is deleted. The record says who suspended it, when
 * and why; the platform's own tenant cannot be suspended.
 */
export async function suspendTenant(
  ctx: UseCaseContext,
  tenantId: string,
  expectedVersion: number,
  reason: string,
): Promise<TenantRecord> {
  const tenant = await current(ctx, tenantId, expectedVersion);
  if (tenant.kind === 'platform') {
    throw new Conflict('The platform’s own tenant cannot be suspended', { reason: 'platformTenant' });
  }
  if (tenant.status === 'suspended')
    throw new Conflict('This organisation is already suspended', { reason: 'suspended' });
  return commit(ctx, tenant, 'tenant.suspend', {
    status: 'suspended',
    suspension: { at: new Date().toISOString(), by: ctx.actor.userId, reason },
  });
}

/** Restores a suspended tenant: its members sign in again as before (their records were kept). */
export async function restoreTenant(ctx: UseCaseContext, tenantId: string, expectedVersion: number) {
  const tenant = await current(ctx, tenantId, expectedVersion);
  if (tenant.status !== 'suspended') throw new Conflict('This organisation is not suspended', { reason: 'active' });
  return commit(ctx, tenant, 'tenant.restore', { status: 'active' });
}
