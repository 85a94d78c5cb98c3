import { type Acceptance, adminRoleOf, isRoleOfKind, type NewInvitation, type Principal } from '@shegong/domain';
import type { TenantRepositories } from '@shegong/store';
import { StoreError } from '@shegong/store';
import type { AppDeps } from '../env.ts';
import { logger } from '../logger.ts';
import { ProblemError } from '../problem/problem.ts';

export function invitationLink(deps: AppDeps, token: string): string {
  return `${deps.publicBaseUrl.replace(/\/$/, '')}/invite/${token}`;
}

/** Checks that every role belongs to the tenant's kind, naming the field of each that does not. */
export function checkRoles(principal: Pick<Principal, 'kind'>, roles: string[], path = '/roles') {
  const wrong = roles.flatMap((role, i) =>
    isRoleOfKind(principal.kind, role)
      ? []
      : [{ path: `${path}/${i}`, message: `is not a role of a ${principal.kind} tenant` }],
  );
  if (wrong.length) throw new ProblemError(400, 'Some roles do not exist for this kind of tenant', wrong);
}

/**
 * Builds the invitation (the caller commits it, with idempotency). The link is returned to the
 * admin to pass on, and mailed where the deployment has mail.
 */
export function prepareInvitation(
  deps: AppDeps,
  repos: TenantRepositories,
  principal: Principal,
  input: NewInvitation,
) {
  checkRoles(principal, input.roles);
  const mutation = repos.scope.mutation();
  const { invitation, token } = repos.invitations.create(mutation, input);
  mutation.audited('invitation.create', 'Invitation', invitation.id, invitation.version, invitation);
  const link = invitationLink(deps, token);
  return { mutation, invitation, link };
}

export async function mailInvitation(
  deps: AppDeps,
  input: { to: string; link: string; tenantName: string; expiresOn: string },
) {
  if (!deps.mailer) return false;
  try {
    await deps.mailer.sendInvitation(input);
    return true;
  } catch (error) {
    logger.warn('invitation mail failed', { error: (error as Error).message });
    return false;
  }
}

/** What an invitee sees before accepting: whose invitation, for which address, still valid or not. */
export async function previewInvitation(deps: AppDeps, token: string) {
  const found = await deps.store.invitationByToken(token);
  if (!found) throw new ProblemError(404, 'This invitation link is not valid');
  const repos = deps.store.tenant({ tenantId: found.tenantId, userId: 'invitee' });
  const [invitation, tenant] = await Promise.all([repos.invitations.get(found.invitationId), repos.tenant.get()]);
  return { invitation, tenant };
}

/**
 * Accepting: the link's token names the tenant (never the request). The sign-in is created in the
 * identity provider first, then the user record, its e-mail guard and the invitation's change are
 * one transaction. A retry after a failed transaction finds the sign-in already there and goes on.
 */
export async function acceptInvitation(deps: AppDeps, token: string, input: Acceptance) {
  const { invitation, tenant } = await previewInvitation(deps, token);
  if (invitation.status !== 'pending') {
    throw new ProblemError(409, `This invitation is ${invitation.status}; ask for a new one`);
  }
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
      throw new ProblemError(409, 'This invitation was just used or revoked; ask for a new one');
    }
    throw error;
  }
  return { user, invitation: accepted, tenant };
}

/** An admin may not lock themselves out: no disabling oneself, no dropping one's own admin role. */
export function guardSelf(principal: Principal, userId: string, change: { roles?: string[]; status?: string }) {
  if (userId !== principal.userId) return;
  if (change.status === 'disabled') throw new ProblemError(409, 'You cannot disable your own account');
  if (change.roles && !change.roles.includes(adminRoleOf(principal.kind))) {
    throw new ProblemError(409, 'You cannot remove your own administrator role', [
      { path: '/roles', message: 'must keep your administrator role' },
    ]);
  }
}
