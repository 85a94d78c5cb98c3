import { createTokenVerifier, TableStreamImportRunner } from '@shegong/core';
import { type AppDeps, createApp } from '@shegong/http';
import { CognitoDirectory, ExternalDirectory, SesMailer } from '@shegong/http/aws';
import { Store } from '@shegong/store';
import { mountPages } from '@shegong/web';
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { readConfig } from './config.ts';

// Built once per container; everything below the handler is per request.
const config = readConfig(process.env);
const deps: AppDeps = {
  // With DATA_ROLE_ARN (infra/lib/data-access.ts) each tenant's data access runs confined to it.
  store: new Store({ tableName: config.tableName, dataRoleArn: process.env.DATA_ROLE_ARN }),
  verifyToken: createTokenVerifier({ issuer: config.issuer, audience: config.audience }),
  identity: config.userPoolId ? new CognitoDirectory(config.userPoolId) : new ExternalDirectory(),
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

export async function handler(event: LambdaEvent, context: LambdaContext) {
  // Without a configured URL the public URL is the API's own, known only from the first request.
  if (!deps.publicBaseUrl && 'domainName' in event.requestContext) {
    deps.publicBaseUrl = `https://${event.requestContext.domainName}`;
  }
  return serve(event, context);
}
