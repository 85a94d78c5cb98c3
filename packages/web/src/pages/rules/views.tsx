/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  type InForce,
  isNationalParameter,
  type ParameterField,
  type ParameterValue,
  parameterAt,
  RULE_SET_FIELDS,
  type RuleSet,
} from '@shegong/domain';
import type { Page } from '@shegong/store';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney, formatPercent, type Lang, type Messages } from '../../i18n/index.ts';
import { Card, DescriptionList, Pager, Table, Tag } from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';

/** Where a parameter belongs: the bureau's own, or the national defaults it may change (N-1 … N-6). */
export type Scope = 'local' | 'national';
export const SCOPES: readonly Scope[] = ['local', 'national'];

type LocalGroupKey = Exclude<keyof Messages['ruleSets']['groups'], 'other'>;

/** The local groups, in the order a bureau reads them. */
const LOCAL_GROUPS: readonly { key: LocalGroupKey; has: (path: string) => boolean }[] = [
  { key: 'payFloor', has: (p) => p.startsWith('payFloor.') },
  { key: 'socialInsurance', has: (p) => p.startsWith('socialInsurance.') },
  { key: 'housingFund', has: (p) => p.startsWith('housingFund.') },
  { key: 'shares', has: (p) => ['minLabourShare', 'maxManagementShare', 'taxRate'].includes(p) },
  { key: 'actuals', has: (p) => p.startsWith('projectionTolerance.') },
  { key: 'continuingEducation', has: (p) => p === 'continuingEducationHoursPerYear' },
  { key: 'awards', has: (p) => p.startsWith('awards.') },
];

/** A card of parameters: its id (for the page's anchors), its title and its fields. */
export interface ParameterGroup {
  key: string;
  title: string;
  fields: readonly ParameterField[];
}

/**
 * The groups of one scope, each parameter of RULE_SET_FIELDS in exactly one: local ones by topic
 * (a parameter no group names yet falls under "other", so it is still shown and edited), national
 * ones by the rule they serve.
 */
export function parameterGroups(m: Messages, scope: Scope): ParameterGroup[] {
  const r = m.ruleSets;
  const fields = RULE_SET_FIELDS.filter((f) => isNationalParameter(f) === (scope === 'national'));
  if (scope === 'national')
    return [...new Set(fields.map((f) => f.rule))].map((rule) => ({
      key: rule,
      title: r.nationalGroups[rule] ?? rule,
      fields: fields.filter((f) => f.rule === rule),
    }));
  const named = LOCAL_GROUPS.map((g) => ({
    key: g.key,
    title: r.groups[g.key],
    fields: fields.filter((f) => g.has(f.path)),
  }));
  const other = fields.filter((f) => !LOCAL_GROUPS.some((g) => g.has(f.path)));
  return [...named, { key: 'other', title: r.groups.other, fields: other }].filter((g) => g.fields.length);
}

/** The title of the group a parameter is shown in (its name alone can be ambiguous: 助理社会工作师). */
export function groupTitleOf(m: Messages, field: ParameterField): string {
  const scope: Scope = isNationalParameter(field) ? 'national' : 'local';
  return parameterGroups(m, scope).find((g) => g.fields.includes(field))?.title ?? '';
}

/** A parameter's name on the page (the catalogue keys paths with `/`, its walker splits on `.`). */
export function fieldLabel(m: Messages, path: string): string {
  return m.ruleSets.fields[path.replace(/\./g, '/')] ?? path;
}

/** One value as people read it: ¥ for fen, % for basis points, units for the rest. */
export function formatParameter(m: Messages, field: ParameterField, value: ParameterValue): string {
  const r = m.ruleSets;
  if (typeof value === 'boolean') return value ? r.yes : r.no;
  if (value === undefined) return '—';
  // A region code (P-A3's area): its name, then the code.
  if (typeof value === 'string') return `${regionName(value, m.meta.htmlLang as Lang)} (${value})`;
  switch (field.unit) {
    case 'fen':
      return formatMoney(value);
    case 'bp':
      return formatPercent(value);
    case 'boolean':
    case 'region':
      return String(value);
    default:
      return r.units[field.unit](value);
  }
}

/** A value with its illustrative mark, where it has one. */
export function ParameterFigure(props: {
  m: Messages;
  field: ParameterField;
  value: ParameterValue;
  illustrative: boolean;
}) {
  return (
    <>
      <span class="rule-figure">{formatParameter(props.m, props.field, props.value)}</span>
      {props.illustrative ? (
        <>
          {' '}
          <Tag tone="amber">{props.m.ruleSets.illustrative}</Tag>
        </>
      ) : null}
    </>
  );
}

/** The local parameters, then the national ones apart, each with its heading and what it holds. */
export function ScopeSection(props: { m: Messages; scope: Scope; id: string; children: Child }) {
  const s = props.m.ruleSets.scopes;
  return (
    <section class={`rule-scope rule-scope-${props.scope}`} id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 class="section-title" id={`${props.id}-title`}>
        {s[props.scope]}
      </h2>
      <p class="hint">{props.scope === 'national' ? s.nationalHint : s.localHint}</p>
      {props.children}
    </section>
  );
}

/** Every value of a rule set, grouped, each with its rule badge and, where so, marked illustrative. */
export function RuleSetValues(props: { m: Messages; ruleSet: Pick<RuleSet, 'parameters' | 'illustrative'> }) {
  const { m, ruleSet } = props;
  const illustrative = new Set(ruleSet.illustrative);
  return (
    <>
      {SCOPES.map((scope) => (
        <ScopeSection m={m} scope={scope} id={`scope-${scope}`}>
          <div class="grid-2">
            {parameterGroups(m, scope).map((group) => (
              <Card title={group.title} id={`group-${group.key}`}>
                <DescriptionList
                  items={group.fields.map((field) => [
                    fieldLabel(m, field.path),
                    <span class="rule-value" id={`value-${field.path.replace(/\./g, '-')}`}>
                      <ParameterFigure
                        m={m}
                        field={field}
                        value={parameterAt(ruleSet.parameters, field.path)}
                        illustrative={illustrative.has(field.path)}
                      />{' '}
                      <RuleBadge rule={field.rule} rules={m.policyRules} />
                    </span>,
                  ])}
                />
              </Card>
            ))}
          </div>
        </ScopeSection>
      ))}
    </>
  );
}

/** Which version, where from, when, by whom (the publishing bureau's name where known). */
export function RuleSetMeta(props: { c: Context<PageEnv>; ruleSet: RuleSet; publisher?: string | undefined }) {
  const { c, ruleSet } = props;
  const m = c.var.m;
  const r = m.ruleSets;
  const lang = c.var.lang;
  return (
    <Card title={r.meta} id="meta">
      <DescriptionList
        items={[
          [r.region, regionName(ruleSet.region, lang)],
          [r.effectiveFrom, formatDate(ruleSet.effectiveFrom, lang)],
          [r.colVersion, r.version(ruleSet.version)],
          [r.publishedAt, formatDate(ruleSet.publishedAt, lang)],
          ...(props.publisher ? [[r.publishedBy, props.publisher] as [string, string]] : []),
          ...(ruleSet.notes ? [[r.notes, ruleSet.notes] as [string, string]] : []),
        ]}
      />
      {ruleSet.illustrative.length ? <p class="hint rule-note">{r.illustrativeNote}</p> : null}
    </Card>
  );
}

/** The rule set in force, with why it applies (own, city's, province's). */
export function InForceView(props: { c: Context<PageEnv>; found: InForce; versionHref: string }) {
  const { c, found } = props;
  const m = c.var.m;
  const r = m.ruleSets;
  const lang = c.var.lang;
  return (
    <>
      <div class="notice notice-info" role="status">
        <p>
          <strong>{r.inForceTitle(regionName(found.region, lang))}</strong> ·{' '}
          {r.inForceOn(formatDate(found.date, lang))}
        </p>
        <p>
          {r.source[found.source]}{' '}
          <a href={props.versionHref}>{r.versionTitle(found.ruleSet.title, found.ruleSet.version)}</a>
        </p>
      </div>
      <RuleSetValues m={m} ruleSet={found.ruleSet} />
    </>
  );
}

/** The versions of a region, newest first, each linking to its page. */
export function HistoryTable(props: {
  c: Context<PageEnv>;
  history: Page<RuleSet>;
  hrefOf: (id: string) => string;
  names: Map<string, string>;
  nextHref?: string | undefined;
}) {
  const { c, history } = props;
  const m = c.var.m;
  const r = m.ruleSets;
  const lang = c.var.lang;
  return (
    <Card title={r.history} id="history">
      <Table
        caption={r.history}
        columns={[r.colEffective, r.colVersion, r.colTitle, r.colPublished, r.colBy]}
        empty={history.items.length ? undefined : r.historyNone}
      >
        {history.items.map((ruleSet) => (
          <tr>
            <td data-label={r.colEffective}>{formatDate(ruleSet.effectiveFrom, lang)}</td>
            <td data-label={r.colVersion}>
              <a href={props.hrefOf(ruleSet.id)}>{r.version(ruleSet.version)}</a>
            </td>
            <td data-label={r.colTitle}>{ruleSet.title}</td>
            <td data-label={r.colPublished}>{formatDate(ruleSet.publishedAt, lang)}</td>
            <td data-label={r.colBy}>
              {props.names.get(ruleSet.publishedBy) ?? props.names.get(ruleSet.bureauId) ?? '—'}
            </td>
          </tr>
        ))}
      </Table>
      <Pager m={m} label={r.history} next={props.nextHref} />
    </Card>
  );
}
