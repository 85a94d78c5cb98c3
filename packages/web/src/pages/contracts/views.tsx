/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { ContractHistoryPage } from '@shegong/core';
import type { RectificationView } from '@shegong/domain';
import {
  type ContractStatus,
  type ContractVersion,
  isAmendable,
  isEditable,
  NEXT_STATUSES,
  type StoredContract,
  takesActuals,
} from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatDate } from '../../i18n/index.ts';
import {
  Card,
  CsrfInput,
  DescriptionList,
  ErrorSummary,
  type FieldError,
  Notice,
  Table,
  Tag,
  type Tone,
} from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { type PolicyRules, RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { HistorySection, RectificationSection } from '../rectification/views.tsx';
import { ReasonList } from '../reviews/reasons.tsx';
import { ChangeList } from './changes.tsx';
import type { ContractMessages } from './costing.tsx';
import { GuidelineCard, RecostedNotice } from './guideline.tsx';
import { CONTRACTS, contractHref } from './paths.ts';
import { CostingCard } from './saved-costing.tsx';
import { TermsCard } from './terms.tsx';

const STATUS_TONES: Record<ContractStatus, Tone> = {
  draft: 'grey',
  submitted: 'blue',
  approved: 'amber',
  signed: 'cyan',
  running: 'green',
  closed: 'purple',
};

export function StatusTag(props: { k: ContractMessages; status: ContractStatus }) {
  return <Tag tone={STATUS_TONES[props.status]}>{props.k.statuses[props.status]}</Tag>;
}

/** The flags of a contract in the list: error and warning counts, and the rules they break. */
export function Flags(props: { k: ContractMessages; rules: PolicyRules; contract: StoredContract }) {
  const { k, rules, contract } = props;
  const { errors, warnings } = contract.findingCounts;
  if (!errors && !warnings) return <Tag tone="green">{k.list.noFlags}</Tag>;
  const tone: Tone = errors ? 'red' : 'amber';
  return (
    <span class="figure">
      {errors ? <Tag tone="red">{k.list.errors(errors)}</Tag> : null}
      {warnings ? <Tag tone="amber">{k.list.warnings(warnings)}</Tag> : null}
      {contract.findingRuleIds.map((rule) => (
        <RuleBadge rule={rule} rules={rules} tone={tone} />
      ))}
    </span>
  );
}

/** The status actions allowed now, each a small form carrying the contract's version (If-Match). */
function StatusActions(props: { c: Context<PageEnv>; contract: StoredContract; today: string }) {
  const { c, contract } = props;
  const k = c.var.m.contracts;
  const action = `${contractHref(contract.id)}/status`;
  return (
    <div class="status-actions">
      {NEXT_STATUSES[contract.status].map((to) => {
        const dated = to === 'signed' || to === 'running' || to === 'closed';
        const id = `status-${to}-date`;
        return (
          <form method="post" action={action} class="status-action">
            <CsrfInput token={c.var.csrfToken} />
            <input type="hidden" name="version" value={String(contract.version)} />
            <input type="hidden" name="to" value={to} />
            {dated ? (
              <span class="status-date">
                <label class="label" for={id}>
                  {k.transitions.date[to as 'signed' | 'running' | 'closed']}
                </label>
                <input
                  class="input input-short"
                  id={id}
                  name="date"
                  type="date"
                  value={props.today}
                  autocomplete="off"
                />
              </span>
            ) : null}
            <button type="submit" class={`btn${to === 'draft' ? '' : ' btn-primary'}`}>
              {contract.status !== 'draft' && to === 'draft' ? k.transitions.withdraw : k.transitions.to[to]}
            </button>
          </form>
        );
      })}
    </div>
  );
}

/** Every version, newest first, with why it was made and what it changed. */
function VersionsCard(props: {
  c: Context<PageEnv>;
  contract: StoredContract;
  versions: readonly ContractVersion[];
  names: ReadonlyMap<string, string>;
  /** Person id → name for the posts' named persons, in every version shown. */
  people: ReadonlyMap<string, string>;
}) {
  const { c, contract } = props;
  const k = c.var.m.contracts;
  const lang = c.var.lang;
  return (
    <Card title={k.versions.title} id="versions">
      <Table
        caption={k.versions.title}
        columns={[k.versions.number, k.versions.saved, k.versions.reason, k.versions.effective, k.versions.changes]}
      >
        {[...props.versions].reverse().map((v) => (
          <tr id={`version-${v.number}`}>
            <td data-label={k.versions.number}>
              <a href={`${contractHref(contract.id)}/versions/${v.number}`}>{k.versions.label(v.number)}</a>
              {v.number === contract.currentVersion ? <Tag tone="green">{k.versions.current}</Tag> : null}
            </td>
            <td data-label={k.versions.saved}>
              {formatDate(v.savedAt, lang)} · {props.names.get(v.savedBy) ?? k.versions.someone}
            </td>
            <td data-label={k.versions.reason}>{v.amendment?.reason ?? k.versions.original}</td>
            <td data-label={k.versions.effective}>
              {v.amendment ? formatDate(v.amendment.effectiveDate, lang) : formatDate(v.draft.terms.startDate, lang)}
            </td>
            <td data-label={k.versions.changes}>
              {v.amendment ? (
                <ChangeList m={c.var.m} lang={lang} changes={v.amendment.changes} people={props.people} />
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

/** What may be done with the contract now: edit a draft or amend a signed one, its actuals, its sheets. */
function ContractActions(props: { c: Context<PageEnv>; contract: StoredContract; writer: boolean }) {
  const { contract, writer } = props;
  const k = props.c.var.m.contracts;
  const here = contractHref(contract.id);
  return (
    <>
      {writer && isEditable(contract.status) ? (
        <a class="btn btn-primary" href={`${here}/edit`}>
          {k.contract.edit}
        </a>
      ) : null}
      {writer && isAmendable(contract.status) ? (
        <a class="btn btn-primary" href={`${here}/amend`}>
          {k.contract.amend}
        </a>
      ) : null}
      {takesActuals(contract.status) ? (
        <a class="btn" href={`${here}/actuals`}>
          {k.contract.actuals}
        </a>
      ) : null}
      <a class="btn" href={`${here}/costing.xlsx`}>
        {k.contract.costingXlsx}
      </a>
      {takesActuals(contract.status) ? (
        <a class="btn" href={`${here}/budget-vs-actual.xlsx`}>
          {k.contract.budgetXlsx}
        </a>
      ) : null}
    </>
  );
}

/**
 * Where the contract stands in its review: waiting at the bureau since when; returned, with each
 * reason (its rule badge and field); approved, to be recorded as signed (the status card's action).
 */
function ReviewStandCard(props: { c: Context<PageEnv>; contract: StoredContract }) {
  const { c, contract } = props;
  const { review } = contract;
  const r = c.var.m.reviews;
  const lang = c.var.lang;
  if (!review) return null;
  const decided = formatDate(review.decidedAt ?? review.submittedAt, lang);
  if (contract.status === 'submitted')
    return (
      <Card title={r.standTitle} id="review">
        <Notice tone="info">{r.pending(review.bureau.name, formatDate(review.submittedAt, lang))}</Notice>
      </Card>
    );
  if (contract.status === 'draft' && review.state === 'returned')
    return (
      <Card title={r.standTitle} id="review">
        <Notice tone="warning">{r.returned(review.bureau.name, decided)}</Notice>
        <ReasonList c={c} reasons={review.reasons} />
      </Card>
    );
  if (contract.status === 'approved')
    return (
      <Card title={r.standTitle} id="review">
        <Notice tone="success">{r.approved(review.bureau.name, decided)}</Notice>
      </Card>
    );
  return null;
}

/** The status now, the way it came there, and for writers the moves allowed from here. */
function StatusCard(props: { c: Context<PageEnv>; contract: StoredContract; writer: boolean; today: string }) {
  const { c, contract } = props;
  const k = c.var.m.contracts;
  const history = contract.history.map((h) => [
    k.statuses[h.to],
    `${formatDate(h.date, c.var.lang)}${h.note ? ` · ${h.note}` : ''}`,
  ]);
  return (
    <Card title={k.contract.statusTitle} id="status">
      <p class="figure">
        <StatusTag k={k} status={contract.status} />
        <span class="mono muted">{contract.number}</span>
        <span class="muted">{k.versions.label(contract.currentVersion)}</span>
      </p>
      {history.length ? (
        <ol class="status-history">
          {history.map(([label, when]) => (
            <li>
              <strong>{label}</strong> <span class="muted">{when}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {props.writer && NEXT_STATUSES[contract.status].length ? (
        <StatusActions c={c} contract={contract} today={props.today} />
      ) : null}
      {contract.status === 'draft' ? <p class="hint">{k.contract.submitHint}</p> : null}
    </Card>
  );
}

/** 合同: the terms, the status and its actions, the current costing, the versions with their changes. */
export function ContractPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  contract: StoredContract;
  version: ContractVersion;
  versions: readonly ContractVersion[];
  names: ReadonlyMap<string, string>;
  /** Person id → name for the posts' named persons, in every version shown. */
  people: ReadonlyMap<string, string>;
  writer: boolean;
  today: string;
  notice?: string | undefined;
  /** A refused status change: what stops it. */
  errors?: readonly FieldError[] | undefined;
  /** The findings bureaus raised on the contract, and its verified history. */
  findings: readonly RectificationView[];
  history: ContractHistoryPage;
}) {
  const { c, who, contract, version } = props;
  const m = c.var.m;
  const k = m.contracts;
  return (
    <Shell
      c={c}
      who={who}
      title={contract.title}
      crumbs={[{ label: k.title, href: CONTRACTS }]}
      here={contractHref(contract.id)}
      actions={<ContractActions c={c} contract={contract} writer={props.writer} />}
    >
      {props.notice ? <Notice tone="success">{props.notice}</Notice> : null}
      <ErrorSummary m={m} errors={props.errors ?? []} />
      <RecostedNotice c={c} version={version} />
      <ReviewStandCard c={c} contract={contract} />
      <StatusCard c={c} contract={contract} writer={props.writer} today={props.today} />
      <GuidelineCard c={c} contract={contract} />
      <TermsCard c={c} version={version} />
      <CostingCard c={c} contractId={contract.id} version={version} title={k.contract.costingTitle(version.number)} />
      <VersionsCard c={c} contract={contract} versions={props.versions} names={props.names} people={props.people} />
      <RectificationSection c={c} side="org" findings={props.findings} />
      <HistorySection c={c} history={props.history} />
    </Shell>
  );
}

/** When and by whom the version was saved, why, from when it holds, the rule set it was costed with. */
function AboutVersionCard(props: {
  c: Context<PageEnv>;
  version: ContractVersion;
  savedBy: string;
  people: ReadonlyMap<string, string>;
}) {
  const { c, version } = props;
  const k = c.var.m.contracts;
  const lang = c.var.lang;
  const rs = version.ruleSet;
  return (
    <Card title={k.versions.aboutTitle} id="about">
      <DescriptionList
        items={[
          [k.versions.saved, `${formatDate(version.savedAt, lang)} · ${props.savedBy}`],
          [k.versions.reason, version.amendment?.reason ?? k.versions.original],
          [k.versions.effective, formatDate(version.amendment?.effectiveDate ?? version.draft.terms.startDate, lang)],
          [
            k.versions.ruleSet,
            `${rs.title} · ${regionName(rs.region, lang)} · ${k.versions.ruleSetFrom(formatDate(rs.effectiveFrom, lang), rs.version)}`,
          ],
        ]}
      />
      {version.amendment ? (
        <>
          <h3 class="contract-subtitle">{k.versions.changes}</h3>
          <ChangeList m={c.var.m} lang={lang} changes={version.amendment.changes} people={props.people} />
        </>
      ) : null}
    </Card>
  );
}

/** One version, read only, with its own costing and the rule set it used. */
export function VersionPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  contract: StoredContract;
  version: ContractVersion;
  savedBy: string;
  /** Person id → name for the posts' named persons, in every version shown. */
  people: ReadonlyMap<string, string>;
}) {
  const { c, who, contract, version } = props;
  const k = c.var.m.contracts;
  const here = contractHref(contract.id);
  return (
    <Shell
      c={c}
      who={who}
      title={k.versions.pageTitle(contract.title, version.number)}
      crumbs={[
        { label: k.title, href: CONTRACTS },
        { label: contract.title, href: here },
      ]}
    >
      {version.number !== contract.currentVersion ? (
        <Notice tone="info">
          {k.versions.notCurrent(contract.currentVersion)} <a href={here}>{k.versions.toCurrent}</a>
        </Notice>
      ) : null}
      <AboutVersionCard c={c} version={version} savedBy={props.savedBy} people={props.people} />
      <TermsCard c={c} version={version} />
      <CostingCard c={c} contractId={contract.id} version={version} title={k.contract.costingTitle(version.number)} />
    </Shell>
  );
}
