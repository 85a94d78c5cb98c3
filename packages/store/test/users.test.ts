import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTableInput, Store, StoreError, stateHash, TenantScope, Users } from '../src/index.ts';

const tableName = `store-users-${randomUUID()}`;
const store = new Store({ tableName, endpoint: inject('dynamoEndpoint'), region: 'ap-southeast-1' });
const a = store.tenant({ tenantId: 'tenant-a', userId: 'a-admin' });
const b = store.tenant({ tenantId: 'tenant-b', userId: 'b-admin' });

beforeAll(async () => {
  await store.client.send(new CreateTableCommand(createTableInput(tableName)));
});

async function read(key: { pk: string; sk: string }) {
  const { Item } = await store.client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  return Item;
}

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

async function addUser(repos: typeof a, input: { id: string; email: string; name: string; roles: string[] }) {
  const mutation = repos.scope.mutation();
  const user = repos.users.add(mutation, input);
  await mutation.audited('user.create', 'User', user.id, user.version, user).commit();
  return user;
}

describe('Users', () => {
  it('adds a user at version 1 with a lower-cased e-mail, and claims the e-mail for the tenant', async () => {
    const user = await addUser(a, { id: 'u-li', email: 'Li.Ming@Example.CN', name: '李明', roles: ['finance'] });
    expect(user).toEqual({
      id: 'u-li',
      tenantId: 'tenant-a',
      email: 'li.ming@example.cn',
      name: '李明',
      roles: ['finance'],
      status: 'active',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      version: 1,
    });
    expect(await a.users.get('u-li')).toEqual(user);
    expect(await read({ pk: 'EMAIL#li.ming@example.cn', sk: 'EMAIL' })).toEqual({
      pk: 'EMAIL#li.ming@example.cn',
      sk: 'EMAIL',
      itemType: 'Guard',
      tenantId: 'tenant-a',
      userId: 'u-li',
    });
  });

  it('refuses the same e-mail in another tenant (any case) as a conflict naming the field email, writing nothing', async () => {
    await addUser(a, { id: 'u-wang', email: 'wang.fang@example.cn', name: '王芳', roles: ['staff'] });
    const auditBefore = (await b.audit.list({ limit: 100 })).items.length;

    const error = await rejection(
      addUser(b, { id: 'u-wang-b', email: 'WANG.FANG@example.cn', name: '王芳', roles: ['auditor'] }),
    );

    expect(error.code).toBe('conflict');
    expect(error.detail).toEqual({ field: 'email' });
    expect(await b.users.find('u-wang-b')).toBeUndefined();
    expect((await b.audit.list({ limit: 100 })).items).toHaveLength(auditBefore);
    expect(await read({ pk: 'EMAIL#wang.fang@example.cn', sk: 'EMAIL' })).toMatchObject({ tenantId: 'tenant-a' });
  });

  it('refuses the same e-mail twice in one tenant, and the same user id twice', async () => {
    await addUser(a, { id: 'u-zhao', email: 'zhao@example.cn', name: '赵', roles: ['hr'] });
    expect(
      (await rejection(addUser(a, { id: 'u-zhao-2', email: 'zhao@example.cn', name: '赵', roles: ['hr'] }))).detail,
    ).toEqual({ field: 'email' });
    expect(
      (await rejection(addUser(a, { id: 'u-zhao', email: 'zhao2@example.cn', name: '赵', roles: ['hr'] }))).code,
    ).toBe('conflict');
    expect(await read({ pk: 'EMAIL#zhao2@example.cn', sk: 'EMAIL' })).toBeUndefined();
  });

  it('lists a tenant’s users one page at a time, every user exactly once, following the cursor', async () => {
    const c = store.tenant({ tenantId: 'tenant-c', userId: 'c-admin' });
    const ids = ['u-c1', 'u-c2', 'u-c3', 'u-c4'];
    for (const id of ids) await addUser(c, { id, email: `${id}@c.example.cn`, name: id, roles: ['staff'] });
    // Another kind of item in the same partition must not show up among the users.
    const mutation = c.scope.mutation();
    c.invitations.create(mutation, { email: 'invitee@c.example.cn', roles: ['staff'] });
    await mutation.audited('invitation.create', 'Invitation', 'x', 1, {}).commit();

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await c.users.list({ limit: 1, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(1);
      for (const user of page.items) {
        expect(user).not.toHaveProperty('pk');
        expect(user).not.toHaveProperty('sk');
        expect(user).not.toHaveProperty('entity');
        seen.push(user.id);
      }
      cursor = page.cursor;
      pages += 1;
      expect(pages).toBeLessThanOrEqual(ids.length + 1);
    } while (cursor);

    expect(seen).toEqual(ids);
    const all = await c.users.list({ limit: 10 });
    expect(all.items.map((u) => u.id)).toEqual(ids);
    expect(all.cursor).toBeUndefined();
  });

  it('updates a user given the current version: version + 1, stored, and audited with the new state’s hash', async () => {
    await addUser(a, { id: 'u-chen', email: 'chen@example.cn', name: '陈', roles: ['staff'] });

    const updated = await a.users.update('u-chen', 1, { roles: ['staff', 'hr'] }, 'user.update');

    expect(updated).toMatchObject({ id: 'u-chen', roles: ['staff', 'hr'], status: 'active', version: 2 });
    expect(await a.users.get('u-chen')).toEqual(updated);
    const latest = (await a.audit.list({ limit: 1 })).items[0];
    expect(latest).toEqual({
      actor: 'a-admin',
      at: expect.any(String),
      action: 'user.update',
      entity: 'User',
      entityId: 'u-chen',
      version: 2,
      hash: stateHash(updated),
    });

    const disabled = await a.users.update('u-chen', 2, { status: 'disabled' }, 'user.disable');
    expect(disabled).toMatchObject({ status: 'disabled', roles: ['staff', 'hr'], version: 3 });
    expect((await a.audit.list({ limit: 1 })).items[0]).toMatchObject({ action: 'user.disable', version: 3 });
  });

  it('refuses an update from a stale version, leaving the user as it was', async () => {
    await addUser(a, { id: 'u-liu', email: 'liu@example.cn', name: '刘', roles: ['staff'] });
    await a.users.update('u-liu', 1, { name: '刘洋' }, 'user.update');
    const before = await read({ pk: 'T#tenant-a', sk: 'USER#u-liu' });

    const error = await rejection(a.users.update('u-liu', 1, { roles: ['admin'] }, 'user.update'));

    expect(error.code).toBe('stale_version');
    expect(await read({ pk: 'T#tenant-a', sk: 'USER#u-liu' })).toEqual(before);
    expect(before).toMatchObject({ name: '刘洋', roles: ['staff'], version: 2 });
  });

  it('does not write over a newer change when its read of the user is stale (eventually consistent)', async () => {
    await addUser(a, { id: 'u-huang', email: 'huang@example.cn', name: '黄', roles: ['staff'] });
    const version1 = await read({ pk: 'T#tenant-a', sk: 'USER#u-huang' });
    await a.users.update('u-huang', 1, { name: '黄丽' }, 'user.update');
    // A replica that has not seen version 2 yet answers the read; writes go to the table.
    const laggingClient = {
      send: (command: unknown) =>
        command instanceof GetCommand ? Promise.resolve({ Item: version1 }) : store.client.send(command as never),
    } as unknown as DynamoDBDocumentClient;
    const users = new Users(new TenantScope(laggingClient, tableName, 'tenant-a', 'a-admin'));

    // The caller holds version 2 (its If-Match), so the version check alone would pass.
    await users.update('u-huang', 2, { roles: ['hr'] }, 'user.update').catch((error: unknown) => {
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('stale_version');
    });

    expect(await read({ pk: 'T#tenant-a', sk: 'USER#u-huang' })).toMatchObject({ name: '黄丽' });
  });

  it('answers not_found for a user that does not exist', async () => {
    expect(await a.users.find('u-nobody')).toBeUndefined();
    expect((await rejection(a.users.get('u-nobody'))).code).toBe('not_found');
    expect((await rejection(a.users.update('u-nobody', 1, { name: 'x' }, 'user.update'))).code).toBe('not_found');
  });
});
