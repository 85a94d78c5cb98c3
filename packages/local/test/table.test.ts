import { randomUUID } from 'node:crypto';
import { assessContract, type ContractDraft, FANGCHENGGANG_2023 } from '@shegong/domain';
import { CreateTableCommand, createTableInput, DescribeTableCommand, keys, Store, UpdateCommand } from '@shegong/store';
import { describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../src/table.ts';

const endpoint = inject('dynamoEndpoint');

describe('ensureTable on a table kept from before GSI status', () => {
  it('adds the index and gives the contract heads written before their keys in it', async () => {
    const store = new Store({ tableName: `local-upgrade-${randomUUID().slice(0, 8)}`, endpoint });
    const input = createTableInput(store.tableName);
    await store.client.send(
      new CreateTableCommand({
        ...input,
        AttributeDefinitions: input.AttributeDefinitions.filter((a) => !a.AttributeName.startsWith('gsi2')),
        GlobalSecondaryIndexes: input.GlobalSecondaryIndexes.filter((i) => i.IndexName !== 'status'),
      }),
    );
    const tenantId = randomUUID();
    const platform = store.platform({ tenantId: 'platform', userId: 'root', kind: 'platform' });
    const mutation = platform.scope.mutation();
    const tenant = platform.directory.create(
      mutation,
      { kind: 'org', name: '旧表社工中心', region: '450602' },
      tenantId as ReturnType<typeof randomUUID>,
    );
    await mutation.audited('tenant.create', 'Tenant', tenant.id, 1, tenant).commit();
    const draft: ContractDraft = {
      terms: {
        purchaser: { name: '防城港市港口区民政局', region: '450602' },
        number: 'OLD-1',
        title: '旧合同',
        services: ['helping_needy'],
        serviceArea: '港口区',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        stableRecurring: false,
        value: 80_000_00,
        deliverables: [],
        milestones: [{ name: '全款', dueDate: '2026-12-31', amount: 80_000_00 }],
      },
      plan: {
        posts: [],
        lines: { personnel: 0, supervision: 0, activities: 0, management: 0, tax: 0, other: 80_000_00 },
        items: [],
      },
    };
    const org = store.tenant({ tenantId, userId: 'pm' });
    const { contract } = await org.contracts.create({
      draft,
      costedPosts: [],
      ruleSet: { id: '450600-2023-01-01-v1', region: '450600', effectiveFrom: '2023-01-01', version: 1, title: 't' },
      rules: FANGCHENGGANG_2023.parameters,
      assessment: assessContract(draft, FANGCHENGGANG_2023.parameters),
    });
    // Written by an older Shegong: no keys in the index.
    await store.client.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.contract(tenantId, contract.id),
        UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
      }),
    );

    expect(await ensureTable(store)).toBe('upgraded');
    const { Table } = await store.client.send(new DescribeTableCommand({ TableName: store.tableName }));
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(['review', 'scope', 'status']);
    expect((await org.contracts.list({ limit: 10 }, { status: 'draft' })).items.map((c) => c.id)).toEqual([
      contract.id,
    ]);
    expect(await ensureTable(store)).toBe('existing');
  });
});

describe('ensureTable on a table kept with a stream (as earlier starts made it)', () => {
  it('turns the stream off, which nothing here reads and every write of DynamoDB Local consults', async () => {
    const store = new Store({ tableName: `local-stream-${randomUUID().slice(0, 8)}`, endpoint });
    await store.client.send(
      new CreateTableCommand({
        ...createTableInput(store.tableName),
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    expect(await ensureTable(store)).toBe('upgraded');
    const { Table } = await store.client.send(new DescribeTableCommand({ TableName: store.tableName }));
    expect(Table?.StreamSpecification?.StreamEnabled ?? false).toBe(false);
    expect(await ensureTable(store)).toBe('existing');
  });
});
