import {
  CreateTableCommand,
  createTableInput,
  DescribeTableCommand,
  type Store,
  tableDefinition,
  UpdateTimeToLiveCommand,
} from '@shegong/store';

/**
 * Creates the table from the same definition the CDK stack uses, unless it exists already (data
 * kept on disk from an earlier start), and waits until it is ACTIVE.
 */
export async function ensureTable(store: Store): Promise<'created' | 'existing'> {
  const TableName = store.tableName;
  if (await tableStatus(store)) {
    await waitUntilActive(store);
    return 'existing';
  }
  try {
    await store.client.send(new CreateTableCommand(createTableInput(TableName)));
  } catch (error) {
    // Another process created it in between: as good as created.
    if ((error as Error).name !== 'ResourceInUseException') throw error;
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

async function tableStatus(store: Store): Promise<string | undefined> {
  try {
    const { Table } = await store.client.send(new DescribeTableCommand({ TableName: store.tableName }));
    return Table?.TableStatus;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

async function waitUntilActive(store: Store): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await tableStatus(store)) !== 'ACTIVE') {
    if (Date.now() > deadline) throw new Error(`table ${store.tableName} did not become ACTIVE within 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
