import { createHash } from 'node:crypto';
import { type ImportJob, type ImportRowError, PROJECT_KINDS } from '@shegong/domain';
import { loadWorkbooks, type RowError, XLSX_TYPE } from '@shegong/sheets/light';
import type { PageRequest, TenantRepositories } from '@shegong/store';
import type { CoreDeps, UseCaseContext } from '../context.ts';
import { commitOnce } from '../once.ts';
import { Invalid } from '../refusals.ts';
import { importRunner } from './in-process-runner.ts';

/** Who imports a roster: the organisation's admin and hr. */
export const IMPORTERS = { kinds: PROJECT_KINDS, roles: ['admin', 'hr'] } as const;
/** Who reads the roster template: anyone of the organisation. */
export const TEMPLATE_READERS = { kinds: PROJECT_KINDS, roles: 'any' } as const;

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
 * One roster upload: read and check the whole file, then either keep the errors (status `invalid`,
 * nothing else written) or store the rows and hand the job to the runner (status `writing`). With
 * a key, a retry answers as the first try did.
 */
export async function startImport(
  ctx: UseCaseContext,
  deps: Pick<CoreDeps, 'store' | 'importRunner'>,
  upload: RosterUpload,
  key?: string,
): Promise<{ job: ImportJob; replayed: boolean }> {
  if (upload.bytes.length === 0)
    throw new Invalid('The file is empty', { fields: [{ path: '/file', message: 'is empty', code: 'empty' }] });
  const { repos, tenant } = ctx;
  const fingerprint = createHash('sha256').update(upload.bytes).digest('hex');
  const { body, replayed } = await commitOnce<ImportJob>(
    repos,
    key,
    { operation: 'import.start', input: { fileName: upload.fileName, sha256: fingerprint } },
    async () => {
      const mutation = repos.scope.mutation();
      const today = ctx.clock.today();
      // The rule set in force judges each certificate's registration term (N-4), as the pages do.
      const ruleSet = await ctx.store.ruleSetInForce(tenant.region, today);
      const parsed = await (await loadWorkbooks()).parseRoster(upload.bytes, upload.kind, {
        employer: tenant.name,
        region: tenant.region,
        today,
        rules: ruleSet?.parameters,
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
    importRunner(deps).start({ tenantId: ctx.actor.tenantId, userId: ctx.actor.userId, importId: body.id });
  }
  return { job: body, replayed };
}

export function listImports(ctx: UseCaseContext, page: PageRequest) {
  return ctx.repos.imports.list(page);
}

export function getImport(ctx: UseCaseContext, importId: string) {
  return ctx.repos.imports.get(importId);
}
