import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** The cookies the pages use; all httpOnly, SameSite=Lax, Path=/. */
const NAMES = {
  /** The page session's random secret (the session itself is kept server-side). */
  session: 'sg_session',
  /** The double-submit CSRF token. */
  csrf: 'sg_csrf',
  /** state, nonce and PKCE verifier of a sign-in in progress (10 minutes). */
  auth: 'sg_auth',
  /** A one-off result to show after a redirect (post-redirect-get). */
  flash: 'sg_flash',
} as const;
export type CookieName = keyof typeof NAMES;

/**
 * Behind HTTPS every cookie gets the `__Host-` prefix, so the browser insists on Secure, Path=/
 * and no Domain: a neighbouring sub-domain cannot plant a session or a CSRF token.
 */
export class PageCookies {
  constructor(readonly secure: boolean) {}

  /** The cookie's name as the browser sees it. */
  name(cookie: CookieName): string {
    return this.secure ? `__Host-${NAMES[cookie]}` : NAMES[cookie];
  }

  get(c: Context, cookie: CookieName): string | undefined {
    return getCookie(c, NAMES[cookie], this.secure ? 'host' : undefined) || undefined;
  }

  /** Without maxAge the cookie lasts for the browser session. */
  set(c: Context, cookie: CookieName, value: string, maxAge?: number): void {
    setCookie(c, NAMES[cookie], value, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      ...(this.secure ? { prefix: 'host' as const, secure: true } : {}),
      ...(maxAge !== undefined ? { maxAge } : {}),
    });
  }

  clear(c: Context, cookie: CookieName): void {
    deleteCookie(c, NAMES[cookie], {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      ...(this.secure ? { prefix: 'host' as const, secure: true } : {}),
    });
  }
}
