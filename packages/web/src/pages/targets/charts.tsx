/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { CertifiedSeries, CountyTargets, TargetFigure } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { ChartFigure } from '../../layout/chart.tsx';
import { Table } from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { COUNTY_COLUMNS, seriesTop, shareMet } from './view.ts';

/** Server-side SVG charts of the targets (layout/chart.tsx), each with its table of the same figures. */

const pct = (share: number) => `${Math.round(share * 100)}%`;

const PROGRESS = { width: 640, label: 64, figure: 64, head: 26, bar: 12, gap: 5, after: 12 } as const;

/** The figures of a county in the chart's order (the per-county table's columns). */
const ordered = (county: CountyTargets): TargetFigure[] =>
  COUNTY_COLUMNS.map((key) => county.figures.find((f) => f.key === key)).filter((f): f is TargetFigure => !!f);

/**
 * Progress per county: for each county, a bar per target (P-T1 … P-T5, P-T7) as long as the share
 * of its goal met, coloured by its status; "no data" where the map cannot say. Its table is the
 * per-county table (rows counties, columns targets) the page shows beside it.
 */
export function ProgressChart(props: { c: Context<PageEnv>; counties: readonly CountyTargets[] }) {
  const { c, counties } = props;
  const t = c.var.m.targets;
  const lang = c.var.lang;
  const group = PROGRESS.head + COUNTY_COLUMNS.length * (PROGRESS.bar + PROGRESS.gap) + PROGRESS.after;
  const room = PROGRESS.width - PROGRESS.label - PROGRESS.figure;
  const description = counties
    .map((county) =>
      t.progressDesc(
        regionName(county.county, lang),
        ordered(county)
          .map((f) => {
            const share = shareMet(f);
            return t.progressPart(f.ruleId, share === undefined ? t.progressNone : pct(share));
          })
          .join('，'),
      ),
    )
    .join('；');
  return (
    <ChartFigure
      id="progress-chart"
      title={t.progressTitle}
      description={description}
      width={PROGRESS.width}
      height={counties.length * group}
    >
      {counties.map((county, i) => {
        const top = i * group;
        return (
          <g>
            <text class="chart-label chart-heading" x={0} y={top + 18}>
              {regionName(county.county, lang)}
            </text>
            {ordered(county).map((f, j) => {
              const y = top + PROGRESS.head + j * (PROGRESS.bar + PROGRESS.gap);
              const share = shareMet(f);
              const width = share === undefined ? 0 : Math.max(2, Math.round(share * room));
              return (
                <g>
                  <text class="chart-label chart-small" x={0} y={y + PROGRESS.bar - 1}>
                    {f.ruleId}
                  </text>
                  <rect class="chart-track" x={PROGRESS.label} y={y} width={room} height={PROGRESS.bar} rx={2} />
                  {width ? (
                    <rect
                      class={`chart-bar-${f.status}`}
                      x={PROGRESS.label}
                      y={y}
                      width={width}
                      height={PROGRESS.bar}
                      rx={2}
                    />
                  ) : null}
                  <text class="chart-label chart-small" x={PROGRESS.label + room + 6} y={y + PROGRESS.bar - 1}>
                    {share === undefined ? t.progressNone : pct(share)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartFigure>
  );
}

const SERIES = { width: 640, height: 260, left: 44, right: 80, top: 16, bottom: 30 } as const;

/**
 * P-T5 over time: a bar per year (31 December; this year, today) against the baseline and the goal
 * as lines across, with the table of the same figures under it.
 */
export function SeriesChart(props: { c: Context<PageEnv>; series: CertifiedSeries }) {
  const { c, series } = props;
  const t = c.var.m.targets;
  const top = seriesTop(series);
  const plotW = SERIES.width - SERIES.left - SERIES.right;
  const plotH = SERIES.height - SERIES.top - SERIES.bottom;
  const yOf = (n: number) => SERIES.top + plotH - (n / top) * plotH;
  const slot = plotW / Math.max(1, series.points.length);
  const barW = Math.min(48, slot * 0.6);
  const description = t.seriesDesc(
    series.points.map((p) => t.seriesPoint(p.year, p.count)).join('，'),
    series.baseline === null ? t.seriesNoBaseline : t.seriesBaseline(series.baselineYear, series.baseline),
    series.goal === null ? '' : t.seriesGoal(series.goal, series.deadlineYear),
  );
  const line = (n: number, label: string, cls: string) => (
    <g>
      <line class={cls} x1={SERIES.left} x2={SERIES.left + plotW} y1={yOf(n)} y2={yOf(n)} />
      <text class="chart-label chart-small" x={SERIES.left + plotW + 6} y={yOf(n) + 4}>
        {`${label} ${n}`}
      </text>
    </g>
  );
  return (
    <div>
      <ChartFigure
        id="series-chart"
        title={t.seriesTitle}
        description={description}
        width={SERIES.width}
        height={SERIES.height}
      >
        <line class="chart-axis" x1={SERIES.left} x2={SERIES.left + plotW} y1={yOf(0)} y2={yOf(0)} />
        <text class="chart-label chart-small" x={0} y={yOf(0) + 4}>
          0
        </text>
        <text class="chart-label chart-small" x={0} y={yOf(top) + 4}>
          {String(top)}
        </text>
        {series.points.map((p, i) => {
          const x = SERIES.left + i * slot + (slot - barW) / 2;
          return (
            <g>
              <rect class="chart-bar-actual" x={x} y={yOf(p.count)} width={barW} height={yOf(0) - yOf(p.count)} />
              <text class="chart-label chart-small" x={x} y={yOf(p.count) - 4}>
                {String(p.count)}
              </text>
              <text class="chart-label chart-small" x={x} y={SERIES.height - 8}>
                {String(p.year)}
              </text>
            </g>
          );
        })}
        {series.baseline === null ? null : line(series.baseline, t.baseline, 'chart-line-baseline')}
        {series.goal === null ? null : line(series.goal, t.goal, 'chart-line-goal')}
      </ChartFigure>
      <Table caption={t.seriesTitle} columns={[t.col.year, t.col.certified]}>
        {series.points.map((p) => (
          <tr>
            <td data-label={t.col.year}>{p.year}</td>
            <td data-label={t.col.certified} class="num">
              {p.count}
            </td>
          </tr>
        ))}
        {series.baseline === null ? null : (
          <tr>
            <td data-label={t.col.year}>{t.baselineOf(series.baselineYear)}</td>
            <td data-label={t.col.certified} class="num">
              {series.baseline}
            </td>
          </tr>
        )}
        {series.goal === null ? null : (
          <tr>
            <td data-label={t.col.year}>{t.goal}</td>
            <td data-label={t.col.certified} class="num">
              {series.goal}
            </td>
          </tr>
        )}
      </Table>
      <p class="hint">{series.baseline === null ? t.seriesNoBaseline : t.seriesNote}</p>
    </div>
  );
}
