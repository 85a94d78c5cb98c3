import type { Lang } from '../text/lang.ts';

/**
 * The one home of money and rates as people type and read them. Amounts are kept in integer fen
 * and rates in basis points (DESIGN.md); only here do they become yuan and percent text, and back,
 * by exact decimal arithmetic on the digits: no floating point touches an amount.
 */

/**
 * The most digits before the point an amount of yuan may have: 99,999,999,999.99 yuan, above the
 * largest amount any schema allows (a contract of 10¹³ fen), and well inside a safe integer of
 * fen. A field's own bound (a monthly pay, a contract value) is its schema's, checked after this.
 */
export const MAX_YUAN_DIGITS = 11;

/** Why a text is not an amount (or a rate), for a message in the reader's language. */
export type AmountProblem = 'empty' | 'notANumber' | 'negative' | 'tooManyDecimals' | 'tooLarge';

export type AmountParse = { ok: true; value: number } | { ok: false; problem: AmountProblem };

/** What a field holds: yuan (kept in fen), a percent (kept in basis points) or hours (kept in tenths). */
export type AmountKind = 'yuan' | 'percent' | 'hours';

/** What a person may type around the digits: a currency sign, separators, spaces, full-width forms. */
function normalise(text: string, unit: RegExp): string {
  return text.normalize('NFKC').replace(/\s/g, '').replace(unit, '').replace(/,/g, '');
}

/** A non-negative decimal with at most `decimals` places and `maxDigits` whole digits, scaled to an integer. */
function parseScaled(cleaned: string, decimals: number, maxDigits: number): AmountParse {
  if (cleaned === '') return { ok: false, problem: 'empty' };
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[2] === '' && !match[3])) return { ok: false, problem: 'notANumber' };
  const [, sign, whole = '', fraction = ''] = match;
  if (sign === '-' && /[1-9]/.test(whole + fraction)) return { ok: false, problem: 'negative' };
  if (fraction.replace(/0+$/, '').length > decimals) return { ok: false, problem: 'tooManyDecimals' };
  const digits = whole.replace(/^0+(?=\d)/, '');
  if (digits.length > maxDigits) return { ok: false, problem: 'tooLarge' };
  const scaled = Number(digits || '0') * 10 ** decimals + Number(fraction.slice(0, decimals).padEnd(decimals, '0'));
  return { ok: true, value: scaled };
}

/** A scaled integer as decimal text: whole numbers bare, others with every place (or trailing zeros trimmed). */
function formatScaled(value: number, decimals: number, trim: boolean): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a whole number of the smallest unit`);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const scale = 10 ** decimals;
  const whole = Math.floor(abs / scale);
  const rest = abs % scale;
  if (rest === 0) return `${sign}${whole}`;
  const places = String(rest).padStart(decimals, '0');
  return `${sign}${whole}.${trim ? places.replace(/0+$/, '') : places}`;
}

/**
 * Yuan as typed, to fen: "3200.5" → 320050, "¥3,199.99" → 319999, "３２００" → 320000. At most two
 * decimals (more is an error, never a rounding) and MAX_YUAN_DIGITS whole digits; never negative.
 */
export function yuanToFen(text: string): AmountParse {
  return parseScaled(normalise(text, /^¥|元$/g), 2, MAX_YUAN_DIGITS);
}

/** Fen as yuan for a form field or a sheet: 320000 → "3200", 319999 → "3199.99", 320050 → "3200.50". */
export function fenToYuan(fen: number): string {
  return formatScaled(fen, 2, false);
}

/**
 * Money as a page shows it: ¥12,345.67 (the same in both languages). Every finding's text prints
 * amounts through here, so it groups the digits by hand rather than by regular expression.
 */
export function formatMoney(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`${fen} is not a whole number of fen`);
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100));
  const head = whole.length % 3 || 3;
  let grouped = whole.slice(0, head);
  for (let i = head; i < whole.length; i += 3) grouped += `,${whole.slice(i, i + 3)}`;
  const cents = abs % 100;
  return `${fen < 0 ? '-' : ''}¥${grouped}.${cents < 10 ? '0' : ''}${cents}`;
}

/** A percent as typed, to basis points: "6.8" → 680, "8.25%" → 825. Two decimals at most, 100 % at most. */
export function percentToBp(text: string): AmountParse {
  const parsed = parseScaled(normalise(text, /%$/), 2, 3);
  if (parsed.ok && parsed.value > 10_000) return { ok: false, problem: 'tooLarge' };
  return parsed;
}

/** Basis points as the percent a person types: 680 → "6.8", 1600 → "16", 45 → "0.45". */
export function bpToPercent(bp: number): string {
  return formatScaled(bp, 2, true);
}

/** Basis points as a page shows them: 7000 → "70%", 650 → "6.5%". */
export function formatPercent(bp: number): string {
  return `${bpToPercent(bp)}%`;
}

/** Hours as typed, to tenths (学时 are kept in tenths): "2.5" → 25. One decimal, four whole digits. */
export function hoursToTenths(text: string): AmountParse {
  return parseScaled(normalise(text, /(学时|小时|h)$/i), 1, 4);
}

/** Tenths of an hour as hours: 500 → "50", 125 → "12.5". */
export function tenthsToHours(tenths: number): string {
  return formatScaled(tenths, 1, true);
}

const PROBLEMS: Record<AmountKind, Record<AmountProblem, Record<Lang, string>>> = {
  yuan: {
    empty: { 'zh-CN': '请填写金额', en: 'enter an amount' },
    notANumber: { 'zh-CN': '应为以元为单位的金额，如 3200.50', en: 'must be an amount in yuan, like 3200.50' },
    negative: { 'zh-CN': '金额不能为负', en: 'cannot be negative' },
    tooManyDecimals: { 'zh-CN': '金额最多两位小数（到分）', en: 'at most two decimals (fen)' },
    tooLarge: {
      'zh-CN': `金额过大：整数部分最多 ${MAX_YUAN_DIGITS} 位`,
      en: `too large: at most ${MAX_YUAN_DIGITS} digits before the point`,
    },
  },
  percent: {
    empty: { 'zh-CN': '请填写百分比', en: 'enter a percentage' },
    notANumber: { 'zh-CN': '应为百分比，如 6.5', en: 'must be a percentage, like 6.5' },
    negative: { 'zh-CN': '百分比不能为负', en: 'cannot be negative' },
    tooManyDecimals: { 'zh-CN': '百分比最多两位小数', en: 'at most two decimals' },
    tooLarge: { 'zh-CN': '不能超过 100%', en: 'cannot exceed 100%' },
  },
  hours: {
    empty: { 'zh-CN': '请填写学时', en: 'enter the hours' },
    notANumber: { 'zh-CN': '学时应为数字，如 2.5', en: 'must be a number of hours, like 2.5' },
    negative: { 'zh-CN': '学时不能为负', en: 'cannot be negative' },
    tooManyDecimals: { 'zh-CN': '学时最多一位小数', en: 'at most one decimal' },
    tooLarge: { 'zh-CN': '学时过大：整数部分最多 4 位', en: 'too large: at most 4 digits before the point' },
  },
};

/** Why a text was refused, in the reader's language (the field's label is the caller's). */
export function amountProblemText(kind: AmountKind, problem: AmountProblem, lang: Lang): string {
  return PROBLEMS[kind][problem][lang];
}

/**
 * An amount above its field's own bound, in the reader's language: "cannot exceed ¥100,000.00".
 * The bound is the field's schema's (in fen, basis points or tenths, as the field keeps it), so a
 * form, a sheet and the API name the same figure.
 */
export function amountAboveText(kind: AmountKind, bound: number, lang: Lang): string {
  const shown =
    kind === 'yuan'
      ? formatMoney(bound)
      : kind === 'percent'
        ? formatPercent(bound)
        : `${tenthsToHours(bound)} ${lang === 'en' ? 'hours' : '学时'}`;
  return lang === 'en' ? `cannot exceed ${shown}` : `不能超过 ${shown}`;
}

/** A field's schema as far as its bound goes: `z.number().max(…)` has one, in the unit the field keeps. */
export interface Bounded {
  readonly maxValue: number | null;
}

/** Why a text was refused for a field: a problem with the text, or an amount above the field's bound. */
export type AmountRefusal = { problem: AmountProblem } | { above: number };

const PARSERS: Record<AmountKind, (text: string) => AmountParse> = {
  yuan: yuanToFen,
  percent: percentToBp,
  hours: hoursToTenths,
};

/**
 * A field's text as fen, basis points or tenths, held to the field's own bound. The bound is read
 * from the field's schema (its `maxValue`), so it is stated once, there, and a form or a sheet
 * refuses what the API would.
 */
export function readAmount(
  kind: AmountKind,
  text: string,
  bound?: Bounded,
): { ok: true; value: number } | { ok: false; refusal: AmountRefusal } {
  const parsed = PARSERS[kind](text);
  if (!parsed.ok) return { ok: false, refusal: { problem: parsed.problem } };
  const max = bound?.maxValue;
  return max != null && parsed.value > max ? { ok: false, refusal: { above: max } } : parsed;
}

/** A refusal in the reader's language (the field's label is the caller's). */
export function amountRefusalText(kind: AmountKind, refusal: AmountRefusal, lang: Lang): string {
  return 'above' in refusal
    ? amountAboveText(kind, refusal.above, lang)
    : amountProblemText(kind, refusal.problem, lang);
}
