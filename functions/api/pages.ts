import type { AppDeps } from '@shegong/http';
import { createApp } from '@shegong/http/app';
import { mountPages } from '@shegong/web';
import { handle } from 'hono/aws-lambda';
import type { FunctionConfig } from './config.ts';

/**
 * The server-rendered pages, imported by the first page request of a container (handler.ts). The
 * app is the one the local server runs (the API's app with the pages mounted on it), so a page
 * behaves here exactly as in tests; only the /v1 requests, which never reach it, skip its code.
 */
export function pagesHandler(deps: AppDeps, config: FunctionConfig) {
  const app = createApp(deps);
  mountPages(app, deps, {
    oidc: { issuer: config.issuer, clientId: config.audience },
    secureCookies: true,
    ...(config.supportContact ? { supportContact: config.supportContact } : {}),
  });
  return handle(app);
}
