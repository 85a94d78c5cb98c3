/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import type { Messages } from '../i18n/index.ts';

/** Small building blocks in the manner of GOV.UK (forms, errors) and Ant Design (tags, cards). */

export type Tone = 'blue' | 'green' | 'red' | 'amber' | 'grey' | 'purple' | 'cyan';

export function Tag(props: { tone: Tone; children: Child }) {
  return <span class={`tag tag-${props.tone}`}>{props.children}</span>;
}

export function Tags(props: { children: Child }) {
  return <span class="tags">{props.children}</span>;
}

/**
 * One failing field: its name, the message, and the id of the input the summary links to (the
 * field's own id, or for checkboxes and radios the first one's).
 */
export interface FieldError {
  field: string;
  message: string;
  href?: string;
}

export function errorFor(errors: readonly FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

/** GOV.UK's error summary: at the top, focused by app.js, each error a link to its field. */
export function ErrorSummary(props: { m: Messages; errors: readonly FieldError[] }) {
  if (!props.errors.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} data-autofocus="">
      <h2 id="error-summary-title" class="error-summary-title">
        {props.m.errors.summaryTitle}
      </h2>
      <ul class="error-summary-list">
        {props.errors.map((e) => (
          <li>
            <a href={`#${e.href ?? e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Hint(props: { id: string; text?: string | undefined }) {
  return props.text ? (
    <p class="hint" id={`${props.id}-hint`}>
      {props.text}
    </p>
  ) : null;
}

function ErrorMessage(props: { m: Messages; id: string; text?: string | undefined }) {
  return props.text ? (
    <p class="field-error" id={`${props.id}-error`}>
      <span class="visually-hidden">{props.m.errors.prefix}</span>
      {props.text}
    </p>
  ) : null;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export interface TextFieldProps {
  m: Messages;
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'date';
  /** The keyboard a phone shows: decimal for money and percentages. */
  inputmode?: 'decimal' | 'numeric' | undefined;
  autocomplete?: string;
  width?: 'full' | 'medium' | 'short';
  required?: boolean;
  maxlength?: number;
}

export function TextField(props: TextFieldProps) {
  return (
    <div class={`field${props.error ? ' field-has-error' : ''}`}>
      <label class="label" for={props.id}>
        {props.label}
      </label>
      <Hint id={props.id} text={props.hint} />
      <ErrorMessage m={props.m} id={props.id} text={props.error} />
      <input
        class={`input input-${props.width ?? 'full'}`}
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        inputmode={props.inputmode}
        value={props.type === 'password' ? undefined : props.value}
        autocomplete={props.autocomplete}
        required={props.required}
        maxlength={props.maxlength}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

/** Checkboxes or radios in a fieldset; the first input's id is `<name>-<first value>` (the summary links there). */
export function Choices(props: {
  m: Messages;
  type: 'checkbox' | 'radio';
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  choices: readonly Choice[];
  selected: readonly string[];
  inline?: boolean;
}) {
  const groupId = `${props.name}-group`;
  return (
    <div class={`field${props.error ? ' field-has-error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy(groupId, props.hint, props.error)}>
        <legend class="label">{props.legend}</legend>
        <Hint id={groupId} text={props.hint} />
        <ErrorMessage m={props.m} id={groupId} text={props.error} />
        <div class={`choices${props.inline ? ' choices-inline' : ''}`}>
          {props.choices.map((choice) => {
            const id = choiceId(props.name, choice.value);
            return (
              <div class="choice">
                <input
                  class="choice-input"
                  type={props.type}
                  id={id}
                  name={props.name}
                  value={choice.value}
                  checked={props.selected.includes(choice.value)}
                  aria-describedby={choice.hint ? `${id}-hint` : undefined}
                />
                <label class="choice-label" for={id}>
                  {choice.label}
                  {choice.hint ? (
                    <span class="choice-hint" id={`${id}-hint`}>
                      {choice.hint}
                    </span>
                  ) : null}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function choiceId(name: string, value: string): string {
  return `${name}-${value.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** A fixed list of values (roles, levels, lines…) as options, each labelled in the reader's language. */
export const optionsOf = <T extends string>(values: readonly T[], label: (value: T) => string) =>
  values.map((value) => ({ value, label: label(value) }));

export function SelectField(props: {
  m: Messages;
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  placeholder: string;
  options: readonly { value: string; label: string }[];
  value?: string | undefined;
}) {
  return (
    <div class={`field${props.error ? ' field-has-error' : ''}`}>
      <label class="label" for={props.id}>
        {props.label}
      </label>
      <Hint id={props.id} text={props.hint} />
      <ErrorMessage m={props.m} id={props.id} text={props.error} />
      <select
        class="select"
        id={props.id}
        name={props.name}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        <option value="">{props.placeholder}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One yes/no box on its own, posted as "1" when ticked; its name is its id. */
export function Checkbox(props: { id: string; label: string; checked: boolean }) {
  return (
    <div class="choice">
      <input class="choice-input" type="checkbox" id={props.id} name={props.id} value="1" checked={props.checked} />
      <label class="choice-label" for={props.id}>
        {props.label}
      </label>
    </div>
  );
}

/** The double-submit token every form carries. */
export function CsrfInput(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** Ant Design's description list: label and value pairs. */
export function DescriptionList(props: { items: readonly [string, Child][] }) {
  return (
    <dl class="descriptions">
      {props.items.map(([label, value]) => (
        <div class="descriptions-item">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Card(props: { title?: string; extra?: Child; id?: string; children: Child }) {
  const headingId = props.id ? `${props.id}-title` : undefined;
  return (
    <section class="card" id={props.id} aria-labelledby={props.title ? headingId : undefined}>
      {props.title ? (
        <div class="card-head">
          <h2 class="card-title" id={headingId}>
            {props.title}
          </h2>
          {props.extra ? <div class="card-extra">{props.extra}</div> : null}
        </div>
      ) : null}
      <div class="card-body">{props.children}</div>
    </section>
  );
}

/** A message after an action (role="status" so screen readers hear it), or a warning before one. */
export function Notice(props: { tone: 'success' | 'error' | 'info' | 'warning'; children: Child }) {
  return (
    <div class={`notice notice-${props.tone}`} role={props.tone === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

/** A link to pass on: a read-only field to select, and a copy button that app.js reveals. */
export function CopyField(props: { m: Messages; id: string; label: string; hint: string; value: string }) {
  return (
    <div class="field copy-field">
      <label class="label" for={props.id}>
        {props.label}
      </label>
      <p class="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
      <div class="copy-row">
        <input
          class="input input-full input-mono"
          id={props.id}
          type="text"
          readonly
          value={props.value}
          aria-describedby={`${props.id}-hint`}
          data-select-on-focus=""
        />
        <button type="button" class="btn" hidden data-copy={props.id} data-copied={props.m.invite.copied}>
          {props.m.invite.copy}
        </button>
      </div>
    </div>
  );
}

/** Links that filter a list, the one in force marked: plain links, so a filtered list has its own address. */
export function FilterRow(props: {
  label: string;
  filters: readonly { label: string; href: string; active: boolean }[];
}) {
  return (
    <nav class="filter-row" aria-label={props.label}>
      <span class="filter-label">{props.label}</span>
      {props.filters.map((f) => (
        <a class={`filter${f.active ? ' is-active' : ''}`} href={f.href} aria-current={f.active ? 'page' : undefined}>
          {f.label}
        </a>
      ))}
    </nav>
  );
}

/** Paging by cursor: back to the first page, on to the next; nothing when the list fits one page. */
export function Pager(props: { m: Messages; label: string; first?: string | undefined; next?: string | undefined }) {
  if (!props.first && !props.next) return null;
  return (
    <nav class="pager" aria-label={props.label}>
      {props.first ? <a href={props.first}>{props.m.pagination.first}</a> : null}
      {props.next ? <a href={props.next}>{props.m.pagination.next}</a> : null}
    </nav>
  );
}

/** A column header: its label, and for a sortable column the link that sorts by it (lists.tsx). */
export type Column =
  | string
  | {
      label: string;
      sort?: { href: string; title: string; state?: 'ascending' | 'descending' };
    };

function ColumnHeader(props: { column: Column }) {
  const { column } = props;
  if (typeof column === 'string' || !column.sort)
    return <th scope="col">{typeof column === 'string' ? column : column.label}</th>;
  const { sort } = column;
  return (
    <th scope="col" aria-sort={sort.state}>
      <a class="sort-link" href={sort.href} title={sort.title}>
        {column.label}
        <span class="sort-mark" aria-hidden="true">
          {sort.state === 'ascending' ? '▲' : sort.state === 'descending' ? '▼' : '↕'}
        </span>
      </a>
    </th>
  );
}

/** A table that becomes stacked cards on a phone: each cell says its column (data-label). */
export function Table(props: {
  caption?: string;
  columns: readonly Column[];
  children: Child;
  empty?: string | undefined;
}) {
  return (
    <div class="table-wrap">
      <table class="table">
        {props.caption ? <caption class="visually-hidden">{props.caption}</caption> : null}
        <thead>
          <tr>
            {props.columns.map((c) => (
              <ColumnHeader column={c} />
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
      {props.empty ? <p class="empty">{props.empty}</p> : null}
    </div>
  );
}

/** A row of tabs, each a page of its own (a link); the current one is marked for screen readers too. */
export function SubNav<T extends string>(props: {
  label: string;
  tabs: readonly T[];
  labels: Record<T, string>;
  path: (tab: T) => string;
  active: T;
}) {
  return (
    <nav class="subnav" aria-label={props.label}>
      <ul>
        {props.tabs.map((tab) => (
          <li>
            <a
              href={props.path(tab)}
              class={tab === props.active ? 'subnav-item is-active' : 'subnav-item'}
              aria-current={tab === props.active ? 'page' : undefined}
            >
              {props.labels[tab]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
