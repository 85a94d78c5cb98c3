import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  cityOf,
  INCUBATION_STAGES,
  type IncubationBase,
  type IncubationBaseListing,
  type IncubationStage,
  type Jurisdiction,
  noStageCounts,
  type StageCounts,
  type TenantRecord,
} from '@shegong/domain';
import type { Page } from '../cursor.ts';
import { StoreError } from '../errors.ts';
import { keys } from '../keys.ts';
import type { Mutation } from '../mutation.ts';
import { type PageRequest, queryAll, queryItems } from '../query.ts';
import { TenantScope, toRecord } from '../scope.ts';
import type { Store } from '../store.ts';

/**
 * The incubation bases (tenants of kind `incubator`) a bureau reads: a narrow listing per base in
 * the base's own partition (keys.baseListing), indexed on GSI `scope` under the city of its region
 * (keys.baseScope), so a jurisdiction's bases are one Query, never a Scan of the tenants.
 */

/** The listing of a base tenant, as stored: only what a bureau may see of it. */
export function baseListingItem(tenant: TenantRecord): Record<string, unknown> & { pk: string; sk: string } {
  const listing: IncubationBase = {
    tenantId: tenant.id,
    name: tenant.name,
    ...(tenant.nameEn ? { nameEn: tenant.nameEn } : {}),
    region: tenant.region,
    status: tenant.status,
    createdAt: tenant.createdAt,
  };
  return {
    ...keys.baseListing(tenant.id),
    ...keys.baseScope(cityOf(tenant.region) ?? tenant.region, tenant.region, tenant.id),
    ...listing,
  };
}

/**
 * Adds (or rewrites) a base's listing in the mutation that creates or changes its tenant record. A
 * change sets the listing's fields and leaves its stage counts alone (the transactions of the
 * base's records add to them; a whole Put would wipe them).
 */
export function listBase(mutation: Mutation, tenant: TenantRecord, created: boolean): void {
  if (tenant.kind !== 'incubator') return;
  const { pk, sk, ...fields } = baseListingItem(tenant);
  if (created) mutation.create('BaseListing', { pk, sk, ...fields });
  else mutation.add('BaseListing', { pk, sk }, fields, {});
}

/**
 * The attribute of a base's listing that counts its records in one stage. Flat attributes, not a
 * map: ADD creates a missing number, while it cannot add into a map that is not there yet.
 */
export const stageCountAttribute = (stage: IncubationStage) => `stageCount_${stage}`;

/**
 * Moves a base's record counts in the mutation that admits (from undefined) or moves a record: ADD,
 * so two transitions of different records commit in any order, while the record's own version
 * check in the same transaction keeps one record from being counted twice. Assumes the listing is
 * there (written with the base's tenant, or by backfillBaseListings, which ran before).
 */
export function countStageMove(
  mutation: Mutation,
  baseId: string,
  from: IncubationStage | undefined,
  to: IncubationStage,
): void {
  if (from === to) return;
  mutation.add(
    'BaseListing',
    keys.baseListing(baseId),
    {},
    {
      ...(from ? { [stageCountAttribute(from)]: -1 } : {}),
      [stageCountAttribute(to)]: 1,
    },
  );
}

function stageCountsOf(item: Record<string, unknown>): StageCounts {
  const counts = noStageCounts();
  for (const stage of INCUBATION_STAGES) counts[stage] = Number(item[stageCountAttribute(stage)] ?? 0);
  return counts;
}

/** A listing as read: the record without its storage attributes (its version is the store's), with its counts. */
function listingOf(item: Record<string, unknown>): IncubationBaseListing {
  const record = toRecord<Record<string, unknown>>(item);
  const listing = Object.fromEntries(
    Object.entries(record).filter(
      ([name]) => name !== 'version' && !INCUBATION_STAGES.some((s) => stageCountAttribute(s) === name),
    ),
  ) as unknown as IncubationBase;
  return { ...listing, byStage: stageCountsOf(item) };
}

/** The bases of one bureau's jurisdiction (read only). */
export class JurisdictionBases {
  constructor(
    private readonly scope: TenantScope,
    readonly jurisdiction: Jurisdiction,
  ) {}

  private get query() {
    const { city, county } = this.jurisdiction;
    return {
      partition: keys.basePartition(city),
      index: 'scope' as const,
      ...(county ? { sortPrefix: `${county}#` } : {}),
    };
  }

  /** A page of the jurisdiction's bases, by region then tenant id. */
  async page(page: PageRequest): Promise<Page<IncubationBaseListing>> {
    const found = await queryItems(this.scope, this.query, page);
    return { ...found, items: found.items.map(listingOf) };
  }

  /**
   * Every base of the jurisdiction, for its coverage: bounded by the bases of one city (a handful
   * per county at most), each listing a few hundred bytes.
   */
  async all(): Promise<IncubationBaseListing[]> {
    return (await queryAll(this.scope, this.query)).map(listingOf);
  }
}

/**
 * Gives every incubation base created before the listings existed its listing, each in its own
 * audited transaction in the base's trail. Walks the platform's tenant directory (never a Scan);
 * a listing is created only where none is, so a base changed meanwhile (which wrote its own) is
 * left alone and a second run changes nothing.
 */
export async function backfillBaseListings(store: Store): Promise<{ bases: number }> {
  const directory = new TenantScope(store.client, store.tableName, 'platform-migration', 'migration');
  const tenants = (await queryAll(directory, { partition: keys.tenantDirectory, index: 'scope' })).map((t) =>
    toRecord<TenantRecord>(t),
  );
  let bases = 0;
  for (const tenant of tenants.filter((t) => t.kind === 'incubator')) {
    const mutation = new TenantScope(store.client, store.tableName, tenant.id, 'migration').mutation();
    const item = baseListingItem(tenant);
    mutation.create('BaseListing', item).audited('base.listing.backfill', 'BaseListing', tenant.id, 1, item);
    try {
      await mutation.commit();
      bases++;
    } catch (error) {
      if (!(error instanceof StoreError && error.code === 'conflict')) throw error;
    }
  }
  return { bases };
}

/**
 * Gives every base's listing the per-stage counts of the records written before the listing
 * counted them (or sets them right): each count is the Query of the base's records of that stage,
 * written only while the listing's counts are still the ones read before the records were
 * counted, so a transition committing meanwhile makes it count again rather than be lost. The
 * counts are derived storage attributes of the listing (like an index key), not a record: no
 * audit event. A second run rewrites the same numbers.
 */
export async function backfillBaseStageCounts(store: Store): Promise<{ bases: number }> {
  const directory = new TenantScope(store.client, store.tableName, 'platform-migration', 'migration');
  const tenants = (await queryAll(directory, { partition: keys.tenantDirectory, index: 'scope' })).map((t) =>
    toRecord<TenantRecord>(t),
  );
  let bases = 0;
  for (const tenant of tenants.filter((t) => t.kind === 'incubator')) {
    const scope = new TenantScope(store.client, store.tableName, tenant.id, 'migration');
    for (let attempt = 1; ; attempt++) {
      const { Item } = await store.client.send(
        new GetCommand({ TableName: store.tableName, Key: keys.baseListing(tenant.id), ConsistentRead: true }),
      );
      if (!Item) break;
      const records = await queryAll(scope, {
        partition: `T#${tenant.id}`,
        sortPrefix: keys.incubationPrefix,
        consistent: true,
      });
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      const sets: string[] = [];
      const unchanged: string[] = [];
      INCUBATION_STAGES.forEach((stage, i) => {
        names[`#c${i}`] = stageCountAttribute(stage);
        values[`:c${i}`] = records.filter((r) => r.stage === stage).length;
        sets.push(`#c${i} = :c${i}`);
        const read = Item[stageCountAttribute(stage)];
        if (read === undefined) unchanged.push(`attribute_not_exists(#c${i})`);
        else {
          values[`:r${i}`] = read;
          unchanged.push(`#c${i} = :r${i}`);
        }
      });
      try {
        await store.client.send(
          new UpdateCommand({
            TableName: store.tableName,
            Key: keys.baseListing(tenant.id),
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: unchanged.join(' AND '),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        );
        bases++;
        break;
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException' || attempt >= 5) throw error;
      }
    }
  }
  return { bases };
}
