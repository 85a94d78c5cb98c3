import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  getImport,
  IMPORTERS,
  ladderFile,
  listImports,
  MAX_IMPORT_BYTES,
  type RosterUpload,
  rosterKind,
  rosterTemplate,
  STAFF_EXPORTERS,
  staffFile,
  startImport,
  TEMPLATE_READERS,
} from '@shegong/core';
import { ImportJob } from '@shegong/domain';
import { XLSX_TYPE } from '@shegong/sheets/light';
import type { Context } from 'hono';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { xlsxAttachment, xlsxResponse } from '../files.ts';
import { idempotencyKey } from '../idempotency.ts';
import {
  Problem,
  ProblemError,
  RosterInvalidProblem as RosterInvalid,
  type RosterInvalidProblem,
} from '../problem/problem.ts';
import {
  errorResponses,
  IdParam,
  idempotencyHeader,
  keyInFlightResponse,
  Page,
  PageQuery,
  problemContent,
  REUSED_KEY,
} from '../schemas.ts';

/** A one-row roster in the template's headings: the example the API document (and the isolation matrix) sends. */
export const EXAMPLE_ROSTER_CSV = [
  '姓名,身份证号,手机号,学历,社工专业(是/否),用工形式,月薪(元),证书等级,证书编号,取得日期,登记日期,登记有效期至,本单位入职日期,之前社工工作(地区代码:起:止;…),继续教育(日期:学时:机构:主题;…),工作时间(%)',
  '黄小梅,450602199203150042,13800138000,本科,是,合同制,4200.50,,,,,,2021-07-01,,,',
].join('\r\n');

/** The uploaded file from a multipart form (`file`) or the raw body with its Content-Type. */
async function readUpload(c: Context<AppEnv>): Promise<RosterUpload> {
  const contentType = c.req.header('Content-Type') ?? '';
  let bytes: Buffer;
  let fileName: string;
  let type = contentType;
  if (/^multipart\/form-data/i.test(contentType)) {
    const form = await c.req.parseBody().catch(() => {
      // No boundary, or not the one the body uses: the client's error, never ours (a 500).
      throw new ProblemError(
        400,
        'The body is not a multipart/form-data form with the boundary its Content-Type names',
        [{ path: 'body', message: 'is not multipart/form-data with the boundary its Content-Type names' }],
      );
    });
    const file = form.file;
    if (!(file instanceof File))
      throw new ProblemError(400, 'Send the roster as the form field `file`', [
        { path: '/file', message: 'is required' },
      ]);
    bytes = Buffer.from(await file.arrayBuffer());
    fileName = file.name || 'roster';
    type = file.type;
  } else {
    bytes = Buffer.from(await c.req.arrayBuffer());
    const disposition = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(c.req.header('Content-Disposition') ?? '');
    fileName = disposition ? decodeURIComponent(disposition[1]!) : 'roster';
  }
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new ProblemError(413, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it`);
  const kind = rosterKind(bytes, type, fileName);
  if (!kind) throw new ProblemError(415, 'Send the roster as xlsx or csv (UTF-8), in the template’s columns');
  return { bytes, fileName, kind };
}

const langOf = (c: Context) => (c.req.query('lang') === 'en' ? 'en' : 'zh-CN');

function accepted(c: Context<AppEnv>, job: ImportJob, replayed: boolean) {
  const location = `/v1/imports/${job.id}`;
  const headers: Record<string, string> = {
    Location: location,
    ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
  };
  if (job.status !== 'invalid') return c.json(job, 202, headers);
  // Every error of the file, at its row and column; the job keeps the first 500 for its page.
  const body: RosterInvalidProblem = {
    type: 'https://shegong.cn/problems/roster-invalid',
    title: 'The roster has errors; nothing was imported',
    status: 422,
    detail: `${job.errorCount} error(s) in the file; nothing was written. Fix them and upload the whole file again.`,
    instance: c.req.path,
    requestId: c.get('requestId'),
    importId: job.id,
    errors: job.errors.map((e) => ({
      path: `/rows/${e.row}/${e.column}`,
      message: `${e.message}${e.messageEn ? ` (${e.messageEn})` : ''}`,
    })),
    rowErrors: job.errors,
    errorCount: job.errorCount,
  };
  return c.body(JSON.stringify(body), 422, { ...headers, 'Content-Type': 'application/problem+json' });
}

export const imports = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/imports/template',
      summary: 'Download the roster template (xlsx, Chinese headings, drop-downs, instructions)',
      tags: ['imports'],
      middleware: [authorize(TEMPLATE_READERS)] as const,
      request: { query: z.object({ lang: z.enum(['zh-CN', 'en']).optional() }) },
      responses: { 200: xlsxResponse('The template'), ...errorResponses },
    }),
    async (c) => xlsxAttachment(c, await rosterTemplate(langOf(c))) as never,
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/imports',
      summary: 'Import a staff roster (xlsx or csv): every row is checked first; all or nothing',
      description:
        'The whole file is read and checked in the request. Any error (a cell, a duplicate in the file, a number someone in the registry already has) answers 422 with every error by row and column, and nothing is written but the job record. A valid file answers 202 with the job; its people are written after the response — poll `Location` until `status` is `done`. Send the file as `multipart/form-data` field `file`, or as the raw body with Content-Type `text/csv` or the xlsx type (a multipart body without the boundary its Content-Type names answers 400 naming `body`). At most 5 000 rows and 5 MB.',
      tags: ['imports'],
      middleware: [authorize(IMPORTERS)] as const,
      request: {
        headers: idempotencyHeader,
        body: {
          required: true,
          content: {
            'text/csv': { schema: { type: 'string' }, example: EXAMPLE_ROSTER_CSV },
            [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } },
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { file: { type: 'string', format: 'binary' } },
                required: ['file'],
              },
            },
          },
        },
      },
      responses: {
        202: {
          description: 'Valid: the people are being written; poll Location',
          headers: { Location: { schema: { type: 'string' }, description: '/v1/imports/{importId}' } },
          content: { 'application/json': { schema: ImportJob } },
        },
        ...keyInFlightResponse(),
        413: { description: 'File larger than 5 MB', content: problemContent },
        415: { description: 'Not xlsx or csv', content: problemContent },
        422: {
          description: `The file has errors (rowErrors: row, column, message); nothing was written. Or ${REUSED_KEY} (a plain Problem).`,
          content: { 'application/problem+json': { schema: z.union([RosterInvalid, Problem]) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const key = idempotencyKey(c);
      const upload = await readUpload(c);
      const { job, replayed } = await startImport(c.var.ctx, c.var.deps, upload, key);
      return accepted(c, job, replayed) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/imports',
      summary: 'List my organisation’s roster imports, newest first',
      tags: ['imports'],
      middleware: [authorize(IMPORTERS)] as const,
      request: { query: PageQuery },
      responses: {
        200: {
          description: 'A page of jobs (errors are on each job)',
          content: {
            'application/json': { schema: Page(ImportJob) },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listImports(c.var.ctx, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/imports/{importId}',
      summary: 'An import: status, progress (rows, written) and row errors',
      tags: ['imports'],
      middleware: [authorize(IMPORTERS)] as const,
      request: { params: IdParam('importId', '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a') },
      responses: {
        200: { description: 'The job', content: { 'application/json': { schema: ImportJob } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await getImport(c.var.ctx, c.req.valid('param').importId as string), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/people/export',
      summary: 'The staff list as xlsx, with the registry’s figures and their rule ids',
      tags: ['imports'],
      middleware: [authorize(STAFF_EXPORTERS)] as const,
      request: { query: z.object({ lang: z.enum(['zh-CN', 'en']).optional() }) },
      responses: { 200: xlsxResponse('The staff list'), ...errorResponses },
    }),
    async (c) => xlsxAttachment(c, await staffFile(c.var.ctx, langOf(c))) as never,
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/ladder/export',
      summary: 'The career ladder and everyone’s standing on it, as xlsx',
      tags: ['imports'],
      middleware: [authorize(STAFF_EXPORTERS)] as const,
      request: { query: z.object({ lang: z.enum(['zh-CN', 'en']).optional() }) },
      responses: { 200: xlsxResponse('The ladder'), ...errorResponses },
    }),
    async (c) => xlsxAttachment(c, await ladderFile(c.var.ctx, langOf(c))) as never,
  );
