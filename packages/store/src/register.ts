import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  CONTRACT_STATUSES,
  type CostingFacts,
  cityOf,
  covers,
  defaultOrder,
  type Jurisdiction,
  matchesSearch,
  REGISTER_FINDING_KINDS,
  type RegisterAggregate,
  type RegisterEntry,
  type RegisterFilter,
  type RegisterFindingKind,
  type RegisterSort,
  type RegisterTotals,
  registerEntry,
  rowTotals,
  type StoredContract,
  searchable,
} from '@shegong/domain';
import { getInOrder } from './batch.ts';
import { compareText } from './collation.ts';
import { decodeCursor, encodeCursor, type Page } from './cursor.ts';
import { StoreError } from './errors.ts';
import { keys } from './keys.ts';
import type { Mutation } from './mutation.ts';
import { type PageRequest, queryAll } from './query.ts';
import type { TenantScope } from './scope.ts';
import { windowOf } from './window.ts';

/**
 * The register (台账): one narrow row per contract beside its head (`REGISTER#<id>`), and per
 * organisation × region × start year × status an aggregate of their totals (`REGTOTAL#…`), both in
 * the organisation's partition and projected to the bureaus by GSI `scope` under the city of the
 * purchaser's region (`R#<city>#REGISTER`, `R#<city>#REGTOTAL`), written in the transaction that
 * writes the head or a month of actuals. A bureau's first page is one Query with a Limit of the
 * rows, and its totals a Query of a few hundred aggregates, however many contracts there are.
 */

/** A register row as stored: the entry, the months in which actuals paid below the guideline. */
interface StoredRow extends RegisterEntry {
  belowGuidelineMonths: string[];
  version: number;
}

/** Another write changed the row between its read and this transaction: the writer tries again. */
export const registerRace = () =>
  new StoreError('conflict', 'The register row was changed meanwhile; try again', { registerRace: true });

export const isRegisterRace = (error: unknown) =>
  error instanceof StoreError && error.code === 'conflict' && error.detail.registerRace === true;

/** What changes of a contract's register row (each part optional: the rest is kept as it was). */
export interface RegisterChange {
  contractId: string;
  /** The head as it will be written; absent when only actuals change (the row keeps the head's figures). */
  head?: StoredContract;
  /** The head as read, for a contract whose row was never written (a head saved before the register). */
  headAsRead?: StoredContract;
  /** The current version's costing facts (a new or edited version); kept from the row otherwise. */
  facts?: CostingFacts;
  /** For a row written for the first time for an existing contract: its months paid below the guideline. */
  belowGuidelineMonths?: readonly string[];
  /** A month of actuals recorded, and whether it paid someone below the guideline. */
  month?: { month: string; belowGuideline: boolean };
}

const cityOfRegion = (region: string) => cityOf(region) ?? region;

/**
 * The counters a row adds to an aggregate: all (`n`, `v`, `l`: count, value, labour cost), and per
 * rule broken (`belowPriceFloorN`, …); a regional sum prefixes them with the status (`running_n`).
 */
export function registerCounters(entry: RegisterEntry, sign: 1 | -1, prefix: string): Record<string, number> {
  const totals = rowTotals(entry);
  const found: Record<string, number> = {
    [`${prefix}n`]: sign * totals.count,
    [`${prefix}v`]: sign * totals.value,
    [`${prefix}l`]: sign * totals.labourCost,
  };
  for (const { kind } of entry.findings) {
    found[`${prefix}${kind}N`] = sign * totals.count;
    found[`${prefix}${kind}V`] = sign * totals.value;
    found[`${prefix}${kind}L`] = sign * totals.labourCost;
  }
  return found;
}

/** How many items a region's sums of one year are spread over, so concurrent saves seldom meet. */
export const SUM_SHARDS = 4;

/** A contract's shard: from the random tail of its id (UUIDv7: the last hex digit is random). */
export const registerShard = (contractId: string) => Number.parseInt(contractId.slice(-1), 16) % SUM_SHARDS || 0;

/** The head's figures a row mirrors, from the row. */
function headOfRow(row: RegisterEntry): Parameters<typeof registerEntry>[1] {
  return {
    id: row.contractId,
    number: row.number,
    title: row.title,
    purchaser: { name: row.purchaser, region: row.county },
    startDate: row.startDate,
    endDate: row.endDate,
    value: row.value,
    status: row.status,
    labourCost: row.labourCost,
    ...(row.priceFloor === undefined ? {} : { priceFloor: row.priceFloor }),
  };
}

/**
 * Stages a contract's register row and the changes to its aggregates, when `mutation` commits
 * (`Mutation.rebuiltOnRace`). Reads the row first (consistently) and writes it at the version read, so of
 * two writers of the same row (a head and a month of actuals) only one counts it; the other's
 * transaction fails with `registerRace`, and the mutation builds this part again and retries.
 * `versionFacts` gives the current version's facts of a head written before it had a row.
 */
export function stageRegisterRow(
  scope: TenantScope,
  mutation: Mutation,
  change: RegisterChange,
  versionFacts: () => Promise<CostingFacts>,
): void {
  mutation.rebuiltOnRace(async (m) => {
    const key = keys.registerRow(scope.tenantId, change.contractId);
    const { Item } = await scope.client.send(
      new GetCommand({ TableName: scope.tableName, Key: key, ConsistentRead: true }),
    );
    await stageRow(scope, m, Item as StoredRow | undefined, change, versionFacts);
  }, isRegisterRace);
}

async function stageRow(
  scope: TenantScope,
  mutation: Mutation,
  before: StoredRow | undefined,
  change: RegisterChange,
  versionFacts: () => Promise<CostingFacts>,
): Promise<void> {
  const head = change.head ?? (before ? headOfRow(before) : change.headAsRead);
  // A month of actuals for a contract that has neither a row nor a head read: nothing to mirror.
  if (!head) return;
  const key = keys.registerRow(scope.tenantId, change.contractId);
  const facts =
    change.facts ??
    (before
      ? {
          labourShareBp: before.labourShareBp,
          kinds: before.findings.flatMap((f) => (f.kind === 'paidBelowGuideline' ? [] : [f.kind])),
        }
      : await versionFacts());
  const months = new Set(before?.belowGuidelineMonths ?? change.belowGuidelineMonths ?? []);
  if (change.month?.belowGuideline) months.add(change.month.month);
  else if (change.month) months.delete(change.month.month);
  const entry = registerEntry(scope.tenantId, head, facts, months.size > 0);

  const region = head.purchaser.region;
  const item = {
    ...key,
    ...keys.registerScope(cityOfRegion(region), region, scope.tenantId, head.id),
    ...entry,
    // For the index's filter (`contains`): the kinds alone, as a list of strings.
    findingKinds: entry.findings.map((f) => f.kind),
    belowGuidelineMonths: [...months].sort(),
  };
  if (before) mutation.replace('RegisterRow', item, before.version, registerRace());
  else mutation.create('RegisterRow', item, registerRace());

  // The row leaves its old aggregates and joins its new ones: one net change per item.
  type Key = { pk: string; sk: string };
  const net = new Map<
    string,
    { entity: string; key: Key; set: Record<string, unknown>; add: Record<string, number> }
  >();
  const tally = (entity: string, key: Key, set: Record<string, unknown>, add: Record<string, number>) => {
    const at = net.get(`${key.pk}|${key.sk}`) ?? { entity, key, set, add: {} };
    for (const [name, amount] of Object.entries(add)) at.add[name] = (at.add[name] ?? 0) + amount;
    net.set(`${key.pk}|${key.sk}`, at);
  };
  const shard = registerShard(change.contractId);
  const count = (e: RegisterEntry, sign: 1 | -1) => {
    const c = cityOfRegion(e.county);
    tally(
      'RegisterTotal',
      keys.registerTotal(scope.tenantId, e.county, e.year, e.status),
      {
        ...keys.registerTotalScope(c, e.county, scope.tenantId, e.year, e.status),
        organisationId: scope.tenantId,
        county: e.county,
        year: e.year,
        status: e.status,
      },
      registerCounters(e, sign, ''),
    );
    tally(
      'RegisterSum',
      keys.registerSum(c, e.county, e.year, shard),
      { county: e.county, year: e.year, shard },
      registerCounters(e, sign, `${e.status}_`),
    );
    tally(
      'RegisterOrganisation',
      keys.registerOrganisation(scope.tenantId, e.county),
      {
        ...keys.registerOrganisationScope(c, e.county, scope.tenantId),
        organisationId: scope.tenantId,
        county: e.county,
      },
      { n: sign },
    );
  };
  if (before) count(before, -1);
  count(entry, 1);
  for (const { entity, key, set, add } of net.values()) {
    const nonZero = Object.fromEntries(Object.entries(add).filter(([, amount]) => amount !== 0));
    if (Object.keys(nonZero).length === 0) continue;
    mutation.add(entity, key, set, nonZero);
  }
}

/** A stored row as the register lists it (without the organisation's name). */
function entryOf(item: Record<string, unknown>): RegisterEntry {
  const {
    pk: _pk,
    sk: _sk,
    gsi1pk: _g1,
    gsi1sk: _g2,
    itemType: _t,
    version: _v,
    findingKinds: _k,
    belowGuidelineMonths: _m,
    ...entry
  } = item;
  return entry as unknown as RegisterEntry;
}

function aggregateOf(item: Record<string, unknown>, prefix = ''): RegisterAggregate {
  const n = (name: string) => Number(item[`${prefix}${name}`] ?? 0);
  const totalsOf = (prefix: string): RegisterTotals => ({
    count: n(`${prefix}N`),
    value: n(`${prefix}V`),
    labourCost: n(`${prefix}L`),
  });
  return {
    organisationId: String(item.organisationId ?? ''),
    county: String(item.county),
    year: Number(item.year),
    status: (item.status ?? prefix.slice(0, -1)) as RegisterAggregate['status'],
    all: { count: n('n'), value: n('v'), labourCost: n('l') },
    byFinding: Object.fromEntries(REGISTER_FINDING_KINDS.map((k) => [k, totalsOf(k)])) as Record<
      RegisterFindingKind,
      RegisterTotals
    >,
  };
}

/** What each sort orders by (`register`: the index order, county, organisation, contract). */
const SORT_VALUES: Record<
  RegisterSort,
  (row: RegisterEntry, names: ReadonlyMap<string, string>) => string | number | undefined
> = {
  register: (row) => `${row.county}#${row.organisationId}#${row.contractId}`,
  number: (row) => row.number,
  organisation: (row, names) => names.get(row.organisationId),
  startDate: (row) => row.startDate,
  value: (row) => row.value,
  labourCost: (row) => row.labourCost,
  labourShare: (row) => row.labourShareBp,
};

/** How many index rows one filtered Query reads at most while it fills a page. */
const FILTERED_READ = 500;

/**
 * What a bureau reads of the register of its jurisdiction, and nothing else: no method here writes.
 */
export class JurisdictionRegister {
  constructor(
    private readonly scope: TenantScope,
    readonly jurisdiction: Jurisdiction,
  ) {}

  /** The index partition of a collection and the prefix of this jurisdiction (and county, organisation). */
  private where(partition: string, filter: Pick<RegisterFilter, 'county' | 'organisationId'>) {
    const county = this.jurisdiction.county ?? filter.county;
    const prefix = county
      ? `${county}#${county && filter.organisationId ? `${filter.organisationId}#` : ''}`
      : undefined;
    return { partition, ...(prefix ? { sortPrefix: prefix } : {}) };
  }

  /** Whether the filter names a county outside the jurisdiction: nothing of it is listed. */
  private outside(filter: RegisterFilter): boolean {
    return (
      filter.county !== undefined &&
      (!covers(this.jurisdiction, filter.county) ||
        (this.jurisdiction.county !== undefined && filter.county !== this.jurisdiction.county))
    );
  }

  /**
   * The jurisdiction's totals per region × year × status, summed over every organisation (the
   * regional sums: a few dozen items, one Query), or with `organisationId` that organisation's own
   * (a Query of its partition's aggregates, kept to the regions of the jurisdiction).
   */
  async aggregates(filter: Pick<RegisterFilter, 'county' | 'organisationId'> = {}): Promise<RegisterAggregate[]> {
    if (this.outside(filter)) return [];
    if (filter.organisationId) {
      // One organisation's totals, in its partition: a named crossing.
      const items = await queryAll(this.scope.across('jurisdictionReads', filter.organisationId), {
        partition: `T#${filter.organisationId}`,
        sortPrefix: `${keys.registerTotalPrefix}${filter.county ?? this.jurisdiction.county ?? ''}`,
      });
      return items
        .map((item) => aggregateOf(item))
        .filter((a) => a.all.count > 0 && covers(this.jurisdiction, a.county));
    }
    const county = this.jurisdiction.county ?? filter.county;
    const items = await queryAll(this.scope, {
      partition: keys.registerSumPartition(this.jurisdiction.city),
      ...(county ? { sortPrefix: `${county}#` } : {}),
    });
    return items
      .flatMap((item) => CONTRACT_STATUSES.map((status) => aggregateOf(item, `${status}_`)))
      .filter((a) => a.all.count > 0);
  }

  /** The organisations with contracts in the jurisdiction (or a county of it), by id. */
  async organisations(filter: Pick<RegisterFilter, 'county'> = {}): Promise<string[]> {
    if (this.outside(filter)) return [];
    const items = await queryAll(this.scope, {
      ...this.where(keys.registerOrganisationPartition(this.jurisdiction.city), filter),
      index: 'scope',
    });
    return [...new Set(items.filter((item) => Number(item.n ?? 0) > 0).map((item) => String(item.organisationId)))];
  }

  /**
   * A page of the register. In the index order, without a search, it is one Query of the rows
   * (with a Limit; filters other than the county go into a FilterExpression, and the Query is read
   * on until the page is full, so pages stay full). Searched or sorted by another column, every row
   * the filter keeps is read from the narrow rows and searched and sorted in memory (window.ts),
   * bounded by the jurisdiction; `names` are the organisations' names (search and sort by them).
   */
  async page(
    filter: RegisterFilter,
    page: PageRequest,
    names: ReadonlyMap<string, string> = new Map(),
  ): Promise<Page<RegisterEntry>> {
    if (this.outside(filter)) return { items: [] };
    const sort = filter.sort ?? 'register';
    const search = searchable(filter.q ?? '');
    if (sort === 'register' && !search && (filter.order ?? 'asc') === 'asc') return this.inIndexOrder(filter, page);
    const rows = await this.rows(filter, names);
    const order = filter.order ?? defaultOrder(sort);
    const binding = ['register', filter.county, filter.organisationId, filter.status, filter.finding, filter.year]
      .concat([sort, order, search])
      .join('|');
    return windowOf(
      rows,
      {
        value: (row) => SORT_VALUES[sort](row, names),
        id: (row) => `${row.county}#${row.organisationId}#${row.contractId}`,
        order,
        compareText,
        binding,
      },
      page,
    );
  }

  /** Every row the filter keeps (its search too), in the index order: an export, a searched page. */
  async rows(filter: RegisterFilter, names: ReadonlyMap<string, string> = new Map()): Promise<RegisterEntry[]> {
    if (this.outside(filter)) return [];
    const search = searchable(filter.q ?? '');
    const all: RegisterEntry[] = [];
    let cursor: string | undefined;
    do {
      const found = await this.inIndexOrder(filter, { limit: 1000, ...(cursor ? { cursor } : {}) });
      all.push(...found.items);
      cursor = found.cursor;
    } while (cursor);
    return all.filter((row) => matchesSearch(search, [row.number, names.get(row.organisationId)]));
  }

  /**
   * The organisations' names, by id. First the city's organisation listings (written with each
   * tenant record, so a rename moves them too): one Query of the city's index partition, which the
   * bureau reads with its own session. An organisation not listed in the city (one registered
   * elsewhere that contracts here, or listed an instant ago: the index lags its record) is read
   * from its tenant record, through the crossing into it alone: one AssumeRole each in AWS, so only
   * for those.
   */
  async organisationNames(ids: Iterable<string>): Promise<Map<string, string>> {
    const wanted = new Set(ids);
    const names = new Map<string, string>();
    if (wanted.size === 0) return names;
    const listed = await queryAll(this.scope, {
      partition: keys.organisationPartition(this.jurisdiction.city),
      index: 'scope',
    });
    for (const listing of listed) {
      const id = String(listing.organisationId);
      if (wanted.has(id)) names.set(id, String(listing.name ?? ''));
    }
    const elsewhere = [...wanted].filter((id) => !names.has(id));
    const records = (
      await Promise.all(
        elsewhere.map((id) => getInOrder(this.scope.across('jurisdictionReads', id), [keys.tenant(id)])),
      )
    ).flat();
    for (const record of records) names.set(String(record.id), String(record.name ?? ''));
    return names;
  }

  /** A page in index order: one Query, read on (with a FilterExpression) until the page is full. */
  private async inIndexOrder(filter: RegisterFilter, page: PageRequest): Promise<Page<RegisterEntry>> {
    const query = this.where(keys.registerPartition(this.jurisdiction.city), filter);
    const conditions: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':pk': query.partition };
    if (query.sortPrefix) values[':prefix'] = query.sortPrefix;
    const when = (attribute: string, value: unknown, condition = (n: string, v: string) => `${n} = ${v}`) => {
      names[`#${attribute}`] = attribute;
      values[`:${attribute}`] = value;
      conditions.push(condition(`#${attribute}`, `:${attribute}`));
    };
    // The county and organisation together are the key's prefix; an organisation alone is filtered.
    if (filter.organisationId && !query.sortPrefix?.includes(`#${filter.organisationId}#`))
      when('organisationId', filter.organisationId);
    if (filter.status) when('status', filter.status);
    if (filter.year !== undefined) when('year', filter.year);
    if (filter.finding) when('findingKinds', filter.finding, (n, v) => `contains(${n}, ${v})`);
    const filtered = conditions.length > 0;

    const items: Record<string, unknown>[] = [];
    let start = decodeCursor(page.cursor, {
      attribute: 'gsi1pk',
      value: query.partition,
      keys: ['pk', 'sk', 'gsi1pk', 'gsi1sk'],
      ...(query.sortPrefix ? { sortPrefix: { attribute: 'gsi1sk', prefix: query.sortPrefix } } : {}),
    }) as Record<string, unknown> | undefined;
    let more = false;
    do {
      const answer = await this.scope.client.send(
        new QueryCommand({
          TableName: this.scope.tableName,
          IndexName: 'scope',
          KeyConditionExpression: query.sortPrefix ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)' : 'gsi1pk = :pk',
          ...(filtered ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: values,
          Limit: filtered ? Math.max(FILTERED_READ, page.limit) : page.limit,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      items.push(...(answer.Items ?? []));
      start = answer.LastEvaluatedKey;
      more = start !== undefined;
    } while (more && items.length < page.limit);

    const kept = items.slice(0, page.limit);
    const last = kept.at(-1);
    const cursor =
      last && (items.length > page.limit || more)
        ? encodeCursor({ pk: last.pk, sk: last.sk, gsi1pk: last.gsi1pk, gsi1sk: last.gsi1sk })
        : undefined;
    return { items: kept.map(entryOf), ...(cursor ? { cursor } : {}) };
  }
}
