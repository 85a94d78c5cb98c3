import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { CONTRACT_EXAMPLE } from '@shegong/http';
import { Contracts, keys, OwnTenant, People, TenantScope } from '@shegong/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessDenied } from '../support/confined.ts';
import { World } from '../support/world.ts';

/**
 * The data-access policy (store/access/policy.ts) evaluated on real flows, as the deployed role
 * would: every tenant's repositories send through a client that checks each request's leading keys
 * against the generated statements with that tenant's session tags, and fails a denied one
 * (support/confined.ts). The world's seed runs the organisations' contracts (drafted, submitted,
 * reviewed by the bureaus, signed, with actuals), findings and evaluations; then an incubator's
 * intake and admission, a bureau's reads of its jurisdiction, and an organisation's own calls.
 * Every other integration file can be run the same way: SHEGONG_EVALUATE_DATA_POLICY=1.
 */
const world = await World.create('confinement', { pages: false, evaluatePolicy: true });
const policy = () => world.policy!;
beforeAll(async () => {
  await world.seed();
  await world.seedIncubation();
});
afterAll(() => world.dispose());

describe('the data-access policy on real flows', () => {
  it('allows every access of the seeded flows to the tenant that made it', () => {
    expect(policy().accesses.length).toBeGreaterThan(100);
    expect(policy().denied).toEqual([]);
  });

  it('serves an organisation, a bureau and an incubator through the API with nothing denied', async () => {
    const orgA = world.user('orgA', 'project_manager');
    const created = await world.request('POST', '/v1/contracts', {
      as: orgA,
      json: { ...CONTRACT_EXAMPLE, terms: { ...CONTRACT_EXAMPLE.terms, number: 'CONFINED-001' } },
      headers: { 'Idempotency-Key': 'confined-contract-1' },
    });
    expect(created.status).toBe(201);
    expect((await world.request('GET', '/v1/contracts', { as: orgA })).status).toBe(200);
    const bureau = world.user('bureauA', 'reviewer');
    expect((await world.request('GET', '/v1/jurisdiction/contracts', { as: bureau })).status).toBe(200);
    expect((await world.request('GET', '/v1/reviews', { as: bureau })).status).toBe(200);
    expect((await world.request('GET', '/v1/me', { as: world.user('incubatorA', 'admin') })).status).toBe(200);
    expect(policy().denied).toEqual([]);
  });

  it('uses each statement for the principal it is meant for', () => {
    const used = (sid: string) => policy().accesses.filter((a) => a.statement === sid);
    const counts = Object.fromEntries(policy().statements.map((st) => [st.Sid, used(st.Sid).length]));
    // Published rule sets are read with the function's own client (Store.ruleSetInForce), not a tenant's.
    for (const sid of ['OwnTenant', 'GlobalGuards', 'RegionSums', 'BureauRegion']) {
      expect(counts[sid], `${sid} in ${JSON.stringify(counts)}`).toBeGreaterThan(0);
    }
    for (const access of used('BureauRegion')) expect(access.tags.kind).toBe('bureau');
    // No allowed access of a session names another tenant's partition (those go through
    // TenantScope.across, store/access/cross-tenant.ts, on the function's own client).
    for (const access of policy().accesses.filter((a) => a.statement)) {
      for (const key of access.leadingKeys.filter((k) => k.startsWith('T#'))) {
        expect(key === `T#${access.tags.tenant}` || key.startsWith(`T#${access.tags.tenant}#`), key).toBe(true);
      }
    }
    // Own-tenant accesses name the session's own tenant, never another.
    for (const access of used('OwnTenant')) {
      for (const key of access.leadingKeys) expect(key.startsWith(`T#${access.tags.tenant}`)).toBe(true);
    }
  });

  it('refuses a repository of organisation A used with organisation B’s key, as IAM would', async () => {
    const a = world.tenant('orgA');
    const b = world.tenant('orgB');
    const clientOfA = policy().clientFor(a.id);
    // A's confined client, B's partition: listing B's contracts or people is denied.
    const misused = new TenantScope(clientOfA, world.table.tableName, b.id, a.users[0]!.id);
    await expect(new Contracts(misused).list({ limit: 10 })).rejects.toBeInstanceOf(AccessDenied);
    await expect(new People(misused).list({ limit: 10 })).rejects.toBeInstanceOf(AccessDenied);
    // The same calls with A's own key pass.
    const own = new TenantScope(clientOfA, world.table.tableName, a.id, a.users[0]!.id);
    await expect(new Contracts(own).list({ limit: 10 })).resolves.toBeDefined();
    const denied = policy().denied.map((d) => d.leadingKeys[0]);
    expect(denied).toContain(keys.tenant(b.id).pk);
  });

  it.each([
    ['an organisation', 'orgA', 'bureauA'],
    ['a bureau', 'bureauA', 'orgA'],
    ['an incubator', 'incubatorA', 'orgB'],
  ] as const)('refuses %s’s confined repository another tenant’s key, to read and to write', async (_, own, other) => {
    const self = world.tenant(own);
    const target = world.tenant(other);
    const client = policy().clientFor(self.id);
    const misused = new TenantScope(client, world.table.tableName, target.id, self.users[0]!.id);
    // Reading the other tenant's record by key (GetItem) is denied, as is its partition (Query).
    await expect(new OwnTenant(misused).get()).rejects.toBeInstanceOf(AccessDenied);
    await expect(new Contracts(misused).list({ limit: 10 })).rejects.toBeInstanceOf(AccessDenied);
    // Writing into it (a transaction with an item and an audit event there) is denied before it is sent.
    const write = misused.mutation().create('Tenant', { ...keys.tenant(target.id), id: target.id, name: 'forged' });
    await expect(write.audited('tenant.forge', 'Tenant', target.id, 1, {}).commit()).rejects.toBeInstanceOf(
      AccessDenied,
    );
    const denied = policy().denied.filter((d) => d.tags.tenant === self.id);
    expect(denied.map((d) => d.action)).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem']),
    );
    // The same session still reads its own record.
    const mine = new TenantScope(client, world.table.tableName, self.id, self.users[0]!.id);
    await expect(new OwnTenant(mine).get()).resolves.toMatchObject({ id: self.id });
  });

  it('refuses an organisation the region index of its city, which only bureaus read', async () => {
    const org = world.tenant('orgA');
    const misused = world.store.tenant({ tenantId: org.id, userId: org.users[0]!.id });
    const scopeIndex = await misused.scope.client
      .send(
        new QueryCommand({
          TableName: world.table.tableName,
          IndexName: 'scope',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': 'R#450600#CONTRACT' },
        }),
      )
      .then(
        () => 'allowed',
        (error: unknown) => (error instanceof AccessDenied ? 'denied' : String(error)),
      );
    expect(scopeIndex).toBe('denied');
  });
});
