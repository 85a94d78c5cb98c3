/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  asRefusal,
  Conflict,
  erasePerson,
  exportOwnData,
  exportPersonData,
  NotFound,
  OWN_DATA_EXPORTERS,
  PERSON_ERASERS,
  PERSONAL_DATA_EXPORTERS,
  permits,
  personDataFile,
  personRecord,
  Stale,
} from '@shegong/core';
import { type Person, PersonErasure } from '@shegong/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { formVersion, readForm } from '../../forms/form.ts';
import { formatDate } from '../../i18n/index.ts';
import { Card, CsrfInput, ErrorSummary, Notice, Tag } from '../../layout/components.tsx';
import { xlsxDownload } from '../../layout/download.ts';
import { render } from '../../layout/render.ts';
import { Shell, type SignedIn, signedIn } from '../../layout/shell.tsx';
import { pageAccess } from '../../session/access.ts';
import { STAFF } from './views.tsx';

/**
 * PIPL on the pages: the 个人信息 (Personal data) card of a person's page (exports for hr/admin,
 * erasure for the admin), the erasure's confirmation page, and the member's own export from 我的档案.
 * The use cases and their choices are in core/people/privacy.ts.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Under 我的档案 (MY_RECORD, not imported: its page imports this module's card). */
const OWN_EXPORT = '/my/record/data-export';

function personIdOf(c: Context<PageEnv>): string {
  const id = c.req.param('personId') ?? '';
  if (!UUID.test(id)) throw new NotFound('There is nothing at this address');
  return id;
}

/** A JSON export as a file to save (private: it is personal data). */
function jsonDownload(c: Context<PageEnv>, data: unknown, fileName: string) {
  return c.body(JSON.stringify(data, null, 2), 200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'Cache-Control': 'private, no-store',
  });
}

/** The 个人信息 card of a person's page: the exports, the erasure (admin), or that the person was erased. */
export function PersonalDataCard(props: { c: Context<PageEnv>; person: Person }) {
  const { c, person } = props;
  if (!permits(PERSONAL_DATA_EXPORTERS, c.var.principal)) return null;
  const t = c.var.m.privacy;
  const here = `${STAFF}/${person.id}`;
  return (
    <Card title={t.title} id="personal-data" extra={person.erasedAt ? <Tag tone="grey">{t.erased}</Tag> : undefined}>
      <p class="hint">{person.erasedAt ? t.erasedOn(formatDate(person.erasedAt.slice(0, 10), c.var.lang)) : t.lead}</p>
      <div class="actions">
        <a class="btn" href={`${here}/data-export.json`} download="">
          {t.exportJson}
        </a>
        <a class="btn" href={`${here}/data-export.xlsx`} download="">
          {t.exportXlsx}
        </a>
        {!person.erasedAt && permits(PERSON_ERASERS, c.var.principal) ? (
          <a class="btn btn-danger" href={`${here}/erasure`}>
            {t.erase}
          </a>
        ) : null}
      </div>
    </Card>
  );
}

/** The member's own export, on 我的档案. */
export function OwnDataCard(props: { c: Context<PageEnv> }) {
  const t = props.c.var.m.privacy;
  return (
    <Card title={t.title} id="personal-data">
      <p class="hint">{t.ownLead}</p>
      <div class="actions">
        <a class="btn" href={`${OWN_EXPORT}.json`} download="">
          {t.exportJson}
        </a>
        <a class="btn" href={`${OWN_EXPORT}.xlsx`} download="">
          {t.exportXlsx}
        </a>
      </div>
    </Card>
  );
}

/** 删除个人信息: one task on its page, saying what goes and what is kept, with the reason asked for. */
function ErasurePage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  person: Person;
  reason: string;
  errors: { field: string; message: string }[];
  refusal?: string | undefined;
}) {
  const { c, who, person } = props;
  const t = c.var.m.privacy;
  const here = `${STAFF}/${person.id}`;
  const error = props.errors.find((e) => e.field === 'reason')?.message;
  return (
    <Shell
      c={c}
      who={who}
      title={t.eraseTitle(person.name)}
      crumbs={[
        { label: c.var.m.staff.title, href: STAFF },
        { label: person.name, href: here },
      ]}
    >
      <ErrorSummary m={c.var.m} errors={props.errors} />
      {props.refusal ? <Notice tone="error">{props.refusal}</Notice> : null}
      <Card>
        <Notice tone="warning">
          <strong>{t.warning}</strong> {t.removed}
        </Notice>
        <p>{t.kept}</p>
        <p class="hint">{t.refusedWhileOpen}</p>
        <form method="post" action={`${here}/erasure`}>
          <CsrfInput token={c.var.csrfToken} />
          <input type="hidden" name="version" value={String(person.version)} />
          <div class={`field${error ? ' field-has-error' : ''}`}>
            <label class="label" for="reason">
              {t.reason}
            </label>
            <p class="hint" id="reason-hint">
              {t.reasonHint}
            </p>
            {error ? (
              <p class="field-error" id="reason-error">
                <span class="visually-hidden">{c.var.m.errors.prefix}</span>
                {error}
              </p>
            ) : null}
            <textarea
              class="input input-full"
              id="reason"
              name="reason"
              rows={3}
              maxlength={200}
              aria-describedby={error ? 'reason-hint reason-error' : 'reason-hint'}
              aria-invalid={error ? 'true' : undefined}
            >
              {props.reason}
            </textarea>
          </div>
          <div class="actions">
            <button type="submit" class="btn btn-danger">
              {t.confirm}
            </button>
            <a class="btn" href={here}>
              {t.cancel}
            </a>
          </div>
        </form>
      </Card>
    </Shell>
  );
}

/** What a refused erasure tells the admin, by the refusal's reason. */
function refusalText(c: Context<PageEnv>, error: unknown): string | undefined {
  const refusal = asRefusal(error);
  if (!(refusal instanceof Conflict)) return undefined;
  const t = c.var.m.privacy;
  return refusal.reason === 'openAwardClaim' ? t.openClaim : refusal.reason === 'self' ? t.self : t.alreadyErased;
}

export function privacyPageRoutes(session: TokenSource) {
  const exporters = pageAccess(PERSONAL_DATA_EXPORTERS, session);
  const erasers = pageAccess(PERSON_ERASERS, session);
  const members = pageAccess(OWN_DATA_EXPORTERS, session);
  const day = () => new Date().toISOString().slice(0, 10);

  return new Hono<PageEnv>()
    .get(`${STAFF}/:personId/data-export.json`, exporters, async (c) =>
      jsonDownload(c, await exportPersonData(c.var.ctx, personIdOf(c)), `person-data-${day()}.json`),
    )
    .get(`${STAFF}/:personId/data-export.xlsx`, exporters, async (c) =>
      xlsxDownload(c, await personDataFile(c.var.ctx, personIdOf(c), c.var.lang)),
    )
    .get(`${OWN_EXPORT}.json`, members, async (c) =>
      jsonDownload(c, await exportOwnData(c.var.ctx), `my-data-${day()}.json`),
    )
    .get(`${OWN_EXPORT}.xlsx`, members, async (c) =>
      xlsxDownload(c, await personDataFile(c.var.ctx, undefined, c.var.lang)),
    )
    .get(`${STAFF}/:personId/erasure`, erasers, async (c) => {
      const person = await personRecord(c.var.ctx, personIdOf(c));
      if (person.erasedAt) return c.redirect(`${STAFF}/${person.id}`, 303);
      return render(c, <ErasurePage c={c} who={await signedIn(c)} person={person} reason="" errors={[]} />);
    })
    .post(`${STAFF}/:personId/erasure`, erasers, async (c) => {
      const person = await personRecord(c.var.ctx, personIdOf(c));
      const form = await readForm(c);
      const reason = form.text('reason');
      const again = async (status: 400 | 409, errors: { field: string; message: string }[], refusal?: string) =>
        render(
          c,
          <ErasurePage
            c={c}
            who={await signedIn(c)}
            person={person}
            reason={reason}
            errors={errors}
            refusal={refusal}
          />,
          status,
        );
      const parsed = PersonErasure.safeParse({ reason });
      if (!parsed.success) return again(400, [{ field: 'reason', message: c.var.m.privacy.reasonRequired }]);
      const version = formVersion(form.text('version'));
      try {
        if (version === undefined) throw new Stale('The form holds no version');
        await erasePerson(c.var.ctx, person.id, parsed.data.reason, version);
      } catch (error) {
        if (asRefusal(error) instanceof Stale) return c.redirect(`${STAFF}/${person.id}?notice=stale`, 303);
        const refusal = refusalText(c, error);
        if (refusal) return again(409, [], refusal);
        throw error;
      }
      return c.redirect(`${STAFF}/${person.id}#personal-data`, 303);
    });
}
