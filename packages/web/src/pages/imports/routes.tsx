/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  asRefusal,
  getImport,
  IMPORTERS,
  Invalid,
  ladderFile,
  listImports,
  MAX_IMPORT_BYTES,
  NotFound,
  type RosterUpload,
  rosterKind,
  rosterTemplate,
  STAFF_EXPORTERS,
  staffFile,
  startImport,
  TEMPLATE_READERS,
} from '@shegong/core';
import type { ImportJob } from '@shegong/domain';
import { ROSTER_COLUMNS } from '@shegong/sheets/light';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { formBody } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import { formatDate } from '../../i18n/index.ts';
import { Card, CsrfInput, ErrorSummary, type FieldError, Notice, Table, Tag } from '../../layout/components.tsx';
import { xlsxDownload } from '../../layout/download.ts';
import { render } from '../../layout/render.ts';
import { Shell, type SignedIn, signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { pageAccess } from '../../session/access.ts';

export const IMPORT_PAGE = '/org/staff/import';
export const STAFF_EXPORT = '/org/staff/export.xlsx';
export const LADDER_EXPORT = '/org/ladder/export.xlsx';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const STATUS_TONE = { validating: 'blue', invalid: 'red', writing: 'blue', done: 'green', failed: 'red' } as const;

function StatusTag(props: { c: Context<PageEnv>; status: ImportJob['status'] }) {
  return <Tag tone={STATUS_TONE[props.status]}>{props.c.var.m.imports.statuses[props.status]}</Tag>;
}

/** 导入人员名册: the template, the upload form (plain multipart, no script), recent jobs. */
function ImportPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  jobs: ImportJob[];
  errors: FieldError[];
  formKey: string;
}) {
  const { c, who, jobs, errors } = props;
  const m = c.var.m;
  const t = m.imports;
  const fileError = errors.find((e) => e.field === 'file')?.message;
  return (
    <Shell
      c={c}
      who={who}
      title={t.title}
      crumbs={[{ label: t.staff, href: '/org/staff' }]}
      lead={t.lead}
      here={IMPORT_PAGE}
    >
      <ErrorSummary m={m} errors={errors} />
      <Card title={t.stepTemplate} id="template">
        <p class="hint">{t.templateHint}</p>
        <p>
          <a class="btn" href={`${IMPORT_PAGE}/template.xlsx`} download="">
            {t.download}
          </a>
        </p>
      </Card>
      <Card title={t.stepUpload} id="upload">
        <form method="post" action={IMPORT_PAGE} enctype="multipart/form-data">
          <CsrfInput token={c.var.csrfToken} />
          <input type="hidden" name="_key" value={props.formKey} />
          <div class={`field${fileError ? ' field-has-error' : ''}`}>
            <label class="label" for="file">
              {t.file}
            </label>
            <p class="hint" id="file-hint">
              {t.fileHint}
            </p>
            {fileError ? (
              <p class="field-error" id="file-error">
                {fileError}
              </p>
            ) : null}
            <input
              class="input input-full"
              type="file"
              id="file"
              name="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'}
            />
          </div>
          <details class="field">
            <summary>{t.pasteSummary}</summary>
            <label class="label" for="csv">
              {t.paste}
            </label>
            <textarea class="textarea input-mono" id="csv" name="csv" rows={6} spellcheck={false} />
          </details>
          <div class="actions">
            <button type="submit" class="btn btn-primary">
              {t.upload}
            </button>
          </div>
        </form>
      </Card>
      <Card title={t.recent} id="recent">
        <Table
          caption={t.recent}
          columns={[t.colFile, t.colWhen, t.colStatus, t.colProgress, t.colErrors, t.view]}
          empty={jobs.length ? undefined : t.noJobs}
        >
          {jobs.map((job) => (
            <tr>
              <td data-label={t.colFile}>{job.fileName}</td>
              <td data-label={t.colWhen}>{formatDate(job.createdAt, c.var.lang)}</td>
              <td data-label={t.colStatus}>
                <StatusTag c={c} status={job.status} />
              </td>
              <td data-label={t.colProgress}>{t.progress(job.written, job.rows)}</td>
              <td data-label={t.colErrors}>{job.errorCount || m.common.none}</td>
              <td data-label={t.view} class="cell-actions">
                <a href={`${IMPORT_PAGE}/${job.id}`} aria-label={`${t.view} ${job.fileName}`}>
                  {t.view}
                </a>
              </td>
            </tr>
          ))}
        </Table>
      </Card>
    </Shell>
  );
}

/** One job: progress while writing (refreshing itself), the errors of an invalid file, or the outcome. */
function JobPage(props: { c: Context<PageEnv>; who: SignedIn; job: ImportJob }) {
  const { c, who, job } = props;
  const m = c.var.m;
  const t = m.imports;
  const en = c.var.lang === 'en';
  const columnLabel = (zh: string) => (en ? (ROSTER_COLUMNS.find((col) => col.zh === zh)?.en ?? zh) : zh);
  return (
    <Shell
      c={c}
      who={who}
      title={t.jobTitle(job.fileName)}
      crumbs={[
        { label: t.staff, href: '/org/staff' },
        { label: t.title, href: IMPORT_PAGE },
      ]}
    >
      <Card>
        <p>
          <StatusTag c={c} status={job.status} /> <span>{t.progress(job.written, job.rows)}</span>
        </p>
        {job.status === 'writing' || job.status === 'validating' ? (
          <>
            <progress max={job.rows || 1} value={job.written} aria-label={t.progress(job.written, job.rows)}>
              {t.progress(job.written, job.rows)}
            </progress>
            <p class="hint">{t.writingNote}</p>
          </>
        ) : null}
        {job.status === 'done' ? (
          <>
            <Notice tone="success">{t.doneNote(job.rows)}</Notice>
            <p>
              <a class="btn btn-primary" href="/org/staff">
                {t.toStaff}
              </a>
            </p>
          </>
        ) : null}
        {job.status === 'failed' ? (
          <>
            <Notice tone="error">{t.failedNote}</Notice>
            {job.failure ? (
              <p>
                {t.failure}: {job.failure}
              </p>
            ) : null}
            {job.leftBehind?.length ? <p>{t.leftBehind(job.leftBehind.length)}</p> : null}
            <p>
              <a class="btn" href={IMPORT_PAGE}>
                {t.again}
              </a>
            </p>
          </>
        ) : null}
        {job.status === 'invalid' ? (
          <>
            <Notice tone="error">{t.invalidNote(job.errorCount)}</Notice>
            {job.errorCount > job.errors.length ? <p>{t.moreErrors(job.errors.length, job.errorCount)}</p> : null}
            <p>
              <a class="btn" href={IMPORT_PAGE}>
                {t.again}
              </a>
            </p>
          </>
        ) : null}
      </Card>
      {job.status === 'invalid' ? (
        <div class="card-flush">
          <Card title={t.errorsCaption} id="errors">
            <Table caption={t.errorsCaption} columns={[t.colRow, t.colColumn, t.colMessage]}>
              {job.errors.map((e) => (
                <tr>
                  <td data-label={t.colRow}>{e.row}</td>
                  <td data-label={t.colColumn}>{columnLabel(e.column)}</td>
                  <td data-label={t.colMessage}>{en ? (e.messageEn ?? e.message) : e.message}</td>
                </tr>
              ))}
            </Table>
          </Card>
        </div>
      ) : null}
    </Shell>
  );
}

/** The file of a page post: the chosen file, else pasted csv text; undefined when neither. */
async function formUpload(c: Context<PageEnv>): Promise<{ upload?: RosterUpload; key: string; error?: string }> {
  const t = c.var.m.imports;
  const body = await formBody(c);
  const key = typeof body._key === 'string' && FORM_KEY.test(body._key) ? body._key : randomToken();
  const file = body.file;
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_IMPORT_BYTES) return { key, error: t.tooLarge };
    const bytes = Buffer.from(await file.arrayBuffer());
    const kind = rosterKind(bytes, file.type, file.name);
    if (!kind) return { key, error: t.notRoster };
    return { key, upload: { bytes, fileName: file.name || 'roster', kind } };
  }
  const text = typeof body.csv === 'string' ? body.csv.trim() : '';
  if (text) return { key, upload: { bytes: Buffer.from(text, 'utf-8'), fileName: 'pasted.csv', kind: 'csv' } };
  return { key, error: t.chooseFile };
}

export function importRoutes(session: TokenSource) {
  const importers = pageAccess(IMPORTERS, session);
  const members = pageAccess(TEMPLATE_READERS, session);
  const exporters = pageAccess(STAFF_EXPORTERS, session);

  const page = async (c: Context<PageEnv>, errors: FieldError[] = [], status: 200 | 400 = 200) => {
    const jobs = await listImports(c.var.ctx, { limit: 20 });
    return render(
      c,
      <ImportPage c={c} who={await signedIn(c)} jobs={jobs.items} errors={errors} formKey={randomToken()} />,
      status,
    );
  };

  return new Hono<PageEnv>()
    .get(IMPORT_PAGE, importers, (c) => page(c))
    .get(`${IMPORT_PAGE}/template.xlsx`, members, async (c) => xlsxDownload(c, await rosterTemplate(c.var.lang)))
    .post(IMPORT_PAGE, importers, async (c) => {
      const { upload, key, error } = await formUpload(c);
      if (!upload) return page(c, [{ field: 'file', message: error ?? c.var.m.imports.chooseFile }], 400);
      try {
        const { job } = await startImport(c.var.ctx, c.var.deps, upload, key);
        return c.redirect(`${IMPORT_PAGE}/${job.id}`, 303);
      } catch (e) {
        const refusal = asRefusal(e);
        // The same form key with another file: the form was sent, changed and sent again.
        if (refusal?.reason === 'idempotency_mismatch') {
          const again = await startImport(c.var.ctx, c.var.deps, upload, randomToken());
          return c.redirect(`${IMPORT_PAGE}/${again.job.id}`, 303);
        }
        if (refusal instanceof Invalid) return page(c, [{ field: 'file', message: refusal.message }], 400);
        throw e;
      }
    })
    .get(`${IMPORT_PAGE}/:importId`, importers, async (c) => {
      const id = c.req.param('importId');
      if (!UUID.test(id)) throw new NotFound('There is nothing at this address');
      const job = await getImport(c.var.ctx, id);
      // Progress without script: the browser reloads the page every 2 s while the job writes.
      if (job.status === 'writing' || job.status === 'validating') c.header('Refresh', '2');
      return render(c, <JobPage c={c} who={await signedIn(c)} job={job} />);
    })
    .get(STAFF_EXPORT, exporters, async (c) => xlsxDownload(c, await staffFile(c.var.ctx, c.var.lang)))
    .get(LADDER_EXPORT, exporters, async (c) => xlsxDownload(c, await ladderFile(c.var.ctx, c.var.lang)));
}
