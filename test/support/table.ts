import { randomUUID } from 'node:crypto';
import {
  type AttributeValue,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ScanCommand,
  UpdateTableCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { QueryCommand as DocumentQuery, DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createTableInput, keys } from '@shegong/store';

// The SDK's notice that its 2027 releases will need Node 22 is not news to a test run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * One table per test file, on the one DynamoDB Local the global setup started. Tests may Scan
 * (request paths may not): tests compare whole-table snapshots, or follow the stream (watch).
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

  /**
   * Follows the table's writes from now on, through its stream: far cheaper than comparing two
   * snapshots when a suite asks "was anything written?" thousands of times, and as strict (a write
   * that changes no byte leaves no record, one that changes any does, whichever client made it).
   */
  async watch(): Promise<TableWrites> {
    // The table's definition may have a stream already (the deployed one does); otherwise add one.
    const { Table } = await this.raw.send(new DescribeTableCommand({ TableName: this.tableName }));
    const streamArn = Table?.StreamSpecification?.StreamEnabled
      ? Table.LatestStreamArn
      : (
          await this.raw.send(
            new UpdateTableCommand({
              TableName: this.tableName,
              StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
            }),
          )
        ).TableDescription?.LatestStreamArn;
    if (!streamArn) throw new Error(`DynamoDB Local gave ${this.tableName} no stream`);
    const writes = new TableWrites(this.endpoint, streamArn);
    await writes.start();
    return writes;
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

interface StreamRecord {
  eventName: string;
  dynamodb: { Keys: Record<string, AttributeValue>; SequenceNumber: string };
}

/**
 * A table's stream, read through DynamoDB Local's Streams API (the SDK's Streams client is not a
 * dependency; DynamoDB Local checks no signature). Each drain reads every shard on from the last
 * record it saw there (a fresh iterator each time: DynamoDB Local trims under an iterator kept).
 */
export class TableWrites {
  /** The last sequence number read in each shard; a shard not in here is read from its start. */
  private readonly after = new Map<string, string>();
  /** The shards known; asked again only when one closes (its children are then read from their start). */
  private known: { ShardId: string }[] = [];

  constructor(
    private readonly endpoint: string,
    private readonly streamArn: string,
  ) {}

  /** Skips what the stream holds already: the writes before the watch began. */
  async start(): Promise<void> {
    this.known = await this.shards();
    await this.drain();
  }

  /** What was written since the last call (or since start): `EVENT pk | sk`, in order per shard. */
  async drain(): Promise<string[]> {
    const written: string[] = [];
    let closed = false;
    for (const { ShardId } of this.known) {
      let iterator: string | undefined = await this.iterator(ShardId, this.after.get(ShardId));
      while (iterator) {
        const page: { Records: StreamRecord[]; NextShardIterator?: string } = await this.call('GetRecords', {
          ShardIterator: iterator,
        });
        for (const record of page.Records) {
          const { Keys, SequenceNumber } = record.dynamodb;
          written.push(`${record.eventName} ${Keys.pk?.S ?? ''} | ${Keys.sk?.S ?? ''}`);
          this.after.set(ShardId, SequenceNumber);
        }
        if (!page.NextShardIterator) closed = true;
        iterator = page.Records.length > 0 ? page.NextShardIterator : undefined;
      }
    }
    if (closed) {
      const before = this.known.length;
      this.known = await this.shards();
      if (this.known.length > before) written.push(...(await this.drain()));
    }
    return written;
  }

  private async shards(): Promise<{ ShardId: string }[]> {
    const { StreamDescription } = await this.call<{ StreamDescription: { Shards: { ShardId: string }[] } }>(
      'DescribeStream',
      { StreamArn: this.streamArn },
    );
    return StreamDescription.Shards;
  }

  private async iterator(shardId: string, after: string | undefined): Promise<string> {
    const from = { StreamArn: this.streamArn, ShardId: shardId };
    const horizon = () =>
      this.call<{ ShardIterator: string }>('GetShardIterator', { ...from, ShardIteratorType: 'TRIM_HORIZON' });
    if (!after) return (await horizon()).ShardIterator;
    // A record read before may have been trimmed since: what the shard still holds is all newer.
    const next = await this.call<{ ShardIterator: string }>('GetShardIterator', {
      ...from,
      ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
      SequenceNumber: after,
    }).catch((error: Error) => (error.message.includes('TrimmedDataAccess') ? horizon() : Promise.reject(error)));
    return next.ShardIterator;
  }

  private async call<T>(operation: string, body: unknown): Promise<T> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDBStreams_20120810.${operation}`,
        authorization:
          'AWS4-HMAC-SHA256 Credential=local/20260101/ap-southeast-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as T;
    if (!response.ok) throw new Error(`DynamoDB Streams ${operation}: ${JSON.stringify(json)}`);
    return json;
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
