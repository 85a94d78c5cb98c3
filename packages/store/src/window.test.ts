import { describe, expect, it } from 'vitest';
import { encodeCursor } from './cursor.ts';
import { StoreError } from './errors.ts';
import { type Window, windowOf } from './window.ts';

interface Row {
  id: string;
  name: string;
  value?: number;
}

const rows: Row[] = [
  { id: 'a', name: '黄小梅', value: 300 },
  { id: 'b', name: '陆海燕', value: 100 },
  { id: 'c', name: '覃丽', value: 200 },
  { id: 'd', name: '李明' },
  { id: 'e', name: '张伟', value: 100 },
];
const collator = new Intl.Collator('zh-CN');
const byValue = (order: 'asc' | 'desc'): Window<Row> => ({
  value: (r) => r.value,
  id: (r) => r.id,
  order,
  binding: `test|value|${order}`,
});

/** Every page of a list, following the cursors. */
function allPages(window: Window<Row>, list: readonly Row[], limit: number): string[][] {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = windowOf(list, window, { limit, ...(cursor ? { cursor } : {}) });
    pages.push(page.items.map((r) => r.id));
    cursor = page.cursor;
  } while (cursor);
  return pages;
}

describe('a list sorted in memory', () => {
  it('sorts by the value, ties by id, rows without a value last, in either order', () => {
    expect(allPages(byValue('asc'), rows, 2)).toEqual([['b', 'e'], ['c', 'a'], ['d']]);
    expect(allPages(byValue('desc'), rows, 2)).toEqual([['a', 'c'], ['e', 'b'], ['d']]);
  });

  it('sorts names with a collator (pinyin for Chinese)', () => {
    const byName: Window<Row> = {
      value: (r) => r.name,
      id: (r) => r.id,
      order: 'asc',
      compareText: collator.compare,
      binding: 'test|name|asc',
    };
    expect(allPages(byName, rows, 10)).toEqual([['a', 'd', 'b', 'c', 'e']]);
  });

  it('gives full pages and no cursor after the last one', () => {
    const pages = allPages(byValue('asc'), rows, 5);
    expect(pages).toEqual([['b', 'e', 'c', 'a', 'd']]);
  });

  it('continues after the last row seen, even when rows came or went meanwhile', () => {
    const first = windowOf(rows, byValue('asc'), { limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual(['b', 'e']);
    const changed = [...rows.filter((r) => r.id !== 'e'), { id: 'f', name: '新', value: 50 }];
    const next = windowOf(changed, byValue('asc'), { limit: 2, cursor: first.cursor as string });
    expect(next.items.map((r) => r.id)).toEqual(['c', 'a']);
  });

  it('refuses a cursor of another sort, order or search, and one that is not a position', () => {
    const first = windowOf(rows, byValue('asc'), { limit: 2 });
    const codeOf = (cursor: string) => {
      try {
        windowOf(rows, byValue('desc'), { limit: 2, cursor });
      } catch (error) {
        return (error as StoreError).code;
      }
      return undefined;
    };
    expect(codeOf(first.cursor as string)).toBe('bad_cursor');
    expect(codeOf(encodeCursor({ pk: 'T#a', sk: 'CONTRACT#1' }) as string)).toBe('bad_cursor');
    expect(codeOf('not base64 json')).toBe('bad_cursor');
    expect(() => windowOf(rows, byValue('asc'), { limit: 2, cursor: first.cursor as string })).not.toThrow(StoreError);
  });
});
