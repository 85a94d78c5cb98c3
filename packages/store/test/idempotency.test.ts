import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createTableInput, IdempotencyRecords, Store, StoreError } from '../src/index.ts';

const tableName = `store-idempotency-${randomUUID()}`;
const store = new Store({ tableName, endpoint: inject('dynamoEndpoint'), region: 'ap-southeast-1' });
const a = store.tenant({ tenantId: 'tenant-a', userId: 'a-admin' });
const b = store.tenant({ tenantId: 'tenant-b', userId: 'b-admin' });

beforeAll(async () => {
  await store.client.send(new CreateTableCommand(createTableInput(tableName)));
});

afterEach(() => {
  vi.useRealTimers();
});

async function read(key: { pk: string; sk: string }) {
  const { Item } = await store.client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  return Item;
}

async function auditCount(tenantId: string) {
  const { Count } = await store.client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `T#${tenantId}#AUDIT` },
      Select: 'COUNT',
      ConsistentRead: true,
    }),
  );
  return Count ?? 0;
}

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

/** A creating request: one note, recorded under the Idempotency-Key with its response. */
function createNote(repos: typeof a, id: string, key: string, requestHash: string) {
  const body = { id, text: `note ${id}` };
  return repos.scope
    .mutation()
    .create('Note', { pk: `T#${repos.scope.tenantId}`, sk: `NOTE#${id}`, ...body })
    .idempotent(key, requestHash, { status: 201, body })
    .audited('note.create', 'Note', id, 1, body);
}

describe('IdempotencyRecords', () => {
  const hash = IdempotencyRecords.requestHash('POST', '/v1/notes', { text: 'hello' });

  it('hashes the method, the path and the body', () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(IdempotencyRecords.requestHash('POST', '/v1/notes', { text: 'hello' })).toBe(hash);
    expect(IdempotencyRecords.requestHash('POST', '/v1/notes', { text: 'hello!' })).not.toBe(hash);
    expect(IdempotencyRecords.requestHash('POST', '/v1/users', { text: 'hello' })).not.toBe(hash);
  });

  it('replays the first response of a committed mutation for the same key and request', async () => {
    expect(await a.idempotency.replay('key-replay-0001', hash)).toBeUndefined();
    await createNote(a, 'n-1', 'key-replay-0001', hash).commit();
    expect(await a.idempotency.replay('key-replay-0001', hash)).toEqual({
      status: 201,
      body: { id: 'n-1', text: 'note n-1' },
    });
  });

  it('refuses the same key for a different request with idempotency_mismatch', async () => {
    await createNote(a, 'n-2', 'key-mismatch-01', hash).commit();
    const other = IdempotencyRecords.requestHash('POST', '/v1/notes', { text: 'something else' });
    const error = await rejection(a.idempotency.replay('key-mismatch-01', other));
    expect(error.code).toBe('idempotency_mismatch');
    expect(error.detail).toEqual({ idempotencyKey: 'key-mismatch-01' });
  });

  it('scopes keys by tenant: another tenant neither sees the record nor is blocked by it', async () => {
    await createNote(a, 'n-3', 'key-shared-0001', hash).commit();
    expect(await b.idempotency.replay('key-shared-0001', hash)).toBeUndefined();

    // Tenant B may use the same key for its own request.
    await createNote(b, 'n-3', 'key-shared-0001', hash).commit();
    expect(await b.idempotency.replay('key-shared-0001', hash)).toEqual({
      status: 201,
      body: { id: 'n-3', text: 'note n-3' },
    });
    expect(await read({ pk: 'T#tenant-a#IDEM', sk: 'key-shared-0001' })).toMatchObject({ requestHash: hash });
    expect(await read({ pk: 'T#tenant-b#IDEM', sk: 'key-shared-0001' })).toMatchObject({ requestHash: hash });
  });

  it('fails a second mutation with the same key as a conflict naming the key, and writes nothing of it', async () => {
    await createNote(a, 'n-4', 'key-twice-00001', hash).commit();
    const auditBefore = await auditCount('tenant-a');

    const error = await rejection(createNote(a, 'n-4-again', 'key-twice-00001', hash).commit());

    expect(error.code).toBe('conflict');
    // Written already, not in flight: the caller replays the first result.
    expect(error.detail).toEqual({ idempotencyKey: 'key-twice-00001', inFlight: false });
    expect(await read({ pk: 'T#tenant-a', sk: 'NOTE#n-4-again' })).toBeUndefined();
    expect(await auditCount('tenant-a')).toBe(auditBefore);
    expect(await a.idempotency.replay('key-twice-00001', hash)).toEqual({
      status: 201,
      body: { id: 'n-4', text: 'note n-4' },
    });
  });

  it('keeps a record for 24 hours (TTL attribute in epoch seconds)', async () => {
    const before = Math.floor(Date.now() / 1000);
    await createNote(a, 'n-5', 'key-ttl-0000001', hash).commit();
    const item = await read({ pk: 'T#tenant-a#IDEM', sk: 'key-ttl-0000001' });
    expect(item?.expiresAt).toBeGreaterThanOrEqual(before + 24 * 3600);
    expect(item?.expiresAt).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 24 * 3600);
  });

  it('forgets a record older than 24 hours even before DynamoDB’s TTL has deleted it, so the key can be used again', async () => {
    // The record was written 25 hours ago; DynamoDB deletes expired items only some time later.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 25 * 3600 * 1000);
    const old = createNote(a, 'n-old', 'key-expired-001', hash);
    vi.useRealTimers();
    await old.commit();
    expect(await read({ pk: 'T#tenant-a#IDEM', sk: 'key-expired-001' })).toBeDefined();

    expect(await a.idempotency.replay('key-expired-001', hash)).toBeUndefined();
    // What replay calls absent, the next creating request may claim.
    await createNote(a, 'n-new', 'key-expired-001', hash).commit();
    expect(await a.idempotency.replay('key-expired-001', hash)).toEqual({
      status: 201,
      body: { id: 'n-new', text: 'note n-new' },
    });
  });
});
