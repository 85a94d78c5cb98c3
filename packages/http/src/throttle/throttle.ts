import { TENANCY_CLAIMS } from '@shegong/core';
import type { MiddlewareHandler } from 'hono';
import { bearerToken } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { problem } from '../problem/problem.ts';
import { type BucketSettings, TokenBuckets } from './bucket.ts';

export interface ThrottleSettings {
  /** Each tenant's bucket, keyed by the tenant of a verified bearer token. */
  tenant: BucketSettings;
  /** Each source IP's bucket, for requests without a verified token (the public routes). */
  anonymous: BucketSettings;
}

/**
 * Per tenant: a fifth of the stage's 100 req/s sustained (infra/lib/api.ts), so one tenant cannot
 * take it all, with room for a page's burst of calls. Per IP, without a token: the public routes
 * (the API description, invitation links) need little.
 */
export const DEFAULT_THROTTLE: ThrottleSettings = {
  tenant: { rate: 20, burst: 40 },
  anonymous: { rate: 5, burst: 20 },
};

/** The caller's IP as API Gateway saw it (hono/aws-lambda puts the event in `c.env`); unknown locally. */
function sourceIp(env: unknown): string | undefined {
  const event = (env as { event?: { requestContext?: { http?: { sourceIp?: string } } } } | undefined)?.event;
  return event?.requestContext?.http?.sourceIp;
}

/**
 * Limits /v1 per tenant, from the verified token (the same verifier `authorize` uses, its verdict remembered per
 * token until the token expires, so a client's repeated token costs a map lookup), answering 429 with Retry-After as an
 * RFC 9457 problem. A request without a valid token is limited per source IP instead (and refused
 * by its route if the route needs a token); without a known IP (the local server, tests) it is not
 * limited. Pages are not limited here: their session is a cookie whose tenant costs a read to know.
 */
export function throttle(settings: ThrottleSettings = DEFAULT_THROTTLE): MiddlewareHandler<AppEnv> {
  const tenants = new TokenBuckets(settings.tenant);
  const addresses = new TokenBuckets(settings.anonymous);
  let tenantOf: ReturnType<typeof tenantsOfTokens> | undefined;
  return async (c, next) => {
    if (!c.req.path.startsWith('/v1/')) return next();
    tenantOf ??= tenantsOfTokens(c.var.deps.verifyToken);
    const tenant = await tenantOf(bearerToken(c));
    const ip = tenant ? undefined : sourceIp(c.env);
    const wait = tenant ? tenants.take(tenant) : ip ? addresses.take(ip) : 0;
    if (wait === 0) return next();
    c.header('Retry-After', String(Math.max(1, Math.ceil(wait))));
    return problem(
      c,
      429,
      tenant
        ? 'Your organisation is sending requests too fast; retry after the time given'
        : 'Too many requests from this address; retry after the time given',
    );
  };
}

/** Tokens already verified, and their tenant until the token expires: a client sends one token many times. */
const MAX_REMEMBERED_TOKENS = 1_000;

function tenantsOfTokens(verify: AppEnv['Variables']['deps']['verifyToken']) {
  const known = new Map<string, { tenant?: string; until: number }>();
  return async (token: string | undefined): Promise<string | undefined> => {
    if (!token) return undefined;
    const remembered = known.get(token);
    if (remembered && remembered.until > Date.now()) return remembered.tenant;
    let tenant: string | undefined;
    let until = Date.now() + 60_000;
    try {
      const claims = await verify(token);
      const claimed = claims[TENANCY_CLAIMS.tenant];
      tenant = typeof claimed === 'string' && claimed ? claimed : undefined;
      if (typeof claims.exp === 'number') until = Math.min(until, claims.exp * 1000);
    } catch {
      // Not a valid token: limited by address here, refused by the route's own check.
    }
    if (known.size >= MAX_REMEMBERED_TOKENS) known.clear();
    known.set(token, { ...(tenant ? { tenant } : {}), until });
    return tenant;
  };
}
