import {
  type Bounded,
  BUDGET_LINES,
  BudgetItem,
  type BudgetLine,
  BudgetLinesInput,
  ContractDraft,
  ContractPost,
  ContractTerms,
  fenToYuan,
  formatMoney,
  type ItemisedLine,
  isHiddenCharacterIssue,
  Milestone,
  SERVICES,
  termMonths,
  yuanToFen,
} from '@shegong/domain';
import { amountField } from '../../forms/amount.ts';
import { formDate } from '../../forms/dates.ts';
import type { PostedFields } from '../../forms/form.ts';
import type { Messages } from '../../i18n/index.ts';
import type { FieldError } from '../../layout/components.tsx';

/**
 * The staffing-and-budget editor as a form: every value as typed (so a wrong entry is shown
 * back), the rows of each list, and the parsing into a ContractDraft. Field names follow the
 * draft's own paths, so a zod path (`plan/posts/0/months`) or a finding's JSON pointer
 * (`/plan/posts/0/monthlyPay`) names the input it concerns (`post-0-months`).
 */

export interface PostRow {
  title: string;
  role: string;
  certLevel: string;
  ftePercent: string;
  months: string;
  monthlyPay: string;
  personId: string;
}
export interface DeliverableRow {
  name: string;
  indicator: string;
  target: string;
  unit: string;
}
export interface MilestoneRow {
  name: string;
  dueDate: string;
  amount: string;
  condition: string;
}
export interface ItemRow {
  line: string;
  category: string;
  unitPrice: string;
  unit: string;
  quantity: string;
  note: string;
}

export interface EditorValues {
  purchaserName: string;
  purchaserRegion: string;
  number: string;
  title: string;
  services: string[];
  serviceArea: string;
  startDate: string;
  endDate: string;
  stableRecurring: boolean;
  value: string;
  deliverables: DeliverableRow[];
  milestones: MilestoneRow[];
  posts: PostRow[];
  lines: Record<BudgetLine, string>;
  items: ItemRow[];
  /** An amendment's: why, and from when. */
  reason: string;
  effectiveDate: string;
}

/** The editor's lists: the prefix of their inputs (`post-0-title`) and the most rows a form carries. */
export const ROW_LISTS = {
  deliverable: { key: 'deliverables', max: 50, first: 'name' },
  milestone: { key: 'milestones', max: 36, first: 'name' },
  post: { key: 'posts', max: 200, first: 'title' },
  item: { key: 'items', max: 300, first: 'line' },
} as const;
export type RowList = keyof typeof ROW_LISTS;
export const isRowList = (value: string): value is RowList => value in ROW_LISTS;

const POST_FIELDS = ['title', 'role', 'certLevel', 'ftePercent', 'months', 'monthlyPay', 'personId'] as const;
const DELIVERABLE_FIELDS = ['name', 'indicator', 'target', 'unit'] as const;
const MILESTONE_FIELDS = ['name', 'dueDate', 'amount', 'condition'] as const;
const ITEM_FIELDS = ['line', 'category', 'unitPrice', 'unit', 'quantity', 'note'] as const;

export const emptyPost = (): PostRow => ({
  title: '',
  role: 'frontline',
  certLevel: 'assistant',
  ftePercent: '100',
  months: '12',
  monthlyPay: '',
  personId: '',
});
const emptyDeliverable = (): DeliverableRow => ({ name: '', indicator: '', target: '', unit: '' });
const emptyMilestone = (): MilestoneRow => ({ name: '', dueDate: '', amount: '', condition: '' });
const emptyItem = (): ItemRow => ({
  line: 'activities',
  category: '',
  unitPrice: '',
  unit: '',
  quantity: '',
  note: '',
});

/** A new contract: one post, the purchaser's region preset to the organisation's. */
export function emptyValues(region: string): EditorValues {
  return {
    purchaserName: '',
    purchaserRegion: region,
    number: '',
    title: '',
    services: [],
    serviceArea: '',
    startDate: '',
    endDate: '',
    stableRecurring: false,
    value: '',
    deliverables: [],
    milestones: [],
    posts: [emptyPost()],
    lines: Object.fromEntries(BUDGET_LINES.map((l) => [l, '0'])) as Record<BudgetLine, string>,
    items: [],
    reason: '',
    effectiveDate: '',
  };
}

/** A saved draft as the editor shows it: fen as yuan, numbers as text. */
export function valuesOf(draft: ContractDraft): EditorValues {
  const { terms, plan } = draft;
  return {
    purchaserName: terms.purchaser.name,
    purchaserRegion: terms.purchaser.region,
    number: terms.number,
    title: terms.title,
    services: [...terms.services],
    serviceArea: terms.serviceArea,
    startDate: terms.startDate,
    endDate: terms.endDate,
    stableRecurring: terms.stableRecurring,
    value: fenToYuan(terms.value),
    deliverables: terms.deliverables.map((d) => ({
      name: d.name,
      indicator: d.indicator,
      target: String(d.target),
      unit: d.unit,
    })),
    milestones: terms.milestones.map((m) => ({
      name: m.name,
      dueDate: m.dueDate,
      amount: fenToYuan(m.amount),
      condition: m.condition ?? '',
    })),
    posts: plan.posts.map((p) => ({
      title: p.title,
      role: p.role,
      certLevel: p.certLevel,
      ftePercent: String(p.ftePercent),
      months: String(p.months),
      monthlyPay: p.monthlyPay === undefined ? '' : fenToYuan(p.monthlyPay),
      personId: p.personId ?? '',
    })),
    lines: Object.fromEntries(BUDGET_LINES.map((l) => [l, fenToYuan(plan.lines[l])])) as Record<BudgetLine, string>,
    items: plan.items.map((i) => ({
      line: i.line,
      category: i.category,
      unitPrice: fenToYuan(i.unitPrice),
      unit: i.unit,
      quantity: String(i.quantity),
      note: i.note ?? '',
    })),
    reason: '',
    effectiveDate: '',
  };
}

/** What a posted form offers: the first value of a name, or all of them (checkboxes). */
export type PostedForm = PostedFields;

/** The submit button pressed: save, recalculate, or add/remove a row of a list. */
export type EditorAction =
  | { kind: 'save' }
  | { kind: 'recalculate' }
  | { kind: 'add'; list: RowList }
  | { kind: 'remove'; list: RowList; index: number };

export function actionOf(value: string): EditorAction {
  const [kind, list, index] = value.split(':');
  if (kind === 'recalculate') return { kind };
  if ((kind === 'add' || kind === 'remove') && list && isRowList(list)) {
    if (kind === 'add') return { kind, list };
    const i = Number(index);
    if (Number.isInteger(i) && i >= 0) return { kind, list, index: i };
  }
  return { kind: 'save' };
}

function rows<F extends string>(form: PostedForm, list: RowList, fields: readonly F[]): Record<F, string>[] {
  const { key, max } = ROW_LISTS[list];
  const count = Math.min(Math.max(Number(form.text(key)) || 0, 0), max);
  return Array.from(
    { length: count },
    (_, i) => Object.fromEntries(fields.map((f) => [f, form.text(`${list}-${i}-${f}`)])) as Record<F, string>,
  );
}

/** The editor's values from a posted form (counts of rows from hidden fields, capped). */
export function readValues(form: PostedForm): EditorValues {
  return {
    purchaserName: form.text('purchaserName'),
    purchaserRegion: form.text('purchaserRegion'),
    number: form.text('number'),
    title: form.text('title'),
    services: form.list('services').filter((s) => (SERVICES as readonly string[]).includes(s)),
    serviceArea: form.text('serviceArea'),
    startDate: form.date('startDate'),
    endDate: form.date('endDate'),
    stableRecurring: form.text('stableRecurring') === '1',
    value: form.text('value'),
    deliverables: rows(form, 'deliverable', DELIVERABLE_FIELDS),
    milestones: rows(form, 'milestone', MILESTONE_FIELDS).map((m) => ({ ...m, dueDate: formDate(m.dueDate) })),
    posts: rows(form, 'post', POST_FIELDS),
    lines: Object.fromEntries(BUDGET_LINES.map((l) => [l, form.text(`line-${l}`)])) as Record<BudgetLine, string>,
    items: rows(form, 'item', ITEM_FIELDS),
    reason: form.text('reason'),
    effectiveDate: form.date('effectiveDate'),
  };
}

/** Adds or removes a row (the add/remove buttons, with or without script). */
export function applyRowAction(values: EditorValues, action: EditorAction): EditorValues {
  if (action.kind !== 'add' && action.kind !== 'remove') return values;
  const key = ROW_LISTS[action.list].key;
  const list = values[key] as unknown[];
  const next =
    action.kind === 'add'
      ? [
          ...list,
          { post: emptyPost, deliverable: emptyDeliverable, milestone: emptyMilestone, item: emptyItem }[action.list](),
        ].slice(0, ROW_LISTS[action.list].max)
      : list.filter((_, i) => i !== action.index);
  return { ...values, [key]: next };
}

/** The input a draft path names: `/plan/posts/0/months`, `plan.posts.0.months` → `post-0-months`. */
export function fieldOf(path: string | readonly PropertyKey[]): string {
  const parts = (typeof path === 'string' ? path.split('/').filter(Boolean) : path.map(String)) as string[];
  const [half, key, a, b] = parts;
  if (half === 'terms') {
    if (key === 'purchaser') return a === 'region' ? 'purchaserRegion' : 'purchaserName';
    if (key === 'deliverables' || key === 'milestones') {
      const list = key === 'deliverables' ? 'deliverable' : 'milestone';
      return a === undefined ? key : `${list}-${a}-${b ?? 'name'}`;
    }
    return key ?? 'title';
  }
  if (half === 'plan') {
    if (key === 'lines') return `line-${a ?? 'personnel'}`;
    if (key === 'posts') return a === undefined ? 'posts' : `post-${a}-${b ?? 'title'}`;
    if (key === 'items') return a === undefined ? 'items' : `item-${a}-${b ?? 'category'}`;
    return 'posts';
  }
  return half ?? 'title';
}

/** Where the summary's link for a field lands: the services' first checkbox, a list's heading. */
export function anchorOf(field: string): string {
  if (field === 'services') return `services-${SERVICES[0]}`;
  if (field === 'stableRecurring') return 'stableRecurring';
  return field;
}

/** The typed text fields of the editor (by their names: `item-2-category`) and the key of each one's label. */
const TEXT_FIELDS: readonly [RegExp, keyof Messages['contracts']['editor']][] = [
  [/^purchaserName$/, 'purchaserName'],
  [/^number$/, 'number'],
  [/^title$/, 'title'],
  [/^serviceArea$/, 'serviceArea'],
  [/^deliverable-\d+-name$/, 'deliverableName'],
  [/^deliverable-\d+-indicator$/, 'indicator'],
  [/^(deliverable|item)-\d+-unit$/, 'unit'],
  [/^milestone-\d+-name$/, 'milestoneName'],
  [/^milestone-\d+-condition$/, 'condition'],
  [/^post-\d+-title$/, 'postTitle'],
  [/^item-\d+-category$/, 'category'],
  [/^item-\d+-note$/, 'note'],
];

/** The label of a typed text field (the plain-text rule names it), or undefined for any other field. */
function textLabel(m: Messages, field: string): string | undefined {
  const key = TEXT_FIELDS.find(([pattern]) => pattern.test(field))?.[1];
  const label = key ? m.contracts.editor[key] : undefined;
  return typeof label === 'string' ? label : undefined;
}

/** The messages the parser needs: one per kind of field, and the row names for the prefix. */
export interface FormMessages {
  required: string;
  whole: string;
  date: string;
  percent: string;
  months: (term?: number) => string;
  region: string;
  services: string;
  endDate: string;
  dueDate: string;
  role: string;
  certLevel: string;
  line: string;
  itemsSum: (sum: string) => string;
  tooLong: string;
  tooMany: string;
  unknownPerson: string;
  row: Record<RowList, (n: number) => string>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WHOLE = /^\d{1,9}$/;

/** The bound of each amount field (the draft schema's), by the leaf of its name: `post-1-monthlyPay`. */
const AMOUNT_BOUNDS = {
  value: ContractTerms.shape.value,
  amount: Milestone.shape.amount,
  monthlyPay: ContractPost.shape.monthlyPay.unwrap(),
  unitPrice: BudgetItem.shape.unitPrice,
} satisfies Record<string, Bounded>;

/** An amount field's label (its errors name it) and bound: `value`, `milestone-0-amount`, `line-tax`, … */
function amountOf(m: Messages, field: string): { label: string; bound: Bounded } {
  if (field.startsWith('line-')) {
    const line = field.slice('line-'.length) as BudgetLine;
    return { label: m.contracts.lines[line], bound: BudgetLinesInput.shape[line] };
  }
  const leaf = field.split('-').at(-1) as keyof typeof AMOUNT_BOUNDS;
  return { label: m.contracts.editor[leaf], bound: AMOUNT_BOUNDS[leaf] };
}

/**
 * The draft the form describes, or the errors naming its fields. Yuan become fen exactly (the
 * money module, held to each field's bound), blank pay is the floor (absent), blank optional text
 * is left out; the whole is then checked by the same schema as the API (ContractDraft), whose
 * failures are mapped back to the inputs.
 */
export function draftFrom(
  values: EditorValues,
  m: Messages,
): { draft: ContractDraft; errors: [] } | { draft?: undefined; errors: FieldError[] } {
  const f = m.contracts.form;
  const errors = new Map<string, string>();
  /** Fields whose message names them already (the money module's say "合同金额（元）应为…"). */
  const named = new Set<string>();
  const fail = (field: string, message: string) => {
    if (!errors.has(field)) errors.set(field, message);
  };
  const yuan = (field: string, text: string, optional = false): number | undefined => {
    if (optional && text === '') return undefined;
    if (text === '') {
      fail(field, f.required);
      return 0;
    }
    const read = amountField(m, 'yuan', text, amountOf(m, field));
    if (!read.ok && !errors.has(field)) {
      fail(field, read.message);
      named.add(field);
    }
    return read.ok ? read.value : 0;
  };
  const whole = (field: string, text: string, message = f.whole): number => {
    if (!WHOLE.test(text)) fail(field, text === '' ? f.required : message);
    return Number(text) || 0;
  };
  const optional = (text: string) => (text === '' ? {} : undefined);

  const candidate = {
    terms: {
      purchaser: { name: values.purchaserName, region: values.purchaserRegion },
      number: values.number,
      title: values.title,
      services: values.services,
      serviceArea: values.serviceArea,
      startDate: values.startDate,
      endDate: values.endDate,
      stableRecurring: values.stableRecurring,
      value: yuan('value', values.value),
      deliverables: values.deliverables.map((d, i) => ({
        name: d.name,
        indicator: d.indicator,
        target: whole(`deliverable-${i}-target`, d.target),
        unit: d.unit,
      })),
      milestones: values.milestones.map((m, i) => ({
        name: m.name,
        dueDate: m.dueDate,
        amount: yuan(`milestone-${i}-amount`, m.amount),
        ...(optional(m.condition) ?? { condition: m.condition }),
      })),
    },
    plan: {
      posts: values.posts.map((p, i) => {
        const pay = yuan(`post-${i}-monthlyPay`, p.monthlyPay, true);
        return {
          title: p.title,
          role: p.role,
          certLevel: p.certLevel,
          ftePercent: whole(`post-${i}-ftePercent`, p.ftePercent, f.percent),
          months: whole(`post-${i}-months`, p.months, f.months()),
          ...(pay === undefined ? {} : { monthlyPay: pay }),
          ...(optional(p.personId) ?? { personId: p.personId }),
        };
      }),
      lines: Object.fromEntries(BUDGET_LINES.map((l) => [l, yuan(`line-${l}`, values.lines[l])])),
      items: values.items.map((it, i) => ({
        line: it.line,
        category: it.category,
        unitPrice: yuan(`item-${i}-unitPrice`, it.unitPrice),
        unit: it.unit,
        quantity: whole(`item-${i}-quantity`, it.quantity),
        ...(optional(it.note) ?? { note: it.note }),
      })),
    },
  };

  const parsed = ContractDraft.safeParse(candidate);
  if (parsed.success && errors.size === 0) return { draft: parsed.data, errors: [] };
  const term =
    DATE.test(values.startDate) && DATE.test(values.endDate) && values.endDate >= values.startDate
      ? termMonths(values.startDate, values.endDate)
      : undefined;
  // Characters nobody can see first: the field's usual words would send the user looking for a
  // mistake they cannot find.
  const issues = parsed.success ? [] : parsed.error.issues;
  for (const issue of [...issues].sort(
    (a, b) => Number(isHiddenCharacterIssue(b)) - Number(isHiddenCharacterIssue(a)),
  )) {
    const field = fieldOf(issue.path);
    const label = isHiddenCharacterIssue(issue) ? textLabel(m, field) : undefined;
    fail(field, label ? m.errors.hiddenCharacters(label) : messageFor(field, issue.code, values, f, term));
  }
  return { errors: ordered(errors, named, values, m) };
}

/** A message in the reader's language for a failing field (zod's own are English). */
function messageFor(field: string, code: string, values: EditorValues, f: FormMessages, term?: number): string {
  const leaf = field.split('-').at(-1) ?? field;
  if (field.startsWith('line-') && code === 'custom') {
    const line = field.slice('line-'.length) as ItemisedLine;
    const sum = values.items
      .filter((i) => i.line === line)
      .reduce((total, i) => {
        const price = yuanToFen(i.unitPrice);
        return total + (price.ok ? price.value : 0) * (Number(i.quantity) || 0);
      }, 0);
    return f.itemsSum(formatMoney(sum));
  }
  switch (leaf) {
    case 'purchaserRegion':
      return f.region;
    case 'services':
      return f.services;
    case 'startDate':
      return f.date;
    case 'endDate':
      return code === 'custom' ? f.endDate : f.date;
    case 'dueDate':
      return code === 'custom' ? f.dueDate : f.date;
    case 'months':
      return f.months(term);
    case 'ftePercent':
      return f.percent;
    case 'role':
      return f.role;
    case 'certLevel':
      return f.certLevel;
    case 'line':
      return f.line;
    case 'personId':
      return f.unknownPerson;
    case 'posts':
    case 'items':
    case 'deliverables':
    case 'milestones':
      return f.tooMany;
    default:
      // Amounts were read and bounded before the schema ran, so what is left is text.
      return code === 'too_big' ? f.tooLong : f.required;
  }
}

/** What each input is called on the form, by its name (a row's inputs by their last part). */
const LABEL_KEYS: Record<string, keyof EditorLabels> = {
  purchaserName: 'purchaserName',
  purchaserRegion: 'purchaserRegion',
  number: 'number',
  title: 'title',
  services: 'services',
  serviceArea: 'serviceArea',
  startDate: 'startDate',
  endDate: 'endDate',
  value: 'value',
  reason: 'reason',
  effectiveDate: 'effectiveDate',
  deliverables: 'deliverablesTitle',
  milestones: 'milestonesTitle',
  posts: 'postsTitle',
  items: 'itemsTitle',
  'deliverable-name': 'deliverableName',
  'deliverable-indicator': 'indicator',
  'deliverable-target': 'target',
  'deliverable-unit': 'unit',
  'milestone-name': 'milestoneName',
  'milestone-dueDate': 'dueDate',
  'milestone-amount': 'amount',
  'milestone-condition': 'condition',
  'post-title': 'postTitle',
  'post-role': 'role',
  'post-certLevel': 'certLevel',
  'post-ftePercent': 'ftePercent',
  'post-months': 'months',
  'post-monthlyPay': 'monthlyPay',
  'post-personId': 'person',
  'item-line': 'line',
  'item-category': 'category',
  'item-unitPrice': 'unitPrice',
  'item-unit': 'unit',
  'item-quantity': 'quantity',
  'item-note': 'note',
};

/** The editor's labels an error names its field by (the same words as above the input). */
export type EditorLabels = Messages['contracts']['editor'];

/**
 * An input error naming its field as the form labels it, a row's with its row: "付款节点 2 · 金额（元）：
 * 请填写此项". A budget line is named by the line.
 */
export function labelled(field: string, message: string, m: Messages): string {
  const k = m.contracts;
  const row = /^(deliverable|milestone|post|item)-(\d+)-(\w+)$/.exec(field);
  const line = /^line-(\w+)$/.exec(field);
  const key = row ? LABEL_KEYS[`${row[1]}-${row[3]}`] : LABEL_KEYS[field];
  const label = line ? (k.lines[line[1] as BudgetLine] ?? field) : key ? k.editor[key] : undefined;
  const named = typeof label === 'string' ? label : undefined;
  if (!named) return withRow(field, message, k.form);
  const where = row ? `${k.form.rowName[row[1] as RowList](Number(row[2]) + 1)} · ${named}` : named;
  return k.form.fieldError(where, message);
}

/** Errors in the order of the form (as the summary should read), each naming its field. */
function ordered(
  errors: Map<string, string>,
  named: ReadonlySet<string>,
  values: EditorValues,
  m: Messages,
): FieldError[] {
  const order = fieldOrder(values);
  const rank = (field: string) => {
    const i = order.indexOf(field);
    return i === -1 ? order.length : i;
  };
  return [...errors]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([field, message]) => ({
      field,
      message: named.has(field) ? withRow(field, message, m.contracts.form) : labelled(field, message, m),
      href: anchorOf(field),
    }));
}

export function withRow(field: string, message: string, f: Pick<FormMessages, 'row'>): string {
  const match = /^(deliverable|milestone|post|item)-(\d+)-/.exec(field);
  return match ? `${f.row[match[1] as RowList](Number(match[2]) + 1)}${message}` : message;
}

/** Every input of the form, top to bottom. */
export function fieldOrder(values: EditorValues): string[] {
  const each = (list: RowList, n: number, fields: readonly string[]) =>
    Array.from({ length: n }, (_, i) => fields.map((x) => `${list}-${i}-${x}`)).flat();
  return [
    'purchaserName',
    'purchaserRegion',
    'number',
    'title',
    'services',
    'serviceArea',
    'startDate',
    'endDate',
    'stableRecurring',
    'value',
    'deliverables',
    ...each('deliverable', values.deliverables.length, DELIVERABLE_FIELDS),
    'milestones',
    ...each('milestone', values.milestones.length, MILESTONE_FIELDS),
    'posts',
    ...each('post', values.posts.length, POST_FIELDS),
    ...BUDGET_LINES.map((l) => `line-${l}`),
    'items',
    ...each('item', values.items.length, ITEM_FIELDS),
    'reason',
    'effectiveDate',
  ];
}

/** Rows left out of a costing because they are not filled in yet, by list, as indexes of the form. */
export type SkippedRows = Record<RowList, number[]>;

const ROW_FIELD = /^(deliverable|milestone|post|item)-(\d+)-/;

/**
 * For recosting while a contract is still being typed: the same draft with placeholders in the
 * text the costing does not read (names, number, services, deliverables), so the figures show
 * before every term is filled in; and a row not filled in yet (an empty milestone, a post without
 * its months) is left out rather than blanking the costing of the rest. `skipped` says which rows
 * were left out; their errors stay in `errors`. Returns the strict result when neither helps.
 */
export function costableDraft(
  values: EditorValues,
  m: Messages,
): ReturnType<typeof draftFrom> & { skipped?: SkippedRows } {
  const strict = draftFrom(values, m);
  if (strict.draft) return strict;
  const filled: EditorValues = {
    ...values,
    purchaserName: values.purchaserName || '—',
    number: values.number || '—',
    title: values.title || '—',
    serviceArea: values.serviceArea || '—',
    services: values.services.length ? values.services : [SERVICES[0]],
    deliverables: [],
    posts: values.posts.map((p) => ({ ...p, title: p.title || '—' })),
    items: values.items.map((i) => ({ ...i, category: i.category || '—', unit: i.unit || '—' })),
  };
  const lenient = draftFrom(filled, m);
  if (lenient.draft) return lenient;
  const skipped: SkippedRows = { deliverable: [], milestone: [], post: [], item: [] };
  for (const { field } of lenient.errors) {
    const row = ROW_FIELD.exec(field);
    if (!row) return strict; // a term or a line is missing: nothing to cost around
    const list = skipped[row[1] as RowList];
    if (!list.includes(Number(row[2]))) list.push(Number(row[2]));
  }
  const keep = <T>(rows: readonly T[], list: RowList) => rows.filter((_, i) => !skipped[list].includes(i));
  const around = draftFrom(
    {
      ...filled,
      milestones: keep(filled.milestones, 'milestone'),
      posts: keep(filled.posts, 'post'),
      items: keep(filled.items, 'item'),
    },
    m,
  );
  return around.draft ? { draft: around.draft, errors: [], skipped } : strict;
}

/** Where row `i` of the form went in a draft costed around the skipped rows (undefined: skipped). */
export function costedIndex(skipped: SkippedRows | undefined, list: RowList, i: number): number | undefined {
  if (!skipped) return i;
  if (skipped[list].includes(i)) return undefined;
  return i - skipped[list].filter((s) => s < i).length;
}

/** A draft path of the costed draft back to the form's row: `/plan/posts/1` → `/plan/posts/2` past a skipped post. */
export function formPath(path: string, skipped: SkippedRows | undefined): string {
  if (!skipped) return path;
  return path.replace(/^\/(plan\/posts|terms\/milestones|plan\/items)\/(\d+)/, (_, at: string, n: string) => {
    const list: RowList = at === 'plan/posts' ? 'post' : at === 'plan/items' ? 'item' : 'milestone';
    let j = Number(n);
    for (let i = 0; i <= j; i++) if (skipped[list].includes(i)) j++;
    return `/${at}/${j}`;
  });
}

/** The fields a browser posts for these values (the inverse of readValues): tests and fixtures fill forms with it. */
export function formFields(values: EditorValues): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {
    purchaserName: values.purchaserName,
    purchaserRegion: values.purchaserRegion,
    number: values.number,
    title: values.title,
    services: values.services,
    serviceArea: values.serviceArea,
    startDate: values.startDate,
    endDate: values.endDate,
    value: values.value,
    ...(values.stableRecurring ? { stableRecurring: '1' } : {}),
    ...Object.fromEntries(BUDGET_LINES.map((l) => [`line-${l}`, values.lines[l]])),
    reason: values.reason,
    effectiveDate: values.effectiveDate,
  };
  const rowsOf = (list: RowList, entries: readonly Record<string, string>[]) => {
    fields[ROW_LISTS[list].key] = String(entries.length);
    entries.forEach((entry, i) => {
      for (const [name, value] of Object.entries(entry)) fields[`${list}-${i}-${name}`] = value;
    });
  };
  rowsOf('deliverable', values.deliverables as unknown as Record<string, string>[]);
  rowsOf('milestone', values.milestones as unknown as Record<string, string>[]);
  rowsOf('post', values.posts as unknown as Record<string, string>[]);
  rowsOf('item', values.items as unknown as Record<string, string>[]);
  return fields;
}

/** A saved draft as the editor would post it (the isolation matrix's page forms). */
export const contractFormFields = (draft: ContractDraft) => formFields(valuesOf(draft));
