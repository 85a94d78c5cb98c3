/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { ContractVersion, NewerGuideline, StoredContract } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney } from '../../i18n/index.ts';
import { Card, Notice, Table, Tag } from '../../layout/components.tsx';
import { type PolicyRules, RuleBadge } from '../../layout/rule-badge.tsx';
import { type ContractMessages, FindingList } from './costing.tsx';

/**
 * A contract against the rule sets published since it was costed (core/contracts/guideline.ts): a
 * draft says it was recosted; an agreed contract shows what a newer guideline within its term would
 * change, beside the version it keeps.
 */

/** The list row's and the dashboard's mark: a newer guideline from a date. */
export function GuidelineTag(props: { c: Context<PageEnv>; contract: StoredContract }) {
  const newer = props.contract.newerGuideline;
  if (!newer) return null;
  return (
    <Tag tone="amber">{props.c.var.m.contracts.guideline.tag(formatDate(newer.appliesFrom, props.c.var.lang))}</Tag>
  );
}

/** The contract page's note on a draft that was costed again for a newer rule set. */
export function RecostedNotice(props: { c: Context<PageEnv>; version: ContractVersion }) {
  const { recosted } = props.version;
  if (!recosted) return null;
  const k = props.c.var.m.contracts.guideline;
  return <Notice tone="info">{k.recosted(recosted.from.title, formatDate(recosted.at, props.c.var.lang))}</Notice>;
}

/** What the newer guideline would change: labour cost, price floor, findings added and cleared. */
export function GuidelineCard(props: { c: Context<PageEnv>; contract: StoredContract }) {
  const { c, contract } = props;
  const newer = contract.newerGuideline;
  if (!newer) return null;
  const k = c.var.m.contracts.guideline;
  const lang = c.var.lang;
  const date = formatDate(newer.appliesFrom, lang);
  // A draft under a rule set in force on its start date was not recosted (core says why it could not be).
  const recostRefused = contract.status === 'draft' && newer.ruleSet.effectiveFrom <= contract.startDate;
  const lead = recostRefused
    ? k.notRecosted(newer.ruleSet.title)
    : contract.status === 'draft'
      ? k.leadDraft(newer.ruleSet.title, date)
      : k.lead(newer.ruleSet.title, date);
  return (
    <Card title={k.title} id="newer-guideline" extra={<RuleBadge rule="P-U1" rules={c.var.m.policyRules} />}>
      <p>{lead}</p>
      {newer.effect ? <Effect k={k} c={c} newer={newer} rules={c.var.m.policyRules} /> : null}
    </Card>
  );
}

function Effect(props: {
  c: Context<PageEnv>;
  k: ContractMessages['guideline'];
  newer: NewerGuideline;
  rules: PolicyRules;
}) {
  const { k, rules } = props;
  const effect = props.newer.effect;
  if (!effect) return null;
  const floor = (value: number | undefined) => (value === undefined ? k.noFloor : formatMoney(value));
  const lang = props.c.var.lang;
  return (
    <>
      <Table caption={k.title} columns={[k.figure, k.agreed, k.newer]}>
        <tr>
          <th scope="row" data-label={k.figure}>
            {k.labourCost} <RuleBadge rule="P-W2" rules={rules} />
          </th>
          <td data-label={k.agreed}>{formatMoney(effect.labourCost.before)}</td>
          <td data-label={k.newer}>{formatMoney(effect.labourCost.after)}</td>
        </tr>
        <tr>
          <th scope="row" data-label={k.figure}>
            {k.priceFloor} <RuleBadge rule="P-W2" rules={rules} />
          </th>
          <td data-label={k.agreed}>{floor(effect.priceFloor.before)}</td>
          <td data-label={k.newer}>{floor(effect.priceFloor.after)}</td>
        </tr>
      </Table>
      {effect.added.length ? (
        <>
          <h3 class="contract-subtitle">{k.added}</h3>
          <FindingList rules={rules} findings={effect.added} lang={lang} />
        </>
      ) : null}
      {effect.resolved.length ? (
        <>
          <h3 class="contract-subtitle">{k.resolved}</h3>
          <FindingList rules={rules} findings={effect.resolved} lang={lang} />
        </>
      ) : null}
      {effect.added.length || effect.resolved.length ? null : <p class="muted">{k.sameFindings}</p>}
    </>
  );
}
