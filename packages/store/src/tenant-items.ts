import { BatchWriteCommand, type BatchWriteCommandOutput, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { canonicalJson } from '@shegong/domain';
import { StoreError } from './errors.ts';
import type { Store } from './store.ts';

/**
 * One tenant's items, for an operator's restore (README "Backup and restore"; packages/local's
 * `pnpm restore-drill`). Never on a request path: it Scans.
 *
 * A tenant's items are every item of its partitions (`T#<id>` and `T#<id>#…`: keys.ts puts all its
 * own data there, audit and guards included) and the global lookups that name it (`tenantId`:
 * its users' e-mail guards, its credit code, invitation tokens, certificate numbers, its region's
 * bureau). What is shared is not the tenant's and is left alone: a region's sums and map, a
 * person's platform-wide award ledger (it outlives any one employer).
 *
 * PITR restores a whole table to a new table at a second in the last 35 days; this is how one
 * tenant is brought back from it (export from the restored table, restore into the live one)
 * without rolling every other tenant back too.
 */

export type TableItem = Record<string, unknown>;

/** DynamoDB's most writes in one BatchWriteItem. */
const BATCH_WRITE = 25;

/** Whether an item belongs to the tenant (see the module comment). */
export function isTenantItem(item: TableItem, tenantId: string): boolean {
  const pk = String(item.pk ?? '');
  const own = `T#${tenantId}`;
  if (pk === own || pk.startsWith(`${own}#`)) return true;
  return !pk.startsWith('T#') && !pk.startsWith('R#') && item.tenantId === tenantId;
}

/** Every item of the tenant, in key order (a Scan of the table, filtered). */
export async function exportTenantItems(store: Store, tenantId: string): Promise<TableItem[]> {
  const items: TableItem[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await store.client.send(
      new ScanCommand({
        TableName: store.tableName,
        ConsistentRead: true,
        FilterExpression: 'begins_with(pk, :own) OR tenantId = :id',
        ExpressionAttributeValues: { ':own': `T#${tenantId}`, ':id': tenantId },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []).filter((item) => isTenantItem(item, tenantId)));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

/** Deletes these items (by key), 25 at a time. */
export async function deleteItems(store: Store, items: readonly TableItem[]): Promise<void> {
  await writeAll(
    store,
    items.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })),
  );
}

/** Puts these items back exactly as exported, 25 at a time. */
export async function restoreItems(store: Store, items: readonly TableItem[]): Promise<void> {
  await writeAll(
    store,
    items.map((item) => ({ PutRequest: { Item: item } })),
  );
}

type WriteRequest = NonNullable<ConstructorParameters<typeof BatchWriteCommand>[0]['RequestItems']>[string][number];

async function writeAll(store: Store, requests: readonly WriteRequest[]): Promise<void> {
  for (let start = 0; start < requests.length; start += BATCH_WRITE) {
    let pending: WriteRequest[] | undefined = requests.slice(start, start + BATCH_WRITE);
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt > 8) throw new StoreError('conflict', 'the table is busy; try again');
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      const answer: BatchWriteCommandOutput = await store.client.send(
        new BatchWriteCommand({ RequestItems: { [store.tableName]: pending } }),
      );
      pending = answer.UnprocessedItems?.[store.tableName] as WriteRequest[] | undefined;
    }
  }
}

/** An item's key as one sortable string. */
function keyOf(item: TableItem): string {
  return `${String(item.pk)}\u0000${String(item.sk)}`;
}

/**
 * The items as JSON lines, one item a line, in key order, object keys sorted at every level and
 * DynamoDB sets and binaries written as `{"$set":[…]}` and `{"$binary":"<base64>"}` (JSON has
 * neither; contract versions keep their body gzipped as a binary): equal strings mean equal items, and
 * decodeItems reads it back to the same items (the export file of a drill or a restore).
 */
export function encodeItems(items: readonly TableItem[]): string {
  return [...items]
    .sort((a, b) => keyOf(a).localeCompare(keyOf(b)))
    .map((item) => canonicalJson(jsonable(item)))
    .join('\n');
}

/** The items of encodeItems' text. */
export function decodeItems(text: string): TableItem[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line, (_k, v) => decodeValue(v)));
}

function decodeValue(v: unknown): unknown {
  if (!isPlainObject(v)) return v;
  if (Array.isArray(v.$set)) return new Set(v.$set);
  if (typeof v.$binary === 'string') return new Uint8Array(Buffer.from(v.$binary, 'base64'));
  return v;
}

/** The item with its sets and binaries as the plain objects JSON can hold (see encodeItems). */
function jsonable(v: unknown): unknown {
  if (v instanceof Set) return { $set: [...v].sort() };
  if (v instanceof Uint8Array) return { $binary: Buffer.from(v).toString('base64') };
  if (Array.isArray(v)) return v.map(jsonable);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonable(x)]));
  return v;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Set) && !(v instanceof Uint8Array);
}
