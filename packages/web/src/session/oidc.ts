import * as oauth from 'oauth4webapi';

export interface OidcConfig {
  /** e.g. http://localhost:3000/local-idp (local), the Cognito issuer, or a Keycloak realm's URL. */
  issuer: string;
  /** The app client: the audience of the ID token. */
  clientId: string;
  /**
   * Endpoints known without discovery (a test's fake provider). Without both of authorization and
   * token, all three come from the issuer's discovery document.
   */
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  endSessionEndpoint?: string;
  /** For discovery and the token exchange; the local system passes an in-process fetch. */
  fetch?: typeof fetch;
}

/** What the provider could not do: `unavailable` (discovery failed), `refused` (it said no), `rejected` (its answer did not check out). */
export class OidcError extends Error {
  override name = 'OidcError';
  constructor(
    readonly reason: 'unavailable' | 'refused' | 'rejected',
    options?: { cause?: unknown },
  ) {
    super(`sign-in ${reason}`, options);
  }
}

/** A sign-in in progress: kept by the browser (in the short-lived `auth` cookie) between login and callback. */
export interface SignInFlow {
  state: string;
  nonce: string;
  /** PKCE (RFC 7636, S256): the verifier stays with us, its challenge goes to the provider. */
  verifier: string;
}

/**
 * The relying-party side of the authorization-code flow with PKCE, state and nonce, done by
 * oauth4webapi (panva's, which openid-client v6 is built on; this one alone is the smaller). The
 * provider's endpoints are discovered once (a failed discovery is retried on the next sign-in
 * rather than remembered). The ID token's issuer, audience, expiry and nonce are checked here; its
 * signature by the app's one token verifier afterwards.
 */
export function oidcClient(config: OidcConfig) {
  const client: oauth.Client = { client_id: config.clientId };
  const request = {
    signal: () => AbortSignal.timeout(10_000),
    ...(config.fetch ? { [oauth.customFetch]: config.fetch } : {}),
    // Plain http only for the local system's own issuer; the stack accepts https issuers only.
    ...(isLoopbackHttp(config.issuer) ? { [oauth.allowInsecureRequests]: true } : {}),
  };
  let discovered: Promise<oauth.AuthorizationServer> | undefined;

  function server(): Promise<oauth.AuthorizationServer> {
    if (config.authorizationEndpoint && config.tokenEndpoint) {
      return Promise.resolve({
        issuer: config.issuer,
        authorization_endpoint: config.authorizationEndpoint,
        token_endpoint: config.tokenEndpoint,
        ...(config.endSessionEndpoint ? { end_session_endpoint: config.endSessionEndpoint } : {}),
      });
    }
    discovered ??= (async () => {
      const issuer = new URL(config.issuer);
      return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, request));
    })().catch((error: unknown) => {
      discovered = undefined;
      throw new OidcError('unavailable', { cause: error });
    });
    return discovered;
  }

  return {
    clientId: config.clientId,

    /** Where to send the browser to sign in, and the flow to keep until it comes back. */
    async start(input: { redirectUri: string; locale: string }): Promise<{ url: string; flow: SignInFlow }> {
      const as = await server();
      if (!as.authorization_endpoint) throw new OidcError('unavailable');
      const flow: SignInFlow = {
        state: oauth.generateRandomState(),
        nonce: oauth.generateRandomNonce(),
        verifier: oauth.generateRandomCodeVerifier(),
      };
      const url = new URL(as.authorization_endpoint);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', config.clientId);
      url.searchParams.set('redirect_uri', input.redirectUri);
      url.searchParams.set('scope', 'openid email profile');
      url.searchParams.set('state', flow.state);
      url.searchParams.set('nonce', flow.nonce);
      url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(flow.verifier));
      url.searchParams.set('code_challenge_method', 'S256');
      url.searchParams.set('ui_locales', input.locale);
      return { url: url.toString(), flow };
    },

    /**
     * The provider's answer at our callback: its state must be this browser's, then the code is
     * exchanged (a public client: the PKCE verifier proves it is us) and the ID token's nonce must
     * be the flow's. Returns the ID token.
     */
    async finish(callback: URL, flow: SignInFlow, redirectUri: string): Promise<string> {
      const as = await server();
      let params: URLSearchParams;
      try {
        params = oauth.validateAuthResponse(as, client, callback, flow.state);
      } catch (error) {
        throw new OidcError(error instanceof oauth.AuthorizationResponseError ? 'refused' : 'rejected', {
          cause: error,
        });
      }
      try {
        const response = await oauth.authorizationCodeGrantRequest(
          as,
          client,
          oauth.None(),
          params,
          redirectUri,
          flow.verifier,
          request,
        );
        const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
          expectedNonce: flow.nonce,
          requireIdToken: true,
        });
        if (!tokens.id_token) throw new OidcError('rejected');
        return tokens.id_token;
      } catch (error) {
        if (error instanceof OidcError) throw error;
        throw new OidcError('rejected', { cause: error });
      }
    },

    /** RP-initiated logout at the provider, if it has one: client_id and where to come back (Cognito reads logout_uri). */
    async endSessionUrl(returnTo: string): Promise<string | undefined> {
      let endpoint: string | undefined;
      try {
        endpoint = (await server()).end_session_endpoint;
      } catch {
        return undefined;
      }
      if (!endpoint) return undefined;
      const url = new URL(endpoint);
      url.searchParams.set('client_id', config.clientId);
      url.searchParams.set('post_logout_redirect_uri', returnTo);
      url.searchParams.set('logout_uri', returnTo);
      return url.toString();
    },
  };
}

export type OidcClient = ReturnType<typeof oidcClient>;

function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
