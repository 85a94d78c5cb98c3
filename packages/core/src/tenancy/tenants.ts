import type { CreatedTenant, InvitationRecord, NewTenant } from '@shegong/domain';
import type { PageRequest } from '@shegong/store';
import type { CoreDeps, UseCaseContext } from '../context.ts';
import { commitOnce } from '../once.ts';
import { invitationLink } from './invitations.ts';

/** The platform's operators: they create tenants and read the directory. */
export const PLATFORM_ADMINS = { kinds: ['platform'], roles: ['platform_admin'] } as const;

/** The tenant and its first administrator's link, and the invitation itself (the pages show its address). */
export type TenantCreation = CreatedTenant & { invitation: InvitationRecord };

/**
 * The platform creates a bureau, incubation base or organisation and, in the same transaction,
 * invites its first administrator. Created once per key.
 */
export async function createTenant(
  ctx: UseCaseContext,
  deps: Pick<CoreDeps, 'publicBaseUrl'>,
  input: NewTenant,
  key?: string,
): Promise<TenantCreation & { replayed: boolean }> {
  const platform = ctx.store.platform(ctx.actor);
  const { body, replayed } = await commitOnce(ctx.repos, key, { operation: 'tenant.create', input }, () => {
    const mutation = platform.scope.mutation();
    const { adminEmail, ...fields } = input;
    const tenant = platform.directory.create(mutation, fields);
    const inTenant = ctx.store.tenant({ tenantId: tenant.id, userId: ctx.actor.userId });
    const { invitation, token } = inTenant.invitations.create(mutation, { email: adminEmail, roles: ['admin'] });
    mutation.audited('tenant.create', 'Tenant', tenant.id, tenant.version, tenant);
    return { mutation, body: { tenant, invitation, adminInvitationLink: invitationLink(deps, token) } };
  });
  return { ...body, replayed };
}

export function listTenants(ctx: UseCaseContext, page: PageRequest) {
  return ctx.store.platform(ctx.actor).directory.list(page);
}

export function getTenant(ctx: UseCaseContext, tenantId: string) {
  return ctx.store.platform(ctx.actor).directory.get(tenantId);
}
