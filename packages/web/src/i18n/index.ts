import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { en } from './en.ts';
import { type Messages, zhCN } from './zh-CN.ts';

export { formatDate, formatMoney, formatMonth } from './format.ts';
export type { Messages } from './zh-CN.ts';

/** Chinese first: zh-CN is the default; English only when the user chose it. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const LANG_COOKIE = 'lang';
const CATALOGUES: Record<Lang, Messages> = { 'zh-CN': zhCN, en };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function messagesFor(lang: Lang): Messages {
  return CATALOGUES[lang];
}

/** The language the user chose (the `lang` cookie), else Chinese. */
export function langOf(c: Context): Lang {
  const chosen = getCookie(c, LANG_COOKIE);
  return isLang(chosen) ? chosen : 'zh-CN';
}
