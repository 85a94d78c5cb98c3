import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type {
  ExamCostRecord,
  LedgerEntryRecord,
  Person,
  PromotionRecord,
  Submission,
  UserRecord,
} from '@shegong/domain';
import { publicClaim, type StoredAwardClaim } from './awards.ts';
import { conflict } from './errors.ts';
import { keys } from './keys.ts';
import type { AuditEvent, Mutation } from './mutation.ts';
import { idCardHash } from './people.ts';
import { queryAll } from './query.ts';
import { TenantScope, toRecord } from './scope.ts';
import type { PostingRecord } from './target-map.ts';

/**
 * Everything the table holds about one person of an organisation's registry (PIPL: their data
 * export), and the erasure of their personal fields. Each family is one Query of the person's own
 * prefix or index partition, never a Scan:
 * - in the organisation's partition: submissions, promotions, exam costs (P-A1), postings;
 * - GSI `scope`: their award claims (`T#<org>#AWPERSON#<person>`) and the audit events that concern
 *   them (`T#<org>#AUDITOF#<person>`, written since issue 14; backfillPersonAuditIndex adds older ones);
 * - the platform's award ledger (`AWARD#<idHash>`), by the hash their claims carry, or their
 *   ID-card number's while it is not erased.
 */

/** A stored item with its storage attributes and its version (what an erasure rewrites). */
type Item = Record<string, unknown> & { pk: string; sk: string; version?: number };

export interface PersonItems {
  person: Item;
  submissions: Item[];
  promotions: Item[];
  examCosts: Item[];
  postings: Item[];
  awardClaims: Item[];
  /** The ledger's head and entries (absent when no award was ever paid to the person). */
  ledger: Item[];
  ledgerHash?: string;
}

export interface PersonRecords {
  person: Person;
  member?: Omit<UserRecord, 'tenantId' | 'version'>;
  submissions: Submission[];
  promotions: PromotionRecord[];
  examCosts: ExamCostRecord[];
  postings: Omit<PostingRecord, 'version'>[];
  awardClaims: ReturnType<typeof publicClaim>[];
  awardLedger?: { total: number; entries: LedgerEntryRecord[] };
  auditEvents: AuditEvent[];
}

/** What a pseudonymised name looks like: no trace of the person, but one record can still be told from another. */
export const pseudonymOf = (personId: string) => `已删除人员 #${personId.slice(0, 8)}`;
const erasedNumber = (personId: string, i: number) => `ERASED-${personId.slice(0, 8)}-${i + 1}`;

/** The most items a transaction of an erasure's later steps takes (100 with its audit event, less a margin). */
export const ERASURE_BATCH = 90;

const withoutVersion = <T>(item: Item): T => {
  const { version: _v, ...record } = toRecord<Record<string, unknown>>(item);
  return record as T;
};

export class PersonData {
  constructor(readonly scope: TenantScope) {}

  private get org() {
    return this.scope.tenantId;
  }

  private prefix(sortPrefix: string) {
    return queryAll(this.scope, { partition: `T#${this.org}`, sortPrefix, consistent: true }) as Promise<Item[]>;
  }

  /** Every stored item about the person (undefined when the organisation has no such person). */
  async items(personId: string): Promise<PersonItems | undefined> {
    const { Item } = await this.scope.client.send(
      new GetCommand({ TableName: this.scope.tableName, Key: keys.person(this.org, personId), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const person = Item as Item;
    const [submissions, promotions, examCosts, postings, awardClaims] = await Promise.all([
      this.prefix(keys.personSubmissionPrefix(personId)),
      this.prefix(keys.promotionPrefix(personId)),
      this.prefix(keys.examCostPrefix(personId)),
      this.prefix(keys.postingPrefix(personId)),
      queryAll(this.scope, {
        partition: keys.awardClaimPersonPartition(this.org, personId),
        index: 'scope',
      }) as Promise<Item[]>,
    ]);
    // The ledger is the person's across organisations, keyed by their ID-card number's hash: a
    // claim keeps it after an erasure (P-A5 still counts what was paid), the record until then.
    const claimHash = awardClaims.find((c) => typeof c.idHash === 'string')?.idHash as string | undefined;
    const idCard = String(person.idCardNumber ?? '');
    const ledgerHash = claimHash ?? (idCard ? idCardHash(idCard) : undefined);
    const ledger = ledgerHash
      ? ((await queryAll(this.scope, { partition: keys.awardLedgerHead(ledgerHash).pk, consistent: true })) as Item[])
      : [];
    return {
      person,
      submissions,
      promotions,
      examCosts,
      postings,
      awardClaims,
      ledger,
      ...(ledgerHash ? { ledgerHash } : {}),
    };
  }

  /** The audit events that concern the person, oldest first (GSI `scope`). */
  async auditEvents(personId: string): Promise<AuditEvent[]> {
    const rows = await queryAll(this.scope, {
      partition: keys.auditOfPersonPartition(this.org, personId),
      index: 'scope',
    });
    return rows.map((row) => toRecord<AuditEvent>(row));
  }

  /** The items as records (storage attributes stripped; the claims' ID-card hash never leaves). */
  records(items: PersonItems, auditEvents: AuditEvent[], member?: UserRecord): PersonRecords {
    const head = items.ledger.find((i) => i.sk === keys.awardLedgerHead('').sk);
    const entries = items.ledger.filter((i) => i.sk.startsWith(keys.awardLedgerEntryPrefix));
    const { tenantId: _t, version: _v, ...memberRecord } = member ?? ({} as UserRecord);
    return {
      person: toRecord<Person>(items.person),
      ...(member ? { member: memberRecord } : {}),
      submissions: items.submissions.map((i) => toRecord<Submission>(i)),
      promotions: items.promotions.map((i) => withoutVersion<PromotionRecord>(i)),
      examCosts: items.examCosts.map((i) => withoutVersion<ExamCostRecord>(i)),
      postings: items.postings.map((i) => withoutVersion<Omit<PostingRecord, 'version'>>(i)),
      awardClaims: items.awardClaims.map((i) => publicClaim(toRecord<StoredAwardClaim>(i))),
      ...(head || entries.length
        ? {
            awardLedger: {
              total: Number(head?.total ?? 0),
              entries: entries.map((e) => withoutVersion<LedgerEntryRecord>(e)),
            },
          }
        : {}),
      auditEvents,
    };
  }

  /**
   * The rewrites of the person's related items that pseudonymise them, in groups of at most
   * ERASURE_BATCH: names become the pseudonym, the ID-card number's masked form and certificate
   * numbers go; amounts, dates, statuses, contract and claim links and the ledger stay. Each
   * rewrite is idempotent (the same pseudonym again), so a sequence cut short is run again whole.
   * A pending submission is closed as refused (nobody may confirm it into an erased record).
   */
  relatedRewrites(items: PersonItems, person: Person, at: string): ((mutation: Mutation) => void)[] {
    const personId = person.id;
    const pseudonym = pseudonymOf(personId);
    // Every copy of a personal value, wherever a record nests it (a claim's assessment lists the
    // certificates it grouped, a step the name of who acted), becomes its pseudonymous form.
    const replaced = new Map<string, string>([
      [person.name, pseudonym],
      ...person.certificates.map((c, i) => [c.number, erasedNumber(personId, i)] as [string, string]),
      ...[person.idCardNumber, person.phone].filter(Boolean).map((v) => [v, ''] as [string, string]),
    ]);
    const rewrites: ((mutation: Mutation) => void)[] = [];
    const rewrite = (entity: string, item: Item, change: Record<string, unknown>, drop: string[] = []) => {
      const { version, itemType: _t, ...stored } = item;
      const next = { ...(scrub(stored, replaced) as Record<string, unknown>), ...change };
      for (const name of drop) delete next[name];
      rewrites.push((m) => m.replace(entity, next as Item, Number(version ?? 1)));
    };
    for (const s of items.submissions) {
      const certificate = s.certificate as Record<string, unknown> | undefined;
      const pending = s.status === 'pending';
      rewrite(
        'Submission',
        s,
        {
          personName: pseudonym,
          ...(certificate ? { certificate: { ...certificate, number: erasedNumber(personId, 0) } } : {}),
          ...(pending
            ? { status: 'refused', reason: 'personal data erased', decidedBy: this.scope.actorId, decidedAt: at }
            : {}),
        },
        pending ? ['gsi2pk', 'gsi2sk'] : [],
      );
    }
    for (const e of items.examCosts) rewrite('ExamCost', e, { personName: pseudonym });
    for (const c of items.awardClaims)
      rewrite('AwardClaim', c, { personName: pseudonym, idCardMasked: '' }, ['certificateNumber']);
    for (const l of items.ledger) {
      if (l.sk === keys.awardLedgerHead('').sk) rewrite('AwardLedgerHead', l, { name: pseudonym });
      else rewrite('AwardLedgerEntry', l, { name: pseudonym, idCardMasked: '' });
    }
    return rewrites;
  }

  /**
   * Stages the erasure of the person item itself: the pseudonym in every personal field, the
   * erasure's time, and the release of the guards that held their ID-card and certificate
   * numbers (so they may be used again). Checked against the version read.
   */
  stagePerson(mutation: Mutation, person: Person, at: string): Person {
    if (person.erasedAt) throw conflict('This person’s personal data was erased already', { reason: 'erased' });
    const erased: Person = {
      ...person,
      name: pseudonymOf(person.id),
      idCardNumber: '',
      phone: '',
      certificates: person.certificates.map((c, i) => ({ ...c, number: erasedNumber(person.id, i) })),
      erasedAt: at,
      version: person.version + 1,
    };
    const { version: _v, ...stored } = erased;
    mutation.replace('Person', { ...keys.person(this.org, person.id), ...stored }, person.version);
    if (person.idCardNumber) mutation.release(keys.idCardGuard(this.org, idCardHash(person.idCardNumber)));
    for (const c of person.certificates) mutation.release(keys.certificateGuard(c.number));
    return erased;
  }

  /** Stages the pseudonymisation of the person's member account: disabled, its e-mail freed. */
  stageMember(mutation: Mutation, user: UserRecord, personId: string): void {
    const next = {
      ...user,
      name: pseudonymOf(personId),
      email: `erased-${user.id.slice(0, 8)}@invalid`,
      status: 'disabled',
    };
    const { version: _v, ...stored } = next;
    mutation.replace('User', { ...keys.user(this.org, user.id), ...stored }, user.version);
    mutation.release(keys.emailGuard(user.email));
  }
}

/** A copy of a stored value with every string that is a key of `replaced` replaced (keys untouched). */
function scrub(value: unknown, replaced: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return replaced.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, replaced));
  if (value && typeof value === 'object' && !(value instanceof Uint8Array))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, replaced)]));
  return value;
}

/**
 * Indexes under their person the audit events written before issue 14 (keys.auditOfPerson): those
 * of entity `Person` (their id is the person's) and `AwardClaim` (the claim names its person).
 * Events of other entities (submissions, exam costs) named the person only inside the record they
 * hashed, so they stay out of an export. Walks the tenant directory and each organisation's own
 * trail (never a Scan), and adds the keys only where they are missing (conditional), so a second
 * run changes nothing. Run by `pnpm migrate`.
 */
export async function backfillPersonAuditIndex(store: {
  client: TenantScope['client'];
  tableName: string;
}): Promise<{ tenants: number; events: number }> {
  const directory = new TenantScope(store.client, store.tableName, 'platform-migration', 'migration');
  const tenants = await queryAll(directory, { partition: keys.tenantDirectory, index: 'scope' });
  let events = 0;
  const organisations = tenants.filter((t) => t.kind === 'org' || t.kind === 'incubator');
  for (const tenant of organisations) {
    const tenantId = String(tenant.id);
    const scope = new TenantScope(store.client, store.tableName, tenantId, 'migration');
    const trail = await queryAll(scope, { partition: keys.auditPartition(tenantId) });
    for (const event of trail.filter((e) => e.gsi1pk === undefined)) {
      const personId = await subjectOf(scope, event);
      if (!personId) continue;
      const { gsi1pk, gsi1sk } = keys.auditOfPerson(tenantId, personId, String(event.sk));
      try {
        await store.client.send(
          new UpdateCommand({
            TableName: store.tableName,
            Key: { pk: event.pk, sk: event.sk },
            UpdateExpression: 'SET gsi1pk = :pk, gsi1sk = :sk',
            ConditionExpression: 'attribute_not_exists(gsi1pk)',
            ExpressionAttributeValues: { ':pk': gsi1pk, ':sk': gsi1sk },
          }),
        );
        events++;
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      }
    }
  }
  return { tenants: organisations.length, events };
}

/** The person an event of the trail concerns, where the event itself (or its claim) says. */
async function subjectOf(scope: TenantScope, event: Record<string, unknown>): Promise<string | undefined> {
  if (event.entity === 'Person' && typeof event.entityId === 'string') return event.entityId;
  if (event.entity !== 'AwardClaim' || typeof event.entityId !== 'string') return undefined;
  const { Item } = await scope.client.send(
    new GetCommand({ TableName: scope.tableName, Key: keys.awardClaim(scope.tenantId, event.entityId) }),
  );
  return typeof Item?.personId === 'string' ? Item.personId : undefined;
}
