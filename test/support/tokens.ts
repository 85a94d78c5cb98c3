import { randomUUID } from 'node:crypto';
import { createTokenVerifier, TENANCY_CLAIMS, type TokenVerifier } from '@shegong/core';
import type { TenantKind } from '@shegong/domain';
import {
  type CryptoKey,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
  type JWTPayload,
  SignJWT,
  UnsecuredJWT,
} from 'jose';

export const TEST_ISSUER = 'https://issuer.test';
export const TEST_AUDIENCE = 'shegong-test';

/** Whom a token is for: what an identity provider would put in an ID token. */
export interface TokenSubject {
  id: string;
  email: string;
  name: string;
  tenantId: string;
  kind: TenantKind;
  region: string;
  roles: readonly string[];
}

export interface MintOptions {
  /** Sign with this key instead of the issuer's (a forgery). */
  key?: CryptoKey;
  /** The `kid` header; the issuer's by default. */
  kid?: string;
  /** Seconds from now until `exp` (negative: already expired). Default one hour. */
  expiresIn?: number;
}

/**
 * A stand-in OIDC issuer: an RS256 key pair, its JWKS held in memory, the app's own verifier
 * over it, and `mintToken` for ID tokens carrying the tenancy claims.
 */
export class TestIssuer {
  readonly issuer = TEST_ISSUER;
  readonly audience = TEST_AUDIENCE;
  private constructor(
    readonly kid: string,
    private readonly privateKey: CryptoKey,
    /** Another key pair's private key: what a forger holds. */
    readonly foreignKey: CryptoKey,
    readonly jwks: JSONWebKeySet,
    readonly verifyToken: TokenVerifier,
  ) {}

  static async create(): Promise<TestIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const foreign = await generateKeyPair('RS256');
    const kid = `test-${randomUUID().slice(0, 8)}`;
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    const jwks: JSONWebKeySet = { keys: [jwk] };
    const verifyToken = createTokenVerifier({
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
      keySet: createLocalJWKSet(jwks),
    });
    return new TestIssuer(kid, privateKey, foreign.privateKey, jwks, verifyToken);
  }

  /** The claims an ID token for this subject carries (overrides win, `undefined` removes). */
  claims(subject: TokenSubject, overrides: JWTPayload = {}): JWTPayload {
    const claims: JWTPayload = {
      sub: subject.id,
      email: subject.email,
      name: subject.name,
      token_use: 'id',
      [TENANCY_CLAIMS.tenant]: subject.tenantId,
      [TENANCY_CLAIMS.kind]: subject.kind,
      [TENANCY_CLAIMS.roles]: subject.roles.join(','),
      [TENANCY_CLAIMS.region]: subject.region,
      ...overrides,
    };
    for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
    return claims;
  }

  /** A signed ID token for the subject; `overrides` replace claims (iss, aud, exp included). */
  async mintToken(subject: TokenSubject, overrides: JWTPayload = {}, options: MintOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = options.expiresIn ?? 3600;
    const payload = this.claims(subject, {
      iss: this.issuer,
      aud: this.audience,
      iat: Math.min(now, now + expiresIn - 60),
      exp: now + expiresIn,
      ...overrides,
    });
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? this.kid, typ: 'JWT' })
      .sign(options.key ?? this.privateKey);
  }

  /** The same claims with `alg: none` and no signature. */
  unsignedToken(subject: TokenSubject): string {
    const now = Math.floor(Date.now() / 1000);
    return new UnsecuredJWT(this.claims(subject))
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .encode();
  }
}

/** The ways a token can be wrong; each must answer 401. */
export const BAD_TOKENS = [
  'no token',
  'a malformed token',
  'a forged signature',
  'an expired token',
  'a wrong audience',
  'a wrong issuer',
  'alg none',
  'a tenant claim that is not the user’s tenant',
] as const;
export type BadToken = (typeof BAD_TOKENS)[number];

/** The Authorization value for one bad-token case (undefined: send no header). */
export async function badToken(
  issuer: TestIssuer,
  which: BadToken,
  subject: TokenSubject,
  otherTenantId: string,
): Promise<string | undefined> {
  switch (which) {
    case 'no token':
      return undefined;
    case 'a malformed token':
      return 'not-a.jwt-at.all';
    case 'a forged signature':
      return issuer.mintToken(subject, {}, { key: issuer.foreignKey });
    case 'an expired token':
      return issuer.mintToken(subject, {}, { expiresIn: -3600 });
    case 'a wrong audience':
      return issuer.mintToken(subject, { aud: 'someone-else' });
    case 'a wrong issuer':
      return issuer.mintToken(subject, { iss: 'https://evil.test' });
    case 'alg none':
      return issuer.unsignedToken(subject);
    case 'a tenant claim that is not the user’s tenant':
      return issuer.mintToken(subject, { [TENANCY_CLAIMS.tenant]: otherTenantId });
  }
}
