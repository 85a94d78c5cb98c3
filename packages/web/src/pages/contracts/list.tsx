/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  CONTRACT_SORTS,
  CONTRACT_STATUSES,
  type ContractSort,
  type ContractStatus,
  type StoredContract,
} from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatMoney } from '../../i18n/index.ts';
import { Card, FilterRow, Notice, Pager, Table } from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { listHref as hrefOf, type ListState, ListTools, sortColumn } from '../../layout/lists.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { GuidelineTag } from './guideline.tsx';
import { CONTRACTS, contractHref, PRICE_FLOOR } from './paths.ts';
import { contractTerm } from './terms.tsx';
import { Flags, StatusTag } from './views.tsx';

type ContractList = ListState<ContractSort>;

/** The list in `state` changed by `change` (the filter is in the address too, so paging keeps it). */
const listHref = (state: ContractList, change: Parameters<typeof hrefOf<ContractSort>>[3] = {}) =>
  hrefOf(CONTRACTS, 'created', state, change);

function ContractsTable(props: { c: Context<PageEnv>; contracts: readonly StoredContract[]; state: ContractList }) {
  const { c, state } = props;
  const k = c.var.m.contracts;
  const lang = c.var.lang;
  const sortable = (label: string, sort: ContractSort) =>
    sortColumn(c.var.m, label, sort, (change) => listHref(state, change), state);
  const filtered = Boolean(state.filters.status || state.q);
  return (
    <Table
      caption={k.title}
      columns={[
        sortable(k.col.number, 'number'),
        sortable(k.col.title, 'title'),
        k.col.purchaser,
        sortable(k.col.term, 'startDate'),
        sortable(k.col.value, 'value'),
        k.col.status,
        k.col.flags,
      ]}
      empty={
        props.contracts.length
          ? undefined
          : state.q
            ? c.var.m.lists.noMatch
            : filtered
              ? k.list.emptyFiltered
              : k.list.empty
      }
    >
      {props.contracts.map((contract) => (
        <tr>
          <td data-label={k.col.number}>
            <span class="mono">{contract.number}</span>
          </td>
          <td data-label={k.col.title}>
            <a href={contractHref(contract.id)}>{contract.title}</a>
          </td>
          <td data-label={k.col.purchaser}>
            <span>
              {contract.purchaser.name}
              <span class="muted"> · {regionName(contract.purchaser.region, lang)}</span>
            </span>
          </td>
          <td data-label={k.col.term} class="nowrap">
            {contractTerm(k, lang, contract.startDate, contract.endDate)}
          </td>
          <td data-label={k.col.value} class="nowrap">
            {formatMoney(contract.value)}
          </td>
          <td data-label={k.col.status}>
            <StatusTag k={k} status={contract.status} />
          </td>
          <td data-label={k.col.flags}>
            <Flags k={k} rules={c.var.m.policyRules} contract={contract} /> <GuidelineTag c={c} contract={contract} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** 合同: the list with status and flags, search and sort above, a filter row by status, paging. */
export function ContractListPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  contracts: readonly StoredContract[];
  state: ContractList;
  next?: string | undefined;
  writer: boolean;
  notice?: string | undefined;
}) {
  const { c, who, state } = props;
  const m = c.var.m;
  const k = m.contracts;
  const status = state.filters.status as ContractStatus | undefined;
  return (
    <Shell
      c={c}
      who={who}
      title={k.title}
      lead={k.lead}
      actions={
        <>
          <a class="btn" href={PRICE_FLOOR}>
            {k.priceFloorLink}
          </a>
          {props.writer ? (
            <a class="btn btn-primary" href={`${CONTRACTS}/new`}>
              {k.newContract}
            </a>
          ) : null}
        </>
      }
    >
      {props.notice ? <Notice tone="success">{props.notice}</Notice> : null}
      <ListTools
        m={m}
        action={CONTRACTS}
        state={state}
        searchHint={m.lists.contracts.searchHint}
        sorts={CONTRACT_SORTS.map((value) => ({ value, label: m.lists.contracts.sorts[value] }))}
        clearHref={listHref(state, { q: '' })}
      />
      <FilterRow
        label={k.list.filter}
        filters={[undefined, ...CONTRACT_STATUSES].map((s) => ({
          label: s ? k.statuses[s] : k.list.all,
          href: listHref(state, { filters: { status: s } }),
          active: status === s,
        }))}
      />
      <div class="card-flush">
        <Card
          title={status ? k.statuses[status] : k.list.allTitle}
          id="contracts"
          extra={state.q ? m.lists.searching(state.q) : undefined}
        >
          <ContractsTable c={c} contracts={props.contracts} state={state} />
          <Pager
            m={m}
            label={k.title}
            first={state.cursor ? listHref(state) : undefined}
            next={props.next ? listHref(state, { cursor: props.next }) : undefined}
          />
        </Card>
      </div>
    </Shell>
  );
}
