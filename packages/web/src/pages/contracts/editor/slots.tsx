/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { BUDGET_LINES, type ContractDraft } from '@shegong/domain';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../../env.ts';
import type { FieldError } from '../../../layout/components.tsx';
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
} from '../costing.tsx';
import { costedIndex, type EditorValues, ROW_LISTS, type RowList, type SkippedRows } from '../form.ts';

/** The costing of what the form holds, or why there is none yet (input errors, no rule set). */
export type EditorCosting =
  | (Costing & { draft: ContractDraft; skipped?: SkippedRows | undefined })
  | { unavailable: true; errors: readonly FieldError[]; reason?: string | undefined };

type PendingCosting = Extract<EditorCosting, { unavailable: true }>;

type CostedForm = Extract<EditorCosting, { draft: ContractDraft }>;

const hasCosting = (x: EditorCosting): x is CostedForm => !('unavailable' in x);

/** The slots that hold no post's or line's figures: the term, the value, the milestones, the totals. */
const TERM_SLOTS = ['costing-term', 'costing-value', 'costing-milestones', 'costing-totals'] as const;

/**
 * The pieces of the costing shown beside the inputs, by the id of their slot. The editor places
 * each slot next to its figure; POST /org/contracts/preview answers all of them as a fragment and
 * the recost script swaps each in by id.
 */
export function costingSlots(c: Context<PageEnv>, values: EditorValues, costing: EditorCosting, floorHref?: string) {
  return hasCosting(costing)
    ? costedSlots(c, values, costing, floorHref)
    : pendingSlots(c.var.m.contracts, values, costing);
}

/** Why there is no costing yet, each input error a link to its field. */
function PendingSummary(props: { k: ContractMessages; costing: PendingCosting }) {
  const { k, costing } = props;
  return (
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
    </div>
  );
}

/** Every slot emptied, so a recost clears the figures of a costing that no longer holds. */
function pendingSlots(k: ContractMessages, values: EditorValues, costing: PendingCosting) {
  const slots = new Map<string, Child>();
  slots.set('costing-summary', <PendingSummary k={k} costing={costing} />);
  values.posts.forEach((_, i) => {
    slots.set(`costing-post-${i}`, <p class="muted">{k.costing.noFigures}</p>);
  });
  for (const line of BUDGET_LINES) slots.set(`costing-line-${line}`, null);
  for (const id of TERM_SLOTS) slots.set(id, null);
  return slots;
}

/** The rows a costing left out because they are not filled in yet, each a link to the row. */
function SkippedNotice(props: { k: ContractMessages; skipped?: SkippedRows | undefined }) {
  const { k, skipped } = props;
  const rows = skipped
    ? (Object.entries(skipped) as [RowList, number[]][]).flatMap(([list, indexes]) =>
        indexes.map((i) => ({ href: `${list}-${i}-${ROW_LISTS[list].first}`, name: k.form.rowName[list](i + 1) })),
      )
    : [];
  if (!rows.length) return null;
  return (
    <p class="hint costing-skipped">
      {k.costing.skipped}
      {rows.map((r, i) => (
        <>
          {i ? '、' : ' '}
          <a href={`#${r.href}`}>{r.name}</a>
        </>
      ))}
    </p>
  );
}

function costedSlots(c: Context<PageEnv>, values: EditorValues, costing: CostedForm, floorHref?: string) {
  const k = c.var.m.contracts;
  const rules = c.var.m.policyRules;
  const lang = c.var.lang;
  const a = costing.assessment;
  const { terms } = costing.draft;
  const slots = new Map<string, Child>();
  slots.set(
    'costing-summary',
    <>
      <FindingsSummary k={k} rules={rules} costing={costing} lang={lang} links />
      <SkippedNotice k={k} skipped={costing.skipped} />
    </>,
  );
  values.posts.forEach((_, i) => {
    const j = costedIndex(costing.skipped, 'post', i);
    const cost = j === undefined ? undefined : a.costing.posts[j];
    slots.set(
      `costing-post-${i}`,
      cost === undefined ? (
        <p class="muted">{k.costing.rowSkipped}</p>
      ) : (
        <PostFigures
          k={k}
          rules={rules}
          lang={lang}
          cost={cost}
          post={costing.costedPosts[j as number]}
          findings={findingsAt(a.findings, `/plan/posts/${i}`)}
        />
      ),
    );
  });
  for (const line of BUDGET_LINES)
    slots.set(`costing-line-${line}`, <LineFigures k={k} rules={rules} lang={lang} line={line} assessment={a} />);
  slots.set('costing-term', <TermFigures k={k} rules={rules} lang={lang} assessment={a} />);
  slots.set('costing-value', <ValueFigures rules={rules} lang={lang} assessment={a} />);
  slots.set(
    'costing-milestones',
    <MilestoneFigures
      k={k}
      rules={rules}
      lang={lang}
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
export function Slot(props: { id: string; slots: Map<string, Child> }) {
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
