import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CrossTenantPath } from './access/cross-tenant.ts';
import { Mutation } from './mutation.ts';

/**
 * The client a named crossing signs with, for the acting tenant reaching `target` (access/
 * crossings.ts): in AWS a session narrowed to what the path declares of the two tenants.
 */
export type CrossingClients = (path: CrossTenantPath, target: string) => DynamoDBDocumentClient;

/** What every repository of one tenant shares: the client, the table, and who is acting. */
export class TenantScope {
  /**
   * @param beyond The crossings' clients, used only through `across`: the tenant's client is
   * confined to its partitions (access/policy.ts). Defaults to `client` where no confinement
   * applies (migrations, tests).
   */
  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
    readonly tenantId: string,
    readonly actorId: string,
    private readonly beyond: CrossingClients = () => client,
  ) {
    if (!tenantId) throw new Error('a tenant scope needs a tenant');
  }

  mutation(): Mutation {
    return new Mutation(this.client, this.tableName, { tenantId: this.tenantId, userId: this.actorId });
  }

  /**
   * The same tenant and actor, signing for one named use case that must reach `target`'s
   * partitions (access/cross-tenant.ts lists each with its reason and the key families it
   * touches). The path is named at the call so every crossing is greppable and listed in one place.
   */
  across(path: CrossTenantPath, target: string): TenantScope {
    return new TenantScope(this.beyond(path, target), this.tableName, this.tenantId, this.actorId, this.beyond);
  }

  /**
   * `target`'s own repositories' scope for a named crossing: its tenant id, this actor, and the
   * crossing's client. Store.across builds a tenant's repositories on it.
   */
  crossingInto(path: CrossTenantPath, target: string): TenantScope {
    return new TenantScope(this.beyond(path, target), this.tableName, target, this.actorId, this.beyond);
  }
}

/** Strips storage attributes from an item, leaving the record. */
export function toRecord<T>(item: Record<string, unknown>): T {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, itemType, expiresAt, ...record } = item;
  return record as T;
}
