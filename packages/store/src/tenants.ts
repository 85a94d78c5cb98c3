import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  defaultOrder,
  type ListOrder,
  matchesSearch,
  type NewTenant,
  searchable,
  type TenantKind,
  type TenantRecord,
  type TenantSort,
  type TenantStatus,
  type UserRecord,
} from '@shegong/domain';
import { listBase } from './bases/bases.ts';
import { getInOrder } from './batch.ts';
import { compareText } from './collation.ts';
import type { Page } from './cursor.ts';
import { conflict, notFound } from './errors.ts';
import { keys } from './keys.ts';
import type { Mutation } from './mutation.ts';
import { type PageRequest, queryAll, queryPage } from './query.ts';
import { type TenantScope, toRecord } from './scope.ts';
import { listOrganisation } from './target-map.ts';
import { windowOf } from './window.ts';

/** Which tenants the platform's list holds and in which order (newest first, all of them, by default). */
export interface TenantListFilter {
  status?: TenantStatus;
  kind?: TenantKind;
  /** Found in the name, the English name or the credit code. */
  search?: string;
  sort?: TenantSort;
  order?: ListOrder;
}

/** Reads a tenant's own record. */
export class OwnTenant {
  constructor(private readonly scope: TenantScope) {}

  async find(): Promise<TenantRecord | undefined> {
    const { Item } = await this.scope.client.send(
      new GetCommand({ TableName: this.scope.tableName, Key: keys.tenant(this.scope.tenantId) }),
    );
    return Item ? toRecord<TenantRecord>(Item) : undefined;
  }

  async get(): Promise<TenantRecord> {
    const tenant = await this.find();
    if (!tenant) throw notFound('Tenant');
    return tenant;
  }

  /**
   * The tenant's record and one member's, in one consistent BatchGetItem (both live in the
   * tenant's partition): what every signed-in request reads before anything else, so one round
   * trip instead of two.
   */
  async findWithMember(userId: string): Promise<{ tenant?: TenantRecord; user?: UserRecord }> {
    const items = await getInOrder(this.scope, [
      keys.tenant(this.scope.tenantId),
      keys.user(this.scope.tenantId, userId),
    ]);
    const tenant = items.find((item) => item.sk === keys.tenant(this.scope.tenantId).sk);
    const user = items.find((item) => item.sk === keys.user(this.scope.tenantId, userId).sk);
    return {
      ...(tenant ? { tenant: toRecord<TenantRecord>(tenant) } : {}),
      ...(user ? { user: toRecord<UserRecord>(user) } : {}),
    };
  }

  /**
   * Records the credit code of an organisation admitted to be registered (未登记), in a mutation:
   * the record at the version read, with the platform-wide guard of the code (TenantDirectory.create's).
   */
  recordCreditCode(mutation: Mutation, current: TenantRecord, uscc: string): TenantRecord {
    const { toBeRegistered: _t, version, ...rest } = current;
    const next: TenantRecord = { ...rest, uscc, version: version + 1 };
    mutation.replace('Tenant', directoryItem({ ...rest, uscc }), version);
    claimCreditCode(mutation, uscc, current.id);
    // Now registered: it counts for P-T3 (target-map.ts).
    listOrganisation(mutation, next);
    return next;
  }
}

/** A tenant's record as stored: its own item, projected into the platform's directory (GSI scope). */
function directoryItem<T extends { id: string; createdAt: string }>(fields: T) {
  return {
    ...keys.tenant(fields.id),
    ...fields,
    gsi1pk: keys.tenantDirectory,
    gsi1sk: `${fields.createdAt}#${fields.id}`,
  };
}

/** A credit code is unique platform-wide: its guard names the tenant holding it. */
function claimCreditCode(mutation: Mutation, uscc: string, tenantId: string): void {
  mutation.guard(keys.usccGuard(uscc), { tenantId }, () =>
    conflict('An organisation with this unified social credit code already exists', { field: 'uscc' }),
  );
}

/** The platform's directory of tenants: only a platform scope can build one (see Store). */
export class TenantDirectory {
  constructor(private readonly scope: TenantScope) {}

  /**
   * Adds the new tenant to a mutation (the caller adds the first admin's invitation). An
   * organisation an incubation base admits names the base, and is marked to be registered (未登记)
   * when it has no credit code yet.
   */
  create(
    mutation: Mutation,
    input: Omit<NewTenant, 'adminEmail'> & Pick<TenantRecord, 'toBeRegistered' | 'incubatorId'>,
    id: string = randomUUID(),
  ): TenantRecord {
    const record: TenantRecord = {
      id,
      kind: input.kind,
      name: input.name,
      ...(input.nameEn ? { nameEn: input.nameEn } : {}),
      region: input.region,
      ...(input.uscc ? { uscc: input.uscc } : {}),
      ...(input.toBeRegistered ? { toBeRegistered: true } : {}),
      ...(input.incubatorId ? { incubatorId: input.incubatorId } : {}),
      status: 'active',
      createdAt: new Date().toISOString(),
      version: 1,
    };
    mutation.create('Tenant', directoryItem(record));
    if (record.kind === 'bureau') {
      // Submitted contracts are routed by region (keys.regionBureau): one bureau per region.
      mutation.guard(
        keys.regionBureau(record.region),
        { tenantId: id, bureauId: id, name: record.name, region: record.region },
        () => conflict('This region already has a civil-affairs bureau on the platform', { field: 'region' }),
      );
    }
    // A base is listed for the bureaus of its region (bases/bases.ts) with its record.
    listBase(mutation, record, true);
    // An organisation is listed for its city's targets (target-map.ts) with its record.
    listOrganisation(mutation, record);
    if (input.uscc) claimCreditCode(mutation, input.uscc, id);
    return record;
  }

  /**
   * Replaces a tenant's record in a mutation, checking it is still the version read; the
   * directory's projection goes with it. `suspension` is written only when the change has one.
   */
  replace(
    mutation: Mutation,
    current: TenantRecord,
    change: Pick<TenantRecord, 'status' | 'suspension'>,
  ): TenantRecord {
    const { suspension: _old, ...rest } = current;
    const next: TenantRecord = {
      ...rest,
      status: change.status,
      ...(change.suspension ? { suspension: change.suspension } : {}),
      version: current.version + 1,
    };
    const { version: _v, ...stored } = next;
    mutation.replace('Tenant', directoryItem(stored), current.version);
    // Its listing carries the status a bureau sees (guarded by the record's version check above).
    listBase(mutation, next, false);
    listOrganisation(mutation, next);
    return next;
  }

  /**
   * A page of the directory. Newest (or oldest) first, unfiltered: one Query of a page. Searched,
   * filtered by status or kind, or sorted by name: the whole directory read (the platform's
   * tenants: hundreds, a few thousand at most, a few hundred bytes each) and cut in memory, so
   * every page but the last is full.
   */
  async list(page: PageRequest, filter: TenantListFilter = {}): Promise<Page<TenantRecord>> {
    const sort = filter.sort ?? 'created';
    const order = filter.order ?? defaultOrder(sort);
    const search = searchable(filter.search ?? '');
    const directory = { partition: keys.tenantDirectory, index: 'scope' as const };
    if (sort === 'created' && !search && !filter.status && !filter.kind)
      return queryPage(this.scope, { ...directory, newestFirst: order === 'desc' }, page);
    const all = (await queryAll(this.scope, directory)).map((item) => toRecord<TenantRecord>(item));
    const found = all.filter(
      (t) =>
        (!filter.status || t.status === filter.status) &&
        (!filter.kind || t.kind === filter.kind) &&
        matchesSearch(search, [t.name, t.nameEn, t.uscc]),
    );
    return windowOf(
      found,
      {
        value: sort === 'name' ? (t) => t.name : (t) => t.createdAt,
        id: (t) => t.id,
        order,
        compareText,
        binding: ['tenants', filter.status ?? '*', filter.kind ?? '*', sort, order, search].join('|'),
      },
      page,
    );
  }

  async get(tenantId: string): Promise<TenantRecord> {
    // Another tenant's record, read by the platform: a named crossing.
    const { Item } = await this.scope
      .across('tenantDirectory', tenantId)
      .client.send(
        new GetCommand({ TableName: this.scope.tableName, Key: keys.tenant(tenantId), ConsistentRead: true }),
      );
    if (!Item) throw notFound('Tenant');
    return toRecord<TenantRecord>(Item);
  }
}
