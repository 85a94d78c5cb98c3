/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import {
  asRefusal,
  Conflict,
  type FieldProblem,
  getIncubation,
  Invalid,
  listIncubations,
  listSupport,
  NotFound,
  recordSupport,
  supportTotals,
} from '@shegong/core';
import {
  followsCurrentFigures,
  type Incubation,
  MAX_SUBSIDY_FEN,
  MAX_SUPPORT_TENTH_HOURS,
  SUBSIDY_SCHEMES,
  SUPPORT_KINDS,
  type SupportEntry,
  type SupportKind,
  tenthsToHours,
} from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { amountField } from '../../forms/amount.ts';
import { readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import { formatDate, formatMoney } from '../../i18n/index.ts';
import {
  Card,
  Choices,
  CsrfInput,
  DescriptionList,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  Pager,
  Table,
  TextField,
} from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { Shell, signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { INCUBATED, recordTabPath } from './paths.ts';
import { RecordTabs } from './record-tabs.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Entries shown per list; each list pages on with its own cursor (`?<kind>=<cursor>`). */
const LIST_PAGE = 10;
/** The other organisations a training form offers: the base's open records among its latest 100. */
const OTHERS_READ = 100;

/** The record the path names (its id is the organisation's tenant id); anything else is not there. */
export async function pathRecord(c: Context<PageEnv>): Promise<Incubation> {
  const id = c.req.param('incubationId') ?? '';
  if (!UUID.test(id)) throw new NotFound('There is nothing at this address');
  return getIncubation(c.var.ctx, id);
}

/** A form being filled in: which kind, its fields as typed, the organisations ticked. */
interface SupportForm {
  kind: SupportKind;
  values: Record<string, string>;
  alsoAttended: string[];
}

const fieldId = (kind: SupportKind, name: string) => `${kind}-${name}`;

async function supportPage(
  c: Context<PageEnv>,
  record: Incubation,
  form?: SupportForm,
  errors: FieldError[] = [],
  status: 200 | 400 | 409 = 200,
) {
  const who = await signedIn(c);
  const m = c.var.m;
  const k = m.incubationSupport;
  const ctx = c.var.ctx;
  const here = recordTabPath(record.id, 'support');
  const open = followsCurrentFigures(record);
  const cursorOf = (kind: SupportKind) => {
    const cursor = c.req.query(kind);
    return cursor && cursor.length <= 2000 ? { cursor } : {};
  };
  const [totals, lists, others] = await Promise.all([
    supportTotals(ctx, record.id),
    Promise.all(
      SUPPORT_KINDS.map((kind) => listSupport(ctx, record.id, kind, { limit: LIST_PAGE, ...cursorOf(kind) })),
    ),
    open ? listIncubations(ctx, {}, { limit: OTHERS_READ }) : Promise.resolve({ items: [] as Incubation[] }),
  ]);
  const otherRecords = others.items.filter((r) => r.id !== record.id && followsCurrentFigures(r));
  const date = (d: string) => formatDate(d, c.var.lang);
  const value = (kind: SupportKind, name: string) => (form?.kind === kind ? (form.values[name] ?? '') : '');
  const err = (kind: SupportKind, name: string) => errorFor(errors, fieldId(kind, name));
  const columns: Record<SupportKind, string[]> = {
    training: [k.on, k.title, k.hours, k.attendees],
    mentoring: [k.on, k.mentor, k.topic, k.hours],
    subsidy: [k.on, k.scheme, k.purpose, k.amount],
    registration_help: [k.on, k.what],
  };
  const cells = (e: SupportEntry): string[] => {
    switch (e.kind) {
      case 'training':
        return [
          date(e.on),
          e.title ?? '',
          tenthsToHours(e.tenthHours ?? 0),
          (e.attendees ?? []).map((a) => a.organisationName).join('、'),
        ];
      case 'mentoring':
        return [date(e.on), e.mentor ?? '', e.topic ?? '', tenthsToHours(e.tenthHours ?? 0)];
      case 'subsidy':
        return [date(e.on), e.scheme ? k.schemes[e.scheme] : '', e.purpose ?? '', formatMoney(e.amount ?? 0)];
      case 'registration_help':
        return [date(e.on), e.what ?? ''];
    }
  };
  const dateField = (kind: SupportKind) => (
    <TextField
      m={m}
      id={fieldId(kind, 'on')}
      name={fieldId(kind, 'on')}
      label={k.on}
      hint={k.onHint}
      type="date"
      width="medium"
      value={value(kind, 'on')}
      error={err(kind, 'on')}
    />
  );
  const text = (kind: SupportKind, name: string, label: string, max: number, hint?: string) => (
    <TextField
      m={m}
      id={fieldId(kind, name)}
      name={fieldId(kind, name)}
      label={label}
      hint={hint}
      value={value(kind, name)}
      error={err(kind, name)}
      maxlength={max}
    />
  );
  const hours = (kind: SupportKind) => (
    <TextField
      m={m}
      id={fieldId(kind, 'hours')}
      name={fieldId(kind, 'hours')}
      label={k.hours}
      hint={k.hoursHint}
      value={value(kind, 'hours')}
      error={err(kind, 'hours')}
      inputmode="decimal"
      width="short"
    />
  );
  const fields: Record<SupportKind, unknown> = {
    training: (
      <>
        {dateField('training')}
        {text('training', 'title', k.title, 200)}
        {hours('training')}
        {otherRecords.length ? (
          <Choices
            m={m}
            type="checkbox"
            name={fieldId('training', 'alsoAttended')}
            legend={k.alsoAttended}
            hint={k.alsoAttendedHint}
            error={err('training', 'alsoAttended')}
            choices={otherRecords.map((r) => ({ value: r.id, label: r.organisationName }))}
            selected={form?.kind === 'training' ? form.alsoAttended : []}
          />
        ) : (
          <p class="hint">{k.noOthers}</p>
        )}
      </>
    ),
    mentoring: (
      <>
        {dateField('mentoring')}
        {text('mentoring', 'mentor', k.mentor, 60)}
        {text('mentoring', 'topic', k.topic, 200)}
        {hours('mentoring')}
      </>
    ),
    subsidy: (
      <>
        {dateField('subsidy')}
        <Choices
          m={m}
          type="radio"
          name={fieldId('subsidy', 'scheme')}
          legend={k.scheme}
          error={err('subsidy', 'scheme')}
          choices={SUBSIDY_SCHEMES.map((s) => ({ value: s, label: k.schemes[s] }))}
          selected={[value('subsidy', 'scheme') || 'small_activity']}
          inline
        />
        {text('subsidy', 'purpose', k.purpose, 200)}
        <TextField
          m={m}
          id={fieldId('subsidy', 'amount')}
          name={fieldId('subsidy', 'amount')}
          label={k.amount}
          hint={k.amountHint}
          value={value('subsidy', 'amount')}
          error={err('subsidy', 'amount')}
          inputmode="decimal"
          width="medium"
        />
      </>
    ),
    registration_help: (
      <>
        {dateField('registration_help')}
        <div class={`field${err('registration_help', 'what') ? ' field-has-error' : ''}`}>
          <label class="label" for={fieldId('registration_help', 'what')}>
            {k.what}
          </label>
          {err('registration_help', 'what') ? <p class="field-error">{err('registration_help', 'what')}</p> : null}
          <textarea
            class="textarea"
            id={fieldId('registration_help', 'what')}
            name={fieldId('registration_help', 'what')}
            rows={3}
            maxlength={1000}
          >
            {value('registration_help', 'what')}
          </textarea>
        </div>
      </>
    ),
  };
  return render(
    c,
    <Shell
      c={c}
      who={who}
      title={k.supportTitle(record.organisationName)}
      lead={k.supportLead}
      crumbs={[{ label: m.nav.incubated, href: INCUBATED }]}
      here={here}
    >
      <RecordTabs c={c} organisationId={record.id} active="support" />
      <ErrorSummary m={m} errors={errors} />
      {c.req.query('recorded') === '1' ? <Notice tone="success">{k.recorded}</Notice> : null}
      {open ? null : <Notice tone="info">{k.closed}</Notice>}
      <Card title={k.totalsTitle} id="totals">
        <DescriptionList
          items={[
            [k.trainingHours, `${tenthsToHours(totals.trainingTenthHours)}（${k.trainings(totals.trainings)}）`],
            [k.mentoringSessions, String(totals.mentoringSessions)],
            [k.subsidyTotal, formatMoney(totals.subsidyFen)],
            [k.registrationHelps, String(totals.registrationHelps)],
          ]}
        />
      </Card>
      {SUPPORT_KINDS.map((kind, i) => {
        const list = lists[i] ?? { items: [] };
        return (
          <Card title={k.listTitles[kind]} id={`list-${kind}`}>
            <Table caption={k.listTitles[kind]} columns={columns[kind]} empty={list.items.length ? undefined : k.empty}>
              {list.items.map((e) => (
                <tr>
                  {cells(e).map((cell, j) => (
                    // Text columns (titles, names, what was done) take the full width on a phone.
                    <td data-label={columns[kind][j]} class={j === 0 ? undefined : 'cell-note'}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </Table>
            <Pager
              m={m}
              label={k.listTitles[kind]}
              first={c.req.query(kind) ? `${here}#list-${kind}` : undefined}
              next={list.cursor ? `${here}?${kind}=${encodeURIComponent(list.cursor)}#list-${kind}` : undefined}
            />
            {open ? (
              <details class="record-form" open={form?.kind === kind}>
                <summary class="btn">{k.recordTitles[kind]}</summary>
                <form method="post" action={here} novalidate>
                  <CsrfInput token={c.var.csrfToken} />
                  <input type="hidden" name="_key" value={randomToken()} />
                  <input type="hidden" name="kind" value={kind} />
                  {fields[kind]}
                  <div class="actions">
                    <button type="submit" class="btn btn-primary">
                      {k.save}
                    </button>
                  </div>
                </form>
              </details>
            ) : null}
          </Card>
        );
      })}
    </Shell>,
    status,
  );
}

export async function supportGet(c: Context<PageEnv>) {
  return supportPage(c, await pathRecord(c));
}

/** The form's fields as the use case's input, or each field the form itself can tell is wrong. */
function supportInput(
  c: Context<PageEnv>,
  form: SupportForm,
): { input?: Record<string, unknown>; errors: FieldError[] } {
  const m = c.var.m;
  const k = m.incubationSupport;
  const { kind, values } = form;
  const errors: FieldError[] = [];
  const input: Record<string, unknown> = { kind, on: values.on };
  const read = (name: string, amount: 'hours' | 'yuan', label: string, max: number) => {
    const got = amountField(m, amount, values[name] ?? '', { label, bound: { maxValue: max } });
    if (got.ok) return got.value;
    errors.push({ field: fieldId(kind, name), message: got.message });
    return undefined;
  };
  if (kind === 'training') {
    Object.assign(input, { title: values.title, tenthHours: read('hours', 'hours', k.hours, MAX_SUPPORT_TENTH_HOURS) });
    if (form.alsoAttended.length) input.alsoAttended = form.alsoAttended;
  } else if (kind === 'mentoring') {
    Object.assign(input, {
      mentor: values.mentor,
      topic: values.topic,
      tenthHours: read('hours', 'hours', k.hours, MAX_SUPPORT_TENTH_HOURS),
    });
  } else if (kind === 'subsidy') {
    Object.assign(input, {
      scheme: values.scheme,
      purpose: values.purpose,
      amount: read('amount', 'yuan', k.amount, MAX_SUBSIDY_FEN),
    });
  } else input.what = values.what;
  return errors.length ? { errors } : { input, errors };
}

/** A refusal's field problems in the form's words, each at its field. */
function problemErrors(c: Context<PageEnv>, kind: SupportKind, problems: readonly FieldProblem[]): FieldError[] {
  const m = c.var.m;
  const k = m.incubationSupport;
  return problems.map((p) => {
    const name = p.path.split('/')[1] ?? 'on';
    if (name === 'tenthHours')
      return { field: fieldId(kind, 'hours'), message: m.errors.amount(k.hours, 'hours', { problem: 'empty' }) };
    if (name === 'amount')
      return { field: fieldId(kind, 'amount'), message: m.errors.amount(k.amount, 'yuan', { problem: 'empty' }) };
    if (name === 'alsoAttended') return { field: fieldId(kind, 'alsoAttended'), message: k.errors.alsoAttended };
    if (name === 'on' && p.code === 'inFuture') return { field: fieldId(kind, 'on'), message: k.errors.inFuture };
    const message = Object.hasOwn(k.errors, name) ? k.errors[name as keyof typeof k.errors] : p.message;
    return { field: fieldId(kind, name), message };
  });
}

export async function supportPosted(c: Context<PageEnv>) {
  const record = await pathRecord(c);
  const posted = await readForm(c);
  const kind = SUPPORT_KINDS.find((x) => x === posted.text('kind'));
  if (!kind) throw new Invalid('The form names no kind of support', { reason: 'unreadableForm' });
  const names = ['title', 'hours', 'mentor', 'topic', 'scheme', 'purpose', 'amount', 'what'];
  const form: SupportForm = {
    kind,
    values: {
      on: posted.date(fieldId(kind, 'on')),
      ...Object.fromEntries(names.map((n) => [n, posted.text(fieldId(kind, n))])),
    },
    alsoAttended: posted.list(fieldId(kind, 'alsoAttended')),
  };
  const { input, errors } = supportInput(c, form);
  if (!input) return supportPage(c, record, form, errors, 400);
  const key = FORM_KEY.test(posted.text('_key')) ? posted.text('_key') : undefined;
  try {
    await recordSupport(c.var.ctx, record.id, input, key);
    return c.redirect(`${recordTabPath(record.id, 'support')}?recorded=1#list-${kind}`, 303);
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal instanceof Invalid) return supportPage(c, record, form, problemErrors(c, kind, refusal.fields), 400);
    if (refusal instanceof Conflict && refusal.reason === 'closed')
      return supportPage(
        c,
        await pathRecord(c),
        form,
        refusal.fields.length
          ? problemErrors(c, kind, refusal.fields)
          : [{ field: fieldId(kind, 'on'), message: c.var.m.incubationSupport.closed }],
        409,
      );
    throw error;
  }
}
