import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AssumedClients } from './client-cache.ts';
import type { CrossTenantPath } from './cross-tenant.ts';
import { crossingSessionPolicy } from './crossing-policy.ts';

export interface CrossingCredentialsOptions {
  /** The crossing role (env CROSSING_ROLE_ARN; infra/lib/data-access.ts). */
  roleArn: string;
  region: string;
  /** Crossings whose clients are kept; the least recently used is dropped beyond it. */
  maxCrossings?: number;
}

/**
 * One DynamoDB client per crossing (path, caller, target), signing with the crossing role assumed
 * with the two tenants as session tags and the path's session policy (crossing-policy.ts), so IAM
 * refuses whatever the path did not declare, and any third tenant. Cached like the tenants' clients
 * (credentials.ts): a bureau deciding a queue of one organisation's claims assumes the role once.
 */
export class CrossingCredentials {
  private readonly clients: AssumedClients;

  constructor(private readonly options: CrossingCredentialsOptions) {
    this.clients = new AssumedClients(options.region, options.maxCrossings ?? 200);
  }

  clientFor(path: CrossTenantPath, caller: string, target: string): DynamoDBDocumentClient {
    return this.clients.get(`${path}|${caller}|${target}`, () =>
      fromTemporaryCredentials({
        params: {
          RoleArn: this.options.roleArn,
          RoleSessionName: `${path}-${caller}`.slice(0, 64),
          Tags: [
            { Key: 'tenant', Value: caller },
            { Key: 'target', Value: target },
          ],
          Policy: crossingSessionPolicy(path, caller, target),
          DurationSeconds: 900,
        },
        clientConfig: { region: this.options.region },
      }),
    );
  }
}
