import { type CryptoKey, createLocalJWKSet, exportJWK, generateKeyPair, type JWK, SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, InvalidToken, KeysUnavailable } from './token.ts';

const issuer = 'https://issuer.test';
const audience = 'shegong-test';
let key: CryptoKey;
let publicJwk: JWK;
let verify: ReturnType<typeof createTokenVerifier>;

const sign = (
  claims: Record<string, unknown> = {},
  options: { iss?: string; aud?: string; exp?: string | number } = {},
) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(options.iss ?? issuer)
    .setAudience(options.aud ?? audience)
    .setSubject('user-1')
    .setIssuedAt()
    .setExpirationTime(options.exp ?? '1h')
    .sign(key);

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  key = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' };
  verify = createTokenVerifier({ issuer, audience, keySet: createLocalJWKSet({ keys: [publicJwk] }) });
});

describe('createTokenVerifier', () => {
  it('accepts a token signed by the issuer for this audience', async () => {
    const claims = await verify(await sign({ 'custom:tenant_id': 't1' }));
    expect(claims.sub).toBe('user-1');
    expect(claims['custom:tenant_id']).toBe('t1');
  });

  it.each([
    ['another issuer', { iss: 'https://evil.test' }],
    ['another audience', { aud: 'someone-else' }],
    ['an expiry two minutes ago (beyond the one-minute skew)', { exp: Math.floor(Date.now() / 1000) - 120 }],
  ])('refuses a token from %s', async (_, options) => {
    await expect(verify(await sign({}, options))).rejects.toBeInstanceOf(InvalidToken);
  });

  it('refuses alg none', async () => {
    const unsigned = new UnsecuredJWT({})
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime('1h')
      .encode();
    await expect(verify(unsigned)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('refuses a token signed by another key with the same kid', async () => {
    const other = await generateKeyPair('RS256');
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(other.privateKey);
    await expect(verify(forged)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('refuses HS256 signed with the public key as a secret (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const confused = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(secret);
    await expect(verify(confused)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('refuses garbage', async () => {
    await expect(verify('not.a.token')).rejects.toBeInstanceOf(InvalidToken);
  });
});

describe('createTokenVerifier without a key set: keys from the discovery document', () => {
  /** A Keycloak-shaped provider: its keys are not at `<issuer>/.well-known/jwks.json`. */
  const realm = 'https://sso.example.cn/realms/shegong';
  const certs = `${realm}/protocol/openid-connect/certs`;
  const signFor = (iss: string) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(iss)
      .setAudience(audience)
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);

  function provider(document: Record<string, unknown> | 'down') {
    const asked: string[] = [];
    const fetcher = (async (input: string | URL | Request) => {
      const url = input instanceof Request ? input.url : String(input);
      asked.push(url);
      if (url === `${realm}/.well-known/openid-configuration`) {
        return document === 'down' ? new Response('busy', { status: 503 }) : Response.json(document);
      }
      if (url === certs) return Response.json({ keys: [publicJwk] });
      return new Response('not found', { status: 404 });
    }) as typeof fetch;
    return { fetcher, asked };
  }

  it('fetches the keys from the jwks_uri the discovery document names, once', async () => {
    const { fetcher, asked } = provider({ issuer: realm, jwks_uri: certs });
    const verifyRealm = createTokenVerifier({ issuer: realm, audience, fetch: fetcher });
    expect((await verifyRealm(await signFor(realm))).sub).toBe('user-1');
    expect((await verifyRealm(await signFor(realm))).sub).toBe('user-1');
    expect(asked).toEqual([`${realm}/.well-known/openid-configuration`, certs]);
    await expect(verifyRealm(await signFor('https://evil.test'))).rejects.toBeInstanceOf(InvalidToken);
  });

  it('uses a jwksUri override without asking for discovery', async () => {
    const { fetcher, asked } = provider('down');
    const verifyRealm = createTokenVerifier({ issuer: realm, audience, jwksUri: certs, fetch: fetcher });
    expect((await verifyRealm(await signFor(realm))).sub).toBe('user-1');
    expect(asked).toEqual([certs]);
  });

  it('refuses a discovery document that names another issuer', async () => {
    const { fetcher } = provider({ issuer: 'https://evil.test', jwks_uri: certs });
    const verifyRealm = createTokenVerifier({ issuer: realm, audience, fetch: fetcher });
    await expect(verifyRealm(await signFor(realm))).rejects.toBeInstanceOf(KeysUnavailable);
  });

  it('asks again after a failed discovery instead of remembering the failure', async () => {
    let down = true;
    const { fetcher: up } = provider({ issuer: realm, jwks_uri: certs });
    const fetcher = ((input: string | URL | Request, init?: RequestInit) =>
      down ? Promise.resolve(new Response('busy', { status: 503 })) : up(input, init)) as typeof fetch;
    const verifyRealm = createTokenVerifier({ issuer: realm, audience, fetch: fetcher });
    await expect(verifyRealm(await signFor(realm))).rejects.toBeInstanceOf(KeysUnavailable);
    down = false;
    expect((await verifyRealm(await signFor(realm))).sub).toBe('user-1');
  });
});
