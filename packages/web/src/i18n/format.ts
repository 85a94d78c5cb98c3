import type { Lang } from './index.ts';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** China keeps one time zone (UTC+8) and no daylight saving, so a fixed offset is exact. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/**
 * A calendar date as people in China read it: 2026年11月25日 / 25 Nov 2026. An ISO time is shown
 * on its date in China; a bare `YYYY-MM-DD` is shown as written.
 */
export function formatDate(value: string, lang: Lang): string {
  const parts = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? dateParts(`${value}T00:00:00Z`, 0)
    : dateParts(value, CHINA_OFFSET_MS);
  if (!parts) return value;
  const [year, month, day] = parts;
  return lang === 'zh-CN' ? `${year}年${month}月${day}日` : `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/** A month (`YYYY-MM`) as 2026年11月 / Nov 2026. */
export function formatMonth(value: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return value;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return value;
  return lang === 'zh-CN' ? `${year}年${month}月` : `${MONTHS_EN[month - 1]} ${year}`;
}

/** Money is kept in integer fen; only a page turns it into ¥12,345.67 (same in both languages). */
export function formatMoney(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError('money must be a whole number of fen');
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
}

function dateParts(iso: string, offsetMs: number): [number, number, number] | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  const shifted = new Date(time + offsetMs);
  return [shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()];
}
