import type {
  Acceptance,
  Invitation,
  InvitationRecord,
  NewInvitation,
  SentInvitation,
  TenantRecord,
  UserRecord,
} from '@shegong/domain';
import { type PageRequest, StoreError } from '@shegong/store';
import type { CoreDeps, UseCaseContext } from '../context.ts';
import { logger } from '../logger.ts';
import { commitOnce } from '../once.ts';
import { Conflict, NotFound } from '../refusals.ts';
import { SignInExists } from './identity.ts';
import { checkRoles } from './roles.ts';
import { TenantSuspended } from './suspension.ts';

/** The link an invitee opens: on the pages, with the token as the only credential. */
export function invitationLink(deps: Pick<CoreDeps, 'publicBaseUrl'>, token: string): string {
  return `${deps.publicBaseUrl.replace(/\/$/, '')}/invite/${token}`;
}

/** An invitation as the tenant's administrators see it: the tenant id is theirs, so it is not repeated. */
export const asInvitation = ({ tenantId: _t, ...invitation }: InvitationRecord): Invitation => invitation;

export async function listInvitations(ctx: UseCaseContext, page: PageRequest) {
  const found = await ctx.repos.invitations.list(page);
  return { ...found, items: found.items.map(asInvitation) };
}

/**
 * Invites someone to the tenant with roles of its kind. Created once per key (a retried form or
 * request answers as the first did); the link is returned to the admin to pass on and mailed
 * where the deployment has mail.
 */
export async function inviteMember(
  ctx: UseCaseContext,
  deps: Pick<CoreDeps, 'publicBaseUrl' | 'mailer'>,
  input: NewInvitation,
  key?: string,
): Promise<SentInvitation & { replayed: boolean }> {
  checkRoles(ctx.actor, input.roles);
  const { body, replayed } = await commitOnce(ctx.repos, key, { operation: 'invitation.create', input }, () => {
    const mutation = ctx.repos.scope.mutation();
    const { invitation, token } = ctx.repos.invitations.create(mutation, input);
    mutation.audited('invitation.create', 'Invitation', invitation.id, invitation.version, invitation);
    return { mutation, body: { invitation, link: invitationLink(deps, token), mailed: false } };
  });
  const mailed = !replayed && (await mailInvitation(deps, ctx.tenant, body));
  return { ...body, invitation: asInvitation(body.invitation), mailed, replayed };
}

export async function mailInvitation(
  deps: Pick<CoreDeps, 'mailer'>,
  tenant: TenantRecord,
  sent: { invitation: Invitation; link: string },
): Promise<boolean> {
  if (!deps.mailer) return false;
  try {
    await deps.mailer.sendInvitation({
      to: sent.invitation.email,
      link: sent.link,
      tenantName: tenant.name,
      expiresOn: sent.invitation.expiresOn,
    });
    return true;
  } catch (error) {
    logger.warn('invitation mail failed', { error: (error as Error).message });
    return false;
  }
}

export function getInvitation(ctx: UseCaseContext, invitationId: string): Promise<InvitationRecord> {
  return ctx.repos.invitations.get(invitationId);
}

/** Revokes a pending invitation (Conflict once it is used or revoked; Stale on an old version). */
export async function revokeInvitation(
  ctx: UseCaseContext,
  invitationId: string,
  expectedVersion: number,
): Promise<Invitation> {
  return asInvitation(await ctx.repos.invitations.revoke(invitationId, expectedVersion));
}

/** What an invitee sees before accepting: whose invitation, for which address, still valid or not. */
export async function previewInvitation(
  deps: Pick<CoreDeps, 'store'>,
  token: string,
): Promise<{ invitation: InvitationRecord; tenant: TenantRecord }> {
  const found = await deps.store.invitationByToken(token);
  if (!found) throw new NotFound('This invitation link is not valid');
  const repos = deps.store.tenant({ tenantId: found.tenantId, userId: 'invitee' });
  const [invitation, tenant] = await Promise.all([repos.invitations.get(found.invitationId), repos.tenant.get()]);
  return { invitation, tenant };
}

/**
 * Accepting: the link's token names the tenant (never the request). The sign-in is created in the
 * identity provider first, then the user record, its e-mail guard and the invitation's change are
 * one transaction. A retry after a failed transaction finds the sign-in already there and goes on.
 */
export async function acceptInvitation(
  deps: Pick<CoreDeps, 'store' | 'identity'>,
  token: string,
  input: Acceptance,
): Promise<{ user: UserRecord; invitation: InvitationRecord; tenant: TenantRecord }> {
  const { invitation, tenant } = await previewInvitation(deps, token);
  if (invitation.status !== 'pending') {
    throw new Conflict(`This invitation is ${invitation.status}; ask for a new one`, { reason: invitation.status });
  }
  if (tenant.status !== 'active') throw new TenantSuspended(tenant);
  const { userId } = await deps.identity.createUser({
    email: invitation.email,
    name: input.name,
    password: input.password,
    tenantId: tenant.id,
    kind: tenant.kind,
    roles: invitation.roles,
    region: tenant.region,
  });
  const repos = deps.store.tenant({ tenantId: tenant.id, userId });
  const mutation = repos.scope.mutation();
  const user = repos.users.add(mutation, {
    id: userId,
    email: invitation.email,
    name: input.name,
    roles: invitation.roles,
  });
  const accepted = repos.invitations.transition(mutation, invitation, { status: 'accepted', acceptedUserId: userId });
  try {
    await mutation.audited('invitation.accept', 'User', userId, user.version, user).commit();
  } catch (error) {
    if (error instanceof StoreError && error.code === 'stale_version') {
      throw new Conflict('This invitation was just used or revoked; ask for a new one', { reason: 'justUsed' });
    }
    // The address is a user already: here (the provider answered with their own subject), or in a
    // tenant whose sign-in the provider did not hold (its e-mail guard is taken).
    if (error instanceof StoreError && error.code === 'conflict') {
      throw new SignInExists();
    }
    throw error;
  }
  return { user, invitation: accepted, tenant };
}
