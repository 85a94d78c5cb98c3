/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { OverdueFinal } from '@shegong/core';
import { type Evaluation, formatMoney, type Grade, type GuidelineImpact, type ImpactCounts } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatDate, type Messages } from '../../i18n/index.ts';
import { Card, DescriptionList, Table, Tag, type Tone } from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { evaluateHref, reportHref } from './paths.ts';

/** Hundredths of a point as shown: 89.00. */
export const points = (hundredths: number) => (hundredths / 100).toFixed(2);

const GRADE_TONES: Record<Grade, Tone> = { excellent: 'green', good: 'blue', pass: 'amber', fail: 'red' };

/** A grade as a tag, with the N-6 badge that says where the thresholds come from. */
export function GradeTag(props: { m: Messages; grade: Grade; total?: number }) {
  const k = props.m.evaluations;
  return (
    <span class="grade">
      <Tag tone={GRADE_TONES[props.grade]}>{k.grades[props.grade]}</Tag>{' '}
      <RuleBadge
        rule="N-6"
        rules={props.m.policyRules}
        figure={props.total === undefined ? undefined : `${points(props.total)} → ${k.grades[props.grade]}`}
      />
    </span>
  );
}

/** Evaluations as a table: contract, kind, date, total, grade; each row opens its report. */
export function EvaluationTable(props: {
  c: Context<PageEnv>;
  evaluations: readonly Evaluation[];
  hrefOf: (e: Evaluation) => string;
}) {
  const { c } = props;
  const m = c.var.m;
  const k = m.evaluations;
  return (
    <Table
      caption={k.evaluationsTitle}
      columns={[k.colContract, k.colKind, k.colDate, k.colTotal, k.colGrade]}
      empty={props.evaluations.length ? undefined : k.noEvaluations}
    >
      {props.evaluations.map((e) => (
        <tr>
          <td data-label={k.colContract}>
            <a href={props.hrefOf(e)}>{e.contractNumber}</a> <span class="muted">{e.contractTitle}</span>
          </td>
          <td data-label={k.colKind}>{k.kinds[e.kind]}</td>
          <td data-label={k.colDate}>{formatDate(e.evaluatedOn, c.var.lang)}</td>
          <td data-label={k.colTotal}>{points(e.total)}</td>
          <td data-label={k.colGrade}>
            <GradeTag m={m} grade={e.grade} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

/**
 * The evaluations of one contract, for the bureau's contract page (H1's `BureauContractSections`):
 * the list with links to each report, and the way to file one.
 */
export function EvaluationsSection(props: {
  c: Context<PageEnv>;
  organisationId: string;
  contractId: string;
  evaluations: readonly Evaluation[];
}) {
  const k = props.c.var.m.evaluations;
  return (
    <Card
      title={k.evaluationsTitle}
      id="evaluations"
      extra={
        <a class="btn" href={evaluateHref(props.organisationId, props.contractId)}>
          {k.evaluate}
        </a>
      }
    >
      <EvaluationTable c={props.c} evaluations={props.evaluations} hrefOf={reportHref} />
    </Card>
  );
}

/** The bureau dashboard's card: how many final evaluations are overdue, the first few, and where to do them. */
export function OverdueFinalsCard(props: {
  c: Context<PageEnv>;
  overdue: { count: number; contracts: readonly OverdueFinal[] };
}) {
  const { c, overdue } = props;
  const k = c.var.m.evaluations;
  return (
    <Card title={k.dashboardCard} id="overdue-finals">
      <p>
        <strong>{k.dashboardCount(overdue.count)}</strong> <RuleBadge rule="N-6" rules={c.var.m.policyRules} />
      </p>
      <OverdueList c={c} contracts={overdue.contracts.slice(0, 5)} />
    </Card>
  );
}

export function OverdueList(props: { c: Context<PageEnv>; contracts: readonly OverdueFinal[] }) {
  const { c } = props;
  const k = c.var.m.evaluations;
  if (!props.contracts.length) return <p class="empty">{k.noneOverdue}</p>;
  return (
    <Table caption={k.overdueTitle} columns={[k.colContract, k.colCounty, k.colEnded, '']}>
      {props.contracts.map((x) => (
        <tr>
          <td data-label={k.colContract}>
            {x.number} <span class="muted">{x.title}</span>
          </td>
          <td data-label={k.colCounty}>{regionName(x.county, c.var.lang)}</td>
          <td data-label={k.colEnded}>{formatDate(x.endDate, c.var.lang)}</td>
          <td>
            <a href={evaluateHref(x.organisationId, x.contractId, '?kind=final')}>{k.evaluate}</a>
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** The printable report of one evaluation: the facts, the indicators and the total with its grade. */
export function EvaluationReport(props: { c: Context<PageEnv>; evaluation: Evaluation; xlsxHref: string }) {
  const { c, evaluation: e } = props;
  const m = c.var.m;
  const k = m.evaluations;
  const t = e.thresholds;
  return (
    <article class="evaluation-report">
      <div class="actions no-print">
        <a class="btn" href={props.xlsxHref}>
          {k.xlsx}
        </a>
        <button type="button" class="btn" data-print="">
          {k.print}
        </button>
      </div>
      <DescriptionList
        items={[
          [k.reportContract, `${e.contractNumber} · ${e.contractTitle}`],
          [k.colCounty, regionName(e.county, c.var.lang)],
          [k.colKind, e.spotCheckYear ? `${k.kinds[e.kind]}（${e.spotCheckYear}）` : k.kinds[e.kind]],
          [k.colDate, formatDate(e.evaluatedOn, c.var.lang)],
          [k.evaluator, e.evaluator.name],
          [k.reportBureau, e.bureauName],
          [k.template, e.template.name],
          [k.ruleSet, `${e.ruleSet.title} · ${k.thresholds(t.excellent, t.good, t.pass)}`],
        ]}
      />
      <Table caption={k.reportTitle} columns={[k.colIndicator, k.colWeight, k.colMax, k.colScore, k.colPoints]}>
        {e.indicators.map((i) => (
          <tr>
            <td data-label={k.colIndicator}>{i.name}</td>
            <td data-label={k.colWeight}>{i.weight}</td>
            <td data-label={k.colMax}>{i.maxScore}</td>
            <td data-label={k.colScore}>{i.score}</td>
            <td data-label={k.colPoints}>{points(i.points)}</td>
          </tr>
        ))}
        <tr class="total-row">
          <th scope="row" data-label={k.colIndicator}>
            {k.total}
          </th>
          <td data-label={k.colWeight}>100</td>
          <td />
          <td />
          <td data-label={k.colPoints}>
            <strong>{points(e.total)}</strong>
          </td>
        </tr>
      </Table>
      <p class="report-grade">
        {k.colGrade}: <GradeTag m={m} grade={e.grade} total={e.total} />
      </p>
      {e.notes ? <p class="pre-line">{e.notes}</p> : null}
    </article>
  );
}

/** One stage's figures as table cells, each count with its rule badge. */
function ImpactCells(props: { m: Messages; counts: ImpactCounts }) {
  const { m, counts } = props;
  const k = m.evaluations.impact;
  const cell = (key: 'payBelowFloor' | 'labourShareBelowMin' | 'belowPriceFloor' | 'noPriceFloor') => (
    <td data-label={k[key]}>{counts[key]}</td>
  );
  return (
    <>
      <td data-label={k.examined}>{counts.examined}</td>
      {cell('payBelowFloor')}
      {cell('labourShareBelowMin')}
      {cell('belowPriceFloor')}
      {cell('noPriceFloor')}
      <td data-label={k.extraFunding}>{formatMoney(counts.extraFunding)}</td>
    </>
  );
}

/** What a draft rule set does to the jurisdiction's contracts: per stage, per county, and the list behind it. */
export function ImpactCard(props: { c: Context<PageEnv>; impact: GuidelineImpact }) {
  const { c, impact } = props;
  const m = c.var.m;
  const k = m.evaluations.impact;
  const columns = [
    k.colStage,
    k.examined,
    k.payBelowFloor,
    k.labourShareBelowMin,
    k.belowPriceFloor,
    k.noPriceFloor,
    k.extraFunding,
  ];
  const header = (
    <p>
      {k.lead} <RuleBadge rule={impact.ruleIds.payBelowFloor} rules={m.policyRules} />{' '}
      <RuleBadge rule={impact.ruleIds.extraFunding} rules={m.policyRules} figure={k.extraFundingHint} />
    </p>
  );
  if (impact.figures.total.examined === 0)
    return (
      <Card title={k.title} id="impact">
        <p>{k.none}</p>
      </Card>
    );
  return (
    <Card title={k.title} id="impact">
      {header}
      <Table caption={k.title} columns={columns}>
        {(['draft', 'running', 'total'] as const).map((stage) => (
          <tr>
            <th scope="row" data-label={k.colStage}>
              {k.stage[stage]}
            </th>
            <ImpactCells m={m} counts={impact.figures[stage]} />
          </tr>
        ))}
      </Table>
      <h3 class="impact-subtitle">{k.byCounty}</h3>
      <Table caption={k.byCounty} columns={[m.evaluations.colCounty, ...columns.slice(1)]}>
        {impact.counties.map((county) => (
          <tr>
            <th scope="row" data-label={m.evaluations.colCounty}>
              {regionName(county.county, c.var.lang)}
            </th>
            <ImpactCells m={m} counts={county.total} />
          </tr>
        ))}
      </Table>
      <h3 class="impact-subtitle">{k.listTitle}</h3>
      <Table
        caption={k.listTitle}
        columns={[m.evaluations.colContract, m.evaluations.colCounty, k.colEffects, k.colFloor, k.colExtra]}
      >
        {impact.contracts.map((x) => (
          <tr>
            <td data-label={m.evaluations.colContract}>
              {x.number} <span class="muted">{x.title}</span>{' '}
              <span class="hint">{k.from(formatDate(x.appliesFrom, c.var.lang))}</span>
            </td>
            <td data-label={m.evaluations.colCounty}>{regionName(x.county, c.var.lang)}</td>
            <td data-label={k.colEffects}>
              {x.effects.map((effect) => (
                <Tag tone="red">{k[effect]}</Tag>
              ))}
            </td>
            <td data-label={k.colFloor}>{x.priceFloor.after === undefined ? '—' : formatMoney(x.priceFloor.after)}</td>
            <td data-label={k.colExtra}>{formatMoney(x.extraFunding)}</td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
