import { TENANCY_CLAIMS } from '@shegong/core';
import { SignJWT } from 'jose';
import type { LocalIdentity } from './directory.ts';
import type { SigningKey } from './keys.ts';

export const TOKEN_LIFETIME_S = 3600;

/**
 * The tokens a code is exchanged for. Claims follow Cognito's ID token (tenancy under `custom:`),
 * so the API checks them the same way whichever issuer stands behind it.
 */
export async function issueTokens(
  key: SigningKey,
  options: {
    issuer: string;
    clientId: string;
    identity: LocalIdentity;
    nonce?: string;
    authTime: number;
    scope: string;
  },
) {
  const { identity } = options;
  const claims = {
    email: identity.email,
    email_verified: true,
    name: identity.name,
    [TENANCY_CLAIMS.tenant]: identity.tenantId,
    [TENANCY_CLAIMS.kind]: identity.kind,
    [TENANCY_CLAIMS.roles]: identity.roles.join(','),
    [TENANCY_CLAIMS.region]: identity.region,
  };
  const sign = (payload: Record<string, unknown>) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(options.issuer)
      .setAudience(options.clientId)
      .setSubject(identity.sub)
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_LIFETIME_S}s`)
      .sign(key.privateKey);
  const [idToken, accessToken] = await Promise.all([
    sign({ ...claims, auth_time: options.authTime, ...(options.nonce ? { nonce: options.nonce } : {}) }),
    sign({ ...claims, token_use: 'access', scope: options.scope, client_id: options.clientId }),
  ]);
  return { id_token: idToken, access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_S };
}
