import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type Page } from './cursor.ts';
import { keys } from './keys.ts';
import type { AuditEvent } from './mutation.ts';
import { type TenantScope, toRecord } from './scope.ts';

/** A tenant's audit trail, newest first. It is only ever appended to (Mutation.commit). */
export class AuditTrail {
  constructor(private readonly scope: TenantScope) {}

  async list(options: { limit: number; cursor?: string }): Promise<Page<AuditEvent>> {
    const pk = keys.auditPartition(this.scope.tenantId);
    const { Items = [], LastEvaluatedKey } = await this.scope.client.send(
      new QueryCommand({
        TableName: this.scope.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        Limit: options.limit,
        ExclusiveStartKey: decodeCursor(options.cursor, { attribute: 'pk', value: pk, keys: ['pk', 'sk'] }),
      }),
    );
    const cursor = encodeCursor(LastEvaluatedKey);
    return { items: Items.map((i) => toRecord<AuditEvent>(i)), ...(cursor ? { cursor } : {}) };
  }
}
