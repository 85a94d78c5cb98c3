/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { BudgetVsActual, BudgetVsActualLine } from '@shegong/domain';
import { formatMoney, type Messages } from '../../i18n/index.ts';
import { ChartFigure } from '../../layout/chart.tsx';
import { Table, Tag } from '../../layout/components.tsx';
import { type PolicyRules, RuleBadge } from '../../layout/rule-badge.tsx';

/** Budget against actual, as a table and as a chart; and how the actuals pages show a line and a sum. */

export type A = Messages['actuals'];

export const lineName = (a: A, line: string) => a.lines[line] ?? line;

/** A sum in a table: right-aligned figures, red when below zero (a line overspent). */
export const Money = (props: { fen: number }) => (
  <span class={`num${props.fen < 0 ? ' text-error' : ''}`}>{formatMoney(props.fen)}</span>
);

/** Nothing to flag: the green tag a line, a month or a payroll row shows when no rule is broken. */
export const NoFlags = (props: { a: A }) => <Tag tone="green">{props.a.summary.ok}</Tag>;

/** The line's flag in the table: a tag with the rule badge (the sentence is under 需要注意). */
function LineFlags(props: { a: A; rules: PolicyRules; line: BudgetVsActualLine }) {
  const { a, line } = props;
  const f = line.findings[0];
  if (!f) return <NoFlags a={a} />;
  const over = f.kind === 'actualOverBudget';
  return (
    <span class="figure">
      <RuleBadge rule={f.ruleId} rules={props.rules} tone={over ? 'red' : 'amber'} />
      <Tag tone={over ? 'red' : 'amber'}>{over ? a.summary.over : a.summary.heading}</Tag>
    </span>
  );
}

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

/** One line's three bars (budget, actual, projected), over-budget ones coloured, and the budget's mark. */
function LineBars(props: { a: A; line: BudgetVsActualLine; index: number; width: (fen: number) => number }) {
  const { line, width: w } = props;
  const y = CHART.top + props.index * CHART.group;
  const bars = [
    ['budget', line.budget, 'chart-bar-budget'],
    ['actual', line.actual, line.actual > line.budget ? 'chart-bar-over' : 'chart-bar-actual'],
    ['projected', line.projected, line.projected > line.budget ? 'chart-bar-heading' : 'chart-bar-projected'],
  ] as const;
  return (
    <g>
      <text class="chart-label" x={CHART.label - 8} y={y + 2 + (CHART.bar + CHART.gap) * 1.5} text-anchor="end">
        {lineName(props.a, line.line)}
      </text>
      {bars.map(([, fen, cls], j) => (
        <rect class={cls} x={CHART.label} y={y + 2 + j * (CHART.bar + CHART.gap)} width={w(fen)} height={CHART.bar} />
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
}

const LEGEND = ['budget', 'actual', 'projected', 'over', 'heading'] as const;

function ChartLegend(props: { a: A }) {
  return (
    <ul class="chart-legend">
      {LEGEND.map((key) => (
        <li>
          <span class={`chart-swatch chart-swatch-${key}`} aria-hidden="true" />
          {props.a.chart[key]}
        </li>
      ))}
    </ul>
  );
}

/**
 * Budget, actual and projected per line as horizontal bars, drawn on the server (no script). The
 * title and description say in words what the bars show; the table beside it has the figures.
 */
export function BudgetChart(props: { a: A; bva: BudgetVsActual }) {
  const { a, bva } = props;
  const c = a.chart;
  const max = Math.max(1, ...bva.lines.flatMap((l) => [l.budget, l.actual, l.projected]));
  const span = CHART.width - CHART.label - CHART.right;
  const width = (fen: number) => Math.max(0, Math.round((fen / max) * span * 10) / 10);
  const height = CHART.top * 2 + bva.lines.length * CHART.group;
  const description = c.desc(
    bva.lines
      .map((l) =>
        c.lineDesc(lineName(a, l.line), formatMoney(l.budget), formatMoney(l.actual), formatMoney(l.projected)),
      )
      .join(' '),
  );
  return (
    <ChartFigure
      id="chart"
      title={c.title}
      description={description}
      width={CHART.width}
      height={height}
      caption={<ChartLegend a={a} />}
    >
      {bva.lines.map((line, i) => (
        <LineBars a={a} line={line} index={i} width={width} />
      ))}
    </ChartFigure>
  );
}
