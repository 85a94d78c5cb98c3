import { isLang, type Lang } from '@shegong/domain';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { en } from './en.ts';
import { type Messages, zhCN } from './zh-CN.ts';

export { formatDate, formatMoney, formatMonth, formatPercent, isLang, LANGS, type Lang } from '@shegong/domain';
export type { Messages } from './zh-CN.ts';

export const LANG_COOKIE = 'lang';
const CATALOGUES: Record<Lang, Messages> = { 'zh-CN': zhCN, en };

export function messagesFor(lang: Lang): Messages {
  return CATALOGUES[lang];
}

/** The language the user chose (the `lang` cookie), else Chinese. */
export function langOf(c: Context): Lang {
  const chosen = getCookie(c, LANG_COOKIE);
  return isLang(chosen) ? chosen : 'zh-CN';
}
