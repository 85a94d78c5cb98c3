import {
  backfillContractStatusIndex,
  backfillReviewRouting,
  CreateTableCommand,
  createTableInput,
  DescribeTableCommand,
  indexInput,
  type Store,
  tableDefinition,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@shegong/store';

/**
 * Creates the table from the same definition the CDK stack uses, unless it exists already (data
 * kept on disk from an earlier start), and waits until it is ACTIVE. A table kept from before an
 * index was defined gets the index, one at a time as DynamoDB allows, and the items written before
 * get their keys in it (what a deployed table needs too: see backfillContractStatusIndex).
 */
export async function ensureTable(store: Store): Promise<'created' | 'existing' | 'upgraded'> {
  const TableName = store.tableName;
  if (await tableStatus(store)) {
    await waitUntilActive(store);
    const indexed = await addMissingIndexes(store);
    return (await dropStream(store)) || indexed ? 'upgraded' : 'existing';
  }
  try {
    await store.client.send(new CreateTableCommand(createTableInput(TableName)));
  } catch (error) {
    // Another process created it in between: as good as created, and that process sets its TTL
    // (DynamoDB refuses to enable it twice).
    if ((error as Error).name !== 'ResourceInUseException') throw error;
    await waitUntilActive(store);
    return 'created';
  }
  await waitUntilActive(store);
  await store.client.send(
    new UpdateTimeToLiveCommand({
      TableName,
      TimeToLiveSpecification: { AttributeName: tableDefinition.ttlAttribute, Enabled: true },
    }),
  );
  return 'created';
}

/** Adds the indexes the definition has and the table lacks; whether it added any. */
async function addMissingIndexes(store: Store): Promise<boolean> {
  const { Table } = await store.client.send(new DescribeTableCommand({ TableName: store.tableName }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  const missing = tableDefinition.indexes.filter((i) => !present.has(i.name));
  for (const index of missing) {
    await store.client.send(
      new UpdateTableCommand({
        TableName: store.tableName,
        AttributeDefinitions: [index.partitionKey, index.sortKey].map((name) => ({
          AttributeName: name,
          AttributeType: 'S' as const,
        })),
        GlobalSecondaryIndexUpdates: [{ Create: indexInput(index) }],
      }),
    );
    await waitUntilActive(store);
  }
  if (missing.some((i) => i.name === 'status')) await backfillContractStatusIndex(store);
  if (missing.some((i) => i.name === 'review')) await backfillReviewRouting(store);
  return missing.length > 0;
}

/**
 * Turns off a stream that a table kept from an earlier start still has (createTableInput makes none
 * now): nothing reads it locally, and DynamoDB Local consults it on every write, slower the more
 * records it has kept. Whether there was one.
 */
async function dropStream(store: Store): Promise<boolean> {
  const { Table } = await store.client.send(new DescribeTableCommand({ TableName: store.tableName }));
  if (!Table?.StreamSpecification?.StreamEnabled) return false;
  await store.client.send(
    new UpdateTableCommand({ TableName: store.tableName, StreamSpecification: { StreamEnabled: false } }),
  );
  await waitUntilActive(store);
  return true;
}

async function tableStatus(store: Store): Promise<string | undefined> {
  try {
    const { Table } = await store.client.send(new DescribeTableCommand({ TableName: store.tableName }));
    return Table?.TableStatus;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

/** Until the table and every index are ACTIVE (an index being added is CREATING). */
async function waitUntilActive(store: Store): Promise<void> {
  const deadline = Date.now() + 30_000;
  const active = async () => {
    const { Table } = await store.client.send(new DescribeTableCommand({ TableName: store.tableName }));
    return (
      Table?.TableStatus === 'ACTIVE' && (Table.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE')
    );
  };
  while (!(await tableStatus(store)) || !(await active())) {
    if (Date.now() > deadline) throw new Error(`table ${store.tableName} did not become ACTIVE within 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
