/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  BUDGET_LINES,
  CERT_LEVELS,
  type ContractDraft,
  ITEMISED_LINES,
  knownRegions,
  POST_ROLES,
  SERVICES,
} from '@shegong/domain';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { assetUrl } from '../../assets/index.ts';
import type { PageEnv } from '../../env.ts';
import type { Messages } from '../../i18n/index.ts';
import {
  Card,
  Choices,
  CsrfInput,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  SelectField,
  TextField,
} from '../../layout/components.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import {
  type ContractMessages,
  type Costing,
  FindingsSummary,
  findingsAt,
  LineFigures,
  MilestoneFigures,
  PostFigures,
  TermFigures,
  Totals,
  ValueFigures,
} from './costing.tsx';
import { type EditorValues, ROW_LISTS, type RowList } from './form.ts';

export const CONTRACTS = '/org/contracts';
export const PRICE_FLOOR = '/org/price-floor';

/** The costing of what the form holds, or why there is none yet (input errors, no rule set). */
export type EditorCosting =
  | (Costing & { draft: ContractDraft })
  | { unavailable: true; errors: readonly FieldError[]; reason?: string | undefined };

const hasCosting = (x: EditorCosting): x is Costing & { draft: ContractDraft } => !('unavailable' in x);

/**
 * The pieces of the costing shown beside the inputs, by the id of their slot. The editor places
 * each slot next to its figure; POST /org/contracts/preview answers all of them as a fragment and
 * the recost script swaps each in by id.
 */
export function costingSlots(c: Context<PageEnv>, values: EditorValues, costing: EditorCosting, floorHref?: string) {
  const k = c.var.m.contracts;
  const rules = c.var.m.policyRules;
  const slots = new Map<string, Child>();
  if (!hasCosting(costing)) {
    slots.set(
      'costing-summary',
      <div class="findings-summary findings-summary-pending">
        <p class="findings-summary-title">{costing.reason ?? k.costing.pending}</p>
        {costing.errors.length ? (
          <ul class="findings">
            {costing.errors.map((e) => (
              <li class="finding finding-error">
                <a href={`#${e.href ?? e.field}`}>{e.message}</a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>,
    );
    values.posts.forEach((_, i) => {
      slots.set(`costing-post-${i}`, <p class="muted">{k.costing.noFigures}</p>);
    });
    for (const line of BUDGET_LINES) slots.set(`costing-line-${line}`, null);
    for (const id of ['costing-term', 'costing-value', 'costing-milestones', 'costing-totals']) slots.set(id, null);
    return slots;
  }
  const a = costing.assessment;
  const { terms } = costing.draft;
  slots.set('costing-summary', <FindingsSummary k={k} rules={rules} costing={costing} lang={c.var.lang} links />);
  a.costing.posts.forEach((cost, i) => {
    slots.set(
      `costing-post-${i}`,
      <PostFigures
        k={k}
        rules={rules}
        lang={c.var.lang}
        cost={cost}
        post={costing.costedPosts[i]}
        findings={findingsAt(a.findings, `/plan/posts/${i}`)}
      />,
    );
  });
  for (const line of BUDGET_LINES)
    slots.set(`costing-line-${line}`, <LineFigures k={k} rules={rules} lang={c.var.lang} line={line} assessment={a} />);
  slots.set('costing-term', <TermFigures k={k} rules={rules} lang={c.var.lang} assessment={a} />);
  slots.set('costing-value', <ValueFigures rules={rules} lang={c.var.lang} assessment={a} />);
  slots.set(
    'costing-milestones',
    <MilestoneFigures
      k={k}
      rules={rules}
      lang={c.var.lang}
      assessment={a}
      total={terms.milestones.reduce((s, m) => s + m.amount, 0)}
      value={terms.value}
    />,
  );
  slots.set(
    'costing-totals',
    <Totals k={k} rules={rules} costing={costing} value={terms.value} floorHref={floorHref} />,
  );
  return slots;
}

/** A slot: the costing of the figure beside it (aria-live is on the one status line, not here). */
function Slot(props: { id: string; slots: Map<string, Child> }) {
  return (
    <div id={props.id} class="costing-slot" data-costing-slot="">
      {props.slots.get(props.id) ?? null}
    </div>
  );
}

/** What the preview route answers: every slot, and the line the live region reads out. */
export function CostingFragment(props: { slots: Map<string, Child>; announce: string }) {
  return (
    <div data-announce={props.announce}>
      {[...props.slots.keys()].map((id) => (
        <Slot id={id} slots={props.slots} />
      ))}
    </div>
  );
}

/** The words the live region says after a recost: how many errors and warnings now. */
export function announcement(k: ContractMessages, costing: EditorCosting): string {
  if (!hasCosting(costing)) return costing.reason ?? k.costing.pending;
  const errors = costing.assessment.findings.filter((f) => f.severity === 'error').length;
  return k.costing.recosted(errors, costing.assessment.findings.length - errors);
}

type Option = { value: string; label: string };
const options = <T extends string>(values: readonly T[], label: (v: T) => string): Option[] =>
  values.map((value) => ({ value, label: label(value) }));

/** The add/remove buttons of a list: submit buttons (no script needed), named by what they act on. */
function RemoveButton(props: { k: ContractMessages; list: RowList; index: number; label: string }) {
  return (
    <button
      type="submit"
      class="btn btn-small btn-danger"
      name="action"
      value={`remove:${props.list}:${props.index}`}
      formnovalidate
    >
      {props.k.editor.remove}
      <span class="visually-hidden"> {props.label}</span>
    </button>
  );
}

function AddButton(props: { k: ContractMessages; list: RowList; label: string; count: number }) {
  return (
    <button
      type="submit"
      class="btn btn-small"
      name="action"
      value={`add:${props.list}`}
      disabled={props.count >= ROW_LISTS[props.list].max}
    >
      {props.label}
    </button>
  );
}

interface FieldsProps {
  m: Messages;
  k: ContractMessages;
  errors: readonly FieldError[];
}

function Text(
  props: FieldsProps & {
    name: string;
    label: string;
    value: string;
    hint?: string;
    width?: 'full' | 'medium' | 'short';
  },
) {
  return (
    <TextField
      m={props.m}
      id={props.name}
      name={props.name}
      label={props.label}
      hint={props.hint}
      value={props.value}
      error={errorFor(props.errors, props.name)}
      width={props.width ?? 'full'}
      autocomplete="off"
    />
  );
}

function Select(
  props: FieldsProps & { name: string; label: string; value: string; options: Option[]; placeholder?: string },
) {
  return (
    <SelectField
      m={props.m}
      id={props.name}
      name={props.name}
      label={props.label}
      placeholder={props.placeholder ?? props.k.editor.choose}
      options={props.options}
      value={props.value}
      error={errorFor(props.errors, props.name)}
    />
  );
}

function TermsSection(props: FieldsProps & { values: EditorValues; slots: Map<string, Child>; lang: string }) {
  const { m, k, errors, values: v } = props;
  const f = { m, k, errors };
  const e = k.editor;
  const regions = knownRegions().map((r) => ({
    value: r.code,
    label: `${props.lang === 'zh-CN' ? r.zh : r.en} (${r.code})`,
  }));
  return (
    <Card title={e.termsTitle} id="terms">
      <div class="contract-grid">
        <Text {...f} name="purchaserName" label={e.purchaserName} hint={e.purchaserNameHint} value={v.purchaserName} />
        <Select {...f} name="purchaserRegion" label={e.purchaserRegion} value={v.purchaserRegion} options={regions} />
        <Text {...f} name="number" label={e.number} value={v.number} width="medium" />
        <Text {...f} name="title" label={e.title} value={v.title} />
      </div>
      <Choices
        m={m}
        type="checkbox"
        name="services"
        legend={e.services}
        hint={e.servicesHint}
        error={errorFor(errors, 'services')}
        choices={options(SERVICES, (s) => k.services[s])}
        selected={v.services}
        inline
      />
      <Text {...f} name="serviceArea" label={e.serviceArea} hint={e.serviceAreaHint} value={v.serviceArea} />
      <div class="contract-grid">
        <Text {...f} name="startDate" label={e.startDate} hint={e.dateHint} value={v.startDate} width="short" />
        <Text {...f} name="endDate" label={e.endDate} hint={e.dateHint} value={v.endDate} width="short" />
      </div>
      <Slot id="costing-term" slots={props.slots} />
      <div class={`field${errorFor(errors, 'stableRecurring') ? ' field-has-error' : ''}`}>
        {errorFor(errors, 'stableRecurring') ? (
          <p class="field-error" id="stableRecurring-error">
            <span class="visually-hidden">{m.errors.prefix}</span>
            {errorFor(errors, 'stableRecurring')}
          </p>
        ) : null}
        <div class="choice">
          <input
            class="choice-input"
            type="checkbox"
            id="stableRecurring"
            name="stableRecurring"
            value="1"
            checked={v.stableRecurring}
            aria-describedby="stableRecurring-hint"
          />
          <label class="choice-label" for="stableRecurring">
            {e.stableRecurring}
            <span class="choice-hint" id="stableRecurring-hint">
              {e.stableRecurringHint}
            </span>
          </label>
        </div>
      </div>
      <Text {...f} name="value" label={e.value} hint={e.yuanHint} value={v.value} width="short" />
      <Slot id="costing-value" slots={props.slots} />
    </Card>
  );
}

/** A list of rows, each a small fieldset of inputs with its remove button, and an add button. */
function RowsSection(props: {
  k: ContractMessages;
  id: string;
  title: string;
  list: RowList;
  count: number;
  addLabel: string;
  empty: string;
  error?: string | undefined;
  children: Child;
  after?: Child;
}) {
  return (
    <Card title={props.title} id={props.id}>
      <input type="hidden" name={ROW_LISTS[props.list].key} value={String(props.count)} />
      {props.error ? <p class="field-error">{props.error}</p> : null}
      {props.count ? props.children : <p class="muted">{props.empty}</p>}
      {props.after}
      <div class="actions">
        <AddButton k={props.k} list={props.list} label={props.addLabel} count={props.count} />
      </div>
    </Card>
  );
}

function Row(props: {
  k: ContractMessages;
  list: RowList;
  index: number;
  legend: string;
  errors: readonly FieldError[];
  children: Child;
  aside?: Child;
}) {
  const prefix = `${props.list}-${props.index}-`;
  // The row's name without the colon it has as an error prefix ("岗位 1：").
  const title = props.legend.replace(/[：:]\s*$/, '');
  const bad = props.errors.some((e) => e.field.startsWith(prefix));
  return (
    <fieldset
      class={`contract-row${bad ? ' contract-row-error' : ''}${props.aside ? ' contract-row-costed' : ''}`}
      id={`${props.list}-${props.index}`}
    >
      <legend class="contract-row-title">{title}</legend>
      <div class="contract-row-body">
        <div class="contract-row-fields">
          <div class="contract-grid">{props.children}</div>
          <RemoveButton k={props.k} list={props.list} index={props.index} label={title} />
        </div>
        {props.aside ? <div class="contract-row-aside">{props.aside}</div> : null}
      </div>
    </fieldset>
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
  const { c, who, values: v, errors } = props;
  const m = c.var.m;
  const k = m.contracts;
  const e = k.editor;
  const slots = costingSlots(c, v, props.costing, props.floorHref);
  const f = { m, k, errors };
  const people = props.people.map((p) => ({ value: p.id, label: p.name }));
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
        <section class="costing-live" aria-labelledby="costing-live-title">
          <h2 class="visually-hidden" id="costing-live-title">
            {k.costing.summaryHeading}
          </h2>
          <Slot id="costing-summary" slots={slots} />
          <p class="visually-hidden" id="costing-status" aria-live="polite" data-costing-status="" />
        </section>
        {props.amendment ? (
          <Card title={e.amendTitle} id="amendment">
            <div class={`field${errorFor(errors, 'reason') ? ' field-has-error' : ''}`}>
              <label class="label" for="reason">
                {e.reason}
              </label>
              <p class="hint" id="reason-hint">
                {e.reasonHint}
              </p>
              {errorFor(errors, 'reason') ? (
                <p class="field-error" id="reason-error">
                  <span class="visually-hidden">{m.errors.prefix}</span>
                  {errorFor(errors, 'reason')}
                </p>
              ) : null}
              <textarea
                class="textarea"
                id="reason"
                name="reason"
                rows={3}
                maxlength={500}
                aria-describedby={errorFor(errors, 'reason') ? 'reason-hint reason-error' : 'reason-hint'}
                aria-invalid={errorFor(errors, 'reason') ? 'true' : undefined}
              >
                {v.reason}
              </textarea>
            </div>
            <Text
              {...f}
              name="effectiveDate"
              label={e.effectiveDate}
              hint={e.dateHint}
              value={v.effectiveDate}
              width="short"
            />
          </Card>
        ) : null}
        <TermsSection {...f} values={v} slots={slots} lang={c.var.lang} />
        <RowsSection
          k={k}
          id="deliverables"
          title={e.deliverablesTitle}
          list="deliverable"
          count={v.deliverables.length}
          addLabel={e.addDeliverable}
          empty={e.noDeliverables}
          error={errorFor(errors, 'deliverables')}
        >
          {v.deliverables.map((d, i) => (
            <Row k={k} list="deliverable" index={i} legend={k.form.row.deliverable(i + 1)} errors={errors}>
              <Text {...f} name={`deliverable-${i}-name`} label={e.deliverableName} value={d.name} />
              <Text {...f} name={`deliverable-${i}-indicator`} label={e.indicator} value={d.indicator} />
              <Text {...f} name={`deliverable-${i}-target`} label={e.target} value={d.target} width="short" />
              <Text {...f} name={`deliverable-${i}-unit`} label={e.unit} value={d.unit} width="short" />
            </Row>
          ))}
        </RowsSection>
        <RowsSection
          k={k}
          id="milestones"
          title={e.milestonesTitle}
          list="milestone"
          count={v.milestones.length}
          addLabel={e.addMilestone}
          empty={e.noMilestones}
          error={errorFor(errors, 'milestones')}
          after={<Slot id="costing-milestones" slots={slots} />}
        >
          {v.milestones.map((ms, i) => (
            <Row k={k} list="milestone" index={i} legend={k.form.row.milestone(i + 1)} errors={errors}>
              <Text {...f} name={`milestone-${i}-name`} label={e.milestoneName} value={ms.name} />
              <Text
                {...f}
                name={`milestone-${i}-dueDate`}
                label={e.dueDate}
                hint={e.dateHint}
                value={ms.dueDate}
                width="short"
              />
              <Text
                {...f}
                name={`milestone-${i}-amount`}
                label={e.amount}
                hint={e.yuanHint}
                value={ms.amount}
                width="short"
              />
              <Text {...f} name={`milestone-${i}-condition`} label={e.condition} value={ms.condition} />
            </Row>
          ))}
        </RowsSection>
        <RowsSection
          k={k}
          id="posts"
          title={e.postsTitle}
          list="post"
          count={v.posts.length}
          addLabel={e.addPost}
          empty={e.noPosts}
          error={errorFor(errors, 'posts')}
        >
          {v.posts.map((p, i) => (
            <Row
              k={k}
              list="post"
              index={i}
              legend={k.form.row.post(i + 1)}
              errors={errors}
              aside={<Slot id={`costing-post-${i}`} slots={slots} />}
            >
              <Text {...f} name={`post-${i}-title`} label={e.postTitle} value={p.title} />
              <Select
                {...f}
                name={`post-${i}-role`}
                label={e.role}
                value={p.role}
                options={options(POST_ROLES, (r) => k.roles[r])}
              />
              <Select
                {...f}
                name={`post-${i}-certLevel`}
                label={e.certLevel}
                value={p.certLevel}
                options={options(CERT_LEVELS, (l) => k.certLevels[l])}
              />
              <Text
                {...f}
                name={`post-${i}-ftePercent`}
                label={e.ftePercent}
                hint={e.fteHint}
                value={p.ftePercent}
                width="short"
              />
              <Text {...f} name={`post-${i}-months`} label={e.months} value={p.months} width="short" />
              <Text
                {...f}
                name={`post-${i}-monthlyPay`}
                label={e.monthlyPay}
                hint={e.monthlyPayHint}
                value={p.monthlyPay}
                width="short"
              />
              <Select
                {...f}
                name={`post-${i}-personId`}
                label={e.person}
                value={p.personId}
                options={people}
                placeholder={e.noPerson}
              />
            </Row>
          ))}
        </RowsSection>
        <Card title={e.budgetTitle} id="budget">
          <p class="hint">{e.budgetHint}</p>
          <div class="contract-lines">
            {BUDGET_LINES.map((line) => (
              <div class="contract-line">
                <Text {...f} name={`line-${line}`} label={k.lines[line]} value={v.lines[line]} width="short" />
                <Slot id={`costing-line-${line}`} slots={slots} />
              </div>
            ))}
          </div>
        </Card>
        <RowsSection
          k={k}
          id="items"
          title={e.itemsTitle}
          list="item"
          count={v.items.length}
          addLabel={e.addItem}
          empty={e.noItems}
          error={errorFor(errors, 'items')}
        >
          {v.items.map((it, i) => (
            <Row k={k} list="item" index={i} legend={k.form.row.item(i + 1)} errors={errors}>
              <Select
                {...f}
                name={`item-${i}-line`}
                label={e.line}
                value={it.line}
                options={options(ITEMISED_LINES, (l) => k.lines[l])}
              />
              <Text {...f} name={`item-${i}-category`} label={e.category} value={it.category} />
              <Text
                {...f}
                name={`item-${i}-unitPrice`}
                label={e.unitPrice}
                hint={e.yuanHint}
                value={it.unitPrice}
                width="short"
              />
              <Text {...f} name={`item-${i}-unit`} label={e.unit} value={it.unit} width="short" />
              <Text {...f} name={`item-${i}-quantity`} label={e.quantity} value={it.quantity} width="short" />
              <Text {...f} name={`item-${i}-note`} label={e.note} value={it.note} />
            </Row>
          ))}
        </RowsSection>
        <Card title={e.totalsTitle} id="totals">
          <Slot id="costing-totals" slots={slots} />
        </Card>
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
      </form>
      <script src={assetUrl('contract-editor.js')} defer />
    </Shell>
  );
}
