/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { RuleSetPreview } from '@shegong/core';
import { type GuidelineImpact, isNationalParameter, type NewRuleSet, type ParameterChange } from '@shegong/domain';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { formatDate, type Messages } from '../../i18n/index.ts';
import { Card, CsrfInput, DescriptionList, Notice, Table } from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { ImpactCard } from '../evaluations/views.tsx';
import { confirmationDigest } from './confirmation.ts';
import type { RuleSetForm } from './form.ts';
import { BUREAU_RULES } from './paths.ts';
import { fieldLabel, groupTitleOf, ParameterFigure, SCOPES, type Scope, ScopeSection } from './views.tsx';

/**
 * 确认发布: what the new version changes against the version in force, the local parameters and
 * the national ones apart, before it is published for good. Its form carries what was typed back
 * unseen: 确认发布 publishes it, 返回修改 shows the form again as it was typed.
 */

/** Why the confirmation is shown again instead of publishing. */
export type ShownAgain = 'changedSince' | 'notAsShown';

interface ConfirmProps {
  c: Context<PageEnv>;
  who: SignedIn;
  /** As typed (posted back unseen) … */
  form: RuleSetForm;
  /** … and as read. */
  input: NewRuleSet;
  preview: RuleSetPreview;
  /** What it would do to the jurisdiction's contracts it would govern. */
  impact: GuidelineImpact;
  formKey: string;
  again?: ShownAgain | undefined;
}

/** The new version: where, from when, its title and notes, and the version in force it is compared with. */
function VersionCard(props: { c: Context<PageEnv>; input: NewRuleSet; preview: RuleSetPreview }) {
  const { c, input } = props;
  const lang = c.var.lang;
  const r = c.var.m.ruleSets;
  const k = r.confirm;
  const found = props.preview.comparedWith?.ruleSet;
  const compared = found ? (
    <>
      {k.comparedWithValue(r.versionTitle(found.title, found.version), formatDate(found.effectiveFrom, lang))}
      {found.region === input.region ? null : k.comparedWithRegion(regionName(found.region, lang))}
      {found.region === input.region && found.effectiveFrom === input.effectiveFrom ? (
        <p class="hint">{k.correction(found.version + 1)}</p>
      ) : null}
    </>
  ) : (
    k.noneInForce
  );
  return (
    <Card title={k.version} id="version">
      <DescriptionList
        items={[
          [r.region, `${regionName(input.region, lang)} (${input.region})`],
          [r.effectiveFrom, formatDate(input.effectiveFrom, lang)],
          [r.form.titleField, input.title],
          ...(input.notes ? [[r.notes, <span class="pre-line">{input.notes}</span>] as [string, Child]] : []),
          [k.comparedWith, compared],
        ]}
      />
    </Card>
  );
}

/** One changed parameter: where it belongs and its name with its rule, the value in force, the new value. */
function ChangeRow(props: { m: Messages; change: ParameterChange }) {
  const { m, change } = props;
  const k = m.ruleSets.confirm;
  const { field } = change;
  return (
    <tr>
      <td data-label={k.colParameter}>
        {/* One piece, so a phone's stacked row keeps it together beside its label. */}
        <span class="rule-change-name">
          <span class="muted">{groupTitleOf(m, field)}</span> · {fieldLabel(m, field.path)}{' '}
          <RuleBadge rule={field.rule} rules={m.policyRules} />
        </span>
      </td>
      <td data-label={k.colBefore}>
        <ParameterFigure m={m} field={field} value={change.before} illustrative={change.illustrative.before} />
      </td>
      <td data-label={k.colAfter}>
        <strong>
          <ParameterFigure m={m} field={field} value={change.after} illustrative={change.illustrative.after} />
        </strong>
      </td>
    </tr>
  );
}

/** The changes of one scope (local or national), and how many of its parameters stay as they are. */
function ScopeChanges(props: { m: Messages; scope: Scope; preview: RuleSetPreview }) {
  const { m, scope } = props;
  const k = m.ruleSets.confirm;
  const inScope = (f: { path: string }) => isNationalParameter(f) === (scope === 'national');
  const changed = props.preview.diff.changed.filter((c) => inScope(c.field));
  const unchanged = props.preview.diff.unchanged.filter(inScope).length;
  return (
    <ScopeSection m={m} scope={scope} id={`changes-${scope}`}>
      <Card>
        <p>{changed.length ? k.scopeSummary(changed.length, unchanged) : k.scopeUnchanged(unchanged)}</p>
        {changed.length ? (
          <Table caption={m.ruleSets.scopes[scope]} columns={[k.colParameter, k.colBefore, k.colAfter]}>
            {changed.map((change) => (
              <ChangeRow m={m} change={change} />
            ))}
          </Table>
        ) : null}
      </Card>
    </ScopeSection>
  );
}

/** What was typed, posted back as it was: the form again on 返回修改, the same values on 确认发布. */
function TypedFields(props: { form: RuleSetForm }) {
  return (
    <>
      {Object.entries(props.form.values).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {props.form.illustrative.map((path) => (
        <input type="hidden" name="illustrative" value={path} />
      ))}
    </>
  );
}

export function ConfirmPage(props: ConfirmProps) {
  const { c, who, preview } = props;
  const m = c.var.m;
  const r = m.ruleSets;
  const k = r.confirm;
  const comparedWith = preview.comparedWith?.ruleSet.id;
  const { changed, unchanged } = preview.diff;
  return (
    <Shell
      c={c}
      who={who}
      title={k.title}
      lead={k.lead}
      crumbs={[{ label: r.bureauTitle, href: BUREAU_RULES }]}
      here={`${BUREAU_RULES}/new`}
    >
      {props.again ? <Notice tone="error">{k[props.again]}</Notice> : null}
      <Notice tone="warning">
        <strong>{k.final}</strong> {k.finalDetail}
      </Notice>
      <VersionCard c={c} input={props.input} preview={preview} />
      {preview.comparedWith ? (
        changed.length ? (
          <p class="rule-diff-summary">{k.summary(changed.length, unchanged.length)}</p>
        ) : (
          <Notice tone="info">{k.nothingChanged}</Notice>
        )
      ) : null}
      {SCOPES.map((scope) => (
        <ScopeChanges m={m} scope={scope} preview={preview} />
      ))}
      <ImpactCard c={c} impact={props.impact} />
      <form method="post" action={`${BUREAU_RULES}/new`}>
        <CsrfInput token={c.var.csrfToken} />
        <input type="hidden" name="_key" value={props.formKey} />
        <input type="hidden" name="_compared" value={comparedWith ?? ''} />
        <input type="hidden" name="_confirm" value={confirmationDigest(props.input, comparedWith)} />
        <TypedFields form={props.form} />
        <p class="hint">{k.final}</p>
        <div class="actions">
          <button type="submit" class="btn btn-primary" name="action" value="publish">
            {k.submit}
          </button>
          <button type="submit" class="btn" name="action" value="edit">
            {k.back}
          </button>
        </div>
      </form>
    </Shell>
  );
}
