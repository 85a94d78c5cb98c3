/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { CERT_LEVELS, ITEMISED_LINES, type StoredContract } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatMonth, type Messages } from '../../i18n/index.ts';
import {
  Card,
  Checkbox,
  CsrfInput,
  errorFor,
  type FieldError,
  optionsOf,
  SelectField,
  TextField,
} from '../../layout/components.tsx';
import { personOptions } from '../../layout/labels.tsx';
import { lineName } from './budget.tsx';
import { actualsHref, monthHref } from './paths.ts';

/** A month's entry form: a payroll row per person paid, the other spending, and where the rows came from. */

/** The most payroll rows one month's form takes ("add a row" stops there; the route refuses more). */
export const MAX_ROWS = 500;

/** One payroll row as the form holds it (text as typed, so a wrong entry is shown back). */
export interface PayrollRow {
  personId: string;
  name: string;
  certLevel: string;
  grossPay: string;
  share: string;
  remove: boolean;
}

/** The expense lines and the note as typed (yuan). */
export type ExpenseValues = Record<(typeof ITEMISED_LINES)[number], string> & { note: string };

/** Where the rows were prefilled from, if not from this month itself. */
export type Prefilled = { from: 'month'; month: string } | { from: 'posts' } | undefined;

/** What the entry form is filled from: the rows and expenses as typed, and the people to pick from. */
export interface EntryProps {
  c: Context<PageEnv>;
  contract: StoredContract;
  month: string;
  rows: readonly PayrollRow[];
  expenses: ExpenseValues;
  /** The revision the form was rendered from ('' before the first record). */
  revision: string;
  errors: readonly FieldError[];
  people: readonly { id: string; name: string }[];
  prefilled?: Prefilled;
}

/** One payroll row of the entry form. */
function PayrollFields(props: {
  m: Messages;
  row: PayrollRow;
  index: number;
  errors: readonly FieldError[];
  people: readonly { id: string; name: string }[];
}) {
  const { m, row, index, errors } = props;
  const a = m.actuals;
  const e = a.entry;
  const id = (field: string) => `row-${index}-${field}`;
  const hasError = errors.some((x) => x.field.startsWith(`row-${index}-`));
  return (
    <fieldset class={`actual-row actual-person${hasError ? ' actual-row-error' : ''}`}>
      <legend class="actual-row-title">{e.row(index + 1)}</legend>
      <div class="actual-grid">
        {props.people.length ? (
          <SelectField
            m={m}
            id={id('personId')}
            name={id('personId')}
            label={e.person}
            error={errorFor(errors, id('personId'))}
            placeholder={e.notInRegistry}
            options={personOptions(props.people)}
            value={row.personId}
          />
        ) : null}
        <TextField
          m={m}
          id={id('name')}
          name={id('name')}
          label={e.name}
          value={row.name}
          error={errorFor(errors, id('name'))}
          width="medium"
          maxlength={40}
        />
        <SelectField
          m={m}
          id={id('certLevel')}
          name={id('certLevel')}
          label={e.certLevel}
          error={errorFor(errors, id('certLevel'))}
          placeholder={e.certLevel}
          options={optionsOf(CERT_LEVELS, (level) => e.certLevels[level] ?? level)}
          value={row.certLevel}
        />
        <TextField
          m={m}
          id={id('grossPay')}
          name={id('grossPay')}
          label={e.grossPay}
          value={row.grossPay}
          error={errorFor(errors, id('grossPay'))}
          width="short"
        />
        <TextField
          m={m}
          id={id('share')}
          name={id('share')}
          label={e.share}
          value={row.share}
          error={errorFor(errors, id('share'))}
          width="short"
        />
      </div>
      <Checkbox id={id('remove')} label={e.remove} checked={row.remove} />
    </fieldset>
  );
}

/** The month's other spending, one field per itemised line, and a note. */
function ExpenseFields(props: { m: Messages; expenses: ExpenseValues; errors: readonly FieldError[] }) {
  const { m, expenses, errors } = props;
  const a = m.actuals;
  return (
    <fieldset class="actual-row">
      <legend class="actual-row-title">{a.entry.expenses}</legend>
      <div class="actual-grid">
        {ITEMISED_LINES.map((line) => (
          <TextField
            m={m}
            id={`expense-${line}`}
            name={`expense-${line}`}
            label={lineName(a, line)}
            value={expenses[line]}
            error={errorFor(errors, `expense-${line}`)}
            width="short"
          />
        ))}
      </div>
      <TextField
        m={m}
        id="note"
        name="note"
        label={a.entry.note}
        value={expenses.note}
        error={errorFor(errors, 'note')}
        maxlength={500}
      />
    </fieldset>
  );
}

/** Where the rows came from, when not from this month: the month before, or the contract's posts. */
function PrefilledNote(props: { c: Context<PageEnv>; prefilled: Prefilled }) {
  const e = props.c.var.m.actuals.entry;
  const { prefilled } = props;
  if (prefilled?.from === 'month')
    return <p class="muted">{e.prefilledFrom(formatMonth(prefilled.month, props.c.var.lang))}</p>;
  if (prefilled?.from === 'posts') return <p class="muted">{e.prefilledPosts}</p>;
  return null;
}

/** The entry form: the payroll (rows added without script), the expenses, the revision it was read at. */
export function EntrySection(props: EntryProps) {
  const { c, contract, rows, errors } = props;
  const m = c.var.m;
  const e = m.actuals.entry;
  return (
    <Card>
      <p class="muted">{e.rulesNote}</p>
      <PrefilledNote c={c} prefilled={props.prefilled} />
      {props.people.length ? <p class="muted">{e.personHint}</p> : null}
      <form class="form form-wide" method="post" action={monthHref(contract.id, props.month)} novalidate>
        <CsrfInput token={c.var.csrfToken} />
        <input type="hidden" name="revision" value={props.revision} />
        <input type="hidden" name="rows" value={String(rows.length)} />
        <h2 class="section-title">{e.payroll}</h2>
        {rows.map((row, i) => (
          <PayrollFields m={m} row={row} index={i} errors={errors} people={props.people} />
        ))}
        <div class="actions actions-rows">
          <button type="submit" class="btn" name="action" value="add" disabled={rows.length >= MAX_ROWS}>
            {e.addRow}
          </button>
        </div>
        <ExpenseFields m={m} expenses={props.expenses} errors={errors} />
        <div class="actions">
          <button type="submit" class="btn btn-primary" name="action" value="save">
            {e.save}
          </button>
          <a class="btn" href={actualsHref(contract.id)}>
            {e.cancel}
          </a>
        </div>
      </form>
    </Card>
  );
}
