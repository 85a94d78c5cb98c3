import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { StoreError } from './errors.ts';
import type { TenantScope } from './scope.ts';

/** DynamoDB's most keys in one BatchGetItem. */
const BATCH_GET_KEYS = 100;

/**
 * The items at these keys, in the order of the keys (those that exist), consistently read: the
 * items a page of index rows stands for. One BatchGetItem per hundred keys, asking again for what
 * the table leaves unprocessed.
 */
export async function getInOrder(
  scope: TenantScope,
  keys: readonly { pk: string; sk: string }[],
): Promise<Record<string, unknown>[]> {
  const found = new Map<string, Record<string, unknown>>();
  for (let start = 0; start < keys.length; start += BATCH_GET_KEYS) {
    let pending: Record<string, unknown>[] | undefined = keys.slice(start, start + BATCH_GET_KEYS);
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt > 8) throw new StoreError('conflict', 'the table is busy; try again');
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      const answer: BatchGetCommandOutput = await scope.client.send(
        new BatchGetCommand({ RequestItems: { [scope.tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of answer.Responses?.[scope.tableName] ?? []) found.set(`${item.pk}|${item.sk}`, item);
      pending = answer.UnprocessedKeys?.[scope.tableName]?.Keys;
    }
  }
  return keys.flatMap((key) => {
    const item = found.get(`${key.pk}|${key.sk}`);
    return item ? [item] : [];
  });
}
