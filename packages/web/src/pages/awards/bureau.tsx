/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { AwardTotalRow, AwardTotals, BureauClaimView } from '@shegong/core';
import {
  BUREAU_CLAIM_STATUSES,
  type BureauClaimStatus,
  CERTIFICATE_LEVELS,
  type LedgerEntryRecord,
} from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney } from '../../i18n/index.ts';
import {
  Card,
  CsrfInput,
  ErrorSummary,
  errorFor,
  type FieldError,
  FilterRow,
  Notice,
  Pager,
  SelectField,
  Table,
  Tag,
  TextField,
} from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { AssessmentCard, ClaimFacts, StepsCard } from './assessment.tsx';
import { AWARD_HISTORY, AWARD_TOTALS, AWARD_TOTALS_XLSX } from './claim-paths.ts';
import { BUREAU_CLAIMS, bureauClaimPath } from './paths.ts';
import { BureauClaimTabs } from './tabs.tsx';

export type BureauNotice = 'approved' | 'refused' | 'paid' | 'history';

/** 奖励申领审批: the jurisdiction's claims in one state, the badge's count above. */
export function BureauQueuePage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  status: BureauClaimStatus;
  items: readonly BureauClaimView[];
  waiting: number;
  cursor?: string | undefined;
  paged: boolean;
}) {
  const { c, who } = props;
  const m = c.var.m;
  const a = m.awards;
  const lang = c.var.lang;
  const here = (status: BureauClaimStatus, cursor?: string) =>
    `${BUREAU_CLAIMS}?status=${status}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  return (
    <Shell c={c} who={who} title={a.bureauTitle} lead={a.bureauLead}>
      <BureauClaimTabs c={c} active="claims" />
      <FilterRow
        label={a.filterLabel}
        filters={BUREAU_CLAIM_STATUSES.map((s) => ({
          label: a.statuses[s],
          href: here(s),
          active: props.status === s,
        }))}
      />
      <Card title={a.waiting(props.waiting)} id="queue">
        <Table
          caption={a.bureauTitle}
          columns={[a.colCounty, a.colOrganisation, a.colPerson, a.colLevel, a.colDate, a.colAmount, a.colBureau]}
          empty={props.items.length ? undefined : a.emptyQueue}
        >
          {props.items.map(({ claim, decides }) => (
            <tr>
              <td data-label={a.colCounty}>{regionName(claim.region, lang)}</td>
              <td data-label={a.colOrganisation}>{claim.organisation}</td>
              <td data-label={a.colPerson}>
                <a href={bureauClaimPath(claim.id)}>{claim.personName}</a>
              </td>
              <td data-label={a.colLevel}>{m.staff.certLevels[claim.level]}</td>
              <td data-label={a.colDate}>{formatDate(claim.claimDate, lang)}</td>
              <td data-label={a.colAmount} class="num">
                {formatMoney(claim.amount)}
              </td>
              <td data-label={a.colBureau}>
                {claim.bureau.name} {decides ? <Tag tone="blue">{a.yours}</Tag> : <Tag tone="grey">{a.readOnly}</Tag>}
              </td>
            </tr>
          ))}
        </Table>
        <Pager
          m={m}
          label={a.pagerLabel}
          first={props.paged ? here(props.status) : undefined}
          next={props.cursor ? here(props.status, props.cursor) : undefined}
        />
      </Card>
    </Shell>
  );
}

export interface DecisionValues {
  reason: string;
  date: string;
  reference: string;
}

/** One claim as the bureau reads it, with the forms its reviewer may use now. */
export function BureauClaimPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  view: BureauClaimView;
  mayAct: boolean;
  values: DecisionValues;
  errors: readonly FieldError[];
  notice?: BureauNotice | undefined;
}) {
  const { c, who, view, values, errors } = props;
  const m = c.var.m;
  const a = m.awards;
  const claim = view.claim;
  const base = bureauClaimPath(claim.id);
  const hidden = (
    <>
      <CsrfInput token={c.var.csrfToken} />
      <input type="hidden" name="version" value={String(claim.version)} />
    </>
  );
  return (
    <Shell
      c={c}
      who={who}
      title={a.detailTitle(claim.personName)}
      crumbs={[{ label: a.bureauTitle, href: BUREAU_CLAIMS }]}
      here={base}
    >
      <ErrorSummary m={m} errors={errors} />
      {props.notice ? <Notice tone="success">{a.notices[props.notice]}</Notice> : null}
      {!view.decides ? <Notice tone="info">{a.notDecider(claim.bureau.name)}</Notice> : null}
      <ClaimFacts c={c} claim={claim} />
      <AssessmentCard c={c} assessment={claim.assessment} title={a.assessment} />
      {props.mayAct && view.canDecide ? (
        <Card title={a.approve} id="decide">
          <form method="post" action={`${base}/approve`} class="actions-row">
            {hidden}
            <button type="submit" class="btn btn-primary" id="approve">
              {a.approve}
            </button>
          </form>
          <form method="post" action={`${base}/refuse`} novalidate>
            {hidden}
            <TextField
              m={m}
              id="reason"
              name="reason"
              label={a.refuseReason}
              hint={a.refuseReasonHint}
              value={values.reason}
              error={errorFor(errors, 'reason')}
              maxlength={500}
            />
            <button type="submit" class="btn btn-danger" id="refuse">
              {a.refuse}
            </button>
          </form>
        </Card>
      ) : null}
      {props.mayAct && view.canPay ? (
        <Card title={a.pay} id="pay">
          <form method="post" action={`${base}/payment`} novalidate>
            {hidden}
            <TextField
              m={m}
              id="date"
              name="date"
              type="date"
              label={a.payDate}
              value={values.date}
              error={errorFor(errors, 'date')}
              width="medium"
            />
            <TextField
              m={m}
              id="reference"
              name="reference"
              label={a.payReference}
              value={values.reference}
              error={errorFor(errors, 'reference')}
              width="medium"
              maxlength={100}
            />
            <button type="submit" class="btn btn-primary" id="record-payment">
              {a.pay}
            </button>
          </form>
        </Card>
      ) : null}
      <StepsCard c={c} claim={claim} />
    </Shell>
  );
}

export interface HistoryValues {
  idCardNumber: string;
  name: string;
  date: string;
  level: string;
  amount: string;
  reference: string;
}

/** 历史发放记录: awards paid before the product, and the form to record one. */
export function HistoryPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  entries: readonly LedgerEntryRecord[];
  mayRecord: boolean;
  values: HistoryValues;
  errors: readonly FieldError[];
  formKey: string;
  notice?: boolean;
  cursor?: string | undefined;
  paged: boolean;
}) {
  const { c, who, values, errors } = props;
  const m = c.var.m;
  const a = m.awards;
  const lang = c.var.lang;
  return (
    <Shell c={c} who={who} title={a.historyTitle} lead={a.historyLead} here={AWARD_HISTORY}>
      <BureauClaimTabs c={c} active="history" />
      <ErrorSummary m={m} errors={errors} />
      {props.notice ? <Notice tone="success">{a.notices.history}</Notice> : null}
      <Card id="history">
        <Table
          caption={a.historyTitle}
          columns={[
            a.historyName,
            a.historyIdCard,
            a.historyDate,
            a.historyLevel,
            a.colAmount,
            a.historyReference,
            a.historyBureau,
          ]}
          empty={props.entries.length ? undefined : a.historyEmpty}
        >
          {props.entries.map((e) => (
            <tr>
              <td data-label={a.historyName}>{e.name}</td>
              <td data-label={a.historyIdCard} class="mono">
                {e.idCardMasked}
              </td>
              <td data-label={a.historyDate}>{formatDate(e.date, lang)}</td>
              <td data-label={a.historyLevel}>{m.staff.certLevels[e.level]}</td>
              <td data-label={a.colAmount} class="num">
                {formatMoney(e.amount)}
              </td>
              <td data-label={a.historyReference}>{e.reference ?? '—'}</td>
              <td data-label={a.historyBureau}>{e.recordedBy.bureau}</td>
            </tr>
          ))}
        </Table>
        <Pager
          m={m}
          label={a.pagerLabel}
          first={props.paged ? AWARD_HISTORY : undefined}
          next={props.cursor ? `${AWARD_HISTORY}?cursor=${encodeURIComponent(props.cursor)}` : undefined}
        />
      </Card>
      {props.mayRecord ? (
        <Card title={a.historyForm} id="record-history">
          <form method="post" action={AWARD_HISTORY} novalidate>
            <CsrfInput token={c.var.csrfToken} />
            <input type="hidden" name="_key" value={props.formKey} />
            <TextField
              m={m}
              id="idCardNumber"
              name="idCardNumber"
              label={a.historyIdCard}
              value={values.idCardNumber}
              error={errorFor(errors, 'idCardNumber')}
              width="medium"
              maxlength={18}
            />
            <TextField
              m={m}
              id="name"
              name="name"
              label={a.historyName}
              value={values.name}
              error={errorFor(errors, 'name')}
              width="medium"
              maxlength={40}
            />
            <TextField
              m={m}
              id="date"
              name="date"
              type="date"
              label={a.historyDate}
              value={values.date}
              error={errorFor(errors, 'date')}
              width="medium"
            />
            <SelectField
              m={m}
              id="level"
              name="level"
              label={a.historyLevel}
              placeholder="—"
              options={CERTIFICATE_LEVELS.map((l) => ({ value: l, label: m.staff.certLevels[l] }))}
              value={values.level}
              error={errorFor(errors, 'level')}
            />
            <TextField
              m={m}
              id="amount"
              name="amount"
              label={a.historyAmount}
              inputmode="decimal"
              value={values.amount}
              error={errorFor(errors, 'amount')}
              width="short"
            />
            <TextField
              m={m}
              id="reference"
              name="reference"
              label={a.historyReference}
              value={values.reference}
              error={errorFor(errors, 'reference')}
              width="medium"
              maxlength={100}
            />
            <button type="submit" class="btn btn-primary" id="record">
              {a.historyRecord}
            </button>
          </form>
        </Card>
      ) : null}
    </Shell>
  );
}

function TotalsTable(props: {
  c: Context<PageEnv>;
  title: string;
  rows: readonly AwardTotalRow[];
  label: (row: AwardTotalRow) => string;
}) {
  const a = props.c.var.m.awards;
  const columns = [
    a.colKey,
    a.colEndorsed,
    a.colApproved,
    a.colPaid,
    a.colRefused,
    a.colApprovedAmount,
    a.colPaidAmount,
  ];
  return (
    <Card title={props.title}>
      <Table caption={props.title} columns={columns} empty={props.rows.length ? undefined : a.totalsEmpty}>
        {props.rows.map((r) => (
          <tr>
            <td data-label={a.colKey}>{props.label(r)}</td>
            <td data-label={a.colEndorsed} class="num">
              {r.counts.endorsed}
            </td>
            <td data-label={a.colApproved} class="num">
              {r.counts.approved}
            </td>
            <td data-label={a.colPaid} class="num">
              {r.counts.paid}
            </td>
            <td data-label={a.colRefused} class="num">
              {r.counts.refused}
            </td>
            <td data-label={a.colApprovedAmount} class="num">
              {formatMoney(r.approvedAmount)}
            </td>
            <td data-label={a.colPaidAmount} class="num">
              {formatMoney(r.paidAmount)}
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

/** 统计与导出 (P-A7): the totals by quarter, county, level and organisation, and the export. */
export function TotalsPage(props: { c: Context<PageEnv>; who: SignedIn; totals: AwardTotals }) {
  const { c, who, totals } = props;
  const m = c.var.m;
  const a = m.awards;
  const lang = c.var.lang;
  return (
    <Shell
      c={c}
      who={who}
      title={a.totalsTitle}
      lead={a.totalsLead}
      here={AWARD_TOTALS}
      actions={
        <a class="btn" href={AWARD_TOTALS_XLSX}>
          {a.export}
        </a>
      }
    >
      <BureauClaimTabs c={c} active="totals" />
      <p>
        <RuleBadge rules={m.policyRules} rule="P-A7" /> {a.totalRow}
        {m.common.colon}
        {a.colPaid} {totals.all.counts.paid} · {formatMoney(totals.all.paidAmount)}；{a.colApproved}{' '}
        {totals.all.counts.approved} · {formatMoney(totals.all.approvedAmount)}
      </p>
      <TotalsTable c={c} title={a.byPeriod} rows={totals.byPeriod} label={(r) => r.key} />
      <TotalsTable c={c} title={a.byCounty} rows={totals.byCounty} label={(r) => regionName(r.key, lang)} />
      <TotalsTable
        c={c}
        title={a.byLevel}
        rows={totals.byLevel}
        label={(r) => m.staff.certLevels[r.key as keyof typeof m.staff.certLevels] ?? r.key}
      />
      <TotalsTable c={c} title={a.byOrganisation} rows={totals.byOrganisation} label={(r) => r.label ?? r.key} />
    </Shell>
  );
}
