import { createHash, randomBytes } from 'node:crypto';
import { DEMO_PASSWORD } from '@shegong/local';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { fillSignIn, useBrowserWorld } from './world.ts';

/**
 * Issue 14, China regions: the local system with its issuer in Keycloak's shape (a realm at
 * /realms/shegong, keys at /protocol/openid-connect/certs, nothing at Cognito's
 * /.well-known/jwks.json). The pages find the endpoints and the API finds the keys through the
 * issuer's discovery document only; a person signs in through it in chromium, and the API takes
 * its tokens.
 */
const world = useBrowserWorld({ issuerShape: 'keycloak' });

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint: string;
}

async function discovery(): Promise<Discovery> {
  const response = await fetch(`${world.system.url}/realms/shegong/.well-known/openid-configuration`);
  expect(response.status).toBe(200);
  return (await response.json()) as Discovery;
}

/** The authorization-code flow with PKCE over HTTP, at the endpoints discovery names: an API client's ID token. */
async function tokenFor(email: string): Promise<string> {
  const provider = await discovery();
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = `${world.system.url}/auth/callback`;
  const form = new URLSearchParams({
    client_id: world.system.issuer.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid email profile',
    state: 's',
    nonce: 'n',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    email,
    password: DEMO_PASSWORD,
  });
  const signedIn = await fetch(provider.authorization_endpoint, { method: 'POST', body: form, redirect: 'manual' });
  const code = new URL(signedIn.headers.get('Location') ?? '').searchParams.get('code');
  expect(code).toBeTruthy();
  const tokens = await fetch(provider.token_endpoint, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: code ?? '',
      redirect_uri: redirectUri,
      client_id: world.system.issuer.clientId,
      code_verifier: verifier,
    }),
  });
  expect(tokens.status).toBe(200);
  return ((await tokens.json()) as { id_token: string }).id_token;
}

describe('signing in through a Keycloak-shaped provider', () => {
  it('publishes its keys at the realm’s certs path only', async () => {
    const provider = await discovery();
    const realm = `${world.system.url}/realms/shegong`;
    expect(provider).toMatchObject({
      issuer: realm,
      authorization_endpoint: `${realm}/protocol/openid-connect/auth`,
      token_endpoint: `${realm}/protocol/openid-connect/token`,
      jwks_uri: `${realm}/protocol/openid-connect/certs`,
      end_session_endpoint: `${realm}/protocol/openid-connect/logout`,
    });
    expect(((await (await fetch(provider.jwks_uri)).json()) as { keys: unknown[] }).keys).toHaveLength(1);
    // Where a Cognito-shaped verifier would look, there is nothing.
    for (const path of ['/realms/shegong/.well-known/jwks.json', '/local-idp/.well-known/jwks.json']) {
      expect((await fetch(`${world.system.url}${path}`)).status).toBe(404);
    }
  });

  it('signs a person in and out in the browser', async () => {
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${world.system.url}/auth/login?next=${encodeURIComponent('/org')}`);
    expect(new URL(page.url()).pathname).toBe('/realms/shegong/protocol/openid-connect/auth');
    await fillSignIn(page, 'admin@yangguang.demo');
    expect(new URL(page.url()).pathname).toBe('/org');
    expect(await page.locator('body').textContent()).toContain('港口区阳光社会工作服务中心');

    // Signing out hands over to the provider's logout, which sends the browser back home.
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/' || url.pathname === '/auth/login'),
      page.locator('form.signout button:visible').first().click(),
    ]);
    await page.goto(`${world.system.url}/org`);
    expect(new URL(page.url()).pathname).toBe('/realms/shegong/protocol/openid-connect/auth');
    await context.close();
  });

  it('has the API accept the provider’s tokens, and no one else’s', async () => {
    const token = await tokenFor('admin@yangguang.demo');
    const me = await fetch(`${world.system.url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { email: 'admin@yangguang.demo' }, tenant: { kind: 'org' } });

    // The same claims signed by a key the realm does not publish.
    const [, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const stranger = await generateKeyPair('RS256');
    const kid = (await exportJWK(stranger.publicKey)).n?.slice(0, 8) ?? 'x';
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(stranger.privateKey);
    const refused = await fetch(`${world.system.url}/v1/me`, { headers: { Authorization: `Bearer ${forged}` } });
    expect(refused.status).toBe(401);
  });
});
