import type { ListOrder } from '@shegong/domain';
import { decodeWindowCursor, encodeWindowCursor, type Page } from './cursor.ts';

/** What a row sorts by: a string, a number, or nothing (a row without it sorts last either way). */
export type SortValue = string | number | undefined;

/** How a list held whole in memory sorts, and what its pages are bound to. */
export interface Window<T> {
  /** The row's value in the sorted column. */
  value: (row: T) => SortValue;
  /** The row's id: ties are broken by it, and it makes a position unique. */
  id: (row: T) => string;
  order: ListOrder;
  /** How two strings compare (a collator for names; code points by default, as DynamoDB orders). */
  compareText?: (a: string, b: string) => number;
  /**
   * What the list is (`contracts|running|value|asc|<search>`): a cursor works only for the list it
   * came from, so a cursor of another search or sort is refused rather than misread.
   */
  binding: string;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function comparator<T>(window: Window<T>) {
  const compareText = window.compareText ?? byCodePoint;
  const sign = window.order === 'asc' ? 1 : -1;
  return (a: { value: SortValue; id: string }, b: { value: SortValue; id: string }): number => {
    if (a.value === undefined || b.value === undefined) {
      if (a.value !== b.value) return a.value === undefined ? 1 : -1;
    } else {
      const byValue =
        typeof a.value === 'number' && typeof b.value === 'number'
          ? a.value - b.value
          : compareText(String(a.value), String(b.value));
      if (byValue !== 0) return sign * byValue;
    }
    return sign * byCodePoint(a.id, b.id);
  };
}

/**
 * One page of a list read whole (a bounded list: one organisation's contracts or staff, the
 * platform's tenants), sorted in memory. The cursor is the position of the page's last row (its
 * value and id), not an offset, so a row added or removed meanwhile neither repeats nor skips a
 * row of the next page. Pages are full until the last: nothing is filtered after the page is cut.
 */
export function windowOf<T>(rows: readonly T[], window: Window<T>, page: { limit: number; cursor?: string }): Page<T> {
  const compare = comparator(window);
  const keyed = rows.map((row) => ({ row, value: window.value(row), id: window.id(row) }));
  keyed.sort(compare);
  const after = decodeWindowCursor(page.cursor, window.binding);
  const start = after ? keyed.findIndex((k) => compare(k, after) > 0) : 0;
  const slice = start < 0 ? [] : keyed.slice(start, start + page.limit);
  const last = slice.at(-1);
  const more = start >= 0 && start + page.limit < keyed.length;
  return {
    items: slice.map((k) => k.row),
    ...(more && last ? { cursor: encodeWindowCursor(window.binding, { value: last.value, id: last.id }) } : {}),
  };
}
