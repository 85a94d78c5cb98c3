import { cityOf, type IncubationBase, type Jurisdiction, type TenantRecord } from '@shegong/domain';
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

/** Adds (or rewrites) a base's listing in the mutation that creates or changes its tenant record. */
export function listBase(mutation: Mutation, tenant: TenantRecord, created: boolean): void {
  if (tenant.kind !== 'incubator') return;
  if (created) mutation.create('BaseListing', baseListingItem(tenant));
  else mutation.project('BaseListing', baseListingItem(tenant));
}

/** A listing as read: the record without its storage attributes (its version is the store's). */
function listingOf(item: Record<string, unknown>): IncubationBase {
  const { version: _v, ...listing } = toRecord<IncubationBase & { version?: number }>(item);
  return listing;
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
  async page(page: PageRequest): Promise<Page<IncubationBase>> {
    const found = await queryItems(this.scope, this.query, page);
    return { ...found, items: found.items.map(listingOf) };
  }

  /**
   * Every base of the jurisdiction, for its coverage: bounded by the bases of one city (a handful
   * per county at most), each listing a few hundred bytes.
   */
  async all(): Promise<IncubationBase[]> {
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
