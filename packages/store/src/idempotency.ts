import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { StoreError } from './errors.ts';
import { keys } from './keys.ts';
import type { TenantScope } from './scope.ts';

export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * Idempotency records are per tenant: the same key from two tenants never collides. The record
 * is written inside the creating mutation (Mutation.idempotent), so it exists exactly when the
 * change does.
 */
export class IdempotencyRecords {
  constructor(private readonly scope: TenantScope) {}

  static requestHash(method: string, path: string, body: unknown): string {
    return createHash('sha256')
      .update(`${method} ${path}\n${JSON.stringify(body)}`)
      .digest('hex');
  }

  /** The first response for this key, or undefined; a key reused for another request is an error. */
  async replay(key: string, requestHash: string): Promise<StoredResponse | undefined> {
    const { Item } = await this.scope.client.send(
      new GetCommand({
        TableName: this.scope.tableName,
        Key: keys.idempotency(this.scope.tenantId, key),
        ConsistentRead: true,
      }),
    );
    if (!Item || (typeof Item.expiresAt === 'number' && Item.expiresAt * 1000 < Date.now())) return undefined;
    if (Item.requestHash !== requestHash) {
      throw new StoreError('idempotency_mismatch', 'This Idempotency-Key was already used for a different request', {
        idempotencyKey: key,
      });
    }
    return { status: Item.status as number, body: JSON.parse(Item.body as string) };
  }
}
