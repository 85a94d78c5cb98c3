import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type InProcessImportRunner, importRunner } from '@shegong/core';
import { CONTRACT_EXAMPLE } from '@shegong/http';
import { Contracts, keys, OwnTenant, People, TenantScope } from '@shegong/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessDenied } from '../support/confined.ts';
import { roster } from '../support/roster.ts';
import { World } from '../support/world.ts';

/**
 * The data-access policy (store/access/policy.ts) evaluated on real flows, as the deployed role
 * would: every tenant's repositories send through a client that checks each request's leading keys
 * against the generated statements with that tenant's session tags, and fails a denied one
 * (support/confined.ts). The world's seed runs the organisations' contracts (drafted, submitted,
 * reviewed by the bureaus, signed, with actuals), findings and evaluations; then an incubator's
 * intake and admission, a bureau's reads of its jurisdiction, and an organisation's own calls.
 * Every integration file's world evaluates the policy the same way (support/world.ts); this file
 * looks at what was evaluated.
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
    const functionFrom = policy().functionAccesses.length;
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
    // Whatever the function's own client read meanwhile is within its own narrow grant.
    expect(
      policy()
        .functionAccesses.slice(functionFrom)
        .filter((a) => !a.statement),
    ).toEqual([]);
  });

  it('runs a roster import as the import worker does: as the job’s tenant alone, with no access of its own', async () => {
    const hr = world.user('orgA', 'hr');
    const tenantId = world.tenant('orgA').id;
    const [accessesFrom, functionFrom] = [policy().accesses.length, policy().functionAccesses.length];
    // Checked against the registry on upload (the tenant's ID-card guards, the platform's certificate
    // guards), then written after the 202 by the runner, through store.tenant as functions/import-worker does.
    const uploaded = await world.request('POST', '/v1/imports', {
      as: hr,
      body: roster(false),
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(uploaded.status).toBe(202);
    await (importRunner(world.deps) as InProcessImportRunner).settled();
    const job = await world.request('GET', uploaded.headers.get('Location') ?? '', { as: hr });
    expect(await job.json()).toMatchObject({ status: 'done', written: 4 });
    expect(policy().denied).toEqual([]);
    const made = policy().accesses.slice(accessesFrom);
    expect(made.map((a) => a.action)).toEqual(expect.arrayContaining(['dynamodb:BatchGetItem', 'dynamodb:PutItem']));
    expect(made.filter((a) => a.tags.tenant !== tenantId || a.crossing)).toEqual([]);
    expect(policy().functionAccesses.slice(functionFrom)).toEqual([]);
  });

  it('keeps the function’s own client to what is read before a tenant is known', async () => {
    const from = policy().functionAccesses.length;
    // An invitation link, a region's bureau, the published rule sets (fresh, past the cache).
    expect(await world.store.invitationByToken('A'.repeat(43))).toBeUndefined();
    expect(await world.store.reviewingBureau('450681', '450600')).toBeDefined();
    expect(await world.store.ruleSetInForce('450600', '2026-01-01', { fresh: true })).toBeDefined();
    const reads = policy().functionAccesses.slice(from);
    expect(new Set(reads.map((a) => a.statement))).toEqual(new Set(['BeforeTenant', 'PublishedRuleSetsByRegion']));
    // A tenant's record read with it is outside its grant (tenants read theirs with their own session).
    await world.store.client.send(
      new GetCommand({ TableName: world.table.tableName, Key: keys.tenant(world.tenant('orgA').id) }),
    );
    const last = policy().functionAccesses.at(-1)!;
    expect([last.action, last.leadingKeys, last.statement]).toEqual([
      'dynamodb:GetItem',
      [keys.tenant(world.tenant('orgA').id).pk],
      undefined,
    ]);
  });

  it('uses each statement for the principal it is meant for', () => {
    const used = (sid: string) => policy().accesses.filter((a) => a.statement === sid);
    const counts = Object.fromEntries(policy().statements.map((st) => [st.Sid, used(st.Sid).length]));
    // Published rule sets are read with the function's own client (Store.ruleSetInForce), not a tenant's.
    for (const sid of ['OwnTenant', 'GlobalGuards', 'RegionSums', 'BureauRegion']) {
      expect(counts[sid], `${sid} in ${JSON.stringify(counts)}`).toBeGreaterThan(0);
    }
    for (const access of used('BureauRegion')) expect(access.tags.kind).toBe('bureau');
    // No allowed access of a tenant's session names another tenant's partition (those go through
    // the named crossings, store/access/cross-tenant.ts, each on its own narrowed session).
    for (const access of policy().accesses.filter((a) => a.statement && !a.crossing)) {
      for (const key of access.leadingKeys.filter((k) => k.startsWith('T#'))) {
        expect(key === `T#${access.tags.tenant}` || key.startsWith(`T#${access.tags.tenant}#`), key).toBe(true);
      }
    }
    // A crossing's allowed accesses name its caller's or its target's partitions, never a third tenant's.
    const crossings = policy().accesses.filter((a) => a.statement && a.crossing);
    expect(new Set(crossings.map((a) => a.crossing!.path)).size).toBeGreaterThan(3);
    for (const access of crossings) {
      for (const key of access.leadingKeys.filter((k) => k.startsWith('T#'))) {
        const tenant = /^T#([^#]+)/.exec(key)![1];
        expect([access.tags.tenant, access.crossing!.target], `${access.crossing!.path}: ${key}`).toContain(tenant);
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

  describe('a named crossing, narrowed to what its path declares', () => {
    const bureau = () => world.tenant('bureauA');
    const org = () => world.tenant('orgA');
    const crossing = (path: 'reviewDecision' | 'jurisdictionReads', target = org().id) =>
      new TenantScope(
        policy().crossingClientFor(path, bureau().id, target),
        world.table.tableName,
        bureau().id,
        bureau().users[0]!.id,
      );
    const outcome = (run: Promise<unknown>) =>
      run.then(
        () => 'allowed',
        (error: unknown) => (error instanceof AccessDenied ? 'denied' : String(error)),
      );
    const put = (scope: TenantScope, item: { pk: string; sk: string }) =>
      scope.client.send(new PutCommand({ TableName: world.table.tableName, Item: { ...item, forged: true } }));
    const read = (scope: TenantScope, key: { pk: string; sk: string }) =>
      scope.client.send(new GetCommand({ TableName: world.table.tableName, Key: key }));

    it('lets a bureau’s review decision read the organisation’s partition it declares', async () => {
      expect(await outcome(read(crossing('reviewDecision'), keys.tenant(org().id)))).toBe('allowed');
      const audit = { pk: keys.auditPartition(org().id), sk: 'none' };
      expect(await outcome(read(crossing('reviewDecision'), audit))).toBe('allowed');
    });

    it('refuses a review decision the organisation’s people collections, its member links and a third tenant', async () => {
      const decision = crossing('reviewDecision');
      // The people's ID-card guards and member links are collections the path does not declare.
      expect(await outcome(put(decision, keys.idCardGuard(org().id, 'forged-hash')))).toBe('denied');
      expect(await outcome(read(decision, keys.memberLink(org().id, org().users[0]!.id)))).toBe('denied');
      expect(await outcome(put(decision, keys.personMember(org().id, 'p-1')))).toBe('denied');
      // Nor its idempotency records, nor the certificate guards (global, undeclared here).
      expect(await outcome(put(decision, keys.idempotency(org().id, 'forged')))).toBe('denied');
      expect(await outcome(put(decision, keys.certificateGuard('FORGED-1')))).toBe('denied');
      // Another organisation than its target: nothing, not even its record.
      const third = world.tenant('orgB').id;
      expect(await outcome(read(decision, keys.tenant(third)))).toBe('denied');
      expect(await outcome(put(decision, keys.contract(third, 'forged')))).toBe('denied');
    });

    it('refuses a read-only crossing any write, even into the partition it reads', async () => {
      const reads = crossing('jurisdictionReads');
      expect(await outcome(read(reads, keys.tenant(org().id)))).toBe('allowed');
      expect(await outcome(put(reads, keys.contract(org().id, 'forged')))).toBe('denied');
      expect(await outcome(put(reads, keys.person(org().id, 'forged')))).toBe('denied');
      // Nor the bureau's own partition: the crossing declares none of the caller's families.
      expect(await outcome(read(reads, keys.tenant(bureau().id)))).toBe('denied');
      const denied = policy().denied.filter((d) => d.crossing?.path === 'jurisdictionReads');
      expect(denied.map((d) => d.action)).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:GetItem']));
    });
  });
});
