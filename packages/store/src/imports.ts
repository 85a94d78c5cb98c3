import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, type BatchWriteCommandOutput, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ImportJob, ImportRowError, PersonInput } from '@shegong/domain';
import type { Page } from './cursor.ts';
import { notFound, StoreError } from './errors.ts';
import { keys } from './keys.ts';
import type { Mutation } from './mutation.ts';
import type { People } from './people.ts';
import { type PageRequest, queryPage } from './query.ts';
import { type TenantScope, toRecord } from './scope.ts';

/**
 * Roster import jobs (issue 3 §5); the job's shape is the domain's `ImportJob`. The upload request reads and checks the whole file; only a
 * file whose every row is valid (and collides with nobody) gets status `writing`, and its rows are
 * written after the response by `runImport`, chunk by chunk, so a 5 000-row file never holds a
 * request open for the writes.
 *
 * Where things live:
 * - the job: pk `T#<org>`, sk `IMPORT#<id>` — status, progress (`rows`, `written`), the first 500
 *   row errors and their count;
 * - the validated rows: pk `T#<org>#IMPORT#<id>`, sk `CHUNK#0001`… of at most 200 rows each, with a
 *   7-day TTL. They stand in for the uploaded file: in AWS the request would put the file to S3
 *   (a bucket with a 7-day lifecycle rule) and the worker would read it back; here DynamoDB holds
 *   the checked rows, so the worker does not parse again and a local run needs no S3. Infra would
 *   add that bucket, the worker Lambda (or an async self-invocation of the API function with a
 *   `{ importId, tenantId }` event), its DLQ, and for the worker the same table permissions.
 *
 * Statuses: `validating` is kept for that S3 flow (the job exists before the file is checked);
 * in this flow the request checks first, so a job is born `invalid` or `writing`, and ends
 * `done` or `failed`.
 */

export interface ImportRow {
  row: number;
  input: PersonInput;
}

export const CHUNK_ROWS = 200;
export const ERRORS_KEPT = 500;
/** Chunks are the uploaded file's stand-in; like an S3 lifecycle rule, they expire. */
const CHUNK_LIFETIME_S = 7 * 24 * 3600;
const BATCH_WRITE_ITEMS = 25;

export class ImportJobs {
  constructor(readonly scope: TenantScope) {}

  private newJob(id: string, fileName: string, rows: number): ImportJob {
    return {
      id,
      status: 'writing',
      fileName: fileName.slice(0, 200),
      rows,
      written: 0,
      errors: [],
      errorCount: 0,
      chunks: 0,
      createdAt: new Date().toISOString(),
      createdBy: this.scope.actorId,
      version: 1,
    };
  }

  /** Adds a job for a file that failed its checks to a mutation: it keeps the errors, and nothing else is written. */
  recordInvalid(
    mutation: Mutation,
    input: { fileName: string; rows: number; errors: readonly ImportRowError[] },
    id: string = randomUUID(),
  ): ImportJob {
    const job: ImportJob = {
      ...this.newJob(id, input.fileName, input.rows),
      status: 'invalid',
      errors: input.errors.slice(0, ERRORS_KEPT),
      errorCount: input.errors.length,
      finishedAt: new Date().toISOString(),
    };
    this.stage(mutation, job);
    return job;
  }

  /**
   * Stores a valid file's rows in chunks (the upload: outside the job's transaction, as a put to
   * S3 would be) and returns the job to add with `recordWriting`. Chunks nobody's job points to
   * (a request that died before its commit) expire with their TTL.
   */
  async storeRows(fileName: string, rows: readonly ImportRow[], id: string = randomUUID()): Promise<ImportJob> {
    const expiresAt = Math.floor(Date.now() / 1000) + CHUNK_LIFETIME_S;
    const items: Record<string, unknown>[] = [];
    for (let start = 0, n = 1; start < rows.length; start += CHUNK_ROWS, n++) {
      items.push({
        ...keys.importChunk(this.scope.tenantId, id, n),
        itemType: 'ImportChunk',
        rows: JSON.stringify(rows.slice(start, start + CHUNK_ROWS)),
        expiresAt,
      });
    }
    await this.batchWrite(items.map((Item) => ({ PutRequest: { Item } })));
    return { ...this.newJob(id, fileName, rows.length), chunks: items.length };
  }

  /** Adds the job of a stored, valid file to a mutation, ready for the worker. */
  recordWriting(mutation: Mutation, job: ImportJob): ImportJob {
    this.stage(mutation, job);
    return job;
  }

  private stage(mutation: Mutation, job: ImportJob): void {
    const { version: _v, ...stored } = job;
    mutation
      .create('ImportJob', { ...keys.importJob(this.scope.tenantId, job.id), ...stored })
      .audited('import.create', 'ImportJob', job.id, job.version, {
        ...job,
        // The audit hash covers what was decided, not every error's wording.
        errors: job.errorCount,
      });
  }

  async find(importId: string): Promise<ImportJob | undefined> {
    const { Item } = await this.scope.client.send(
      new GetCommand({
        TableName: this.scope.tableName,
        Key: keys.importJob(this.scope.tenantId, importId),
        ConsistentRead: true,
      }),
    );
    return Item ? toRecord<ImportJob>(Item) : undefined;
  }

  async get(importId: string): Promise<ImportJob> {
    const job = await this.find(importId);
    if (!job) throw notFound('Import');
    return job;
  }

  /** Jobs, newest first (ids are random; the list sorts by createdAt within the page). */
  async list(page: PageRequest): Promise<Page<ImportJob>> {
    const found = await queryPage<ImportJob>(
      this.scope,
      { partition: `T#${this.scope.tenantId}`, sortPrefix: keys.importPrefix },
      page,
    );
    // A list shows status and progress; the errors are on the job's own page.
    const items = found.items
      .map((job) => ({ ...job, errors: [] }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { ...found, items };
  }

  async chunk(importId: string, n: number): Promise<ImportRow[]> {
    const { Item } = await this.scope.client.send(
      new GetCommand({
        TableName: this.scope.tableName,
        Key: keys.importChunk(this.scope.tenantId, importId, n),
        ConsistentRead: true,
      }),
    );
    if (!Item) throw new StoreError('not_found', `chunk ${n} of import ${importId} is gone (expired?)`);
    return JSON.parse(Item.rows as string) as ImportRow[];
  }

  /**
   * The worker takes a job once: `startedAt` is set only if absent. A second delivery of the same
   * start (an async invocation is at-least-once) finds it taken and does nothing.
   */
  async take(importId: string): Promise<boolean> {
    try {
      await this.scope.client.send(
        new UpdateCommand({
          TableName: this.scope.tableName,
          Key: keys.importJob(this.scope.tenantId, importId),
          UpdateExpression: 'SET startedAt = :now, version = version + :one',
          ConditionExpression: '#status = :writing AND attribute_not_exists(startedAt)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':now': new Date().toISOString(), ':writing': 'writing', ':one': 1 },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  /**
   * Progress: people written so far. A counter, not a change of the registry (each person's
   * transaction has its own audit event), so it is a plain conditional update.
   */
  async progress(importId: string, written: number): Promise<void> {
    await this.scope.client.send(
      new UpdateCommand({
        TableName: this.scope.tableName,
        Key: keys.importJob(this.scope.tenantId, importId),
        UpdateExpression: 'SET written = :written, version = version + :one',
        ConditionExpression: '#status = :writing',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':written': written, ':writing': 'writing', ':one': 1 },
      }),
    );
  }

  /** The job's end, audited: done, or failed with why and what was undone. */
  async finish(
    importId: string,
    outcome: { status: 'done' } | { status: 'failed'; failure: string; rolledBack: number; leftBehind: string[] },
  ): Promise<ImportJob> {
    const current = await this.get(importId);
    const next: ImportJob = {
      ...current,
      ...outcome,
      ...(outcome.status === 'failed' ? { failure: outcome.failure.slice(0, 500) } : {}),
      finishedAt: new Date().toISOString(),
      version: current.version + 1,
    };
    const { version: _v, ...stored } = next;
    await this.scope
      .mutation()
      .replace('ImportJob', { ...keys.importJob(this.scope.tenantId, importId), ...stored }, current.version)
      .audited(`import.${outcome.status}`, 'ImportJob', importId, next.version, { ...next, errors: next.errorCount })
      .commit();
    return next;
  }

  /** Removes a job's chunks once its rows are written (the worker's clean-up; the TTL is the backstop). */
  async dropChunks(importId: string, chunks: number): Promise<void> {
    const requests = Array.from({ length: chunks }, (_, i) => ({
      DeleteRequest: { Key: keys.importChunk(this.scope.tenantId, importId, i + 1) },
    }));
    await this.batchWrite(requests);
  }

  private async batchWrite(requests: Record<string, unknown>[]): Promise<void> {
    for (let start = 0; start < requests.length; start += BATCH_WRITE_ITEMS) {
      let pending: Record<string, unknown>[] | undefined = requests.slice(start, start + BATCH_WRITE_ITEMS);
      for (let attempt = 0; pending?.length; attempt++) {
        if (attempt > 8) throw new StoreError('conflict', 'the table is busy; try the import again');
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
        const answer: BatchWriteCommandOutput = await this.scope.client.send(
          new BatchWriteCommand({ RequestItems: { [this.scope.tableName]: pending as never } }),
        );
        pending = answer.UnprocessedItems?.[this.scope.tableName] as Record<string, unknown>[] | undefined;
      }
    }
  }
}

/** What the worker needs of a tenant's repositories. */
export interface ImportRepositories {
  imports: ImportJobs;
  people: People;
}

/** People per createMany call: one transaction each, so a failure leaves whole transactions only. */
const PEOPLE_PER_CALL = 25;

/**
 * The worker: writes a `writing` job's rows chunk by chunk with `people.createMany`, updating
 * `written` after every chunk. All or nothing: if a write fails midway (a number taken in the
 * meantime, the table unavailable), the people this job wrote are removed again, one audited
 * transaction each, and the job records `failed` with the reason and how many were undone; a
 * person changed since (so not at version 1) is left and named in `leftBehind`. The audit events
 * of the writes (`person.import`) and of the removals both name the import.
 */
export async function runImport(repos: ImportRepositories, importId: string): Promise<ImportJob> {
  const job = await repos.imports.get(importId);
  if (job.status !== 'writing' || !(await repos.imports.take(importId))) return job;
  const created: string[] = [];
  try {
    for (let n = 1; n <= job.chunks; n++) {
      const rows = await repos.imports.chunk(importId, n);
      for (let start = 0; start < rows.length; start += PEOPLE_PER_CALL) {
        const people = await repos.people.createMany(
          rows.slice(start, start + PEOPLE_PER_CALL).map((r) => r.input),
          { importId },
        );
        created.push(...people.map((p) => p.id));
      }
      await repos.imports.progress(importId, created.length);
    }
  } catch (error) {
    const leftBehind: string[] = [];
    for (const id of created) {
      try {
        await repos.people.remove(id, 1);
      } catch {
        leftBehind.push(id);
      }
    }
    return repos.imports.finish(importId, {
      status: 'failed',
      failure: (error as Error).message,
      rolledBack: created.length - leftBehind.length,
      leftBehind,
    });
  }
  const done = await repos.imports.finish(importId, { status: 'done' });
  await repos.imports.dropChunks(importId, job.chunks);
  return done;
}
