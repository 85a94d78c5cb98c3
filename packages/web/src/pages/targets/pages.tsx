/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { TargetsOverview } from '@shegong/core';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatDate } from '../../i18n/index.ts';
import { Card, Table } from '../../layout/components.tsx';
import { Document } from '../../layout/document.tsx';
import { regionName } from '../../layout/labels.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { SeriesChart } from './charts.tsx';
import { MAP, TARGETS, TARGETS_PRINT, TARGETS_XLSX } from './paths.ts';
import { CountiesCard, CountyTable, FigureBadge, GapTable, StatusSummary, StatusTag, TargetCard } from './views.tsx';

type C = Context<PageEnv>;

/** What to do first when the map has no township or community yet (the per-place targets need them). */
function EmptyMap(props: { c: C }) {
  const t = props.c.var.m.targets;
  return (
    <Card title={t.emptyTitle} id="empty-map">
      <p>{t.emptyLead}</p>
      <p>
        <a class="btn btn-primary" href={MAP}>
          {t.emptyAction}
        </a>
      </p>
    </Card>
  );
}

/**
 * The targets of the bureau's scope (目标进度): a card per target with the list behind its number,
 * the counties' table and chart, the certified count over time. The same page shows one county
 * (`county` given): its lists open, no per-county links.
 */
export function TargetsPage(props: { c: C; who: SignedIn; overview: TargetsOverview; county?: string }) {
  const { c, who, overview } = props;
  const t = c.var.m.targets;
  const lang = c.var.lang;
  const { dashboard } = overview;
  const cityWide = dashboard.counties.length > 1;
  return (
    <Shell
      c={c}
      who={who}
      title={props.county ? t.countyTitle(regionName(props.county, lang)) : t.title}
      crumbs={props.county ? [{ label: t.title, href: TARGETS }] : []}
      lead={t.lead}
      actions={
        <>
          <a class="btn btn-primary" href={MAP}>
            {t.map}
          </a>
          <a class="btn" href={TARGETS_XLSX}>
            {t.xlsx}
          </a>
          <a class="btn" href={TARGETS_PRINT}>
            {t.printView}
          </a>
        </>
      }
    >
      {overview.hasPlaces ? null : <EmptyMap c={c} />}
      <Card id="summary">
        <StatusSummary c={c} figures={dashboard.figures} today={dashboard.today} />
      </Card>
      <div class="target-cards">
        {dashboard.figures.map((f) => (
          <TargetCard c={c} figure={f} openGaps={props.county !== undefined} />
        ))}
      </div>
      <CountiesCard c={c} counties={dashboard.counties} links={cityWide} />
      <Card title={t.seriesTitle} id="certified-series">
        <SeriesChart c={c} series={overview.series} />
      </Card>
    </Shell>
  );
}

/**
 * The printable view (what a bureau files on paper): no menu, the bureau and the date on top, every
 * figure with its rule id, each county's figures and every list behind a number.
 */
export function TargetsPrint(props: { c: C; who: SignedIn; overview: TargetsOverview }) {
  const { c, who, overview } = props;
  const m = c.var.m;
  const t = m.targets;
  const lang = c.var.lang;
  const { dashboard, series } = overview;
  const bureau = lang === 'en' && who.tenant.nameEn ? who.tenant.nameEn : who.tenant.name;
  const title = t.printTitle(regionName(dashboard.scope, lang));
  const cols = [t.col.target, t.col.value, t.col.goal, t.col.unitDeadline, t.col.status];
  return (
    <Document m={m} title={title} bodyClass="print-page">
      <main id="main" class="print-sheet">
        <p class="no-print print-actions">
          <a href={TARGETS}>{t.back}</a>{' '}
          <button type="button" class="btn" data-print="">
            {t.print}
          </button>
        </p>
        <h1>{title}</h1>
        <p>
          {t.bureau}：{bureau} · {t.asOf(formatDate(dashboard.today, lang))}
        </p>
        <Table caption={title} columns={cols}>
          {dashboard.figures.map((f) => (
            <tr data-target={f.key}>
              <td data-label={cols[0]}>
                {t.names[f.key]} <FigureBadge c={c} figure={f} />
              </td>
              <td data-label={cols[1]} class="num">
                {f.value}
              </td>
              <td data-label={cols[2]} class="num">
                {f.goal ?? '—'}
              </td>
              <td data-label={cols[3]}>
                {t.units[f.unit]} · {t.deadline(f.deadlineYear)}
              </td>
              <td data-label={cols[4]}>
                <StatusTag c={c} figure={f} />
              </td>
            </tr>
          ))}
        </Table>
        <h2>{t.countiesTitle}</h2>
        <CountyTable c={c} counties={dashboard.counties} links={false} />
        <h2>{t.seriesTitle}</h2>
        <p>
          {series.points.map((p) => t.seriesPoint(p.year, p.count)).join('，')}
          {series.baseline === null ? ` ${t.seriesNoBaseline}` : ''}
          {series.baseline !== null ? ` ${t.baseline} ${series.baseline}` : ''}
          {series.goal !== null ? ` · ${t.goal} ${series.goal}` : ''} (P-T5)
        </p>
        {dashboard.figures
          .filter((f) => f.gaps.length)
          .map((f) => (
            <section class="print-gaps">
              <h2>
                {f.ruleId} {t.names[f.key]} · {t.gapsTitle(f.gaps.length)}
              </h2>
              <GapTable c={c} figureKey={f.key} gaps={f.gaps} />
            </section>
          ))}
      </main>
    </Document>
  );
}
