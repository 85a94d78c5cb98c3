/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { type CountyTargets, TARGET_RULES, type TargetFigure, type TargetGap, type TargetKey } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatDate } from '../../i18n/index.ts';
import { Card, Table, Tag } from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { ProgressChart } from './charts.tsx';
import { targetsCountyPath } from './paths.ts';
import { COUNTY_COLUMNS, gapHasNeed, STATUS_TONES, statusCounts } from './view.ts';

/** The pieces of the targets pages (dashboard, a county's, the printable view) that show figures. */

type C = Context<PageEnv>;

/** A figure's status: its colour and its word, never the colour alone. */
export function StatusTag(props: { c: C; figure: Pick<TargetFigure, 'status'> }) {
  const { c, figure } = props;
  return <Tag tone={STATUS_TONES[figure.status]}>{c.var.m.targets.statuses[figure.status]}</Tag>;
}

/** The rule's badge, opening what the rule says and the numbers of this figure. */
export function FigureBadge(props: { c: C; figure: TargetFigure }) {
  const { c, figure: f } = props;
  const t = c.var.m.targets;
  return (
    <RuleBadge
      rules={c.var.m.policyRules}
      rule={f.ruleId}
      figure={t.figure(f.value, f.goal, t.units[f.unit], f.ruleId)}
      tone={STATUS_TONES[f.status]}
    />
  );
}

/** Where a line of the list is, in the reader's words: the place's name, or its county's or city's. */
const placeName = (gap: TargetGap, lang: C['var']['lang']) => gap.name ?? regionName(gap.code, lang);

/**
 * The list behind a number: each place that lacks what the target asks, with what it has and
 * needs. The place's county and code go under its name, so the table fits a card's width.
 */
export function GapTable(props: { c: C; figureKey: TargetKey; gaps: readonly TargetGap[] }) {
  const { c, gaps } = props;
  const t = c.var.m.targets;
  const lang = c.var.lang;
  return (
    <Table
      caption={t.names[props.figureKey]}
      columns={[t.col.place, t.col.kind, t.col.have, t.col.need, t.col.lacks]}
      empty={gaps.length ? undefined : t.noGaps}
    >
      {gaps.map((g) => (
        <tr data-gap={g.code}>
          <td data-label={t.col.place}>
            {placeName(g, lang)}
            <br />
            <span class="muted nowrap">
              {g.county && g.level !== 'county' ? `${regionName(g.county, lang)} · ` : ''}
              {g.code}
            </span>
          </td>
          <td data-label={t.col.kind}>{g.kind ? (t.kinds[g.kind] ?? g.kind) : t.levels[g.level]}</td>
          <td data-label={t.col.have} class="num">
            {g.have}
          </td>
          <td data-label={t.col.need} class="num">
            {gapHasNeed(g) ? g.need : '—'}
          </td>
          <td data-label={t.col.lacks}>{gapHasNeed(g) ? t.lacks[props.figureKey] : t.noData}</td>
        </tr>
      ))}
    </Table>
  );
}

/**
 * A card per target: value / goal and unit, the deadline, the status in colour and words, the
 * rule's badge, and the list behind the number (open when short, or when asked: a county's page).
 */
export function TargetCard(props: { c: C; figure: TargetFigure; openGaps?: boolean }) {
  const { c, figure: f } = props;
  const t = c.var.m.targets;
  const open = props.openGaps || (f.gaps.length > 0 && f.gaps.length <= 5);
  return (
    <Card
      title={t.names[f.key]}
      id={`target-${f.key}`}
      extra={
        <span class="figure">
          <StatusTag c={c} figure={f} /> <FigureBadge c={c} figure={f} />
        </span>
      }
    >
      <p class="target-value">
        <strong>{f.value}</strong>
        {f.goal === null ? null : <span> / {f.goal}</span>} <span class="muted">{t.units[f.unit]}</span>
      </p>
      <p class="hint">
        {t.goals[f.key]} · {t.deadline(f.deadlineYear)}
      </p>
      {f.gaps.length ? (
        <details class="target-gaps" open={open}>
          <summary>{t.gapsTitle(f.gaps.length)}</summary>
          <GapTable c={c} figureKey={f.key} gaps={f.gaps} />
        </details>
      ) : (
        <p class="muted">{t.noGaps}</p>
      )}
    </Card>
  );
}

/** How many targets are in each status, and how many are met, for the top of the page. */
export function StatusSummary(props: { c: C; figures: readonly TargetFigure[]; today: string }) {
  const { c, figures } = props;
  const t = c.var.m.targets;
  const met = figures.filter((f) => f.status === 'met').length;
  return (
    <div class="target-summary">
      <p>
        <strong>{t.summary(met, figures.length)}</strong> · {t.asOf(formatDate(props.today, c.var.lang))}
      </p>
      <ul class="tags" aria-label={t.statusCounts}>
        {statusCounts(figures).map(([status, n]) => (
          <li>
            <StatusTag c={c} figure={{ status }} /> {n}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Rows counties, columns targets: each cell the value / goal and its status; the county's name links to its page. */
export function CountyTable(props: { c: C; counties: readonly CountyTargets[]; links: boolean }) {
  const { c, counties } = props;
  const t = c.var.m.targets;
  const lang = c.var.lang;
  const heading = (key: TargetKey) => `${TARGET_RULES[key]} ${t.short[key]}`;
  return (
    <Table caption={t.countiesTitle} columns={[t.col.county, ...COUNTY_COLUMNS.map(heading)]}>
      {counties.map((county) => (
        <tr data-county={county.county}>
          <th scope="row" data-label={t.col.county}>
            {props.links ? (
              <a href={targetsCountyPath(county.county)}>{regionName(county.county, lang)}</a>
            ) : (
              regionName(county.county, lang)
            )}
          </th>
          {COUNTY_COLUMNS.map((key) => {
            const f = county.figures.find((x) => x.key === key);
            return (
              <td data-label={heading(key)} data-target={key}>
                {f ? (
                  <span class="figure">
                    <span class="nowrap">{t.cell(f.value, f.goal)}</span> <StatusTag c={c} figure={f} />
                  </span>
                ) : (
                  '—'
                )}
              </td>
            );
          })}
        </tr>
      ))}
    </Table>
  );
}

/** The counties' card: the progress chart and, beside it, the table of the same figures. */
export function CountiesCard(props: { c: C; counties: readonly CountyTargets[]; links: boolean }) {
  const t = props.c.var.m.targets;
  return (
    <Card title={t.countiesTitle} id="counties" extra={<span class="muted">{t.countiesLead}</span>}>
      <ProgressChart c={props.c} counties={props.counties} />
      <CountyTable c={props.c} counties={props.counties} links={props.links} />
    </Card>
  );
}
