import type { JWTPayload } from 'jose';
import { InvalidToken, type TokenVerifier } from './token.ts';

/**
 * A verified token's claims, kept until it expires: a client sends the same bearer token with
 * every request of its hour, and checking its signature again proves nothing new. Keyed by the
 * whole token, so only the very bytes that were verified hit; the expiry is checked again on
 * every use, with the verifier's minute of clock skew. What the records say (roles, a disabled
 * user, a suspended tenant) is still read on every request: only the signature check is saved.
 */
const MAX_TOKENS = 5_000;
const CLOCK_SKEW_S = 60;

const remembered = new WeakMap<TokenVerifier, Map<string, JWTPayload>>();

export async function verifyRemembered(verify: TokenVerifier, token: string): Promise<JWTPayload> {
  let tokens = remembered.get(verify);
  if (!tokens) {
    tokens = new Map();
    remembered.set(verify, tokens);
  }
  const known = tokens.get(token);
  if (known) {
    if ((known.exp ?? 0) + CLOCK_SKEW_S > Date.now() / 1000) return known;
    tokens.delete(token);
    throw new InvalidToken('token expired');
  }
  const claims = await verify(token);
  // A token without an expiry is never kept (the verifier requires one; this does not rely on it).
  if (typeof claims.exp === 'number') {
    tokens.set(token, claims);
    // Oldest first out: a Map keeps insertion order.
    if (tokens.size > MAX_TOKENS) tokens.delete(tokens.keys().next().value as string);
  }
  return claims;
}
