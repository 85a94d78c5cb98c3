/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { RegisterChoices, RegisterPage as RegisterPageData } from '@shegong/core';
import {
  CONTRACT_STATUSES,
  type ContractStatus,
  REGISTER_FINDING_KINDS,
  REGISTER_SORTS,
  type RegisterFilter,
  type RegisterRow,
  type RegisterSort,
} from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatMoney, formatPercent } from '../../i18n/index.ts';
import { Card, DescriptionList, Pager, Table, Tag } from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { listHref as hrefOf, type ListState, ListTools, sortColumn } from '../../layout/lists.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { contractTerm } from '../contracts/terms.tsx';
import { StatusTag } from '../contracts/views.tsx';
import { bureauContractHref, REGISTER, REGISTER_EXPORT } from './paths.ts';

export type RegisterState = ListState<RegisterSort>;

/** The filters a register's address carries, by parameter name (the API's names). */
export const REGISTER_FILTERS = ['county', 'organisationId', 'status', 'finding', 'year'] as const;

/** The register's filter as the use cases take it, from the page's state. */
export function filterOf(state: RegisterState): RegisterFilter {
  const f = state.filters;
  return {
    ...(f.county ? { county: f.county } : {}),
    ...(f.organisationId ? { organisationId: f.organisationId } : {}),
    ...(f.status ? { status: f.status as ContractStatus } : {}),
    ...(f.finding ? { finding: f.finding as RegisterFilter['finding'] } : {}),
    ...(f.year ? { year: Number(f.year) } : {}),
    ...(state.q ? { q: state.q } : {}),
    sort: state.sort,
    order: state.order,
  };
}

const registerHref = (state: RegisterState, change: Parameters<typeof hrefOf<RegisterSort>>[3] = {}) =>
  hrefOf(REGISTER, 'register', state, change);

/** The export's address: the same filter, search and sort, without the cursor. */
export const exportHref = (state: RegisterState) => registerHref(state).replace(REGISTER, REGISTER_EXPORT);

function FilterSelect(props: {
  id: string;
  label: string;
  all: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <div class="list-tool">
      <label class="label" for={`register-${props.id}`}>
        {props.label}
      </label>
      <select class="select" id={`register-${props.id}`} name={props.id}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The filter form: one GET form of selects, the search and sort riding along, so it works without script. */
function RegisterFilters(props: { c: Context<PageEnv>; state: RegisterState; choices: RegisterChoices }) {
  const { c, state, choices } = props;
  const r = c.var.m.register;
  const lang = c.var.lang;
  const f = state.filters;
  return (
    <search aria-label={r.filters}>
      <form class="list-tools" method="get" action={REGISTER}>
        {state.q ? <input type="hidden" name="q" value={state.q} /> : null}
        {state.sort !== 'register' ? <input type="hidden" name="sort" value={state.sort} /> : null}
        {state.sort !== 'register' ? <input type="hidden" name="order" value={state.order} /> : null}
        {choices.counties.length > 1 ? (
          <FilterSelect
            id="county"
            label={r.county}
            all={r.all}
            value={f.county}
            options={choices.counties.map((x) => ({ value: x.code, label: lang === 'en' ? x.en : x.zh }))}
          />
        ) : null}
        <FilterSelect
          id="organisationId"
          label={r.organisation}
          all={r.all}
          value={f.organisationId}
          options={choices.organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <FilterSelect
          id="status"
          label={r.status}
          all={r.all}
          value={f.status}
          options={CONTRACT_STATUSES.map((s) => ({ value: s, label: c.var.m.contracts.statuses[s] }))}
        />
        <FilterSelect
          id="finding"
          label={r.finding}
          all={r.all}
          value={f.finding}
          options={REGISTER_FINDING_KINDS.map((k) => ({ value: k, label: r.findings[k] }))}
        />
        <FilterSelect
          id="year"
          label={r.year}
          all={r.all}
          value={f.year}
          options={choices.years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <div class="list-tool list-tool-actions">
          <button class="btn btn-primary" type="submit">
            {r.apply}
          </button>
          {REGISTER_FILTERS.some((name) => f[name]) ? (
            <a href={registerHref(state, { filters: Object.fromEntries(REGISTER_FILTERS.map((n) => [n, undefined])) })}>
              {r.reset}
            </a>
          ) : null}
        </div>
      </form>
    </search>
  );
}

function RegisterTable(props: { c: Context<PageEnv>; rows: readonly RegisterRow[]; state: RegisterState }) {
  const { c, state } = props;
  const m = c.var.m;
  const r = m.register;
  const k = m.contracts;
  const lang = c.var.lang;
  const sortable = (label: string, sort: RegisterSort) =>
    sortColumn(m, label, sort, (change) => registerHref(state, change), state);
  const filtered = state.q || REGISTER_FILTERS.some((n) => state.filters[n]);
  return (
    <Table
      caption={r.title}
      columns={[
        r.col.county,
        sortable(r.col.organisation, 'organisation'),
        r.col.purchaser,
        sortable(r.col.number, 'number'),
        sortable(r.col.term, 'startDate'),
        sortable(r.col.value, 'value'),
        r.col.status,
        sortable(r.col.labourCost, 'labourCost'),
        sortable(r.col.labourShare, 'labourShare'),
        r.col.priceFloor,
        r.col.findings,
      ]}
      empty={props.rows.length ? undefined : filtered ? r.emptyFiltered : r.empty}
    >
      {props.rows.map((row) => (
        <tr>
          <td data-label={r.col.county} class="nowrap">
            {regionName(row.county, lang)}
          </td>
          <td data-label={r.col.organisation} class="cell-name">
            {row.organisationName}
          </td>
          <td data-label={r.col.purchaser} class="cell-name">
            {row.purchaser}
          </td>
          <td data-label={r.col.number} class="nowrap">
            <a class="mono" href={bureauContractHref(row.organisationId, row.contractId)}>
              {row.number}
            </a>
          </td>
          <td data-label={r.col.term} class="nowrap">
            {contractTerm(k, lang, row.startDate, row.endDate)}
          </td>
          <td data-label={r.col.value} class="nowrap num">
            {formatMoney(row.value)}
          </td>
          <td data-label={r.col.status}>
            <StatusTag k={k} status={row.status} />
          </td>
          <td data-label={r.col.labourCost} class="nowrap num">
            <span class="figure">
              {formatMoney(row.labourCost)} <RuleBadge rules={m.policyRules} rule={row.ruleIds.labourCost} />
            </span>
          </td>
          <td data-label={r.col.labourShare} class="nowrap num">
            <span class="figure">
              {formatPercent(row.labourShareBp)} <RuleBadge rules={m.policyRules} rule={row.ruleIds.labourShare} />
            </span>
          </td>
          <td data-label={r.col.priceFloor} class="nowrap num">
            <span class="figure">
              {row.priceFloor === undefined ? r.noFloor : formatMoney(row.priceFloor)}{' '}
              <RuleBadge rules={m.policyRules} rule={row.ruleIds.priceFloor} />
            </span>
          </td>
          <td data-label={r.col.findings}>
            {row.findings.length ? (
              <span class="figure">
                {row.findings.map((f) => (
                  <>
                    <Tag tone="red">{r.findings[f.kind]}</Tag>{' '}
                    <RuleBadge rules={m.policyRules} rule={f.ruleId} tone="red" />
                  </>
                ))}
              </span>
            ) : (
              <Tag tone="green">{r.noFindings}</Tag>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** 合同台账: filters, search and sort, the totals of the filter, the rows, paging, export and print. */
export function RegisterPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  state: RegisterState;
  choices: RegisterChoices;
  page: RegisterPageData;
}) {
  const { c, who, state, page } = props;
  const m = c.var.m;
  const r = m.register;
  return (
    <Shell
      c={c}
      who={who}
      title={r.title}
      lead={r.lead}
      actions={
        <a class="btn btn-primary" href={exportHref(state)} download>
          {r.export}
        </a>
      }
    >
      <RegisterFilters c={c} state={state} choices={props.choices} />
      <ListTools
        m={m}
        action={REGISTER}
        state={state}
        searchHint={r.searchHint}
        sorts={REGISTER_SORTS.map((value) => ({ value, label: r.sorts[value] }))}
        clearHref={registerHref(state, { q: '' })}
      />
      <Card title={r.totals} id="register-totals">
        <DescriptionList
          items={[
            [r.count, r.contracts(page.totals.count)],
            [r.value, formatMoney(page.totals.value)],
            [
              r.labourCost,
              <span class="figure">
                {formatMoney(page.totals.labourCost)} <RuleBadge rules={m.policyRules} rule="P-W2" />
              </span>,
            ],
          ]}
        />
      </Card>
      <div class="card-flush">
        <Card title={r.title} id="register" extra={state.q ? m.lists.searching(state.q) : undefined}>
          <RegisterTable c={c} rows={page.items} state={state} />
          <Pager
            m={m}
            label={r.title}
            first={state.cursor ? registerHref(state) : undefined}
            next={page.cursor ? registerHref(state, { cursor: page.cursor }) : undefined}
          />
        </Card>
      </div>
    </Shell>
  );
}
