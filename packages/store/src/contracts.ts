import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Amendment,
  type ChainEventType,
  CONTRACT_STATUSES,
  type ContractReview,
  type ContractSort,
  type ContractStatus,
  type ContractVersion,
  type CostedDraft,
  chinaToday,
  cityOf,
  costingFacts,
  defaultOrder,
  diffDrafts,
  isAmendable,
  isEditable,
  type ListOrder,
  matchesSearch,
  NEXT_STATUSES,
  type StoredContract,
  searchable,
  upgradeFinding,
} from '@shegong/domain';
import { getInOrder } from './batch.ts';
import { compareText } from './collation.ts';
import type { Page } from './cursor.ts';
import { conflict, notFound, StoreError, staleVersion } from './errors.ts';
import { type ChainEntry, ContractHistory } from './history.ts';
import { keys } from './keys.ts';
import type { Mutation } from './mutation.ts';
import { countQuery, type PageRequest, queryAll, queryItems, queryPage } from './query.ts';
import { type RegisterChange, stageRegisterRow } from './register.ts';
import { type TenantScope, toRecord } from './scope.ts';
import { windowOf } from './window.ts';

/**
 * An organisation's purchase contracts. OWNER: helper "contracts" (fills the bodies; the types are
 * the contract other helpers code against — add fields, do not rename).
 *
 * Items (all in the tenant's partition `T#<tenant>`):
 *   CONTRACT#<id>              the head: status, the current version's summary, optimistic `version`;
 *                              GSI `scope`: gsi1pk `R#<city of purchaser region>#CONTRACT`,
 *                              gsi1sk `<purchaser region>#<tenant>#<id>` (the bureaus' view, later issue);
 *                              GSI `status`: gsi2pk `T#<tenant>#CONTRACT#<status>`, gsi2sk `<id>` (lists)
 *   CONTRACTV#<id>#0001 …      every version (draft edits replace the draft's; amendments add one)
 *   T#<tenant>#CONTRACTNO / <number>   guard: a contract number is unique within the organisation
 */

/** Which heads a list holds and in which order (every part optional: newest first, all statuses). */
export interface ContractListFilter {
  status?: ContractStatus;
  /** Found in the number, the title or the purchaser's name (domain `matchesSearch`). */
  search?: string;
  sort?: ContractSort;
  order?: ListOrder;
}

/** A row of the `status` index: the head's keys and the columns it projects (table.ts). */
interface ContractRow {
  gsi2sk: string;
  number: string;
  title: string;
  purchaser?: { name: string };
  startDate: string;
  value: number;
}

/** What each sort orders by (creation: the time-ordered id). */
const SORT_VALUES: Record<ContractSort, (row: ContractRow) => string | number> = {
  created: (row) => row.gsi2sk,
  number: (row) => row.number,
  title: (row) => row.title,
  startDate: (row) => row.startDate,
  value: (row) => row.value,
};

/** The most versions a contract keeps (the sort key holds four digits). */
export const MAX_CONTRACT_VERSIONS = 9999;

/**
 * The largest version item stored, in bytes. DynamoDB refuses items over 400 KB. A version's bulk
 * (the draft, the posts as costed, the rule set's parameters, the assessment) is kept gzipped in
 * one binary attribute: a plan of 500 posts with its costing is about 300 KB of JSON, and over a
 * megabyte with the longest titles, 500 findings and 300 budget items the schema allows, but it
 * repeats itself and compresses to a few tens of KB. The caller still refuses (422) a version whose
 * compressed body would exceed this, so a save can never fail on DynamoDB's limit.
 */
export const MAX_VERSION_BYTES = 350_000;

type VersionBody = Pick<ContractVersion, 'draft' | 'costedPosts' | 'rules' | 'assessment' | 'amendment'>;

const packBody = (body: VersionBody): Buffer => gzipSync(JSON.stringify(body));
const unpackBody = (packed: Uint8Array): VersionBody => {
  const body = JSON.parse(gunzipSync(packed).toString('utf8')) as VersionBody;
  // A version saved before findings had a kind keeps its old findings: read them as today's.
  const { assessment } = body;
  return {
    ...body,
    assessment: {
      ...assessment,
      findings: assessment.findings.map(upgradeFinding),
      costing: { ...assessment.costing, findings: assessment.costing.findings.map(upgradeFinding) },
    },
  };
};

/** The bytes a costed draft's version item will take, near enough (the compressed body and the rest). */
export function versionBytes(costed: CostedDraft): number {
  const { draft, costedPosts, rules, assessment, ruleSet } = costed;
  return packBody({ draft, costedPosts, rules, assessment }).byteLength + JSON.stringify(ruleSet).length + 2_000;
}

/** A UUIDv7: the creation time in its first 48 bits, so ids sort by creation (the list's order). */
export function timeOrderedId(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What the head repeats of its current version: the list's columns and flags. */
function summaryOf(costed: CostedDraft) {
  const { terms } = costed.draft;
  const { findings, costing, priceFloor } = costed.assessment;
  return {
    number: terms.number,
    title: terms.title,
    purchaser: { name: terms.purchaser.name, region: terms.purchaser.region },
    startDate: terms.startDate,
    endDate: terms.endDate,
    value: terms.value,
    findingCounts: {
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    },
    findingRuleIds: [...new Set(findings.map((f) => f.ruleId))].sort(),
    labourCost: costing.labourCost,
    ...(priceFloor.feasible ? { priceFloor: priceFloor.value } : {}),
    ruleIds: { labourCost: 'P-W2', priceFloor: priceFloor.ruleId },
    ruleSet: costed.ruleSet,
  } as const;
}

/**
 * A version as stored: the small fields as attributes, the bulk gzipped in `body` (an amendment's
 * changes too: replacing a plan of 500 posts lists thousands).
 */
function versionItem(key: { pk: string; sk: string }, version: ContractVersion) {
  const { draft, costedPosts, rules, assessment, amendment, ...rest } = version;
  return {
    ...key,
    ...rest,
    body: packBody({ draft, costedPosts, rules, assessment, ...(amendment ? { amendment } : {}) }),
  };
}

/** A stored version without its storage attributes (the item's own `version` counts its rewrites). */
export function versionOf(item: Record<string, unknown>): ContractVersion {
  const {
    version: _v,
    body,
    ...rest
  } = toRecord<Omit<ContractVersion, keyof VersionBody> & { version?: number; body: Uint8Array }>(item);
  return { ...rest, ...unpackBody(body) };
}

export class Contracts {
  private readonly history: ContractHistory;

  constructor(readonly scope: TenantScope) {
    this.history = new ContractHistory(scope);
  }

  /** Appends the change's event to the contract's history chain, in the same transaction. */
  private chain(mutation: Mutation, contractId: string, entry: ChainEntry): void {
    this.history.stage(mutation, { organisationId: this.scope.tenantId, contractId }, entry);
  }

  private async read(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.scope.client.send(
      new GetCommand({ TableName: this.scope.tableName, Key: key, ConsistentRead: true }),
    );
    return Item;
  }

  /** The head; not_found (404) when it is not this organisation's. */
  async get(id: string): Promise<StoredContract> {
    const item = await this.read(keys.contract(this.scope.tenantId, id));
    if (!item) throw notFound('Contract');
    return this.headOf(item);
  }

  /**
   * A head as read. Heads saved before they named their rule set take it from their current
   * version (one read each, until the contract is next saved).
   */
  private async headOf(item: Record<string, unknown>): Promise<StoredContract> {
    const head = toRecord<StoredContract>(item);
    if (head.ruleSet) return head;
    const { ruleSet } = await this.version(head.id, head.currentVersion);
    return { ...head, ruleSet };
  }

  /**
   * A page of heads. Newest (or oldest) first without a search: one Query of a page, whatever the
   * organisation holds — of the tenant's `CONTRACT#` prefix (the heads themselves), or with a
   * status of that status's partition of the sparse index `status` (table.ts), so a filtered page
   * is full. Sorted by another column or searched: every row of the status's partition (or of all
   * five) read from the index's narrow projection, then searched, sorted and cut in memory
   * (window.ts). That is bounded by what one organisation holds: a few thousand contracts are a few
   * hundred KB of rows, one or two Query pages per status, read in parallel. Index rows stand for
   * heads: the page's heads are then read by key, consistently. Every head comes as `headOf` makes
   * it. (The index is eventually consistent: a head whose status changed a moment ago may still be
   * listed under its old status, showing its new one.)
   */
  async list(page: PageRequest, filter: ContractListFilter = {}): Promise<Page<StoredContract>> {
    const sort = filter.sort ?? 'created';
    const order = filter.order ?? defaultOrder(sort);
    const search = searchable(filter.search ?? '');
    if (sort === 'created' && !search && !filter.status) {
      // The heads themselves, a page of the tenant's `CONTRACT#` prefix.
      const found = await queryItems(
        this.scope,
        { partition: `T#${this.scope.tenantId}`, sortPrefix: keys.contractPrefix, newestFirst: order === 'desc' },
        page,
      );
      return { ...found, items: await Promise.all(found.items.map((item) => this.headOf(item))) };
    }
    const found =
      sort === 'created' && !search && filter.status
        ? await this.ofStatus(page, order, filter.status)
        : await this.sorted(page, { sort, order, search, ...(filter.status ? { status: filter.status } : {}) });
    const items = await getInOrder(
      this.scope,
      found.ids.map((id) => keys.contract(this.scope.tenantId, id)),
    );
    return {
      items: await Promise.all(items.map((item) => this.headOf(item))),
      ...(found.cursor ? { cursor: found.cursor } : {}),
    };
  }

  /** A page of one status's ids in the order of creation: one Query of its index partition. */
  private async ofStatus(page: PageRequest, order: ListOrder, status: ContractStatus) {
    const found = await queryItems(
      this.scope,
      {
        partition: keys.contractStatusPartition(this.scope.tenantId, status),
        index: 'status',
        newestFirst: order === 'desc',
      },
      page,
    );
    // An index row's sort key is the head's id.
    return { ids: found.items.map((item) => String(item.gsi2sk)), cursor: found.cursor };
  }

  /** A page of ids of the status's rows (or every status's), searched and sorted in memory. */
  private async sorted(
    page: PageRequest,
    list: { sort: ContractSort; order: ListOrder; search: string; status?: ContractStatus },
  ) {
    const statuses = list.status ? [list.status] : CONTRACT_STATUSES;
    const partitions = await Promise.all(
      statuses.map((status) =>
        queryAll(this.scope, { partition: keys.contractStatusPartition(this.scope.tenantId, status), index: 'status' }),
      ),
    );
    const rows = partitions
      .flat()
      .map((item) => item as unknown as ContractRow)
      .filter((row) => matchesSearch(list.search, [row.number, row.title, row.purchaser?.name]));
    const found = windowOf(
      rows,
      {
        value: SORT_VALUES[list.sort],
        id: (row) => row.gsi2sk,
        order: list.order,
        compareText,
        binding: ['contracts', list.status ?? '*', list.sort, list.order, list.search].join('|'),
      },
      page,
    );
    return { ids: found.items.map((row) => row.gsi2sk), cursor: found.cursor };
  }

  /**
   * How many heads wait for the organisation to act after a review: drafts a bureau returned (their
   * partition of the sparse `review` index, keys.returnedContract) and approved contracts to record
   * as signed (the `status` index's partition). Select COUNT: bounded by what waits, not by every
   * contract.
   */
  async awaitingAction(): Promise<{ returned: number; approved: number }> {
    const [returned, approved] = await Promise.all([
      this.count('review', 'gsi3pk', keys.returnedPartition(this.scope.tenantId)),
      this.count('status', 'gsi2pk', keys.contractStatusPartition(this.scope.tenantId, 'approved')),
    ]);
    return { returned, approved };
  }

  private async count(index: 'review' | 'status', attribute: string, partition: string): Promise<number> {
    return countQuery(this.scope, {
      IndexName: index,
      KeyConditionExpression: `${attribute} = :pk`,
      ExpressionAttributeValues: { ':pk': partition },
    });
  }

  /** One version; not_found when there is none. */
  async version(id: string, number: number): Promise<ContractVersion> {
    if (!Number.isSafeInteger(number) || number < 1 || number > MAX_CONTRACT_VERSIONS)
      throw notFound('Contract version');
    const item = await this.read(keys.contractVersion(this.scope.tenantId, id, number));
    if (!item) throw notFound('Contract version');
    return versionOf(item);
  }

  /** Every version, oldest first. */
  async versions(id: string, page: PageRequest): Promise<Page<ContractVersion>> {
    const found = await queryPage<Record<string, unknown>>(
      this.scope,
      { partition: `T#${this.scope.tenantId}`, sortPrefix: keys.contractVersionPrefix(id) },
      page,
    );
    return { ...found, items: found.items.map(versionOf) };
  }

  /** A new draft contract with version 1, its number guard and audit event, in one transaction. */
  async create(
    costed: CostedDraft,
    options: { createdOn?: string } = {},
  ): Promise<{ contract: StoredContract; version: ContractVersion }> {
    const mutation = this.scope.mutation();
    const created = this.stageCreate(mutation, costed, options);
    await mutation.commit();
    return created;
  }

  /**
   * Adds a new draft contract to a mutation (version 1, the number guard, the audit event), for a
   * caller that commits it with an idempotency record.
   */
  stageCreate(
    mutation: Mutation,
    costed: CostedDraft,
    { id = timeOrderedId(), createdOn = chinaToday() }: { id?: string; createdOn?: string } = {},
  ): { contract: StoredContract; version: ContractVersion } {
    const now = new Date().toISOString();
    const version = this.versionRecord(id, 1, costed, now);
    const contract: StoredContract = {
      id,
      status: 'draft',
      ...summaryOf(costed),
      currentVersion: 1,
      history: [{ to: 'draft', date: createdOn, at: now, by: this.scope.actorId }],
      createdAt: now,
      createdBy: this.scope.actorId,
      updatedAt: now,
      version: 1,
    };
    mutation
      .create('Contract', this.headItem(contract))
      .create('ContractVersion', versionItem(keys.contractVersion(this.scope.tenantId, id, 1), version))
      .audited('contract.create', 'Contract', id, 1, { contract, version });
    this.claimNumber(mutation, id, contract.number);
    this.chain(mutation, id, { type: 'contract.created', data: { version: 1 } });
    this.register(mutation, { contractId: id, head: contract, facts: costingFacts(costed) });
    return { contract, version };
  }

  /**
   * Replaces the draft's version 1 (only while draft; 412 on a stale head version). `recostedFrom`
   * marks a recost for a rule set that came into force after it was saved, audited as such.
   */
  async editDraft(
    id: string,
    costed: CostedDraft,
    expectedVersion: number,
    { recostedFrom }: { recostedFrom?: ContractVersion['ruleSet'] } = {},
  ): Promise<{ contract: StoredContract; version: ContractVersion }> {
    const [current, stored] = await Promise.all([
      this.get(id),
      this.read(keys.contractVersion(this.scope.tenantId, id, 1)),
    ]);
    // The guard to release is worked out from what was read: it must be the version the caller expects.
    if (current.version !== expectedVersion) throw staleVersion('Contract');
    if (!isEditable(current.status) || current.currentVersion !== 1 || !stored) {
      throw conflict(`A ${current.status} contract is not edited in place: a signed or running one is amended`, {
        status: current.status,
      });
    }
    const now = new Date().toISOString();
    const version: ContractVersion = {
      ...this.versionRecord(id, 1, costed, now),
      ...(recostedFrom ? { recosted: { from: recostedFrom, at: now } } : {}),
    };
    const contract: StoredContract = {
      ...current,
      ...summaryOf(costed),
      ...(costed.assessment.priceFloor.feasible ? {} : { priceFloor: undefined }),
      updatedAt: now,
      version: expectedVersion + 1,
    };
    const mutation = this.scope
      .mutation()
      .replace('Contract', this.headItem(contract), expectedVersion)
      .replace(
        'ContractVersion',
        versionItem(keys.contractVersion(this.scope.tenantId, id, 1), version),
        stored.version as number,
      );
    this.moveNumber(mutation, id, current.number, contract.number);
    this.register(mutation, { contractId: id, head: contract, facts: costingFacts(costed) });
    mutation.audited(recostedFrom ? 'contract.recost' : 'contract.edit', 'Contract', id, contract.version, {
      contract,
      version,
    });
    this.chain(mutation, id, { type: recostedFrom ? 'contract.recosted' : 'contract.edited', data: { version: 1 } });
    await this.commitAgainst(mutation, id, expectedVersion);
    return { contract: withoutUndefined(contract), version };
  }

  /** Adds version n+1 to a signed or running contract (412 on a stale head version). */
  async amend(
    id: string,
    costed: CostedDraft,
    amendment: Pick<Amendment, 'reason' | 'effectiveDate'>,
    expectedVersion: number,
  ): Promise<{ contract: StoredContract; version: ContractVersion }> {
    const current = await this.get(id);
    if (current.version !== expectedVersion) throw staleVersion('Contract');
    if (!isAmendable(current.status)) {
      throw conflict(`A ${current.status} contract is not amended: only a signed or running one is`, {
        status: current.status,
      });
    }
    const number = current.currentVersion + 1;
    if (number > MAX_CONTRACT_VERSIONS) throw conflict('The contract has reached its last version number');
    const previous = await this.version(id, current.currentVersion);
    const now = new Date().toISOString();
    const version: ContractVersion = {
      ...this.versionRecord(id, number, costed, now),
      amendment: {
        reason: amendment.reason,
        effectiveDate: amendment.effectiveDate,
        changes: diffDrafts(previous.draft, costed.draft),
      },
    };
    const contract: StoredContract = {
      ...current,
      ...summaryOf(costed),
      ...(costed.assessment.priceFloor.feasible ? {} : { priceFloor: undefined }),
      currentVersion: number,
      updatedAt: now,
      version: expectedVersion + 1,
    };
    const mutation = this.scope
      .mutation()
      .replace('Contract', this.headItem(contract), expectedVersion)
      // Someone else's amendment took this number meanwhile: as stale as a wrong If-Match.
      .create(
        'ContractVersion',
        versionItem(keys.contractVersion(this.scope.tenantId, id, number), version),
        staleVersion('Contract'),
      );
    this.moveNumber(mutation, id, current.number, contract.number);
    this.register(mutation, { contractId: id, head: contract, facts: costingFacts(costed) });
    mutation.audited('contract.amend', 'Contract', id, contract.version, { contract, version });
    this.chain(mutation, id, { type: 'contract.amended', data: { version: number } });
    await this.commitAgainst(mutation, id, expectedVersion);
    return { contract: withoutUndefined(contract), version };
  }

  /** Moves the status along NEXT_STATUSES (412 on a stale head version). */
  async transition(
    id: string,
    change: { to: ContractStatus; date: string; note?: string },
    expectedVersion: number,
    { review }: { review?: ContractReview } = {},
  ): Promise<StoredContract> {
    const current = await this.get(id);
    if (current.version !== expectedVersion) throw staleVersion('Contract');
    const allowed = NEXT_STATUSES[current.status];
    if (!allowed.includes(change.to)) {
      throw conflict(`A ${current.status} contract cannot move to ${change.to}`, { status: current.status, allowed });
    }
    const now = new Date().toISOString();
    // A submission names the bureau that reviews it (the caller finds it); a withdrawal to draft
    // ends the review; any other move keeps the last decision on the head.
    const { review: lastReview, ...rest } = current;
    const nextReview = change.to === 'submitted' ? review : change.to === 'draft' ? undefined : lastReview;
    const contract: StoredContract = {
      ...rest,
      ...(nextReview ? { review: nextReview } : {}),
      status: change.to,
      history: [
        ...current.history,
        {
          from: current.status,
          to: change.to,
          date: change.date,
          ...(change.note ? { note: change.note } : {}),
          at: now,
          by: this.scope.actorId,
        },
      ],
      updatedAt: now,
      version: expectedVersion + 1,
    };
    const mutation = this.scope
      .mutation()
      .replace('Contract', this.headItem(contract), expectedVersion)
      .audited(`contract.${change.to}`, 'Contract', id, contract.version, contract);
    this.chain(mutation, id, {
      type: transitionEvent(change.to),
      data: { from: current.status, to: change.to, date: change.date },
    });
    this.register(mutation, { contractId: id, head: contract });
    await this.commitAgainst(mutation, id, expectedVersion);
    return contract;
  }

  private versionRecord(id: string, number: number, costed: CostedDraft, savedAt: string): ContractVersion {
    return {
      contractId: id,
      number,
      draft: costed.draft,
      costedPosts: costed.costedPosts,
      ruleSet: costed.ruleSet,
      rules: costed.rules,
      assessment: costed.assessment,
      savedAt,
      savedBy: this.scope.actorId,
    };
  }

  /**
   * The head as stored: its record (Mutation sets `version`), the bureaus' GSI projection and its
   * place in its status's list (GSI `status`), which a change of status moves in the same write.
   */
  private headItem(contract: StoredContract) {
    return contractHeadItem(this.scope.tenantId, contract);
  }

  /**
   * Keeps the contract's register row (台账) and its aggregates in step with the head, in the same
   * transaction (register.ts). A head written before the register had rows takes the costing facts
   * of its current version.
   */
  register(mutation: Mutation, change: RegisterChange): void {
    const versionFacts = async () => {
      const head = change.head ?? change.headAsRead;
      return costingFacts(await this.version(change.contractId, head?.currentVersion ?? 1));
    };
    stageRegisterRow(this.scope, mutation, change, versionFacts);
  }

  private claimNumber(mutation: Mutation, contractId: string, number: string): void {
    mutation.guard(
      keys.contractNumberGuard(this.scope.tenantId, number),
      { tenantId: this.scope.tenantId, contractId },
      () =>
        conflict(`Another contract of this organisation already has the number ${number}`, { field: 'terms/number' }),
    );
  }

  /** A changed number releases the old guard and claims the new one, in the same transaction. */
  private moveNumber(mutation: Mutation, contractId: string, before: string, after: string): void {
    if (before === after) return;
    mutation.release(keys.contractNumberGuard(this.scope.tenantId, before));
    this.claimNumber(mutation, contractId, after);
  }

  /**
   * Commits a change made against `expectedVersion`. When two changes race, DynamoDB may cancel
   * one as a transaction conflict rather than a failed condition; if the head has moved on by
   * then, the caller's version is stale (412), as it would have been a moment later.
   */
  private async commitAgainst(mutation: Mutation, id: string, expectedVersion: number): Promise<void> {
    try {
      await mutation.commit();
    } catch (error) {
      if (error instanceof StoreError && error.code === 'conflict' && error.detail.field === undefined) {
        const now = await this.get(id).catch(() => undefined);
        if (now && now.version !== expectedVersion) throw staleVersion('Contract');
      }
      throw error;
    }
  }
}

/**
 * A head as stored, for its organisation (`tenantId`): the record, the bureaus' GSI projection, its
 * place in its status's list, and in GSI `review` while submitted (the bureau's queue) or while a
 * returned draft (the organisation's count of what to act on).
 * A bureau's review decision writes the head through this too, so the keys cannot drift apart.
 */
export function contractHeadItem(tenantId: string, contract: StoredContract) {
  // A newer guideline is worked out when read, from rule sets published later: never stored.
  const { version: _v, newerGuideline: _n, ...record } = withoutUndefined(contract);
  const region = contract.purchaser.region;
  const city = cityOf(region) ?? region;
  const { review } = contract;
  return {
    ...keys.contract(tenantId, contract.id),
    ...keys.contractScope(city, region, tenantId, contract.id),
    ...keys.contractStatus(tenantId, contract.status, contract.id),
    ...(contract.status === 'submitted' && review
      ? keys.reviewQueue(city, region, review.submittedAt, tenantId, contract.id)
      : contract.status === 'draft' && review?.state === 'returned'
        ? keys.returnedContract(tenantId, contract.id)
        : {}),
    ...record,
  };
}

/**
 * The history event of an organisation's own move: back to draft is its withdrawal (a bureau's
 * return is a review decision, `review.returned`); otherwise the new status.
 */
function transitionEvent(to: ContractStatus): ChainEventType {
  // NEXT_STATUSES never leads an organisation to `approved`: only a review decision does.
  if (to === 'approved') throw new Error('an organisation does not approve its own contract');
  return to === 'draft' ? 'contract.withdrawn' : `contract.${to}`;
}

/** DynamoDB's document client refuses undefined attributes; a floor that went away is left out. */
function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
