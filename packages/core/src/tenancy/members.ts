import { type Member, TENANT_KINDS, type UserRecord } from '@shegong/domain';
import type { PageRequest } from '@shegong/store';
import type { CoreDeps, UseCaseContext } from '../context.ts';
import { checkRoles, guardSelf } from './roles.ts';

/** Every member of a tenant sees its members page; its administrators manage users and invitations. */
export const MEMBERS = { kinds: TENANT_KINDS, roles: 'any' } as const;
export const TENANT_ADMINS = { kinds: TENANT_KINDS, roles: ['admin', 'platform_admin'] } as const;

export interface MemberChange {
  roles?: string[];
  status?: 'active' | 'disabled';
}

export const asMember = ({ tenantId: _t, ...user }: UserRecord): Member => user;

export async function listMembers(ctx: UseCaseContext, page: PageRequest) {
  const found = await ctx.repos.users.list(page);
  return { ...found, items: found.items.map(asMember) };
}

export async function getMember(ctx: UseCaseContext, userId: string): Promise<Member> {
  return asMember(await ctx.repos.users.get(userId));
}

/**
 * Changes a member's roles or status: the roles must be of the tenant's kind and an admin may not
 * lock themselves out. The record is written first (it is the authority, checked on every
 * request), then the identity provider follows it.
 */
export async function changeMember(
  ctx: UseCaseContext,
  identity: CoreDeps['identity'],
  userId: string,
  expectedVersion: number,
  change: MemberChange,
): Promise<Member> {
  if (change.roles) checkRoles(ctx.actor, change.roles);
  guardSelf(ctx.actor, userId, change);
  const action =
    change.status === 'disabled'
      ? 'user.disable'
      : change.status === 'active' && !change.roles
        ? 'user.enable'
        : 'user.update';
  const user = await ctx.repos.users.update(userId, expectedVersion, change, action);
  if (change.roles) await identity.updateRoles(user.email, user.roles);
  if (change.status) await identity.setEnabled(user.email, change.status === 'active');
  return asMember(user);
}

/** The names of the members with these ids (who saved a version, who recorded a month), by id. */
export async function memberNames(ctx: UseCaseContext, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const users = await Promise.all(unique.map((id) => ctx.repos.users.find(id).catch(() => undefined)));
  return new Map(users.flatMap((u) => (u ? [[u.id, u.name] as const] : [])));
}
