/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  type Person,
  type RuleSet,
  STAFF_SORTS,
  type StaffFlag,
  type StaffSort,
  type StaffSummary,
} from '@shegong/domain';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { formatDate } from '../../i18n/index.ts';
import { Card, FilterRow, Notice, Pager, Table } from '../../layout/components.tsx';
import { listHref as hrefOf, type ListState, ListTools, sortColumn } from '../../layout/lists.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { IMPORT_PAGE } from '../imports/routes.tsx';
import { CeHours, CertTag, ListedRegistration, PayFigure, type StaffMessages } from './figures.tsx';

export const STAFF = '/org/staff';
export const FILTERS = ['below-floor', 'registration-expiring', 'registration-expired', 'ce-short'] as const;

/** A person as the reader may see them, and what the registry says about them today. */
export interface StaffEntry {
  person: Person;
  summary?: (StaffSummary & { flags: StaffFlag[] }) | undefined;
}

export interface StaffContext {
  today: string;
  ruleSet?: RuleSet | undefined;
  /** Ladder level names by id (the organisation's ladder, if it has one). */
  levels: ReadonlyMap<string, string>;
  /** Whether the reader may add, change and delete (hr, admin). */
  keeper: boolean;
}

export type StaffNotice = 'created' | 'saved' | 'deleted' | 'stale';

export function NoticeLine(props: { s: StaffMessages; notice?: StaffNotice | undefined; name?: string }) {
  const { s, notice } = props;
  if (!notice) return null;
  if (notice === 'stale') return <Notice tone="error">{s.notices.stale}</Notice>;
  const text =
    notice === 'deleted'
      ? s.notices.deleted
      : notice === 'created'
        ? s.notices.created(props.name ?? '')
        : s.notices.saved(props.name ?? '');
  return <Notice tone="success">{text}</Notice>;
}

export function RuleSetLine(props: { c: Context<PageEnv>; context: StaffContext }) {
  const s = props.c.var.m.staff;
  const rules = props.context.ruleSet;
  if (!rules) return <Notice tone="error">{s.noRuleSet}</Notice>;
  return (
    <p class="muted staff-rules">{s.ruleSetUsed(rules.title, formatDate(rules.effectiveFrom, props.c.var.lang))}</p>
  );
}

function filterLink(flag?: StaffFlag): string {
  return flag ? `${STAFF}?flag=${flag}` : STAFF;
}

/** The registry's flags as counts, each a link to the list filtered by it (staff list, dashboard). */
export function StaffCounts(props: { c: Context<PageEnv>; counts: Record<StaffFlag, number>; flag?: StaffFlag }) {
  const { counts, flag } = props;
  const s = props.c.var.m.staff;
  const countLines: [StaffFlag, string, 'error' | 'warning'][] = [
    ['below-floor', s.counts.belowFloor(counts['below-floor']), 'error'],
    ['registration-expired', s.counts.expired(counts['registration-expired']), 'error'],
    ['registration-expiring', s.counts.expiring(counts['registration-expiring']), 'warning'],
    ['ce-short', s.counts.ceShort(counts['ce-short']), 'warning'],
  ];
  return (
    <ul class="staff-counts" aria-label={s.filters.label}>
      {countLines.map(([key, text, tone]) => (
        <li>
          <a
            class={`staff-count${counts[key] > 0 ? ` staff-count-${tone}` : ''}`}
            href={filterLink(key)}
            aria-current={flag === key ? 'true' : undefined}
          >
            {text}
          </a>
        </li>
      ))}
    </ul>
  );
}

type StaffList = ListState<StaffSort>;

/** The list in `state` changed by `change`: a flag, a search, a sort or a page. */
const listHref = (state: StaffList, change: Parameters<typeof hrefOf<StaffSort>>[3] = {}) =>
  hrefOf(STAFF, 'name', state, change);

/** A page of the staff with their certificate, years, CE hours, registration, pay and ladder level. */
function StaffTable(props: {
  c: Context<PageEnv>;
  context: StaffContext;
  entries: readonly StaffEntry[];
  state: StaffList;
}) {
  const { c, context, entries, state } = props;
  const m = c.var.m;
  const s = m.staff;
  const sortable = (label: string, sort: StaffSort) =>
    sortColumn(m, label, sort, (change) => listHref(state, change), state);
  return (
    <Table
      caption={s.title}
      columns={[
        sortable(s.col.name, 'name'),
        s.col.cert,
        s.col.years,
        s.col.ce,
        sortable(s.col.registration, 'registrationExpiry'),
        s.col.pay,
        s.col.ladder,
      ]}
      empty={entries.length ? undefined : state.q ? m.lists.noMatch : state.filters.flag ? s.emptyFiltered : s.empty}
    >
      {entries.map(({ person, summary }) => (
        <tr>
          <td data-label={s.col.name} class="nowrap">
            <a href={`${STAFF}/${person.id}`}>{person.name}</a>
          </td>
          <td data-label={s.col.cert}>{summary ? <CertTag s={s} level={summary.certLevel} /> : null}</td>
          <td data-label={s.col.years}>{summary ? s.years(summary.practiceYears) : null}</td>
          <td data-label={s.col.ce}>
            {summary ? (
              <span class="figure">
                <CeHours s={s} rules={m.policyRules} total={summary.ce.year} />
                {/* The registration period's hours too where they are short (N-5 flags ce-short as P-R2 does). */}
                {summary.ce.period && summary.ce.period.shortfallTenthHours > 0 ? (
                  <CeHours s={s} rules={m.policyRules} total={summary.ce.period} />
                ) : null}
              </span>
            ) : null}
          </td>
          <td data-label={s.col.registration}>{summary ? <ListedRegistration c={c} summary={summary} /> : null}</td>
          <td data-label={s.col.pay}>
            <PayFigure c={c} person={person} summary={summary} />
          </td>
          <td data-label={s.col.ladder}>
            {person.ladderLevelId ? (
              (context.levels.get(person.ladderLevelId) ?? person.ladderLevelId)
            ) : (
              <span class="muted">{s.person.noLadder}</span>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** 人员: the staff table with its flags, counts at the top, search and sort, a filter row, paging. */
export function StaffListPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  context: StaffContext;
  entries: readonly StaffEntry[];
  total: number;
  counts: Record<StaffFlag, number>;
  state: StaffList;
  next?: string | undefined;
  notice?: StaffNotice | undefined;
  exportHref?: string | undefined;
}) {
  const { c, who, context, entries, counts, state } = props;
  const m = c.var.m;
  const s = m.staff;
  const flag = state.filters.flag as StaffFlag | undefined;
  const actions: Child[] = [];
  if (props.exportHref)
    actions.push(
      <a class="btn" href={props.exportHref}>
        {s.exportXlsx}
      </a>,
    );
  if (context.keeper)
    actions.push(
      <a class="btn" href={IMPORT_PAGE}>
        {s.importRoster}
      </a>,
      <a class="btn btn-primary" href={`${STAFF}/new`}>
        {s.add}
      </a>,
    );
  return (
    <Shell c={c} who={who} title={s.title} lead={s.lead} actions={actions.length ? actions : undefined}>
      <NoticeLine s={s} notice={props.notice} />
      <RuleSetLine c={c} context={context} />
      {context.ruleSet ? <StaffCounts c={c} counts={counts} flag={flag} /> : null}
      <ListTools
        m={m}
        action={STAFF}
        state={state}
        searchHint={m.lists.staff.searchHint}
        sorts={STAFF_SORTS.map((value) => ({ value, label: m.lists.staff.sorts[value] }))}
        clearHref={listHref(state, { q: '' })}
      />
      <FilterRow
        label={s.filters.label}
        filters={[undefined, ...FILTERS].map((f) => ({
          label: f ? s.filters[f] : s.filters.all,
          href: listHref(state, { filters: { flag: f } }),
          active: flag === f,
        }))}
      />
      <div class="card-flush">
        <Card
          title={flag ? s.filters[flag] : s.title}
          id="staff"
          extra={state.q ? m.lists.searching(state.q) : s.showing(entries.length, props.total)}
        >
          <StaffTable c={c} context={context} entries={entries} state={state} />
          <Pager
            m={m}
            label={s.title}
            first={state.cursor ? listHref(state) : undefined}
            next={props.next ? listHref(state, { cursor: props.next }) : undefined}
          />
        </Card>
      </div>
    </Shell>
  );
}
