import { randomUUID } from 'node:crypto';
import type {
  CreatedTenant,
  Invitation,
  InvitationRecord,
  Member,
  NewTenant,
  SentInvitation,
  TenantRecord,
} from '@shegong/domain';
import {
  type Page,
  type PageRequest,
  StoreError,
  type TenantListFilter,
  type TenantRepositories,
} from '@shegong/store';
import type { CoreDeps, UseCaseContext } from '../context.ts';
import { commitOnce } from '../once.ts';
import { Conflict } from '../refusals.ts';
import { asInvitation, invitationLink, mailInvitation } from './invitations.ts';
import { asMember, memberNames } from './members.ts';

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
    // The new tenant's record and first invitation are in its partition: a named crossing.
    const tenantId = randomUUID();
    const mutation = platform.scope.across('createTenant', tenantId).mutation();
    const { adminEmail, ...fields } = input;
    const tenant = platform.directory.create(mutation, fields, tenantId);
    const inTenant = ctx.store.across('createTenant', ctx.actor, tenant.id);
    const { invitation, token } = inTenant.invitations.create(mutation, { email: adminEmail, roles: ['admin'] });
    mutation.audited('tenant.create', 'Tenant', tenant.id, tenant.version, tenant);
    return { mutation, body: { tenant, invitation, adminInvitationLink: invitationLink(deps, token) } };
  });
  return { ...body, replayed };
}

/** A page of the platform's tenants: newest first, or searched, filtered and sorted (TenantDirectory.list). */
export function listTenants(ctx: UseCaseContext, page: PageRequest, filter: TenantListFilter = {}) {
  return ctx.store.platform(ctx.actor).directory.list(page, filter);
}

export function getTenant(ctx: UseCaseContext, tenantId: string) {
  return ctx.store.platform(ctx.actor).directory.get(tenantId);
}

/**
 * Another tenant's repositories, for the platform's operators only, once the tenant is known to
 * exist (NotFound otherwise), through the named crossing that reads its members and invitations;
 * the platform admin is recorded as the actor.
 */
async function platformReach(
  ctx: UseCaseContext,
  tenantId: string,
): Promise<{ tenant: TenantRecord; repos: TenantRepositories }> {
  const tenant = await ctx.store.platform(ctx.actor).directory.get(tenantId);
  return { tenant, repos: ctx.store.across('tenantMembers', ctx.actor, tenantId) };
}

/** A tenant as the platform opens it: the record and, while suspended, the name of who did it. */
export interface TenantOverview {
  tenant: TenantRecord;
  suspendedBy?: string;
}

export async function openTenant(ctx: UseCaseContext, tenantId: string): Promise<TenantOverview> {
  const tenant = await getTenant(ctx, tenantId);
  if (!tenant.suspension) return { tenant };
  const names = await memberNames(ctx, [tenant.suspension.by]);
  return { tenant, suspendedBy: names.get(tenant.suspension.by) ?? tenant.suspension.by };
}

/** A page of another tenant's members, as its own admins see them. */
export async function listTenantMembers(
  ctx: UseCaseContext,
  tenantId: string,
  page: PageRequest,
): Promise<Page<Member>> {
  const { repos } = await platformReach(ctx, tenantId);
  const found = await repos.users.list(page);
  return { ...found, items: found.items.map(asMember) };
}

/** A page of another tenant's invitations (pending, expired, used and revoked). */
export async function listTenantInvitations(
  ctx: UseCaseContext,
  tenantId: string,
  page: PageRequest,
): Promise<Page<Invitation>> {
  const { repos } = await platformReach(ctx, tenantId);
  const found = await repos.invitations.list(page);
  return { ...found, items: found.items.map(asInvitation) };
}

/**
 * Reissues a tenant's lost invitation (its first administrator's, typically): one transaction
 * revokes the old one, so its link stops working, creates a new one for the same address and
 * roles, and records it in the platform's audit trail. Only a pending or expired invitation can be
 * reissued; another tenant's invitation id answers NotFound.
 */
export async function reissueInvitation(
  ctx: UseCaseContext,
  deps: Pick<CoreDeps, 'publicBaseUrl' | 'mailer'>,
  tenantId: string,
  invitationId: string,
): Promise<SentInvitation> {
  const { tenant, repos } = await platformReach(ctx, tenantId);
  const old = await repos.invitations.get(invitationId);
  if (old.status !== 'pending' && old.status !== 'expired') {
    throw new Conflict(`This invitation is ${old.status}; only a pending or expired one can be reissued`, {
      reason: old.status,
    });
  }
  // The invitation is in the tenant's partition: a named crossing.
  const mutation = ctx.store.platform(ctx.actor).scope.across('createTenant', tenantId).mutation();
  const { invitation, token } = repos.invitations.reissue(mutation, old);
  try {
    await mutation.audited('invitation.reissue', 'Invitation', invitation.id, invitation.version, invitation).commit();
  } catch (error) {
    // Accepted or revoked between the read and the write: nothing was written.
    if (error instanceof StoreError && error.code === 'stale_version') {
      throw new Conflict('This invitation was just used or changed; reload the organisation', { reason: 'justUsed' });
    }
    throw error;
  }
  const sent = { invitation: asInvitation(invitation), link: invitationLink(deps, token) };
  return { ...sent, mailed: await mailInvitation(deps, tenant, sent) };
}
