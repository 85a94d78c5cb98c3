import type { MiddlewareHandler } from 'hono';
import type { PageEnv, PageServices } from '../env.ts';
import { formBody } from '../forms/form.ts';
import { langOf, messagesFor } from '../i18n/index.ts';
import { fromSameOrigin, isTokenShaped, randomToken, sameSecret } from '../security/csrf.ts';
import { CsrfRejected, isApiPath } from './errors/middleware.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** The origins a form may be posted from: this request's, and the configured public one. */
function allowedOrigins(requestUrl: string, publicBaseUrl: string): string[] {
  const origins = [new URL(requestUrl).origin];
  try {
    if (publicBaseUrl) origins.push(new URL(publicBaseUrl).origin);
  } catch {
    // an unset or malformed public URL adds nothing
  }
  return origins;
}

/**
 * What every page request gets before its route: the language and its messages, a CSRF token
 * (made and set as a cookie on first visit), and for a form post the two CSRF checks — the
 * request comes from our own origin, and the form's `_csrf` equals the cookie (double submit).
 */
export function pageContext(services: PageServices): MiddlewareHandler<PageEnv> {
  return async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    const lang = langOf(c);
    c.set('pages', services);
    c.set('lang', lang);
    c.set('m', messagesFor(lang));
    const cookieToken = services.cookies.get(c, 'csrf');
    let token = cookieToken;
    if (!isTokenShaped(token)) {
      token = randomToken();
      // Assets are cacheable and carry no forms: no cookie on them.
      if (!c.req.path.startsWith('/assets/')) services.cookies.set(c, 'csrf', token);
    }
    c.set('csrfToken', token);
    if (!SAFE_METHODS.has(c.req.method)) {
      if (!fromSameOrigin(c, allowedOrigins(c.req.url, c.var.deps.publicBaseUrl))) throw new CsrfRejected();
      if (!FORM_TYPES.test(c.req.header('Content-Type') ?? '')) throw new CsrfRejected();
      const body = await formBody(c);
      const posted = typeof body._csrf === 'string' ? body._csrf : undefined;
      if (!isTokenShaped(cookieToken) || !sameSecret(posted, cookieToken)) throw new CsrfRejected();
    }
    await next();
  };
}
