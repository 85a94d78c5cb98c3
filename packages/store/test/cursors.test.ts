import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTableInput, decodeCursor, encodeCursor, Store, StoreError } from '../src/index.ts';

const tableName = `store-cursors-${randomUUID()}`;
const store = new Store({ tableName, endpoint: inject('dynamoEndpoint'), region: 'ap-southeast-1' });
const a = store.tenant({ tenantId: 'tenant-a', userId: 'a-admin' });
const b = store.tenant({ tenantId: 'tenant-b', userId: 'b-admin' });

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

beforeAll(async () => {
  await store.client.send(new CreateTableCommand(createTableInput(tableName)));
  for (const repos of [a, b]) {
    for (const n of [1, 2, 3]) {
      const mutation = repos.scope.mutation();
      const id = `${repos.scope.tenantId}-u${n}`;
      const user = repos.users.add(mutation, { id, email: `${id}@example.cn`, name: id, roles: ['staff'] });
      await mutation.audited('user.create', 'User', id, 1, user).commit();
    }
  }
});

describe('cursors', () => {
  it('continues a list where the last page stopped', async () => {
    const first = await a.users.list({ limit: 2 });
    expect(first.items.map((u) => u.id)).toEqual(['tenant-a-u1', 'tenant-a-u2']);
    expect(first.cursor).toBeDefined();
    const second = await a.users.list({ limit: 2, cursor: first.cursor as string });
    expect(second.items.map((u) => u.id)).toEqual(['tenant-a-u3']);
  });

  it('does not reveal the key it carries in plain text', async () => {
    const { cursor } = await a.users.list({ limit: 1 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('tenant-a');
  });

  it('refuses a cursor from another partition with bad_cursor', async () => {
    const ofB = await b.users.list({ limit: 1 });
    expect(ofB.cursor).toBeDefined();
    const cursor = ofB.cursor as string;

    expect(() => decodeCursor(cursor, { attribute: 'pk', value: 'T#tenant-a' })).toThrow(StoreError);
    expect((await rejection(a.users.list({ limit: 1, cursor }))).code).toBe('bad_cursor');
    expect((await rejection(a.invitations.list({ limit: 1, cursor }))).code).toBe('bad_cursor');
    expect((await rejection(a.audit.list({ limit: 1, cursor }))).code).toBe('bad_cursor');
    // A's own audit cursor is not a cursor of A's users either.
    const audit = await a.audit.list({ limit: 1 });
    expect((await rejection(a.users.list({ limit: 1, cursor: audit.cursor as string }))).code).toBe('bad_cursor');
  });

  it('refuses a forged cursor that points into another tenant', async () => {
    const forged = encodeCursor({ pk: 'T#tenant-b', sk: 'USER#tenant-b-u1' }) as string;
    expect((await rejection(a.users.list({ limit: 10, cursor: forged }))).code).toBe('bad_cursor');
  });

  it('refuses a cursor of the same tenant from another list, or with its key cut or padded, with bad_cursor (not a DynamoDB error)', async () => {
    const mutation = a.scope.mutation();
    a.invitations.create(mutation, { email: 'i1@example.cn', roles: ['staff'] });
    a.invitations.create(mutation, { email: 'i2@example.cn', roles: ['staff'] });
    await mutation.audited('invitation.create', 'Invitation', 'i', 1, {}).commit();
    const users = await a.users.list({ limit: 1 });
    const invitations = await a.invitations.list({ limit: 1 });

    expect((await rejection(a.invitations.list({ limit: 1, cursor: users.cursor as string }))).code).toBe('bad_cursor');
    expect((await rejection(a.users.list({ limit: 1, cursor: invitations.cursor as string }))).code).toBe('bad_cursor');
    for (const key of [{ pk: 'T#tenant-a' }, { pk: 'T#tenant-a', sk: 'USER#tenant-a-u1', extra: 'x' }]) {
      const cursor = encodeCursor(key) as string;
      expect((await rejection(a.users.list({ limit: 1, cursor }))).code, JSON.stringify(key)).toBe('bad_cursor');
    }
    // The genuine cursors still work.
    expect((await a.users.list({ limit: 5, cursor: users.cursor as string })).items).toHaveLength(2);
    expect((await a.invitations.list({ limit: 5, cursor: invitations.cursor as string })).items).toHaveLength(1);
  });

  it('refuses garbage with bad_cursor', async () => {
    for (const cursor of [
      'garbage',
      '%%%',
      'eyJwayI6IlQjdGVuYW50LWEi',
      Buffer.from('{"pk":1}').toString('base64url'),
    ]) {
      const error = await rejection(a.users.list({ limit: 1, cursor }));
      expect(error.code, cursor).toBe('bad_cursor');
    }
  });
});
