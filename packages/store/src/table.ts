/**
 * The one table, defined once. The CDK stack (infra/lib/data.ts) and the local/test bootstrap
 * (createTableInput) both read this, so the keys cannot drift apart.
 *
 * Keys: every tenant-owned item has pk `T#<tenantId>` or `T#<tenantId>#<collection>`, so a later
 * IAM policy can confine a request to its tenant with dynamodb:LeadingKeys on `T#<tenantId>*`.
 * GSI `scope` holds projections for cross-tenant readers; its partition key starts with the
 * reader's scope (`R#<regionCode>#…` for bureaus, `I#<incubatorId>#…` for incubation bases).
 *
 * GSI `status` is sparse: only a contract's head carries its keys, `T#<tenant>#CONTRACT#<status>`
 * and the contract's id (time-ordered, so read backwards it lists the newest first). A list of one
 * status is one Query of its own partition, so its pages are full however many contracts of other
 * statuses the organisation has (a FilterExpression would read past them and return short or empty
 * pages). A change of status rewrites the head, and with it the index key, in the same transaction.
 * It projects only what a list sorts and searches by (a few hundred bytes a row, against a head's
 * few KB): the rows of a page are then read from the table as heads, by key. Adding an index is
 * one UpdateTable (DynamoDB creates or deletes one GSI per update; the quota is 20 a table, and
 * INCLUDE projections may name 100 attributes across all indexes).
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [
    { name: 'scope', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: { type: 'ALL' } },
    {
      name: 'status',
      partitionKey: 'gsi2pk',
      sortKey: 'gsi2sk',
      projection: { type: 'INCLUDE', attributes: ['number', 'title', 'purchaser', 'startDate', 'value'] },
    },
    // The review queue (keys.reviewQueue): sparse, a head carries its keys only while submitted,
    // so the queue is what waits and no more. It projects the whole head: a queue row shows the
    // number, title, value, findings and the responsible bureau without a second read, and what
    // waits at once is a few dozen heads, not the thousands of the `scope` index.
    { name: 'review', partitionKey: 'gsi3pk', sortKey: 'gsi3sk', projection: { type: 'ALL' } },
  ],
  /** Epoch seconds; DynamoDB deletes the item some time after (idempotency records, invitations). */
  ttlAttribute: 'expiresAt',
  stream: 'NEW_AND_OLD_IMAGES',
} as const;

export type TableDefinition = typeof tableDefinition;

/**
 * The CreateTable input for DynamoDB Local and tests (on-demand, like the deployed table), without
 * the deployed table's stream: locally nothing reads it (imports run in process), and DynamoDB
 * Local looks up every stream it keeps on every write, so a stream's records, kept after their
 * table is gone, made each write of a long test run slower than the one before.
 */
export function createTableInput(tableName: string) {
  const { partitionKey, sortKey, indexes } = tableDefinition;
  const attributes = [partitionKey, sortKey, ...indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: attributes.map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' as const },
      { AttributeName: sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: indexes.map(indexInput),
  };
}

type IndexDefinition = TableDefinition['indexes'][number];

/** One index as CreateTable and UpdateTable take it. */
export function indexInput(index: IndexDefinition) {
  return {
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
    ],
    Projection:
      index.projection.type === 'INCLUDE'
        ? { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...index.projection.attributes] }
        : { ProjectionType: 'ALL' as const },
  };
}
