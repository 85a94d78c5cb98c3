import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { PersonInput } from '@shegong/domain';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTableInput, idCardHash, Store, StoreError } from '../src/index.ts';

const tableName = `store-people-${randomUUID()}`;
const store = new Store({ tableName, endpoint: inject('dynamoEndpoint'), region: 'ap-southeast-1' });
const a = store.tenant({ tenantId: 'org-a', userId: 'a-hr' });
const b = store.tenant({ tenantId: 'org-b', userId: 'b-hr' });

beforeAll(async () => {
  await store.client.send(new CreateTableCommand(createTableInput(tableName)));
});

/** GB 11643: the 18th character from the weighted sum of the first 17 digits, mod 11. */
function idCard(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (weights[i] as number), 0);
  return first17 + '10X98765432'[sum % 11];
}

let serial = 100;
/** A person with a fresh ID-card number and certificate number unless given. */
function person(overrides: Partial<PersonInput> = {}): PersonInput {
  serial += 1;
  return {
    name: '韦小宝',
    idCardNumber: idCard(`45060219900101${serial}`.slice(0, 17)),
    phone: '13800138000',
    education: { level: 'bachelor', socialWorkMajor: true },
    employmentType: 'contract',
    monthlyPay: 400_000,
    employment: [{ employer: '阳光社工', region: '450602', start: '2020-03-01', socialWork: true }],
    certificates: [{ level: 'assistant', number: `S${randomUUID().slice(0, 12)}`, obtainedOn: '2021-06-20' }],
    continuingEducation: [{ date: '2026-03-01', tenthHours: 125, provider: '市民政局', topic: '个案管理' }],
    ...overrides,
  };
}

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

const certGuard = (number: string) => ({ pk: `CERT#${number.toUpperCase()}`, sk: 'CERT' });
const idGuard = (tenant: string, number: string) => ({ pk: `T#${tenant}#IDCARD`, sk: idCardHash(number) });

describe('People', () => {
  it("finds many people by id in batches, only this organisation's", async () => {
    const mine = await Promise.all(Array.from({ length: 3 }, () => a.people.create(person())));
    const theirs = await store.tenant({ tenantId: 'org-findmany', userId: 'x-hr' }).people.create(person());
    // More ids than one BatchGetItem takes (100), most of them nobody's.
    const ids = [...Array.from({ length: 150 }, () => randomUUID()), ...mine.map((p) => p.id), theirs.id, mine[0]!.id];
    const found = await a.people.findMany(ids);
    expect([...found.keys()].sort()).toEqual(mine.map((p) => p.id).sort());
    expect(found.get(mine[1]!.id)).toEqual(mine[1]);
    expect((await a.people.findMany([])).size).toBe(0);
  });

  it('creates a person at version 1 with guards for the ID-card number (hashed) and each certificate', async () => {
    const input = person();
    const created = await a.people.create(input);
    expect(created).toEqual({ ...input, id: expect.any(String), createdAt: expect.any(String), version: 1 });
    expect(await a.people.get(created.id)).toEqual(created);
    expect(await read(certGuard(input.certificates[0]!.number))).toMatchObject({
      tenantId: 'org-a',
      personId: created.id,
    });
    const guard = await read(idGuard('org-a', input.idCardNumber));
    expect(guard).toMatchObject({ tenantId: 'org-a', personId: created.id });
    // The plain number appears in no key.
    expect(JSON.stringify(guard)).not.toContain(input.idCardNumber);
    const audit = (await a.audit.list({ limit: 10 })).items;
    expect(audit[0]).toMatchObject({ action: 'person.create', entity: 'Person', entityId: created.id, version: 1 });
  });

  it('refuses a certificate number another organisation registered, naming the certificate, writing nothing', async () => {
    const first = await a.people.create(person());
    const number = first.certificates[0]!.number;
    const input = person({
      certificates: [
        { level: 'assistant', number: `S${randomUUID().slice(0, 12)}`, obtainedOn: '2020-01-01' },
        { level: 'social_worker', number: number.toLowerCase(), obtainedOn: '2023-01-01' },
      ],
    });
    const auditBefore = (await b.audit.list({ limit: 100 })).items.length;
    const error = await rejection(b.people.create(input));
    expect(error.code).toBe('conflict');
    expect(error.detail).toEqual({ field: 'certificates/1/number' });
    expect((await b.people.list({ limit: 100 })).items).toEqual([]);
    expect(await read(idGuard('org-b', input.idCardNumber))).toBeUndefined();
    expect(await read(certGuard(input.certificates[0]!.number))).toBeUndefined();
    expect((await b.audit.list({ limit: 100 })).items).toHaveLength(auditBefore);
  });

  it('refuses an ID-card number twice in one organisation, but not in another', async () => {
    const first = await a.people.create(person());
    const error = await rejection(a.people.create(person({ idCardNumber: first.idCardNumber })));
    expect(error.detail).toEqual({ field: 'idCardNumber' });
    // Another organisation may employ the same person (part-time at both, say).
    await expect(b.people.create(person({ idCardNumber: first.idCardNumber }))).resolves.toMatchObject({ version: 1 });
  });

  it('refuses one certificate number twice in one person', async () => {
    const number = `S${randomUUID().slice(0, 12)}`;
    const error = await rejection(
      a.people.create(
        person({
          certificates: [
            { level: 'assistant', number, obtainedOn: '2020-01-01' },
            { level: 'social_worker', number, obtainedOn: '2023-01-01' },
          ],
        }),
      ),
    );
    expect(error.detail).toEqual({ field: 'certificates/1/number' });
  });

  it('on replace releases a removed certificate and a changed ID-card number, and claims the new ones', async () => {
    const input = person();
    const created = await a.people.create(input);
    const oldNumber = input.certificates[0]!.number;
    const newNumber = `S${randomUUID().slice(0, 12)}`;
    const newId = person().idCardNumber;
    const replaced = await a.people.replace(created.id, 1, {
      ...input,
      idCardNumber: newId,
      certificates: [{ level: 'social_worker', number: newNumber, obtainedOn: '2024-06-01' }],
    });
    expect(replaced).toMatchObject({ version: 2, idCardNumber: newId, createdAt: created.createdAt });
    expect(await read(certGuard(oldNumber))).toBeUndefined();
    expect(await read(idGuard('org-a', input.idCardNumber))).toBeUndefined();
    expect(await read(certGuard(newNumber))).toMatchObject({ personId: created.id });
    expect(await read(idGuard('org-a', newId))).toMatchObject({ personId: created.id });
    // The freed numbers can be used again, here by someone else.
    await expect(
      a.people.create(
        person({
          idCardNumber: input.idCardNumber,
          certificates: [{ level: 'assistant', number: oldNumber, obtainedOn: '2021-01-01' }],
        }),
      ),
    ).resolves.toMatchObject({ version: 1 });
  });

  it('keeps unchanged guards on replace, and answers a stale version with stale_version', async () => {
    const input = person();
    const created = await a.people.create(input);
    await a.people.replace(created.id, 1, { ...input, monthlyPay: 450_000 });
    expect(await read(certGuard(input.certificates[0]!.number))).toMatchObject({ personId: created.id });
    expect((await rejection(a.people.replace(created.id, 1, input))).code).toBe('stale_version');
    expect((await rejection(a.people.remove(created.id, 1))).code).toBe('stale_version');
    expect(await a.people.get(created.id)).toMatchObject({ version: 2, monthlyPay: 450_000 });
  });

  it('removes a person and frees their numbers; another organisation cannot see or remove them', async () => {
    const input = person();
    const created = await a.people.create(input);
    expect((await rejection(b.people.get(created.id))).code).toBe('not_found');
    expect((await rejection(b.people.remove(created.id, 1))).code).toBe('not_found');
    await a.people.remove(created.id, 1);
    expect(await a.people.find(created.id)).toBeUndefined();
    expect(await read(certGuard(input.certificates[0]!.number))).toBeUndefined();
    expect(await read(idGuard('org-a', input.idCardNumber))).toBeUndefined();
    expect((await a.audit.list({ limit: 1 })).items[0]).toMatchObject({
      action: 'person.delete',
      entityId: created.id,
    });
  });
});

describe('People.createMany and findConflicts (roster import)', () => {
  const c = store.tenant({ tenantId: 'org-c', userId: 'c-hr' });

  it('writes 60 people with their guards in transactions of at most 25, one audit event each', async () => {
    const inputs = Array.from({ length: 60 }, () => person());
    const created = await c.people.createMany(inputs, { importId: 'import-1' });
    expect(created).toHaveLength(60);
    expect(await c.people.listAll()).toHaveLength(60);
    // 60 people at 3 items each (person, ID guard, one certificate): 25 + 25 + 10 people.
    const audit = (await c.audit.list({ limit: 100 })).items.filter((e) => e.action === 'person.import');
    expect(audit).toHaveLength(3);
    expect(audit.every((e) => e.entityId === 'import-1')).toBe(true);
    for (const input of inputs) expect(await read(certGuard(input.certificates[0]!.number))).toBeDefined();
  });

  it('keeps a transaction under 100 items when people hold many certificates', async () => {
    const d = store.tenant({ tenantId: 'org-d', userId: 'd-hr' });
    // 10 people × (1 + 1 + 10 certificates) = 120 items: 8 people (96 + audit = 97) then 2.
    const inputs = Array.from({ length: 10 }, () =>
      person({
        certificates: Array.from({ length: 10 }, (_, i) => ({
          level: 'assistant' as const,
          number: `M${i}-${randomUUID().slice(0, 10)}`,
          obtainedOn: '2021-01-01',
        })),
      }),
    );
    await d.people.createMany(inputs, { importId: 'import-many-certs' });
    expect((await d.audit.list({ limit: 100 })).items.filter((e) => e.action === 'person.import')).toHaveLength(2);
    expect(await d.people.listAll()).toHaveLength(10);
  });

  it('finds taken and repeated numbers before anything is written', async () => {
    const stored = await a.people.create(person());
    const fresh = person();
    const inputs = [
      person({
        certificates: [{ level: 'assistant', number: stored.certificates[0]!.number, obtainedOn: '2020-01-01' }],
      }),
      fresh,
      person({ idCardNumber: fresh.idCardNumber }),
      person({ idCardNumber: stored.idCardNumber }),
    ];
    expect(await a.people.findConflicts(inputs)).toEqual([
      { index: 0, path: '/certificates/0/number', reason: 'taken' },
      { index: 2, path: '/idCardNumber', reason: 'repeated' },
      { index: 3, path: '/idCardNumber', reason: 'taken' },
    ]);
    // In another organisation the stored ID-card number is not taken; the certificate still is.
    expect(await b.people.findConflicts([inputs[0]!, inputs[3]!])).toEqual([
      { index: 0, path: '/certificates/0/number', reason: 'taken' },
    ]);
  });
});
