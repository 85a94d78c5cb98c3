import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';

export interface TokenVerifierConfig {
  issuer: string;
  audience: string;
  /** Where the signing keys are; defaults to `<issuer>/.well-known/jwks.json` (Cognito's place). */
  jwksUri?: string;
  /** A key set held in memory (the local issuer's), instead of fetching one. */
  keySet?: JWTVerifyGetKey;
}

export class InvalidToken extends Error {
  override name = 'InvalidToken';
}

/** Only asymmetric algorithms: `none` and HMAC (a public key misused as a secret) are refused. */
const ALGORITHMS = ['RS256', 'ES256'];

/**
 * The one place a token is checked: signature against the issuer's JWKS, `alg`, issuer,
 * audience, expiry (with one minute of clock skew). Any OIDC provider can stand behind it.
 */
export function createTokenVerifier(config: TokenVerifierConfig) {
  const keys = config.keySet ?? createRemoteJWKSet(new URL(config.jwksUri ?? `${config.issuer}/.well-known/jwks.json`));
  return async function verify(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ALGORITHMS,
        clockTolerance: 60,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      return payload;
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof TypeError) {
        throw new InvalidToken(error instanceof errors.JWTExpired ? 'token expired' : 'token rejected');
      }
      throw error;
    }
  };
}

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;
