import { createHash } from 'node:crypto';
import { randomToken } from '../security/csrf.ts';

export interface OidcConfig {
  /** e.g. http://localhost:3000/local-idp (local) or the Cognito issuer. */
  issuer: string;
  /** The app client: the audience of the ID token. */
  clientId: string;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  endSessionEndpoint?: string;
  /** For discovery and the token exchange; the local system passes an in-process fetch. */
  fetch?: typeof fetch;
}

export interface OidcEndpoints {
  authorization: string;
  token: string;
  endSession?: string;
}

export class OidcError extends Error {
  override name = 'OidcError';
}

/** A PKCE pair (RFC 7636, S256): the verifier stays in our cookie, the challenge goes to the provider. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomToken(32);
  return { verifier, challenge: pkceChallenge(verifier) };
}

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/**
 * The relying-party side of the authorization-code flow. Endpoints not given in the config are
 * discovered once from the issuer's openid-configuration (a failed discovery is retried on the
 * next sign-in rather than cached).
 */
export function oidcClient(config: OidcConfig) {
  const fetcher = config.fetch ?? fetch;
  let discovered: Promise<OidcEndpoints> | undefined;

  async function discover(): Promise<OidcEndpoints> {
    const url = `${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetcher(url, {
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new OidcError(`discovery answered ${response.status}`);
    const document = (await response.json()) as Record<string, unknown>;
    const authorization = config.authorizationEndpoint ?? document.authorization_endpoint;
    const token = config.tokenEndpoint ?? document.token_endpoint;
    const endSession = config.endSessionEndpoint ?? document.end_session_endpoint;
    if (typeof authorization !== 'string' || typeof token !== 'string') {
      throw new OidcError('the discovery document names no authorization or token endpoint');
    }
    return { authorization, token, ...(typeof endSession === 'string' ? { endSession } : {}) };
  }

  return {
    clientId: config.clientId,

    endpoints(): Promise<OidcEndpoints> {
      if (config.authorizationEndpoint && config.tokenEndpoint) {
        return Promise.resolve({
          authorization: config.authorizationEndpoint,
          token: config.tokenEndpoint,
          ...(config.endSessionEndpoint ? { endSession: config.endSessionEndpoint } : {}),
        });
      }
      discovered ??= discover().catch((error) => {
        discovered = undefined;
        throw error;
      });
      return discovered;
    },

    authorizationUrl(
      endpoint: string,
      input: { redirectUri: string; state: string; nonce: string; challenge: string; locale: string },
    ): string {
      const url = new URL(endpoint);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', config.clientId);
      url.searchParams.set('redirect_uri', input.redirectUri);
      url.searchParams.set('scope', 'openid email profile');
      url.searchParams.set('state', input.state);
      url.searchParams.set('nonce', input.nonce);
      url.searchParams.set('code_challenge', input.challenge);
      url.searchParams.set('code_challenge_method', 'S256');
      url.searchParams.set('ui_locales', input.locale);
      return url.toString();
    },

    /** Exchanges the code for tokens (a public client: the PKCE verifier proves it is us). */
    async exchange(endpoint: string, input: { code: string; redirectUri: string; verifier: string }): Promise<string> {
      const response = await fetcher(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: config.clientId,
          code: input.code,
          redirect_uri: input.redirectUri,
          code_verifier: input.verifier,
        }).toString(),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new OidcError(`the token endpoint answered ${response.status}`);
      const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      if (typeof body.id_token !== 'string') throw new OidcError('the token endpoint returned no id_token');
      return body.id_token;
    },

    /** RP-initiated logout: client_id and where to come back (Cognito reads logout_uri). */
    endSessionUrl(endpoint: string, returnTo: string): string {
      const url = new URL(endpoint);
      url.searchParams.set('client_id', config.clientId);
      url.searchParams.set('post_logout_redirect_uri', returnTo);
      url.searchParams.set('logout_uri', returnTo);
      return url.toString();
    },
  };
}

export type OidcClient = ReturnType<typeof oidcClient>;
