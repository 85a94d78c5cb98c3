import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type AwardClaim,
  type AwardClaimStatus,
  type BureauClaimStatus,
  CLOSED_CLAIM_STATUSES,
  cityOf,
  covers,
  type Jurisdiction,
  type LedgerEntryRecord,
} from '@shegong/domain';
import { getInOrder } from './batch.ts';
import type { Page } from './cursor.ts';
import { conflict, notFound } from './errors.ts';
import { keys } from './keys.ts';
import type { Mutation } from './mutation.ts';
import { countQuery, type PageRequest, queryAll, queryItems } from './query.ts';
import { type TenantScope, toRecord } from './scope.ts';

/**
 * Level-improvement award claims and the award ledger (P-A2 … P-A7).
 *
 * - A claim lives in the employer's partition, with its index rows: its status's list (GSI
 *   `status`), its person's list (GSI `scope`) and, once endorsed, the deciding bureaus' queue by
 *   state (GSI `review`, under the city of the employer's region). A global lookup names the
 *   organisation holding a claim id, so a bureau opens a claim by its id alone.
 * - A person has at most one open claim platform-wide: a guard keyed by the hash of their ID-card
 *   number, written with the claim and released by the step that closes it (paid, refused, withdrawn).
 * - The ledger is platform-wide per person (`AWARD#<idHash>`): a head with the running total and a
 *   version, one item per entry. Every payment (a claim's or a historical one) is one transaction
 *   whose head write is conditional on the version read, so two racing payments for one person
 *   cannot both land: the loser finds the head moved (stale), re-reads and re-assesses.
 */

/** A claim as stored: with the hash of the person's ID-card number (never answered to anyone). */
export type StoredAwardClaim = AwardClaim & { idHash: string };

/** The ledger head: the running total (fen) and the version every payment is conditional on. */
export interface LedgerHead {
  total: number;
  version: number;
}

export interface Ledger {
  head: LedgerHead | undefined;
  entries: LedgerEntryRecord[];
}

/** Whether a claim in this status holds the person's open-claim guard. */
const isOpen = (status: AwardClaimStatus) => !CLOSED_CLAIM_STATUSES.includes(status);
const isQueued = (status: AwardClaimStatus): status is BureauClaimStatus =>
  status === 'endorsed' || status === 'approved' || status === 'paid' || status === 'refused';

/** The claim's item with every index row its status gives it. */
export function awardClaimItem(claim: StoredAwardClaim) {
  const { version: _v, ...record } = claim;
  const city = cityOf(claim.region) ?? claim.region;
  return {
    ...keys.awardClaim(claim.organisationId, claim.id),
    ...keys.awardClaimStatus(claim.organisationId, claim.status, claim.id),
    ...keys.awardClaimOfPerson(claim.organisationId, claim.personId, claim.id),
    ...(isQueued(claim.status)
      ? keys.awardClaimQueue(city, claim.status, claim.region, claim.id, claim.organisationId)
      : {}),
    ...withoutUndefined(record),
  };
}

/** Strips what is never answered (the ID-card hash) from a stored claim. */
export function publicClaim(stored: StoredAwardClaim): AwardClaim {
  const { idHash: _h, ...claim } = stored;
  return claim;
}

/**
 * Stages the move of a claim read at `current.version` to `next` (either side may write it: the
 * organisation, or the bureau that decides it). Releases the open-claim guard when the move closes it.
 */
export function stageClaimMove(mutation: Mutation, current: StoredAwardClaim, next: StoredAwardClaim): void {
  mutation.replace('AwardClaim', awardClaimItem(next), current.version);
  if (isOpen(current.status) && !isOpen(next.status))
    mutation.releaseNaming(keys.awardOpenClaimGuard(current.idHash), 'claimId', current.id);
}

/**
 * Stages one ledger entry: the head moved from `head` (undefined: the person has none yet) to its
 * total + amount, conditional on the version read, and the entry. The caller has checked the
 * ceiling (P-A5) against `head.total`; the condition makes that check hold when it commits.
 */
export function stageLedgerEntry(
  mutation: Mutation,
  idHash: string,
  head: LedgerHead | undefined,
  entry: LedgerEntryRecord,
  historyScope?: { city: string; bureauRegion: string },
): LedgerHead {
  const total = (head?.total ?? 0) + entry.amount;
  const headItem = { ...keys.awardLedgerHead(idHash), total, name: entry.name };
  if (head) mutation.replace('AwardLedgerHead', headItem, head.version);
  else mutation.create('AwardLedgerHead', headItem, conflict('AwardLedgerHead was changed by someone else'));
  mutation.create('AwardLedgerEntry', {
    ...keys.awardLedgerEntry(idHash, entry.date, entry.id),
    ...(historyScope ? keys.awardHistoryScope(historyScope.city, historyScope.bureauRegion, entry.date, entry.id) : {}),
    ...withoutUndefined(entry),
  });
  return { total, version: (head?.version ?? 0) + 1 };
}

/** Reads a person's ledger: its head (consistently) and every entry, oldest first (a handful). */
export async function readLedger(scope: Pick<TenantScope, 'client' | 'tableName'>, idHash: string): Promise<Ledger> {
  const { Item } = await scope.client.send(
    new GetCommand({ TableName: scope.tableName, Key: keys.awardLedgerHead(idHash), ConsistentRead: true }),
  );
  const items = await queryAll(scope as TenantScope, {
    partition: keys.awardLedgerHead(idHash).pk,
    sortPrefix: keys.awardLedgerEntryPrefix,
    consistent: true,
  });
  return {
    head: Item ? { total: Number(Item.total), version: Number(Item.version) } : undefined,
    entries: items.map((i) => {
      const { version: _v, ...entry } = toRecord<LedgerEntryRecord & { version?: number }>(i);
      return entry;
    }),
  };
}

/** An organisation's claims (the scope is the employer's). */
export class AwardClaims {
  constructor(private readonly scope: TenantScope) {}

  private get org(): string {
    return this.scope.tenantId;
  }

  /**
   * Creates a claim with its lookup and the person's open-claim guard (a second open claim for the
   * same person, in any organisation, is refused as a conflict naming the open one).
   */
  stageCreate(mutation: Mutation, claim: StoredAwardClaim): void {
    mutation
      .create('AwardClaim', awardClaimItem(claim))
      .guard(keys.awardClaimLookup(claim.id), { tenantId: this.org, claimId: claim.id }, () =>
        conflict('claim id taken'),
      )
      .guard(keys.awardOpenClaimGuard(claim.idHash), { tenantId: this.org, claimId: claim.id }, () =>
        conflict('This person already has an open award claim', { reason: 'openClaim' }),
      );
  }

  async find(claimId: string): Promise<StoredAwardClaim | undefined> {
    const item = await get(this.scope, keys.awardClaim(this.org, claimId));
    return item ? toRecord<StoredAwardClaim>(item) : undefined;
  }

  async get(claimId: string): Promise<StoredAwardClaim> {
    const claim = await this.find(claimId);
    if (!claim) throw notFound('AwardClaim');
    return claim;
  }

  /** Which claim of the person is open (any organisation's), if one is: its guard. */
  async openClaimOf(idHash: string): Promise<{ tenantId: string; claimId: string } | undefined> {
    const item = await get(this.scope, keys.awardOpenClaimGuard(idHash));
    return item ? { tenantId: String(item.tenantId), claimId: String(item.claimId) } : undefined;
  }

  /** A page of the organisation's claims: all, newest first, or one status's. One Query each. */
  async list(status: AwardClaimStatus | undefined, page: PageRequest): Promise<Page<StoredAwardClaim>> {
    if (!status) {
      const found = await queryItems(
        this.scope,
        { partition: `T#${this.org}`, sortPrefix: keys.awardClaimPrefix, newestFirst: true },
        page,
      );
      return { ...found, items: found.items.map((i) => toRecord<StoredAwardClaim>(i)) };
    }
    const rows = await queryItems(
      this.scope,
      { partition: keys.awardClaimStatusPartition(this.org, status), index: 'status', newestFirst: true },
      page,
    );
    const items = await getInOrder(
      this.scope,
      rows.items.map((row) => ({ pk: String(row.pk), sk: String(row.sk) })),
    );
    return { items: items.map((i) => toRecord<StoredAwardClaim>(i)), ...(rows.cursor ? { cursor: rows.cursor } : {}) };
  }

  /** A page of one person's claims, newest first (GSI `scope`). */
  async ofPerson(personId: string, page: PageRequest): Promise<Page<StoredAwardClaim>> {
    const found = await queryItems(
      this.scope,
      { partition: keys.awardClaimPersonPartition(this.org, personId), index: 'scope', newestFirst: true },
      page,
    );
    return { ...found, items: found.items.map((i) => toRecord<StoredAwardClaim>(i)) };
  }

  /** How many claims wait for the admin's endorsement (a badge): one COUNT Query. */
  countInStatus(status: AwardClaimStatus): Promise<number> {
    return countQuery(this.scope, {
      IndexName: 'status',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.awardClaimStatusPartition(this.org, status) },
    });
  }
}

/**
 * What a bureau reads of the claims in its jurisdiction, and its history list. Reads only: the
 * bureau's writes are staged by the use cases with stageClaimMove / stageLedgerEntry.
 */
export class JurisdictionAwards {
  constructor(
    private readonly scope: TenantScope,
    readonly jurisdiction: Jurisdiction,
  ) {}

  private queue(status: BureauClaimStatus) {
    const { city, county } = this.jurisdiction;
    return {
      partition: keys.awardClaimQueuePartition(city, status),
      ...(county ? { sortPrefix: `${county}#` } : {}),
    };
  }

  /** A claim by id, or undefined when absent, not yet endorsed, or outside the jurisdiction (404 alike). */
  async claim(claimId: string): Promise<StoredAwardClaim | undefined> {
    const lookup = await get(this.scope, keys.awardClaimLookup(claimId));
    if (!lookup) return undefined;
    // The claim is the employer's, in its partition: a named crossing.
    const organisationId = String(lookup.tenantId);
    const item = await get(
      this.scope.across('jurisdictionReads', organisationId),
      keys.awardClaim(organisationId, claimId),
    );
    if (!item) return undefined;
    const claim = toRecord<StoredAwardClaim>(item);
    if (!isQueued(claim.status) || !covers(this.jurisdiction, claim.region)) return undefined;
    return claim;
  }

  /** A page of one state's claims, by region then claim id (oldest first). */
  async page(status: BureauClaimStatus, page: PageRequest): Promise<Page<StoredAwardClaim>> {
    const found = await queryItems(this.scope, { ...this.queue(status), index: 'review' }, page);
    return { ...found, items: found.items.map((i) => toRecord<StoredAwardClaim>(i)) };
  }

  /**
   * Every claim of one state in the jurisdiction (P-A7 totals and the export): bounded by the
   * jurisdiction's claims (a few per certified social worker over the years), never a Scan.
   */
  async all(status: BureauClaimStatus): Promise<StoredAwardClaim[]> {
    const items = await queryAll(this.scope, { ...this.queue(status), index: 'review' });
    return items.map((i) => toRecord<StoredAwardClaim>(i));
  }

  /** How many claims wait in one state (the menu's badge): a COUNT Query of the queue. */
  count(status: BureauClaimStatus, bureauId?: string): Promise<number> {
    const q = this.queue(status);
    return countQuery(this.scope, {
      IndexName: 'review',
      KeyConditionExpression: q.sortPrefix ? 'gsi3pk = :pk AND begins_with(gsi3sk, :p)' : 'gsi3pk = :pk',
      ...(bureauId
        ? { FilterExpression: '#b.#id = :b', ExpressionAttributeNames: { '#b': 'bureau', '#id': 'id' } }
        : {}),
      ExpressionAttributeValues: {
        ':pk': q.partition,
        ...(q.sortPrefix ? { ':p': q.sortPrefix } : {}),
        ...(bureauId ? { ':b': bureauId } : {}),
      },
    });
  }

  /** The historical awards recorded in the jurisdiction, by bureau region then date (newest first). */
  async history(page: PageRequest): Promise<Page<LedgerEntryRecord>> {
    const { city, county } = this.jurisdiction;
    const found = await queryItems(
      this.scope,
      {
        partition: keys.awardHistoryPartition(city),
        ...(county ? { sortPrefix: `${county}#` } : {}),
        index: 'scope',
        newestFirst: true,
      },
      page,
    );
    return {
      ...found,
      items: found.items.map((i) => {
        const { version: _v, ...entry } = toRecord<LedgerEntryRecord & { version?: number }>(i);
        return entry;
      }),
    };
  }
}

async function get(
  scope: Pick<TenantScope, 'client' | 'tableName'>,
  key: { pk: string; sk: string },
): Promise<Record<string, unknown> | undefined> {
  const { Item } = await scope.client.send(
    new GetCommand({ TableName: scope.tableName, Key: key, ConsistentRead: true }),
  );
  return Item;
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
