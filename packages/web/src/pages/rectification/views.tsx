/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { ContractHistoryPage } from '@shegong/core';
import {
  formatDate,
  POLICY_RULE_IDS,
  RECTIFICATION_FILTERS,
  type RectificationFilter,
  type RectificationView,
} from '@shegong/domain';
import type { Page } from '@shegong/store';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import {
  Card,
  CsrfInput,
  DescriptionList,
  ErrorSummary,
  errorFor,
  type FieldError,
  FilterRow,
  Notice,
  Pager,
  SelectField,
  Table,
  Tag,
  Tags,
  TextField,
  type Tone,
} from '../../layout/components.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { TextAreaField } from './fields.tsx';
import { findingHref, listHref, raiseHref, type Side } from './paths.ts';

const STATE_TONES: Record<string, Tone> = { open: 'blue', answered: 'cyan', reopened: 'amber', closed: 'green' };

/** A finding's state, severity and, when so, overdue: tags. */
export function FindingTags(props: { c: Context<PageEnv>; finding: RectificationView }) {
  const r = props.c.var.m.rectification;
  const { finding } = props;
  return (
    <Tags>
      <Tag tone={STATE_TONES[finding.state] ?? 'grey'}>{r.states[finding.state]}</Tag>
      {finding.overdue ? <Tag tone="red">{r.overdue}</Tag> : null}
    </Tags>
  );
}

function SeverityTag(props: { c: Context<PageEnv>; severity: string }) {
  return (
    <Tag tone={props.severity === 'error' ? 'red' : 'amber'}>
      {props.c.var.m.rectification.severities[props.severity]}
    </Tag>
  );
}

/** The table of findings: on the lists and in a contract's section. */
export function FindingTable(props: {
  c: Context<PageEnv>;
  side: Side;
  findings: readonly RectificationView[];
  /** A contract's section leaves the contract column out. */
  withContract?: boolean;
}) {
  const { c, side } = props;
  const m = c.var.m;
  const r = m.rectification;
  const lang = c.var.lang;
  const columns = [
    ...(props.withContract === false ? [] : [r.columns.contract]),
    side === 'bureau' ? r.columns.organisation : r.columns.bureau,
    r.columns.rule,
    r.columns.severity,
    r.columns.deadline,
    r.columns.state,
    '',
  ];
  return (
    <Table caption={r.title} columns={columns} empty={props.findings.length ? undefined : r.empty}>
      {props.findings.map((f) => (
        <tr>
          {props.withContract === false ? null : (
            <td data-label={r.columns.contract}>
              {f.contractNumber} · {f.contractTitle}
            </td>
          )}
          <td data-label={side === 'bureau' ? r.columns.organisation : r.columns.bureau}>
            {side === 'bureau' ? f.organisationName : f.bureauName}
          </td>
          <td data-label={r.columns.rule}>
            <RuleBadge rules={m.policyRules} rule={f.ruleId} tone={f.severity === 'error' ? 'red' : 'amber'} />
          </td>
          <td data-label={r.columns.severity}>
            <SeverityTag c={c} severity={f.severity} />
          </td>
          <td data-label={r.columns.deadline} class="nowrap">
            {formatDate(f.deadline, lang)}
          </td>
          <td data-label={r.columns.state}>
            <FindingTags c={c} finding={f} />
          </td>
          <td class="cell-actions">
            <a href={findingHref(side, f.id)} aria-label={`${r.open} · ${f.contractNumber} · ${f.ruleId}`}>
              {r.open}
            </a>
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** A side's list of findings: filter by state, page by cursor. */
export function RectificationListPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  side: Side;
  filter: RectificationFilter | undefined;
  page: Page<RectificationView>;
  notice?: string | undefined;
}) {
  const { c, side, filter } = props;
  const m = c.var.m;
  const r = m.rectification;
  const base = listHref(side);
  const withState = (state: RectificationFilter | undefined) => (state ? `${base}?state=${state}` : base);
  return (
    <Shell c={c} who={props.who} title={r.title} lead={side === 'bureau' ? r.bureauLead : r.orgLead}>
      {props.notice ? <Notice tone="success">{props.notice}</Notice> : null}
      <Card>
        <FilterRow
          label={r.filters.label}
          filters={[undefined, ...RECTIFICATION_FILTERS].map((state) => ({
            label: r.filters[state ?? 'all'],
            href: withState(state),
            active: state === filter,
          }))}
        />
        <FindingTable c={c} side={side} findings={props.page.items} />
        <Pager
          m={m}
          label={r.title}
          first={c.req.query('cursor') ? withState(filter) : undefined}
          next={
            props.page.cursor
              ? `${base}?${new URLSearchParams({ ...(filter ? { state: filter } : {}), cursor: props.page.cursor })}`
              : undefined
          }
        />
      </Card>
    </Shell>
  );
}

/** What the bureau or the organisation may do with a finding now, and the values of its forms. */
export interface FindingForms {
  /** The bureau accepts or reopens an answered finding. */
  decide?: boolean;
  /** The organisation answers: the contract's versions to point to. */
  answer?: { versions: number };
  values: Record<string, string>;
  errors: readonly FieldError[];
}

/** One finding: what, where, the steps so far, and the form of the next step. */
export function RectificationPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  side: Side;
  finding: RectificationView;
  forms: FindingForms;
  notice?: string | undefined;
  warning?: string | undefined;
}) {
  const { c, side, finding, forms } = props;
  const m = c.var.m;
  const r = m.rectification;
  const d = r.detail;
  const lang = c.var.lang;
  const concerns = finding.concerns?.version
    ? d.concernsVersion(finding.concerns.version)
    : finding.concerns?.month
      ? d.concernsMonth(finding.concerns.month)
      : undefined;
  return (
    <Shell
      c={c}
      who={props.who}
      title={`${finding.contractNumber} · ${finding.ruleId}`}
      crumbs={[{ label: r.title, href: listHref(side) }]}
    >
      {props.notice ? <Notice tone="success">{props.notice}</Notice> : null}
      {props.warning ? <Notice tone="warning">{props.warning}</Notice> : null}
      <ErrorSummary m={m} errors={forms.errors} />
      <Card title={d.what}>
        <p class="finding-text">{finding.text}</p>
        <DescriptionList
          items={[
            [d.contract, `${finding.contractNumber} · ${finding.contractTitle}`],
            [
              side === 'bureau' ? d.organisation : d.bureau,
              side === 'bureau' ? finding.organisationName : finding.bureauName,
            ],
            [
              d.rule,
              <RuleBadge
                rules={m.policyRules}
                rule={finding.ruleId}
                tone={finding.severity === 'error' ? 'red' : 'amber'}
              />,
            ],
            [d.severity, <SeverityTag c={c} severity={finding.severity} />],
            [d.deadline, formatDate(finding.deadline, lang)],
            ...(concerns ? ([[d.concerns, concerns]] as [string, string][]) : []),
            [d.state, <FindingTags c={c} finding={finding} />],
          ]}
        />
      </Card>
      <Card title={d.steps}>
        <ol class="steps-list">
          {finding.steps.map((step) => (
            <li>
              <span class="step-head">{d.actions[step.action]}</span> · {formatDate(step.at.slice(0, 10), lang)}
              {step.text ? <p>{step.text}</p> : null}
              {step.version ? <p>{d.pointsToVersion(step.version)}</p> : null}
              {step.month ? <p>{d.pointsToMonth(step.month)}</p> : null}
            </li>
          ))}
        </ol>
      </Card>
      {forms.decide ? <DecideForms c={c} finding={finding} forms={forms} /> : null}
      {forms.answer ? <AnswerForm c={c} finding={finding} forms={forms} versions={forms.answer.versions} /> : null}
    </Shell>
  );
}

function DecideForms(props: { c: Context<PageEnv>; finding: RectificationView; forms: FindingForms }) {
  const { c, finding, forms } = props;
  const r = c.var.m.rectification;
  const action = findingHref('bureau', finding.id);
  return (
    <>
      <Card>
        <form method="post" action={`${action}/accept`} class="actions">
          <CsrfInput token={c.var.csrfToken} />
          <input type="hidden" name="version" value={String(finding.version)} />
          <button type="submit" class="btn btn-primary">
            {r.accept}
          </button>
        </form>
      </Card>
      <Card title={r.reopenTitle}>
        <form method="post" action={`${action}/reopen`} novalidate>
          <CsrfInput token={c.var.csrfToken} />
          <input type="hidden" name="version" value={String(finding.version)} />
          <TextAreaField
            m={c.var.m}
            id="reason"
            label={r.reason}
            hint={r.reasonHint}
            error={errorFor(forms.errors, 'reason')}
            value={forms.values.reason}
            rows={3}
          />
          <div class="actions">
            <button type="submit" class="btn">
              {r.reopen}
            </button>
          </div>
        </form>
      </Card>
    </>
  );
}

function AnswerForm(props: { c: Context<PageEnv>; finding: RectificationView; forms: FindingForms; versions: number }) {
  const { c, finding, forms } = props;
  const m = c.var.m;
  const r = m.rectification;
  return (
    <Card title={r.answerTitle}>
      <form method="post" action={`${findingHref('org', finding.id)}/answer`} novalidate>
        <CsrfInput token={c.var.csrfToken} />
        <input type="hidden" name="version" value={String(finding.version)} />
        <TextAreaField
          m={m}
          id="text"
          label={r.answerText}
          hint={r.answerTextHint}
          error={errorFor(forms.errors, 'text')}
          value={forms.values.text}
        />
        <p class="hint">{r.pointerHint}</p>
        <SelectField
          m={m}
          id="pointVersion"
          name="pointVersion"
          label={r.pointerVersion}
          error={errorFor(forms.errors, 'pointVersion')}
          placeholder={r.pointerNone}
          options={Array.from({ length: props.versions }, (_, i) => ({
            value: String(i + 1),
            label: r.pointerVersionOption(i + 1),
          }))}
          value={forms.values.pointVersion}
        />
        <TextField
          m={m}
          id="pointMonth"
          name="pointMonth"
          label={r.pointerMonth}
          hint={r.pointerMonthHint}
          error={errorFor(forms.errors, 'pointMonth')}
          value={forms.values.pointMonth}
          width="short"
        />
        <div class="actions">
          <button type="submit" class="btn btn-primary">
            {r.answer}
          </button>
        </div>
      </form>
    </Card>
  );
}

/** The bureau's form to raise a finding on a contract in its jurisdiction. */
export function RaiseFindingPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  organisationId: string;
  contract: { id: string; number: string; title: string; currentVersion: number };
  values: Record<string, string>;
  errors: readonly FieldError[];
  /** Where "back" goes (the bureau's contract page, or its list of findings). */
  back: string;
}) {
  const { c, contract, values, errors } = props;
  const m = c.var.m;
  const r = m.rectification;
  return (
    <Shell
      c={c}
      who={props.who}
      title={r.raiseTitle}
      lead={r.raiseLead(`${contract.number} · ${contract.title}`)}
      crumbs={[{ label: r.title, href: listHref('bureau') }]}
    >
      <ErrorSummary m={m} errors={errors} />
      <Card>
        <form method="post" action={raiseHref(props.organisationId, contract.id)} novalidate>
          <CsrfInput token={c.var.csrfToken} />
          <input type="hidden" name="_key" value={values._key ?? ''} />
          <TextAreaField
            m={m}
            id="text"
            label={r.raiseText}
            hint={r.raiseTextHint}
            error={errorFor(errors, 'text')}
            value={values.text}
          />
          <SelectField
            m={m}
            id="ruleId"
            name="ruleId"
            label={r.raiseRule}
            error={errorFor(errors, 'ruleId')}
            placeholder={r.raiseRulePick}
            options={POLICY_RULE_IDS.map((id) => ({
              value: id,
              label: Object.hasOwn(m.policyRules, id) ? m.policyRules[id as keyof typeof m.policyRules] : id,
            }))}
            value={values.ruleId}
          />
          <SelectField
            m={m}
            id="severity"
            name="severity"
            label={r.raiseSeverity}
            error={errorFor(errors, 'severity')}
            placeholder={r.pointerNone}
            options={['error', 'warning'].map((s) => ({ value: s, label: r.severities[s] ?? s }))}
            value={values.severity}
          />
          <TextField
            m={m}
            id="deadline"
            name="deadline"
            type="date"
            label={r.raiseDeadline}
            error={errorFor(errors, 'deadline')}
            value={values.deadline}
            width="medium"
          />
          <SelectField
            m={m}
            id="concernsVersion"
            name="concernsVersion"
            label={r.raiseConcernsVersion}
            error={errorFor(errors, 'concernsVersion')}
            placeholder={r.pointerNone}
            options={Array.from({ length: contract.currentVersion }, (_, i) => ({
              value: String(i + 1),
              label: r.pointerVersionOption(i + 1),
            }))}
            value={values.concernsVersion}
          />
          <TextField
            m={m}
            id="concernsMonth"
            name="concernsMonth"
            label={r.raiseConcernsMonth}
            hint={r.raiseConcernsMonthHint}
            error={errorFor(errors, 'concernsMonth')}
            value={values.concernsMonth}
            width="short"
          />
          <div class="actions">
            <button type="submit" class="btn btn-primary">
              {r.raise}
            </button>
            <a href={props.back}>{r.raiseCancel}</a>
          </div>
        </form>
      </Card>
    </Shell>
  );
}

/**
 * The findings on one contract, for its page: the organisation's (links to answer them) or the
 * bureau's (links to decide, and to raise another).
 */
export function RectificationSection(props: {
  c: Context<PageEnv>;
  side: Side;
  findings: readonly RectificationView[];
  /** The bureau's link to raise a finding on this contract. */
  raise?: { organisationId: string; contractId: string };
}) {
  const { c } = props;
  const r = c.var.m.rectification;
  return (
    <Card
      title={r.section.title}
      id="rectification"
      extra={
        props.raise ? (
          <a class="btn" href={raiseHref(props.raise.organisationId, props.raise.contractId)}>
            {r.section.raiseLink}
          </a>
        ) : undefined
      }
    >
      {props.findings.length ? (
        <FindingTable c={c} side={props.side} findings={props.findings} withContract={false} />
      ) : (
        <p class="empty">{r.section.none}</p>
      )}
    </Card>
  );
}

/**
 * A contract's tamper-evident history, for the organisation's and the bureau's contract pages:
 * "history verified", or the first record that breaks; then the records of the page.
 */
export function HistorySection(props: { c: Context<PageEnv>; history: ContractHistoryPage }) {
  const { c, history } = props;
  const h = c.var.m.rectification.history;
  const lang = c.var.lang;
  const { verification } = history;
  return (
    <Card title={h.title} id="history">
      {verification.verified ? (
        verification.length ? (
          <Notice tone="success">
            <strong>{h.verified}</strong> · {h.verifiedLead(verification.length)}
          </Notice>
        ) : (
          <p class="empty">{h.empty}</p>
        )
      ) : (
        <Notice tone="error">
          <strong>{h.broken}</strong> ·{' '}
          {h.brokenAt(verification.brokenAt.seq, h.what[verification.brokenAt.what] ?? verification.brokenAt.what)}
        </Notice>
      )}
      {history.items.length ? (
        <Table caption={h.title} columns={[h.columns.seq, h.columns.what, h.columns.at, h.columns.hash]}>
          {history.items.map((e) => (
            <tr>
              <td data-label={h.columns.seq}>{e.seq}</td>
              <td data-label={h.columns.what}>{h.types[e.type.replace('.', '_')] ?? e.type}</td>
              <td data-label={h.columns.at}>{formatDate(e.at.slice(0, 10), lang)}</td>
              <td data-label={h.columns.hash}>
                <span class="chain-hash" title={e.hash}>
                  {e.hash.slice(0, 12)}…
                </span>
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
    </Card>
  );
}
