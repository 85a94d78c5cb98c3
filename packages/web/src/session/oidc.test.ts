import { createHash } from 'node:crypto';
import { type CryptoKey, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { OidcError, oidcClient, type SignInFlow } from './oidc.ts';

/** A Keycloak-shaped provider: everything under the realm, nothing at Cognito's paths. */
const issuer = 'https://sso.example.cn/realms/shegong';
const endpoints = {
  authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
  token_endpoint: `${issuer}/protocol/openid-connect/token`,
  end_session_endpoint: `${issuer}/protocol/openid-connect/logout`,
  jwks_uri: `${issuer}/protocol/openid-connect/certs`,
};
const redirectUri = 'https://app.example.cn/auth/callback';
let key: CryptoKey;

beforeAll(async () => {
  key = (await generateKeyPair('RS256')).privateKey;
});

const idToken = (nonce: string, iss = issuer) =>
  new SignJWT({ nonce })
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(iss)
    .setAudience('web')
    .setSubject('user-1')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(key);

/** The provider: discovery, and a token endpoint that checks what the client sends before answering. */
function provider(options: { discovery?: 'down'; token?: (form: URLSearchParams) => Promise<Response> } = {}) {
  const asked: string[] = [];
  const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    asked.push(`${request.method} ${request.url}`);
    if (request.url === `${issuer}/.well-known/openid-configuration`) {
      return options.discovery === 'down'
        ? new Response('down', { status: 503 })
        : Response.json({ issuer, ...endpoints });
    }
    if (request.url === endpoints.token_endpoint && options.token) {
      return options.token(new URLSearchParams(await request.text()));
    }
    return new Response('not found', { status: 404 });
  }) as typeof fetch;
  return { fetcher, asked };
}

const tokens = async (nonce: string, iss = issuer) =>
  Response.json({ id_token: await idToken(nonce, iss), access_token: 'a', token_type: 'Bearer' });

async function started(fetcher: typeof fetch) {
  const client = oidcClient({ issuer, clientId: 'web', fetch: fetcher });
  const { url, flow } = await client.start({ redirectUri, locale: 'zh-CN' });
  return { client, url: new URL(url), flow };
}

const callback = (flow: SignInFlow, query: Record<string, string> = {}) =>
  new URL(`${redirectUri}?${new URLSearchParams({ code: 'c1', state: flow.state, ...query })}`);

describe('oidcClient', () => {
  it('discovers the endpoints once and sends the browser there with state, nonce and an S256 challenge', async () => {
    const { fetcher, asked } = provider();
    const { client, url, flow } = await started(fetcher);
    expect(`${url.origin}${url.pathname}`).toBe(endpoints.authorization_endpoint);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'web',
      redirect_uri: redirectUri,
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: createHash('sha256').update(flow.verifier).digest('base64url'),
      code_challenge_method: 'S256',
      ui_locales: 'zh-CN',
    });
    expect(url.searchParams.get('scope')?.split(' ')).toContain('openid');
    const second = await client.start({ redirectUri, locale: 'en' });
    expect(second.flow.state).not.toBe(flow.state);
    expect(second.flow.verifier).not.toBe(flow.verifier);
    expect(asked).toEqual([`GET ${issuer}/.well-known/openid-configuration`]);
  });

  it('tries discovery again after a failure', async () => {
    let down = true;
    const { fetcher: up } = provider();
    const { fetcher: broken } = provider({ discovery: 'down' });
    const client = oidcClient({
      issuer,
      clientId: 'web',
      fetch: ((input: string | URL | Request, init?: RequestInit) => (down ? broken : up)(input, init)) as typeof fetch,
    });
    await expect(client.start({ redirectUri, locale: 'en' })).rejects.toMatchObject({ reason: 'unavailable' });
    down = false;
    expect((await client.start({ redirectUri, locale: 'en' })).url).toContain(endpoints.authorization_endpoint);
  });

  it('redeems the code with the PKCE verifier and returns the ID token whose nonce is the flow’s', async () => {
    let flow: SignInFlow | undefined;
    const { fetcher } = provider({
      token: async (form) => {
        expect(Object.fromEntries(form)).toEqual({
          grant_type: 'authorization_code',
          client_id: 'web',
          code: 'c1',
          redirect_uri: redirectUri,
          code_verifier: flow?.verifier,
        });
        return tokens(flow?.nonce ?? '');
      },
    });
    const run = await started(fetcher);
    flow = run.flow;
    const token = await run.client.finish(callback(flow), flow, redirectUri);
    expect(token.split('.')).toHaveLength(3);
  });

  it.each([
    ['an ID token with another nonce', (flow: SignInFlow) => callback(flow), () => tokens('someone-elses')],
    [
      'an ID token from another issuer',
      (flow: SignInFlow) => callback(flow),
      (n: string) => tokens(n, 'https://evil.test'),
    ],
    ['an answer carrying another state', (flow: SignInFlow) => callback(flow, { state: 'forged' }), tokens],
    [
      'a token endpoint that refuses the code',
      (flow: SignInFlow) => callback(flow),
      async () => Response.json({ error: 'invalid_grant' }, { status: 400 }),
    ],
  ])('rejects %s', async (_, answer, token) => {
    let nonce = '';
    const { fetcher } = provider({ token: () => token(nonce) });
    const run = await started(fetcher);
    nonce = run.flow.nonce;
    const error = await run.client.finish(answer(run.flow), run.flow, redirectUri).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OidcError);
    expect(error).toMatchObject({ reason: 'rejected' });
  });

  it('tells a refusal by the provider (error=access_denied) apart', async () => {
    const { fetcher, asked } = provider();
    const run = await started(fetcher);
    const answer = callback(run.flow, { error: 'access_denied' });
    answer.searchParams.delete('code');
    await expect(run.client.finish(answer, run.flow, redirectUri)).rejects.toMatchObject({ reason: 'refused' });
    expect(asked.some((line) => line.includes('/token'))).toBe(false);
  });

  it('builds the provider’s logout address, or none when it has no end_session_endpoint', async () => {
    const { fetcher } = provider();
    const client = oidcClient({ issuer, clientId: 'web', fetch: fetcher });
    const url = new URL((await client.endSessionUrl('https://app.example.cn/')) ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(endpoints.end_session_endpoint);
    expect(url.searchParams.get('client_id')).toBe('web');
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe('https://app.example.cn/');
    const bare = oidcClient({
      issuer,
      clientId: 'web',
      authorizationEndpoint: endpoints.authorization_endpoint,
      tokenEndpoint: endpoints.token_endpoint,
    });
    expect(await bare.endSessionUrl('https://app.example.cn/')).toBeUndefined();
  });
});
