import { asRefusal, Forbidden, type RefusalKind, TenantSuspended } from '@shegong/core';
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { PageEnv } from '../../env.ts';
import { UnreadableForm } from '../../forms/form.ts';
import { currentPath, safeNext } from '../../session/next.ts';
import { errorPage, suspendedPage } from './pages.tsx';

/** A form post that failed the CSRF checks: a 403 page, and nothing was written. */
export class CsrfRejected extends Forbidden {
  constructor() {
    super('This form could not be confirmed as coming from this site', { reason: 'csrf' });
  }
}

/** The API paths keep their problem+json answers; everything else is a page. */
export function isApiPath(path: string): boolean {
  return path === '/v1' || path.startsWith('/v1/');
}

/**
 * The status of each kind of refusal a page did not handle itself: the one place the core's
 * refusals become pages. A page has no If-Match, so a stale version is a conflict (409).
 */
const STATUS: Record<RefusalKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  stale: 409,
  refused: 422,
  unsupported: 501,
};

function statusOf(error: Error): ContentfulStatusCode {
  const refusal = asRefusal(error);
  if (refusal) return STATUS[refusal.kind];
  if (error instanceof HTTPException) return error.status as ContentfulStatusCode;
  return 500;
}

/** Where to come back after signing in: this page, or for a form post the page that sent it. */
function returnPath(c: Context): string {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return safeNext(currentPath(c.req.url));
  const referer = c.req.header('Referer');
  if (referer) {
    try {
      const url = new URL(referer);
      if (url.origin === new URL(c.req.url).origin) return safeNext(`${url.pathname}${url.search}`);
    } catch {
      // not a URL: go home
    }
  }
  return '/';
}

/**
 * The app's onError has already answered the error (it runs inside Hono's compose); on a page
 * this middleware replaces that answer: no session → to sign-in (303), forbidden → a 403 page, not
 * found (another tenant's object too) → a 404 page, anything else → an error page with the
 * request id.
 */
export const pageErrors: MiddlewareHandler<PageEnv> = async (c, next) => {
  await next();
  const error = c.error;
  if (!error || isApiPath(c.req.path)) return;
  const status = statusOf(error);
  if (error instanceof TenantSuspended) {
    // Its session has ended (openPageSession): the cookie goes too.
    if (c.var.pages?.cookies.get(c, 'session')) c.var.pages.cookies.clear(c, 'session');
    c.res = await suspendedPage(c, error);
    return;
  }
  if (status === 401) {
    const pages = c.var.pages;
    if (pages?.cookies.get(c, 'session')) pages.cookies.clear(c, 'session');
    c.header('Content-Type', undefined);
    c.res = c.redirect(`/auth/login?next=${encodeURIComponent(returnPath(c))}`, 303);
    return;
  }
  const kind =
    error instanceof CsrfRejected
      ? 'csrf'
      : error instanceof UnreadableForm
        ? 'unreadableForm'
        : status === 403
          ? 'forbidden'
          : status === 404
            ? 'notFound'
            : status >= 500
              ? 'server'
              : 'problem';
  c.res = await errorPage(c, status, kind);
  // A refusal that passes with time (another try of the same form still in flight) says when.
  const retryAfter = asRefusal(error)?.retryAfter;
  if (retryAfter !== undefined) c.res.headers.set('Retry-After', String(retryAfter));
};
