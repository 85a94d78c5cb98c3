import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  cityOf,
  DECIDED_STATE,
  DECIDED_STATUS,
  type ReviewBureau,
  type ReviewRecord,
  type StoredContract,
} from '@shegong/domain';
import { Contracts, contractHeadItem, timeOrderedId } from './contracts.ts';
import { conflict, StoreError, staleVersion } from './errors.ts';
import { ContractHistory } from './history.ts';
import { keys } from './keys.ts';
import { TenantScope } from './scope.ts';

/**
 * A bureau's review desk: the one write a bureau makes to an organisation's item. A decision is one
 * transaction: the review record in the bureau's own partition (projected to the `scope` index so
 * every bureau covering the contract reads it), the organisation's contract head moved to its new
 * status with the decision on it (checked against the version the reviewer saw), and the event in
 * both tenants' audit trails. Nothing else of the organisation's is written.
 */
export class ReviewDesk {
  constructor(private readonly scope: TenantScope) {}

  /** The bureau a region has on the platform, if any (keys.regionBureau). */
  static async bureauOf(scope: Pick<TenantScope, 'client' | 'tableName'>, region: string) {
    const { Item } = await scope.client.send(
      new GetCommand({ TableName: scope.tableName, Key: keys.regionBureau(region) }),
    );
    return Item ? ({ id: String(Item.bureauId), name: String(Item.name), region } satisfies ReviewBureau) : undefined;
  }

  /**
   * Records a decision on a submitted contract the caller has read (`head`, at `expectedVersion`)
   * and checked is this bureau's to decide. Stale (412) when the head moved on meanwhile.
   */
  async decide(
    organisationId: string,
    head: StoredContract,
    decision: Pick<ReviewRecord, 'decision' | 'reasons'> & { decidedByName: string; date: string },
    expectedVersion: number,
  ): Promise<{ contract: StoredContract; review: ReviewRecord }> {
    if (head.version !== expectedVersion) throw staleVersion('Contract');
    const pending = head.review;
    if (head.status !== 'submitted' || !pending) throw conflict(`A ${head.status} contract is not waiting for review`);
    const now = new Date().toISOString();
    const region = head.purchaser.region;
    const review: ReviewRecord = {
      id: timeOrderedId(),
      organisationId,
      organisation: pending.organisation,
      contractId: head.id,
      contractNumber: head.number,
      contractVersion: head.currentVersion,
      region,
      bureau: pending.bureau,
      decision: decision.decision,
      reasons: decision.reasons,
      submittedAt: pending.submittedAt,
      decidedAt: now,
      decidedBy: this.scope.actorId,
      decidedByName: decision.decidedByName,
    };
    const to = DECIDED_STATUS[decision.decision];
    const contract: StoredContract = {
      ...head,
      status: to,
      review: {
        ...pending,
        state: DECIDED_STATE[decision.decision],
        decidedAt: now,
        decidedBy: decision.decidedByName,
        reasons: decision.reasons,
      },
      history: [
        ...head.history,
        {
          from: 'submitted',
          to,
          date: decision.date,
          ...(decision.decision === 'return' ? { note: decision.reasons.map((r) => r.text).join('；') } : {}),
          at: now,
          by: this.scope.actorId,
        },
      ],
      updatedAt: now,
      version: expectedVersion + 1,
    };
    const action = `contract.review.${decision.decision}`;
    // The decision moves the organisation's contract, its register row and its chain in the bureau's
    // transaction: a named crossing (access/cross-tenant.ts).
    const crossing = this.scope.across('reviewDecision', organisationId);
    const mutation = crossing
      .mutation()
      .replace('Contract', contractHeadItem(organisationId, contract), expectedVersion)
      .create('Review', {
        ...keys.review(this.scope.tenantId, now, review.id),
        ...keys.reviewScope(cityOf(region) ?? region, region, organisationId, head.id, now),
        ...review,
      })
      .audited(action, 'Review', review.id, 1, review)
      .auditedIn(organisationId, action, 'Contract', head.id, contract.version, contract);
    // The register (台账) row and sums follow the head's new status, under the organisation's keys.
    const organisation = new TenantScope(crossing.client, this.scope.tableName, organisationId, this.scope.actorId);
    new Contracts(organisation).register(mutation, { contractId: head.id, head: contract });
    // The decision is an event of the contract's tamper-evident history too (history.ts).
    new ContractHistory(crossing, organisationId).stage(
      mutation,
      { organisationId, contractId: head.id },
      {
        type: decision.decision === 'approve' ? 'review.approved' : 'review.returned',
        data: {
          reviewId: review.id,
          date: decision.date,
          // The reasons as the organisation reads them (text, rule, field), one line each.
          reasons: decision.reasons.map((r) => [r.ruleId ?? '', r.field ?? '', r.text].join(' | ')).join('\n'),
        },
      },
    );
    try {
      await mutation.commit();
    } catch (error) {
      // Two reviewers deciding at once: the second finds the head moved on (412), as a stale If-Match.
      if (error instanceof StoreError && error.code === 'conflict') throw staleVersion('Contract');
      throw error;
    }
    return { contract, review };
  }
}
