import type { Lang } from './lang.ts';

/**
 * Dates and months as people in China read them (UI.md): 2026年11月25日 / 25 Nov 2026, and
 * 2026年11月 / Nov 2026. The one home of these formats: pages, sheets and findings use them.
 */

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** China keeps one time zone (UTC+8) and no daylight saving, so a fixed offset is exact. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** A calendar date; an ISO time is shown on its date in China, a bare `YYYY-MM-DD` as written. */
export function formatDate(value: string, lang: Lang): string {
  const parts = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? dateParts(`${value}T00:00:00Z`, 0)
    : dateParts(value, CHINA_OFFSET_MS);
  if (!parts) return value;
  const [year, month, day] = parts;
  return lang === 'zh-CN' ? `${year}年${month}月${day}日` : `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/** A month (`YYYY-MM`). */
export function formatMonth(value: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return value;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return value;
  return lang === 'zh-CN' ? `${year}年${month}月` : `${MONTHS_EN[month - 1]} ${year}`;
}

function dateParts(iso: string, offsetMs: number): [number, number, number] | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  const shifted = new Date(time + offsetMs);
  return [shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()];
}
