/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { InForce } from '@shegong/domain';
import {
  type ParameterField,
  parameterAt,
  RULE_SET_FIELDS,
  type RuleSet,
  type RuleSetParameters,
} from '@shegong/domain';
import type { Page } from '@shegong/store';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney, formatPercent, type Lang, type Messages } from '../../i18n/index.ts';
import { Card, DescriptionList, Pager, Table, Tag } from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';

/** The groups a rule set is shown in, each a description list, in the order a bureau reads them. */
export const GROUPS: readonly { key: keyof Messages['ruleSets']['groups']; paths: (p: string) => boolean }[] = [
  { key: 'payFloor', paths: (p) => p.startsWith('payFloor.') },
  { key: 'socialInsurance', paths: (p) => p.startsWith('socialInsurance.') },
  { key: 'housingFund', paths: (p) => p.startsWith('housingFund.') },
  { key: 'shares', paths: (p) => ['minLabourShare', 'maxManagementShare', 'taxRate'].includes(p) },
  { key: 'continuingEducation', paths: (p) => p === 'continuingEducationHoursPerYear' },
  { key: 'awards', paths: (p) => p.startsWith('awards.') },
  { key: 'national', paths: (p) => p.startsWith('national.') },
];

export const fieldsOf = (group: (typeof GROUPS)[number]) => RULE_SET_FIELDS.filter((f) => group.paths(f.path));

/** A parameter's name on the page (the catalogue keys paths with `/`, its walker splits on `.`). */
export function fieldLabel(m: Messages, path: string): string {
  return m.ruleSets.fields[path.replace(/\./g, '/')] ?? path;
}

/** One stored value as people read it: ¥ for fen, % for basis points, units for the rest. */
export function shownValue(m: Messages, field: ParameterField, parameters: RuleSetParameters): string {
  const value = parameterAt(parameters, field.path);
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

/** Every value of a rule set, grouped, each with its rule badge and, where so, marked illustrative. */
export function RuleSetValues(props: { m: Messages; ruleSet: Pick<RuleSet, 'parameters' | 'illustrative'> }) {
  const { m, ruleSet } = props;
  const r = m.ruleSets;
  const illustrative = new Set(ruleSet.illustrative);
  return (
    <div class="grid-2">
      {GROUPS.map((group) => (
        <Card title={r.groups[group.key]} id={`group-${group.key}`}>
          <DescriptionList
            items={fieldsOf(group).map((field) => [
              fieldLabel(m, field.path),
              <span class="rule-value" id={`value-${field.path.replace(/\./g, '-')}`}>
                <span class="rule-figure">{shownValue(m, field, ruleSet.parameters)}</span>{' '}
                <RuleBadge rule={field.rule} rules={m.policyRules} />
                {illustrative.has(field.path) ? (
                  <>
                    {' '}
                    <Tag tone="amber">{r.illustrative}</Tag>
                  </>
                ) : null}
              </span>,
            ])}
          />
        </Card>
      ))}
    </div>
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
          [r.ruleSetId, <code>{ruleSet.id}</code>],
          [r.region, `${regionName(ruleSet.region, lang)} (${ruleSet.region})`],
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
