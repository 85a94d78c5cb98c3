import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LadderInput, PersonInput } from '@shegong/domain';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTableInput, Store, StoreError } from '../src/index.ts';

const tableName = `store-ladders-${randomUUID()}`;
const store = new Store({ tableName, endpoint: inject('dynamoEndpoint'), region: 'ap-southeast-1' });
const a = store.tenant({ tenantId: 'org-a', userId: 'a-hr' });
const b = store.tenant({ tenantId: 'org-b', userId: 'b-hr' });

beforeAll(async () => {
  await store.client.send(new CreateTableCommand(createTableInput(tableName)));
});

const level = (id: string, name: string, min: number, max: number): LadderInput['levels'][number] => ({
  id,
  name,
  postClass: 'none',
  requirements: {
    minCertificate: 'none',
    minYearsPractice: 0,
    minEducation: 'secondary',
    continuingEducationUpToDate: false,
  },
  payBand: { min, max },
});

const V1: LadderInput = { levels: [level('trainee', '社工助理', 2_600_00, 3_200_00)] };
const V2: LadderInput = { levels: [...V1.levels, level('lead', '项目主管', 4_000_00, 5_000_00)] };

function person(name: string, idCardNumber: string): PersonInput {
  return {
    name,
    idCardNumber,
    phone: '13812345678',
    education: { level: 'bachelor', socialWorkMajor: true },
    employmentType: 'contract',
    monthlyPay: 3_000_00,
    employment: [],
    certificates: [],
    continuingEducation: [],
  };
}

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

async function itemsOf(tenantId: string, prefix: string) {
  const { Items = [] } = await store.client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': `T#${tenantId}`, ':p': prefix },
      ConsistentRead: true,
    }),
  );
  return Items;
}

describe('saving the ladder', () => {
  it('has none before the first save', async () => {
    expect(await a.ladders.find()).toBeUndefined();
    expect((await rejection(a.ladders.get())).code).toBe('not_found');
  });

  it('saves v1 (first save), then v2 against v1; each version stays readable as saved', async () => {
    const v1 = await a.ladders.save(V1, { firstSave: true });
    expect(v1).toMatchObject({ version: 1, savedBy: 'a-hr', levels: V1.levels });
    const v2 = await a.ladders.save(V2, { expectedVersion: 1 });
    expect(v2).toMatchObject({ version: 2, levels: V2.levels });
    expect(await a.ladders.get()).toEqual(v2);
    expect(await a.ladders.version(1)).toEqual(v1);
    expect(await a.ladders.version(2)).toEqual(v2);
    const { items } = await a.ladders.versions({ limit: 10 });
    expect(items.map((l) => l.version)).toEqual([2, 1]);
    // Each save wrote one audit event of its version.
    const audit = (await a.audit.list({ limit: 10 })).items.filter((e) => e.action === 'ladder.save');
    expect(audit.map((e) => e.version).sort()).toEqual([1, 2]);
  });

  it('refuses a stale version (412 at the API) and a second "first" save, writing nothing', async () => {
    const before = await itemsOf('org-a', 'LADDER');
    expect((await rejection(a.ladders.save(V1, { expectedVersion: 1 }))).code).toBe('stale_version');
    expect((await rejection(a.ladders.save(V1, { firstSave: true }))).code).toBe('stale_version');
    expect(await itemsOf('org-a', 'LADDER')).toEqual(before);
  });

  it('keeps each organisation’s ladder to itself', async () => {
    expect(await b.ladders.find()).toBeUndefined();
    expect((await rejection(b.ladders.version(1))).code).toBe('not_found');
    expect((await b.ladders.versions({ limit: 10 })).items).toEqual([]);
  });

  it('answers not found for a version never saved', async () => {
    expect((await rejection(a.ladders.version(3))).code).toBe('not_found');
    expect((await rejection(a.ladders.version(0))).code).toBe('not_found');
  });
});

describe('recording a promotion', () => {
  it('writes the promotion and the person’s new level in one transaction', async () => {
    const li = await a.people.create(person('李明', '11010519491231002X'));
    const mutation = a.scope.mutation();
    const promotion = a.ladders.stagePromotion(mutation, {
      personId: li.id,
      toLevelId: 'lead',
      date: '2026-03-01',
      ladderVersion: 2,
    });
    const promoted = a.people.stageLevelChange(mutation, li, 'lead');
    await mutation.audited('ladder.promote', 'Person', li.id, promoted.version, promotion).commit();

    expect(await a.people.get(li.id)).toMatchObject({ ladderLevelId: 'lead', version: 2 });
    const { items } = await a.ladders.promotions(li.id, { limit: 10 });
    expect(items).toEqual([
      {
        id: promotion.id,
        personId: li.id,
        toLevelId: 'lead',
        date: '2026-03-01',
        ladderVersion: 2,
        recordedBy: 'a-hr',
        recordedAt: expect.stringMatching(/^\d{4}-/),
      },
    ]);
    const { Item } = await store.client.send(
      new GetCommand({
        TableName: tableName,
        Key: { pk: 'T#org-a', sk: `PROMOTION#${li.id}#2026-03-01#${promotion.id}` },
      }),
    );
    expect(Item).toBeDefined();
  });

  it('fails whole, writing nothing, when the person changed since it was read', async () => {
    const wang = await a.people.create(person('王芳', '440524188001010014'));
    const stale = { ...wang };
    await a.people.replace(wang.id, 1, { ...person('王芳', '440524188001010014'), monthlyPay: 3_100_00 });
    const mutation = a.scope.mutation();
    const promotion = a.ladders.stagePromotion(mutation, {
      personId: wang.id,
      toLevelId: 'lead',
      date: '2026-03-01',
      ladderVersion: 2,
    });
    a.people.stageLevelChange(mutation, stale, 'lead');
    mutation.audited('ladder.promote', 'Person', wang.id, 2, promotion);
    expect((await rejection(mutation.commit())).code).toBe('stale_version');
    expect(await itemsOf('org-a', `PROMOTION#${wang.id}#`)).toEqual([]);
    expect(await a.people.get(wang.id)).toMatchObject({ version: 2, monthlyPay: 3_100_00 });
    expect((await a.people.get(wang.id)).ladderLevelId).toBeUndefined();
  });

  it('fails whole when the ladder was saved again since the promotion was checked against it', async () => {
    const zhao = await a.people.create(person('赵敏', '450602199001011239'));
    await a.ladders.save(V2, { expectedVersion: 2 });
    const mutation = a.scope.mutation();
    const promotion = a.ladders.stagePromotion(mutation, {
      personId: zhao.id,
      toLevelId: 'lead',
      date: '2026-03-01',
      ladderVersion: 2,
    });
    const promoted = a.people.stageLevelChange(mutation, zhao, 'lead');
    mutation.audited('ladder.promote', 'Person', zhao.id, promoted.version, promotion);
    expect((await rejection(mutation.commit())).code).toBe('stale_version');
    expect(await itemsOf('org-a', `PROMOTION#${zhao.id}#`)).toEqual([]);
    expect(await a.people.get(zhao.id)).toMatchObject({ version: 1 });
  });
});
