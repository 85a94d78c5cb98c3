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

/**
 * Yuan → fen, exactly, from the decimal text: '3200.5' → 320050, '3,200.50' → 320050. A number
 * cell is read through its shortest decimal form (3200.5 → '3200.5'), so no float arithmetic
 * touches the amount. More than two decimals is an error, not a rounding.
 */
export function yuanToFen(value: CellValue): number | undefined {
  const text = cellText(value)
    .replace(/[,，\s]/g, '')
    .replace(/^[¥￥]/, '');
  if (!text) return undefined;
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) {
    if (/^\d+\.\d{3,}$/.test(text)) throw new CellProblem('金额最多两位小数（到分）', 'at most two decimals (fen)');
    if (text.startsWith('-')) throw new CellProblem('金额不能为负', 'cannot be negative');
    throw new CellProblem('应为以元为单位的金额，如 3200.50', 'must be an amount in yuan, like 3200.50');
  }
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function readYesNo(value: CellValue): boolean | undefined {
  const text = cellText(value);
  if (!text) return undefined;
  if (['是', 'yes', 'y', 'true', '1'].includes(text.toLowerCase())) return true;
  if (['否', 'no', 'n', 'false', '0'].includes(text.toLowerCase())) return false;
  throw new CellProblem('请填“是”或“否”', 'must be 是 (yes) or 否 (no)');
}

/** 2.5 → 25 tenths of an hour, exactly from the text. */
export function hoursToTenths(text: string): number {
  const match = /^(\d{1,4})(?:\.(\d))?$/.exec(text.trim());
  if (!match) throw new CellProblem('学时应为数字，最多一位小数', 'hours must be a number with at most one decimal');
  return Number(match[1]) * 10 + Number(match[2] ?? '0');
}

/** Fen → yuan as a number with two decimals, for a cell formatted '#,##0.00'. */
export function fenToYuan(fen: number): number {
  // fen / 100 is the nearest double to the two-decimal amount; Excel shows it exactly.
  return fen / 100;
}
