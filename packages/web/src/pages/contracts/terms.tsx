/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { ContractTerms, ContractVersion } from '@shegong/domain';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney, type Lang } from '../../i18n/index.ts';
import { Card, DescriptionList, Table, Tag, Tags } from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { type ContractMessages, FindingList, findingsAt, MilestoneFigures } from './costing.tsx';

/** A contract's terms, read only: the list of terms, what is delivered, and the payment milestones. */

/** From … to …, in the reader's way of writing dates. */
export const contractTerm = (k: ContractMessages, lang: Lang, start: string, end: string) =>
  k.term(formatDate(start, lang), formatDate(end, lang));

/** The term's findings (N-1): its length, and whether a long one is allowed by a stable, recurring service. */
const findingsOnTerm = (version: ContractVersion) =>
  findingsAt(version.assessment.findings, '/terms/endDate', '/terms/stableRecurring');

function TermFigure(props: { c: Context<PageEnv>; version: ContractVersion }) {
  const { c, version } = props;
  const k = c.var.m.contracts;
  const { terms } = version.draft;
  return (
    <span class="figure">
      <span>{contractTerm(k, c.var.lang, terms.startDate, terms.endDate)}</span>
      <span class="muted">{k.costing.termMonths(version.assessment.termMonths)}</span>
      {terms.stableRecurring ? <Tag tone="cyan">{k.contract.stable}</Tag> : null}
      <RuleBadge rule="N-1" rules={c.var.m.policyRules} tone={findingsOnTerm(version).length ? 'red' : 'green'} />
    </span>
  );
}

function TermsList(props: { c: Context<PageEnv>; version: ContractVersion }) {
  const { c, version } = props;
  const k = c.var.m.contracts;
  const { terms } = version.draft;
  const items: [string, Child][] = [
    [k.editor.number, <span class="mono">{terms.number}</span>],
    [k.editor.purchaserName, `${terms.purchaser.name} · ${regionName(terms.purchaser.region, c.var.lang)}`],
    [
      k.editor.services,
      <Tags>
        {terms.services.map((s) => (
          <Tag tone="blue">{k.services[s]}</Tag>
        ))}
        <RuleBadge rule="P-S1" rules={c.var.m.policyRules} />
      </Tags>,
    ],
    [k.editor.serviceArea, terms.serviceArea],
    [k.contract.term, <TermFigure c={c} version={version} />],
    [k.col.value, <strong>{formatMoney(terms.value)}</strong>],
  ];
  return <DescriptionList items={items} />;
}

function DeliverablesTable(props: { k: ContractMessages; deliverables: ContractTerms['deliverables'] }) {
  const e = props.k.editor;
  return (
    <>
      <h3 class="contract-subtitle">{e.deliverablesTitle}</h3>
      <Table
        caption={e.deliverablesTitle}
        columns={[e.deliverableName, e.indicator, e.target]}
        empty={props.deliverables.length ? undefined : e.noDeliverables}
      >
        {props.deliverables.map((d) => (
          <tr>
            <td data-label={e.deliverableName}>{d.name}</td>
            <td data-label={e.indicator}>{d.indicator}</td>
            <td data-label={e.target}>
              {d.target} {d.unit}
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}

function MilestonesTable(props: { k: ContractMessages; lang: Lang; milestones: ContractTerms['milestones'] }) {
  const { k, lang } = props;
  const e = k.editor;
  return (
    <>
      <h3 class="contract-subtitle">{e.milestonesTitle}</h3>
      <Table
        caption={e.milestonesTitle}
        columns={[e.milestoneName, e.dueDate, k.changes.amount, e.condition]}
        empty={props.milestones.length ? undefined : e.noMilestones}
      >
        {props.milestones.map((ms) => (
          <tr>
            <td data-label={e.milestoneName}>{ms.name}</td>
            <td data-label={e.dueDate}>{formatDate(ms.dueDate, lang)}</td>
            <td data-label={k.changes.amount}>{formatMoney(ms.amount)}</td>
            <td data-label={e.condition}>{ms.condition ?? '—'}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}

/** The terms of one version as a description list, with the deliverables and milestones. */
export function TermsCard(props: { c: Context<PageEnv>; version: ContractVersion }) {
  const { c, version } = props;
  const k = c.var.m.contracts;
  const rules = c.var.m.policyRules;
  const lang = c.var.lang;
  const { terms } = version.draft;
  const total = terms.milestones.reduce((s, m) => s + m.amount, 0);
  return (
    <Card title={k.contract.termsTitle} id="terms">
      <TermsList c={c} version={version} />
      <FindingList rules={rules} lang={lang} findings={findingsOnTerm(version)} />
      <DeliverablesTable k={k} deliverables={terms.deliverables} />
      <MilestonesTable k={k} lang={lang} milestones={terms.milestones} />
      <MilestoneFigures
        k={k}
        rules={rules}
        lang={lang}
        assessment={version.assessment}
        total={total}
        value={terms.value}
      />
    </Card>
  );
}
