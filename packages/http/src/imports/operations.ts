import { createHash } from 'node:crypto';
import { chinaToday, type Principal, type TenantRecord } from '@shegong/domain';
import { loadWorkbooks, type RowError, XLSX_TYPE } from '@shegong/sheets/light';
import { type ImportJob, type ImportRowError, runImport, type Store, type TenantRepositories } from '@shegong/store';
import type { AppDeps } from '../env.ts';
import { commitOnce } from '../idempotency.ts';
import { logger } from '../logger.ts';
import { ProblemError } from '../problem/problem.ts';

/** The largest roster file taken (a 5 000-row xlsx is about 400 kB, its csv about 1 MB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * Starts writing an import's rows after the response has gone. In-process locally and in tests;
 * in AWS nothing needs starting: the job item entering 'writing' reaches the import-worker function
 * through the table's stream (functions/import-worker, infra/lib/api.ts), which has 15 minutes, not
 * the API's 29 seconds. `runImport` takes a job once, so a repeated delivery does nothing.
 */
export interface ImportRunner {
  start(job: { tenantId: string; userId: string; importId: string }): void;
}

/** Runs imports on this process's event loop; `settled()` waits for the ones started (tests, shutdown). */
export class InProcessImportRunner implements ImportRunner {
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly store: Store) {}

  start(job: { tenantId: string; userId: string; importId: string }): void {
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => runImport(this.store.tenant({ tenantId: job.tenantId, userId: job.userId }), job.importId))
      .catch((error: Error) =>
        logger.error('import failed to run', {
          importId: job.importId,
          error: { name: error.name, message: error.message },
        }),
      )
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  async settled(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }
}

/** In AWS: the table's stream starts the worker when the job is written, so there is nothing to do. */
export class TableStreamImportRunner implements ImportRunner {
  start(): void {}
}

const runners = new WeakMap<Store, InProcessImportRunner>();

/** The deps' runner, or one in-process runner per store. */
export function importRunner(deps: AppDeps): ImportRunner {
  if (deps.importRunner) return deps.importRunner;
  let runner = runners.get(deps.store);
  if (!runner) {
    runner = new InProcessImportRunner(deps.store);
    runners.set(deps.store, runner);
  }
  return runner;
}

export type RosterKind = 'xlsx' | 'csv';

/** xlsx or csv, from the bytes first (an xlsx is a zip: PK\3\4), then the type and name given. */
export function rosterKind(bytes: Uint8Array, contentType = '', fileName = ''): RosterKind | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === XLSX_TYPE || /\.xlsx$/i.test(fileName)) return undefined; // says xlsx, is not a zip
  if (type === 'text/csv' || type === 'application/csv' || /\.csv$/i.test(fileName)) return 'csv';
  if (type === 'text/plain' || type === 'application/vnd.ms-excel' || type === 'application/octet-stream') return 'csv';
  return undefined;
}

export interface RosterUpload {
  fileName: string;
  bytes: Buffer;
  kind: RosterKind;
}

/** Conflicts with people already in the registry, as row errors on the template's columns. */
function conflictErrors(
  rows: { row: number }[],
  conflicts: Awaited<ReturnType<TenantRepositories['people']['findConflicts']>>,
): RowError[] {
  return conflicts.map((conflict) => {
    const row = rows[conflict.index]!.row;
    const idCard = conflict.path === '/idCardNumber';
    return {
      row,
      column: idCard ? '身份证号' : '证书编号',
      message: idCard ? '本机构已有这个身份证号的人员' : '这个证书编号已经登记过',
      messageEn: idCard
        ? 'someone in this organisation already has this ID number'
        : 'this certificate number is already registered',
    };
  });
}

/**
 * One roster upload, for the API and the page alike: read and check the whole file, then either
 * keep the errors (status `invalid`, nothing else written) or store the rows and hand the job to
 * the runner (status `writing`). With a key, a retry answers as the first try did.
 */
export async function startImport(
  deps: AppDeps,
  repos: TenantRepositories,
  principal: Principal,
  tenant: TenantRecord,
  upload: RosterUpload,
  key: string | undefined,
  route: string,
): Promise<{ job: ImportJob; replayed: boolean }> {
  if (upload.bytes.length === 0)
    throw new ProblemError(400, 'The file is empty', [{ path: '/file', message: 'is empty' }]);
  const fingerprint = createHash('sha256').update(upload.bytes).digest('hex');
  const { body, replayed } = await commitOnce<ImportJob>(
    repos,
    key,
    { method: 'POST', route, input: { fileName: upload.fileName, sha256: fingerprint } },
    async () => {
      const mutation = repos.scope.mutation();
      const parsed = await (await loadWorkbooks()).parseRoster(upload.bytes, upload.kind, {
        employer: tenant.name,
        region: tenant.region,
        today: deps.today?.() ?? chinaToday(),
      });
      let errors: ImportRowError[] = parsed.errors;
      if (!errors.length) {
        errors = conflictErrors(parsed.rows, await repos.people.findConflicts(parsed.rows.map((r) => r.input)));
      }
      if (errors.length) {
        return {
          mutation,
          body: repos.imports.recordInvalid(mutation, { fileName: upload.fileName, rows: parsed.count, errors }),
        };
      }
      const job = await repos.imports.storeRows(upload.fileName, parsed.rows);
      return { mutation, body: repos.imports.recordWriting(mutation, job) };
    },
  );
  // Also on a replay: if the first try's worker never took the job, this starts it; if it did, it does nothing.
  if (body.status === 'writing') {
    importRunner(deps).start({ tenantId: principal.tenantId, userId: principal.userId, importId: body.id });
  }
  return { job: body, replayed };
}
