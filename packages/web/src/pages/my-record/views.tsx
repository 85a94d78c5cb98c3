/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import type { MyRecord } from '@shegong/core';
import type { ExamCostRecord } from '@shegong/domain';
import { type CeStatus, type Submission, tenthsToHours } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney, formatMonth, type Messages } from '../../i18n/index.ts';
import { Card, CsrfInput, DescriptionList, Notice, Table, Tag } from '../../layout/components.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { NEW_AWARD_CLAIM } from '../awards/claim-paths.ts';
import { ExamCostSection } from '../awards/exam-costs.tsx';
import { missingLine } from '../ladder/views.tsx';
import { CeHours, CertTag, Findings, PayFigure } from '../staff/figures.tsx';
import { CeEntries, CertificatesSection } from '../staff/person.tsx';
import { OwnDataCard } from '../staff/privacy.tsx';
import type { StaffContext } from '../staff/views.tsx';

/** 我的档案 and hr's queue of submissions: the pages. */

export const MY_RECORD = '/my/record';
export const SUBMISSIONS = '/org/submissions';

type R = Messages['myRecord'];
type Linked = Extract<MyRecord, { linked: true }>;
export type RecordNotice = keyof R['notices'];

const STATUS_TONES = { pending: 'amber', confirmed: 'green', refused: 'red' } as const;

/** What a submission holds, in one line (its kind's own words). */
export function submissionWhat(c: Context<PageEnv>, s: Submission): string {
  const m = c.var.m;
  const lang = c.var.lang;
  return s.kind === 'continuing-education'
    ? m.myRecord.ceWhat(
        formatDate(s.entry.date, lang),
        tenthsToHours(s.entry.tenthHours),
        s.entry.topic,
        s.entry.provider,
      )
    : m.myRecord.certWhat(
        m.staff.certLevels[s.certificate.level],
        s.certificate.number,
        formatDate(s.certificate.obtainedOn, lang),
      );
}

/** One CE total against the rule that requires it, and what is still missing (or that it is met). */
function CeLine(props: {
  c: Context<PageEnv>;
  label: string;
  total: CeStatus['year'] | NonNullable<CeStatus['period']>;
}) {
  const { c, total } = props;
  const m = c.var.m;
  const r = m.myRecord;
  return (
    <li class="figure">
      <span>
        {props.label}
        {m.common.colon}
      </span>
      <CeHours s={m.staff} rules={m.policyRules} total={total} strong />
      {total.shortfallTenthHours > 0 ? (
        <strong class="text-warning">{r.stillMissing(tenthsToHours(total.shortfallTenthHours))}</strong>
      ) : (
        <Tag tone="green">{r.met}</Tag>
      )}
    </li>
  );
}

function ContinuingEducationCard(props: { c: Context<PageEnv>; record: Linked }) {
  const { c, record } = props;
  const { person } = record;
  const r = c.var.m.myRecord;
  const lang = c.var.lang;
  const ce = person.summary?.ce;
  return (
    <Card title={r.ce} id="continuing-education">
      {ce ? (
        <ul class="ce-totals">
          <CeLine c={c} label={r.yearTotal(ce.year.year)} total={ce.year} />
          {ce.period ? (
            <CeLine
              c={c}
              label={r.periodTotal(formatDate(ce.period.from, lang), formatDate(ce.period.to, lang))}
              total={ce.period}
            />
          ) : (
            <li class="figure">
              <span class="text-warning">{r.noPeriod}</span>
              <RuleBadge rule="N-5" rules={c.var.m.policyRules} tone="amber" />
            </li>
          )}
        </ul>
      ) : null}
      <CeEntries c={c} person={person} caption={r.ce} />
    </Card>
  );
}

function LadderCard(props: { c: Context<PageEnv>; record: Linked }) {
  const { c, record } = props;
  const m = c.var.m;
  const r = m.myRecord;
  const ladder = record.ladder;
  if (!ladder)
    return (
      <Card title={r.ladder} id="ladder">
        <p class="muted">{r.noLadder}</p>
      </Card>
    );
  const nameOf = (id: string | undefined) => (id ? (ladder.levels.find((l) => l.id === id)?.name ?? id) : undefined);
  const { standing } = ladder;
  return (
    <Card title={r.ladder} id="ladder">
      <DescriptionList
        items={[
          [r.held, nameOf(standing.held) ?? <span class="muted">{r.noLevel}</span>],
          [r.qualifiesFor, nameOf(standing.qualifiesFor) ?? r.nothing],
        ]}
      />
      {standing.next ? (
        <div>
          <p>
            <strong>{r.next(nameOf(standing.next.levelId) ?? '')}</strong>
          </p>
          {standing.next.missing.length ? (
            <>
              <p>{r.stillLacks}</p>
              <ul class="missing-list">
                {standing.next.missing.map((gap) => (
                  <li>{missingLine(m.ladder, gap)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : (
        <p>{r.topLevel}</p>
      )}
    </Card>
  );
}

function SubmissionsCard(props: { c: Context<PageEnv>; submissions: readonly Submission[] }) {
  const { c } = props;
  const r = c.var.m.myRecord;
  const lang = c.var.lang;
  return (
    <Card title={r.submissions} id="submissions">
      <Table
        caption={r.submissions}
        columns={[r.colKind, r.colWhat, r.colSubmitted, r.colStatus]}
        empty={props.submissions.length ? undefined : r.noSubmissions}
      >
        {props.submissions.map((s) => (
          <tr>
            <td data-label={r.colKind}>{r.kinds[s.kind]}</td>
            <td data-label={r.colWhat}>{submissionWhat(c, s)}</td>
            <td data-label={r.colSubmitted}>{formatDate(s.submittedAt.slice(0, 10), lang)}</td>
            <td data-label={r.colStatus}>
              <Tag tone={STATUS_TONES[s.status]}>{r.statuses[s.status]}</Tag>
              {s.status === 'refused' && s.reason ? <p class="hint">{r.refusedBecause(s.reason)}</p> : null}
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

/** Pay month by month as the actuals record it, each against the month's floor (P-W3). */
function PayMonths(props: { c: Context<PageEnv>; months: Linked['payMonths'] }) {
  const { c } = props;
  const m = c.var.m;
  const r = m.myRecord;
  return (
    <Table
      caption={r.payMonths}
      columns={[r.colMonth, r.colContract, r.colGross, r.colFloor, r.colShortfall]}
      empty={props.months.length ? undefined : r.noPayMonths}
    >
      {props.months.map((p) => (
        <tr>
          <td data-label={r.colMonth}>{formatMonth(p.month, c.var.lang)}</td>
          <td data-label={r.colContract}>{p.contractNumber}</td>
          <td data-label={r.colGross}>{formatMoney(p.grossPay)}</td>
          <td data-label={r.colFloor}>
            <span class="figure">
              <span>{formatMoney(p.floor)}</span>
              <RuleBadge
                rule={p.exempt ? 'P-W1' : p.ruleId}
                rules={m.policyRules}
                tone={p.shortfall > 0 ? 'red' : 'grey'}
              />
            </span>
          </td>
          <td data-label={r.colShortfall}>
            {p.shortfall > 0 ? <strong class="text-error">{formatMoney(p.shortfall)}</strong> : r.nothing}
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** 我的档案: findings, details, pay against the floor, ladder, certificates, CE, submissions. */
export function MyRecordPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  record: MyRecord;
  context: StaffContext;
  notice?: RecordNotice | undefined;
  /** P-A1: the member's own reimbursed exams. */
  examCosts?: readonly ExamCostRecord[] | undefined;
}) {
  const { c, who, record } = props;
  const m = c.var.m;
  const r = m.myRecord;
  const s = m.staff;
  if (!record.linked)
    return (
      <Shell c={c} who={who} title={r.title}>
        <Card id="not-linked">
          <p>{r.notLinked}</p>
        </Card>
      </Shell>
    );
  const { person } = record;
  const summary = person.summary;
  return (
    <Shell
      c={c}
      who={who}
      title={r.title}
      lead={r.lead}
      actions={
        <>
          <a class="btn" href={`${MY_RECORD}/continuing-education/new`}>
            {r.submitCe}
          </a>
          <a class="btn" href={`${MY_RECORD}/certificates/new`}>
            {r.submitCertificate}
          </a>
          {who.principal.kind === 'org' ? (
            <a class="btn" href={NEW_AWARD_CLAIM}>
              {m.awards.myRecordLink}
            </a>
          ) : null}
        </>
      }
    >
      {props.notice ? <Notice tone="success">{r.notices[props.notice]}</Notice> : null}
      {summary ? (
        <Card title={s.person.findings} id="findings">
          <Findings rules={m.policyRules} findings={summary.findings} lang={c.var.lang} empty={s.person.noFindings} />
        </Card>
      ) : null}
      <Card title={r.details} id="details">
        <DescriptionList
          items={[
            [r.name, person.name],
            [s.person.idCard, <span class="mono">{person.idCardNumber}</span>],
            [s.person.certLevel, summary ? <CertTag s={s} level={summary.certLevel} /> : m.common.none],
            [s.person.practice, summary ? s.years(summary.practiceYears) : m.common.none],
          ]}
        />
      </Card>
      <Card title={r.pay} id="pay">
        <p class="hint">{r.payLead}</p>
        <PayFigure c={c} person={person} summary={summary} />
        <PayMonths c={c} months={record.payMonths} />
      </Card>
      <LadderCard c={c} record={record} />
      <div class="card-flush">
        <CertificatesSection c={c} context={props.context} person={person} summary={summary} here={MY_RECORD} />
        <ContinuingEducationCard c={c} record={record} />
      </div>
      <SubmissionsCard c={c} submissions={record.submissions} />
      {props.examCosts ? <ExamCostSection c={c} records={props.examCosts} /> : null}
      <OwnDataCard c={c} />
    </Shell>
  );
}

/** hr's queue: each pending submission with confirm (a form of one button) and return (a page with the reason). */
export function QueuePage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  items: readonly Submission[];
  notice?: RecordNotice | undefined;
  error?: string | undefined;
}) {
  const { c, who } = props;
  const r = c.var.m.myRecord;
  const q = r.queue;
  const lang = c.var.lang;
  return (
    <Shell c={c} who={who} title={q.title} lead={q.lead}>
      {props.error ? <Notice tone="error">{props.error}</Notice> : null}
      {props.notice ? <Notice tone="success">{r.notices[props.notice]}</Notice> : null}
      <Card id="queue">
        <Table
          caption={q.title}
          columns={[q.colPerson, r.colKind, r.colWhat, r.colSubmitted, q.colActions]}
          empty={props.items.length ? undefined : q.empty}
        >
          {props.items.map((s) => {
            const here = `${SUBMISSIONS}/${s.personId}/${s.id}`;
            return (
              <tr>
                <td data-label={q.colPerson}>
                  <a href={`/org/staff/${s.personId}`}>{s.personName}</a>
                </td>
                <td data-label={r.colKind}>{r.kinds[s.kind]}</td>
                <td data-label={r.colWhat}>{submissionWhat(c, s)}</td>
                <td data-label={r.colSubmitted}>{formatDate(s.submittedAt.slice(0, 10), lang)}</td>
                <td data-label={q.colActions} class="cell-actions">
                  <form method="post" action={`${here}/confirm`} class="inline-form">
                    <CsrfInput token={c.var.csrfToken} />
                    <button type="submit" class="btn btn-primary" aria-label={q.confirmLabel(s.personName)}>
                      {q.confirm}
                    </button>
                  </form>{' '}
                  <a href={`${here}/refuse`} aria-label={q.refuseLabel(s.personName)}>
                    {q.refuse}
                  </a>
                </td>
              </tr>
            );
          })}
        </Table>
      </Card>
    </Shell>
  );
}
