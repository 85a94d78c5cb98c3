/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import type { Messages } from '../../../i18n/index.ts';
import { Card, errorFor, type FieldError, SelectField, TextField } from '../../../layout/components.tsx';
import type { ContractMessages } from '../costing.tsx';
import { type EditorValues, ROW_LISTS, type RowList } from '../form.ts';

/** The editor's inputs and its lists of rows: each input named, labelled and told its error the same way. */

export interface FieldsProps {
  m: Messages;
  k: ContractMessages;
  errors: readonly FieldError[];
}

/** What a section of the form reads: the values as typed, and the costing slots to place beside them. */
export type SectionProps = FieldsProps & { values: EditorValues; slots: Map<string, Child> };

/**
 * The input a field of the editor is, by its name: dates as date pickers (a typed 2024/06/23 is
 * still read, formDate), money with a decimal keypad, whole numbers with a numeric one.
 */
function inputOf(name: string): { type?: 'date'; inputmode?: 'decimal' | 'numeric' } {
  const leaf = name.split('-').at(-1) ?? name;
  if (['startDate', 'endDate', 'dueDate', 'effectiveDate'].includes(leaf)) return { type: 'date' };
  if (name.startsWith('line-') || ['value', 'amount', 'monthlyPay', 'unitPrice'].includes(leaf))
    return { inputmode: 'decimal' };
  if (['ftePercent', 'months', 'target', 'quantity'].includes(leaf)) return { inputmode: 'numeric' };
  return {};
}

export function Text(
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
      {...inputOf(props.name)}
    />
  );
}

export function Select(
  props: FieldsProps & {
    name: string;
    label: string;
    value: string;
    options: readonly { value: string; label: string }[];
    placeholder?: string;
  },
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

/** Each list's words: its card's title, its add button, and what the card says while it is empty. */
function listWords(e: ContractMessages['editor'], list: RowList) {
  const words = {
    deliverable: { title: e.deliverablesTitle, add: e.addDeliverable, empty: e.noDeliverables },
    milestone: { title: e.milestonesTitle, add: e.addMilestone, empty: e.noMilestones },
    post: { title: e.postsTitle, add: e.addPost, empty: e.noPosts },
    item: { title: e.itemsTitle, add: e.addItem, empty: e.noItems },
  } satisfies Record<RowList, { title: string; add: string; empty: string }>;
  return words[list];
}

/**
 * A list of rows, each a small fieldset of inputs with its remove button, and an add button. The
 * card's id is the list's form key, which is also the field an error about the whole list is on.
 */
export function RowsSection(props: FieldsProps & { list: RowList; count: number; children: Child; after?: Child }) {
  const { key } = ROW_LISTS[props.list];
  const words = listWords(props.k.editor, props.list);
  const error = errorFor(props.errors, key);
  return (
    <Card title={words.title} id={key}>
      <input type="hidden" name={key} value={String(props.count)} />
      {error ? <p class="field-error">{error}</p> : null}
      {props.count ? props.children : <p class="muted">{words.empty}</p>}
      {props.after}
      <div class="actions">
        <AddButton k={props.k} list={props.list} label={words.add} count={props.count} />
      </div>
    </Card>
  );
}

export function Row(props: {
  k: ContractMessages;
  errors: readonly FieldError[];
  list: RowList;
  index: number;
  children: Child;
  aside?: Child;
}) {
  const prefix = `${props.list}-${props.index}-`;
  // The row's name without the colon it has as an error prefix ("岗位 1：").
  const title = props.k.form.row[props.list](props.index + 1).replace(/[：:]\s*$/, '');
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
