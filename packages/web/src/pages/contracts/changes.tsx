/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { type DraftChange, SERVICES } from '@shegong/domain';
import { formatDate, formatMoney, type Lang, type Messages } from '../../i18n/index.ts';
import { regionName } from '../../layout/labels.tsx';
import type { ContractMessages } from './costing.tsx';

/** A change's field, readable: `/plan/posts/0/monthlyPay` → 岗位 1 · 月薪. */
export function changeLabel(k: ContractMessages, path: string): string {
  const parts = path.split('/').filter(Boolean);
  const [half, key, a, b] = parts;
  const leaf = (name: string | undefined) => (name ? ((k.changes as Record<string, string>)[name] ?? name) : '');
  // "岗位 1：" as a prefix of a field name reads better as "岗位 1 · 月薪".
  const row = (label: string, name: string | undefined) => `${label.replace(/[：:]\s*$/, '')} · ${leaf(name)}`;
  if (half === 'terms') {
    if (key === 'purchaser') return leaf(a === 'region' ? 'purchaserRegion' : 'purchaserName');
    if (key === 'services') return leaf('services');
    if (key === 'deliverables') return row(k.form.row.deliverable(Number(a) + 1), b);
    if (key === 'milestones') return row(k.form.row.milestone(Number(a) + 1), b === 'name' ? 'milestoneName' : b);
    return leaf(key);
  }
  if (half === 'plan') {
    if (key === 'lines') return `${k.changes.budget}${k.lines[a as keyof ContractMessages['lines']] ?? a}`;
    if (key === 'posts') return row(k.form.row.post(Number(a) + 1), b === 'title' ? 'postTitle' : b);
    if (key === 'items') return row(k.form.row.item(Number(a) + 1), b);
  }
  return path;
}

const MONEY_LEAVES = new Set(['value', 'amount', 'monthlyPay', 'unitPrice']);

/** A changed value as the page shows it: money as ¥, codes and person ids as names, dates in the reader's way. */
export function changeValue(
  k: ContractMessages,
  lang: Lang,
  path: string,
  value: unknown,
  people: ReadonlyMap<string, string> = new Map(),
): string {
  if (value === undefined || value === null || value === '') return k.changes.nothing;
  const parts = path.split('/').filter(Boolean);
  const leafName = parts.at(-1) ?? '';
  const money = MONEY_LEAVES.has(leafName) || (parts[0] === 'plan' && parts[1] === 'lines');
  if (typeof value === 'number') return money ? formatMoney(value) : String(value);
  if (typeof value === 'boolean') return value ? k.changes.yes : k.changes.no;
  const text = String(value);
  if (parts[1] === 'services' && (SERVICES as readonly string[]).includes(text))
    return k.services[text as keyof ContractMessages['services']];
  if (leafName === 'role') return (k.roles as Record<string, string>)[text] ?? text;
  if (leafName === 'certLevel') return (k.certLevels as Record<string, string>)[text] ?? text;
  if (leafName === 'line') return (k.lines as Record<string, string>)[text] ?? text;
  if (leafName === 'region') return regionName(text, lang);
  if (leafName === 'personId') return people.get(text) ?? k.changes.removedPerson;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text, lang);
  return text;
}

/** An amendment's changes, each field with its value before and after. */
export function ChangeList(props: {
  m: Messages;
  lang: Lang;
  changes: readonly DraftChange[];
  /** Person id → name, for changes of a post's named person. */
  people: ReadonlyMap<string, string>;
}) {
  const { m, lang, people } = props;
  const k = m.contracts;
  if (!props.changes.length) return <span class="muted">{k.changes.none}</span>;
  return (
    <ul class="change-list">
      {props.changes.map((ch) => (
        <li>
          <span class="change-field">{changeLabel(k, ch.path)}</span>
          {m.common.colon}
          <span class="change-before">{changeValue(k, lang, ch.path, ch.before, people)}</span>
          {' → '}
          <strong>{changeValue(k, lang, ch.path, ch.after, people)}</strong>
        </li>
      ))}
    </ul>
  );
}
