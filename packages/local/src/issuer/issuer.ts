import type { Store } from '@shegong/store';
import { createLocalJWKSet } from 'jose';
import { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from '../seed/demo-data.ts';
import { LocalIdentityDirectory } from './directory.ts';
import { loadOrCreateSigningKey } from './keys.ts';
import { issuerRoutes } from './routes.ts';

export const LOCAL_CLIENT_ID = 'shegong-local';
/** Where the local system mounts the issuer's app. */
export const ISSUER_PATH = '/local-idp';

/**
 * Where the issuer's endpoints live, relative to its mount (the issuer's URL). Two shapes, so the
 * app is proven against a provider whose keys are not where Cognito keeps them.
 */
export interface IssuerShape {
  /** Mounted here; the issuer identifier is `<baseUrl><mount>`. */
  mount: string;
  jwks: string;
  authorize: string;
  token: string;
  logout: string;
}

/** Cognito-like: keys at `/.well-known/jwks.json`. */
export const LOCAL_SHAPE: IssuerShape = {
  mount: ISSUER_PATH,
  jwks: '/.well-known/jwks.json',
  authorize: '/authorize',
  token: '/token',
  logout: '/logout',
};

/** Keycloak's: a realm at `/realms/<realm>`, its endpoints under `/protocol/openid-connect/`. */
export function keycloakShape(realm = 'shegong'): IssuerShape {
  return {
    mount: `/realms/${realm}`,
    jwks: '/protocol/openid-connect/certs',
    authorize: '/protocol/openid-connect/auth',
    token: '/protocol/openid-connect/token',
    logout: '/protocol/openid-connect/logout',
  };
}

export interface LocalIssuerOptions {
  /** The local system's origin, e.g. http://localhost:3000. */
  baseUrl: string;
  store: Store;
  /** Where the signing key is kept across restarts; without one the key lasts as long as the process. */
  keyFile?: string;
  /** Listed on the sign-in page (the seeded demo sign-ins by default). */
  demoUsers?: readonly DemoUser[];
  /** The local one (default) or Keycloak's. */
  shape?: IssuerShape;
}

/**
 * The local system's OIDC issuer, standing in for Cognito or another provider. It is imported by
 * packages/local only, so it can never end up in a Lambda bundle.
 */
export async function createLocalIssuer(options: LocalIssuerOptions) {
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  const shape = options.shape ?? LOCAL_SHAPE;
  const issuer = `${baseUrl}${shape.mount}`;
  const key = await loadOrCreateSigningKey(options.keyFile);
  const directory = new LocalIdentityDirectory(options.store);
  const app = issuerRoutes({
    issuer,
    clientId: LOCAL_CLIENT_ID,
    baseUrl,
    shape,
    key,
    directory,
    demoUsers: options.demoUsers ?? DEMO_USERS,
    demoPassword: DEMO_PASSWORD,
  });
  return {
    issuer,
    clientId: LOCAL_CLIENT_ID,
    shape,
    app,
    /** For createTokenVerifier({ issuer, audience: clientId, keySet }): the one verification path. */
    keySet: createLocalJWKSet({ keys: [key.publicJwk] }),
    directory,
  };
}

export type LocalIssuer = Awaited<ReturnType<typeof createLocalIssuer>>;
