import { describe, expect, it } from 'vitest';
import { oidcClient, pkceChallenge, pkcePair } from './oidc.ts';

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636’s example', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes a fresh pair each time', () => {
    const a = pkcePair();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.challenge).toBe(pkceChallenge(a.verifier));
    expect(pkcePair().verifier).not.toBe(a.verifier);
  });
});

describe('oidcClient', () => {
  it('discovers the endpoints once', async () => {
    let calls = 0;
    const client = oidcClient({
      issuer: 'https://idp.example/pool',
      clientId: 'web',
      fetch: (async (url: string) => {
        calls++;
        expect(url).toBe('https://idp.example/pool/.well-known/openid-configuration');
        return Response.json({
          authorization_endpoint: 'https://idp.example/authorize',
          token_endpoint: 'https://idp.example/token',
        });
      }) as typeof fetch,
    });
    expect(await client.endpoints()).toEqual({
      authorization: 'https://idp.example/authorize',
      token: 'https://idp.example/token',
    });
    await client.endpoints();
    expect(calls).toBe(1);
  });

  it('tries discovery again after a failure', async () => {
    let calls = 0;
    const client = oidcClient({
      issuer: 'https://idp.example',
      clientId: 'web',
      fetch: (async () => {
        calls++;
        return calls === 1
          ? new Response('down', { status: 503 })
          : Response.json({ authorization_endpoint: 'https://idp.example/a', token_endpoint: 'https://idp.example/t' });
      }) as unknown as typeof fetch,
    });
    await expect(client.endpoints()).rejects.toThrow(/503/);
    expect((await client.endpoints()).token).toBe('https://idp.example/t');
  });

  it('asks for a code with PKCE, state and nonce', () => {
    const client = oidcClient({ issuer: 'https://idp.example', clientId: 'web-client' });
    const url = new URL(
      client.authorizationUrl('https://idp.example/oauth2/authorize', {
        redirectUri: 'https://app.example/auth/callback',
        state: 's',
        nonce: 'n',
        challenge: 'c',
        locale: 'zh-CN',
      }),
    );
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'web-client',
      redirect_uri: 'https://app.example/auth/callback',
      scope: 'openid email profile',
      state: 's',
      nonce: 'n',
      code_challenge: 'c',
      code_challenge_method: 'S256',
    });
  });

  it('exchanges the code with a form post', async () => {
    let body = '';
    const client = oidcClient({
      issuer: 'https://idp.example',
      clientId: 'web',
      fetch: (async (_url: string, init: RequestInit) => {
        body = String(init.body);
        return Response.json({ id_token: 'a.b.c', access_token: 'x' });
      }) as unknown as typeof fetch,
    });
    const token = await client.exchange('https://idp.example/token', {
      code: 'the-code',
      redirectUri: 'https://app/cb',
      verifier: 'v',
    });
    expect(token).toBe('a.b.c');
    expect(Object.fromEntries(new URLSearchParams(body))).toEqual({
      grant_type: 'authorization_code',
      client_id: 'web',
      code: 'the-code',
      redirect_uri: 'https://app/cb',
      code_verifier: 'v',
    });
  });
});
