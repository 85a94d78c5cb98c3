/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { jurisdictionBaseCoverage, overdueFinalEvaluations, type RegisterOverview } from '@shegong/core';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { formatMoney } from '../../i18n/index.ts';
import { ChartFigure } from '../../layout/chart.tsx';
import { Card, Table } from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { AwardClaimsWaitingCard, loadAwardClaimsWaiting } from '../awards/waiting-card.tsx';
import { BaseCoverageCard } from '../bases/views.tsx';
import { OverdueFinalsCard } from '../evaluations/views.tsx';
import { BureauRectificationCard, bureauRectificationCard } from '../rectification/cards.tsx';
import { loadReviewsWaiting, ReviewsWaitingCard } from '../reviews/waiting-card.tsx';
import { targetsDashboardCard } from '../targets/card.tsx';
import { REGISTER } from './paths.ts';

/**
 * A card another capability adds to the bureau's dashboard, or nothing when it has nothing to show.
 * The places kept for them, in this order: reviews waiting (review before signing), rectifications
 * overdue (findings and rectification), final evaluations overdue (spot checks and evaluations),
 * incubation bases per county (P-T1), the targets (P-T1 … P-T7).
 * Each capability exports its card; the dashboard renders BUREAU_DASHBOARD_CARDS after its own.
 */
export type BureauDashboardCard = (c: Context<PageEnv>) => Promise<Child | null>;

/** The cards of the bureau's other work (see above). */
export const BUREAU_DASHBOARD_CARDS: readonly BureauDashboardCard[] = [
  async (c) => <ReviewsWaitingCard c={c} waiting={await loadReviewsWaiting(c)} />,
  // Level-improvement claims endorsed and waiting for this bureau's decision (P-A2 … P-A6).
  async (c) => <AwardClaimsWaitingCard c={c} waiting={await loadAwardClaimsWaiting(c)} />,
  async (c) => {
    const overdue = await bureauRectificationCard(c);
    return overdue === undefined ? null : <BureauRectificationCard c={c} overdue={overdue} />;
  },
  async (c) => <OverdueFinalsCard c={c} overdue={await overdueFinalEvaluations(c.var.ctx)} />,
  // Incubation bases per county (P-T1): a target the bureau tracks.
  async (c) => <BaseCoverageCard c={c} coverage={await jurisdictionBaseCoverage(c.var.ctx)} />,
  // The targets (P-T1 … P-T7, issue 13): how many are met, and each one that is not.
  targetsDashboardCard,
];

const CHART = { width: 640, bar: 28, gap: 18, label: 150, figure: 150 } as const;

/** Contract value by county as horizontal bars (server-side SVG, no script), with its table beside it. */
function CountyChart(props: { c: Context<PageEnv>; overview: RegisterOverview }) {
  const { c, overview } = props;
  const d = c.var.m.register.dashboard;
  const lang = c.var.lang;
  const max = Math.max(1, ...overview.byCounty.map((x) => x.totals.value));
  const room = CHART.width - CHART.label - CHART.figure;
  const height = overview.byCounty.length * (CHART.bar + CHART.gap) + CHART.gap;
  const description = overview.byCounty
    .map((x) => d.chartDesc(regionName(x.county, lang), formatMoney(x.totals.value), x.totals.count))
    .join('；');
  return (
    <ChartFigure id="county-chart" title={d.chartTitle} description={description} width={CHART.width} height={height}>
      {overview.byCounty.map((x, i) => {
        const y = CHART.gap + i * (CHART.bar + CHART.gap);
        const width = Math.max(2, Math.round((x.totals.value / max) * room));
        return (
          <g>
            <text class="chart-label" x={0} y={y + CHART.bar * 0.7}>
              {regionName(x.county, lang)}
            </text>
            <rect class="chart-bar-actual" x={CHART.label} y={y} width={width} height={CHART.bar} rx={2} />
            <text class="chart-label" x={CHART.label + width + 8} y={y + CHART.bar * 0.7}>
              {formatMoney(x.totals.value)}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}

/** The bureau's dashboard: contracts and money by county (chart and table), the rules broken, its other work. */
export function BureauDashboard(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  overview: RegisterOverview;
  cards: readonly Child[];
}) {
  const { c, who, overview } = props;
  const m = c.var.m;
  const r = m.register;
  const d = r.dashboard;
  const lang = c.var.lang;
  const countyHref = (county: string) => `${REGISTER}?county=${county}`;
  return (
    <Shell
      c={c}
      who={who}
      title={m.dashboard.title}
      lead={m.dashboard.welcome(who.user.name)}
      actions={
        <a class="btn btn-primary" href={REGISTER}>
          {d.openRegister}
        </a>
      }
    >
      <Card title={d.byCounty} id="by-county">
        {overview.byCounty.length ? (
          <div class="grid-2">
            <CountyChart c={c} overview={overview} />
            <Table caption={d.byCounty} columns={[r.col.county, d.count, d.value, d.labourCost]}>
              {overview.byCounty.map((x) => (
                <tr>
                  <td data-label={r.col.county}>
                    <a href={countyHref(x.county)}>{regionName(x.county, lang)}</a>
                  </td>
                  <td data-label={d.count} class="num">
                    {x.totals.count}
                  </td>
                  <td data-label={d.value} class="num nowrap">
                    {formatMoney(x.totals.value)}
                  </td>
                  <td data-label={d.labourCost} class="num nowrap">
                    {formatMoney(x.totals.labourCost)}
                  </td>
                </tr>
              ))}
              <tr class="row-total">
                <td data-label={r.col.county}>{d.total}</td>
                <td data-label={d.count} class="num">
                  {overview.total.count}
                </td>
                <td data-label={d.value} class="num nowrap">
                  {formatMoney(overview.total.value)}
                </td>
                <td data-label={d.labourCost} class="num nowrap">
                  {formatMoney(overview.total.labourCost)}
                </td>
              </tr>
            </Table>
          </div>
        ) : (
          <p>{d.noContracts}</p>
        )}
      </Card>
      <Card title={d.breaches} id="breaches" extra={d.breachesLead}>
        <ul class="staff-counts">
          {overview.byFinding.map((f) => (
            <li>
              <a
                class={`staff-count${f.totals.count ? ' staff-count-error' : ''}`}
                href={`${REGISTER}?finding=${f.kind}`}
              >
                {d.breachCount(r.findings[f.kind], f.totals.count)}
              </a>{' '}
              <RuleBadge rules={m.policyRules} rule={f.ruleId} tone={f.totals.count ? 'red' : 'grey'} />
            </li>
          ))}
        </ul>
      </Card>
      {[...props.cards]}
    </Shell>
  );
}
