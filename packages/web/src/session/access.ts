import { type AccessPolicy, type AppEnv, authenticate, authorize, type TokenSource } from '@shegong/http';
import type { Context, MiddlewareHandler } from 'hono';
import type { PageEnv } from '../env.ts';

/**
 * `authorize` from @shegong/http on a page route. It is the very same middleware (its policy
 * mark included, for the isolation matrix); only its type is widened to the pages' environment,
 * which adds variables to the API's (Hono's Context is invariant in its environment).
 */
export function pageAccess(policy: AccessPolicy, session?: TokenSource): MiddlewareHandler<PageEnv> {
  return authorize(policy, session) as unknown as MiddlewareHandler<PageEnv>;
}

/** `authenticate` for a page's context (see pageAccess on the cast). */
export function authenticatePage(c: Context<PageEnv>, source: TokenSource) {
  return authenticate(c as unknown as Context<AppEnv>, source);
}
