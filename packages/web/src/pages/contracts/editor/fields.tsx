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

type Option = { value: string; label: string };
export const options = <T extends string>(values: readonly T[], label: (v: T) => string): Option[] =>
  values.map((value) => ({ value, label: label(value) }));

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
    />
  );
}

export function Select(
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

/** A list of rows, each a small fieldset of inputs with its remove button, and an add button. */
export function RowsSection(props: {
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

export function Row(props: {
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
