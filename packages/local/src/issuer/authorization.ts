import { createHash, randomBytes } from 'node:crypto';

/** What a client asked for at /authorize, once checked. */
export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  scope: string;
  codeChallenge: string;
  state?: string;
  nonce?: string;
}

/** A problem told on the issuer's own page: the return address cannot be trusted with it. */
export interface PageError {
  zh: string;
  en: string;
}

export type ParsedAuthorization =
  | { ok: true; request: AuthorizationRequest }
  | { ok: false; page: PageError }
  | { ok: false; redirect: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const CALLBACK_PATH = '/auth/callback';

/**
 * Codes go only to the pages' callback, on the system's own origin or a loopback address (tests
 * run the pages on a port of their own). Anything else could carry a code off the machine.
 */
export function isAllowedRedirect(redirectUri: string, baseUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return false;
  }
  if (url.pathname !== CALLBACK_PATH || url.hash || url.username || url.password) return false;
  if (url.origin === new URL(baseUrl).origin) return true;
  return url.protocol === 'http:' && LOOPBACK.has(url.hostname);
}

/** Checks an authorization request (the query of GET /authorize, or the form that repeats it). */
export function parseAuthorization(
  params: Record<string, string | undefined>,
  expected: { clientId: string; baseUrl: string },
): ParsedAuthorization {
  const { client_id, redirect_uri, response_type, scope, state, nonce, code_challenge, code_challenge_method } = params;
  if (client_id !== expected.clientId) {
    return {
      ok: false,
      page: { zh: '发起登录的应用不被识别。', en: 'The application asking you to sign in is not known here.' },
    };
  }
  if (!redirect_uri || !isAllowedRedirect(redirect_uri, expected.baseUrl)) {
    return {
      ok: false,
      page: { zh: '登录后的返回地址不被允许。', en: 'The address to return to after signing in is not allowed.' },
    };
  }
  // From here on the return address is trusted, so errors go back to the client (RFC 6749 §4.1.2.1).
  const back = (error: string, description: string) => {
    const url = new URL(redirect_uri);
    url.searchParams.set('error', error);
    url.searchParams.set('error_description', description);
    if (state) url.searchParams.set('state', state);
    return { ok: false as const, redirect: url.toString() };
  };
  if (response_type !== 'code') return back('unsupported_response_type', 'only response_type=code is supported');
  if (!scope?.split(' ').includes('openid')) return back('invalid_scope', 'the scope must include openid');
  if (code_challenge_method !== 'S256' || !code_challenge || !/^[A-Za-z0-9_-]{43}$/.test(code_challenge)) {
    return back('invalid_request', 'PKCE with code_challenge_method=S256 is required');
  }
  if ((state && state.length > 512) || (nonce && nonce.length > 512)) {
    return back('invalid_request', 'state and nonce may be at most 512 characters');
  }
  return {
    ok: true,
    request: {
      clientId: client_id,
      redirectUri: redirect_uri,
      scope,
      codeChallenge: code_challenge,
      ...(state ? { state } : {}),
      ...(nonce ? { nonce } : {}),
    },
  };
}

/** The query parameters that repeat a checked request (hidden fields of the sign-in form). */
export function authorizationParams(request: AuthorizationRequest): Record<string, string> {
  return {
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    response_type: 'code',
    scope: request.scope,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
    ...(request.state ? { state: request.state } : {}),
    ...(request.nonce ? { nonce: request.nonce } : {}),
  };
}

/** What a code stands for until it is redeemed. */
export interface Grant {
  request: AuthorizationRequest;
  email: string;
  authTime: number;
}

const CODE_LIFETIME_MS = 60_000;

/**
 * Authorization codes, in memory: single-use (redeeming removes the code, whatever the outcome),
 * valid for 60 seconds. A restart forgets them, which only means signing in once more.
 */
export class AuthorizationCodes {
  private readonly codes = new Map<string, Grant & { expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(grant: Grant): string {
    for (const [code, held] of this.codes) if (held.expiresAt <= this.now()) this.codes.delete(code);
    const code = randomBytes(32).toString('base64url');
    this.codes.set(code, { ...grant, expiresAt: this.now() + CODE_LIFETIME_MS });
    return code;
  }

  redeem(code: string): Grant | undefined {
    const held = this.codes.get(code);
    this.codes.delete(code);
    if (!held || held.expiresAt <= this.now()) return undefined;
    const { expiresAt: _, ...grant } = held;
    return grant;
  }
}

/** PKCE S256 (RFC 7636 §4.6): the verifier's SHA-256, base64url, must equal the challenge. */
export function verifierMatches(verifier: string | undefined, challenge: string): boolean {
  if (!verifier || !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  return createHash('sha256').update(verifier).digest('base64url') === challenge;
}
