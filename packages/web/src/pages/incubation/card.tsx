/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import { type IncubationOverview, incubationOverview, incubationsPerQuarter, type UseCaseContext } from '@shegong/core';
import { INCUBATION_STAGES, type QuarterCount } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { ChartFigure } from '../../layout/chart.tsx';
import { Card, Table } from '../../layout/components.tsx';
import { APPLICATIONS, INCUBATED } from './paths.ts';
import { TEMPLATE_PAGE } from './template.tsx';

/** What the base's dashboard card shows: the overview, and the records' starts and graduations per quarter. */
export async function incubationCardData(ctx: UseCaseContext) {
  const [overview, quarters] = await Promise.all([incubationOverview(ctx), incubationsPerQuarter(ctx)]);
  return { overview, quarters };
}

const BARS = { width: 480, bar: 22, gap: 12, label: 120, figure: 40 } as const;

/** Organisations by stage as horizontal bars (server-side SVG); the table below has the same figures. */
function StageChart(props: { c: Context<PageEnv>; overview: IncubationOverview }) {
  const { c, overview } = props;
  const k = c.var.m.incubation;
  const ch = c.var.m.incubationRegister.charts;
  const max = Math.max(1, ...INCUBATION_STAGES.map((s) => overview.byStage[s]));
  const room = BARS.width - BARS.label - BARS.figure;
  const height = INCUBATION_STAGES.length * (BARS.bar + BARS.gap) + BARS.gap;
  const description = ch.byStageDesc(
    INCUBATION_STAGES.map((s) => ch.byStagePart(k.stages[s], overview.byStage[s])).join('；'),
  );
  return (
    <ChartFigure id="stage-chart" title={ch.byStageTitle} description={description} width={BARS.width} height={height}>
      {INCUBATION_STAGES.map((stage, i) => {
        const y = BARS.gap + i * (BARS.bar + BARS.gap);
        const n = overview.byStage[stage];
        const width = n ? Math.max(2, Math.round((n / max) * room)) : 0;
        return (
          <g>
            <text class="chart-label" x={0} y={y + BARS.bar * 0.7}>
              {k.stages[stage]}
            </text>
            <rect class="chart-bar-actual" x={BARS.label} y={y} width={width} height={BARS.bar} rx={2} />
            <text class="chart-label" x={BARS.label + width + 8} y={y + BARS.bar * 0.7}>
              {n}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}

const COLUMNS = { height: 200, top: 16, axis: 36, group: 64, bar: 20 } as const;

/** Incubations started and graduated per quarter, paired columns per quarter; the table below has the figures. */
function QuarterChart(props: { c: Context<PageEnv>; quarters: readonly QuarterCount[] }) {
  const { c, quarters } = props;
  const ch = c.var.m.incubationRegister.charts;
  const label = (quarter: string) => ch.quarterLabel(quarter.slice(0, 4), quarter.slice(6));
  const max = Math.max(1, ...quarters.flatMap((q) => [q.started, q.graduated]));
  const room = COLUMNS.height - COLUMNS.top - COLUMNS.axis;
  const width = Math.max(240, quarters.length * COLUMNS.group);
  const description = ch.quarterDesc(
    quarters.map((q) => ch.quarterPart(label(q.quarter), q.started, q.graduated)).join('；'),
  );
  const column = (n: number, x: number, cls: string) => {
    const h = n ? Math.max(2, Math.round((n / max) * room)) : 0;
    const y = COLUMNS.top + room - h;
    return (
      <>
        <rect class={cls} x={x} y={y} width={COLUMNS.bar} height={h} rx={2} />
        {n ? (
          <text class="chart-label" x={x + COLUMNS.bar / 2} y={y - 4} text-anchor="middle">
            {n}
          </text>
        ) : null}
      </>
    );
  };
  return (
    <ChartFigure
      id="quarter-chart"
      title={ch.quarterTitle}
      description={description}
      width={width}
      height={COLUMNS.height}
      caption={
        <ul class="chart-legend">
          <li>
            <span class="chart-swatch chart-swatch-actual" />
            {ch.started}
          </li>
          <li>
            <span class="chart-swatch chart-swatch-graduated" />
            {ch.graduated}
          </li>
        </ul>
      }
    >
      {quarters.map((q, i) => {
        const x = i * COLUMNS.group + 8;
        return (
          <g>
            {column(q.started, x, 'chart-bar-actual')}
            {column(q.graduated, x + COLUMNS.bar + 2, 'chart-bar-graduated')}
            <text class="chart-label" x={x + COLUMNS.bar} y={COLUMNS.height - 16} text-anchor="middle">
              {q.quarter.slice(0, 4)}
            </text>
            <text class="chart-label" x={x + COLUMNS.bar} y={COLUMNS.height - 2} text-anchor="middle">
              {`Q${q.quarter.slice(6)}`}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}

/**
 * The base's dashboard card: applications waiting for a decision, the organisations admitted by
 * stage and the starts and graduations per quarter — each chart with its table (the accessible
 * figures: the charts' images are described in words too).
 */
export function IncubationCard(props: {
  c: Context<PageEnv>;
  overview: IncubationOverview;
  quarters: readonly QuarterCount[];
}) {
  const k = props.c.var.m.incubation;
  const ch = props.c.var.m.incubationRegister.charts;
  const { overview, quarters } = props;
  const admitted = INCUBATION_STAGES.reduce((sum, stage) => sum + overview.byStage[stage], 0);
  const label = (quarter: string) => ch.quarterLabel(quarter.slice(0, 4), quarter.slice(6));
  return (
    <Card title={k.cardTitle} id="incubation" extra={<a href={INCUBATED}>{ch.openRegister}</a>}>
      <p>
        <strong>{k.waiting(overview.applicationsWaiting)}</strong>{' '}
        <a href={APPLICATIONS}>{props.c.var.m.incubationPages.applications.review}</a>
      </p>
      {admitted ? (
        <div class="grid-2 incubation-charts">
          <div>
            <StageChart c={props.c} overview={overview} />
            <Table caption={k.byStage} columns={[k.stage, k.count]}>
              {INCUBATION_STAGES.map((stage) => (
                <tr>
                  <td data-label={k.stage}>{k.stages[stage]}</td>
                  <td data-label={k.count} class="num">
                    {overview.byStage[stage]}
                  </td>
                </tr>
              ))}
            </Table>
          </div>
          <div>
            <QuarterChart c={props.c} quarters={quarters} />
            <Table caption={ch.quarterTitle} columns={[ch.quarter, ch.started, ch.graduated]}>
              {quarters.map((q) => (
                <tr>
                  <td data-label={ch.quarter}>{label(q.quarter)}</td>
                  <td data-label={ch.started} class="num">
                    {q.started}
                  </td>
                  <td data-label={ch.graduated} class="num">
                    {q.graduated}
                  </td>
                </tr>
              ))}
            </Table>
          </div>
        </div>
      ) : (
        <p>{k.none}</p>
      )}
      <p>
        <a href={TEMPLATE_PAGE}>{props.c.var.m.incubationSupport.editTemplate}</a>
      </p>
    </Card>
  );
}
