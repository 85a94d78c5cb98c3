import type { Store } from '@shegong/store';
import { createLocalJWKSet } from 'jose';
import { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from '../seed/demo-data.ts';
import { LocalIdentityDirectory } from './directory.ts';
import { loadOrCreateSigningKey } from './keys.ts';
import { issuerRoutes } from './routes.ts';

export const LOCAL_CLIENT_ID = 'shegong-local';
/** Where the local system mounts the issuer's app. */
export const ISSUER_PATH = '/local-idp';

export interface LocalIssuerOptions {
  /** The local system's origin, e.g. http://localhost:3000. */
  baseUrl: string;
  store: Store;
  /** Where the signing key is kept across restarts; without one the key lasts as long as the process. */
  keyFile?: string;
  /** Listed on the sign-in page (the seeded demo sign-ins by default). */
  demoUsers?: readonly DemoUser[];
}

/**
 * The local system's OIDC issuer, standing in for Cognito or another provider. It is imported by
 * packages/local only, so it can never end up in a Lambda bundle.
 */
export async function createLocalIssuer(options: LocalIssuerOptions) {
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  const issuer = `${baseUrl}${ISSUER_PATH}`;
  const key = await loadOrCreateSigningKey(options.keyFile);
  const directory = new LocalIdentityDirectory(options.store);
  const app = issuerRoutes({
    issuer,
    clientId: LOCAL_CLIENT_ID,
    baseUrl,
    key,
    directory,
    demoUsers: options.demoUsers ?? DEMO_USERS,
    demoPassword: DEMO_PASSWORD,
  });
  return {
    issuer,
    clientId: LOCAL_CLIENT_ID,
    app,
    /** For createTokenVerifier({ issuer, audience: clientId, keySet }): the one verification path. */
    keySet: createLocalJWKSet({ keys: [key.publicJwk] }),
    directory,
  };
}

export type LocalIssuer = Awaited<ReturnType<typeof createLocalIssuer>>;
