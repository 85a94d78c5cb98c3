import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type NewRuleSet, type RuleSet, regionChain, withParameterDefaults } from '@shegong/domain';
import { decodeCursor, encodeCursor, type Page } from './cursor.ts';
import { conflict, notFound } from './errors.ts';
import type { Mutation } from './mutation.ts';
import type { PageRequest } from './query.ts';
import { queryPage } from './query.ts';
import { latestOn, type RuleSetCache, ruleSetCacheOf } from './rule-set-cache.ts';
import type { TenantScope } from './scope.ts';

/**
 * Where a rule set lives. The item is in the publishing bureau's own partition and carries a
 * projection on GSI `scope` under its region, so anyone can find the policy of a region without
 * reading a bureau's partition. A global guard per (region, date, version) makes the version number
 * unique across every publisher (a city bureau and its county's bureau may both publish for the
 * county) and lets a rule set be fetched by its id alone.
 */
export const ruleSetKeys = {
  item: (bureauId: string, region: string, effectiveFrom: string, version: number) => ({
    pk: `T#${bureauId}`,
    sk: `RULESET#${region}#${effectiveFrom}#v${pad(version)}`,
  }),
  itemPrefix: 'RULESET#',
  /** GSI `scope`: one partition per region, sorted by date then version. */
  regionPartition: (region: string) => `R#${region}#RULESET`,
  regionSort: (effectiveFrom: string, version: number) => `${effectiveFrom}#v${pad(version)}`,
  guard: (region: string, effectiveFrom: string, version: number) => ({
    pk: `RULESET#${region}`,
    sk: `${effectiveFrom}#v${pad(version)}`,
  }),
} as const;

/** Four digits, so versions sort as text: v0002 after v0001, v0010 after v0009. */
const pad = (version: number) => String(version).padStart(4, '0');

export const MAX_RULE_SET_VERSION = 9999;

/** `450600-2023-01-01-v2`: the region, the date and the version, so anyone can name it. */
export function ruleSetId(region: string, effectiveFrom: string, version: number): string {
  return `${region}-${effectiveFrom}-v${version}`;
}

export function parseRuleSetId(id: string): { region: string; effectiveFrom: string; version: number } | undefined {
  const match = /^(\d{6})-(\d{4}-\d{2}-\d{2})-v([1-9]\d{0,3})$/.exec(id);
  if (!match) return undefined;
  return { region: match[1] as string, effectiveFrom: match[2] as string, version: Number(match[3]) };
}

/**
 * The item's `version` is the optimistic-lock version every item has (always 1: a published rule
 * set is never edited); the rule set's own version number is stored as `ruleSetVersion`.
 */
function fromItem(item: Record<string, unknown>): RuleSet {
  const { pk, sk, gsi1pk, gsi1sk, itemType, version, ruleSetVersion, ...record } = item;
  // A version published before a parameter existed reads with that parameter's default.
  return withParameterDefaults({ ...(record as Omit<RuleSet, 'version'>), version: ruleSetVersion as number });
}

/** A bureau's publishing of rule sets (tenant-scoped: it writes only into its own partition). */
export class RuleSets {
  constructor(readonly scope: TenantScope) {}

  /**
   * Publishes a version: the next after the highest published for the same region and date
   * (1 when there is none). Two publishers racing for the same number: one commits, the other
   * gets a conflict and may try again. The caller has checked the bureau's jurisdiction.
   */
  async publish(
    input: NewRuleSet,
    publisher: { bureauName?: string } = {},
    now: Date = new Date(),
  ): Promise<{ ruleSet: RuleSet; mutation: Mutation }> {
    const latest = await this.latestVersion(input.region, input.effectiveFrom);
    const version = latest + 1;
    if (version > MAX_RULE_SET_VERSION) throw conflict('This date has too many versions already');
    const ruleSet: RuleSet = {
      id: ruleSetId(input.region, input.effectiveFrom, version),
      region: input.region,
      effectiveFrom: input.effectiveFrom,
      title: input.title,
      ...(input.notes ? { notes: input.notes } : {}),
      illustrative: input.illustrative ?? [],
      // A parameter left out takes its default now, so the version says what it applies.
      parameters: withParameterDefaults(input).parameters,
      bureauId: this.scope.tenantId,
      ...(publisher.bureauName ? { bureauName: publisher.bureauName } : {}),
      version,
      publishedAt: now.toISOString(),
      publishedBy: this.scope.actorId,
    };
    const { version: _, ...stored } = ruleSet;
    const raced = () =>
      conflict(
        `Version ${version} of ${input.region} from ${input.effectiveFrom} was published at the same moment; try again`,
        { field: 'effectiveFrom' },
      );
    const mutation = this.scope
      .mutation()
      .create(
        'RuleSet',
        {
          ...ruleSetKeys.item(this.scope.tenantId, input.region, input.effectiveFrom, version),
          gsi1pk: ruleSetKeys.regionPartition(input.region),
          gsi1sk: ruleSetKeys.regionSort(input.effectiveFrom, version),
          ...stored,
          ruleSetVersion: version,
        },
        raced(),
      )
      .guard(
        ruleSetKeys.guard(input.region, input.effectiveFrom, version),
        { tenantId: this.scope.tenantId, ruleSetId: ruleSet.id },
        raced,
      )
      .audited('ruleset.publish', 'RuleSet', ruleSet.id, 1, ruleSet)
      // This process sees its own publication at once, not after the timeline's TTL.
      .onCommitted(() => ruleSetCacheOf(this.scope.tableName).forgetTimeline(input.region));
    return { ruleSet, mutation };
  }

  /** Publishes and commits in one go (for the seed and callers without an idempotency key). */
  async publishNow(input: NewRuleSet, publisher: { bureauName?: string } = {}): Promise<RuleSet> {
    const { ruleSet, mutation } = await this.publish(input, publisher);
    await mutation.commit();
    return ruleSet;
  }

  /** The rule sets this bureau published, by region and then newest date first. */
  async listOwn(page: PageRequest): Promise<Page<RuleSet>> {
    const result = await queryPage<Record<string, unknown>>(
      this.scope,
      { partition: `T#${this.scope.tenantId}`, sortPrefix: ruleSetKeys.itemPrefix, newestFirst: true },
      page,
    );
    return { ...result, items: result.items.map(fromItem) };
  }

  /** The highest version published for a region and date by anyone (0 when none), read consistently. */
  private async latestVersion(region: string, effectiveFrom: string): Promise<number> {
    const guard = ruleSetKeys.guard(region, effectiveFrom, 0);
    const { Items = [] } = await this.scope.client.send(
      new QueryCommand({
        TableName: this.scope.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': guard.pk, ':prefix': `${effectiveFrom}#v` },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const sk = Items[0]?.sk as string | undefined;
    return sk ? Number(sk.slice(sk.lastIndexOf('#v') + 2)) : 0;
  }
}

/**
 * Reads of published policy, open to every signed-in tenant by design: a rule set holds no
 * tenant data, only what a bureau publishes for everyone in its region. They read the `scope`
 * index by region (or a rule set by its id), never a tenant's partition.
 */
export class PublishedRuleSets {
  private readonly cache: RuleSetCache;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.cache = ruleSetCacheOf(tableName);
  }

  /**
   * The rule set in force for a region on a date: for the region, then its city, then its
   * province (nearest first, P-U1: a county's own rules before its city's), the latest that
   * starts on or before the date; of one date, the highest version (a correction wins). Answered
   * from each region's cached timeline (rule-set-cache.ts): no read at all while they are fresh.
   */
  async inForce(region: string, date: string, options: { fresh?: boolean } = {}): Promise<RuleSet | undefined> {
    // The chain is at most three codes; asking all at once costs no more and answers sooner.
    const timelines = await Promise.all(regionChain(region).map((code) => this.timeline(code, options.fresh)));
    for (const versions of timelines) {
      const found = latestOn(versions, date);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Every version of a region (its own), from the cache or one query of its index partition;
   * `fresh` reads the table whatever the cache holds (and refreshes it).
   */
  private async timeline(region: string, fresh = false): Promise<readonly RuleSet[]> {
    const cached = fresh ? undefined : this.cache.timeline(region);
    if (cached) return cached;
    const versions: RuleSet[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const { Items = [], LastEvaluatedKey } = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'scope',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': ruleSetKeys.regionPartition(region) },
          ExclusiveStartKey: start,
        }),
      );
      versions.push(...Items.map(fromItem));
      start = LastEvaluatedKey;
    } while (start);
    this.cache.rememberTimeline(region, versions);
    return versions;
  }

  /** Every version published for a region (its own, not its city's), newest date and version first. */
  async history(region: string, page: PageRequest): Promise<Page<RuleSet>> {
    const partition = ruleSetKeys.regionPartition(region);
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'scope',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: false,
        Limit: page.limit,
        ExclusiveStartKey: decodeCursor(page.cursor, {
          attribute: 'gsi1pk',
          value: partition,
          keys: ['pk', 'sk', 'gsi1pk', 'gsi1sk'],
        }),
      }),
    );
    const cursor = encodeCursor(LastEvaluatedKey);
    return { items: Items.map(fromItem), ...(cursor ? { cursor } : {}) };
  }

  /**
   * One version by its id: kept in memory once read (a published version never changes); else the
   * guard (read consistently) says it exists, and the version is read from its region's published
   * partition (GSI `scope`, whole items), not from its publisher's: the function's own grant holds
   * no tenant's partition (access/policy.ts, functionStatements). The index is eventually
   * consistent, so a version read by id in the moment after it is published (typically well under
   * a second) may answer not found, as the in-force lookup, which reads the same index, already may.
   */
  async find(id: string): Promise<RuleSet | undefined> {
    const parsed = parseRuleSetId(id);
    if (!parsed) return undefined;
    const cached = this.cache.version(id);
    if (cached) return cached;
    const { Item: guard } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: ruleSetKeys.guard(parsed.region, parsed.effectiveFrom, parsed.version),
        ConsistentRead: true,
      }),
    );
    if (typeof guard?.tenantId !== 'string') return undefined;
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'scope',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk = :sk',
        ExpressionAttributeValues: {
          ':pk': ruleSetKeys.regionPartition(parsed.region),
          ':sk': ruleSetKeys.regionSort(parsed.effectiveFrom, parsed.version),
        },
      }),
    );
    const Item = Items?.[0];
    if (!Item) return undefined;
    const ruleSet = fromItem(Item);
    this.cache.rememberVersion(ruleSet);
    return ruleSet;
  }

  async get(id: string): Promise<RuleSet> {
    const ruleSet = await this.find(id);
    if (!ruleSet) throw notFound('RuleSet');
    return ruleSet;
  }
}
