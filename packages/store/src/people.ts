import { createHash, randomUUID } from 'node:crypto';
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Person, PersonInput } from '@shegong/domain';
import type { Page } from './cursor.ts';
import { conflict, notFound, StoreError, staleVersion } from './errors.ts';
import { keys } from './keys.ts';
import type { Mutation } from './mutation.ts';
import { type PageRequest, queryPage } from './query.ts';
import { type TenantScope, toRecord } from './scope.ts';

/** DynamoDB's limits: items per TransactWriteItems (the audit event included), keys per BatchGetItem. */
const TRANSACTION_ITEMS = 100;
const BATCH_GET_KEYS = 100;
/** People per import transaction (the brief's bound; guards may make a transaction end sooner). */
export const PEOPLE_PER_TRANSACTION = 25;

/** Only a hash of an ID-card number is ever part of a key (the number itself is personal data). */
export function idCardHash(idCardNumber: string): string {
  return createHash('sha256').update(idCardNumber.trim().toUpperCase()).digest('hex');
}

const certificateKey = (number: string) => number.trim().toUpperCase();

/** Where an input collides with what is stored, or with another input of the same batch. */
export interface PersonConflict {
  /** The input's position in the batch. */
  index: number;
  /** JSON pointer into that input: `/idCardNumber` or `/certificates/<i>/number`. */
  path: string;
  /** `taken`: stored already; `repeated`: an earlier input of the batch (or of the same person) has it. */
  reason: 'taken' | 'repeated';
}

/** Items a person writes: the person, the ID-card guard, one guard per certificate. */
const itemsOf = (input: PersonInput) => 2 + input.certificates.length;

/**
 * An organisation's staff registry (P-R1). A person is one item holding the whole record
 * (certificates, employment periods and continuing education nested: the schema bounds them, and
 * every figure the registry gives needs all of them at once). Uniqueness lives in guard items:
 * a certificate number platform-wide (`CERT#<number>`), an ID-card number within the organisation
 * (`T#<org>#IDCARD`, keyed by its hash).
 */
export class People {
  constructor(readonly scope: TenantScope) {}

  async find(personId: string): Promise<Person | undefined> {
    const { Item } = await this.scope.client.send(
      new GetCommand({
        TableName: this.scope.tableName,
        Key: keys.person(this.scope.tenantId, personId),
        ConsistentRead: true,
      }),
    );
    return Item ? toRecord<Person>(Item) : undefined;
  }

  async get(personId: string): Promise<Person> {
    const person = await this.find(personId);
    if (!person) throw notFound('Person');
    return person;
  }

  list(page: PageRequest): Promise<Page<Person>> {
    return queryPage(this.scope, { partition: `T#${this.scope.tenantId}`, sortPrefix: keys.personPrefix }, page);
  }

  /**
   * Every person of the organisation, page by page: for exports and the registry's flags, which
   * need the whole staff. Bounded by the organisation's size (tens to a few thousand people).
   */
  async listAll(): Promise<Person[]> {
    const all: Person[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list({ limit: 500, ...(cursor ? { cursor } : {}) });
      all.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return all;
  }

  async create(input: PersonInput, id: string = randomUUID()): Promise<Person> {
    const mutation = this.scope.mutation();
    const person = this.add(mutation, input, id);
    await mutation.audited('person.create', 'Person', person.id, person.version, person).commit();
    return person;
  }

  /** Adds a new person and the guards of their unique numbers to a mutation (for idempotent creates). */
  add(mutation: Mutation, input: PersonInput, id: string = randomUUID()): Person {
    refuseRepeatedCertificates(input);
    const person: Person = { ...input, id, createdAt: new Date().toISOString(), version: 1 };
    const { version: _v, ...stored } = person;
    mutation.create('Person', { ...keys.person(this.scope.tenantId, id), ...stored });
    this.claimIdCard(mutation, id, input.idCardNumber);
    input.certificates.forEach((certificate, i) => {
      this.claimCertificate(mutation, id, certificate.number, i);
    });
    return person;
  }

  /**
   * Adds a change of the ladder level held to a mutation (a promotion), checking the person is
   * still at the version read: the promotion record and the level held are written together.
   * (Added for the ladder's promotions; guards are untouched, as nothing they cover changes.)
   */
  stageLevelChange(mutation: Mutation, person: Person, ladderLevelId: string): Person {
    const next: Person = { ...person, ladderLevelId, version: person.version + 1 };
    const { version: _v, ...stored } = next;
    mutation.replace('Person', { ...keys.person(this.scope.tenantId, person.id), ...stored }, person.version);
    return next;
  }

  /**
   * Replaces a person's record. Guards follow the change in the same transaction: a removed
   * certificate's number and a changed ID-card number are released, new ones claimed.
   */
  async replace(
    personId: string,
    expectedVersion: number,
    input: PersonInput,
    action = 'person.update',
  ): Promise<Person> {
    const current = await this.get(personId);
    const mutation = this.scope.mutation();
    const next = this.stageReplace(mutation, current, expectedVersion, input);
    await mutation.audited(action, 'Person', personId, next.version, next).commit();
    return next;
  }

  /**
   * Adds the replacement of a person read as `current` to a mutation (a confirmed submission is
   * written with its decision), guards following the change.
   */
  stageReplace(mutation: Mutation, current: Person, expectedVersion: number, input: PersonInput): Person {
    const personId = current.id;
    // The guards to release are worked out from what was read: it must be the version the caller
    // expects, or a change landing in between would leave guards nobody holds.
    if (current.version !== expectedVersion) throw staleVersion('Person');
    refuseRepeatedCertificates(input);
    const next: Person = { ...input, id: personId, createdAt: current.createdAt, version: expectedVersion + 1 };
    const { version: _v, ...stored } = next;
    mutation.replace('Person', { ...keys.person(this.scope.tenantId, personId), ...stored }, expectedVersion);

    if (idCardHash(current.idCardNumber) !== idCardHash(input.idCardNumber)) {
      mutation.release(keys.idCardGuard(this.scope.tenantId, idCardHash(current.idCardNumber)));
      this.claimIdCard(mutation, personId, input.idCardNumber);
    }
    const before = new Set(current.certificates.map((c) => certificateKey(c.number)));
    const after = new Set(input.certificates.map((c) => certificateKey(c.number)));
    for (const number of before) if (!after.has(number)) mutation.release(keys.certificateGuard(number));
    input.certificates.forEach((certificate, i) => {
      if (!before.has(certificateKey(certificate.number))) {
        this.claimCertificate(mutation, personId, certificate.number, i);
      }
    });
    return next;
  }

  /** Removes a person from the registry and frees their ID-card and certificate numbers. */
  async remove(personId: string, expectedVersion: number, also?: (mutation: Mutation) => void): Promise<void> {
    const current = await this.get(personId);
    if (current.version !== expectedVersion) throw staleVersion('Person');
    const mutation = this.scope
      .mutation()
      .remove('Person', keys.person(this.scope.tenantId, personId), expectedVersion)
      .release(keys.idCardGuard(this.scope.tenantId, idCardHash(current.idCardNumber)));
    for (const certificate of current.certificates) mutation.release(keys.certificateGuard(certificate.number));
    // What else leaves with the person (their member's link), in the same transaction.
    also?.(mutation);
    await mutation.audited('person.delete', 'Person', personId, expectedVersion + 1, { deleted: personId }).commit();
  }

  /**
   * Which numbers of a batch of new people are taken already (stored, or earlier in the batch).
   * An import calls this after validating every row and before `createMany`, so a file that would
   * collide is refused whole, with the row and field of each collision, and nothing is written.
   */
  async findConflicts(inputs: readonly PersonInput[]): Promise<PersonConflict[]> {
    const found: PersonConflict[] = [];
    const wanted = new Map<string, { pk: string; sk: string }>();
    const seen = new Set<string>();
    const claims: { index: number; path: string; key: { pk: string; sk: string } }[] = [];
    inputs.forEach((input, index) => {
      const idKey = keys.idCardGuard(this.scope.tenantId, idCardHash(input.idCardNumber));
      claims.push({ index, path: '/idCardNumber', key: idKey });
      input.certificates.forEach((certificate, i) => {
        claims.push({ index, path: `/certificates/${i}/number`, key: keys.certificateGuard(certificate.number) });
      });
    });
    for (const claim of claims) {
      const id = `${claim.key.pk}|${claim.key.sk}`;
      if (seen.has(id)) found.push({ index: claim.index, path: claim.path, reason: 'repeated' });
      seen.add(id);
      wanted.set(id, claim.key);
    }
    // The tenant's ID-card guards and the platform's certificate guards in batches of their own: IAM
    // allows a BatchGetItem only if one statement matches every partition it names (ForAllValues),
    // and the two are granted by different statements (access/policy.ts: OwnTenant, GlobalGuards).
    const tenantKeys = [...wanted.values()].filter((key) => key.pk.startsWith('T#'));
    const globalKeys = [...wanted.values()].filter((key) => !key.pk.startsWith('T#'));
    const taken = new Set([...(await this.existingKeys(tenantKeys)), ...(await this.existingKeys(globalKeys))]);
    for (const claim of claims) {
      if (taken.has(`${claim.key.pk}|${claim.key.sk}`)) {
        found.push({ index: claim.index, path: claim.path, reason: 'taken' });
      }
    }
    return found.sort((a, b) => a.index - b.index || a.path.localeCompare(b.path));
  }

  /**
   * Creates many people (a roster import): transactions of at most 25 people, each with the
   * people's guards and one audit event `person.import` naming the import, never above DynamoDB's
   * 100 items. Call `findConflicts` first: a transaction refused half-way (someone took a number
   * in between) leaves the transactions before it written, and the error says which person.
   */
  async createMany(inputs: readonly PersonInput[], options: { importId: string }): Promise<Person[]> {
    const created: Person[] = [];
    const batches: PersonInput[][] = [];
    let batch: PersonInput[] = [];
    let items = 1; // the audit event
    for (const input of inputs) {
      if (batch.length === PEOPLE_PER_TRANSACTION || items + itemsOf(input) > TRANSACTION_ITEMS) {
        batches.push(batch);
        batch = [];
        items = 1;
      }
      batch.push(input);
      items += itemsOf(input);
    }
    if (batch.length) batches.push(batch);

    for (const [n, people] of batches.entries()) {
      const mutation = this.scope.mutation();
      const added = people.map((input) => this.add(mutation, input));
      await mutation
        .audited('person.import', 'PersonImport', options.importId, n + 1, {
          importId: options.importId,
          transaction: n + 1,
          people: added.map((p) => p.id),
        })
        .commit();
      created.push(...added);
    }
    return created;
  }

  private claimIdCard(mutation: Mutation, personId: string, idCardNumber: string): void {
    mutation.guard(
      keys.idCardGuard(this.scope.tenantId, idCardHash(idCardNumber)),
      { tenantId: this.scope.tenantId, personId },
      () => conflict('Someone in this organisation already has this ID-card number', { field: 'idCardNumber' }),
    );
  }

  private claimCertificate(mutation: Mutation, personId: string, number: string, index: number): void {
    mutation.guard(keys.certificateGuard(number), { tenantId: this.scope.tenantId, personId }, () =>
      conflict('This certificate number is already registered', { field: `certificates/${index}/number` }),
    );
  }

  /**
   * Which of the keys exist: BatchGets of 100 keys, eight at a time (an import checks thousands).
   * The keys must be of one holder (access/families.ts), as IAM authorises a batch as a whole.
   */
  private async existingKeys(wanted: { pk: string; sk: string }[]): Promise<Set<string>> {
    const existing = new Set<string>();
    const batches: { pk: string; sk: string }[][] = [];
    for (let start = 0; start < wanted.length; start += BATCH_GET_KEYS) {
      batches.push(wanted.slice(start, start + BATCH_GET_KEYS));
    }
    const worker = async () => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        for (const key of await this.existingIn(batch)) existing.add(key);
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, batches.length) }, worker));
    return existing;
  }

  private async existingIn(keys: { pk: string; sk: string }[]): Promise<string[]> {
    return (await this.batchGet(keys, 'pk, sk')).map((item) => `${item.pk}|${item.sk}`);
  }

  /**
   * The people with these ids (those that exist), keyed by id: one BatchGetItem per hundred ids
   * instead of a read per id. A named person in a costing or a payroll is looked up this way.
   */
  async findMany(ids: readonly string[]): Promise<Map<string, Person>> {
    const unique = [...new Set(ids)];
    const people = new Map<string, Person>();
    for (let start = 0; start < unique.length; start += BATCH_GET_KEYS) {
      const batch = unique.slice(start, start + BATCH_GET_KEYS).map((id) => keys.person(this.scope.tenantId, id));
      for (const item of await this.batchGet(batch)) {
        const person = toRecord<Person>(item);
        people.set(person.id, person);
      }
    }
    return people;
  }

  /** One batch of at most a hundred keys, consistently read, retrying what the table leaves unprocessed. */
  private async batchGet(keys: { pk: string; sk: string }[], projection?: string): Promise<Record<string, unknown>[]> {
    const found: Record<string, unknown>[] = [];
    let pending: Record<string, unknown>[] | undefined = keys;
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      if (attempt > 8) throw new StoreError('conflict', 'the table is busy; try again');
      const answer: BatchGetCommandOutput = await this.scope.client.send(
        new BatchGetCommand({
          RequestItems: {
            [this.scope.tableName]: {
              Keys: pending,
              ConsistentRead: true,
              ...(projection ? { ProjectionExpression: projection } : {}),
            },
          },
        }),
      );
      found.push(...(answer.Responses?.[this.scope.tableName] ?? []));
      pending = answer.UnprocessedKeys?.[this.scope.tableName]?.Keys;
    }
    return found;
  }
}

/** One person cannot hold the same certificate number twice (it would also be one item twice in a transaction). */
function refuseRepeatedCertificates(input: PersonInput): void {
  const seen = new Set<string>();
  input.certificates.forEach((certificate, i) => {
    const number = certificateKey(certificate.number);
    if (seen.has(number)) {
      throw conflict('This certificate number is given twice', { field: `certificates/${i}/number` });
    }
    seen.add(number);
  });
}
