/** Anything that answers a Request, like a Hono app. */
export interface RequestHandler {
  fetch(request: Request): Response | Promise<Response>;
}

/**
 * A fetch for the pages' OIDC client: requests for the issuer's own URLs are answered by the app
 * in the same process (no socket, no dependence on how `localhost` resolves, and usable before
 * the server listens); anything else goes out through the global fetch.
 */
export function inProcessFetch(issuer: string, handler: RequestHandler): typeof fetch {
  const prefix = `${issuer.replace(/\/$/, '')}/`;
  const local = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.url.startsWith(prefix)) return handler.fetch(request);
    return fetch(request);
  };
  return local as typeof fetch;
}
