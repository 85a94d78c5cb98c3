import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type ChainEvent,
  type ChainEventContent,
  type ChainEventType,
  type ChainTip,
  type ChainVerdict,
  nextEvent,
  verifyChain,
} from '@shegong/domain';
import type { Page } from './cursor.ts';
import { keys } from './keys.ts';
import { type Mutation, stateHash, type TransactItem } from './mutation.ts';
import { type PageRequest, queryAll, queryItems } from './query.ts';
import { type TenantScope, toRecord } from './scope.ts';

/** Which contract's history: the organisation that holds it, and its id. */
export interface ChainSubject {
  organisationId: string;
  contractId: string;
}

/** What a change appends: what happened and what it concerns (a version, a month, a finding). */
export interface ChainEntry {
  type: ChainEventType;
  data?: ChainEventContent['data'];
}

/**
 * A contract's tamper-evident history (domain history/chain.ts), stored in the organisation's
 * partition: `CHAIN#<contractId>#000001`… (one item per event; the seq lives in the key only, so
 * a removed event is a gap) and `CHAINTIP#<contractId>` (the last seq and hash).
 *
 * Every change to a contract appends its event in the same TransactWriteItems as the change and its
 * audit event: `stage(mutation, subject, entry)`. The link is built as the transaction is sent
 * (Mutation.later), from the tip read then, and the tip is written on the condition that it is
 * still that tip (or absent), so two changes cannot both append seq n: the loser's tip condition
 * fails, and if nothing else of its change failed it is built again on the new tip and resent. So a
 * month of actuals saved while the contract is edited lands after (or before) the edit, both
 * chained. Each event records the audit action and the audit's state hash of its change.
 *
 * Events decided by a bureau (findings, review decisions, evaluations) are appended to the same
 * chain in the organisation's partition. That is the contract's history, not the organisation's
 * data: no organisation write path touches `CHAIN#` items, the bureau's own records stay in its
 * partition, and one chain per contract is what makes a removed decision detectable.
 *
 * Contracts created before the chain existed have none. Their first change starts it with a
 * `history.started` event recording the head's version and the hash of its state as it was then;
 * what happened before is not chained (the head's status history still lists it, unverified).
 */
export class ContractHistory {
  constructor(
    private readonly scope: TenantScope,
    /** Whose contracts are read (an organisation its own; a bureau one in its jurisdiction). */
    private readonly organisationId = scope.tenantId,
  ) {}

  /** Appends `entry` to the subject's chain in `mutation` (at most one entry per contract a mutation). */
  stage(mutation: Mutation, subject: ChainSubject, entry: ChainEntry): void {
    const { client, tableName } = this.scope;
    mutation.later({
      build: async ({ actor, audit }): Promise<TransactItem[]> => {
        const tipKey = keys.chainTip(subject.organisationId, subject.contractId);
        const { Item: tipItem } = await client.send(
          new GetCommand({ TableName: tableName, Key: tipKey, ConsistentRead: true }),
        );
        let tip = tipItem ? ({ seq: tipItem.seq, hash: tipItem.hash } as ChainTip) : undefined;
        const by = { tenantId: actor.tenantId, userId: actor.userId };
        const events: ChainEvent[] = [];
        if (!tip && entry.type !== 'contract.created') {
          // A contract from before the chain: start it from the head's state as stored now.
          const { Item: head } = await client.send(
            new GetCommand({
              TableName: tableName,
              Key: keys.contract(subject.organisationId, subject.contractId),
              ConsistentRead: true,
            }),
          );
          const started = nextEvent(undefined, {
            type: 'history.started',
            at: audit.at,
            actor: by,
            data: {
              headVersion: Number(head?.version ?? 0),
              headStateHash: stateHash(head ? toRecord(head) : null),
            },
          });
          events.push(started);
          tip = { seq: started.seq, hash: started.hash };
        }
        events.push(
          nextEvent(tip, {
            type: entry.type,
            at: audit.at,
            actor: by,
            data: { ...entry.data, auditAction: audit.action, stateHash: audit.hash },
          }),
        );
        const last = events[events.length - 1] as ChainEvent;
        return [
          ...events.map(({ seq, ...event }) => ({
            Put: {
              TableName: tableName,
              Item: {
                ...keys.chainEvent(subject.organisationId, subject.contractId, seq),
                itemType: 'ChainEvent',
                ...event,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          })),
          {
            Put: {
              TableName: tableName,
              Item: { ...tipKey, itemType: 'ChainTip', seq: last.seq, hash: last.hash },
              ...(tipItem
                ? { ConditionExpression: 'seq = :seq', ExpressionAttributeValues: { ':seq': tipItem.seq } }
                : { ConditionExpression: 'attribute_not_exists(pk)' }),
            },
          },
        ];
      },
    });
  }

  /** A page of the contract's events, oldest first. */
  async events(contractId: string, page: PageRequest): Promise<Page<ChainEvent>> {
    const found = await queryItems(
      this.scope,
      { partition: `T#${this.organisationId}`, sortPrefix: keys.chainEventPrefix(contractId) },
      page,
    );
    return { ...found, items: found.items.map(eventOf) };
  }

  /**
   * Verifies the whole chain: every event (one Query, its pages followed: bounded by one contract's
   * changes) and the tip, read consistently.
   */
  async verify(contractId: string): Promise<ChainVerdict> {
    const [items, tip] = await Promise.all([
      queryAll(this.scope, {
        partition: `T#${this.organisationId}`,
        sortPrefix: keys.chainEventPrefix(contractId),
        consistent: true,
      }),
      this.scope.client.send(
        new GetCommand({
          TableName: this.scope.tableName,
          Key: keys.chainTip(this.organisationId, contractId),
          ConsistentRead: true,
        }),
      ),
    ]);
    const stored = tip.Item ? { seq: Number(tip.Item.seq), hash: String(tip.Item.hash) } : undefined;
    return verifyChain(items.map(eventOf), stored);
  }
}

/** An event as stored; its seq is the one in its key, whatever an attribute might claim. */
function eventOf(item: Record<string, unknown>): ChainEvent {
  const seq = Number(String(item.sk).split('#').pop());
  const { type, at, actor, data, prevHash, hash } = item as unknown as ChainEvent;
  return { seq, type, at, actor, data, prevHash, hash };
}
