import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type Page } from './cursor.ts';
import { type TenantScope, toRecord } from './scope.ts';

export interface PageRequest {
  limit: number;
  cursor?: string;
}

/** The key attributes of the table and of each index. */
const KEYS = {
  table: ['pk', 'sk'],
  scope: ['gsi1pk', 'gsi1sk'],
  status: ['gsi2pk', 'gsi2sk'],
  review: ['gsi3pk', 'gsi3sk'],
} as const;

/** Which items a list reads: one partition (of the table or of an index), maybe a prefix. */
export interface ListQuery {
  partition: string;
  sortPrefix?: string;
  /** Only sort keys before this one (a deadline list up to today); not with `sortPrefix`. */
  sortBelow?: string;
  index?: 'scope' | 'status' | 'review';
  newestFirst?: boolean;
  /** A strongly consistent read (the table only: GSIs are eventually consistent). */
  consistent?: boolean;
}

/**
 * Every list is one Query of one partition with a page limit and an opaque cursor; the cursor is
 * checked against the same partition, key shape and prefix, so it cannot walk anywhere else.
 */
export async function queryPage<T>(scope: TenantScope, query: ListQuery, page: PageRequest): Promise<Page<T>> {
  const found = await queryItems(scope, query, page);
  return { ...found, items: found.items.map((i) => toRecord<T>(i)) };
}

/** A page of items as stored, keys and all (an index row's keys name the item it stands for). */
export async function queryItems(
  scope: TenantScope,
  query: ListQuery,
  page: PageRequest,
): Promise<Page<Record<string, unknown>>> {
  const [pk, sk] = KEYS[query.index ?? 'table'];
  const { Items = [], LastEvaluatedKey } = await scope.client.send(
    new QueryCommand({
      TableName: scope.tableName,
      ...(query.index ? { IndexName: query.index } : {}),
      KeyConditionExpression: query.sortPrefix
        ? `${pk} = :pk AND begins_with(${sk}, :prefix)`
        : query.sortBelow !== undefined
          ? `${pk} = :pk AND ${sk} < :below`
          : `${pk} = :pk`,
      ExpressionAttributeValues: {
        ':pk': query.partition,
        ...(query.sortPrefix ? { ':prefix': query.sortPrefix } : {}),
        ...(query.sortBelow !== undefined ? { ':below': query.sortBelow } : {}),
      },
      ...(query.newestFirst ? { ScanIndexForward: false } : {}),
      ...(query.consistent && !query.index ? { ConsistentRead: true } : {}),
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, {
        attribute: pk,
        value: query.partition,
        keys: query.index ? [...KEYS.table, pk, sk] : KEYS.table,
        ...(query.sortPrefix ? { sortPrefix: { attribute: sk, prefix: query.sortPrefix } } : {}),
      }),
    }),
  );
  const cursor = encodeCursor(LastEvaluatedKey);
  return { items: Items, ...(cursor ? { cursor } : {}) };
}

/**
 * Every item of one partition, following the pages: only for lists bounded by what one tenant
 * holds (an organisation's contracts read from a narrow index projection), never to walk a table.
 */
export async function queryAll(scope: TenantScope, query: ListQuery): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryItems(scope, query, { limit: 1000, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

/**
 * How many items a Query matches: Select COUNT, page after page (DynamoDB counts at most 1 MB read
 * per call), so a badge costs no item reads. The caller gives the key condition (and any filter).
 */
export async function countQuery(
  scope: TenantScope,
  input: Omit<QueryCommandInput, 'TableName' | 'Select' | 'ExclusiveStartKey'>,
): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const found = await scope.client.send(
      new QueryCommand({
        ...input,
        TableName: scope.tableName,
        Select: 'COUNT',
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    count += found.Count ?? 0;
    start = found.LastEvaluatedKey;
  } while (start);
  return count;
}
