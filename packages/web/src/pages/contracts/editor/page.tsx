/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { assetUrl } from '../../../assets/index.ts';
import type { PageEnv } from '../../../env.ts';
import { Card, CsrfInput, ErrorSummary, errorFor, type FieldError, Notice } from '../../../layout/components.tsx';
import { Shell, type SignedIn } from '../../../layout/shell.tsx';
import type { ContractMessages } from '../costing.tsx';
import type { EditorValues } from '../form.ts';
import { CONTRACTS } from '../paths.ts';
import { type FieldsProps, Text } from './fields.tsx';
import { BudgetItemsSection, BudgetLinesSection, StaffingSection } from './plan.tsx';
import { costingSlots, type EditorCosting, Slot } from './slots.tsx';
import { DeliverablesSection, MilestonesSection, TermsSection } from './terms.tsx';

/** The findings of the whole costing at the top, and the live region a recost speaks through. */
function CostingSummary(props: { k: ContractMessages; slots: Map<string, Child> }) {
  return (
    <section class="costing-live" aria-labelledby="costing-live-title">
      <h2 class="visually-hidden" id="costing-live-title">
        {props.k.costing.summaryHeading}
      </h2>
      <Slot id="costing-summary" slots={props.slots} />
      <p class="visually-hidden" id="costing-status" aria-live="polite" data-costing-status="" />
    </section>
  );
}

/** Why the contract changes (a textarea: reasons run to sentences) and from when. */
function AmendmentSection(props: FieldsProps & { values: EditorValues }) {
  const { m, k, errors, values: v } = props;
  const e = k.editor;
  const error = errorFor(errors, 'reason');
  return (
    <Card title={e.amendTitle} id="amendment">
      <div class={`field${error ? ' field-has-error' : ''}`}>
        <label class="label" for="reason">
          {e.reason}
        </label>
        <p class="hint" id="reason-hint">
          {e.reasonHint}
        </p>
        {error ? (
          <p class="field-error" id="reason-error">
            <span class="visually-hidden">{m.errors.prefix}</span>
            {error}
          </p>
        ) : null}
        <textarea
          class="textarea"
          id="reason"
          name="reason"
          rows={3}
          maxlength={500}
          aria-describedby={error ? 'reason-hint reason-error' : 'reason-hint'}
          aria-invalid={error ? 'true' : undefined}
        >
          {v.reason}
        </textarea>
      </div>
      <Text
        m={m}
        k={k}
        errors={errors}
        name="effectiveDate"
        label={e.effectiveDate}
        hint={e.dateHint}
        value={v.effectiveDate}
        width="short"
      />
    </Card>
  );
}

function EditorActions(props: { k: ContractMessages; amendment: boolean; cancel: string }) {
  const e = props.k.editor;
  return (
    <div class="actions contract-actions">
      <button type="submit" class="btn btn-primary" name="action" value="save">
        {props.amendment ? e.saveAmendment : e.save}
      </button>
      <button type="submit" class="btn" name="action" value="recalculate" data-recalculate="">
        {e.recalculate}
      </button>
      <a class="btn" href={props.cancel}>
        {e.cancel}
      </a>
    </div>
  );
}

/** 合同编辑: terms, deliverables, milestones, posts and budget, each figure's costing beside it. */
export function EditorPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  title: string;
  action: string;
  crumbs: readonly { label: string; href: string }[];
  cancel: string;
  values: EditorValues;
  errors: readonly FieldError[];
  costing: EditorCosting;
  people: readonly { id: string; name: string }[];
  hidden: Record<string, string>;
  amendment?: boolean;
  stale?: string | undefined;
  floorHref?: string | undefined;
}) {
  const { c, who, values, errors } = props;
  const m = c.var.m;
  const k = m.contracts;
  const e = k.editor;
  const slots = costingSlots(c, values, props.costing, props.floorHref);
  const section = { m, k, errors, values, slots };
  return (
    <Shell
      c={c}
      who={who}
      title={props.title}
      lead={props.amendment ? e.amendLead : e.lead}
      crumbs={props.crumbs}
      here={props.action}
    >
      {props.stale ? (
        <Notice tone="error">
          {k.notices.stale} <a href={props.stale}>{k.notices.reload}</a>
        </Notice>
      ) : null}
      <ErrorSummary m={m} errors={errors} />
      <form
        class="form form-wide contract-editor"
        method="post"
        action={props.action}
        novalidate
        data-recost={`${CONTRACTS}/preview`}
      >
        <CsrfInput token={c.var.csrfToken} />
        {/* Enter in a field submits the form's first button: make that "recalculate", not a row's "remove". */}
        <button type="submit" name="action" value="recalculate" class="visually-hidden" tabindex={-1}>
          {e.recalculate}
        </button>
        {Object.entries(props.hidden).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <CostingSummary k={k} slots={slots} />
        {props.amendment ? <AmendmentSection {...section} /> : null}
        <TermsSection {...section} lang={c.var.lang} />
        <DeliverablesSection {...section} />
        <MilestonesSection {...section} />
        <StaffingSection {...section} people={props.people} />
        <BudgetLinesSection {...section} />
        <BudgetItemsSection {...section} />
        <Card title={e.totalsTitle} id="totals">
          <Slot id="costing-totals" slots={slots} />
        </Card>
        <EditorActions k={k} amendment={Boolean(props.amendment)} cancel={props.cancel} />
      </form>
      <script src={assetUrl('contract-editor.js')} defer />
    </Shell>
  );
}
