import {
  bpToPercent,
  CERT_LEVELS,
  type CertLevel,
  ContractPost,
  fenToYuan,
  POST_ROLES,
  type PostRole,
  PriceFloorRequest as PriceFloorInput,
} from '@shegong/domain';
import { amountField } from '../../forms/amount.ts';
import { formDate } from '../../forms/dates.ts';
import type { Messages } from '../../i18n/index.ts';
import type { FieldError } from '../../layout/components.tsx';

/**
 * The calculator's form as typed (text, so a wrong entry is shown back), read from the query string
 * (a GET form: the calculator writes nothing, and a result can be bookmarked or shared), and turned
 * into the API's PriceFloorInput field by field.
 */

export interface PostRow {
  title: string;
  role: string;
  level: string;
  fte: string;
  months: string;
  pay: string;
  person: string;
}

export interface PriceFloorForm {
  region: string;
  startDate: string;
  rows: PostRow[];
  supervision: string;
  activities: string;
  other: string;
  /** Percent with up to two decimals; empty: the local cap. */
  managementShare: string;
}

export const MAX_ROWS = 50;

export const emptyRow = (): PostRow => ({
  title: '',
  role: 'frontline',
  level: 'assistant',
  fte: '100',
  months: '12',
  pay: '',
  person: '',
});

/** The form from a query string (`post-<i>-<field>`, `rows` of them). */
export function readQuery(query: (name: string) => string | undefined): PriceFloorForm {
  const q = (name: string) => (query(name) ?? '').trim();
  const count = Math.min(Math.max(Number(q('rows')) || 0, 0), MAX_ROWS);
  const rows: PostRow[] = [];
  for (let i = 0; i < count; i++) {
    const f = (field: string) => q(`post-${i}-${field}`);
    rows.push({
      title: f('title'),
      role: f('role'),
      level: f('level'),
      fte: f('fte'),
      months: f('months'),
      pay: f('pay'),
      person: f('person'),
    });
  }
  return {
    region: q('region'),
    startDate: formDate(q('startDate')),
    rows,
    supervision: q('supervision'),
    activities: q('activities'),
    other: q('other'),
    managementShare: q('managementShare'),
  };
}

/** A contract version's plan as the form (posts, fixed lines; the management share it asks for). */
export function formOfPlan(
  terms: { purchaser: { region: string }; startDate: string },
  posts: readonly ContractPost[],
  lines: { supervision: number; activities: number; other: number },
  managementShare: number,
): PriceFloorForm {
  return {
    region: terms.purchaser.region,
    startDate: terms.startDate,
    rows: posts.slice(0, MAX_ROWS).map((p) => ({
      title: p.title,
      role: p.role,
      level: p.certLevel,
      fte: String(p.ftePercent),
      months: String(p.months),
      pay: p.monthlyPay === undefined ? '' : fenToYuan(p.monthlyPay),
      person: p.personId ?? '',
    })),
    supervision: fenToYuan(lines.supervision),
    activities: fenToYuan(lines.activities),
    other: fenToYuan(lines.other),
    managementShare: bpToPercent(managementShare),
  };
}

/** The bounds of the amounts typed, as the API's schema holds them. */
const PAY_BOUND = ContractPost.shape.monthlyPay.unwrap();
const FIXED_BOUNDS = PriceFloorInput.shape.fixed.shape;
const SHARE_BOUND = PriceFloorInput.shape.managementShare.unwrap();

const whole = (text: string, min: number, max: number) => {
  if (!/^\d{1,3}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
};

/** The API's input, or the fields that are wrong (ids as the form's inputs: `post-<i>-<field>`). */
export function parseForm(
  m: Messages,
  form: PriceFloorForm,
  regions: ReadonlySet<string>,
): { input?: PriceFloorInput; errors: FieldError[] } {
  const p = m.priceFloor;
  const t = p.errors;
  const errors: FieldError[] = [];
  if (!regions.has(form.region)) errors.push({ field: 'region', message: t.region });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.startDate) || Number.isNaN(Date.parse(`${form.startDate}T00:00:00Z`)))
    errors.push({ field: 'startDate', message: t.startDate });
  const posts: ContractPost[] = [];
  form.rows.forEach((row, i) => {
    const fail = (field: keyof PostRow, message: string) =>
      errors.push({ field: `post-${i}-${field}`, message: `${t.postPrefix(i + 1)}${message}` });
    if (!row.title || row.title.length > 60) fail('title', t.title);
    if (!(POST_ROLES as readonly string[]).includes(row.role)) fail('role', t.role);
    if (!(CERT_LEVELS as readonly string[]).includes(row.level)) fail('level', t.level);
    const fte = whole(row.fte, 1, 100);
    if (fte === undefined) fail('fte', t.fte);
    const months = whole(row.months, 1, 120);
    if (months === undefined) fail('months', t.months);
    // Blank pay is the floor of the post's level.
    const pay = row.pay ? amountField(m, 'yuan', row.pay, { label: p.pay, bound: PAY_BOUND }) : undefined;
    if (pay && !pay.ok) fail('pay', pay.message);
    posts.push({
      title: row.title,
      role: row.role as PostRole,
      certLevel: row.level as CertLevel,
      ftePercent: fte ?? 0,
      months: months ?? 0,
      ...(pay?.ok ? { monthlyPay: pay.value } : {}),
      ...(row.person ? { personId: row.person } : {}),
    });
  });
  // Blank fixed lines are nothing; a blank share is the local cap.
  const money = (field: 'supervision' | 'activities' | 'other') => {
    if (form[field] === '') return 0;
    const read = amountField(m, 'yuan', form[field], { label: p[field], bound: FIXED_BOUNDS[field] });
    if (!read.ok) errors.push({ field, message: read.message });
    return read.ok ? read.value : 0;
  };
  const fixed = { supervision: money('supervision'), activities: money('activities'), other: money('other') };
  const share =
    form.managementShare === ''
      ? undefined
      : amountField(m, 'percent', form.managementShare, { label: p.managementShare, bound: SHARE_BOUND });
  if (share && !share.ok) errors.push({ field: 'managementShare', message: share.message });
  if (errors.length) return { errors };
  return {
    input: {
      region: form.region,
      startDate: form.startDate,
      posts,
      fixed,
      ...(share?.ok ? { managementShare: share.value } : {}),
    },
    errors,
  };
}
