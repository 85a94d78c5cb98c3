import {
  isRoleOfKind,
  type Principal,
  type Role,
  TENANT_KINDS,
  type TenantKind,
  type TenantRecord,
  type UserRecord,
} from '@shegong/domain';
import type { TenantRepositories } from '@shegong/store';
import type { JWTPayload } from 'jose';
import { type AccessPolicy, checkAccess } from '../access.ts';
import { type CoreDeps, clockOf, type UseCaseContext } from '../context.ts';
import { Unauthenticated } from '../refusals.ts';
import { TENANCY_CLAIMS } from './claims.ts';
import { InvalidToken } from './token.ts';

/** A verified member: who they are, in which tenant, with that tenant's repositories. */
export interface Session {
  principal: Principal;
  user: UserRecord;
  tenant: TenantRecord;
  repos: TenantRepositories;
}

/**
 * Token → session. The tenant comes only from the verified token; the user's record in that
 * tenant must exist and be enabled, and its roles (not the token's) count, so a role change or a
 * disabled account takes effect at once.
 */
export async function openSession(
  deps: Pick<CoreDeps, 'store' | 'verifyToken'>,
  token: string | undefined,
): Promise<Session> {
  if (!token) throw new Unauthenticated('Sign in first: no token was sent');
  let claims: JWTPayload;
  try {
    claims = await deps.verifyToken(token);
  } catch (error) {
    if (error instanceof InvalidToken) throw new Unauthenticated(`Sign in again: ${error.message}`);
    throw error;
  }
  const tenantId = claims[TENANCY_CLAIMS.tenant];
  const kind = claims[TENANCY_CLAIMS.kind] as TenantKind;
  const region = claims[TENANCY_CLAIMS.region];
  if (typeof tenantId !== 'string' || !TENANT_KINDS.includes(kind) || typeof region !== 'string' || !claims.sub) {
    throw new Unauthenticated('Sign in again: the token does not name a tenant');
  }
  const repos = deps.store.tenant({ tenantId, userId: claims.sub });
  // Read in parallel: the record of the tenant and of the user in it are the authority on kind,
  // region, roles and being enabled; a token that disagrees with them is not trusted.
  const [user, tenant] = await Promise.all([repos.users.find(claims.sub), repos.tenant.find()]);
  if (user?.status !== 'active' || !tenant) throw new Unauthenticated('This account is not active in its organisation');
  if (tenant.kind !== kind || tenant.region !== region || tenant.status !== 'active') {
    throw new Unauthenticated('Sign in again: the token does not match your organisation');
  }
  const principal: Principal = {
    userId: claims.sub,
    tenantId,
    kind: tenant.kind,
    region: tenant.region,
    roles: user.roles.filter((r): r is Role => isRoleOfKind(tenant.kind, r)),
  };
  return { principal, user, tenant, repos };
}

/** A session the policy admits (Unauthenticated without one, Forbidden for the wrong kind or roles). */
export async function admit(
  deps: Pick<CoreDeps, 'store' | 'verifyToken'>,
  token: string | undefined,
  policy: Exclude<AccessPolicy, { public: true }>,
): Promise<Session> {
  const session = await openSession(deps, token);
  checkAccess(policy, session.principal);
  return session;
}

/** What a use case runs with for this session. */
export function contextOf(deps: Pick<CoreDeps, 'store' | 'today'>, session: Session): UseCaseContext {
  return {
    tenant: session.tenant,
    actor: session.principal,
    store: deps.store,
    repos: session.repos,
    clock: clockOf(deps),
  };
}

/**
 * What a use case runs with for code that acts as a member without a request: the demo seed, a
 * worker, a test. The tenant's and the member's records are read from the store (they must
 * exist); nothing here takes a tenant from a request, so no request path may call it.
 */
export async function actingAs(
  deps: Pick<CoreDeps, 'store' | 'today'>,
  member: { tenantId: string; userId: string },
): Promise<UseCaseContext> {
  const repos = deps.store.tenant(member);
  const [tenant, user] = await Promise.all([repos.tenant.get(), repos.users.find(member.userId)]);
  const principal: Principal = {
    userId: member.userId,
    tenantId: member.tenantId,
    kind: tenant.kind,
    region: tenant.region,
    roles: (user?.roles ?? []).filter((r): r is Role => isRoleOfKind(tenant.kind, r)),
  };
  return { tenant, actor: principal, store: deps.store, repos, clock: clockOf(deps) };
}
