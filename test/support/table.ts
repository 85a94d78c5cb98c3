import { randomUUID } from 'node:crypto';
import {
  type AttributeValue,
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  ScanCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { QueryCommand as DocumentQuery, DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createTableInput, keys } from '@shegong/store';

// The SDK's notice that its 2027 releases will need Node 22 is not news to a test run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * One table per test file, on the one DynamoDB Local the global setup started. Tests may Scan
 * (request paths may not): the isolation matrix compares whole-table snapshots.
 */
export class TestTable {
  readonly raw: DynamoDBClient;
  readonly documents: DynamoDBDocumentClient;

  constructor(
    readonly endpoint: string,
    readonly tableName: string,
  ) {
    this.raw = new DynamoDBClient({
      endpoint,
      region: 'ap-southeast-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    this.documents = DynamoDBDocumentClient.from(this.raw);
  }

  static named(endpoint: string, label: string): TestTable {
    const safe = label.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 60);
    return new TestTable(endpoint, `t-${safe}-${randomUUID().slice(0, 8)}`);
  }

  async create(): Promise<void> {
    await this.raw.send(new CreateTableCommand(createTableInput(this.tableName)));
    await waitUntilTableExists({ client: this.raw, maxWaitTime: 30 }, { TableName: this.tableName });
  }

  async drop(): Promise<void> {
    await this.raw.send(new DeleteTableCommand({ TableName: this.tableName })).catch(() => undefined);
    this.raw.destroy();
  }

  /** Every item, as DynamoDB returns them (attribute values, not unmarshalled), sorted by key. */
  async items(): Promise<Record<string, AttributeValue>[]> {
    const items: Record<string, AttributeValue>[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.raw.send(
        new ScanCommand({ TableName: this.tableName, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    const key = (i: Record<string, AttributeValue>) => `${i.pk?.S ?? ''}\u0000${i.sk?.S ?? ''}`;
    return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }

  /** The whole table as one canonical string: equal strings mean nothing was written. */
  async snapshot(): Promise<string> {
    return (await this.items()).map((item) => canonical(item)).join('\n');
  }

  /** A tenant's audit events, oldest first (a Query on its AUDIT partition, never a Scan). */
  async auditEvents(tenantId: string): Promise<Record<string, unknown>[]> {
    const events: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new DocumentQuery({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.auditPartition(tenantId) },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      events.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return events;
  }

  /** Sets attributes of one item directly, as only a test may (to age an invitation, say). */
  async set(key: { pk: string; sk: string }, values: Record<string, unknown>): Promise<void> {
    const names = Object.keys(values);
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression: `SET ${names.map((_, i) => `#n${i} = :v${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#n${i}`, n])),
        ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:v${i}`, values[n]])),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  }
}

/** JSON with object keys sorted, so two equal items always print the same. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
