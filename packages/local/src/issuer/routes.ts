import { TENANCY_CLAIMS } from '@shegong/core';
import { type AppEnv, authorize } from '@shegong/http';
import { type Context, Hono } from 'hono';
import type { DemoUser } from '../seed/demo-data.ts';
import { SIGNIN_CSS, SIGNIN_JS } from './assets.ts';
import {
  AuthorizationCodes,
  authorizationParams,
  isAllowedRedirect,
  parseAuthorization,
  verifierMatches,
} from './authorization.ts';
import type { LocalIdentityDirectory } from './directory.ts';
import type { IssuerShape } from './issuer.ts';
import type { SigningKey } from './keys.ts';
import { problemPage, signedOutPage, signInPage } from './page.ts';
import { issueTokens } from './tokens.ts';

export interface IssuerRoutesDeps {
  issuer: string;
  clientId: string;
  baseUrl: string;
  /** Where each endpoint lives under the issuer. */
  shape: IssuerShape;
  key: SigningKey;
  directory: LocalIdentityDirectory;
  demoUsers: readonly DemoUser[];
  demoPassword: string;
}

/** Every route of the issuer is public by nature: it is where people without a session go. */
const open = (reason: string) => authorize({ public: true, reason });

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

/**
 * The local OIDC issuer's endpoints: discovery, JWKS, the sign-in page (authorization code with
 * PKCE S256) and the token endpoint, at the paths of its shape (the local one under /local-idp, or
 * Keycloak's under /realms/<realm>). Mounted by the local system only.
 */
export function issuerRoutes(deps: IssuerRoutesDeps) {
  const { issuer, clientId, baseUrl, key, directory, shape } = deps;
  const base = new URL(issuer).pathname.replace(/\/$/, '');
  const codes = new AuthorizationCodes();
  const expected = { clientId, baseUrl };

  const discovery = {
    issuer,
    authorization_endpoint: `${issuer}${shape.authorize}`,
    token_endpoint: `${issuer}${shape.token}`,
    jwks_uri: `${issuer}${shape.jwks}`,
    end_session_endpoint: `${issuer}${shape.logout}`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['public'],
    scopes_supported: ['openid', 'email', 'profile'],
    token_endpoint_auth_methods_supported: ['none'],
    code_challenge_methods_supported: ['S256'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: [
      'iss',
      'aud',
      'sub',
      'email',
      'email_verified',
      'name',
      'iat',
      'exp',
      'auth_time',
      'nonce',
      ...Object.values(TENANCY_CLAIMS),
    ],
  };

  const renderSignIn = (
    c: Context<AppEnv>,
    params: Record<string, string>,
    extra: { email?: string; error?: { zh: string; en: string } } = {},
    status: 200 | 401 | 403 = 200,
  ) =>
    c.html(
      signInPage({
        base,
        action: `${base}${shape.authorize}`,
        params,
        demoUsers: deps.demoUsers,
        demoPassword: deps.demoPassword,
        ...extra,
      }),
      status,
      NO_STORE,
    );

  return new Hono<AppEnv>()
    .get('/.well-known/openid-configuration', open('OIDC discovery describes the issuer and holds no data'), (c) =>
      c.json(discovery),
    )
    .get(shape.jwks, open('public signing keys are public by design'), (c) => c.json({ keys: [key.publicJwk] }))
    .get('/assets/signin.css', open('the sign-in page’s stylesheet'), (c) =>
      c.body(SIGNIN_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=300' }),
    )
    .get('/assets/signin.js', open('the sign-in page’s script'), (c) =>
      c.body(SIGNIN_JS, 200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'public, max-age=300',
      }),
    )
    .get(shape.authorize, open('the sign-in page is where someone without a session signs in'), (c) => {
      const parsed = parseAuthorization(c.req.query(), expected);
      if (!parsed.ok)
        return 'page' in parsed
          ? c.html(problemPage(base, parsed.page), 400, NO_STORE)
          : c.redirect(parsed.redirect, 302);
      return renderSignIn(c, authorizationParams(parsed.request));
    })
    .post(shape.authorize, open('the sign-in form: the e-mail and password are the credential'), async (c) => {
      // A body that is not a readable form (multipart without its boundary) is an empty form: 400.
      const form = strings(await c.req.parseBody().catch(() => ({})));
      const parsed = parseAuthorization(form, expected);
      if (!parsed.ok)
        return 'page' in parsed
          ? c.html(problemPage(base, parsed.page), 400, NO_STORE)
          : c.redirect(parsed.redirect, 303);
      const params = authorizationParams(parsed.request);
      const email = (form.email ?? '').trim().slice(0, 254);
      const result = await directory.authenticate(email, (form.password ?? '').slice(0, 128));
      if ('refused' in result) {
        const error =
          result.refused === 'disabled'
            ? {
                zh: '此账号已停用，请联系所在机构的管理员。',
                en: 'This account has been disabled; ask your organisation’s administrator.',
              }
            : { zh: '邮箱或密码不正确。', en: 'The e-mail address or password is not correct.' };
        return renderSignIn(c, params, { email, error }, result.refused === 'disabled' ? 403 : 401);
      }
      const code = codes.issue({
        request: parsed.request,
        email: result.identity.email,
        authTime: Math.floor(Date.now() / 1000),
      });
      const back = new URL(parsed.request.redirectUri);
      back.searchParams.set('code', code);
      if (parsed.request.state) back.searchParams.set('state', parsed.request.state);
      // 303: the browser follows with a GET, not a repeat of the form post.
      return c.redirect(back.toString(), 303);
    })
    .post(
      shape.token,
      open('clients redeem codes here; the code and its PKCE verifier are the credential'),
      async (c) => {
        const refuse = (error: string, description: string, status: 400 | 401 = 400) =>
          c.json({ error, error_description: description }, status, NO_STORE);
        if (!c.req.header('Content-Type')?.startsWith('application/x-www-form-urlencoded')) {
          return refuse('invalid_request', 'send the parameters as application/x-www-form-urlencoded');
        }
        const form = strings(await c.req.parseBody());
        if (form.grant_type !== 'authorization_code') {
          return refuse('unsupported_grant_type', 'only grant_type=authorization_code is supported');
        }
        if (form.client_id !== clientId) return refuse('invalid_client', 'unknown client_id', 401);
        // Redeeming removes the code whatever follows, so a code is tried once only.
        const grant = form.code ? codes.redeem(form.code) : undefined;
        if (!grant) return refuse('invalid_grant', 'the code is unknown, used or expired');
        if (grant.request.clientId !== form.client_id || grant.request.redirectUri !== form.redirect_uri) {
          return refuse('invalid_grant', 'the code was issued to another client or redirect_uri');
        }
        if (!verifierMatches(form.code_verifier, grant.request.codeChallenge)) {
          return refuse('invalid_grant', 'the code_verifier does not match the code_challenge');
        }
        // Read again: a sign-in disabled since the code was issued gets no tokens.
        const identity = await directory.find(grant.email);
        if (!identity?.enabled) return refuse('invalid_grant', 'this sign-in is no longer enabled');
        const tokens = await issueTokens(key, {
          issuer,
          clientId,
          identity,
          authTime: grant.authTime,
          scope: grant.request.scope,
          ...(grant.request.nonce ? { nonce: grant.request.nonce } : {}),
        });
        return c.json(tokens, 200, NO_STORE);
      },
    )
    .get(shape.logout, open('signing out needs no session; the issuer keeps none of its own'), (c) => {
      // The issuer keeps no session, so signing out here only means going back, where allowed.
      const target = c.req.query('post_logout_redirect_uri');
      if (target && isAllowedReturn(target, baseUrl)) return c.redirect(target, 302);
      return c.html(signedOutPage(base, baseUrl), 200, NO_STORE);
    });
}

/** After signing out, back to any page of the system's own origin (or a loopback address). */
function isAllowedReturn(target: string, baseUrl: string): boolean {
  try {
    const url = new URL(target);
    return isAllowedRedirect(new URL('/auth/callback', url.origin).toString(), baseUrl) && !url.username;
  } catch {
    return false;
  }
}

function strings(body: Record<string, unknown>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
}
