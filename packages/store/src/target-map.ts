import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  type BureauMap,
  type CertifiedBaseline,
  type Community,
  cityOf,
  type IncubationBase,
  type Posting,
  type SocialWorkStation,
  type TalentBase,
  type TargetOrganisation,
  type TargetStaff,
  type TenantRecord,
  type Township,
} from '@shegong/domain';
import { notFound, StoreError } from './errors.ts';
import { keys } from './keys.ts';
import type { Mutation } from './mutation.ts';
import { queryAll } from './query.ts';
import { TenantScope, toRecord } from './scope.ts';
import type { Store } from './store.ts';

/**
 * The targets' data (issue 13, P-T1..P-T7) as stored:
 * - the city's map (keys.mapPartition): townships, communities, stations, the P-T5 baseline and the
 *   P-T6 bases, one item each under `R#<city>#MAP`, so the whole map is one Query (Fangchenggang's
 *   ~30 townships and ~400 communities are ~100 KB, one page); each item carries its version, so an
 *   edit or an import is checked against what was read;
 * - postings (keys.posting) in the organisation's partition, projected on GSI `scope` under the
 *   community's city (keys.postingScope): the dashboard reads a city's with one Query;
 * - organisations' listings (keys.organisationListing), projected under their city
 *   (keys.organisationScope), written with the tenant record.
 */

/** A stored item of the map: the record and its version (for If-Match and the import's checks). */
export type Versioned<T> = T & { version: number };

/** The map as stored: every item with its version. */
export interface StoredMap {
  city: string;
  townships: Versioned<Township>[];
  communities: Versioned<Community>[];
  stations: Versioned<SocialWorkStation>[];
  baseline?: Versioned<CertifiedBaseline>;
  bases: Versioned<TalentBase>[];
  /** Where the places come from, as the last import said (示例数据 for the demo). */
  sourceNote?: Versioned<{ text: string }>;
}

/** A posting as stored: the domain's fact with its id, when it was recorded, and its version. */
export type PostingRecord = Posting & { id: string; createdAt: string; version: number };

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);

/** The map without versions: exactly the domain's BureauMap. */
export function bureauMapOf(map: StoredMap): BureauMap {
  const bare = <T extends { version: number }>({ version: _v, ...rest }: T) => rest;
  return {
    city: map.city,
    townships: map.townships.map(bare),
    communities: map.communities.map(bare),
    stations: map.stations.map(bare),
    ...(map.baseline ? { baseline: bare(map.baseline) } : {}),
    bases: map.bases.map(bare),
  };
}

/**
 * The map of one city, read and written by its bureaus (the core decides who may edit what). Every
 * write is staged into a mutation the caller audits and commits: one transaction each.
 */
export class CityMap {
  constructor(
    private readonly scope: TenantScope,
    readonly city: string,
  ) {}

  /** The whole map, consistently: one Query of its partition (followed page by page if it ever outgrows one). */
  async read(): Promise<StoredMap> {
    const items = await queryAll(this.scope, { partition: keys.mapPartition(this.city), consistent: true });
    const map: StoredMap = { city: this.city, townships: [], communities: [], stations: [], bases: [] };
    for (const item of items) {
      const sk = String(item.sk);
      const record = toRecord<Record<string, unknown>>(item);
      if (sk.startsWith('TOWNSHIP#')) map.townships.push(record as Versioned<Township>);
      else if (sk.startsWith('COMMUNITY#')) map.communities.push(record as Versioned<Community>);
      else if (sk.startsWith('STATION#')) map.stations.push(record as Versioned<SocialWorkStation>);
      else if (sk.startsWith('TBASE#')) map.bases.push(record as Versioned<TalentBase>);
      else if (sk === 'BASELINE') map.baseline = record as Versioned<CertifiedBaseline>;
      else if (sk === 'NOTE') map.sourceNote = record as Versioned<{ text: string }>;
    }
    map.townships.sort(byCode);
    map.communities.sort(byCode);
    return map;
  }

  /** One community of the map, or undefined (one GetItem): a posting's must exist. */
  async community(code: string): Promise<Versioned<Community> | undefined> {
    const { Item } = await this.scope.client.send(
      new GetCommand({
        TableName: this.scope.tableName,
        Key: keys.mapCommunity(this.city, code),
        ConsistentRead: true,
      }),
    );
    return Item ? toRecord<Versioned<Community>>(Item) : undefined;
  }

  /** A new township, or a township read at `version` changed (an import's row). */
  stageTownship(mutation: Mutation, township: Township, version?: number): void {
    const item = { ...keys.mapTownship(this.city, township.code), ...township };
    if (version === undefined) mutation.create('MapTownship', item);
    else mutation.replace('MapTownship', item, version);
  }

  stageCommunity(mutation: Mutation, community: Community, version?: number): void {
    const item = { ...keys.mapCommunity(this.city, community.code), ...community };
    if (version === undefined) mutation.create('MapCommunity', item);
    else mutation.replace('MapCommunity', item, version);
  }

  /** Fails the transaction unless the community is still there at `version` (a posting's check). */
  checkCommunity(mutation: Mutation, code: string, version: number): void {
    mutation.unchanged('MapCommunity', keys.mapCommunity(this.city, code), version);
  }

  removeTownship(mutation: Mutation, code: string, version: number): void {
    mutation.remove('MapTownship', keys.mapTownship(this.city, code), version);
  }

  removeCommunity(mutation: Mutation, code: string, version: number): void {
    mutation.remove('MapCommunity', keys.mapCommunity(this.city, code), version);
  }

  stageStation(mutation: Mutation, station: SocialWorkStation, version?: number): void {
    const item = { ...keys.mapStation(this.city, station.id), ...station };
    if (version === undefined) mutation.create('MapStation', item);
    else mutation.replace('MapStation', item, version);
  }

  removeStation(mutation: Mutation, id: string, version: number): void {
    mutation.remove('MapStation', keys.mapStation(this.city, id), version);
  }

  stageBaseline(mutation: Mutation, baseline: CertifiedBaseline, version?: number): void {
    const item = { ...keys.mapBaseline(this.city), ...baseline };
    if (version === undefined) mutation.create('MapBaseline', item);
    else mutation.replace('MapBaseline', item, version);
  }

  /** The places' source note, new or read at `version`. */
  stageNote(mutation: Mutation, text: string, version?: number): void {
    const item = { ...keys.mapNote(this.city), text };
    if (version === undefined) mutation.create('MapNote', item);
    else mutation.replace('MapNote', item, version);
  }

  stageBase(mutation: Mutation, base: TalentBase, version?: number): void {
    const item = { ...keys.mapBase(this.city, base.id), ...base };
    if (version === undefined) mutation.create('MapBase', item);
    else mutation.replace('MapBase', item, version);
  }

  removeBase(mutation: Mutation, id: string, version: number): void {
    mutation.remove('MapBase', keys.mapBase(this.city, id), version);
  }

  /**
   * Whether anyone is posted to the community on `day` (one Query of the postings' index under the
   * community's prefix: a community's postings are a handful).
   */
  async hasRunningPostings(community: string, day: string): Promise<boolean> {
    const items = await queryAll(this.scope, {
      partition: keys.postingPartition(this.city),
      index: 'scope',
      sortPrefix: `${community}#`,
    });
    return items.some((i) => String(i.from) <= day && (typeof i.until !== 'string' || i.until >= day));
  }
}

/** The city of a community: its code's first four digits and 00 (the GB/T 2260 prefix). */
export const cityOfCommunity = (community: string) => `${community.slice(0, 4)}00`;

/** An organisation's postings (the scope is the organisation's). */
export class Postings {
  constructor(private readonly scope: TenantScope) {}

  private item(posting: PostingRecord) {
    const { version: _v, ...stored } = posting;
    return {
      ...keys.posting(this.scope.tenantId, posting.personId, posting.id),
      ...keys.postingScope(cityOfCommunity(posting.community), posting.community, this.scope.tenantId, posting.id),
      ...stored,
    };
  }

  stage(mutation: Mutation, posting: Omit<PostingRecord, 'version'>): PostingRecord {
    const record = { ...posting, version: 1 };
    mutation.create('Posting', this.item(record));
    return record;
  }

  /** Replaces a posting read at `current.version` (ending it); 412 when it moved meanwhile. */
  replace(mutation: Mutation, current: PostingRecord, next: PostingRecord): PostingRecord {
    mutation.replace('Posting', this.item(next), current.version);
    return { ...next, version: current.version + 1 };
  }

  async get(personId: string, id: string): Promise<PostingRecord> {
    const { Item } = await this.scope.client.send(
      new GetCommand({
        TableName: this.scope.tableName,
        Key: keys.posting(this.scope.tenantId, personId, id),
        ConsistentRead: true,
      }),
    );
    if (!Item) throw notFound('Posting');
    return toRecord<PostingRecord>(Item);
  }

  /** One person's postings, oldest first (bounded by one person's history). */
  async ofPerson(personId: string): Promise<PostingRecord[]> {
    const items = await queryAll(this.scope, {
      partition: `T#${this.scope.tenantId}`,
      sortPrefix: keys.postingPrefix(personId),
      consistent: true,
    });
    return items.map((i) => toRecord<PostingRecord>(i));
  }
}

/**
 * Adds (or rewrites) an organisation's listing for the targets in the mutation that creates or
 * changes its tenant record (the record's own condition guards it). Only organisations are listed:
 * P-T3 counts social-work service organisations, and an incubation base is listed as a base.
 */
export function listOrganisation(mutation: Mutation, tenant: Omit<TenantRecord, 'version'>): void {
  if (tenant.kind !== 'org') return;
  const city = cityOf(tenant.region) ?? tenant.region;
  const listing: TargetOrganisation & { status: string } = {
    organisationId: tenant.id,
    name: tenant.name,
    region: tenant.region,
    registered: tenant.uscc !== undefined && !tenant.toBeRegistered,
    status: tenant.status,
  };
  mutation.project('OrganisationListing', {
    ...keys.organisationListing(tenant.id),
    ...keys.organisationScope(city, tenant.region, tenant.id),
    ...listing,
  });
}

/**
 * What the targets dashboard reads of a city beyond its map (TargetFacts), read only, for a bureau
 * of the city: the organisations' listings, their staff (a Query of each organisation's registry
 * that projects only ids, certificate levels and dates, and education: never names or ID numbers),
 * the postings, and the incubation bases' listings.
 */
export class CityFacts {
  constructor(
    private readonly scope: TenantScope,
    readonly city: string,
  ) {}

  async organisations(): Promise<TargetOrganisation[]> {
    const items = await queryAll(this.scope, { partition: keys.organisationPartition(this.city), index: 'scope' });
    return items.map((i) => ({
      organisationId: String(i.organisationId),
      name: String(i.name),
      region: String(i.region),
      registered: i.registered === true,
    }));
  }

  /** One organisation of the city by its id (its listing: one GetItem), or undefined. */
  async organisation(organisationId: string): Promise<TargetOrganisation | undefined> {
    // The organisation's listing, in its partition: a named crossing.
    const { Item } = await this.scope
      .across('jurisdictionReads', organisationId)
      .client.send(new GetCommand({ TableName: this.scope.tableName, Key: keys.organisationListing(organisationId) }));
    if (!Item || Item.gsi1pk !== keys.organisationPartition(this.city)) return undefined;
    return {
      organisationId: String(Item.organisationId),
      name: String(Item.name),
      region: String(Item.region),
      registered: Item.registered === true,
    };
  }

  /** The staff of one organisation: one Query of its registry (more only past 1 MB of people). */
  async staff(organisationId: string): Promise<TargetStaff[]> {
    const staff: TargetStaff[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      // The organisation's registry, in its partition: a named crossing.
      const found = await this.scope.across('jurisdictionReads', organisationId).client.send(
        new QueryCommand({
          TableName: this.scope.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': `T#${organisationId}`, ':prefix': keys.personPrefix },
          ProjectionExpression: 'id, certificates, education',
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of found.Items ?? []) {
        const certificates = (item.certificates ?? []) as {
          level: TargetStaff['certificates'][number]['level'];
          obtainedOn: string;
        }[];
        staff.push({
          personId: String(item.id),
          organisationId,
          certificates: certificates.map((c) => ({ level: c.level, obtainedOn: c.obtainedOn })),
          education: item.education as TargetStaff['education'],
        });
      }
      start = found.LastEvaluatedKey;
    } while (start);
    return staff;
  }

  async postings(): Promise<Posting[]> {
    const items = await queryAll(this.scope, { partition: keys.postingPartition(this.city), index: 'scope' });
    return items.map((i) => ({
      personId: String(i.personId),
      organisationId: String(i.organisationId),
      community: String(i.community),
      from: String(i.from),
      ...(typeof i.until === 'string' ? { until: i.until } : {}),
    }));
  }

  /** The city's incubation bases, whichever bureau of the city asks (P-T1 is judged city-wide). */
  async incubationBases(): Promise<IncubationBase[]> {
    const items = await queryAll(this.scope, { partition: keys.basePartition(this.city), index: 'scope' });
    return items.map((i) => {
      const record = toRecord<Record<string, unknown>>(i);
      return {
        tenantId: String(record.tenantId),
        name: String(record.name),
        ...(typeof record.nameEn === 'string' ? { nameEn: record.nameEn } : {}),
        region: String(record.region),
        status: record.status as IncubationBase['status'],
        createdAt: String(record.createdAt),
      };
    });
  }
}

/**
 * Gives every organisation created before the listings existed its listing (one that has one
 * wrote it with its record and is left alone), each in its own audited transaction in the organisation's trail, checked against the tenant
 * record's version read, so a record changed meanwhile fails that one transaction and is read
 * again. Walks the platform's directory (never a Scan); a second run changes nothing.
 */
export async function backfillOrganisationListings(store: Store): Promise<{ organisations: number }> {
  const directory = new TenantScope(store.client, store.tableName, 'platform-migration', 'migration');
  const tenants = (await queryAll(directory, { partition: keys.tenantDirectory, index: 'scope' })).map((t) =>
    toRecord<TenantRecord>(t),
  );
  let organisations = 0;
  for (const listed of tenants.filter((t) => t.kind === 'org')) {
    // Created or changed since the listings exist: it wrote its own.
    const { Item: held } = await store.client.send(
      new GetCommand({ TableName: store.tableName, Key: keys.organisationListing(listed.id), ConsistentRead: true }),
    );
    if (held) continue;
    for (let attempt = 1; ; attempt++) {
      const { Item } = await store.client.send(
        new GetCommand({ TableName: store.tableName, Key: keys.tenant(listed.id), ConsistentRead: true }),
      );
      if (!Item) break;
      const tenant = toRecord<TenantRecord>(Item);
      const mutation = new TenantScope(store.client, store.tableName, tenant.id, 'migration').mutation();
      mutation.unchanged('Tenant', keys.tenant(tenant.id), tenant.version);
      listOrganisation(mutation, tenant);
      mutation.audited('organisation.listing.backfill', 'OrganisationListing', tenant.id, 1, tenant);
      try {
        await mutation.commit();
        organisations++;
        break;
      } catch (error) {
        if (!(error instanceof StoreError && error.code === 'stale_version') || attempt >= 5) throw error;
      }
    }
  }
  return { organisations };
}
