/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  type BaseCoverage,
  INCUBATION_STAGES,
  type IncubationBase,
  type IncubationBaseListing,
  regionLevel,
} from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { Card, Pager, Table, Tag } from '../../layout/components.tsx';
import { regionName, TenantStatusTag } from '../../layout/labels.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { BASES } from './paths.ts';

type Base = Pick<IncubationBase, 'name' | 'nameEn'>;

const baseName = (base: Base, lang: string) => (lang === 'en' && base.nameEn ? base.nameEn : base.name);

/** P-T1 per county: covered or not, with the rule's badge, and the bases in each. */
function CoverageCard(props: { c: Context<PageEnv>; coverage: BaseCoverage }) {
  const { c, coverage } = props;
  const m = c.var.m;
  const b = m.bases;
  const lang = c.var.lang;
  return (
    <Card
      title={b.coverageTitle}
      id="coverage"
      extra={
        <span class="figure">
          {b.coverageRule(coverage.covered, coverage.total)}{' '}
          <RuleBadge
            rules={m.policyRules}
            rule={coverage.ruleId}
            figure={b.coverageFigure(coverage.covered, coverage.total)}
            tone={coverage.covered < coverage.total ? 'amber' : 'green'}
          />
        </span>
      }
    >
      <p>{b.coverageFigure(coverage.covered, coverage.total)}</p>
      <Table
        caption={b.coverageTitle}
        columns={[b.county, b.coverage, b.basesHere]}
        empty={coverage.total ? undefined : b.noCounties}
      >
        {coverage.counties.map((county) => (
          <tr>
            <td data-label={b.county}>{regionName(county.region, lang)}</td>
            <td data-label={b.coverage}>
              <span class="figure">
                {county.covered ? <Tag tone="green">{b.covered}</Tag> : <Tag tone="amber">{b.notCovered}</Tag>}{' '}
                <RuleBadge rules={m.policyRules} rule={coverage.ruleId} tone={county.covered ? 'green' : 'amber'} />
              </span>
            </td>
            <td data-label={b.basesHere}>
              {county.bases.length ? county.bases.map((base) => baseName(base, lang)).join('、') : b.noBase}
            </td>
          </tr>
        ))}
      </Table>
      {coverage.cityBases.length ? (
        <p class="hint">
          {b.cityBases} {coverage.cityBases.map((base) => baseName(base, lang)).join('、')}
        </p>
      ) : null}
    </Card>
  );
}

/** A base's records per stage, the stages it has any in (the counts its listing keeps). */
function StageCounts(props: { c: Context<PageEnv>; base: IncubationBaseListing }) {
  const { c, base } = props;
  const b = c.var.m.bases;
  const stages = INCUBATION_STAGES.filter((stage) => base.byStage[stage] > 0);
  if (!stages.length) return <span class="muted">{b.noneIncubated}</span>;
  return (
    <ul class="stage-counts">
      {stages.map((stage) => (
        <li>{b.stageCount(c.var.m.incubation.stages[stage], base.byStage[stage])}</li>
      ))}
    </ul>
  );
}

/** The bases, a page at a time, each with its incubated organisations counted per stage. */
function BaseList(props: {
  c: Context<PageEnv>;
  bases: readonly IncubationBaseListing[];
  cursor?: string;
  paged: boolean;
}) {
  const { c } = props;
  const m = c.var.m;
  const b = m.bases;
  const lang = c.var.lang;
  return (
    <Card title={b.listTitle} id="bases">
      <Table
        caption={b.listTitle}
        columns={[b.name, b.region, b.level, b.status, b.incubatedByStage]}
        empty={props.bases.length ? undefined : b.listEmpty}
      >
        {props.bases.map((base) => (
          <tr>
            <td data-label={b.name}>{baseName(base, lang)}</td>
            <td data-label={b.region}>{regionName(base.region, lang)}</td>
            <td data-label={b.level}>{b.levels[regionLevel(base.region)]}</td>
            <td data-label={b.status}>
              <TenantStatusTag m={m} status={base.status} />
            </td>
            <td data-label={b.incubatedByStage} class="cell-note">
              <StageCounts c={c} base={base} />
            </td>
          </tr>
        ))}
      </Table>
      <p class="hint">{b.countsNote}</p>
      <Pager
        m={m}
        label={b.pager}
        first={props.paged ? BASES : undefined}
        next={props.cursor ? `${BASES}?cursor=${encodeURIComponent(props.cursor)}` : undefined}
      />
    </Card>
  );
}

/** The dashboard's card: how many counties have a base (P-T1), and which have none yet. */
export function BaseCoverageCard(props: { c: Context<PageEnv>; coverage: BaseCoverage }) {
  const { c, coverage } = props;
  const m = c.var.m;
  const b = m.bases;
  if (!coverage.total) return null;
  const uncovered = coverage.counties.filter((county) => !county.covered);
  return (
    <Card title={b.dashboardCard} id="base-coverage" extra={<a href={BASES}>{b.open}</a>}>
      <p>
        <strong>{b.coverageFigure(coverage.covered, coverage.total)}</strong>{' '}
        <RuleBadge
          rules={m.policyRules}
          rule={coverage.ruleId}
          figure={b.coverageRule(coverage.covered, coverage.total)}
          tone={uncovered.length ? 'amber' : 'green'}
        />
      </p>
      <p class="hint">
        {uncovered.length
          ? `${b.uncovered} ${uncovered.map((county) => regionName(county.region, c.var.lang)).join('、')}`
          : b.allCovered}
      </p>
    </Card>
  );
}

/** 孵化基地: the county coverage (P-T1), then the bases of the jurisdiction. */
export function BasesPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  coverage: BaseCoverage;
  bases: readonly IncubationBaseListing[];
  cursor?: string | undefined;
  paged: boolean;
}) {
  const { c } = props;
  const b = c.var.m.bases;
  return (
    <Shell c={c} who={props.who} title={b.title} lead={b.lead}>
      <CoverageCard c={c} coverage={props.coverage} />
      <BaseList c={c} bases={props.bases} paged={props.paged} {...(props.cursor ? { cursor: props.cursor } : {})} />
    </Shell>
  );
}
