import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DONGXING_2026, FANGCHENGGANG_2023, FANGCHENGGANG_2023_V2, type NewRuleSet } from '@shegong/domain';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTableInput, Store, StoreError } from '../src/index.ts';

const tableName = `store-rule-sets-${randomUUID()}`;
const store = new Store({ tableName, endpoint: inject('dynamoEndpoint'), region: 'ap-southeast-1' });
const city = store.tenant({ tenantId: 'bureau-fcg', userId: 'fcg-admin' });
const county = store.tenant({ tenantId: 'bureau-dx', userId: 'dx-admin' });

beforeAll(async () => {
  await store.client.send(new CreateTableCommand(createTableInput(tableName)));
});

async function publish(repos: typeof city, input: NewRuleSet) {
  const { ruleSet, mutation } = await repos.ruleSets.publish(input);
  await mutation.commit();
  return ruleSet;
}

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

/** A region of its own per test, so the tests do not see each other's rule sets. */
const at = (region: string, input: NewRuleSet = FANGCHENGGANG_2023): NewRuleSet => ({ ...input, region });

describe('publishing rule sets', () => {
  it('publishes version 1 in the bureau’s partition with its projection on the region, audited', async () => {
    const ruleSet = await publish(city, FANGCHENGGANG_2023);
    expect(ruleSet).toMatchObject({
      id: '450600-2023-01-01-v1',
      region: '450600',
      effectiveFrom: '2023-01-01',
      version: 1,
      bureauId: 'bureau-fcg',
      publishedBy: 'fcg-admin',
      parameters: FANGCHENGGANG_2023.parameters,
    });
    const { Item } = await store.client.send(
      new GetCommand({
        TableName: tableName,
        Key: { pk: 'T#bureau-fcg', sk: 'RULESET#450600#2023-01-01#v0001' },
        ConsistentRead: true,
      }),
    );
    expect(Item).toMatchObject({ gsi1pk: 'R#450600#RULESET', gsi1sk: '2023-01-01#v0001', ruleSetVersion: 1 });
    expect(await store.ruleSet('450600-2023-01-01-v1')).toEqual(ruleSet);
    const audit = (await city.audit.list({ limit: 10 })).items;
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'ruleset.publish', entity: 'RuleSet', entityId: '450600-2023-01-01-v1' }),
    );
  });

  it('publishes a correction of the same date as version 2, and version 1 stays readable', async () => {
    const v2 = await publish(city, FANGCHENGGANG_2023_V2);
    expect(v2.id).toBe('450600-2023-01-01-v2');
    expect(v2.version).toBe(2);
    // The correction changed the housing-fund base floor from ¥1,810 to ¥1,900.
    expect((await store.ruleSet('450600-2023-01-01-v1')).parameters.housingFund.baseFloor).toBe(181_000);
    expect((await store.ruleSet('450600-2023-01-01-v2')).parameters.housingFund.baseFloor).toBe(190_000);
  });

  it('lets only one of two concurrent publishers have the next version; the other gets a conflict', async () => {
    await publish(city, at('450621'));
    // Both read the latest version before either writes (staged first, then committed together), so
    // the race is the one under test whatever the machine's scheduling: both claim version 2.
    const staged = await Promise.all([
      city.ruleSets.publish(at('450621', FANGCHENGGANG_2023_V2)),
      county.ruleSets.publish(at('450621', FANGCHENGGANG_2023_V2)),
    ]);
    expect(staged.map((s) => s.ruleSet.id)).toEqual(['450621-2023-01-01-v2', '450621-2023-01-01-v2']);
    const settled = await Promise.allSettled(staged.map((s) => s.mutation.commit()));
    expect(settled.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = settled.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(StoreError);
    expect((failed.reason as StoreError).code).toBe('conflict');
    // Trying again gets version 3.
    expect((await publish(county, at('450621', FANGCHENGGANG_2023_V2))).id).toBe('450621-2023-01-01-v3');
  });

  it('lists a bureau’s own rule sets, not another bureau’s', async () => {
    await publish(county, DONGXING_2026);
    const own = (await county.ruleSets.listOwn({ limit: 50 })).items.map((r) => r.id);
    expect(own).toContain('450681-2026-01-01-v1');
    expect(own).not.toContain('450600-2023-01-01-v1');
    expect((await city.ruleSets.listOwn({ limit: 50 })).items.map((r) => r.id)).not.toContain('450681-2026-01-01-v1');
  });

  it('answers not found for an id that was never published or is not an id', async () => {
    expect((await rejection(store.ruleSet('450600-2023-01-01-v9'))).code).toBe('not_found');
    expect((await rejection(store.ruleSet('not-an-id'))).code).toBe('not_found');
  });
});

describe('a version stored before a parameter existed', () => {
  it('reads with the parameter’s default: P-A3’s area the city of its region, N-4’s first year 1', async () => {
    const input = structuredClone(at('450621', DONGXING_2026));
    delete input.parameters.awards.continuityRegion;
    delete input.parameters.national.firstRegistrationYears;
    const published = await publish(county, input);
    // Stored as it was before the parameters existed: remove them from the item itself.
    const key = { pk: 'T#bureau-dx', sk: 'RULESET#450621#2026-01-01#v0001' };
    await store.client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'REMOVE #p.awards.continuityRegion, #p.#n.firstRegistrationYears',
        ExpressionAttributeNames: { '#p': 'parameters', '#n': 'national' },
      }),
    );
    const { Item } = await store.client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    expect(Item?.parameters.awards).not.toHaveProperty('continuityRegion');
    const read = await store.ruleSet(published.id);
    expect(read.parameters.awards.continuityRegion).toBe('450600');
    expect(read.parameters.national.firstRegistrationYears).toBe(1);
    expect((await store.ruleSetInForce('450621', '2026-03-01'))?.parameters).toEqual(read.parameters);
  });
});

describe('the rule set in force', () => {
  it('takes a county’s own rule set before its city’s, from its first day', async () => {
    // Dongxing's own (2026-01-01) is published above; the city has 2023-01-01 v1 and v2.
    expect((await store.ruleSetInForce('450681', '2026-01-01'))?.id).toBe('450681-2026-01-01-v1');
    expect((await store.ruleSetInForce('450681', '2026-06-30'))?.parameters.payFloor.assistant).toBe(350_000);
  });

  it('falls back to the city’s for a county before its own starts, and for a county without one', async () => {
    // The day before Dongxing's own starts: the city's correction (v2) is in force.
    expect((await store.ruleSetInForce('450681', '2025-12-31'))?.id).toBe('450600-2023-01-01-v2');
    expect((await store.ruleSetInForce('450602', '2026-03-01'))?.id).toBe('450600-2023-01-01-v2');
  });

  it('does not put in force a rule set that starts tomorrow', async () => {
    await publish(city, at('450603', { ...FANGCHENGGANG_2023, effectiveFrom: '2026-03-02' }));
    await publish(city, at('450603', { ...FANGCHENGGANG_2023, effectiveFrom: '2024-07-01' }));
    expect((await store.ruleSetInForce('450603', '2026-03-01'))?.id).toBe('450603-2024-07-01-v1');
    expect((await store.ruleSetInForce('450603', '2026-03-02'))?.id).toBe('450603-2026-03-02-v1');
  });

  it('lets a correction of the same date win over version 1', async () => {
    expect((await store.ruleSetInForce('450600', '2023-01-01'))?.version).toBe(2);
  });

  it('has none before the first rule set, and none where nobody published', async () => {
    expect(await store.ruleSetInForce('450600', '2022-12-31')).toBeUndefined();
    expect(await store.ruleSetInForce('450100', '2026-01-01')).toBeUndefined();
  });

  it('uses the province’s when neither the county nor its city has one', async () => {
    const province = store.tenant({ tenantId: 'bureau-gx', userId: 'gx-admin' });
    await publish(province, at('440000'));
    const found = await store.ruleSetInForce('440305', '2024-01-01');
    expect(found?.id).toBe('440000-2023-01-01-v1');
  });
});

describe('the history of a region', () => {
  it('pages through every version, newest date and version first', async () => {
    const region = '450500';
    for (const effectiveFrom of ['2023-01-01', '2024-01-01', '2025-01-01']) {
      await publish(city, at(region, { ...FANGCHENGGANG_2023, effectiveFrom }));
    }
    await publish(city, at(region, { ...FANGCHENGGANG_2023, effectiveFrom: '2024-01-01' }));
    const first = await store.ruleSetHistory(region, { limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual(['450500-2025-01-01-v1', '450500-2024-01-01-v2']);
    expect(first.cursor).toBeDefined();
    const second = await store.ruleSetHistory(region, { limit: 2, cursor: first.cursor });
    expect(second.items.map((r) => r.id)).toEqual(['450500-2024-01-01-v1', '450500-2023-01-01-v1']);
    const third = await store.ruleSetHistory(region, { limit: 2, cursor: second.cursor });
    expect(third.items).toEqual([]);
    expect(third.cursor).toBeUndefined();
  });

  it('refuses a cursor of another region’s history', async () => {
    const page = await store.ruleSetHistory('450500', { limit: 1 });
    expect((await rejection(store.ruleSetHistory('450600', { limit: 1, cursor: page.cursor }))).code).toBe(
      'bad_cursor',
    );
  });
});
