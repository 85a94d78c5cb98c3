/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  BUDGET_LINES,
  type BudgetVsActual,
  type BudgetVsActualLine,
  CERT_LEVELS,
  calendarMonths,
  findingText,
  ITEMISED_LINES,
  type StoredActualMonth,
  type StoredContract,
} from '@shegong/domain';

import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney, formatMonth, type Messages } from '../../i18n/index.ts';
import {
  Card,
  CsrfInput,
  DescriptionList,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  SelectField,
  Table,
  Tag,
  TextField,
} from '../../layout/components.tsx';
import { FindingList, type PolicyRules, RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';

type A = Messages['actuals'];

export const CONTRACTS = '/org/contracts';
export const contractHref = (id: string) => `${CONTRACTS}/${encodeURIComponent(id)}`;
export const actualsHref = (id: string) => `${contractHref(id)}/actuals`;
export const monthHref = (id: string, month: string) => `${actualsHref(id)}/${month}`;

/** One payroll row as the form holds it (text as typed, so a wrong entry is shown back). */
export interface PayrollRow {
  personId: string;
  name: string;
  certLevel: string;
  grossPay: string;
  share: string;
  remove: boolean;
}

/** The expense lines and the note as typed (yuan). */
export type ExpenseValues = Record<(typeof ITEMISED_LINES)[number], string> & { note: string };

const lineName = (a: A, line: string) => a.lines[line] ?? line;

/** The line's flag in the table: a tag with the rule badge (the sentence is under 需要注意). */
function LineFlags(props: { a: A; rules: PolicyRules; line: BudgetVsActualLine }) {
  const { a, line } = props;
  const f = line.findings[0];
  if (!f) return <Tag tone="green">{a.summary.ok}</Tag>;
  const over = f.kind === 'actualOverBudget';
  return (
    <span class="figure">
      <RuleBadge rule={f.ruleId} rules={props.rules} tone={over ? 'red' : 'amber'} />
      <Tag tone={over ? 'red' : 'amber'}>{over ? a.summary.over : a.summary.heading}</Tag>
    </span>
  );
}

const Money = (props: { fen: number }) => (
  <span class={`num${props.fen < 0 ? ' text-error' : ''}`}>{formatMoney(props.fen)}</span>
);

/** 预算与实际: one row per line and the totals, each flag with its rule. */
export function BudgetTable(props: { a: A; rules: PolicyRules; bva: BudgetVsActual }) {
  const { a, rules, bva } = props;
  const s = a.summary;
  return (
    <Table
      caption={s.title}
      columns={[s.colLine, s.colBudget, s.colActual, s.colRemaining, s.colProjected, s.colFlags]}
    >
      {bva.lines.map((line) => (
        <tr id={`line-${line.line}`}>
          <td data-label={s.colLine}>
            <span>
              {lineName(a, line.line)} <RuleBadge rule={line.ruleId} rules={rules} />
            </span>
          </td>
          <td data-label={s.colBudget}>
            <Money fen={line.budget} />
          </td>
          <td data-label={s.colActual}>
            <Money fen={line.actual} />
          </td>
          <td data-label={s.colRemaining}>
            <Money fen={line.remaining} />
          </td>
          <td data-label={s.colProjected}>
            <Money fen={line.projected} />
          </td>
          <td data-label={s.colFlags}>
            <LineFlags a={a} rules={rules} line={line} />
          </td>
        </tr>
      ))}
      <tr class="row-total">
        <td data-label={s.colLine}>{s.total}</td>
        <td data-label={s.colBudget}>
          <Money fen={bva.totals.budget} />
        </td>
        <td data-label={s.colActual}>
          <Money fen={bva.totals.actual} />
        </td>
        <td data-label={s.colRemaining}>
          <Money fen={bva.totals.remaining} />
        </td>
        <td data-label={s.colProjected}>
          <Money fen={bva.totals.projected} />
        </td>
        <td data-label={s.colFlags} class="cell-empty" />
      </tr>
    </Table>
  );
}

/** Chart geometry, in the SVG's own units (it scales to the card's width). */
const CHART = { width: 640, label: 124, right: 16, top: 8, group: 46, bar: 11, gap: 3 };

/**
 * Budget, actual and projected per line as horizontal bars, drawn on the server (no script). The
 * title and description say in words what the bars show; the table beside it has the figures.
 */
export function BudgetChart(props: { a: A; bva: BudgetVsActual }) {
  const { a, bva } = props;
  const c = a.chart;
  const max = Math.max(1, ...bva.lines.flatMap((l) => [l.budget, l.actual, l.projected]));
  const span = CHART.width - CHART.label - CHART.right;
  const w = (fen: number) => Math.max(0, Math.round((fen / max) * span * 10) / 10);
  const height = CHART.top * 2 + bva.lines.length * CHART.group;
  const description = c.desc(
    bva.lines
      .map((l) =>
        c.lineDesc(lineName(a, l.line), formatMoney(l.budget), formatMoney(l.actual), formatMoney(l.projected)),
      )
      .join(' '),
  );
  return (
    <figure class="chart-figure">
      <svg
        class="chart"
        viewBox={`0 0 ${CHART.width} ${height}`}
        role="img"
        aria-labelledby="chart-title chart-desc"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id="chart-title">{c.title}</title>
        <desc id="chart-desc">{description}</desc>
        {bva.lines.map((line, i) => {
          const y = CHART.top + i * CHART.group;
          const bars = [
            ['budget', line.budget, 'chart-bar-budget'],
            ['actual', line.actual, line.actual > line.budget ? 'chart-bar-over' : 'chart-bar-actual'],
            ['projected', line.projected, line.projected > line.budget ? 'chart-bar-heading' : 'chart-bar-projected'],
          ] as const;
          return (
            <g>
              <text class="chart-label" x={CHART.label - 8} y={y + 2 + (CHART.bar + CHART.gap) * 1.5} text-anchor="end">
                {lineName(a, line.line)}
              </text>
              {bars.map(([, fen, cls], j) => (
                <rect
                  class={cls}
                  x={CHART.label}
                  y={y + 2 + j * (CHART.bar + CHART.gap)}
                  width={w(fen)}
                  height={CHART.bar}
                />
              ))}
              <line
                class="chart-budget-mark"
                x1={CHART.label + w(line.budget)}
                x2={CHART.label + w(line.budget)}
                y1={y}
                y2={y + 4 + 3 * (CHART.bar + CHART.gap)}
              />
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="chart-legend">
          <li>
            <span class="chart-swatch chart-swatch-budget" aria-hidden="true" />
            {c.budget}
          </li>
          <li>
            <span class="chart-swatch chart-swatch-actual" aria-hidden="true" />
            {c.actual}
          </li>
          <li>
            <span class="chart-swatch chart-swatch-projected" aria-hidden="true" />
            {c.projected}
          </li>
          <li>
            <span class="chart-swatch chart-swatch-over" aria-hidden="true" />
            {c.over}
          </li>
          <li>
            <span class="chart-swatch chart-swatch-heading" aria-hidden="true" />
            {c.heading}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

/** The recorded months, each with its totals and P-W3 flags, linking to its entry page. */
function MonthsTable(props: {
  a: A;
  rules: PolicyRules;
  contractId: string;
  months: readonly StoredActualMonth[];
  lang: PageEnv['Variables']['lang'];
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
              <Tag tone="green">{a.summary.ok}</Tag>
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

/** 实际收支: budget against actual, the chart beside the table, what needs attention, the months. */
export function ActualsPage(props: ActualsPageProps) {
  const { c, who, contract, bva } = props;
  const m = c.var.m;
  const a = m.actuals;
  const lang = c.var.lang;
  const s = a.summary;
  const term = calendarMonths(contract.startDate, contract.endDate);
  const next = nextMonth(contract, bva.months);
  // The lines' flags first, then each month's pay below the floor.
  const monthFindings = bva.findings.filter((f) => f.kind === 'payBelowFloor');
  const lineFindings = bva.findings.filter((f) => f.kind !== 'payBelowFloor');
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
            {a.recordNext(formatMonth(next, lang))}
          </a>
        ) : undefined
      }
    >
      {props.notice}
      {props.takes ? null : <Notice tone="info">{a.notTaking(a.statuses[contract.status] ?? contract.status)}</Notice>}
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
          <BudgetTable a={a} rules={m.policyRules} bva={bva} />
          <p class="muted actuals-note">{s.projectionNote}</p>
        </Card>
      </div>
      {lineFindings.length || monthFindings.length ? (
        <Card title={a.findings.title} id="findings">
          <FindingList
            rules={m.policyRules}
            findings={[...lineFindings, ...monthFindings]}
            text={(f) => findingText(f, lang)}
          />
        </Card>
      ) : null}
      <div class="card-flush">
        <Card
          title={a.months.title}
          id="months"
          extra={
            props.canWrite && props.takes ? (
              <form class="month-picker" method="get" action={actualsHref(contract.id)}>
                <label class="visually-hidden" for="month-pick">
                  {a.chooseMonth}
                </label>
                <select class="select" id="month-pick" name="month">
                  {term.map((month) => (
                    <option value={month} selected={month === next}>
                      {formatMonth(month, lang)}
                    </option>
                  ))}
                </select>
                <button type="submit" class="btn">
                  {a.recordMonth}
                </button>
              </form>
            ) : undefined
          }
        >
          <MonthsTable
            a={a}
            rules={m.policyRules}
            contractId={contract.id}
            months={props.months}
            lang={lang}
            canWrite={props.canWrite}
          />
        </Card>
      </div>
    </Shell>
  );
}

/** One payroll row of the entry form. */
function PayrollFields(props: {
  m: Messages;
  row: PayrollRow;
  index: number;
  errors: readonly FieldError[];
  people: readonly { id: string; name: string }[];
}) {
  const { m, row, index, errors } = props;
  const a = m.actuals;
  const e = a.entry;
  const id = (field: string) => `row-${index}-${field}`;
  const hasError = errors.some((x) => x.field.startsWith(`row-${index}-`));
  return (
    <fieldset class={`actual-row actual-person${hasError ? ' actual-row-error' : ''}`}>
      <legend class="actual-row-title">{e.row(index + 1)}</legend>
      <div class="actual-grid">
        {props.people.length ? (
          <SelectField
            m={m}
            id={id('personId')}
            name={id('personId')}
            label={e.person}
            error={errorFor(errors, id('personId'))}
            placeholder={e.notInRegistry}
            options={props.people.map((p) => ({ value: p.id, label: p.name }))}
            value={row.personId}
          />
        ) : null}
        <TextField
          m={m}
          id={id('name')}
          name={id('name')}
          label={e.name}
          value={row.name}
          error={errorFor(errors, id('name'))}
          width="medium"
          maxlength={40}
        />
        <SelectField
          m={m}
          id={id('certLevel')}
          name={id('certLevel')}
          label={e.certLevel}
          error={errorFor(errors, id('certLevel'))}
          placeholder={e.certLevel}
          options={CERT_LEVELS.map((level) => ({ value: level, label: e.certLevels[level] ?? level }))}
          value={row.certLevel}
        />
        <TextField
          m={m}
          id={id('grossPay')}
          name={id('grossPay')}
          label={e.grossPay}
          value={row.grossPay}
          error={errorFor(errors, id('grossPay'))}
          width="short"
        />
        <TextField
          m={m}
          id={id('share')}
          name={id('share')}
          label={e.share}
          value={row.share}
          error={errorFor(errors, id('share'))}
          width="short"
        />
      </div>
      <div class="choice">
        <input
          class="choice-input"
          type="checkbox"
          id={id('remove')}
          name={id('remove')}
          value="1"
          checked={row.remove}
        />
        <label class="choice-label" for={id('remove')}>
          {e.remove}
        </label>
      </div>
    </fieldset>
  );
}

/** The month as recorded: each person's costing with the P-W3 flag, and the six lines. */
function RecordedMonth(props: {
  a: A;
  rules: PolicyRules;
  month: StoredActualMonth;
  lang: PageEnv['Variables']['lang'];
}) {
  const { a, rules, month, lang } = props;
  const e = a.entry;
  const flagOf = (i: number) => month.cost.findings.filter((f) => f.path === `/payroll/${i}/grossPay`);
  return (
    <>
      <p class="muted card-pad">{e.costedWith(month.ruleSet.title)}</p>
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
                <Tag tone="green">{a.summary.ok}</Tag>
              )}
            </td>
          </tr>
        ))}
      </Table>
      <div class="card-pad">
        <DescriptionList
          items={[
            ...BUDGET_LINES.map((line): [string, Child] => [lineName(a, line), formatMoney(month.cost.lines[line])]),
            [a.summary.total, <strong>{formatMoney(month.cost.total)}</strong>],
          ]}
        />
        {month.input.note ? <p class="muted">{month.input.note}</p> : null}
      </div>
    </>
  );
}

export interface MonthPageProps {
  c: Context<PageEnv>;
  who: SignedIn;
  contract: StoredContract;
  month: string;
  canWrite: boolean;
  rows: readonly PayrollRow[];
  expenses: ExpenseValues;
  /** The revision the form was rendered from ('' before the first record). */
  revision: string;
  errors: readonly FieldError[];
  people: readonly { id: string; name: string }[];
  /** Where the rows were prefilled from, if not from this month itself. */
  prefilled?: { from: 'month'; month: string } | { from: 'posts' } | undefined;
  current?: StoredActualMonth | undefined;
  history: readonly (StoredActualMonth & { recordedByName?: string })[];
  stale?: boolean;
}

/** 登记某月: the entry form (for writers), the month as recorded, and its revisions. */
export function MonthPage(props: MonthPageProps) {
  const { c, who, contract, month, rows, errors } = props;
  const m = c.var.m;
  const a = m.actuals;
  const e = a.entry;
  const lang = c.var.lang;
  const label = formatMonth(month, lang);
  const here = monthHref(contract.id, month);
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
      here={here}
    >
      {props.stale ? <Notice tone="error">{a.errors.stale}</Notice> : null}
      <ErrorSummary m={m} errors={errors} />
      {props.canWrite ? (
        <Card>
          <p class="muted">{e.rulesNote}</p>
          {props.prefilled?.from === 'month' ? (
            <p class="muted">{e.prefilledFrom(formatMonth(props.prefilled.month, lang))}</p>
          ) : props.prefilled?.from === 'posts' ? (
            <p class="muted">{e.prefilledPosts}</p>
          ) : null}
          {props.people.length ? <p class="muted">{e.personHint}</p> : null}
          <form class="form form-wide" method="post" action={here} novalidate>
            <CsrfInput token={c.var.csrfToken} />
            <input type="hidden" name="revision" value={props.revision} />
            <input type="hidden" name="rows" value={String(rows.length)} />
            <h2 class="section-title">{e.payroll}</h2>
            {rows.map((row, i) => (
              <PayrollFields m={m} row={row} index={i} errors={errors} people={props.people} />
            ))}
            <div class="actions actions-rows">
              <button type="submit" class="btn" name="action" value="add" disabled={rows.length >= 500}>
                {e.addRow}
              </button>
            </div>
            <fieldset class="actual-row">
              <legend class="actual-row-title">{e.expenses}</legend>
              <div class="actual-grid">
                {ITEMISED_LINES.map((line) => (
                  <TextField
                    m={m}
                    id={`expense-${line}`}
                    name={`expense-${line}`}
                    label={lineName(a, line)}
                    value={props.expenses[line]}
                    error={errorFor(errors, `expense-${line}`)}
                    width="short"
                  />
                ))}
              </div>
              <TextField
                m={m}
                id="note"
                name="note"
                label={e.note}
                value={props.expenses.note}
                error={errorFor(errors, 'note')}
                maxlength={500}
              />
            </fieldset>
            <div class="actions">
              <button type="submit" class="btn btn-primary" name="action" value="save">
                {e.save}
              </button>
              <a class="btn" href={actualsHref(contract.id)}>
                {e.cancel}
              </a>
            </div>
          </form>
        </Card>
      ) : null}
      {props.current ? (
        <div class="card-flush">
          <Card title={e.recordedTitle} id="recorded" extra={a.months.revision(props.current.revision)}>
            <RecordedMonth a={a} rules={m.policyRules} month={props.current} lang={lang} />
          </Card>
        </div>
      ) : null}
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
                <td data-label={e.colRecordedAt}>{formatDate(h.recordedAt, lang)}</td>
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
    </Shell>
  );
}
