/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { BUDGET_LINES, findingText, type StoredActualMonth } from '@shegong/domain';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney, formatMonth, type Lang } from '../../i18n/index.ts';
import { Card, DescriptionList, ErrorSummary, Notice, Table, Tag } from '../../layout/components.tsx';
import { FindingList, type PolicyRules } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { CONTRACTS, contractHref } from '../contracts/paths.ts';
import { type A, lineName, Money, NoFlags } from './budget.tsx';
import { type EntryProps, EntrySection } from './entry.tsx';
import { actualsHref, monthHref } from './paths.ts';

export interface MonthPageProps extends EntryProps {
  who: SignedIn;
  canWrite: boolean;
  current?: StoredActualMonth | undefined;
  history: readonly (StoredActualMonth & { recordedByName?: string })[];
  stale?: boolean;
}

/** Each person's pay as costed (SI, HF, cost) with the P-W3 flag, or exempt. */
function PayrollCostTable(props: { a: A; rules: PolicyRules; month: StoredActualMonth; lang: Lang }) {
  const { a, rules, month, lang } = props;
  const e = a.entry;
  const flagOf = (i: number) => month.cost.findings.filter((f) => f.path === `/payroll/${i}/grossPay`);
  return (
    <Table
      caption={e.recordedTitle}
      columns={[e.colName, e.colCert, e.colGross, e.colShare, e.colSi, e.colHf, e.colCost, e.colFlags]}
    >
      {month.cost.payroll.map((row, i) => (
        <tr>
          <td data-label={e.colName}>{row.name}</td>
          <td data-label={e.colCert}>{e.certLevels[row.certLevel] ?? row.certLevel}</td>
          <td data-label={e.colGross}>
            <Money fen={row.grossPay} />
          </td>
          <td data-label={e.colShare}>{`${row.sharePercent}%`}</td>
          <td data-label={e.colSi}>
            <Money fen={row.costing.si} />
          </td>
          <td data-label={e.colHf}>
            <Money fen={row.costing.hf} />
          </td>
          <td data-label={e.colCost}>
            <Money fen={row.costing.cost} />
          </td>
          <td data-label={e.colFlags}>
            {row.exempt ? (
              <Tag tone="grey">{e.exempt}</Tag>
            ) : flagOf(i).length ? (
              <FindingList rules={rules} findings={flagOf(i)} text={(f) => findingText(f, lang)} />
            ) : (
              <NoFlags a={a} />
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** The month as recorded: each person's costing with the P-W3 flag, and the six lines. */
function RecordedSection(props: { c: Context<PageEnv>; month: StoredActualMonth }) {
  const { c, month } = props;
  const a = c.var.m.actuals;
  return (
    <div class="card-flush">
      <Card title={a.entry.recordedTitle} id="recorded" extra={a.months.revision(month.revision)}>
        <p class="muted card-pad">{a.entry.costedWith(month.ruleSet.title)}</p>
        <PayrollCostTable a={a} rules={c.var.m.policyRules} month={month} lang={c.var.lang} />
        <div class="card-pad">
          <DescriptionList
            items={[
              ...BUDGET_LINES.map((line): [string, Child] => [lineName(a, line), formatMoney(month.cost.lines[line])]),
              [a.summary.total, <strong>{formatMoney(month.cost.total)}</strong>],
            ]}
          />
          {month.input.note ? <p class="muted">{month.input.note}</p> : null}
        </div>
      </Card>
    </div>
  );
}

/** Every revision of the month, who recorded it and its totals, the current one tagged. */
function HistorySection(props: MonthPageProps) {
  const { c } = props;
  const a = c.var.m.actuals;
  const e = a.entry;
  return (
    <div class="card-flush">
      <Card title={e.historyTitle} id="history">
        <Table
          caption={e.historyTitle}
          columns={[a.months.colRevision, e.colRecordedAt, e.colRecordedBy, a.months.colPersonnel, e.colTotal]}
          empty={props.history.length ? undefined : e.noHistory}
        >
          {props.history.map((h) => (
            <tr>
              <td data-label={a.months.colRevision}>
                <span>
                  {a.months.revision(h.revision)}{' '}
                  {h.revision === props.current?.revision ? <Tag tone="blue">{e.current}</Tag> : null}
                </span>
              </td>
              <td data-label={e.colRecordedAt}>{formatDate(h.recordedAt, c.var.lang)}</td>
              <td data-label={e.colRecordedBy}>{h.recordedByName ?? h.recordedBy}</td>
              <td data-label={a.months.colPersonnel}>
                <Money fen={h.cost.lines.personnel} />
              </td>
              <td data-label={e.colTotal}>
                <Money fen={h.cost.total} />
              </td>
            </tr>
          ))}
        </Table>
      </Card>
    </div>
  );
}

/** 登记某月: the entry form (for writers), the month as recorded, and its revisions. */
export function MonthPage(props: MonthPageProps) {
  const { c, who, contract, month } = props;
  const m = c.var.m;
  const a = m.actuals;
  const e = a.entry;
  const label = formatMonth(month, c.var.lang);
  return (
    <Shell
      c={c}
      who={who}
      title={props.canWrite ? e.title(label) : e.viewTitle(label)}
      lead={props.canWrite ? e.lead : undefined}
      crumbs={[
        { label: a.contracts, href: CONTRACTS },
        { label: contract.title, href: contractHref(contract.id) },
        { label: a.title, href: actualsHref(contract.id) },
      ]}
      here={monthHref(contract.id, month)}
    >
      {props.stale ? <Notice tone="error">{a.errors.stale}</Notice> : null}
      <ErrorSummary m={m} errors={props.errors} />
      {props.canWrite ? <EntrySection {...props} /> : null}
      {props.current ? <RecordedSection c={c} month={props.current} /> : null}
      <HistorySection {...props} />
    </Shell>
  );
}
