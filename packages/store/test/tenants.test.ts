import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { NewTenant } from '@shegong/domain';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTableInput, Store, StoreError, stateHash } from '../src/index.ts';

const tableName = `store-tenants-${randomUUID()}`;
const store = new Store({ tableName, endpoint: inject('dynamoEndpoint'), region: 'ap-southeast-1' });
const platformContext = { tenantId: 'platform', userId: 'root', kind: 'platform' };

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

async function directoryCount() {
  const { Count } = await store.client.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'scope',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': 'P#TENANT' },
      Select: 'COUNT',
    }),
  );
  return Count ?? 0;
}

async function createTenant(input: Omit<NewTenant, 'adminEmail'>) {
  const platform = store.platform(platformContext);
  const mutation = platform.scope.mutation();
  const tenant = platform.directory.create(mutation, input);
  await mutation.audited('tenant.create', 'Tenant', tenant.id, tenant.version, tenant).commit();
  return tenant;
}

describe('TenantDirectory', () => {
  it('creates a tenant the directory and the tenant itself can read, audited in the platform’s trail', async () => {
    const tenant = await createTenant({
      kind: 'org',
      name: '东兴市阳光社会工作服务中心',
      nameEn: 'Dongxing Sunshine Social Work Centre',
      region: '450681',
      uscc: '52450681MJ4H2K7P37',
    });

    expect(tenant).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      kind: 'org',
      name: '东兴市阳光社会工作服务中心',
      nameEn: 'Dongxing Sunshine Social Work Centre',
      region: '450681',
      uscc: '52450681MJ4H2K7P37',
      status: 'active',
      createdAt: expect.any(String),
      version: 1,
    });
    const platform = store.platform(platformContext);
    expect(await platform.directory.get(tenant.id)).toEqual(tenant);
    expect(await store.tenant({ tenantId: tenant.id, userId: 'someone' }).tenant.get()).toEqual(tenant);
    expect(await read({ pk: 'USCC#52450681MJ4H2K7P37', sk: 'USCC' })).toMatchObject({ tenantId: tenant.id });
    expect((await platform.audit.list({ limit: 1 })).items[0]).toMatchObject({
      actor: 'root',
      action: 'tenant.create',
      entity: 'Tenant',
      entityId: tenant.id,
      version: 1,
      hash: stateHash(tenant),
    });
  });

  it('refuses a second organisation with the same USCC as a conflict naming uscc, writing nothing', async () => {
    await createTenant({ kind: 'org', name: '防城港市第一社工站', region: '450600', uscc: '91450600MA5KB2X10E' });
    const before = await directoryCount();

    const platform = store.platform(platformContext);
    const mutation = platform.scope.mutation();
    const copy = platform.directory.create(mutation, {
      kind: 'org',
      name: '另一个机构',
      region: '450602',
      uscc: '91450600MA5KB2X10E',
    });
    const error = await rejection(mutation.audited('tenant.create', 'Tenant', copy.id, 1, copy).commit());

    expect(error.code).toBe('conflict');
    expect(error.detail).toEqual({ field: 'uscc' });
    expect(await read({ pk: `T#${copy.id}`, sk: 'TENANT' })).toBeUndefined();
    expect(await directoryCount()).toBe(before);
  });

  it('writes no USCC guard for a tenant without one', async () => {
    const bureau = await createTenant({ kind: 'bureau', name: '上思县民政局', region: '450621' });
    expect(bureau).not.toHaveProperty('uscc');
    expect(bureau).not.toHaveProperty('nameEn');
  });

  it('lists tenants newest first, one page at a time, following the cursor', async () => {
    // One bureau per region (submitted contracts are routed by region).
    for (const [name, region] of [
      ['港口区民政局', '450602'],
      ['防城区民政局', '450603'],
      ['东兴市民政局', '450681'],
    ] as const) {
      await createTenant({ kind: 'bureau', name, region });
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const platform = store.platform(platformContext);
    const listed = [];
    let cursor: string | undefined;
    do {
      const page = await platform.directory.list({ limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      for (const tenant of page.items) {
        expect(tenant).not.toHaveProperty('gsi1pk');
        expect(tenant).not.toHaveProperty('pk');
      }
      listed.push(...page.items);
      cursor = page.cursor;
    } while (cursor);

    expect(listed).toHaveLength(await directoryCount());
    expect(new Set(listed.map((t) => t.id)).size).toBe(listed.length);
    expect(listed.slice(0, 3).map((t) => t.name)).toEqual(['东兴市民政局', '防城区民政局', '港口区民政局']);
    const times = listed.map((t) => t.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('answers not_found for a tenant that does not exist', async () => {
    expect((await rejection(store.platform(platformContext).directory.get(randomUUID()))).code).toBe('not_found');
    expect((await rejection(store.tenant({ tenantId: randomUUID(), userId: 'x' }).tenant.get())).code).toBe(
      'not_found',
    );
  });

  it('opens the directory to the platform tenant only', () => {
    for (const kind of ['org', 'bureau', 'incubator', '', 'Platform']) {
      expect(() => store.platform({ tenantId: 'platform', userId: 'root', kind })).toThrow(
        'only the platform tenant may open the tenant directory',
      );
    }
    expect(() =>
      store.platform({ tenantId: 'platform', userId: 'root' } as { tenantId: string; userId: string; kind: string }),
    ).toThrow();
    expect(store.platform(platformContext).directory).toBeDefined();
  });
});
