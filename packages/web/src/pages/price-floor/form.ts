import type { PriceFloorRequest as PriceFloorInput } from '@shegong/domain';
import { CERT_LEVELS, type CertLevel, type ContractPost, POST_ROLES, type PostRole } from '@shegong/domain';
import type { Messages } from '../../i18n/index.ts';
import type { FieldError } from '../../layout/components.tsx';
import { fenToYuan, yuanToFen } from '../ladder/money.ts';

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

/** Basis points as the percent a person types: 1000 → "10", 850 → "8.5", 825 → "8.25". */
export function bpToPercent(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  if (!rest) return String(whole);
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** A percent typed with up to two decimals, to basis points exactly: "8.25" → 825; undefined if not one. */
export function percentToBp(text: string): number | undefined {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/%$/, ''));
  if (!match) return undefined;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : undefined;
}

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
    startDate: q('startDate'),
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
  const t = m.priceFloor.errors;
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
    const pay = row.pay ? yuanToFen(row.pay) : undefined;
    if (row.pay && pay === undefined) fail('pay', t.pay);
    posts.push({
      title: row.title,
      role: row.role as PostRole,
      certLevel: row.level as CertLevel,
      ftePercent: fte ?? 0,
      months: months ?? 0,
      ...(pay !== undefined ? { monthlyPay: pay } : {}),
      ...(row.person ? { personId: row.person } : {}),
    });
  });
  const money = (field: 'supervision' | 'activities' | 'other') => {
    const value = form[field] === '' ? 0 : yuanToFen(form[field]);
    if (value === undefined) errors.push({ field, message: t.yuan });
    return value ?? 0;
  };
  const fixed = { supervision: money('supervision'), activities: money('activities'), other: money('other') };
  const share = form.managementShare === '' ? undefined : percentToBp(form.managementShare);
  if (form.managementShare !== '' && share === undefined) errors.push({ field: 'managementShare', message: t.share });
  if (errors.length) return { errors };
  return {
    input: {
      region: form.region,
      startDate: form.startDate,
      posts,
      fixed,
      ...(share !== undefined ? { managementShare: share } : {}),
    },
    errors,
  };
}
