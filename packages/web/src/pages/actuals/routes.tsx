/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  ACTUALS_READERS,
  ACTUALS_WRITERS,
  actualMonths,
  asRefusal,
  budgetVsActualView,
  Conflict,
  contractView,
  findActualMonth,
  getContract,
  memberNames,
  monthRecords,
  NotFound,
  peopleChoices,
  permits,
  type Refusal,
  recordActualMonth,
  Stale,
} from '@shegong/core';
import {
  ActualExpenses,
  ActualMonth,
  ActualMonthInput,
  ActualPayrollRow,
  CERT_LEVELS,
  type CertLevel,
  fenToYuan,
  ITEMISED_LINES,
  isHiddenCharacterIssue,
  monthInTerm,
  type StoredActualMonth,
  type StoredContract,
  takesActuals,
} from '@shegong/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { amountField } from '../../forms/amount.ts';
import { formVersion, readForm } from '../../forms/form.ts';
import { refusalErrors, refusedInput } from '../../forms/refusals.ts';
import { formatMonth } from '../../i18n/index.ts';
import type { FieldError } from '../../layout/components.tsx';
import { Notice } from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { signedIn } from '../../layout/shell.tsx';
import { pageAccess } from '../../session/access.ts';
import { CONTRACTS } from '../contracts/paths.ts';
import { type ExpenseValues, MAX_ROWS, type PayrollRow } from './entry.tsx';
import { MonthPage, type MonthPageProps } from './month.tsx';
import { actualsHref, monthHref } from './paths.ts';
import { ActualsPage } from './views.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTUALS = `${CONTRACTS}/:contractId/actuals`;

function notFound(): never {
  throw new NotFound('There is nothing at this address');
}

/** An id in the path that cannot be one of ours answers like another organisation's contract: 404. */
function contractIdOf(c: Context<PageEnv>): string {
  const id = c.req.param('contractId') ?? '';
  if (!UUID.test(id)) notFound();
  return id;
}

/** A month of the contract's term, else 404 (there is no such page). */
function monthOf(c: Context<PageEnv>, contract: StoredContract): string {
  const month = c.req.param('month') ?? '';
  if (!ActualMonth.safeParse(month).success || !monthInTerm(month, contract.startDate, contract.endDate)) notFound();
  return month;
}

const canWrite = (c: Context<PageEnv>) => permits(ACTUALS_WRITERS, c.var.principal);

const emptyRow = (): PayrollRow => ({
  personId: '',
  name: '',
  certLevel: '',
  grossPay: '',
  share: '100',
  remove: false,
});
const blankExpenses = (): ExpenseValues => ({
  supervision: '',
  activities: '',
  management: '',
  tax: '',
  other: '',
  note: '',
});

const rowsOf = (month: StoredActualMonth): PayrollRow[] =>
  month.input.payroll.map((row) => ({
    personId: row.personId ?? '',
    name: row.name,
    certLevel: row.certLevel,
    grossPay: fenToYuan(row.grossPay),
    share: String(row.sharePercent),
    remove: false,
  }));

const expensesOf = (month: StoredActualMonth): ExpenseValues => ({
  supervision: fenToYuan(month.input.expenses.supervision),
  activities: fenToYuan(month.input.expenses.activities),
  management: fenToYuan(month.input.expenses.management),
  tax: fenToYuan(month.input.expenses.tax),
  other: fenToYuan(month.input.expenses.other),
  note: month.input.note ?? '',
});

async function readEntry(c: Context<PageEnv>) {
  const form = await readForm(c);
  const count = Math.min(Math.max(Number(form.text('rows')) || 0, 0), MAX_ROWS);
  const rows: PayrollRow[] = [];
  for (let i = 0; i < count; i++) {
    const text = (field: string) => form.text(`row-${i}-${field}`);
    rows.push({
      personId: text('personId'),
      name: text('name'),
      certLevel: text('certLevel'),
      grossPay: text('grossPay'),
      share: text('share'),
      remove: text('remove') === '1',
    });
  }
  const expenses = blankExpenses();
  for (const line of ITEMISED_LINES) expenses[line] = form.text(`expense-${line}`);
  expenses.note = form.text('note');
  const revision = form.text('revision');
  return { rows, expenses, revision, action: form.text('action') };
}

/** A row left entirely blank (an added row not used) is not a person. */
const isBlank = (row: PayrollRow) => !row.personId && !row.name && !row.grossPay;

/**
 * The form as an ActualMonthInput, field by field: money typed in yuan (the money module, exact), blank
 * expenses as 0. Returns `kept`: the form row of each payroll entry, so the API's errors
 * (`/payroll/i/…`) point back to the row the user typed.
 */
function parseEntry(
  c: Context<PageEnv>,
  rows: readonly PayrollRow[],
  expenses: ExpenseValues,
  people: ReadonlyMap<string, string>,
): { input?: ActualMonthInput; errors: FieldError[]; kept: number[] } {
  const x = c.var.m.actuals.errors;
  const errors: FieldError[] = [];
  const kept: number[] = [];
  const payroll: ActualMonthInput['payroll'] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (row.remove || isBlank(row)) return;
    kept.push(i);
    const fail = (field: keyof PayrollRow, message: string) =>
      errors.push({ field: `row-${i}-${field}`, message: `${x.rowPrefix(i + 1)}${message}` });
    const registered = row.personId ? people.get(row.personId) : undefined;
    if (row.personId && registered === undefined) fail('personId', x.unknownPerson);
    else if (row.personId && seen.has(row.personId)) fail('personId', x.personTwice);
    if (row.personId) seen.add(row.personId);
    // A registered person's name and level come from the registry (the operation fills them in).
    const name = registered ?? row.name;
    const typed = ActualPayrollRow.shape.name.safeParse(name);
    if (!typed.success)
      fail('name', isHidden(typed.error) ? c.var.m.errors.hiddenCharacters(c.var.m.actuals.entry.name) : x.name);
    const certLevel = (CERT_LEVELS as readonly string[]).includes(row.certLevel)
      ? (row.certLevel as CertLevel)
      : undefined;
    if (!certLevel && !registered) fail('certLevel', x.certLevel);
    const grossPay = amountField(c.var.m, 'yuan', row.grossPay, {
      label: c.var.m.actuals.entry.grossPay,
      bound: ActualPayrollRow.shape.grossPay,
    });
    if (!grossPay.ok) fail('grossPay', grossPay.message);
    const share = /^\d{1,3}$/.test(row.share) ? Number(row.share) : Number.NaN;
    if (!(share >= 1 && share <= 100)) fail('share', x.share);
    payroll.push({
      ...(row.personId ? { personId: row.personId } : {}),
      name,
      certLevel: certLevel ?? 'none',
      grossPay: grossPay.ok ? grossPay.value : 0,
      sharePercent: share,
    });
  });
  if (kept.length > MAX_ROWS) errors.push({ field: 'row-0-name', message: x.tooMany });
  const fen = {} as ActualMonthInput['expenses'];
  for (const line of ITEMISED_LINES) {
    // A line left blank is nothing spent.
    const label = c.var.m.actuals.lines[line] ?? line;
    const read =
      expenses[line] === ''
        ? { ok: true as const, value: 0 }
        : amountField(c.var.m, 'yuan', expenses[line], { label, bound: ActualExpenses.shape[line] });
    if (!read.ok) errors.push({ field: `expense-${line}`, message: read.message });
    fen[line] = read.ok ? read.value : 0;
  }
  const note = ActualMonthInput.shape.note.safeParse(expenses.note || undefined);
  if (!note.success)
    errors.push({
      field: 'note',
      message: isHidden(note.error) ? c.var.m.errors.hiddenCharacters(c.var.m.actuals.entry.note) : x.note,
    });
  if (errors.length) return { errors, kept };
  const parsed = ActualMonthInput.safeParse({
    payroll,
    expenses: fen,
    ...(expenses.note ? { note: expenses.note } : {}),
  });
  // Every field was checked above; a refusal here is a bug, shown rather than hidden.
  if (!parsed.success) return { errors: [{ field: 'row-0-name', message: parsed.error.issues[0]!.message }], kept };
  return { input: parsed.data, errors, kept };
}

const isHidden = (error: { issues: readonly { code?: string; params?: unknown }[] }) =>
  error.issues.some(isHiddenCharacterIssue);

/** A refusal's fields (`/payroll/2/personId`, `month`) at the form's: the row the user typed. */
function formErrors(c: Context<PageEnv>, refusal: Refusal, kept: readonly number[]): FieldError[] {
  const x = c.var.m.actuals.errors;
  const rowOf = (path: string) => /^\/payroll\/(\d+)\/(\w+)$/.exec(path);
  return refusalErrors(refusal, {
    field: (path) => {
      const match = rowOf(path);
      if (!match) return 'row-0-name';
      return `row-${kept[Number(match[1])] ?? 0}-${match[2] === 'personId' ? 'personId' : 'name'}`;
    },
    problem: (problem) => {
      const match = rowOf(problem.path);
      return match ? `${x.rowPrefix((kept[Number(match[1])] ?? 0) + 1)}${x.unknownPerson}` : undefined;
    },
  });
}

export function actualRoutes(session: TokenSource) {
  const readers = pageAccess(ACTUALS_READERS, session);
  const writers = pageAccess(ACTUALS_WRITERS, session);

  /** The entry page around some rows: what it shows besides the form (the month, its history, the registry). */
  async function monthPage(
    c: Context<PageEnv>,
    contract: StoredContract,
    month: string,
    form: Pick<MonthPageProps, 'rows' | 'expenses' | 'revision' | 'errors' | 'prefilled' | 'stale'>,
    status: 200 | 400 | 409 = 200,
  ) {
    const writer = canWrite(c) && takesActuals(contract.status);
    const [who, { current, history }, people] = await Promise.all([
      signedIn(c),
      monthRecords(c.var.ctx, contract.id, month),
      writer ? peopleChoices(c.var.ctx) : Promise.resolve([]),
    ]);
    // Who recorded each revision, by name (a handful of people at most).
    const names = await memberNames(
      c.var.ctx,
      history.map((h) => h.recordedBy),
    );
    return render(
      c,
      <MonthPage
        c={c}
        who={who}
        contract={contract}
        month={month}
        canWrite={writer}
        people={people}
        current={current}
        history={history.map((h) => ({ ...h, recordedByName: names.get(h.recordedBy) ?? h.recordedBy }))}
        {...form}
      />,
      status,
    );
  }

  /** What the form starts with: this month as recorded, else last month's payroll, else the named posts. */
  async function prefill(c: Context<PageEnv>, contract: StoredContract, month: string) {
    const current = await findActualMonth(c.var.ctx, contract.id, month);
    if (current) return { rows: rowsOf(current), expenses: expensesOf(current), revision: String(current.revision) };
    const earlier = (await actualMonths(c.var.ctx, contract.id)).filter((m) => m.month < month).at(-1);
    if (earlier)
      return {
        rows: rowsOf(earlier),
        expenses: blankExpenses(),
        revision: '',
        prefilled: { from: 'month' as const, month: earlier.month },
      };
    const { version } = await contractView(c.var.ctx, contract.id);
    const named = version.costedPosts.filter((p) => p.personId);
    if (named.length)
      return {
        rows: named.map((p) => ({
          personId: p.personId ?? '',
          name: p.personName ?? p.title,
          certLevel: p.certLevel,
          grossPay: p.monthlyPay === undefined ? '' : fenToYuan(p.monthlyPay),
          share: String(p.ftePercent),
          remove: false,
        })),
        expenses: blankExpenses(),
        revision: '',
        prefilled: { from: 'posts' as const },
      };
    return { rows: [emptyRow()], expenses: blankExpenses(), revision: '' };
  }

  return new Hono<PageEnv>()
    .get(ACTUALS, readers, async (c) => {
      const id = contractIdOf(c);
      const view = await budgetVsActualView(c.var.ctx, id);
      const { contract } = view;
      // The month picker is a GET form: send the browser to the month's page.
      const picked = c.req.query('month');
      if (picked && ActualMonth.safeParse(picked).success && monthInTerm(picked, contract.startDate, contract.endDate))
        return c.redirect(monthHref(id, picked), 303);
      const a = c.var.m.actuals;
      const recorded = c.req.query('recorded');
      const unchanged = c.req.query('unchanged');
      const month = view.months.find((m) => m.month === (recorded ?? unchanged));
      const notice = month ? (
        <Notice tone="success">
          {recorded
            ? a.notices.recorded(formatMonth(month.month, c.var.lang), String(month.revision))
            : a.notices.unchanged(formatMonth(month.month, c.var.lang))}
        </Notice>
      ) : undefined;
      return render(
        c,
        <ActualsPage
          c={c}
          who={await signedIn(c)}
          contract={contract}
          versionNumber={view.version.number}
          bva={view.budgetVsActual}
          months={view.months}
          canWrite={canWrite(c)}
          takes={takesActuals(contract.status)}
          notice={notice}
        />,
      );
    })
    .get(`${ACTUALS}/:month`, readers, async (c) => {
      const contract = await getContract(c.var.ctx, contractIdOf(c));
      const month = monthOf(c, contract);
      return monthPage(c, contract, month, { ...(await prefill(c, contract, month)), errors: [] });
    })
    .post(`${ACTUALS}/:month`, writers, async (c) => {
      const x = c.var.m.actuals.errors;
      const contract = await getContract(c.var.ctx, contractIdOf(c));
      const month = monthOf(c, contract);
      const { rows, expenses, revision, action } = await readEntry(c);
      const form = { rows, expenses, revision };
      if (!takesActuals(contract.status))
        return monthPage(c, contract, month, { ...form, errors: [{ field: 'row-0-name', message: x.notTaking }] }, 409);
      // "Add a person": the same form again with one more row; nothing is saved.
      if (action === 'add')
        return monthPage(c, contract, month, { ...form, rows: [...rows, emptyRow()].slice(0, MAX_ROWS), errors: [] });
      const people = new Map((await peopleChoices(c.var.ctx)).map((p) => [p.id, p.name]));
      const { input, errors, kept } = parseEntry(c, rows, expenses, people);
      if (!input) return monthPage(c, contract, month, { ...form, errors }, 400);
      let changed: boolean;
      try {
        const expected = revision === '' ? 0 : formVersion(revision);
        ({ changed } = await recordActualMonth(c.var.ctx, contract.id, month, input, expected));
      } catch (error) {
        const refused = refusedInput(error);
        if (refused) return monthPage(c, contract, month, { ...form, errors: formErrors(c, refused, kept) }, 400);
        const refusal = asRefusal(error);
        if (refusal instanceof Stale) {
          // Someone recorded the month meanwhile: show what they saved, and say so.
          return monthPage(
            c,
            contract,
            month,
            { ...(await prefill(c, contract, month)), errors: [], stale: true },
            409,
          );
        }
        // Not signed yet (or no longer open to actuals): the contract's status says why.
        if (refusal instanceof Conflict)
          return monthPage(
            c,
            contract,
            month,
            { ...form, errors: [{ field: 'row-0-name', message: x.notTaking }] },
            409,
          );
        throw error;
      }
      return c.redirect(`${actualsHref(contract.id)}?${changed ? 'recorded' : 'unchanged'}=${month}#months`, 303);
    });
}
