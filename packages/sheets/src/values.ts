import { amountRefusalText, type Bounded, fenToYuan, readAmount, tenthsToHours } from '@shegong/domain';

/**
 * Reading one cell's value as what a person meant: text, a date, an amount of yuan. A cell from
 * xlsx may hold a number, a Date, rich text or a formula's result; a cell from csv is text.
 */

export type CellValue = string | number | boolean | Date | null | undefined | { [key: string]: unknown };

/** A failure to read a cell: Chinese first, then English. */
export class CellProblem extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(zh);
  }
}

/** The text of a cell, trimmed; '' for an empty one. Dates become YYYY-MM-DD. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray((value as { richText?: unknown }).richText)) {
    return ((value as { richText: { text: string }[] }).richText.map((r) => r.text).join('') ?? '').trim();
  }
  if ('result' in value) return cellText(value.result as CellValue);
  if ('text' in value) return cellText(value.text as CellValue);
  return '';
}

function isoDay(date: Date): string {
  // ExcelJS reads a date cell as midnight UTC of that day.
  return date.toISOString().slice(0, 10);
}

/**
 * A date as YYYY-MM-DD. Accepts 2024-03-01, 2024/3/1, 2024.3.1 and 2024年3月1日, and a date cell;
 * refuses a day that does not exist (2023-02-29).
 */
export function readDate(value: CellValue): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new CellProblem('不是有效的日期', 'is not a valid date');
    return isoDay(value);
  }
  const text = cellText(value);
  if (!text) return undefined;
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) throw new CellProblem('日期应写成 2024-03-01', 'must be a date like 2024-03-01');
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(iso)) {
    throw new CellProblem(`${iso} 这一天不存在`, `${iso} is not a real date`);
  }
  return iso;
}

export function readYesNo(value: CellValue): boolean | undefined {
  const text = cellText(value);
  if (!text) return undefined;
  if (['是', 'yes', 'y', 'true', '1'].includes(text.toLowerCase())) return true;
  if (['否', 'no', 'n', 'false', '0'].includes(text.toLowerCase())) return false;
  throw new CellProblem('请填“是”或“否”', 'must be 是 (yes) or 否 (no)');
}

/** A whole percent from 1 to 100 (a working time): 50, '50' or '50%'. */
export function readWholePercent(value: CellValue): number | undefined {
  const text = cellText(value)
    .replace(/[%％]\s*$/, '')
    .trim();
  if (!text) return undefined;
  const percent = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  if (!(percent >= 1 && percent <= 100))
    throw new CellProblem('应为 1 到 100 的整数（占全日制的百分比）', 'must be a whole percent from 1 to 100');
  return percent;
}

/** The money module's reading of a cell's text; a refusal is a cell problem in its words. */
function amountInCell(kind: 'yuan' | 'hours', text: string, bound?: Bounded): number {
  const read = readAmount(kind, text, bound);
  if (read.ok) return read.value;
  throw new CellProblem(amountRefusalText(kind, read.refusal, 'zh-CN'), amountRefusalText(kind, read.refusal, 'en'));
}

/**
 * Yuan → fen, exactly, by the money module: '3200.5' → 320050, '3,200.50' → 320050. A number
 * cell is read through its shortest decimal form (3200.5 → '3200.5'), so no float arithmetic
 * touches the amount; more than two decimals is an error, not a rounding. Above `bound` (the
 * column's schema) it is refused; an empty cell is undefined.
 */
export function readYuan(value: CellValue, bound?: Bounded): number | undefined {
  const text = cellText(value);
  return text ? amountInCell('yuan', text, bound) : undefined;
}

/** Hours as written ('2.5') → tenths of an hour, exactly, by the money module; held to `bound`. */
export function readHours(text: string, bound?: Bounded): number {
  return amountInCell('hours', text, bound);
}

/**
 * Fen as the number a yuan cell ('#,##0.00') holds: the money module's decimal as a number, the
 * nearest double to it (the same as fen / 100), which Excel shows exactly.
 */
export const yuanCell = (fen: number): number => Number(fenToYuan(fen));

/** Tenths of an hour as the number an hours cell holds: 385 → 38.5. */
export const hoursCell = (tenths: number): number => Number(tenthsToHours(tenths));
