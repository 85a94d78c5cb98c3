import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { LadderInput, Promotion, PromotionRecord, SavedLadder } from '@shegong/domain';
import type { Page } from './cursor.ts';
import { conflict, notFound, staleVersion } from './errors.ts';
import { keys } from './keys.ts';
import type { Mutation } from './mutation.ts';
import { type PageRequest, queryPage } from './query.ts';
import type { TenantScope } from './scope.ts';

/** The ladder the caller read, so a save can check nobody saved in between (If-Match). */
export type LadderPrecondition = { expectedVersion: number } | { firstSave: true };

function ladderOf(item: Record<string, unknown>, version: number): SavedLadder {
  return {
    levels: item.levels as SavedLadder['levels'],
    version,
    savedAt: item.savedAt as string,
    savedBy: item.savedBy as string,
  };
}

/**
 * An organisation's career ladder and its promotions. The current ladder (`LADDER`) carries the
 * version used for If-Match; every saved version is also written, in the same transaction, as an
 * immutable copy (`LADDER#v0001`…), so a promotion's `ladderVersion` can always be looked up.
 */
export class Ladders {
  constructor(readonly scope: TenantScope) {}

  private async read(key: { pk: string; sk: string }) {
    const { Item } = await this.scope.client.send(
      new GetCommand({ TableName: this.scope.tableName, Key: key, ConsistentRead: true }),
    );
    return Item;
  }

  /** The current ladder, or undefined before the first save. */
  async find(): Promise<SavedLadder | undefined> {
    const item = await this.read(keys.ladder(this.scope.tenantId));
    return item ? ladderOf(item, item.version as number) : undefined;
  }

  async get(): Promise<SavedLadder> {
    const ladder = await this.find();
    if (!ladder) throw notFound('Ladder');
    return ladder;
  }

  /** One saved version, as it was saved. */
  async version(version: number): Promise<SavedLadder> {
    if (!Number.isSafeInteger(version) || version < 1 || version > 9999) throw notFound('Ladder version');
    const item = await this.read(keys.ladderVersion(this.scope.tenantId, version));
    if (!item) throw notFound('Ladder version');
    return ladderOf(item, item.ladderVersion as number);
  }

  /** The saved versions, newest first. */
  async versions(page: PageRequest): Promise<Page<SavedLadder>> {
    const found = await queryPage<Record<string, unknown>>(
      this.scope,
      { partition: `T#${this.scope.tenantId}`, sortPrefix: keys.ladderVersionPrefix, newestFirst: true },
      page,
    );
    return { ...found, items: found.items.map((i) => ladderOf(i, i.ladderVersion as number)) };
  }

  /**
   * Saves a new version of the ladder in a mutation: the current item (created, or replaced if it
   * is still at the version the caller read) and the immutable copy of the new version.
   */
  stageSave(mutation: Mutation, input: LadderInput, precondition: LadderPrecondition): SavedLadder {
    const version = 'firstSave' in precondition ? 1 : precondition.expectedVersion + 1;
    if (version > 9999) throw conflict('The ladder has reached its last version number');
    const saved: SavedLadder = {
      levels: input.levels,
      version,
      savedAt: new Date().toISOString(),
      savedBy: this.scope.actorId,
    };
    const { version: _v, ...state } = saved;
    const current = { ...keys.ladder(this.scope.tenantId), ...state };
    if ('firstSave' in precondition) {
      // Someone else saved the first version meanwhile: as stale as a wrong If-Match.
      mutation.create('Ladder', current, staleVersion('Ladder'));
    } else {
      mutation.replace('Ladder', current, precondition.expectedVersion);
    }
    mutation.create(
      'LadderVersion',
      { ...keys.ladderVersion(this.scope.tenantId, version), ...state, ladderVersion: version },
      staleVersion('Ladder'),
    );
    return saved;
  }

  /** Saves a new version in its own audited transaction. */
  async save(input: LadderInput, precondition: LadderPrecondition): Promise<SavedLadder> {
    const mutation = this.scope.mutation();
    const saved = this.stageSave(mutation, input, precondition);
    await mutation.audited('ladder.save', 'Ladder', 'LADDER', saved.version, saved).commit();
    return saved;
  }

  /**
   * Adds a promotion to a mutation. The ladder must still be at the version the promotion cites
   * (checked in the same transaction); the caller adds the person's new level to the same
   * mutation, so the record and the level held never disagree.
   */
  stagePromotion(
    mutation: Mutation,
    promotion: Omit<Promotion, 'ladderVersion'> & { ladderVersion: number },
  ): PromotionRecord {
    const record: PromotionRecord = {
      id: randomUUID(),
      personId: promotion.personId,
      ...(promotion.fromLevelId ? { fromLevelId: promotion.fromLevelId } : {}),
      toLevelId: promotion.toLevelId,
      date: promotion.date,
      ladderVersion: promotion.ladderVersion,
      recordedBy: this.scope.actorId,
      recordedAt: new Date().toISOString(),
    };
    mutation.unchanged('Ladder', keys.ladder(this.scope.tenantId), promotion.ladderVersion).create('Promotion', {
      ...keys.promotion(this.scope.tenantId, record.personId, record.date, record.id),
      ...record,
    });
    return record;
  }

  /** A person's promotions, oldest first (the sort key holds the date). */
  async promotions(personId: string, page: PageRequest): Promise<Page<PromotionRecord>> {
    const found = await queryPage<PromotionRecord & { version?: number }>(
      this.scope,
      { partition: `T#${this.scope.tenantId}`, sortPrefix: keys.promotionPrefix(personId) },
      page,
    );
    return { ...found, items: found.items.map(({ version: _v, ...p }) => p) };
  }
}
