import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startDynamoDb } from '@shegong/local/dynamodb-local';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { unseenResponses } from './support/documented.ts';

/**
 * One in-memory DynamoDB Local for the whole run; each test file makes its own table. At the end,
 * the /v1 responses the OpenAPI document lists that no test saw are printed (not failed): what the
 * check of every response against its documented schema could not cover.
 */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDb({ port: await freePort() });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  const seenDir = mkdtempSync(join(tmpdir(), 'shegong-responses-'));
  project.provide('responsesSeenDir', seenDir);
  return async () => {
    const unseen = unseenResponses(seenDir);
    if (unseen.length)
      console.log(`\n/v1 responses the OpenAPI document lists that no test saw:\n  ${unseen.join('\n  ')}\n`);
    rmSync(seenDir, { recursive: true, force: true });
    await dynamo.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    /** Where each test file leaves the documented /v1 responses it saw (documented.ts). */
    responsesSeenDir: string;
  }
}
