import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Mutation } from './mutation.ts';

/** What every repository of one tenant shares: the client, the table, and who is acting. */
export class TenantScope {
  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
    readonly tenantId: string,
    readonly actorId: string,
  ) {
    if (!tenantId) throw new Error('a tenant scope needs a tenant');
  }

  mutation(): Mutation {
    return new Mutation(this.client, this.tableName, { tenantId: this.tenantId, userId: this.actorId });
  }
}

/** Strips storage attributes from an item, leaving the record. */
export function toRecord<T>(item: Record<string, unknown>): T {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, itemType, expiresAt, ...record } = item;
  return record as T;
}
