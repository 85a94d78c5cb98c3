import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { logger } from '@shegong/core';
import { assessContract, type CostedDraft, FANGCHENGGANG_2023, ruleSetRefOf } from '@shegong/domain';
import { CONTRACT_EXAMPLE } from '@shegong/http';
import { createTableInput, keys, Store } from '@shegong/store';
import { benchApi } from './api.ts';
import { median, percentile } from './cold-start.ts';

/** Contracts of the filtered status in each organisation: one full page. */
/** The bureau the bench's signed contracts were approved by (a review record in its partition each). */
const BENCH_BUREAU = { id: 'bench-bureau', name: '基准民政局', region: '450600' };
const SIGNED = 25;
const PAGE = 25;

export interface ListTimes {
  median: number;
  p95: number;
  /** Contracts each organisation holds. */
  contracts: number;
}

/**
 * Page 1 of an organisation's contracts filtered by status (`GET /v1/contracts?status=signed`,
 * through the whole app: token, membership, the list with each head refreshed against the rules
 * in force) for an organisation of 5 000 contracts and one of 50, on the same DynamoDB Local.
 *
 * In each, the 25 signed contracts are the oldest and every newer one is a draft: newest first, a
 * FilterExpression on the organisation's contracts would read through all the drafts (4 975 of
 * them) before it found a signed one; the sparse index `status` reads the signed ones alone. The
 * same page by a FilterExpression is timed too, for comparison (`filtered`).
 */
export async function statusFilteredPages(endpoint: string, iterations: number) {
  logger.setLogLevel('ERROR');
  const tableName = `bench-lists-${randomUUID().slice(0, 8)}`;
  const store = new Store({ tableName, endpoint });
  await store.client.send(new CreateTableCommand(createTableInput(tableName)));

  const platformId = randomUUID();
  const platform = store.platform({ tenantId: platformId, userId: randomUUID(), kind: 'platform' });
  const bureau = store.tenant({ tenantId: randomUUID(), userId: randomUUID() });
  const ruleSet = await bureau.ruleSets.publishNow(FANGCHENGGANG_2023);
  const costed: CostedDraft = {
    draft: CONTRACT_EXAMPLE,
    costedPosts: CONTRACT_EXAMPLE.plan.posts,
    ruleSet: ruleSetRefOf(ruleSet),
    rules: ruleSet.parameters,
    assessment: assessContract(CONTRACT_EXAMPLE, ruleSet.parameters),
  };

  /** An organisation with its admin and `count` contracts: the oldest 25 signed, the rest drafts. */
  const organisation = async (count: number) => {
    const tenantId = randomUUID();
    const adminId = randomUUID();
    const mutation = platform.scope.mutation();
    const tenant = platform.directory.create(
      mutation,
      { kind: 'org', name: `基准机构${count}`, region: '450602' },
      tenantId as ReturnType<typeof randomUUID>,
    );
    await mutation.audited('bench.seed', 'Tenant', tenant.id, 1, tenant).commit();
    // The admin is a member of the organisation, not of the platform.
    const org = store.tenant({ tenantId, userId: adminId });
    const member = org.scope.mutation();
    org.users.add(member, { id: adminId, email: `admin${count}@bench.demo`, name: '基准', roles: ['admin'] });
    await member.audited('bench.seed', 'User', adminId, 1, { adminId }).commit();

    const create = async (n: number) => {
      const draft = { ...CONTRACT_EXAMPLE, terms: { ...CONTRACT_EXAMPLE.terms, number: `B-${count}-${n}` } };
      // Creation order is the list's order: ids are time-ordered, so each waits for the one before.
      return org.contracts.create({ ...costed, draft });
    };
    for (let n = 0; n < SIGNED; n++) {
      const { contract } = await create(n);
      const submitted = await org.contracts.transition(contract.id, { to: 'submitted', date: '2026-01-02' }, 1, {
        review: {
          state: 'pending',
          bureau: BENCH_BUREAU,
          organisation: '基准',
          submittedAt: new Date().toISOString(),
          reasons: [],
        },
      });
      // Review before signing: approved at the bureau's desk, then recorded as signed.
      const { contract: approved } = await store
        .reviewDesk({ tenantId: BENCH_BUREAU.id, userId: 'bench', kind: 'bureau' })
        .decide(
          tenantId,
          submitted,
          { decision: 'approve', reasons: [], decidedByName: '基准', date: '2026-01-02' },
          submitted.version,
        );
      await org.contracts.transition(contract.id, { to: 'signed', date: '2026-01-03' }, approved.version);
    }
    // The drafts, newer than every signed one, eight at a time.
    let next = SIGNED;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let n = next++; n < count; n = next++) await create(n);
      }),
    );
    return { tenantId, adminId };
  };

  const large = await organisation(5_000);
  const small = await organisation(50);

  const { app, tokenOf: mint } = await benchApi(store);
  const tokenOf = (org: { tenantId: string; adminId: string }) =>
    mint({ tenantId: org.tenantId, userId: org.adminId, kind: 'org', roles: 'admin', region: '450602' });

  const pageOne = async (token: string) => {
    const response = await app.request(`/v1/contracts?status=signed&limit=${PAGE}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (response.status !== 200) throw new Error(`GET /v1/contracts answered ${response.status}`);
    const { items } = (await response.json()) as { items: { status: string }[] };
    if (items.length !== PAGE || items.some((c) => c.status !== 'signed'))
      throw new Error(`page 1 held ${items.length} contracts, not ${PAGE} signed ones`);
  };
  /** The same page by a FilterExpression on the tenant's contracts, following the cursor until it is full. */
  const filtered = async (tenantId: string) => {
    let found = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const answer = await store.client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          FilterExpression: '#status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pk': `T#${tenantId}`, ':prefix': keys.contractPrefix, ':status': 'signed' },
          ScanIndexForward: false,
          Limit: PAGE,
          ExclusiveStartKey: start,
        }),
      );
      found += answer.Items?.length ?? 0;
      start = answer.LastEvaluatedKey;
    } while (found < PAGE && start);
  };

  const [largeToken, smallToken] = await Promise.all([tokenOf(large), tokenOf(small)]);
  const samples = {
    large: [] as number[],
    small: [] as number[],
    largeFiltered: [] as number[],
    smallFiltered: [] as number[],
  };
  const time = async (into: number[], fn: () => Promise<void>) => {
    const started = performance.now();
    await fn();
    into.push(performance.now() - started);
  };
  for (let i = 0; i < 10; i++) await Promise.all([pageOne(largeToken), pageOne(smallToken)]); // warm up
  // Interleaved, so drift in DynamoDB Local (JIT, GC, compaction) touches both sizes alike.
  for (let i = 0; i < iterations; i++) {
    await time(samples.small, () => pageOne(smallToken));
    await time(samples.large, () => pageOne(largeToken));
  }
  const filteredRuns = Math.max(3, Math.round(iterations / 10));
  for (let i = 0; i < filteredRuns; i++) {
    await time(samples.smallFiltered, () => filtered(small.tenantId));
    await time(samples.largeFiltered, () => filtered(large.tenantId));
  }
  const summary = (values: number[], contracts: number): ListTimes => ({
    median: median(values),
    p95: percentile(values, 95),
    contracts,
  });
  return {
    large: summary(samples.large, 5_000),
    small: summary(samples.small, 50),
    filtered: {
      large: summary(samples.largeFiltered, 5_000),
      small: summary(samples.smallFiltered, 50),
      runs: filteredRuns,
    },
  };
}
