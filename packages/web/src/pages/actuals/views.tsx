/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  type BudgetVsActual,
  calendarMonths,
  findingText,
  type StoredActualMonth,
  type StoredContract,
} from '@shegong/domain';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMonth, type Lang } from '../../i18n/index.ts';
import { Card, DescriptionList, Notice, Table } from '../../layout/components.tsx';
import { FindingList, type PolicyRules, RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { CONTRACTS, contractHref } from '../contracts/paths.ts';
import { type A, BudgetChart, BudgetTable, Money, NoFlags } from './budget.tsx';
import { actualsHref, monthHref } from './paths.ts';

/** The recorded months, each with its totals and P-W3 flags, linking to its entry page. */
function MonthsTable(props: {
  a: A;
  rules: PolicyRules;
  contractId: string;
  months: readonly StoredActualMonth[];
  lang: Lang;
  canWrite: boolean;
}) {
  const { a, lang } = props;
  const t = a.months;
  return (
    <Table
      caption={t.title}
      columns={[t.colMonth, t.colRevision, t.colPersonnel, t.colTotal, t.colFlags, t.colRecordedAt, t.colActions]}
      empty={props.months.length ? undefined : t.none}
    >
      {props.months.map((m) => (
        <tr>
          <td data-label={t.colMonth}>{formatMonth(m.month, lang)}</td>
          <td data-label={t.colRevision}>{t.revision(m.revision)}</td>
          <td data-label={t.colPersonnel}>
            <Money fen={m.cost.lines.personnel} />
          </td>
          <td data-label={t.colTotal}>
            <Money fen={m.cost.total} />
          </td>
          <td data-label={t.colFlags}>
            {m.cost.findings.length ? (
              <span class="figure">
                <RuleBadge rule="P-W3" rules={props.rules} tone="red" />
                <span class="text-error">{t.flagged(m.cost.findings.length)}</span>
              </span>
            ) : (
              <NoFlags a={a} />
            )}
          </td>
          <td data-label={t.colRecordedAt}>{formatDate(m.recordedAt, lang)}</td>
          <td data-label={t.colActions} class="cell-actions">
            <a href={monthHref(props.contractId, m.month)}>
              {props.canWrite ? t.edit : t.view}
              <span class="visually-hidden"> {formatMonth(m.month, lang)}</span>
            </a>
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** The next month to record: the one after the latest recorded, held within the term. */
export function nextMonth(
  contract: Pick<StoredContract, 'startDate' | 'endDate'>,
  recorded: readonly string[],
): string {
  const term = calendarMonths(contract.startDate, contract.endDate);
  const latest = recorded.at(-1);
  const after = latest ? term.indexOf(latest) + 1 : 0;
  return term[Math.min(Math.max(after, 0), term.length - 1)] ?? term[0]!;
}

export interface ActualsPageProps {
  c: Context<PageEnv>;
  who: SignedIn;
  contract: StoredContract;
  versionNumber: number;
  bva: BudgetVsActual;
  months: readonly StoredActualMonth[];
  canWrite: boolean;
  takes: boolean;
  notice?: Child;
}

/** The term so far and the budget's version, then the chart with the table of the same figures beside it. */
function BudgetSection(props: ActualsPageProps) {
  const { c, contract, bva } = props;
  const a = c.var.m.actuals;
  const s = a.summary;
  const lang = c.var.lang;
  return (
    <div class="card-flush">
      <Card title={s.title} id="budget">
        <div class="card-pad">
          <DescriptionList
            items={[
              [s.term, s.termValue(formatDate(contract.startDate, lang), formatDate(contract.endDate, lang))],
              [s.elapsed, s.elapsedValue(bva.monthsElapsed, bva.termMonths)],
              [s.budgetOf, s.budgetOfValue(props.versionNumber)],
            ]}
          />
        </div>
        <BudgetChart a={a} bva={bva} />
        <BudgetTable a={a} rules={c.var.m.policyRules} bva={bva} />
        <p class="muted actuals-note">{s.projectionNote}</p>
      </Card>
    </div>
  );
}

/** 需要注意: the lines' flags first, then each month's pay below the floor; no card when nothing is flagged. */
function FindingsSection(props: { c: Context<PageEnv>; bva: BudgetVsActual }) {
  const { c, bva } = props;
  const monthFindings = bva.findings.filter((f) => f.kind === 'payBelowFloor');
  const lineFindings = bva.findings.filter((f) => f.kind !== 'payBelowFloor');
  if (!lineFindings.length && !monthFindings.length) return null;
  return (
    <Card title={c.var.m.actuals.findings.title} id="findings">
      <FindingList
        rules={c.var.m.policyRules}
        findings={[...lineFindings, ...monthFindings]}
        text={(f) => findingText(f, c.var.lang)}
      />
    </Card>
  );
}

/** Any month of the term to record or correct, the next one chosen (a GET form: it only opens the month). */
function MonthPicker(props: { c: Context<PageEnv>; contract: StoredContract; next: string }) {
  const { c, contract } = props;
  const a = c.var.m.actuals;
  return (
    <form class="month-picker" method="get" action={actualsHref(contract.id)}>
      <label class="visually-hidden" for="month-pick">
        {a.chooseMonth}
      </label>
      <select class="select" id="month-pick" name="month">
        {calendarMonths(contract.startDate, contract.endDate).map((month) => (
          <option value={month} selected={month === props.next}>
            {formatMonth(month, c.var.lang)}
          </option>
        ))}
      </select>
      <button type="submit" class="btn">
        {a.recordMonth}
      </button>
    </form>
  );
}

function MonthsSection(props: ActualsPageProps & { next: string }) {
  const { c, contract } = props;
  const a = c.var.m.actuals;
  return (
    <div class="card-flush">
      <Card
        title={a.months.title}
        id="months"
        extra={props.canWrite && props.takes ? <MonthPicker c={c} contract={contract} next={props.next} /> : undefined}
      >
        <MonthsTable
          a={a}
          rules={c.var.m.policyRules}
          contractId={contract.id}
          months={props.months}
          lang={c.var.lang}
          canWrite={props.canWrite}
        />
      </Card>
    </div>
  );
}

/** 实际收支: budget against actual, the chart beside the table, what needs attention, the months. */
export function ActualsPage(props: ActualsPageProps) {
  const { c, who, contract, bva } = props;
  const a = c.var.m.actuals;
  const next = nextMonth(contract, bva.months);
  return (
    <Shell
      c={c}
      who={who}
      title={a.titleOf(contract.title)}
      lead={a.lead}
      crumbs={[
        { label: a.contracts, href: CONTRACTS },
        { label: contract.title, href: contractHref(contract.id) },
      ]}
      actions={
        props.canWrite && props.takes ? (
          <a class="btn btn-primary" href={monthHref(contract.id, next)}>
            {a.recordNext(formatMonth(next, c.var.lang))}
          </a>
        ) : undefined
      }
    >
      {props.notice}
      {props.takes ? null : <Notice tone="info">{a.notTaking(a.statuses[contract.status] ?? contract.status)}</Notice>}
      <BudgetSection {...props} />
      <FindingsSection c={c} bva={bva} />
      <MonthsSection {...props} next={next} />
    </Shell>
  );
}
