/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { endPageSession, InvalidToken, startPageSession, TenantSuspended, Unauthenticated } from '@shegong/core';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { PageEnv } from '../env.ts';
import { render } from '../layout/render.ts';
import { PublicPage } from '../layout/shell.tsx';
import { errorPage, suspendedPage } from '../pages/errors/pages.tsx';
import { admitted, pageAccess } from './access.ts';
import { safeNext } from './next.ts';
import { OidcError } from './oidc.ts';

const PUBLIC = { public: true, reason: 'signing in and out happens before and after a session exists' } as const;

/** The sign-in in progress, kept in the short-lived `auth` cookie between login and callback. */
const Flow = z.object({ state: z.string(), nonce: z.string(), verifier: z.string(), next: z.string() });
type Flow = z.infer<typeof Flow>;
const FLOW_SECONDS = 600;

function readFlow(raw: string | undefined): Flow | undefined {
  if (!raw) return undefined;
  try {
    const parsed = Flow.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Our callback's address, from the request (the same origin the cookies were set on). */
function redirectUri(c: Context): string {
  return `${new URL(c.req.url).origin}/auth/callback`;
}

/**
 * Sign-in is the OpenID Connect authorization-code flow with PKCE, against the configured
 * issuer (Cognito's managed login in AWS, the local issuer on a laptop). The ID token, checked by
 * the app's one verifier, starts a server-side session whose random secret is the cookie; every
 * page reads the session and the member's records again, so a sign-out, a disabled user, a changed
 * role or a suspended organisation counts at once.
 */
export const authRoutes = new Hono<PageEnv>()
  .get('/auth/login', pageAccess(PUBLIC), async (c) => {
    const { oidc, cookies } = c.var.pages;
    let started: Awaited<ReturnType<typeof oidc.start>>;
    try {
      started = await oidc.start({ redirectUri: redirectUri(c), locale: c.var.lang });
    } catch (error) {
      if (error instanceof OidcError) return errorPage(c, 503, 'server');
      throw error;
    }
    const flow: Flow = { ...started.flow, next: safeNext(c.req.query('next')) };
    cookies.set(c, 'auth', Buffer.from(JSON.stringify(flow)).toString('base64url'), FLOW_SECONDS);
    c.header('Cache-Control', 'no-store');
    return c.redirect(started.url, 302);
  })
  .get('/auth/callback', pageAccess(PUBLIC), async (c) => {
    const { oidc, cookies } = c.var.pages;
    const flow = readFlow(cookies.get(c, 'auth'));
    cookies.clear(c, 'auth');
    if (!flow) return errorPage(c, 400, 'signIn');
    // The library checks the state first (it ties this answer to the sign-in this browser started:
    // no login CSRF), then redeems the code with the PKCE verifier and checks the ID token's nonce.
    let idToken: string;
    try {
      idToken = await oidc.finish(new URL(c.req.url), flow, redirectUri(c));
    } catch (error) {
      if (error instanceof OidcError) return errorPage(c, 400, error.reason === 'refused' ? 'signInRefused' : 'signIn');
      throw error;
    }
    let claims: Awaited<ReturnType<typeof c.var.deps.verifyToken>>;
    try {
      claims = await c.var.deps.verifyToken(idToken);
    } catch (error) {
      if (error instanceof InvalidToken) return errorPage(c, 400, 'signIn');
      throw error;
    }
    const lifetime = Math.floor((claims.exp ?? 0) - Date.now() / 1000);
    if (lifetime <= 0) return errorPage(c, 400, 'signIn');
    // A token the pages would refuse (no tenant, disabled account, suspended organisation) must not
    // become a session: the provider would sign the user straight back in and the pages would loop.
    let secret: string;
    try {
      const started = await startPageSession(c.var.deps, idToken);
      admitted(c, started.session);
      secret = started.secret;
    } catch (error) {
      if (error instanceof TenantSuspended) return suspendedPage(c, error);
      if (error instanceof Unauthenticated) return errorPage(c, 403, 'inactive');
      throw error;
    }
    cookies.set(c, 'session', secret, lifetime);
    c.header('Cache-Control', 'no-store');
    return c.redirect(safeNext(flow.next), 303);
  })
  .post('/auth/logout', pageAccess(PUBLIC), async (c) => {
    const { oidc, cookies, sessionToken } = c.var.pages;
    // The session is deleted, not only forgotten by this browser: a copy of the cookie opens nothing.
    await endPageSession(c.var.deps, sessionToken(c));
    cookies.clear(c, 'session');
    const endSession = await oidc.endSessionUrl(`${new URL(c.req.url).origin}/`);
    // A redirect straight to the provider would be blocked by the CSP's form-action 'self';
    // a page of ours hands over to it instead.
    return c.redirect(endSession ? '/auth/signed-out' : '/', 303);
  })
  .get('/auth/signed-out', pageAccess(PUBLIC), async (c) => {
    const { oidc } = c.var.pages;
    const m = c.var.m;
    const target = await oidc.endSessionUrl(`${new URL(c.req.url).origin}/`);
    if (!target) return c.redirect('/', 303);
    return render(
      c,
      <PublicPage c={c} title={m.signedOut.title} refreshTo={target}>
        <div class="status-page">
          <h1>{m.signedOut.title}</h1>
          <p>{m.signedOut.provider}</p>
          <div class="actions">
            <a class="btn btn-primary" href={target}>
              {m.signedOut.continue}
            </a>
          </div>
        </div>
      </PublicPage>,
    );
  });

/** The session cookie's secret, as `pageAccess` reads it on page routes (anything else shaped is none). */
export function sessionTokenSource(cookies: { get(c: Context, name: 'session'): string | undefined }) {
  return (c: Context) => {
    const secret = cookies.get(c, 'session');
    return secret && /^[A-Za-z0-9_-]{43}$/.test(secret) ? secret : undefined;
  };
}
