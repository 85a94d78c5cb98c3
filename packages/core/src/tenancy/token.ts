import { createRemoteJWKSet, customFetch, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';

export interface TokenVerifierConfig {
  issuer: string;
  audience: string;
  /**
   * Where the signing keys are, when the provider's discovery document should not be asked (or is
   * wrong). Without it the keys are found from `<issuer>/.well-known/openid-configuration`'s `jwks_uri`.
   */
  jwksUri?: string;
  /** A key set held in memory, instead of fetching one. */
  keySet?: JWTVerifyGetKey;
  /** For discovery and the key set (the local system passes an in-process fetch). */
  fetch?: typeof fetch;
}

export class InvalidToken extends Error {
  override name = 'InvalidToken';
}

/** The key set could not be found: the provider's fault or the network's, never the token's. */
export class KeysUnavailable extends Error {
  override name = 'KeysUnavailable';
}

/** Only asymmetric algorithms: `none` and HMAC (a public key misused as a secret) are refused. */
const ALGORITHMS = ['RS256', 'ES256'];

/**
 * The one place a token is checked: signature against the issuer's JWKS, `alg`, issuer,
 * audience, expiry (with one minute of clock skew). Any OIDC provider can stand behind it: the keys
 * are found where the issuer's discovery document says (Cognito's `/.well-known/jwks.json`,
 * Keycloak's `/protocol/openid-connect/certs`, …), not at a guessed path.
 */
export function createTokenVerifier(config: TokenVerifierConfig) {
  const keys = config.keySet ?? discoveredKeySet(config);
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

/**
 * A remote key set whose address is read once from the discovery document, on the first token (so a
 * cold start asks nothing of the provider). A failed discovery is not remembered: the next token
 * tries again.
 */
function discoveredKeySet(config: TokenVerifierConfig): JWTVerifyGetKey {
  const fetcher = config.fetch ?? fetch;
  const options = config.fetch ? { [customFetch]: config.fetch } : {};
  let keySet: Promise<JWTVerifyGetKey> | undefined;
  const load = async (): Promise<JWTVerifyGetKey> => {
    const jwksUri = config.jwksUri ?? (await discoverJwksUri(config.issuer, fetcher));
    return createRemoteJWKSet(new URL(jwksUri), options);
  };
  return async (header, token) => {
    keySet ??= load().catch((error: unknown) => {
      keySet = undefined;
      throw error;
    });
    return (await keySet)(header, token);
  };
}

/** The issuer's `jwks_uri`, from a discovery document that names this very issuer (OIDC Discovery §4.3). */
export async function discoverJwksUri(issuer: string, fetcher: typeof fetch = fetch): Promise<string> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let document: Record<string, unknown>;
  try {
    const response = await fetcher(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new KeysUnavailable(`${url} answered ${response.status}`);
    document = (await response.json()) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof KeysUnavailable) throw error;
    throw new KeysUnavailable(`${url} could not be read: ${(error as Error).message}`);
  }
  if (document.issuer !== issuer) {
    throw new KeysUnavailable(`${url} names the issuer ${String(document.issuer)}, not ${issuer}`);
  }
  if (typeof document.jwks_uri !== 'string' || !/^https?:\/\//.test(document.jwks_uri)) {
    throw new KeysUnavailable(`${url} names no jwks_uri`);
  }
  return document.jwks_uri;
}
