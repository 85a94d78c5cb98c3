import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { assessContract, type ContractDraft, type CostedDraft, FANGCHENGGANG_2023 } from '@shegong/domain';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { backfillContractStatusIndex, createTableInput, keys, Store } from '../src/index.ts';

/**
 * GSI `status` (table.ts): a head's place in its status's list is written with the head, moves
 * with its status in the same write, and heads written before the index get theirs by the backfill.
 */

const tableName = `store-contract-lists-${randomUUID()}`;
const store = new Store({ tableName, endpoint: inject('dynamoEndpoint'), region: 'ap-southeast-1' });
const tenantId = randomUUID();
const org = store.tenant({ tenantId, userId: 'pm' });

beforeAll(async () => {
  await store.client.send(new CreateTableCommand(createTableInput(tableName)));
  const platform = store.platform({ tenantId: 'platform', userId: 'root', kind: 'platform' });
  const mutation = platform.scope.mutation();
  const tenant = platform.directory.create(
    mutation,
    { kind: 'org', name: '列表测试社工中心', region: '450602' },
    tenantId as ReturnType<typeof randomUUID>,
  );
  await mutation.audited('tenant.create', 'Tenant', tenant.id, 1, tenant).commit();
});

let serial = 0;
/** A small costed draft under a number of its own. */
function costed(): CostedDraft {
  serial += 1;
  const draft: ContractDraft = {
    terms: {
      purchaser: { name: '防城港市港口区民政局', region: '450602' },
      number: `IDX-${serial}`,
      title: `索引测试${serial}`,
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
      posts: [{ title: '社工', role: 'frontline', certLevel: 'assistant', ftePercent: 100, months: 12 }],
      lines: {
        personnel: 63_600_00,
        supervision: 0,
        activities: 0,
        management: 4_000_00,
        tax: 2_400_00,
        other: 10_000_00,
      },
      items: [],
    },
  };
  const rules = FANGCHENGGANG_2023.parameters;
  return {
    draft,
    costedPosts: draft.plan.posts,
    ruleSet: { id: '450600-2023-01-01-v1', region: '450600', effectiveFrom: '2023-01-01', version: 1, title: 't' },
    rules,
    assessment: assessContract(draft, rules),
  };
}

async function head(id: string) {
  const { Item } = await store.client.send(
    new GetCommand({ TableName: tableName, Key: keys.contract(tenantId, id), ConsistentRead: true }),
  );
  return Item ?? {};
}

const listed = async (status: 'draft' | 'submitted') =>
  (await org.contracts.list({ limit: 100 }, { status })).items.map((c) => c.id);

describe('a contract head in GSI status', () => {
  it('is written with its status’s key, and moves when its status changes', async () => {
    const { contract } = await org.contracts.create(costed());
    expect(await head(contract.id)).toMatchObject({ gsi2pk: `T#${tenantId}#CONTRACT#draft`, gsi2sk: contract.id });
    const moved = await org.contracts.transition(contract.id, { to: 'submitted', date: '2026-01-02' }, 1);
    expect(await head(contract.id)).toMatchObject({
      gsi2pk: `T#${tenantId}#CONTRACT#submitted`,
      gsi2sk: contract.id,
      version: moved.version,
    });
    expect(await listed('submitted')).toContain(contract.id);
    expect(await listed('draft')).not.toContain(contract.id);
    // The index's keys are storage, not the record.
    expect(await org.contracts.get(contract.id)).not.toHaveProperty('gsi2pk');
  });

  it('is given its key by the backfill when it was written before the index, once', async () => {
    const { contract } = await org.contracts.create(costed());
    const before = await head(contract.id);
    // As a head written before the index existed.
    await store.client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.contract(tenantId, contract.id),
        UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
      }),
    );
    expect(await listed('draft')).not.toContain(contract.id);

    expect(await backfillContractStatusIndex(store)).toMatchObject({ heads: 1 });
    expect(await listed('draft')).toContain(contract.id);
    expect(await head(contract.id)).toEqual(before);
    expect(await backfillContractStatusIndex(store)).toMatchObject({ heads: 0 });
  });
});
