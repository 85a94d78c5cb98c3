import { type AccessPolicy, admit, contextOf, markAccess } from '@shegong/core';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';

/** The API's token: `Authorization: Bearer`. */
export function bearerToken(c: Context): string | undefined {
  const header = c.req.header('Authorization');
  const match = header ? /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header) : null;
  return match?.[1];
}

/**
 * Every route declares who may call it (the core's policies). `authorize(policy)` admits the
 * bearer of a verified token that the policy allows and sets what the handlers use; it also marks
 * the route, so the isolation matrix (test/isolation) can fail any route without a policy.
 */
export function authorize(policy: AccessPolicy): MiddlewareHandler<AppEnv> {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if ('public' in policy) {
      // A public route may read the table (an invitation link, the application form). The local
      // issuer's routes are public too, on an app of their own without the API's deps.
      await (c.var.deps as AppEnv['Variables']['deps'] | undefined)?.ready?.();
      return next();
    }
    const session = await admit(c.var.deps, bearerToken(c), policy);
    c.set('principal', session.principal);
    c.set('repos', session.repos);
    c.set('user', session.user);
    c.set('tenant', session.tenant);
    c.set('ctx', contextOf(c.var.deps, session));
    return next();
  };
  return markAccess(middleware, policy);
}
