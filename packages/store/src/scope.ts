import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CrossTenantPath } from './access/cross-tenant.ts';
import { Mutation } from './mutation.ts';

/** What every repository of one tenant shares: the client, the table, and who is acting. */
export class TenantScope {
  /**
   * @param beyond The function's own client (its own grant), used only through `across`: the
   * tenant's client is confined to its partitions (access/policy.ts). Defaults to `client` where
   * no confinement applies (migrations, tests).
   */
  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
    readonly tenantId: string,
    readonly actorId: string,
    private readonly beyond: DynamoDBDocumentClient = client,
  ) {
    if (!tenantId) throw new Error('a tenant scope needs a tenant');
  }

  mutation(): Mutation {
    return new Mutation(this.client, this.tableName, { tenantId: this.tenantId, userId: this.actorId });
  }

  /**
   * The same tenant and actor, signing with the function's own client, for one named use case that
   * must reach another tenant's partition (access/cross-tenant.ts lists each with its reason). The
   * path is named at the call so every crossing is greppable and listed in one place.
   */
  across(_path: CrossTenantPath): TenantScope {
    return new TenantScope(this.beyond, this.tableName, this.tenantId, this.actorId, this.beyond);
  }
}

/** Strips storage attributes from an item, leaving the record. */
export function toRecord<T>(item: Record<string, unknown>): T {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, itemType, expiresAt, ...record } = item;
  return record as T;
}
