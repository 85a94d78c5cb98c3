import { createTokenVerifier, logger, publishColdStart, TableStreamImportRunner } from '@shegong/core';
import type { AppDeps } from '@shegong/http';
// The app's own module, not the package's index: the index re-exports the route groups' examples,
// and a static import of a module that is also imported lazily (http/src/groups.ts) keeps it, and
// every schema it builds, in the files a cold start reads.
import { createApp } from '@shegong/http/app';
import type { Store } from '@shegong/store';
import type { Context } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { readConfig } from './config.ts';
import { deferred } from './deferred.ts';

/**
 * One function serves the JSON API and the pages, but a cold start reads only what its first
 * request needs: /v1 is served by the API's app, built at start; the store (its repositories, the
 * domain's schemas and the DynamoDB SDK) by the first request that reads the table; the pages
 * (pages.ts) by the first page request; workbook code (`loadWorkbooks`) and the Cognito/SES SDKs by
 * their first use. The bundle is split at these imports (infra/lib/bundle.ts). One function rather than three
 * behind the gateway's routes: one role, one log group, one set of alarms and limits, and the
 * local server and tests keep running the very app that is deployed.
 */
const aws = () => import('@shegong/http/aws');

// Built once per container; everything below the handler is per request.
const config = readConfig(process.env);
let store: Store | undefined;
let loadingStore: Promise<void> | undefined;
/** Imports the store's chunk and builds the store, once; a failed import is tried again by the next request. */
const loadStore = () =>
  (loadingStore ??= import('@shegong/store/store').then(
    ({ Store }) => {
      // With DATA_ROLE_ARN (infra/lib/data-access.ts) each tenant's data access runs confined to it.
      // With CROSSING_ROLE_ARN each named crossing runs narrowed to what it declares (store/access/cross-tenant.ts).
      store = new Store({
        tableName: config.tableName,
        dataRoleArn: process.env.DATA_ROLE_ARN,
        crossingRoleArn: process.env.CROSSING_ROLE_ARN,
      });
    },
    (error: unknown) => {
      loadingStore = undefined;
      throw error;
    },
  ));
const deps: AppDeps = {
  // Read only once `ready` has resolved: the core awaits it before a request's first use of the
  // store (a verified token's member, a public route, a page), so a request refused before that,
  // as a missing token is, never loads it.
  get store(): Store {
    if (!store) throw new Error('The store was used before deps.ready() loaded it');
    return store;
  },
  ready: loadStore,
  verifyToken: createTokenVerifier({
    issuer: config.issuer,
    audience: config.audience,
    ...(config.jwksUri ? { jwksUri: config.jwksUri } : {}),
  }),
  identity: deferred(
    async () => {
      const { CognitoDirectory, ExternalDirectory, KeycloakDirectory } = await aws();
      if (config.userPoolId) return new CognitoDirectory(config.userPoolId);
      if (config.keycloakAdmin) return new KeycloakDirectory({ issuer: config.issuer, ...config.keycloakAdmin });
      return new ExternalDirectory();
    },
    // Read by the invitation page before any call: without a directory, the provider's administrator creates sign-ins.
    config.userPoolId || config.keycloakAdmin ? {} : { createsSignIns: false },
  ),
  ...(config.mailFrom ? { mailer: deferred(async () => new (await aws()).SesMailer(config.mailFrom as string)) } : {}),
  publicBaseUrl: config.publicBaseUrl ?? '',
  // Roster imports are written by functions/import-worker, started by the table's stream.
  importRunner: new TableStreamImportRunner(),
};
const serveApi = handle(createApp(deps));
let servePages: Promise<ReturnType<typeof handle>> | undefined;

export async function handler(event: LambdaEvent, context: Context) {
  // Every log line of this invocation carries the function, its request id and the cold-start flag.
  logger.addContext(context);
  publishColdStart();
  // Without a configured URL the public URL is the API's own, known only from the first request.
  if (!deps.publicBaseUrl && 'domainName' in event.requestContext) {
    deps.publicBaseUrl = `https://${event.requestContext.domainName}`;
  }
  if (isApiPath('rawPath' in event ? event.rawPath : event.path)) return serveApi(event, context);
  // Every page reads the session (or the table) first: the store loads with the pages.
  servePages ??= Promise.all([import('./pages.ts'), loadStore()]).then(([{ pagesHandler }]) =>
    pagesHandler(deps, config),
  );
  return (await servePages)(event, context);
}

/** The paths of the JSON API, as the pages' own middleware tells them apart (packages/web). */
function isApiPath(path: string): boolean {
  return path === '/v1' || path.startsWith('/v1/');
}
