import {
  type AccessPolicy,
  checkAccess,
  contextOf,
  type MemberPolicy,
  markAccess,
  openPageSession,
  type Session,
} from '@shegong/core';
import type { Context, MiddlewareHandler } from 'hono';
import type { PageEnv, TokenSource } from '../env.ts';

/** The member behind the session cookie, set on the context as the handlers use it. */
export async function authenticatePage(c: Context<PageEnv>, source: TokenSource): Promise<Session> {
  return admitted(c, await openPageSession(c.var.deps, source(c)));
}

/** Sets a member's session on the context, as the handlers use it. */
export function admitted(c: Context<PageEnv>, session: Session): Session {
  c.set('principal', session.principal);
  c.set('repos', session.repos);
  c.set('user', session.user);
  c.set('tenant', session.tenant);
  c.set('ctx', contextOf(c.var.deps, session));
  return session;
}

/**
 * Every page route declares who may open it (the core's policies, as on the API). The middleware
 * admits the member the policy allows and marks the route, so the isolation matrix finds its
 * policy like the API's.
 */
export function pageAccess(policy: Extract<AccessPolicy, { public: true }>): MiddlewareHandler<PageEnv>;
export function pageAccess(policy: MemberPolicy, session: TokenSource): MiddlewareHandler<PageEnv>;
export function pageAccess(policy: AccessPolicy, session?: TokenSource): MiddlewareHandler<PageEnv> {
  const middleware: MiddlewareHandler<PageEnv> = async (c, next) => {
    if ('public' in policy || !session) return next();
    const { principal } = await authenticatePage(c, session);
    checkAccess(policy, principal);
    return next();
  };
  return markAccess(middleware, policy);
}
