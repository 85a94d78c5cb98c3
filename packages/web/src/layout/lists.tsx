/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { defaultOrder, LIST_ORDERS, type ListOrder, SEARCH_MAX_LENGTH } from '@shegong/domain';
import type { Context } from 'hono';
import type { Messages } from '../i18n/index.ts';
import type { Column } from './components.tsx';

/**
 * A list's state lives in its address (search, filters, sort, order, cursor), so a list can be
 * bookmarked, shared and paged with plain links, and works without script. Every link of a list
 * keeps the rest of its state: a filter keeps the search and the sort; a new search or sort starts
 * again from the first page.
 */
export interface ListState<S extends string = string> {
  q: string;
  sort: S;
  order: ListOrder;
  /** The list's own filters (status, flag, kind), by parameter name; unset ones are absent. */
  filters: Readonly<Record<string, string | undefined>>;
  cursor?: string | undefined;
}

/**
 * The state a request's address gives, forgiving as a page should be: an unknown sort, order or
 * filter value is ignored (the default stands), a search longer than lists take is cut.
 */
export function readListState<S extends string>(
  c: Context,
  sorts: readonly [S, ...S[]],
  filters: Readonly<Record<string, readonly string[]>> = {},
): ListState<S> {
  const param = (name: string) => c.req.query(name) ?? '';
  const sort = (sorts as readonly string[]).includes(param('sort')) ? (param('sort') as S) : sorts[0];
  const order = (LIST_ORDERS as readonly string[]).includes(param('order'))
    ? (param('order') as ListOrder)
    : defaultOrder(sort);
  const chosen = Object.fromEntries(
    Object.entries(filters).map(([name, values]) => [name, values.includes(param(name)) ? param(name) : undefined]),
  );
  const cursor = param('cursor') || undefined;
  return { q: param('q').trim().slice(0, SEARCH_MAX_LENGTH), sort, order, filters: chosen, cursor };
}

/** What the use cases take of a list's state: the search, the sort and order (the filters each list names). */
export function listQueryOf<S extends string>(state: ListState<S>) {
  return { ...(state.q ? { search: state.q } : {}), sort: state.sort, order: state.order };
}

/**
 * The address of the list in `state` changed by `change`, without its cursor unless the change
 * names one (a changed list starts at its first page). Defaults are left out, so the plain list
 * is the plain path.
 */
export function listHref<S extends string>(
  base: string,
  defaultSort: S,
  state: ListState<S>,
  change: Partial<Omit<ListState<S>, 'filters'>> & { filters?: Record<string, string | undefined> } = {},
): string {
  const next = { ...state, cursor: undefined, ...change, filters: { ...state.filters, ...change.filters } };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  for (const [name, value] of Object.entries(next.filters)) if (value) params.set(name, value);
  if (next.sort !== defaultSort || next.order !== defaultOrder(next.sort)) {
    params.set('sort', next.sort);
    params.set('order', next.order);
  }
  if (next.cursor) params.set('cursor', next.cursor);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/**
 * A sortable column header: a link that sorts by the column (a second click turns the order),
 * `aria-sort` on the one in force. Narrow screens hide the header row; ListTools sorts there.
 */
export function sortColumn<S extends string>(
  m: Messages,
  label: string,
  sort: S,
  href: (change: { sort: S; order: ListOrder }) => string,
  state: ListState<S>,
): Column {
  const active = state.sort === sort;
  const next: ListOrder = active ? (state.order === 'asc' ? 'desc' : 'asc') : defaultOrder(sort);
  return {
    label,
    sort: {
      href: href({ sort, order: next }),
      title: m.lists.sortBy(label, m.lists.orders[next]),
      ...(active ? { state: state.order === 'asc' ? ('ascending' as const) : ('descending' as const) } : {}),
    },
  };
}

/**
 * The search box and the sort and order choices above a list: one GET form, so it works with the
 * keyboard alone, without script and at 360 px, where the column headers are hidden. The list's
 * filters ride along as hidden fields; a search or sort starts again from the first page.
 */
export function ListTools<S extends string>(props: {
  m: Messages;
  action: string;
  state: ListState<S>;
  searchHint: string;
  sorts: readonly { value: S; label: string }[];
  clearHref: string;
}) {
  const { m, state } = props;
  const l = m.lists;
  return (
    <search aria-label={l.tools}>
      <form class="list-tools" method="get" action={props.action}>
        {Object.entries(state.filters).map(([name, value]) =>
          value ? <input type="hidden" name={name} value={value} /> : null,
        )}
        <div class="list-tool list-tool-search">
          <label class="label" for="list-q">
            {l.search}
          </label>
          <span class="list-hint" id="list-q-hint">
            {props.searchHint}
          </span>
          <input
            class="input"
            id="list-q"
            name="q"
            type="search"
            value={state.q}
            maxlength={SEARCH_MAX_LENGTH}
            aria-describedby="list-q-hint"
          />
        </div>
        <div class="list-tool">
          <label class="label" for="list-sort">
            {l.sort}
          </label>
          <select class="select" id="list-sort" name="sort">
            {props.sorts.map((s) => (
              <option value={s.value} selected={s.value === state.sort}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div class="list-tool">
          <label class="label" for="list-order">
            {l.order}
          </label>
          <select class="select" id="list-order" name="order">
            {LIST_ORDERS.map((o) => (
              <option value={o} selected={o === state.order}>
                {l.orders[o]}
              </option>
            ))}
          </select>
        </div>
        <div class="list-tool list-tool-actions">
          <button class="btn btn-primary" type="submit">
            {l.apply}
          </button>
          {state.q ? <a href={props.clearHref}>{l.clear}</a> : null}
        </div>
      </form>
    </search>
  );
}
