import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type ActualMonthCost,
  type ActualMonthEntry,
  type ActualMonthInput,
  paysBelowGuideline,
  type RuleSetRef,
  type StoredActualMonth,
  type StoredContract,
  takesActuals,
  upgradeFinding,
} from '@shegong/domain';
import { Contracts } from './contracts.ts';
import type { Page } from './cursor.ts';
import { conflict, notFound, StoreError, staleVersion } from './errors.ts';
import { ContractHistory } from './history.ts';
import { keys } from './keys.ts';
import { stateHash } from './mutation.ts';
import { type PageRequest, queryPage } from './query.ts';
import type { TenantScope } from './scope.ts';

const MAX_REVISION = 9999;

export function monthOf(item: Record<string, unknown>): StoredActualMonth {
  const cost = item.cost as ActualMonthCost;
  return {
    contractId: item.contractId as string,
    month: item.month as string,
    revision: item.revision as number,
    input: item.input as ActualMonthInput,
    // A month recorded before findings had a kind keeps its old findings: read them as today's.
    cost: { ...cost, findings: cost.findings.map(upgradeFinding) },
    ruleSet: item.ruleSet as RuleSetRef,
    contentHash: item.contentHash as string,
    recordedAt: item.recordedAt as string,
    recordedBy: item.recordedBy as string,
  };
}

/**
 * A contract's monthly actuals (payroll with time shares, expenses by line) and their history.
 * Items in `T#<tenant>`: `ACTUAL#<contractId>#<YYYY-MM>` (the month as recorded now; its `version`
 * is the revision) and `ACTUALH#<contractId>#<YYYY-MM>#r0001`… (every revision, written in the same
 * transaction as the month and its audit event, never changed).
 */
export class ContractActuals {
  constructor(readonly scope: TenantScope) {}

  private async find(contractId: string, month: string): Promise<StoredActualMonth | undefined> {
    const { Item } = await this.scope.client.send(
      new GetCommand({
        TableName: this.scope.tableName,
        Key: keys.actualMonth(this.scope.tenantId, contractId, month),
        ConsistentRead: true,
      }),
    );
    return Item ? monthOf(Item) : undefined;
  }

  /** The month as recorded now; not_found before it is first recorded. */
  async month(contractId: string, month: string): Promise<StoredActualMonth> {
    const found = await this.find(contractId, month);
    if (!found) throw notFound('Actual month');
    return found;
  }

  /**
   * Every recorded month of a contract, oldest first: one Query of the contract's prefix, its pages
   * followed (a term has at most 121 calendar months, so this is bounded).
   */
  async months(contractId: string): Promise<StoredActualMonth[]> {
    const months: StoredActualMonth[] = [];
    let cursor: string | undefined;
    do {
      const page: Page<Record<string, unknown>> = await queryPage(
        this.scope,
        { partition: `T#${this.scope.tenantId}`, sortPrefix: keys.actualMonthPrefix(contractId) },
        { limit: 200, ...(cursor ? { cursor } : {}) },
      );
      months.push(...page.items.map(monthOf));
      cursor = page.cursor;
    } while (cursor);
    return months;
  }

  /**
   * Every month recorded now on every contract of the organisation (a member's own pay month by
   * month reads it): one Query of the `ACTUAL#` prefix, its pages followed. `ACTUALH#` revisions do
   * not match it. Bounded by the organisation's contracts and their terms (121 months at most each).
   */
  async everyMonth(): Promise<StoredActualMonth[]> {
    const months: StoredActualMonth[] = [];
    let cursor: string | undefined;
    do {
      const page: Page<Record<string, unknown>> = await queryPage(
        this.scope,
        { partition: `T#${this.scope.tenantId}`, sortPrefix: keys.actualMonthPrefixAll },
        { limit: 200, ...(cursor ? { cursor } : {}) },
      );
      months.push(...page.items.map(monthOf));
      cursor = page.cursor;
    } while (cursor);
    return months;
  }

  /** Every revision of a month, newest first. */
  async history(contractId: string, month: string, page: PageRequest): Promise<Page<StoredActualMonth>> {
    const found = await queryPage<Record<string, unknown>>(
      this.scope,
      {
        partition: `T#${this.scope.tenantId}`,
        sortPrefix: keys.actualRevisionPrefix(contractId, month),
        newestFirst: true,
      },
      page,
    );
    return { ...found, items: found.items.map(monthOf) };
  }

  /**
   * Records a month, replacing what was recorded for it. The same content again writes nothing and
   * answers the stored revision (`changed: false`), whatever `expectedRevision` says: a retried PUT
   * must not fail because its first attempt succeeded. Different content is revision n + 1 (412 if
   * `expectedRevision` is given and is not n), with its history item and audit event in one
   * transaction. Without `expectedRevision` the caller asked to replace whatever is there, so losing
   * a race to another write is tried again on top of it (last writer wins, both kept in the history).
   *
   * The contract must take actuals (signed, running or closed). This is read and guarded rather
   * than re-checked in the transaction: statuses only move forward along NEXT_STATUSES, and every
   * status that takes actuals leads only to another that does, so no write can come between the read
   * and the commit to make the month unwelcome. (A condition on the head's version would instead fail
   * a month for every unrelated amendment made meanwhile.)
   */
  async record(
    contractId: string,
    month: string,
    entry: ActualMonthEntry,
    expectedRevision?: number,
  ): Promise<{ month: StoredActualMonth; changed: boolean }> {
    const head = await new Contracts(this.scope).get(contractId);
    if (!takesActuals(head.status))
      throw conflict(`A ${head.status} contract takes no actuals: it must be signed first.`, {
        status: head.status,
      });
    const contentHash = stateHash({ input: entry.input, cost: entry.cost, ruleSet: entry.ruleSet });
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.replaceMonth(head, month, entry, contentHash, expectedRevision);
      } catch (error) {
        if (!(error instanceof StoreError && error.code === 'stale_version')) throw error;
        // Two identical PUTs at once (a retry racing its first attempt): the loser finds the
        // winner's month, with the same content, and answers it as a replay would.
        const now = await this.find(contractId, month);
        if (now?.contentHash === contentHash) return { month: now, changed: false };
        if (expectedRevision !== undefined || attempt >= 3) throw error;
      }
    }
  }

  private async replaceMonth(
    head: StoredContract,
    month: string,
    entry: ActualMonthEntry,
    contentHash: string,
    expectedRevision: number | undefined,
  ): Promise<{ month: StoredActualMonth; changed: boolean }> {
    const contractId = head.id;
    const current = await this.find(contractId, month);
    if (current && current.contentHash === contentHash) return { month: current, changed: false };
    if (expectedRevision !== undefined && expectedRevision !== (current?.revision ?? 0))
      throw staleVersion('Actual month');

    const revision = (current?.revision ?? 0) + 1;
    if (revision > MAX_REVISION) throw conflict('This month has reached its last revision number');
    const recorded: StoredActualMonth = {
      contractId,
      month,
      revision,
      ...entry,
      contentHash,
      recordedAt: new Date().toISOString(),
      recordedBy: this.scope.actorId,
    };
    const mutation = this.scope.mutation();
    const item = { ...keys.actualMonth(this.scope.tenantId, contractId, month), ...recorded };
    // Someone else recorded the month meanwhile: as stale as a wrong If-Match.
    if (current) mutation.replace('ActualMonth', item, current.revision);
    else mutation.create('ActualMonth', item, staleVersion('Actual month'));
    mutation.create(
      'ActualMonthRevision',
      { ...keys.actualRevision(this.scope.tenantId, contractId, month, revision), ...recorded },
      staleVersion('Actual month'),
    );
    // The register row learns whether this month paid someone below the guideline (P-W3).
    new Contracts(this.scope).register(mutation, {
      contractId,
      headAsRead: head,
      month: { month, belowGuideline: paysBelowGuideline(entry.cost.findings) },
    });
    mutation.audited('actuals.record', 'ActualMonth', `${contractId}#${month}`, revision, recorded);
    new ContractHistory(this.scope).stage(
      mutation,
      { organisationId: this.scope.tenantId, contractId },
      { type: 'actuals.recorded', data: { month, revision, contentHash } },
    );
    await mutation.commit();
    return { month: recorded, changed: true };
  }
}
