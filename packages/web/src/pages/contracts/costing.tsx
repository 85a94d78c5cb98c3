/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  type BudgetLine,
  type ContractAssessment,
  type CostedPost,
  type Finding,
  findingText,
  type PostCost,
} from '@shegong/domain';
import type { Child } from 'hono/jsx';
import { formatDate, formatMoney, formatPercent, type Lang, type Messages } from '../../i18n/index.ts';
import { FindingBadge, FindingList as Findings, type PolicyRules, RuleBadge } from '../../layout/rule-badge.tsx';
import { anchorOf, fieldOf, withRow } from './form.ts';

/**
 * The costing beside the figures it concerns: each post's G / SI / HF / M / cost, each budget
 * line's threshold, the labour cost and the price floor, every finding with its rule id. The
 * editor shows these pieces in "slots" beside its inputs (the recost script swaps them by id);
 * the contract page and a version's page show the same pieces in tables, read only (saved-costing.tsx).
 */

export type ContractMessages = Messages['contracts'];

/** What a costing needs to be shown: the assessment and, for names, the posts as costed. */
export interface Costing {
  assessment: ContractAssessment;
  costedPosts: readonly CostedPost[];
  ruleSet: { title: string; effectiveFrom: string };
}

/** Findings in the reader's language, each with its rule badge. */
export function FindingList(props: { rules: PolicyRules; findings: readonly Finding[]; lang: Lang }) {
  return <Findings rules={props.rules} findings={props.findings} text={(f) => findingText(f, props.lang)} />;
}

/** The findings whose pointer is `prefix` or under it. */
export const findingsAt = (findings: readonly Finding[], ...prefixes: string[]) =>
  findings.filter((f) => prefixes.some((p) => f.path === p || f.path.startsWith(`${p}/`)));

/**
 * The findings listed at the top (GOV.UK's summary), each a link to the field it concerns, errors
 * first and red, warnings amber; with `live` the links lead into the editor's inputs.
 */
export function FindingsSummary(props: {
  k: ContractMessages;
  rules: PolicyRules;
  costing: Costing;
  lang: Lang;
  links: boolean;
}) {
  const { k, rules, costing } = props;
  const findings = [...costing.assessment.findings].sort(
    (a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'),
  );
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const source = k.costing.ruleSet(costing.ruleSet.title, formatDate(costing.ruleSet.effectiveFrom, props.lang));
  if (!findings.length)
    return (
      <div class="findings-summary findings-summary-ok">
        <p class="findings-summary-title">{k.costing.noFindings}</p>
        <p class="muted">{source}</p>
      </div>
    );
  return (
    <div class={`findings-summary${errors ? '' : ' findings-summary-warning'}`}>
      <h2 class="findings-summary-title">{k.costing.summaryTitle(errors, warnings)}</h2>
      <ul class="findings">
        {findings.map((f) => {
          const field = fieldOf(f.path);
          return (
            <li class={`finding finding-${f.severity}`}>
              <FindingBadge rules={rules} finding={f} />
              {props.links ? (
                <a href={`#${anchorOf(field)}`}>{withRow(field, findingText(f, props.lang), k.form)}</a>
              ) : (
                <span>{withRow(field, findingText(f, props.lang), k.form)}</span>
              )}
            </li>
          );
        })}
      </ul>
      <p class="muted">{source}</p>
    </div>
  );
}

function Figure(props: { label: string; value: string; badge?: Child; strong?: boolean; tone?: 'error' }) {
  return (
    <div class="costing-figure">
      <dt>{props.label}</dt>
      <dd class={props.tone === 'error' ? 'text-error' : undefined}>
        {props.strong ? <strong>{props.value}</strong> : props.value}
        {props.badge}
      </dd>
    </div>
  );
}

/** One post's steps 1–5 (COSTING.md), the pay badge red when below the floor, and its findings. */
export function PostFigures(props: {
  k: ContractMessages;
  rules: PolicyRules;
  lang: Lang;
  cost: PostCost;
  post?: CostedPost | undefined;
  findings: readonly Finding[];
}) {
  const { k, rules, cost, post } = props;
  const below = cost.pay < cost.floor;
  const payFigure =
    cost.payFrom === 'floor'
      ? k.costing.payFromFloor(formatMoney(cost.floor), k.certLevels[cost.certLevel])
      : k.costing.payAgainstFloor(formatMoney(cost.pay), formatMoney(cost.floor), k.certLevels[cost.certLevel]);
  const si = cost.siItems;
  const siFigure = k.costing.siFigure(
    formatMoney(cost.siBase),
    [si.pension, si.medical, si.unemployment, si.workInjury, si.maternity].map(formatMoney).join(' + '),
  );
  return (
    <div class="costing-post">
      {post?.personName ? <p class="muted costing-named">{k.costing.named(post.personName)}</p> : null}
      <dl class="costing-figures">
        <Figure
          label={k.costing.pay}
          value={formatMoney(cost.pay)}
          tone={below ? 'error' : undefined}
          badge={<RuleBadge rule="P-W3" rules={rules} figure={payFigure} tone={below ? 'red' : 'green'} />}
        />
        <Figure
          label={k.costing.si}
          value={formatMoney(cost.si)}
          badge={<RuleBadge rule="P-W1" rules={rules} figure={siFigure} />}
        />
        <Figure
          label={k.costing.hf}
          value={formatMoney(cost.hf)}
          badge={<RuleBadge rule="P-W1" rules={rules} figure={k.costing.hfFigure(formatMoney(cost.hfBase))} />}
        />
        <Figure label={k.costing.monthly} value={formatMoney(cost.monthly)} />
        <Figure
          label={k.costing.cost(cost.ftePercent, cost.months)}
          value={formatMoney(cost.cost)}
          strong
          badge={
            <RuleBadge
              rule="P-W2"
              rules={rules}
              figure={k.costing.costFigure(formatMoney(cost.monthly), cost.ftePercent, cost.months)}
            />
          }
        />
      </dl>
      <FindingList rules={rules} findings={props.findings} lang={props.lang} />
    </div>
  );
}

/** What each budget line is checked against, as a sentence with its rule id. */
function lineThreshold(
  k: ContractMessages,
  line: BudgetLine,
  a: ContractAssessment,
): { text: string; rule: string } | undefined {
  const t = a.costing.thresholds;
  switch (line) {
    case 'personnel':
      return {
        text: k.costing.personnelNeeds(
          formatMoney(Math.max(a.costing.labourCost, t.minPersonnelByShare)),
          formatMoney(a.costing.labourCost),
          formatMoney(t.minPersonnelByShare),
        ),
        rule: 'P-W2',
      };
    case 'management':
      return { text: k.costing.managementCap(formatMoney(t.maxManagement)), rule: 'N-7' };
    case 'tax':
      return { text: k.costing.taxExpected(formatMoney(t.expectedTax)), rule: 'P-W2' };
    default:
      return undefined;
  }
}

export function LineFigures(props: {
  k: ContractMessages;
  rules: PolicyRules;
  lang: Lang;
  line: BudgetLine;
  assessment: ContractAssessment;
}) {
  const { k, rules, line, assessment } = props;
  const threshold = lineThreshold(k, line, assessment);
  const findings = findingsAt(assessment.findings, `/plan/lines/${line}`);
  if (!threshold && !findings.length) return null;
  return (
    <div class="costing-line">
      {threshold ? (
        <div class="costing-threshold">
          <RuleBadge
            rule={threshold.rule}
            rules={rules}
            tone={findings.some((f) => f.severity === 'error') ? 'red' : findings.length ? 'amber' : 'green'}
          />
          <span>{threshold.text}</span>
        </div>
      ) : null}
      <FindingList rules={rules} findings={findings} lang={props.lang} />
    </div>
  );
}

/** The labour cost, the lines' total against the value, and the price floor with its calculator link. */
export function Totals(props: {
  k: ContractMessages;
  rules: PolicyRules;
  costing: Costing;
  value: number;
  floorHref?: string | undefined;
}) {
  const { k, rules } = props;
  const a = props.costing.assessment;
  const floor = a.priceFloor;
  const below = floor.feasible && props.value < floor.value;
  return (
    <div class="costing-totals">
      <dl class="costing-figures">
        <Figure
          label={k.costing.labourCost}
          value={formatMoney(a.costing.labourCost)}
          strong
          badge={<RuleBadge rule="P-W2" rules={rules} figure={k.costing.labourCostFigure(a.costing.posts.length)} />}
        />
        <Figure
          label={k.costing.linesTotal}
          value={`${formatMoney(a.costing.thresholds.linesTotal)} / ${formatMoney(props.value)}`}
          tone={a.costing.thresholds.linesTotal !== props.value ? 'error' : undefined}
        />
        <Figure
          label={k.costing.priceFloor}
          value={floor.feasible ? formatMoney(floor.value) : k.costing.noFloor}
          strong
          tone={below || !floor.feasible ? 'error' : undefined}
          badge={
            <RuleBadge
              rule="P-W2"
              rules={rules}
              figure={k.costing.floorFigure(
                formatPercent(floor.managementShare),
                formatMoney(floor.fixed.supervision + floor.fixed.activities + floor.fixed.other),
              )}
              tone={below || !floor.feasible ? 'red' : 'green'}
            />
          }
        />
      </dl>
      {props.floorHref ? (
        <p class="costing-calculator">
          <a href={props.floorHref}>{k.costing.calculator}</a>
        </p>
      ) : null}
    </div>
  );
}

/** The term's length and its N-1 findings; the milestones' sum against the value and N-3. */
export function TermFigures(props: {
  k: ContractMessages;
  rules: PolicyRules;
  lang: Lang;
  assessment: ContractAssessment;
}) {
  const { k, rules, assessment } = props;
  return (
    <div class="costing-line">
      <p class="muted">{k.costing.termMonths(assessment.termMonths)}</p>
      <FindingList
        rules={rules}
        lang={props.lang}
        findings={findingsAt(assessment.findings, '/terms/endDate', '/terms/stableRecurring', '/terms/startDate')}
      />
    </div>
  );
}

export function ValueFigures(props: { rules: PolicyRules; lang: Lang; assessment: ContractAssessment }) {
  return (
    <FindingList
      rules={props.rules}
      lang={props.lang}
      findings={findingsAt(props.assessment.findings, '/terms/value')}
    />
  );
}

export function MilestoneFigures(props: {
  k: ContractMessages;
  rules: PolicyRules;
  lang: Lang;
  assessment: ContractAssessment;
  total: number;
  value: number;
}) {
  const { k, rules } = props;
  const findings = findingsAt(props.assessment.findings, '/terms/milestones');
  return (
    <div class="costing-line">
      <div class="figure">
        <span class={props.total !== props.value ? 'text-error' : undefined}>
          {k.costing.milestonesSum(formatMoney(props.total), formatMoney(props.value))}
        </span>
        <RuleBadge rule="N-3" rules={rules} tone={findings.length ? 'red' : 'green'} />
      </div>
      <FindingList rules={rules} findings={findings} lang={props.lang} />
    </div>
  );
}
