import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Application, ApplicationNote, ApplicationStatus, Incubation, IncubationStage } from '@shegong/domain';
import { countStageMove } from './bases/bases.ts';
import { getInOrder } from './batch.ts';
import type { Page } from './cursor.ts';
import { notFound } from './errors.ts';
import { keys } from './keys.ts';
import type { Mutation } from './mutation.ts';
import { countQuery, type PageRequest, queryAll, queryItems } from './query.ts';
import { type TenantScope, toRecord } from './scope.ts';

/**
 * An incubation base's own records (the scope is the base's): applications with their review
 * notes, and the incubation record of each organisation it admitted. Everything lives in the
 * base's partition; lists of one status or stage are one Query of GSI `status` (sparse rows that
 * name their item), whole pages whatever the other statuses hold.
 */
export class Incubations {
  constructor(private readonly scope: TenantScope) {}

  private get base(): string {
    return this.scope.tenantId;
  }

  stageApplication(mutation: Mutation, application: Application): Application {
    mutation.create('IncubationApplication', this.applicationItem(application));
    return { ...application, version: 1 };
  }

  /** Replaces an application read at `current.version` (412 when it moved meanwhile). */
  replaceApplication(mutation: Mutation, current: Application, next: Application): Application {
    mutation.replace('IncubationApplication', this.applicationItem(next), current.version);
    return { ...next, version: current.version + 1 };
  }

  async application(id: string): Promise<Application> {
    const item = await this.get(keys.application(this.base, id));
    if (!item) throw notFound('Application');
    return toRecord<Application>(item);
  }

  /** A page of applications: all, newest first; or one status's, newest first. One Query each. */
  async applications(status: ApplicationStatus | undefined, page: PageRequest): Promise<Page<Application>> {
    if (!status) {
      const found = await queryItems(
        this.scope,
        { partition: `T#${this.base}`, sortPrefix: keys.applicationPrefix, newestFirst: true },
        page,
      );
      return { ...found, items: found.items.map((i) => toRecord<Application>(i)) };
    }
    return this.byIndex<Application>(keys.applicationStatusPartition(this.base, status), page);
  }

  stageNote(mutation: Mutation, note: ApplicationNote): ApplicationNote {
    mutation.create('IncubationApplicationNote', {
      ...keys.applicationNote(this.base, note.applicationId, note.id),
      ...note,
    });
    return note;
  }

  /** Every note on one application, oldest first (bounded by one application's review). */
  async notes(applicationId: string): Promise<ApplicationNote[]> {
    const items = await queryAll(this.scope, {
      partition: `T#${this.base}`,
      sortPrefix: keys.applicationNotePrefix(applicationId),
      consistent: true,
    });
    return items.map((i) => {
      const { version: _v, ...note } = toRecord<ApplicationNote & { version?: number }>(i);
      return note;
    });
  }

  /** Opens a record, counted in its stage on the base's listing in the same transaction. */
  stageIncubation(mutation: Mutation, record: Incubation): Incubation {
    mutation.create('Incubation', this.incubationItem(record));
    countStageMove(mutation, this.base, undefined, record.stage);
    return { ...record, version: 1 };
  }

  /** Replaces a record read at `current.version`, moving the listing's stage counts when its stage changes. */
  replaceIncubation(mutation: Mutation, current: Incubation, next: Incubation): Incubation {
    mutation.replace('Incubation', this.incubationItem(next), current.version);
    countStageMove(mutation, this.base, current.stage, next.stage);
    return { ...next, version: current.version + 1 };
  }

  /** The record of one organisation the base admitted (not_found for any other id). */
  async incubation(organisationId: string): Promise<Incubation> {
    const item = await this.get(keys.incubation(this.base, organisationId));
    if (!item) throw notFound('Incubation');
    return toRecord<Incubation>(item);
  }

  /** A page of the base's incubation records: all, in the order admitted (newest first), or one stage's. */
  async incubations(stage: IncubationStage | undefined, page: PageRequest): Promise<Page<Incubation>> {
    if (!stage) {
      const found = await queryItems(
        this.scope,
        { partition: `T#${this.base}`, sortPrefix: keys.incubationPrefix, newestFirst: true },
        page,
      );
      return { ...found, items: found.items.map((i) => toRecord<Incubation>(i)) };
    }
    return this.byIndex<Incubation>(keys.incubationStagePartition(this.base, stage), page);
  }

  /** Whether a credit code is already held by a tenant on the platform (the directory's guard). */
  async creditCodeTaken(uscc: string): Promise<boolean> {
    return (await this.get(keys.usccGuard(uscc))) !== undefined;
  }

  /**
   * How many applications wait for the base's decision (the menu's badge): a COUNT over their
   * status partition, bounded by what waits rather than by every application.
   */
  waitingCount(): Promise<number> {
    return this.countIndex(keys.applicationStatusPartition(this.base, 'applied'));
  }

  /** How many of the base's records are in one stage (its dashboard): a COUNT over the stage's partition. */
  stageCount(stage: IncubationStage): Promise<number> {
    return this.countIndex(keys.incubationStagePartition(this.base, stage));
  }

  private countIndex(partition: string): Promise<number> {
    return countQuery(this.scope, {
      IndexName: 'status',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
    });
  }

  private async byIndex<T>(partition: string, page: PageRequest): Promise<Page<T>> {
    const rows = await queryItems(this.scope, { partition, index: 'status', newestFirst: true }, page);
    const items = await getInOrder(
      this.scope,
      rows.items.map((row) => ({ pk: String(row.pk), sk: String(row.sk) })),
    );
    return { items: items.map((i) => toRecord<T>(i)), ...(rows.cursor ? { cursor: rows.cursor } : {}) };
  }

  private async get(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.scope.client.send(
      new GetCommand({ TableName: this.scope.tableName, Key: key, ConsistentRead: true }),
    );
    return Item;
  }

  private applicationItem(application: Application) {
    const { version: _v, ...record } = application;
    return {
      ...keys.application(this.base, application.id),
      ...keys.applicationStatus(this.base, application.status, application.id),
      ...withoutUndefined(record),
    };
  }

  private incubationItem(record: Incubation) {
    const { version: _v, ...stored } = record;
    return {
      ...keys.incubation(this.base, record.id),
      ...keys.incubationStage(this.base, record.stage, record.id),
      ...withoutUndefined(stored),
    };
  }
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
