/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  type IncubatedFigures as Figures,
  followsCurrentFigures,
  type Incubation,
  type IncubationStage,
  type Invitation,
  moveRefusal,
} from '@shegong/domain';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { formatDate } from '../../i18n/index.ts';
import {
  Card,
  CsrfInput,
  DescriptionList,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  Table,
  Tag,
  TextField,
  type Tone,
} from '../../layout/components.tsx';
import { InvitationStatusTag } from '../../layout/labels.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { byName } from './applications.tsx';
import { IncubatedFigures } from './figures.tsx';
import { applicationPath, INCUBATED, incubatedPath, recordTabPath } from './paths.ts';
import { RecordTabs } from './record-tabs.tsx';

/**
 * The overview tab of one organisation's incubation record: who it is (未登记 while it has no
 * credit code), its stage and agreement, the dated steps, the moves its stage allows (graduation
 * lives on the milestones tab, where the base's criteria are checked), and its administrator's
 * invitations to reissue.
 */

/** The moves this tab records; graduation is the milestones tab's. */
export const OVERVIEW_MOVES = ['midterm_review', 'extend', 'leave'] as const;
export type OverviewMove = (typeof OVERVIEW_MOVES)[number];

const STAGE_TONES: Record<IncubationStage, Tone> = {
  incubating: 'blue',
  midterm_reviewed: 'cyan',
  extended: 'amber',
  graduated: 'green',
  left: 'grey',
};

export function StageTag(props: { c: Context<PageEnv>; stage: IncubationStage }) {
  return <Tag tone={STAGE_TONES[props.stage]}>{props.c.var.m.incubation.stages[props.stage]}</Tag>;
}

export interface RecordView {
  record: Incubation;
  invitations: readonly Invitation[];
  /** What the base sees of the organisation: aggregates while it is incubated, none after. */
  figures: Figures;
  names: ReadonlyMap<string, string>;
  notice?: { tone: 'success' | 'error'; text: string } | undefined;
  /** The move whose form failed, with what was typed and its errors. */
  failed?: { move: OverviewMove; values: Record<string, string>; errors: readonly FieldError[] } | undefined;
  today: string;
}

const p = (c: Context<PageEnv>) => c.var.m.incubationPages;

export function RecordOverviewPage(props: { c: Context<PageEnv>; who: SignedIn; view: RecordView }) {
  const { c, who, view } = props;
  const { record } = view;
  const r = p(c).record;
  const open = followsCurrentFigures(record);
  return (
    <Shell
      c={c}
      who={who}
      title={record.organisationName}
      crumbs={[{ label: c.var.m.nav.incubated, href: INCUBATED }]}
      here={incubatedPath(record.id)}
      actions={
        <span class="tags">
          {record.toBeRegistered ? <Tag tone="amber">{c.var.m.platform.toBeRegistered}</Tag> : null}
          <StageTag c={c} stage={record.stage} />
        </span>
      }
    >
      <RecordTabs c={c} organisationId={record.id} active="overview" />
      {view.notice ? <Notice tone={view.notice.tone}>{view.notice.text}</Notice> : null}
      {open ? null : <Notice tone="info">{r.history}</Notice>}
      <ErrorSummary m={c.var.m} errors={view.failed?.errors ?? []} />
      <AgreementCard c={c} record={record} />
      <IncubatedFigures c={c} figures={view.figures} />
      <StepsCard c={c} view={view} />
      {open ? <MovesCard c={c} view={view} /> : null}
      <InvitationsCard c={c} view={view} />
    </Shell>
  );
}

function AgreementCard(props: { c: Context<PageEnv>; record: Incubation }) {
  const { c, record } = props;
  const r = p(c).record;
  const a = p(c).application;
  const { agreement } = record;
  const date = (d: string) => formatDate(d, c.var.lang);
  return (
    <Card title={r.agreement} id="agreement">
      <DescriptionList
        items={[
          [r.stage, <StageTag c={c} stage={record.stage} />],
          [
            r.uscc,
            record.uscc ? (
              <span class="mono">{record.uscc}</span>
            ) : (
              <Tag tone="amber">{c.var.m.platform.toBeRegistered}</Tag>
            ),
          ],
          [r.start, date(agreement.startDate)],
          [r.end, date(record.endDate)],
          [r.period, r.months(agreement.periodMonths)],
          [r.mode, a.modes[agreement.mode]],
          ...(agreement.space ? [[r.space, agreement.space] as [string, Child]] : []),
          [r.application, <a href={applicationPath(record.applicationId)}>{r.openApplication}</a>],
        ]}
      />
    </Card>
  );
}

/** The dated steps, oldest first: what, when, who recorded it, and the note or reason. */
function StepsCard(props: { c: Context<PageEnv>; view: RecordView }) {
  const { c, view } = props;
  const r = p(c).record;
  return (
    <Card title={r.steps} id="steps">
      <Table caption={r.steps} columns={[r.stepOn, r.stepAction, r.stepBy, r.stepDetail]}>
        {view.record.steps.map((step) => (
          <tr>
            <td data-label={r.stepOn}>{formatDate(step.on, c.var.lang)}</td>
            <td data-label={r.stepAction}>{r.actions[step.action]}</td>
            <td data-label={r.stepBy}>{byName(c, view.names, step.by.userId)}</td>
            <td data-label={r.stepDetail}>
              {[
                step.newEndDate ? r.newEnd(formatDate(step.newEndDate, c.var.lang)) : '',
                step.reason ?? '',
                step.note ?? '',
              ]
                .filter(Boolean)
                .join(' · ') || c.var.m.common.none}
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

/** The forms of the moves the stage allows; a failed one comes back with its values and errors. */
function MovesCard(props: { c: Context<PageEnv>; view: RecordView }) {
  const { c, view } = props;
  const { record } = view;
  const r = p(c).record;
  const value = (move: OverviewMove, name: string) =>
    view.failed?.move === move ? view.failed.values[name] : name === 'on' ? view.today : undefined;
  const error = (move: OverviewMove, field: string) =>
    view.failed?.move === move ? errorFor(view.failed.errors, field) : undefined;
  const action = `${incubatedPath(record.id)}/transitions`;
  const Form = (form: { move: OverviewMove; title: string; submit: string; danger?: boolean; children: Child }) => (
    <section class="move" id={`move-${form.move}`} aria-labelledby={`move-${form.move}-title`}>
      <h3 class="section-title" id={`move-${form.move}-title`}>
        {form.title}
      </h3>
      <form class="form" method="post" action={action} novalidate>
        <CsrfInput token={c.var.csrfToken} />
        <input type="hidden" name="move" value={form.move} />
        <input type="hidden" name="version" value={String(record.version)} />
        <TextField
          m={c.var.m}
          id={`${form.move}-on`}
          name="on"
          type="date"
          label={r.on}
          hint={r.onHint}
          value={value(form.move, 'on')}
          error={error(form.move, 'on')}
          width="medium"
        />
        {form.children}
        <button type="submit" class={`btn ${form.danger ? 'btn-danger' : 'btn-primary'}`}>
          {form.submit}
        </button>
      </form>
    </section>
  );
  return (
    <Card title={r.moves} id="moves">
      {moveRefusal(record, 'midterm_review') ? (
        <p>{record.midtermReviewedOn ? r.midtermDone(formatDate(record.midtermReviewedOn, c.var.lang)) : null}</p>
      ) : (
        <Form move="midterm_review" title={r.midtermTitle} submit={r.midtermSubmit}>
          <TextField
            m={c.var.m}
            id="midterm_review-note"
            name="note"
            label={r.midtermNote}
            value={value('midterm_review', 'note')}
            error={error('midterm_review', 'note')}
            maxlength={2000}
          />
        </Form>
      )}
      <p>
        {r.graduate} <a href={recordTabPath(record.id, 'milestones')}>{r.openGraduation}</a>
      </p>
      <hr class="divider" />
      <Form move="extend" title={r.extendTitle} submit={r.extendSubmit}>
        <TextField
          m={c.var.m}
          id="extend-newEndDate"
          name="newEndDate"
          type="date"
          label={r.newEndDate}
          value={value('extend', 'newEndDate')}
          error={error('extend', 'newEndDate')}
          width="medium"
        />
        <TextField
          m={c.var.m}
          id="extend-reason"
          name="reason"
          label={r.extendReason}
          value={value('extend', 'reason')}
          error={error('extend', 'reason')}
          maxlength={1000}
        />
      </Form>
      <hr class="divider" />
      <Form move="leave" title={r.leaveTitle} submit={r.leaveSubmit} danger>
        <TextField
          m={c.var.m}
          id="leave-reason"
          name="reason"
          label={r.leaveReason}
          hint={r.leaveHint}
          value={value('leave', 'reason')}
          error={error('leave', 'reason')}
          maxlength={1000}
        />
      </Form>
    </Card>
  );
}

/** The administrator's invitations, newest first; a pending or expired one can be reissued. */
function InvitationsCard(props: { c: Context<PageEnv>; view: RecordView }) {
  const { c, view } = props;
  const r = p(c).record;
  return (
    <Card title={r.invitations} id="invitations">
      <p class="hint">{r.invitationsHint}</p>
      <Table
        caption={r.invitations}
        columns={[r.colEmail, r.colStatus, r.colExpires, '']}
        empty={view.invitations.length ? undefined : r.noInvitations}
      >
        {view.invitations.map((invitation) => (
          <tr>
            <td data-label={r.colEmail}>{invitation.email}</td>
            <td data-label={r.colStatus}>
              <InvitationStatusTag m={c.var.m} status={invitation.status} />
            </td>
            <td data-label={r.colExpires}>{formatDate(invitation.expiresOn, c.var.lang)}</td>
            <td class="cell-actions">
              {invitation.status === 'pending' || invitation.status === 'expired' ? (
                <form
                  method="post"
                  action={`${incubatedPath(view.record.id)}/invitations/${encodeURIComponent(invitation.id)}/reissue`}
                >
                  <CsrfInput token={c.var.csrfToken} />
                  <button type="submit" class="btn" aria-label={`${r.reissue} ${invitation.email}`}>
                    {r.reissue}
                  </button>
                </form>
              ) : null}
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
