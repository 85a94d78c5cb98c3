import type { Page, PageRequest } from '@shegong/store';

/**
 * Every item of a paged list, page after page. Only for lists a use case needs whole and that stay
 * bounded (an organisation's members, a jurisdiction's contracts for a yearly draw): Queries of
 * their own partitions, never a Scan.
 */
export async function everyItem<T>(list: (page: PageRequest) => Promise<Page<T>>, limit = 100): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ limit, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}
