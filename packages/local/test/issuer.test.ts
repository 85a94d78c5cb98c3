import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessPolicyOf, createTokenVerifier, SignInExists, TENANCY_CLAIMS } from '@shegong/core';
import { GetCommand, Store } from '@shegong/store';
import { Hono } from 'hono';
import { createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLocalIssuer, type LocalIssuer } from '../src/issuer/issuer.ts';
import { ensureTable } from '../src/table.ts';
import { type CodeFlowOptions, codeFlow, type Fetcher, pkce, redeem, signInForCode } from './code-flow.ts';

const BASE = 'http://localhost:3999';
const TENANT = '4b7e1f0a-2c3d-4e5f-8a9b-0c1d2e3f4a5b';
const PASSWORD = 'Correct-Horse-42';
const store = new Store({ tableName: 'local-issuer', endpoint: inject('dynamoEndpoint') });
const keyDir = mkdtempSync(join(tmpdir(), 'shegong-issuer-'));
const keyFile = join(keyDir, 'issuer-key.json');

let issuer: LocalIssuer;
let fetcher: Fetcher;
let flow: CodeFlowOptions;
let userId: string;

beforeAll(async () => {
  await ensureTable(store);
  issuer = await createLocalIssuer({ baseUrl: BASE, store, keyFile });
  // Mounted as the local system mounts it, so URLs are the ones discovery publishes.
  const host = new Hono().route('/local-idp', issuer.app);
  fetcher = (url, init) => host.request(url, init);
  ({ userId } = await issuer.directory.createUser({
    email: 'Li.Na@Example.cn',
    name: '李娜',
    password: PASSWORD,
    tenantId: TENANT,
    kind: 'org',
    roles: ['admin', 'hr'],
    region: '450602',
  }));
  flow = {
    issuer: issuer.issuer,
    clientId: issuer.clientId,
    redirectUri: `${BASE}/auth/callback`,
    email: 'li.na@example.cn',
    password: PASSWORD,
  };
});

afterAll(() => rmSync(keyDir, { recursive: true, force: true }));

describe('discovery', () => {
  it('publishes the endpoints, code flow with PKCE S256 and RS256', async () => {
    const response = await fetcher(`${BASE}/local-idp/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      issuer: `${BASE}/local-idp`,
      authorization_endpoint: `${BASE}/local-idp/authorize`,
      token_endpoint: `${BASE}/local-idp/token`,
      jwks_uri: `${BASE}/local-idp/.well-known/jwks.json`,
      end_session_endpoint: `${BASE}/local-idp/logout`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: ['RS256'],
    });
  });

  it('publishes the public key only', async () => {
    const { keys } = (await (await fetcher(`${BASE}/local-idp/.well-known/jwks.json`)).json()) as JSONWebKeySet;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
    expect(keys[0]).not.toHaveProperty('d');
    expect(keys[0]).not.toHaveProperty('p');
  });

  it('declares an access policy (public) as the first handler of every route', () => {
    const first = new Map<string, unknown>();
    for (const route of issuer.app.routes) {
      const key = `${route.method} ${route.path}`;
      if (!first.has(key)) first.set(key, route.handler);
    }
    expect(first.size).toBeGreaterThanOrEqual(8);
    for (const [route, handler] of first) expect(accessPolicyOf(handler), route).toMatchObject({ public: true });
  });

  it('shows a sign-in page with the demo users and its own stylesheet', async () => {
    const { challenge } = pkce();
    const query = new URLSearchParams({
      client_id: flow.clientId,
      redirect_uri: flow.redirectUri,
      response_type: 'code',
      scope: 'openid',
      state: 's',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const page = await fetcher(`${BASE}/local-idp/authorize?${query}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('仅存在于本地系统');
    expect(html).toContain('admin@yangguang.demo');
    expect(html).toContain('Shegong-Demo-2026');
    expect(html).toContain('href="/local-idp/assets/signin.css"');
    expect(html).not.toMatch(/<style|style=|<script>/);
    const css = await fetcher(`${BASE}/local-idp/assets/signin.css`);
    expect(css.headers.get('Content-Type')).toContain('text/css');
  });
});

describe('authorization code flow with PKCE', () => {
  it('gives an ID token that the API’s verifier accepts, with the tenancy claims', async () => {
    const tokens = await codeFlow(fetcher, flow);
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const verify = createTokenVerifier({ issuer: issuer.issuer, audience: issuer.clientId, keySet: issuer.keySet });
    const claims = await verify(tokens.id_token);
    expect(claims).toMatchObject({
      iss: `${BASE}/local-idp`,
      aud: 'shegong-local',
      sub: userId,
      email: 'li.na@example.cn',
      name: '李娜',
      nonce: 'nonce-1',
      [TENANCY_CLAIMS.tenant]: TENANT,
      [TENANCY_CLAIMS.kind]: 'org',
      [TENANCY_CLAIMS.roles]: 'admin,hr',
      [TENANCY_CLAIMS.region]: '450602',
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
    expect(decodeProtectedHeader(tokens.id_token)).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    // The access token verifies the same way; so do both against the published JWKS.
    await expect(verify(tokens.access_token)).resolves.toMatchObject({ sub: userId });
    const jwks = (await (await fetcher(`${BASE}/local-idp/.well-known/jwks.json`)).json()) as JSONWebKeySet;
    const published = createTokenVerifier({
      issuer: issuer.issuer,
      audience: issuer.clientId,
      keySet: createLocalJWKSet(jwks),
    });
    await expect(published(tokens.id_token)).resolves.toMatchObject({ sub: userId });
  });

  it('redirects with the code and the state to the callback', async () => {
    const { challenge } = pkce();
    const { response, location } = await signInForCode(fetcher, flow, challenge);
    expect(response.status).toBe(303);
    const url = new URL(location ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(flow.redirectUri);
    expect(url.searchParams.get('state')).toBe('state-1');
    expect(url.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('answers a wrong password with the form and an error, and no code', async () => {
    const { challenge } = pkce();
    const wrong = await signInForCode(fetcher, { ...flow, password: 'Wrong-Horse-42' }, challenge);
    expect(wrong.response.status).toBe(401);
    expect(wrong.location).toBeNull();
    const html = await wrong.response.text();
    expect(html).toContain('邮箱或密码不正确');
    expect(html).toContain('<form');
    // An unknown address gets the very same answer: no hint whether an address exists.
    const unknown = await signInForCode(fetcher, { ...flow, email: 'nobody@example.cn' }, challenge);
    expect(unknown.response.status).toBe(401);
    expect(unknown.location).toBeNull();
    expect(await unknown.response.text()).toContain('邮箱或密码不正确');
  });

  it('refuses a code used twice', async () => {
    const { verifier, challenge } = pkce();
    const { code } = await signInForCode(fetcher, flow, challenge);
    expect((await redeem(fetcher, flow, code ?? '', verifier)).status).toBe(200);
    const again = await redeem(fetcher, flow, code ?? '', verifier);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a wrong PKCE verifier, and the code is spent by the attempt', async () => {
    const { verifier, challenge } = pkce();
    const { code } = await signInForCode(fetcher, flow, challenge);
    const wrong = await redeem(fetcher, flow, code ?? '', pkce().verifier);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await redeem(fetcher, flow, code ?? '', verifier)).status).toBe(400);
  });

  it('refuses a code redeemed for another redirect_uri or client', async () => {
    const { verifier, challenge } = pkce();
    const first = await signInForCode(fetcher, flow, challenge);
    const otherUri = await redeem(fetcher, flow, first.code ?? '', verifier, {
      redirect_uri: 'http://localhost:4000/auth/callback',
    });
    expect(otherUri.status).toBe(400);
    const second = await signInForCode(fetcher, flow, challenge);
    const otherClient = await redeem(fetcher, flow, second.code ?? '', verifier, { client_id: 'someone-else' });
    expect(otherClient.status).toBe(401);
  });

  it('refuses a redirect_uri on another origin, without redirecting there', async () => {
    const { challenge } = pkce();
    const evil = { ...flow, redirectUri: 'https://evil.example/auth/callback' };
    const query = new URLSearchParams({
      client_id: evil.clientId,
      redirect_uri: evil.redirectUri,
      response_type: 'code',
      scope: 'openid',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const page = await fetcher(`${BASE}/local-idp/authorize?${query}`);
    expect(page.status).toBe(400);
    expect(page.headers.get('Location')).toBeNull();
    expect(await page.text()).toContain('返回地址不被允许');
    const posted = await signInForCode(fetcher, evil, challenge);
    expect(posted.response.status).toBe(400);
    expect(posted.code).toBeUndefined();
  });

  it('refuses a request without PKCE, back at the client', async () => {
    const query = new URLSearchParams({
      client_id: flow.clientId,
      redirect_uri: flow.redirectUri,
      response_type: 'code',
      scope: 'openid',
      state: 'x',
    });
    const response = await fetcher(`${BASE}/local-idp/authorize?${query}`);
    expect(response.status).toBe(302);
    const back = new URL(response.headers.get('Location') ?? '');
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it('answers a sign-in post whose multipart body cannot be read with its 400 page, not a 500', async () => {
    const response = await fetcher(`${BASE}/local-idp/authorize`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data' },
      body: '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nli.na@example.cn\r\n--x--\r\n',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
  });
});

describe('the issuer’s user records', () => {
  it('does not let a disabled user sign in, nor redeem a code issued before', async () => {
    const { verifier, challenge } = pkce();
    const before = await signInForCode(fetcher, flow, challenge);
    await issuer.directory.setEnabled('li.na@example.cn', false);
    try {
      const refused = await signInForCode(fetcher, flow, challenge);
      expect(refused.response.status).toBe(403);
      expect(refused.code).toBeUndefined();
      expect(await refused.response.text()).toContain('此账号已停用');
      expect((await redeem(fetcher, flow, before.code ?? '', verifier)).status).toBe(400);
    } finally {
      await issuer.directory.setEnabled('li.na@example.cn', true);
    }
    await expect(codeFlow(fetcher, flow)).resolves.toHaveProperty('id_token');
  });

  it('stores an scrypt hash, never the password', async () => {
    const { Item } = await store.client.send(
      new GetCommand({ TableName: store.tableName, Key: { pk: 'IDP#li.na@example.cn', sk: 'IDP' } }),
    );
    expect(Item?.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(JSON.stringify(Item)).not.toContain(PASSWORD);
  });

  it('creates a sign-in once per e-mail and tenant; another tenant is refused', async () => {
    const again = await issuer.directory.createUser({
      email: 'li.na@example.cn',
      name: '李娜',
      password: 'Another-Pass-99',
      tenantId: TENANT,
      kind: 'org',
      roles: ['admin'],
      region: '450602',
    });
    expect(again.userId).toBe(userId);
    // The retry did not change the password.
    await expect(codeFlow(fetcher, flow)).resolves.toHaveProperty('id_token');
    await expect(
      issuer.directory.createUser({
        email: 'LI.NA@example.cn',
        name: '李娜',
        password: PASSWORD,
        tenantId: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
        kind: 'org',
        roles: ['admin'],
        region: '450681',
      }),
    ).rejects.toBeInstanceOf(SignInExists);
  });

  it('puts changed roles into the next token', async () => {
    await issuer.directory.updateRoles('li.na@example.cn', ['finance']);
    const tokens = await codeFlow(fetcher, flow);
    const claims = await createTokenVerifier({
      issuer: issuer.issuer,
      audience: issuer.clientId,
      keySet: issuer.keySet,
    })(tokens.id_token);
    expect(claims[TENANCY_CLAIMS.roles]).toBe('finance');
    await issuer.directory.updateRoles('li.na@example.cn', ['admin', 'hr']);
  });

  it('keeps its signing key in the key file, so tokens survive a restart', async () => {
    const tokens = await codeFlow(fetcher, flow);
    const restarted = await createLocalIssuer({ baseUrl: BASE, store, keyFile });
    const verify = createTokenVerifier({
      issuer: restarted.issuer,
      audience: restarted.clientId,
      keySet: restarted.keySet,
    });
    await expect(verify(tokens.id_token)).resolves.toMatchObject({ sub: userId });
    const file = JSON.parse(readFileSync(keyFile, 'utf8'));
    expect(file.kid).toBe(decodeProtectedHeader(tokens.id_token).kid);
    // Another issuer (another key) is not trusted.
    const stranger = await createLocalIssuer({ baseUrl: BASE, store });
    const strangerVerify = createTokenVerifier({
      issuer: stranger.issuer,
      audience: stranger.clientId,
      keySet: stranger.keySet,
    });
    await expect(strangerVerify(tokens.id_token)).rejects.toThrow();
  });
});
