import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type Page } from './cursor.ts';
import { type TenantScope, toRecord } from './scope.ts';

export interface PageRequest {
  limit: number;
  cursor?: string;
}

/** Which items a list reads: one partition (of the table or of the `scope` index), maybe a prefix. */
export interface ListQuery {
  partition: string;
  sortPrefix?: string;
  index?: 'scope';
  newestFirst?: boolean;
  /**
   * Keeps only items whose attribute equals the value: a FilterExpression on the same Query (read
   * capacity is spent on the items skipped, and a page may come back shorter than its limit).
   */
  filter?: { attribute: string; value: string };
}

/**
 * Every list is one Query of one partition with a page limit and an opaque cursor; the cursor is
 * checked against the same partition, key shape and prefix, so it cannot walk anywhere else.
 */
export async function queryPage<T>(scope: TenantScope, query: ListQuery, page: PageRequest): Promise<Page<T>> {
  const [pk, sk] = query.index ? ['gsi1pk', 'gsi1sk'] : ['pk', 'sk'];
  const { Items = [], LastEvaluatedKey } = await scope.client.send(
    new QueryCommand({
      TableName: scope.tableName,
      ...(query.index ? { IndexName: query.index } : {}),
      KeyConditionExpression: query.sortPrefix ? `${pk} = :pk AND begins_with(${sk}, :prefix)` : `${pk} = :pk`,
      ...(query.filter
        ? { FilterExpression: '#filter = :filter', ExpressionAttributeNames: { '#filter': query.filter.attribute } }
        : {}),
      ExpressionAttributeValues: {
        ':pk': query.partition,
        ...(query.sortPrefix ? { ':prefix': query.sortPrefix } : {}),
        ...(query.filter ? { ':filter': query.filter.value } : {}),
      },
      ...(query.newestFirst ? { ScanIndexForward: false } : {}),
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, {
        attribute: pk,
        value: query.partition,
        keys: query.index ? ['pk', 'sk', 'gsi1pk', 'gsi1sk'] : ['pk', 'sk'],
        ...(query.sortPrefix ? { sortPrefix: { attribute: sk, prefix: query.sortPrefix } } : {}),
      }),
    }),
  );
  const cursor = encodeCursor(LastEvaluatedKey);
  return { items: Items.map((i) => toRecord<T>(i)), ...(cursor ? { cursor } : {}) };
}
