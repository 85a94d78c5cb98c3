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
import { TenantSuspended } from './suspension.ts';
import { InvalidToken } from './token.ts';
import { verifyRemembered } from './verified-tokens.ts';

/** A verified member: who they are, in which tenant, with that tenant's repositories. */
export interface Session {
  principal: Principal;
  user: UserRecord;
  tenant: TenantRecord;
  repos: TenantRepositories;
}

/**
 * Token → session (the API's bearer tokens). The tenant comes only from the verified token; the
 * user's record in that tenant must exist and be enabled, and its roles (not the token's) count, so
 * a role change, a disabled account or a suspended tenant takes effect at once.
 */
export async function openSession(
  deps: Pick<CoreDeps, 'store' | 'verifyToken' | 'ready'>,
  token: string | undefined,
): Promise<Session> {
  // The store loads while the token is checked; a request without one is refused before either.
  const loading = token ? storeLoading(deps) : undefined;
  const { member, claimed } = await verifiedMember(deps, token);
  await loading;
  return memberSession(deps, member, claimed);
}

/** Who a verified token names, and the tenant's kind and region it claims. */
async function verifiedMember(
  deps: Pick<CoreDeps, 'verifyToken'>,
  token: string | undefined,
): Promise<{ member: Member; claimed: Claimed; expiresAt: number }> {
  if (!token) throw new Unauthenticated('Sign in first: no token was sent');
  let claims: JWTPayload;
  try {
    claims = await verifyRemembered(deps.verifyToken, token);
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
  return { member: { tenantId, userId: claims.sub }, claimed: { kind, region }, expiresAt: claims.exp ?? 0 };
}

interface Member {
  tenantId: string;
  userId: string;
}
interface Claimed {
  kind: TenantKind;
  region: string;
}

/**
 * `deps.ready()` already begun, for work that may end before the store is needed (a token that
 * fails its check): awaiting the answer still throws if loading failed, but dropping it does not
 * leave an unhandled rejection.
 */
function storeLoading(deps: Pick<CoreDeps, 'ready'>): Promise<void> {
  const loading = deps.ready?.() ?? Promise.resolve();
  loading.catch(() => undefined);
  return loading;
}

/**
 * A member's session from the records: one BatchGetItem of the tenant's and the user's, the
 * authority on kind, region, roles, being enabled and the tenant being active. Claims that
 * disagree with them are not trusted.
 */
async function memberSession(deps: Pick<CoreDeps, 'store'>, member: Member, claimed?: Claimed): Promise<Session> {
  const repos = deps.store.tenant(member);
  const { user, tenant } = await repos.tenant.findWithMember(member.userId);
  if (user?.status !== 'active' || !tenant) throw new Unauthenticated('This account is not active in its organisation');
  if (claimed && (tenant.kind !== claimed.kind || tenant.region !== claimed.region)) {
    throw new Unauthenticated('Sign in again: the token does not match your organisation');
  }
  if (tenant.status !== 'active') throw new TenantSuspended(tenant);
  const principal: Principal = {
    userId: member.userId,
    tenantId: member.tenantId,
    kind: tenant.kind,
    region: tenant.region,
    roles: user.roles.filter((r): r is Role => isRoleOfKind(tenant.kind, r)),
  };
  return { principal, user, tenant, repos };
}

/**
 * The pages' sign-in: the ID token from the provider, checked as the API checks a bearer token,
 * becomes a server-side session that lasts as long as the token would. The cookie carries only
 * the session's random secret, so it is no bearer token for the API, and ending the session
 * (sign-out) ends it everywhere at once.
 */
export async function startPageSession(
  deps: Pick<CoreDeps, 'store' | 'verifyToken' | 'ready'>,
  idToken: string,
): Promise<{ secret: string; session: Session; expiresAt: number }> {
  const loading = storeLoading(deps);
  const { member, claimed, expiresAt } = await verifiedMember(deps, idToken);
  await loading;
  const session = await memberSession(deps, member, claimed);
  const secret = await deps.store.startSession({ ...member, createdAt: new Date().toISOString(), expiresAt });
  return { secret, session, expiresAt };
}

/**
 * The member behind a page's session cookie. Per request: one strongly consistent GetItem for the
 * session, then the member's two records as on the API. A session of a suspended tenant is ended
 * here, so it does not come back when the tenant is restored.
 */
export async function openPageSession(
  deps: Pick<CoreDeps, 'store' | 'ready'>,
  secret: string | undefined,
): Promise<Session> {
  await deps.ready?.();
  const found = secret ? await deps.store.session(secret) : undefined;
  if (!secret || !found) throw new Unauthenticated('Sign in again: the session has ended');
  try {
    return await memberSession(deps, found);
  } catch (error) {
    if (error instanceof TenantSuspended) await deps.store.endSession(secret);
    throw error;
  }
}

/** Signing out: the session is deleted, so its cookie opens nothing, wherever it was kept. */
export async function endPageSession(
  deps: Pick<CoreDeps, 'store' | 'ready'>,
  secret: string | undefined,
): Promise<void> {
  await deps.ready?.();
  if (secret) await deps.store.endSession(secret);
}

/** A session the policy admits (Unauthenticated without one, Forbidden for the wrong kind or roles). */
export async function admit(
  deps: Pick<CoreDeps, 'store' | 'verifyToken' | 'ready'>,
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
