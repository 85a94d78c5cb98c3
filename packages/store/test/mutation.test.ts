import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTableInput, Mutation, Store, StoreError, stateHash } from '../src/index.ts';

const tableName = `store-mutation-${randomUUID()}`;
const store = new Store({ tableName, endpoint: inject('dynamoEndpoint'), region: 'ap-southeast-1' });
const tenantId = 'tenant-mutation';
const actor = { tenantId, userId: 'admin-1' };

beforeAll(async () => {
  await store.client.send(new CreateTableCommand(createTableInput(tableName)));
});

const mutation = () => new Mutation(store.client, tableName, actor);

async function read(key: { pk: string; sk: string }) {
  const { Item } = await store.client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  return Item;
}

async function auditEvents(tenant = tenantId) {
  const { Items = [] } = await store.client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `T#${tenant}#AUDIT` },
      ConsistentRead: true,
    }),
  );
  return Items;
}

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

const noteKey = (id: string) => ({ pk: `T#${tenantId}`, sk: `NOTE#${id}` });

async function createNote(id: string, text = 'first') {
  await mutation()
    .create('Note', { ...noteKey(id), text })
    .audited('note.create', 'Note', id, 1, { id, text })
    .commit();
}

describe('Mutation', () => {
  it('creates an item at version 1; creating it again is a conflict and nothing of that transaction is written', async () => {
    await createNote('n-create');
    expect(await read(noteKey('n-create'))).toMatchObject({ text: 'first', version: 1, itemType: 'Note' });
    const auditBefore = await auditEvents();

    const error = await rejection(
      mutation()
        .create('Note', { ...noteKey('n-create'), text: 'second' })
        .create('Note', { ...noteKey('n-create-side'), text: 'would be written with it' })
        .audited('note.create', 'Note', 'n-create', 1, { id: 'n-create', text: 'second' })
        .commit(),
    );

    expect(error.code).toBe('conflict');
    expect(error.message).toBe('Note already exists');
    expect(await read(noteKey('n-create'))).toMatchObject({ text: 'first', version: 1 });
    expect(await read(noteKey('n-create-side'))).toBeUndefined();
    const auditAfter = await auditEvents();
    expect(auditAfter).toHaveLength(auditBefore.length);
    expect(auditAfter.some((e) => e.hash === stateHash({ id: 'n-create', text: 'second' }))).toBe(false);
  });

  it('replaces an item given its stored version, storing version + 1', async () => {
    await createNote('n-replace');
    await mutation()
      .replace('Note', { ...noteKey('n-replace'), text: 'second' }, 1)
      .audited('note.update', 'Note', 'n-replace', 2, { id: 'n-replace', text: 'second' })
      .commit();
    expect(await read(noteKey('n-replace'))).toMatchObject({ text: 'second', version: 2 });

    await mutation()
      .replace('Note', { ...noteKey('n-replace'), text: 'third' }, 2)
      .audited('note.update', 'Note', 'n-replace', 3, { id: 'n-replace', text: 'third' })
      .commit();
    expect(await read(noteKey('n-replace'))).toMatchObject({ text: 'third', version: 3 });
  });

  it('refuses a replace from a stale version with stale_version, leaving the item and the audit trail unchanged', async () => {
    await createNote('n-stale');
    await mutation()
      .replace('Note', { ...noteKey('n-stale'), text: 'second' }, 1)
      .audited('note.update', 'Note', 'n-stale', 2, { text: 'second' })
      .commit();
    const before = await read(noteKey('n-stale'));
    const auditBefore = (await auditEvents()).length;

    const error = await rejection(
      mutation()
        .replace('Note', { ...noteKey('n-stale'), text: 'from an old page' }, 1)
        .audited('note.update', 'Note', 'n-stale', 2, { text: 'from an old page' })
        .commit(),
    );

    expect(error.code).toBe('stale_version');
    expect(await read(noteKey('n-stale'))).toEqual(before);
    expect(before).toMatchObject({ text: 'second', version: 2 });
    expect(await auditEvents()).toHaveLength(auditBefore);
  });

  it('refuses a replace of an item that does not exist (no version to match)', async () => {
    const error = await rejection(
      mutation()
        .replace('Note', { ...noteKey('n-missing'), text: 'x' }, 1)
        .audited('note.update', 'Note', 'n-missing', 2, {})
        .commit(),
    );
    expect(error.code).toBe('stale_version');
    expect(await read(noteKey('n-missing'))).toBeUndefined();
  });

  it('lets exactly one of two concurrent replaces from the same version win', async () => {
    await createNote('n-race');
    const auditBefore = (await auditEvents()).length;
    const attempt = (text: string) =>
      mutation()
        .replace('Note', { ...noteKey('n-race'), text }, 1)
        .audited('note.update', 'Note', 'n-race', 2, { text })
        .commit();

    const results = await Promise.allSettled([attempt('from tab A'), attempt('from tab B')]);

    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toBeInstanceOf(StoreError);
    expect(['stale_version', 'conflict']).toContain((lost[0]!.reason as StoreError).code);
    const winner = results[0]?.status === 'fulfilled' ? 'from tab A' : 'from tab B';
    expect(await read(noteKey('n-race'))).toMatchObject({ text: winner, version: 2 });
    expect(await auditEvents()).toHaveLength(auditBefore + 1);
  });

  it('fails with the guard’s own error when the guarded value is taken, writing nothing', async () => {
    const guardKey = { pk: 'EMAIL#taken@example.cn', sk: 'EMAIL' };
    await mutation()
      .guard(guardKey, { tenantId, userId: 'u-first' }, () => new StoreError('conflict', 'unused'))
      .audited('user.create', 'User', 'u-first', 1, {})
      .commit();
    const auditBefore = (await auditEvents()).length;

    const taken = new StoreError('conflict', 'A user with this e-mail address already exists', { field: 'email' });
    const error = await rejection(
      mutation()
        .create('Note', { ...noteKey('n-guarded'), text: 'x' })
        .guard(guardKey, { tenantId, userId: 'u-second' }, () => taken)
        .audited('user.create', 'User', 'u-second', 1, {})
        .commit(),
    );

    expect(error).toBe(taken);
    expect(await read(guardKey)).toMatchObject({ tenantId, userId: 'u-first', itemType: 'Guard' });
    expect(await read(noteKey('n-guarded'))).toBeUndefined();
    expect(await auditEvents()).toHaveLength(auditBefore);
  });

  it('does not let a tenant release a guard another tenant holds', async () => {
    const guardKey = { pk: 'EMAIL#held-by-other@example.cn', sk: 'EMAIL' };
    await new Mutation(store.client, tableName, { tenantId: 'tenant-other', userId: 'x' })
      .guard(guardKey, { tenantId: 'tenant-other', userId: 'u-9' }, () => new StoreError('conflict', 'taken'))
      .audited('user.create', 'User', 'u-9', 1, {})
      .commit();

    const error = await rejection(mutation().release(guardKey).audited('user.remove', 'User', 'u-9', 2, {}).commit());
    expect(error.code).toBe('conflict');
    expect(await read(guardKey)).toMatchObject({ tenantId: 'tenant-other' });

    // The holder itself may release it.
    await new Mutation(store.client, tableName, { tenantId: 'tenant-other', userId: 'x' })
      .release(guardKey)
      .audited('user.remove', 'User', 'u-9', 2, {})
      .commit();
    expect(await read(guardKey)).toBeUndefined();
  });

  it('appends exactly one audit event per committed mutation, saying who, when, what and the new state’s hash', async () => {
    const before = (await auditEvents()).length;
    const state = { id: 'n-audit', text: 'hello', tags: ['a', 'b'] };
    const started = Date.now();
    const returned = await mutation()
      .create('Note', { ...noteKey('n-audit'), text: 'hello' })
      .create('Note', { ...noteKey('n-audit-2'), text: 'two items, one event' })
      .audited('note.create', 'Note', 'n-audit', 1, state)
      .commit();

    const events = await auditEvents();
    expect(events).toHaveLength(before + 1);
    const stored = events.find((e) => e.entityId === 'n-audit');
    expect(stored).toEqual({
      pk: `T#${tenantId}#AUDIT`,
      sk: expect.stringMatching(new RegExp(`^${returned.at.replace(/[.]/g, '\\.')}#[0-9a-f-]{36}$`)),
      actor: 'admin-1',
      at: returned.at,
      action: 'note.create',
      entity: 'Note',
      entityId: 'n-audit',
      version: 1,
      hash: returned.hash,
    });
    expect(returned.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(returned.at)).toBeGreaterThanOrEqual(started - 1000);
    expect(Date.parse(returned.at)).toBeLessThanOrEqual(Date.now() + 1000);
    expect(returned.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(returned.hash).toBe(stateHash(state));
    // The same state with its keys in another order hashes the same.
    expect(returned.hash).toBe(stateHash({ tags: ['a', 'b'], text: 'hello', id: 'n-audit' }));

    // The trail reads it back, newest first, without storage attributes.
    const trail = await store.tenant({ tenantId, userId: 'admin-1' }).audit.list({ limit: 100 });
    expect(trail.items).toHaveLength(before + 1);
    expect(trail.items).toContainEqual({
      actor: 'admin-1',
      at: returned.at,
      action: 'note.create',
      entity: 'Note',
      entityId: 'n-audit',
      version: 1,
      hash: returned.hash,
    });
    const times = trail.items.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('records the audit event in the acting tenant’s own partition', async () => {
    await new Mutation(store.client, tableName, { tenantId: 'tenant-audit-b', userId: 'b-admin' })
      .create('Note', { pk: 'T#tenant-audit-b', sk: 'NOTE#1', text: 'b' })
      .audited('note.create', 'Note', '1', 1, {})
      .commit();
    const events = await auditEvents('tenant-audit-b');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: 'b-admin', entityId: '1' });
    expect((await auditEvents()).some((e) => e.actor === 'b-admin')).toBe(false);
  });

  it('refuses to commit without saying what it audits, and writes nothing', async () => {
    await expect(
      mutation()
        .create('Note', { ...noteKey('n-unaudited'), text: 'x' })
        .commit(),
    ).rejects.toThrow('a mutation must say what it audits before it commits');
    expect(await read(noteKey('n-unaudited'))).toBeUndefined();
  });
});
