import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { jurisdictionOf } from '@shegong/domain';
import { keys } from '../keys.ts';
import { AssumedClients, type CredentialsProvider } from './client-cache.ts';

/**
 * The session tags a tenant's data access runs with (policy.ts reads them as
 * `${aws:PrincipalTag/…}`): the tenant, and from its record its kind and city. A tenant without a
 * record (a rule-set publisher in a test, a tenant being created) gets the tenant tag alone, which
 * opens its own partitions and the global guards and nothing conditioned on kind or city.
 */
export interface SessionTags {
  tenant: string;
  kind?: string;
  /** The city whose region partitions (`R#<city>#…`) the tenant may read: a bureau's jurisdiction's. */
  region?: string;
}

export function sessionTagsOf(tenantId: string, record?: { kind?: unknown; region?: unknown }): SessionTags {
  const kind = typeof record?.kind === 'string' ? record.kind : undefined;
  const region = typeof record?.region === 'string' ? record.region : undefined;
  return {
    tenant: tenantId,
    ...(kind ? { kind } : {}),
    ...(region ? { region: jurisdictionOf(region).city } : {}),
  };
}

/**
 * Reads a tenant's tags from its record (one GetItem per tenant per cache life), with a client whose
 * session carries the tenant tag alone (TenantCredentials), which opens that tenant's own partition
 * and nothing conditioned on kind or city: the function's own grant holds no tenant's partition.
 */
export async function readSessionTags(client: DynamoDBDocumentClient, tableName: string, tenantId: string) {
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: keys.tenant(tenantId) }));
  return sessionTagsOf(tenantId, Item);
}

export interface TenantCredentialsOptions {
  /** The data-access role (env DATA_ROLE_ARN; infra/lib/data-access.ts). */
  roleArn: string;
  region: string;
  /** The tenant's tags, read with `client`: the role assumed with the tenant tag alone. */
  tags: (tenantId: string, client: DynamoDBDocumentClient) => Promise<SessionTags>;
  /** Tenants whose clients are kept; the least recently used is dropped beyond it. */
  maxTenants?: number;
}

/**
 * One DynamoDB client per tenant, each signing with credentials of the data-access role assumed
 * with that tenant's session tags, so IAM itself refuses an item outside the tenant's partitions
 * (policy.ts). Cached per tenant, bounded (a Lambda instance serves a few tenants at a time; a
 * dropped one costs one AssumeRole when it comes back). The SDK client memoizes its credentials
 * provider and refreshes them before they expire, so a cached client never signs with expired keys.
 */
export class TenantCredentials {
  private readonly clients: AssumedClients;

  constructor(private readonly options: TenantCredentialsOptions) {
    this.clients = new AssumedClients(options.region, options.maxTenants ?? 100);
  }

  clientFor(tenantId: string): DynamoDBDocumentClient {
    return this.clients.get(tenantId, () => this.provider(tenantId));
  }

  /**
   * AssumeRole with the tenant's tags, looked up on first use (the client is built synchronously)
   * through a session tagged with the tenant alone, which may read the tenant's record.
   */
  private provider(tenantId: string): CredentialsProvider {
    let assume: CredentialsProvider | undefined;
    return async (identityProperties) => {
      if (!assume) {
        const bare = DynamoDBDocumentClient.from(
          new DynamoDBClient({
            region: this.options.region,
            credentials: this.assumed(tenantId, { tenant: tenantId }),
          }),
        );
        const tags = await this.options.tags(tenantId, bare).finally(() => bare.destroy());
        assume = this.assumed(tenantId, tags);
      }
      return assume(identityProperties);
    };
  }

  private assumed(tenantId: string, tags: SessionTags): CredentialsProvider {
    return fromTemporaryCredentials({
      params: {
        RoleArn: this.options.roleArn,
        RoleSessionName: `tenant-${tenantId}`.slice(0, 64),
        Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
        // The shortest session: a tenant's client that idles is refreshed soon after it is used again.
        DurationSeconds: 900,
      },
      clientConfig: { region: this.options.region },
    });
  }
}
