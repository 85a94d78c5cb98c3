import { createHash, randomBytes } from 'node:crypto';

/** Something that answers fetch-style calls: global fetch, or a Hono app's `request`. */
export type Fetcher = (url: string, init?: RequestInit) => Response | Promise<Response>;

export interface CodeFlowOptions {
  issuer: string;
  clientId: string;
  redirectUri: string;
  email: string;
  password: string;
}

export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizationQuery(options: CodeFlowOptions, challenge: string, extra: Record<string, string> = {}) {
  return new URLSearchParams({
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    response_type: 'code',
    scope: 'openid email profile',
    state: 'state-1',
    nonce: 'nonce-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
}

/** Posts the sign-in form as a browser would; answers the redirect's code (or the response). */
export async function signInForCode(fetcher: Fetcher, options: CodeFlowOptions, challenge: string) {
  const form = authorizationQuery(options, challenge);
  form.set('email', options.email);
  form.set('password', options.password);
  const response = await fetcher(`${options.issuer}/authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  const location = response.headers.get('Location');
  const code = location ? (new URL(location).searchParams.get('code') ?? undefined) : undefined;
  return { response, location, code };
}

export function redeem(
  fetcher: Fetcher,
  options: CodeFlowOptions,
  code: string,
  verifier: string,
  extra: Record<string, string> = {},
) {
  return fetcher(`${options.issuer}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: options.redirectUri,
      client_id: options.clientId,
      code_verifier: verifier,
      ...extra,
    }).toString(),
  });
}

/** The whole code flow with PKCE: sign in, redeem the code, answer the tokens. */
export async function codeFlow(fetcher: Fetcher, options: CodeFlowOptions) {
  const { verifier, challenge } = pkce();
  const { code, response } = await signInForCode(fetcher, options, challenge);
  if (!code) throw new Error(`sign-in gave no code (status ${response.status})`);
  const tokens = await redeem(fetcher, options, code, verifier);
  if (tokens.status !== 200) throw new Error(`token endpoint said ${tokens.status}: ${await tokens.text()}`);
  return (await tokens.json()) as { id_token: string; access_token: string; token_type: string; expires_in: number };
}
