/**
 * What a list can be asked for besides its page: a search, a column to sort by and a direction.
 * The API's query parameters and the pages' links use these names; the store and the use cases
 * read them (a use case, not the client, decides how a sort is served).
 */

export const LIST_ORDERS = ['asc', 'desc'] as const;
export type ListOrder = (typeof LIST_ORDERS)[number];

/** The columns a contract list sorts by: created (newest first by default), number, title, start date, value. */
export const CONTRACT_SORTS = ['created', 'number', 'title', 'startDate', 'value'] as const;
export type ContractSort = (typeof CONTRACT_SORTS)[number];

/** The columns the staff list sorts by: name, and the expiry of the registration it shows. */
export const STAFF_SORTS = ['name', 'registrationExpiry'] as const;
export type StaffSort = (typeof STAFF_SORTS)[number];

/** The columns the platform's tenant list sorts by: created (newest first by default), name. */
export const TENANT_SORTS = ['created', 'name'] as const;
export type TenantSort = (typeof TENANT_SORTS)[number];

/** The longest search a list takes (a name, a contract or certificate number, with room to spare). */
export const SEARCH_MAX_LENGTH = 100;

/**
 * Which way a sort goes when the caller does not say: creation newest first (what was just added
 * is what people look for), every other column ascending, as a table header's first click does.
 */
export function defaultOrder(sort: string): ListOrder {
  return sort === 'created' ? 'desc' : 'asc';
}

/**
 * A text as a search compares it: Unicode NFKC (full-width letters and digits as their ASCII
 * forms, so `ＦＣＧ－００１` finds `FCG-001`), lower case, and without any white space (people
 * type `黄 小梅` and `FCG 2026`). Chinese has no case; the rest of the text is kept as it is.
 */
export function searchable(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/**
 * Whether a search finds a record: its text (already `searchable`) is part of one of the fields.
 * A part anywhere, not only at the start: a contract number is searched by its tail (`017`) as
 * often as by its prefix, and a title by any word in it. An empty search finds everything.
 */
export function matchesSearch(query: string, fields: readonly (string | undefined)[]): boolean {
  if (!query) return true;
  return fields.some((field) => field !== undefined && searchable(field).includes(query));
}
