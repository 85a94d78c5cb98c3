import { createHash, randomUUID } from 'node:crypto';
import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { conflict, StoreError, staleVersion } from './errors.ts';
import { keys } from './keys.ts';

export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/**
 * Items worked out only as the transaction is sent, from what is stored at that moment (a contract
 * history's next link needs its tip). When these items alone fail their conditions, someone else
 * moved what they read meanwhile: the mutation builds them again and resends, a bounded number of
 * times, so a concurrent change to the same history does not fail an unrelated change.
 */
export interface LateItems {
  build(written: { actor: Actor; audit: AuditEvent }): Promise<TransactItem[]>;
}

/** How many times a mutation is sent when only its late items lose a race. */
export const LATE_ATTEMPTS = 5;

/** Who makes a change, and in which tenant it is recorded. */
export interface Actor {
  tenantId: string;
  userId: string;
}

export interface AuditEvent {
  actor: string;
  at: string;
  action: string;
  entity: string;
  entityId: string;
  version: number;
  hash: string;
  /** Why, where the action asks for one (an erasure's reason); never personal data. */
  reason?: string;
}

interface Step {
  item: TransactItem;
  /** What to tell the caller if this step's condition fails. */
  onConditionFailed: () => StoreError;
}

/**
 * One mutation = one TransactWriteItems: the changed items with their version checks, any
 * uniqueness guards, an optional idempotency record, and one append-only audit event.
 */
export class Mutation {
  private readonly steps: Step[] = [];
  private audit?: AuditEvent;
  /** Events recorded in other tenants' trails too (a bureau's decision on an organisation's contract). */
  private readonly alsoAudited: { tenantId: string; event: AuditEvent }[] = [];
  /** Whether the mutation adds to counters that other transactions add to as well (see `add`). */
  private counts = false;
  /** Steps built when the mutation commits, and built again when they lose a race (see `rebuiltOnRace`). */
  private readonly deferred: { stage: (mutation: Mutation) => Promise<void>; lostRace: (e: StoreError) => boolean }[] =
    [];
  /** The Idempotency-Key this mutation records, and the index of its step. */
  private idempotency?: { key: string; step: number };
  private readonly late: LateItems[] = [];
  /** The person of the registry this mutation's event concerns (see `concerning`). */
  private subject?: string;
  /** What to do once the transaction has committed (a cache to forget: rule-set-cache.ts). */
  private readonly committed: (() => void)[] = [];

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly actor: Actor,
  ) {}

  /** Creates an item that must not exist yet (version 1). */
  create(
    entity: string,
    item: Record<string, unknown> & { pk: string; sk: string },
    onExists = conflict(`${entity} already exists`),
  ): this {
    this.steps.push({
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...item, itemType: entity, version: 1 },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => onExists,
    });
    return this;
  }

  /** Replaces an item whose stored version must equal `expectedVersion`; stores version + 1. */
  replace(
    entity: string,
    item: Record<string, unknown> & { pk: string; sk: string },
    expectedVersion: number,
    onStale = staleVersion(entity),
  ): this {
    this.steps.push({
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...item, itemType: entity, version: expectedVersion + 1 },
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        },
      },
      onConditionFailed: () => onStale,
    });
    return this;
  }

  /**
   * Adds to an item's counters (negative amounts subtract), creating it with `attributes` when it
   * does not exist: an aggregate many contracts write to. Two transactions adding to the same item
   * at once make DynamoDB cancel one (TransactionConflict); as adding commutes and a cancelled
   * transaction wrote nothing, `commit` then sends the same transaction again.
   */
  add(
    entity: string,
    key: { pk: string; sk: string },
    attributes: Record<string, unknown>,
    counters: Record<string, number>,
  ): this {
    const names: Record<string, string> = { '#itemType': 'itemType' };
    const values: Record<string, unknown> = { ':itemType': entity };
    const sets = ['#itemType = :itemType'];
    Object.entries(attributes).forEach(([name, value], i) => {
      names[`#s${i}`] = name;
      values[`:s${i}`] = value;
      sets.push(`#s${i} = :s${i}`);
    });
    const adds = Object.entries(counters).map(([name, amount], i) => {
      names[`#a${i}`] = name;
      values[`:a${i}`] = amount;
      return `#a${i} :a${i}`;
    });
    this.counts = true;
    this.steps.push({
      item: {
        Update: {
          TableName: this.tableName,
          Key: key,
          UpdateExpression: `SET ${sets.join(', ')}${adds.length ? ` ADD ${adds.join(', ')}` : ''}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      onConditionFailed: () => conflict(`${entity} could not be updated`),
    });
    return this;
  }

  /**
   * Steps read and built when the mutation commits (a projection kept in step with what the
   * mutation writes, read at its current version). If the transaction fails on one of them with an
   * error `lostRace` recognises (another write changed what it read), they are read and built
   * again and the transaction is sent again, a few times.
   */
  rebuiltOnRace(stage: (mutation: Mutation) => Promise<void>, lostRace: (error: StoreError) => boolean): this {
    this.deferred.push({ stage, lostRace });
    return this;
  }

  /**
   * Writes a projection of an item this mutation changes (a narrow index row), whole and without a
   * condition: the source item's own version check in the same transaction guards it, and a
   * projection that is missing (its source written before it existed) is created.
   */
  project(entity: string, item: Record<string, unknown> & { pk: string; sk: string }): this {
    this.steps.push({
      item: { Put: { TableName: this.tableName, Item: { ...item, itemType: entity } } },
      onConditionFailed: () => conflict(`${entity} could not be written`),
    });
    return this;
  }

  /** Deletes an item whose stored version must equal `expectedVersion` (a person leaving the registry). */
  remove(entity: string, key: { pk: string; sk: string }, expectedVersion: number): this {
    this.steps.push({
      item: {
        Delete: {
          TableName: this.tableName,
          Key: key,
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        },
      },
      onConditionFailed: () => staleVersion(entity),
    });
    return this;
  }

  /** How many items the transaction holds so far (DynamoDB takes at most 100, the audit event included). */
  get size(): number {
    return this.steps.length + 1;
  }

  /**
   * Adds items built when the transaction is sent (see LateItems). They are not in `size`: a
   * contract history's link is two or three items, which the callers that batch up to DynamoDB's
   * limit (imports of people) never stage.
   */
  later(items: LateItems): this {
    this.late.push(items);
    return this;
  }

  /** Writes nothing, but fails the transaction unless the item is still at `expectedVersion`. */
  unchanged(entity: string, key: { pk: string; sk: string }, expectedVersion: number): this {
    this.steps.push({
      item: {
        ConditionCheck: {
          TableName: this.tableName,
          Key: key,
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        },
      },
      onConditionFailed: () => staleVersion(entity),
    });
    return this;
  }

  /** A uniqueness guard: an item whose key is the unique value; fails if the value is taken. */
  guard(key: { pk: string; sk: string }, attributes: Record<string, unknown>, onTaken: () => StoreError): this {
    this.steps.push({
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...key, ...attributes, itemType: 'Guard' },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: onTaken,
    });
    return this;
  }

  /** Frees a guard this tenant owns (for example an e-mail when a user leaves). */
  release(key: { pk: string; sk: string }): this {
    this.steps.push({
      item: {
        Delete: {
          TableName: this.tableName,
          Key: key,
          ConditionExpression: 'tenantId = :tenant',
          ExpressionAttributeValues: { ':tenant': this.actor.tenantId },
        },
      },
      onConditionFailed: () => conflict('guard is not held by this tenant'),
    });
    return this;
  }

  /**
   * Deletes a guard another tenant's actor may close, provided it still names `value` in `attribute`
   * (a person's open award claim, released by the bureau that pays or refuses it).
   */
  releaseNaming(key: { pk: string; sk: string }, attribute: string, value: string): this {
    this.steps.push({
      item: {
        Delete: {
          TableName: this.tableName,
          Key: key,
          ConditionExpression: '#a = :v',
          ExpressionAttributeNames: { '#a': attribute },
          ExpressionAttributeValues: { ':v': value },
        },
      },
      onConditionFailed: () => conflict('guard is not held by this item'),
    });
    return this;
  }

  /** Records the response of a creating request under its Idempotency-Key (24 hours). */
  idempotent(key: string, requestHash: string, response: { status: number; body: unknown }): this {
    const now = Date.now();
    this.idempotency = { key, step: this.steps.length };
    this.steps.push({
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.idempotency(this.actor.tenantId, key),
            itemType: 'IdempotencyRecord',
            requestHash,
            status: response.status,
            body: JSON.stringify(response.body),
            expiresAt: Math.floor(now / 1000) + 24 * 3600,
          },
          // An expired record that TTL has not yet deleted is absent to replay(), so it may be reused.
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': now / 1000 },
        },
      },
      onConditionFailed: () => keyInUse(key, false),
    });
    return this;
  }

  /**
   * Indexes this mutation's audit event under the person it concerns (keys.auditOfPerson), so the
   * person's data export finds it. Events of entity `Person` are indexed under their id without it.
   */
  concerning(personId: string): this {
    this.subject = personId;
    return this;
  }

  /** Records why in this mutation's audit event (an erasure's reason). */
  because(reason: string): this {
    if (!this.audit) throw new Error('say what the mutation audits before why');
    this.audit = { ...this.audit, reason };
    return this;
  }

  /** The audit event of this mutation: what was done to which entity, and a hash of its new state. */
  audited(action: string, entity: string, entityId: string, version: number, newState: unknown): this {
    this.audit = this.event(action, entity, entityId, version, newState);
    return this;
  }

  /**
   * The same kind of event in another tenant's trail, for a change that touches that tenant's item
   * (a bureau's review decision moves the organisation's contract): each side's trail tells it.
   */
  auditedIn(tenantId: string, action: string, entity: string, entityId: string, version: number, newState: unknown) {
    this.alsoAudited.push({ tenantId, event: this.event(action, entity, entityId, version, newState) });
    return this;
  }

  private event(action: string, entity: string, entityId: string, version: number, newState: unknown): AuditEvent {
    const at = new Date().toISOString();
    return { actor: this.actor.userId, at, action, entity, entityId, version, hash: stateHash(newState) };
  }

  /** Runs `then` after the transaction commits (never when it fails: nothing changed then). */
  onCommitted(then: () => void): this {
    this.committed.push(then);
    return this;
  }

  async commit(): Promise<AuditEvent> {
    const fixed = this.steps.length;
    for (let attempt = 1; ; attempt++) {
      for (const { stage } of this.deferred) await stage(this);
      try {
        const event = await this.commitOnce();
        for (const then of this.committed) then();
        return event;
      } catch (error) {
        const rebuild =
          error instanceof StoreError &&
          attempt < DEFERRED_ATTEMPTS &&
          this.deferred.some(({ lostRace }) => lostRace(error));
        if (!rebuild) throw error;
        this.steps.length = fixed;
      }
    }
  }

  private async commitOnce(): Promise<AuditEvent> {
    if (!this.audit) throw new Error('a mutation must say what it audits before it commits');
    const audit = this.audit;
    const sk = `${audit.at}#${randomUUID()}`;
    const subject = this.subject ?? (audit.entity === 'Person' ? audit.entityId : undefined);
    const auditItem: TransactItem = {
      Put: {
        TableName: this.tableName,
        Item: {
          pk: keys.auditPartition(this.actor.tenantId),
          sk,
          ...audit,
          ...(subject ? keys.auditOfPerson(this.actor.tenantId, subject, sk) : {}),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    const otherTrails: TransactItem[] = this.alsoAudited.map(({ tenantId, event }) => ({
      Put: {
        TableName: this.tableName,
        Item: {
          pk: keys.auditPartition(tenantId),
          sk: `${event.at}#${randomUUID()}`,
          ...event,
          actorTenant: this.actor.tenantId,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }));
    for (let attempt = 1; ; attempt++) {
      const late = (await Promise.all(this.late.map((l) => l.build({ actor: this.actor, audit })))).flat();
      try {
        await this.send([...this.steps.map((s) => s.item), ...late, auditItem, ...otherTrails]);
        return audit;
      } catch (error) {
        if ((error as Error).name !== 'TransactionCanceledException') throw error;
        const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
        const lateFrom = this.steps.length;
        const lateTo = lateFrom + late.length;
        const failedAt = reasons.flatMap((r, i) => (r.Code && r.Code !== 'None' ? [i] : []));
        const onlyLate = failedAt.length > 0 && failedAt.every((i) => i >= lateFrom && i < lateTo);
        if (onlyLate && attempt < LATE_ATTEMPTS) continue;
        throw this.refusal(error, reasons, onlyLate);
      }
    }
  }

  /** What a cancelled transaction means to the caller. */
  private refusal(
    error: unknown,
    reasons: NonNullable<TransactionCanceledException['CancellationReasons']>,
    onlyLate: boolean,
  ): unknown {
    // Another try with the same Idempotency-Key committed first (its record is there) or is
    // committing now. Either is why this one failed, even where a guard of the other try (a
    // number, an ID card) failed too: the caller answers with that try's result.
    const keyReason = this.idempotency && reasons[this.idempotency.step]?.Code;
    if (keyReason === 'ConditionalCheckFailed') return keyInUse(this.idempotency!.key, false);
    if (keyReason === 'TransactionConflict') return keyInUse(this.idempotency!.key, true);
    const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
    const step = this.steps[failed];
    if (step) return step.onConditionFailed();
    if (onlyLate || reasons.some((r) => r.Code === 'TransactionConflict')) {
      return conflict('another change to the same data was in progress; try again');
    }
    return error;
  }

  /**
   * Sends the transaction; one that adds to counters (aggregates) and lost only a race for an item
   * is sent again after a short random pause: nothing of it was written, and its conditions are
   * checked again, so a change that has meanwhile gone stale still fails as stale.
   */
  private async send(items: TransactItem[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: items }));
        return;
      } catch (error) {
        if (!this.counts || attempt >= COUNTER_ATTEMPTS || !lostARace(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
      }
    }
  }
}

const COUNTER_ATTEMPTS = 6;
const DEFERRED_ATTEMPTS = 5;

/** Whether DynamoDB cancelled a transaction only because another was writing the same item. */
function lostARace(error: unknown): boolean {
  if ((error as Error).name !== 'TransactionCanceledException') return false;
  const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
  return (
    reasons.some((r) => r.Code === 'TransactionConflict') &&
    reasons.every((r) => r.Code === 'TransactionConflict' || r.Code === 'None' || r.Code === undefined)
  );
}

/**
 * A creating mutation lost to another try with the same Idempotency-Key: `inFlight` when that try
 * was still committing (its result cannot be read yet), otherwise it has committed.
 */
function keyInUse(key: string, inFlight: boolean): StoreError {
  return new StoreError('conflict', 'idempotency key in use', { idempotencyKey: key, inFlight });
}

/** SHA-256 of the canonical JSON (keys sorted) of a state, so equal states hash equally. */
export function stateHash(state: unknown): string {
  return createHash('sha256').update(canonicalJson(state)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
