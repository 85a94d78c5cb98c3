import { createTokenVerifier, logger, publishColdStart, TableStreamImportRunner } from '@shegong/core';
import { type AppDeps, createApp } from '@shegong/http';
import { CognitoDirectory, ExternalDirectory, KeycloakDirectory, SesMailer } from '@shegong/http/aws';
import { Store } from '@shegong/store';
import { mountPages } from '@shegong/web';
import type { Context } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { readConfig } from './config.ts';

// Built once per container; everything below the handler is per request.
const config = readConfig(process.env);
const deps: AppDeps = {
  store: new Store({ tableName: config.tableName }),
  verifyToken: createTokenVerifier({
    issuer: config.issuer,
    audience: config.audience,
    ...(config.jwksUri ? { jwksUri: config.jwksUri } : {}),
  }),
  identity: config.userPoolId
    ? new CognitoDirectory(config.userPoolId)
    : config.keycloakAdmin
      ? new KeycloakDirectory({ issuer: config.issuer, ...config.keycloakAdmin })
      : new ExternalDirectory(),
  ...(config.mailFrom ? { mailer: new SesMailer(config.mailFrom) } : {}),
  publicBaseUrl: config.publicBaseUrl ?? '',
  // Roster imports are written by functions/import-worker, started by the table's stream.
  importRunner: new TableStreamImportRunner(),
};
const app = createApp(deps);
mountPages(app, deps, {
  oidc: { issuer: config.issuer, clientId: config.audience },
  secureCookies: true,
  ...(config.supportContact ? { supportContact: config.supportContact } : {}),
});
const serve = handle(app);

export async function handler(event: LambdaEvent, context: Context) {
  // Every log line of this invocation carries the function, its request id and the cold-start flag.
  logger.addContext(context);
  publishColdStart();
  // Without a configured URL the public URL is the API's own, known only from the first request.
  if (!deps.publicBaseUrl && 'domainName' in event.requestContext) {
    deps.publicBaseUrl = `https://${event.requestContext.domainName}`;
  }
  return serve(event, context);
}
