import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ChainEventType, Rectification, RectificationFilter, RectificationMove } from '@shegong/domain';
import { getInOrder } from './batch.ts';
import type { Page } from './cursor.ts';
import { notFound } from './errors.ts';
import { ContractHistory } from './history.ts';
import { keys } from './keys.ts';
import type { Mutation } from './mutation.ts';
import { type PageRequest, queryAll, queryItems } from './query.ts';
import { type TenantScope, toRecord } from './scope.ts';
import { windowOf } from './window.ts';

/**
 * Findings raised by bureaus and their rectification (整改).
 *
 * A finding is the bureau's record: one item in the raising bureau's partition, `RECT#<id>`, with
 * two projections written with it — for the organisation, GSI `scope` `T#<org>#RECT` / `<id>`
 * (a partition that starts with the organisation, so it lists its findings and finds one by id
 * with a Query of its own, never reading the bureau's partition); for the bureau's lists, GSI
 * `status` `T#<bureau>#RECT#open|closed` / `<deadline>#<id>` (open, and overdue as the open ones
 * before today, are each one Query in deadline order).
 *
 * The organisation's answer is written to that same item, under a condition on its version and
 * state, with the organisation's audit event: the one write an organisation makes outside its
 * partition, to the record it is asked to answer, so that both sides read one state. Every step
 * appends its event to the contract's history chain (history.ts) in the same transaction.
 */
/** The history event of each step. */
const STEP_EVENTS: Record<RectificationMove, ChainEventType> = {
  answer: 'finding.answered',
  accept: 'finding.accepted',
  reopen: 'finding.reopened',
};

export class Rectifications {
  constructor(private readonly scope: TenantScope) {}

  /**
   * Adds a new finding to a mutation (the scope is the bureau's), with its audit event and its event
   * in the contract's history, for a caller that commits it (with an idempotency record).
   */
  stageRaise(mutation: Mutation, finding: Rectification): Rectification {
    mutation.create('Rectification', this.itemOf(finding));
    mutation.audited('rectification.raise', 'Rectification', finding.id, 1, finding);
    this.chain(mutation, finding, 'finding.raised', {
      ruleId: finding.ruleId,
      severity: finding.severity,
      deadline: finding.deadline,
    });
    return { ...finding, version: 1 };
  }

  /**
   * Moves a finding to its next state (answer by the organisation; accept or reopen by the bureau),
   * on the condition that it is still at `expected.version` (412 otherwise).
   */
  async step(expected: Rectification, next: Rectification, move: RectificationMove): Promise<Rectification> {
    const stored = { ...next, version: expected.version + 1 };
    // The finding is the bureau's item and the chain the organisation's: either party's step crosses.
    const mutation = this.scope
      .across('rectificationStep', this.otherPartyOf(next))
      .mutation()
      .replace('Rectification', this.itemOf(next), expected.version);
    mutation.audited(`rectification.${move}`, 'Rectification', next.id, stored.version, stored);
    this.chain(mutation, next, STEP_EVENTS[move], { state: next.state });
    await mutation.commit();
    return stored;
  }

  /** One of the bureau's own findings; not_found when it is not this bureau's. */
  async ofBureau(id: string): Promise<Rectification> {
    const { Item } = await this.scope.client.send(
      new GetCommand({
        TableName: this.scope.tableName,
        Key: keys.rectification(this.scope.tenantId, id),
        ConsistentRead: true,
      }),
    );
    if (!Item) throw notFound('Rectification');
    return recordOf(Item);
  }

  /**
   * A page of the bureau's findings: every one, newest first; or the open ones (not closed) by
   * deadline, soonest first; the overdue (open, deadline before `today`); or the closed, latest
   * deadline first. One Query each.
   */
  async bureauPage(
    filter: RectificationFilter | undefined,
    today: string,
    page: PageRequest,
  ): Promise<Page<Rectification>> {
    const bureau = this.scope.tenantId;
    if (!filter) {
      const found = await queryItems(
        this.scope,
        { partition: `T#${bureau}`, sortPrefix: keys.rectificationPrefix, newestFirst: true },
        page,
      );
      return { ...found, items: found.items.map(recordOf) };
    }
    const rows = await queryItems(
      this.scope,
      {
        partition: keys.rectificationStatePartition(bureau, filter === 'closed'),
        index: 'status',
        ...(filter === 'overdue' ? { sortBelow: today } : {}),
        newestFirst: filter === 'closed',
      },
      page,
    );
    const items = await getInOrder(
      this.scope,
      rows.items.map((row) => ({ pk: String(row.pk), sk: String(row.sk) })),
    );
    return { items: items.map(recordOf), ...(rows.cursor ? { cursor: rows.cursor } : {}) };
  }

  /** How many of the bureau's findings are overdue on `today` (one Query of the open ones before it). */
  async bureauOverdueCount(today: string): Promise<number> {
    const rows = await queryAll(this.scope, {
      partition: keys.rectificationStatePartition(this.scope.tenantId, false),
      index: 'status',
      sortBelow: today,
    });
    return rows.length;
  }

  /** One finding raised on the organisation (the scope is the organisation's), read consistently. */
  async ofOrganisation(id: string): Promise<Rectification> {
    const rows = await queryItems(
      this.scope,
      { partition: keys.rectificationOrganisationPartition(this.scope.tenantId), sortPrefix: id, index: 'scope' },
      { limit: 1 },
    );
    const row = rows.items[0];
    if (!row || row.gsi1sk !== id) throw notFound('Rectification');
    // The index row is the organisation's own; the finding it names lives in the bureau's partition.
    // The finding's pk is its bureau's partition (`T#<bureau>`).
    const bureauId = String(row.pk).slice('T#'.length);
    const [item] = await getInOrder(this.scope.across('organisationFindings', bureauId), [
      { pk: String(row.pk), sk: String(row.sk) },
    ]);
    if (!item || item.organisationId !== this.scope.tenantId) throw notFound('Rectification');
    return recordOf(item);
  }

  /**
   * Every finding raised on an organisation (its own, or one of a contract a bureau reads), newest
   * first: one Query of its projection, its pages followed. Bounded by one organisation's findings.
   */
  async allOfOrganisation(organisationId = this.scope.tenantId): Promise<Rectification[]> {
    const rows = await queryAll(this.scope, {
      partition: keys.rectificationOrganisationPartition(organisationId),
      index: 'scope',
    });
    return rows.map(recordOf).reverse();
  }

  /** A page of the organisation's findings, kept by `keep`, newest first. */
  async organisationPage(keep: (finding: Rectification) => boolean, binding: string, page: PageRequest) {
    const all = (await this.allOfOrganisation()).filter(keep);
    return windowOf(
      all,
      { value: (f) => f.id, id: (f) => f.id, order: 'desc', binding: `rectifications|${binding}` },
      page,
    );
  }

  /** The tenant a step crosses into: the organisation when the bureau acts, the bureau when the organisation answers. */
  private otherPartyOf(finding: Rectification): string {
    return finding.organisationId === this.scope.tenantId ? finding.bureauId : finding.organisationId;
  }

  private itemOf(finding: Rectification) {
    const { version: _v, ...record } = finding;
    return {
      ...keys.rectification(finding.bureauId, finding.id),
      ...keys.rectificationOfOrganisation(finding.organisationId, finding.id),
      ...keys.rectificationByState(finding.bureauId, finding.state === 'closed', finding.deadline, finding.id),
      ...withoutUndefined(record),
    };
  }

  private chain(mutation: Mutation, finding: Rectification, type: ChainEventType, data: Record<string, string>): void {
    // A bureau appends to the organisation's chain (its tip read and event written there).
    const own = finding.organisationId === this.scope.tenantId;
    new ContractHistory(own ? this.scope : this.scope.across('rectificationStep', finding.organisationId)).stage(
      mutation,
      { organisationId: finding.organisationId, contractId: finding.contractId },
      { type, data: { findingId: finding.id, bureauId: finding.bureauId, ...data } },
    );
  }
}

function recordOf(item: Record<string, unknown>): Rectification {
  return toRecord<Rectification>(item);
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
