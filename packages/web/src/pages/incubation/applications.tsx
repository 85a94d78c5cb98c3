/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { APPLICATION_STATUSES, type Application, type ApplicationNote, type ApplicationStatus } from '@shegong/domain';
import type { Page } from '@shegong/store';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import type { Flash } from '../../flash/flash.ts';
import { formatDate } from '../../i18n/index.ts';
import {
  Card,
  CopyField,
  CsrfInput,
  DescriptionList,
  ErrorSummary,
  errorFor,
  type FieldError,
  FilterRow,
  Notice,
  Pager,
  Table,
  Tag,
  Tags,
  TextField,
  type Tone,
} from '../../layout/components.tsx';
import { Icon } from '../../layout/icons.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { ApplicationForm, type ApplicationValues } from './application-form.tsx';
import { APPLICATIONS, applicationPath, applyPath, incubatedPath } from './paths.ts';

/** The base's intake pages: its applications, a new one, and one with its review and decision. */

const STATUS_TONES: Record<ApplicationStatus, Tone> = { applied: 'blue', admitted: 'green', declined: 'grey' };

export function ApplicationStatusTag(props: { c: Context<PageEnv>; status: ApplicationStatus }) {
  return (
    <Tag tone={STATUS_TONES[props.status]}>{props.c.var.m.incubationPages.applications.statuses[props.status]}</Tag>
  );
}

/** 拟登记 beside an applicant's name: it has no credit code yet. */
function ToBeRegistered(props: { c: Context<PageEnv>; application: Pick<Application, 'toBeRegistered'> }) {
  return props.application.toBeRegistered ? <Tag tone="amber">{props.c.var.m.platform.toBeRegistered}</Tag> : null;
}

export const statusHref = (status: ApplicationStatus | undefined, cursor?: string) => {
  const query = new URLSearchParams({ ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) }).toString();
  return query ? `${APPLICATIONS}?${query}` : APPLICATIONS;
};

const crumbs = (c: Context<PageEnv>) => [{ label: c.var.m.incubationPages.applications.title, href: APPLICATIONS }];

export function ApplicationsPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  applications: Page<Application>;
  status: ApplicationStatus | undefined;
  cursor: string | undefined;
}) {
  const { c, who, applications, status } = props;
  const m = c.var.m;
  const a = m.incubationPages.applications;
  const link = `${c.var.deps.publicBaseUrl.replace(/\/$/, '')}${applyPath(who.tenant.id)}`;
  return (
    <Shell
      c={c}
      who={who}
      title={a.title}
      lead={a.lead}
      actions={
        <a class="btn btn-primary" href={`${APPLICATIONS}/new`}>
          {a.record}
        </a>
      }
    >
      <Card id="public-link">
        <CopyField m={m} id="apply-link" label={a.publicLink} hint={a.publicLinkHint} value={link} />
      </Card>
      <FilterRow
        label={a.status}
        filters={[undefined, ...APPLICATION_STATUSES].map((s) => ({
          label: s ? a.statuses[s] : a.all,
          href: statusHref(s),
          active: status === s,
        }))}
      />
      <div class="card-flush">
        <Card id="applications">
          <Table
            caption={a.title}
            columns={[a.colName, a.colKind, a.colContact, a.colSource, a.colStatus, a.colSubmitted]}
            empty={applications.items.length ? undefined : status ? a.noneOfStatus : a.none}
          >
            {applications.items.map((application) => (
              <tr>
                <td data-label={a.colName}>
                  <a href={applicationPath(application.id)} aria-label={a.open(application.name)}>
                    {application.name}
                  </a>{' '}
                  <ToBeRegistered c={c} application={application} />
                </td>
                <td data-label={a.colKind}>{m.incubationPages.kinds[application.kind]}</td>
                <td data-label={a.colContact}>{application.contact.name}</td>
                <td data-label={a.colSource}>{m.incubationPages.sources[application.source]}</td>
                <td data-label={a.colStatus}>
                  <ApplicationStatusTag c={c} status={application.status} />
                </td>
                <td data-label={a.colSubmitted}>{formatDate(application.submittedAt, c.var.lang)}</td>
              </tr>
            ))}
          </Table>
          <Pager
            m={m}
            label={a.title}
            first={props.cursor ? statusHref(status) : undefined}
            next={applications.cursor ? statusHref(status, applications.cursor) : undefined}
          />
        </Card>
      </div>
    </Shell>
  );
}

export function NewApplicationPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  values: ApplicationValues;
  errors: readonly FieldError[];
  formKey: string;
}) {
  const { c } = props;
  const f = c.var.m.incubationPages.form;
  return (
    <Shell c={c} who={props.who} title={f.newTitle} lead={f.newLead} crumbs={crumbs(c)} here={`${APPLICATIONS}/new`}>
      <Card>
        <ApplicationForm
          c={c}
          action={`${APPLICATIONS}/new`}
          values={props.values}
          errors={props.errors}
          formKey={props.formKey}
          submit={f.submit}
          cancel={APPLICATIONS}
        />
      </Card>
    </Shell>
  );
}

/** What one application's page shows besides the application: names, notices, the forms' state. */
export interface ApplicationView {
  application: Application;
  notes: readonly ApplicationNote[];
  /** Who recorded and decided, and who wrote each note: members' names by id. */
  names: ReadonlyMap<string, string>;
  admitted?: Extract<Flash, { t: 'admitted' }> | undefined;
  notice?: { tone: 'success' | 'error'; text: string } | undefined;
  /** Which form failed (its values and errors), when the page answers a post. */
  failed?: { form: 'note' | 'admit' | 'decline'; values: Record<string, string>; errors: readonly FieldError[] };
  /** One key per creating form (a key names one operation): the note's and the admission's. */
  keys: { note: string; admit: string };
}

export function ApplicationPage(props: { c: Context<PageEnv>; who: SignedIn; view: ApplicationView }) {
  const { c, who, view } = props;
  const { application } = view;
  const p = m(c);
  return (
    <Shell
      c={c}
      who={who}
      title={application.name}
      crumbs={crumbs(c)}
      here={applicationPath(application.id)}
      actions={<ApplicationStatusTag c={c} status={application.status} />}
    >
      {view.notice ? <Notice tone={view.notice.tone}>{view.notice.text}</Notice> : null}
      {view.admitted ? <AdmittedCard c={c} admitted={view.admitted} /> : null}
      <ErrorSummary m={c.var.m} errors={view.failed?.errors ?? []} />
      {application.decision ? <DecisionCard c={c} view={view} /> : null}
      <Card title={p.application.details} id="details">
        <DetailsList c={c} view={view} />
      </Card>
      <NotesCard c={c} view={view} />
      {application.status === 'applied' ? (
        <div class="grid-2">
          <AdmitCard c={c} view={view} />
          <DeclineCard c={c} view={view} />
        </div>
      ) : null}
    </Shell>
  );
}

const m = (c: Context<PageEnv>) => c.var.m.incubationPages;

/** Who did it: a member's name, or the applicant for a submission through the public link. */
export function byName(c: Context<PageEnv>, names: ReadonlyMap<string, string>, userId: string): string {
  return names.get(userId) ?? (userId === 'public' ? m(c).application.publicSubmitter : userId);
}

function DetailsList(props: { c: Context<PageEnv>; view: ApplicationView }) {
  const { c, view } = props;
  const { application } = view;
  const p = m(c);
  const a = p.application;
  const f = p.form;
  return (
    <DescriptionList
      items={[
        [a.status, <ApplicationStatusTag c={c} status={application.status} />],
        [a.source, p.sources[application.source]],
        [a.submitted, formatDate(application.submittedAt, c.var.lang)],
        ...(application.source === 'operator'
          ? [[a.recordedBy, byName(c, view.names, application.recordedBy.userId)] as [string, Child]]
          : []),
        [a.kind, p.kinds[application.kind]],
        [
          a.founders,
          <ul class="steps-list">
            {application.founders.map((founder) => (
              <li>
                {founder.name}
                {founder.role ? <span class="muted"> · {founder.role}</span> : null}
              </li>
            ))}
          </ul>,
        ],
        [
          a.contact,
          <span>
            {application.contact.name} · {application.contact.phone} · {application.contact.email}
          </span>,
        ],
        [a.serviceArea, application.serviceArea],
        [
          a.services,
          // A long service name wraps inside its tag on a phone.
          <span class="service-tags">
            <Tags>
              {application.services.map((s) => (
                <Tag tone="blue">{c.var.m.contracts.services[s]}</Tag>
              ))}
            </Tags>
          </span>,
        ],
        [
          a.registration,
          application.uscc ? <span class="mono">{application.uscc}</span> : <Tag tone="amber">{f.toBeRegistered}</Tag>,
        ],
      ]}
    />
  );
}

/** A decided application: who decided, when, why (declined) or which organisation it became (admitted). */
function DecisionCard(props: { c: Context<PageEnv>; view: ApplicationView }) {
  const { c, view } = props;
  const { application } = view;
  const decision = application.decision;
  if (!decision) return null;
  const a = m(c).application;
  return (
    <Card title={a.decision} id="decision">
      <DescriptionList
        items={[
          [a.status, <ApplicationStatusTag c={c} status={application.status} />],
          [a.decidedBy, byName(c, view.names, decision.by.userId)],
          [a.decidedAt, formatDate(decision.at, c.var.lang)],
          ...(decision.reason ? [[a.reason, decision.reason] as [string, Child]] : []),
          ...(decision.organisationId
            ? [
                [
                  a.organisation,
                  <a href={incubatedPath(decision.organisationId)}>
                    {application.name} · {a.openRecord}
                  </a>,
                ] as [string, Child],
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** Right after admission: the new organisation and its administrator's link, shown this once. */
function AdmittedCard(props: { c: Context<PageEnv>; admitted: Extract<Flash, { t: 'admitted' }> }) {
  const { c, admitted } = props;
  const a = m(c).application;
  return (
    <Card id="admitted">
      <div class="panel-success" role="status">
        <span class="result-icon" aria-hidden="true">
          <Icon name="check" class="result-svg" />
        </span>
        <h2>{a.admittedTitle(admitted.name)}</h2>
        <p>{a.admittedLead}</p>
        <p>{admitted.mailed ? a.mailed(admitted.email) : a.notMailed(admitted.email)}</p>
        <p>{c.var.m.invite.expires(formatDate(admitted.expiresOn, c.var.lang))}</p>
      </div>
      <CopyField m={c.var.m} id="invitation-link" label={a.linkLabel} hint={a.linkHint} value={admitted.link} />
    </Card>
  );
}

function failedValue(view: ApplicationView, form: 'note' | 'admit' | 'decline', name: string): string | undefined {
  return view.failed?.form === form ? view.failed.values[name] : undefined;
}
function failedError(view: ApplicationView, form: 'note' | 'admit' | 'decline', field: string) {
  return view.failed?.form === form ? errorFor(view.failed.errors, field) : undefined;
}

function NotesCard(props: { c: Context<PageEnv>; view: ApplicationView }) {
  const { c, view } = props;
  const a = m(c).application;
  const { application } = view;
  return (
    <Card title={a.notes} id="notes">
      {view.notes.length ? (
        <ol class="steps-list">
          {view.notes.map((note) => (
            <li>
              <div class="step-head">
                {formatDate(note.at, c.var.lang)} · {byName(c, view.names, note.by.userId)}
              </div>
              <div>{note.text}</div>
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">{a.noNotes}</p>
      )}
      {application.status === 'applied' ? (
        <form class="form" method="post" action={`${applicationPath(application.id)}/notes`} novalidate>
          <CsrfInput token={c.var.csrfToken} />
          <input type="hidden" name="_key" value={view.keys.note} />
          <TextField
            m={c.var.m}
            id="note"
            name="note"
            label={a.note}
            hint={a.noteHint}
            value={failedValue(view, 'note', 'note')}
            error={failedError(view, 'note', 'note')}
            maxlength={2000}
          />
          <button type="submit" class="btn">
            {a.addNote}
          </button>
        </form>
      ) : null}
    </Card>
  );
}

function AdmitCard(props: { c: Context<PageEnv>; view: ApplicationView }) {
  const { c, view } = props;
  const { application } = view;
  const a = m(c).application;
  const mode = failedValue(view, 'admit', 'mode') ?? '';
  return (
    <Card title={a.admitTitle} id="admit">
      <p>{a.admitLead}</p>
      <form class="form" method="post" action={`${applicationPath(application.id)}/admit`} novalidate>
        <CsrfInput token={c.var.csrfToken} />
        <input type="hidden" name="_key" value={view.keys.admit} />
        <input type="hidden" name="version" value={String(application.version)} />
        <TextField
          m={c.var.m}
          id="startDate"
          name="startDate"
          type="date"
          label={a.startDate}
          value={failedValue(view, 'admit', 'startDate')}
          error={failedError(view, 'admit', 'startDate')}
          width="medium"
        />
        <TextField
          m={c.var.m}
          id="periodMonths"
          name="periodMonths"
          label={a.periodMonths}
          hint={a.periodHint}
          value={failedValue(view, 'admit', 'periodMonths')}
          error={failedError(view, 'admit', 'periodMonths')}
          inputmode="numeric"
          width="short"
        />
        <fieldset class={`field fieldset${failedError(view, 'admit', 'mode') ? ' field-has-error' : ''}`}>
          <legend class="label">{a.mode}</legend>
          {failedError(view, 'admit', 'mode') ? (
            <p class="field-error" id="mode-error">
              {failedError(view, 'admit', 'mode')}
            </p>
          ) : null}
          <div class="choices choices-inline">
            {(['physical', 'virtual'] as const).map((value) => (
              <div class="choice">
                <input
                  class="choice-input"
                  type="radio"
                  id={`mode-${value}`}
                  name="mode"
                  value={value}
                  checked={mode === value}
                />
                <label class="choice-label" for={`mode-${value}`}>
                  {a.modes[value]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <TextField
          m={c.var.m}
          id="space"
          name="space"
          label={a.space}
          hint={a.spaceHint}
          value={failedValue(view, 'admit', 'space')}
          error={failedError(view, 'admit', 'space')}
          width="medium"
          maxlength={100}
        />
        <button type="submit" class="btn btn-primary">
          {a.admit}
        </button>
      </form>
    </Card>
  );
}

function DeclineCard(props: { c: Context<PageEnv>; view: ApplicationView }) {
  const { c, view } = props;
  const { application } = view;
  const a = m(c).application;
  return (
    <Card title={a.declineTitle} id="decline">
      <form class="form" method="post" action={`${applicationPath(application.id)}/decline`} novalidate>
        <CsrfInput token={c.var.csrfToken} />
        <input type="hidden" name="version" value={String(application.version)} />
        <TextField
          m={c.var.m}
          id="reason"
          name="reason"
          label={a.declineReason}
          hint={a.declineHint}
          value={failedValue(view, 'decline', 'reason')}
          error={failedError(view, 'decline', 'reason')}
          maxlength={1000}
        />
        <button type="submit" class="btn btn-danger">
          {a.decline}
        </button>
      </form>
    </Card>
  );
}
