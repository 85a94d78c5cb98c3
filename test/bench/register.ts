import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { logger } from '@shegong/core';
import {
  CONTRACT_STATUSES,
  type CostingFacts,
  type RegisterEntry,
  registerEntry,
  type StoredContract,
} from '@shegong/domain';
import { createTableInput, keys, registerCounters, registerShard, Store } from '@shegong/store';
import { benchApi } from './api.ts';
import { median, percentile } from './cold-start.ts';
import type { ListTimes } from './lists.ts';

const PAGE = 25;
const COUNTIES = ['01', '02', '21'];
const YEARS = [2024, 2025, 2026, 2027];

/**
 * Page 1 of a city bureau's register (`GET /v1/jurisdiction/contracts?limit=25`, through the whole
 * app: token, membership, the rows, the organisations' names and the totals of the filter) for a
 * jurisdiction of 25 000 contracts (100 organisations) and one of 250 (10), on the same DynamoDB
 * Local. The two cities' register rows, their aggregates and the organisations' tenant records are
 * written directly by BatchWriteItem, as the contract saves would have written them
 * (store/src/register.ts). The page reads 25 rows (one Query with a Limit), their organisations'
 * names (one BatchGetItem) and the regional sums (one Query of a few dozen items).
 */
export async function registerFirstPage(endpoint: string, iterations: number) {
  logger.setLogLevel('ERROR');
  const tableName = `bench-register-${randomUUID().slice(0, 8)}`;
  const store = new Store({ tableName, endpoint });
  await store.client.send(new CreateTableCommand(createTableInput(tableName)));

  /** A city's organisations, their register rows and aggregates; and its bureau with an auditor. */
  const jurisdiction = async (city: string, contracts: number, organisations: number) => {
    const items: Record<string, unknown>[] = [];
    const totals = new Map<string, Record<string, unknown>>();
    const add = (key: { pk: string; sk: string }, set: Record<string, unknown>, counters: Record<string, number>) => {
      const item = totals.get(`${key.pk}|${key.sk}`) ?? { ...key, ...set };
      for (const [name, amount] of Object.entries(counters)) item[name] = Number(item[name] ?? 0) + amount;
      totals.set(`${key.pk}|${key.sk}`, item);
    };
    for (let o = 0; o < organisations; o++) {
      const orgId = randomUUID();
      const region = `${city.slice(0, 4)}${COUNTIES[o % COUNTIES.length]}`;
      items.push({
        ...keys.tenant(orgId),
        itemType: 'Tenant',
        id: orgId,
        kind: 'org',
        name: `基准机构${city}-${o}`,
        region,
        version: 1,
      });
      for (let n = 0; n < contracts / organisations; n++) {
        const id = randomUUID();
        const year = YEARS[n % YEARS.length] as number;
        const status = CONTRACT_STATUSES[n % CONTRACT_STATUSES.length] as StoredContract['status'];
        const value = 200_000_00 + ((n * 7919) % 100_000) * 100;
        const head = {
          id,
          number: `B-${o}-${n}`,
          title: '基准项目',
          purchaser: { name: '基准采购单位', region },
          startDate: `${year}-01-01`,
          endDate: `${year}-12-31`,
          value,
          status,
          labourCost: Math.round(value * 0.7),
          priceFloor: Math.round(value * 0.95),
        };
        const facts: CostingFacts = { labourShareBp: 7300, kinds: n % 9 === 0 ? ['belowPriceFloor'] : [] };
        const entry: RegisterEntry = registerEntry(orgId, head, facts, n % 13 === 0);
        items.push({
          ...keys.registerRow(orgId, id),
          ...keys.registerScope(city, region, orgId, id),
          ...entry,
          findingKinds: entry.findings.map((f) => f.kind),
          belowGuidelineMonths: n % 13 === 0 ? [`${year}-08`] : [],
          itemType: 'RegisterRow',
          version: 1,
        });
        // The aggregates a save would have added to: the organisation's, the region's sum, the presence.
        add(
          keys.registerTotal(orgId, region, year, status),
          {
            ...keys.registerTotalScope(city, region, orgId, year, status),
            itemType: 'RegisterTotal',
            organisationId: orgId,
            county: region,
            year,
            status,
          },
          registerCounters(entry, 1, ''),
        );
        const shard = registerShard(id);
        add(
          keys.registerSum(city, region, year, shard),
          { itemType: 'RegisterSum', county: region, year, shard },
          registerCounters(entry, 1, `${status}_`),
        );
        add(
          keys.registerOrganisation(orgId, region),
          {
            ...keys.registerOrganisationScope(city, region, orgId),
            itemType: 'RegisterOrganisation',
            organisationId: orgId,
            county: region,
          },
          { n: 1 },
        );
      }
    }
    await batchWrite(store, [...items, ...totals.values()]);

    const bureauId = randomUUID();
    const auditorId = randomUUID();
    const platform = store.platform({ tenantId: randomUUID(), userId: randomUUID(), kind: 'platform' });
    const mutation = platform.scope.mutation();
    const tenant = platform.directory.create(
      mutation,
      { kind: 'bureau', name: `基准民政局${city}`, region: city },
      bureauId as ReturnType<typeof randomUUID>,
    );
    await mutation.audited('bench.seed', 'Tenant', tenant.id, 1, tenant).commit();
    const bureau = store.tenant({ tenantId: bureauId, userId: auditorId });
    const member = bureau.scope.mutation();
    bureau.users.add(member, { id: auditorId, email: `auditor${city}@bench.demo`, name: '基准', roles: ['auditor'] });
    await member.audited('bench.seed', 'User', auditorId, 1, { auditorId }).commit();
    return { bureauId, auditorId, city, contracts, aggregates: totals.size };
  };

  // Both spread over three counties, four years and every status: the same shape, 100× the contracts.
  const large = await jurisdiction('450600', 25_000, 100);
  const small = await jurisdiction('450700', 250, 10);

  const { app, tokenOf: mint } = await benchApi(store);
  const tokenOf = (j: typeof large) =>
    mint({ tenantId: j.bureauId, userId: j.auditorId, kind: 'bureau', roles: 'auditor', region: j.city });
  const pageOne = async (token: string, contracts: number) => {
    const response = await app.request(`/v1/jurisdiction/contracts?limit=${PAGE}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (response.status !== 200) throw new Error(`GET /v1/jurisdiction/contracts answered ${response.status}`);
    const { items, totals } = (await response.json()) as { items: unknown[]; totals: { count: number } };
    if (items.length !== PAGE || totals.count !== contracts)
      throw new Error(`page 1 held ${items.length} rows and a count of ${totals.count}, not ${PAGE} of ${contracts}`);
  };

  const [largeToken, smallToken] = await Promise.all([tokenOf(large), tokenOf(small)]);
  const samples = { large: [] as number[], small: [] as number[] };
  const time = async (into: number[], fn: () => Promise<void>) => {
    const started = performance.now();
    await fn();
    into.push(performance.now() - started);
  };
  for (let i = 0; i < 10; i++) await Promise.all([pageOne(largeToken, 25_000), pageOne(smallToken, 250)]); // warm up
  // Interleaved, so drift in DynamoDB Local (JIT, GC, compaction) touches both sizes alike.
  for (let i = 0; i < iterations; i++) {
    await time(samples.small, () => pageOne(smallToken, 250));
    await time(samples.large, () => pageOne(largeToken, 25_000));
  }
  const summary = (values: number[], contracts: number): ListTimes => ({
    median: median(values),
    p95: percentile(values, 95),
    contracts,
  });
  return {
    large: summary(samples.large, 25_000),
    small: summary(samples.small, 250),
    aggregates: { large: large.aggregates, small: small.aggregates },
  };
}

/** Writes items 25 at a time, eight batches at once, sending again what the table leaves unprocessed. */
async function batchWrite(store: Store, items: readonly Record<string, unknown>[]): Promise<void> {
  const batches = Array.from({ length: Math.ceil(items.length / 25) }, (_, i) => i * 25);
  const worker = async () => {
    for (let start = batches.shift(); start !== undefined; start = batches.shift()) {
      let pending: BatchWriteCommandOutput['UnprocessedItems'] = {
        [store.tableName]: items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })),
      };
      while (pending?.[store.tableName]?.length) {
        const answer: BatchWriteCommandOutput = await store.client.send(
          new BatchWriteCommand({ RequestItems: pending }),
        );
        pending = answer.UnprocessedItems;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}
