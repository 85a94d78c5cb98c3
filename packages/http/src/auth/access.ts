import type { Principal, Role, TenantKind } from '@shegong/domain';
import { isRoleOfKind, TENANT_KINDS } from '@shegong/domain';
import type { Context, MiddlewareHandler } from 'hono';
import type { JWTPayload } from 'jose';
import type { AppEnv } from '../env.ts';
import { ProblemError } from '../problem/problem.ts';
import { TENANCY_CLAIMS } from './claims.ts';
import { InvalidToken } from './verifier.ts';

/**
 * Every route declares who may call it. `authorize(policy)` both enforces the policy and marks
 * the route, so the isolation matrix (test/isolation) can list the app's routes and fail any
 * route that has no declared policy.
 */
export type AccessPolicy =
  | { public: true; reason: string }
  | {
      kinds: readonly TenantKind[];
      roles: readonly Role[] | 'any';
      /**
       * Set only where every admitted tenant may read the same object by design (a bureau's published
       * rule set): says why. The isolation matrix then checks that tenants A and B get the same answer,
       * instead of a 404 for B.
       */
      sharedReason?: string;
    };

export const ACCESS_POLICY = Symbol.for('shegong.access');
type Marked = MiddlewareHandler & { [ACCESS_POLICY]?: AccessPolicy };

export function accessPolicyOf(handler: unknown): AccessPolicy | undefined {
  return (handler as Marked)?.[ACCESS_POLICY];
}

/** Where the token comes from: the API uses `Authorization: Bearer`, pages a session cookie. */
export type TokenSource = (c: Context<AppEnv>) => string | undefined;

export const bearerToken: TokenSource = (c) => {
  const header = c.req.header('Authorization');
  const match = header ? /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header) : null;
  return match?.[1];
};

export class Unauthenticated extends ProblemError {
  constructor(message: string) {
    super(401, message);
  }
}

export function authorize(policy: AccessPolicy, tokenSource: TokenSource = bearerToken): MiddlewareHandler<AppEnv> {
  const middleware: Marked = async (c, next) => {
    if ('public' in policy) return next();
    const principal = await authenticate(c, tokenSource);
    if (!policy.kinds.includes(principal.kind))
      throw new ProblemError(403, 'This is not available to your kind of organisation');
    if (policy.roles !== 'any' && !principal.roles.some((r) => (policy.roles as readonly string[]).includes(r))) {
      throw new ProblemError(403, `This needs one of the roles: ${policy.roles.join(', ')}`);
    }
    return next();
  };
  middleware[ACCESS_POLICY] = policy;
  return middleware as MiddlewareHandler<AppEnv>;
}

/**
 * Token → principal. The tenant comes only from the verified token; the user's record in that
 * tenant must exist and be enabled, and its roles (not the token's) count, so a role change or a
 * disabled account takes effect at once.
 */
export async function authenticate(c: Context<AppEnv>, tokenSource: TokenSource): Promise<Principal> {
  const token = tokenSource(c);
  if (!token) throw new Unauthenticated('Sign in first: no token was sent');
  let claims: JWTPayload;
  try {
    claims = await c.var.deps.verifyToken(token);
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
  const repos = c.var.deps.store.tenant({ tenantId, userId: claims.sub });
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
  c.set('principal', principal);
  c.set('repos', repos);
  c.set('user', user);
  c.set('tenant', tenant);
  return principal;
}
