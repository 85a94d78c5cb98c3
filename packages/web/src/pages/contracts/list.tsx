/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { CONTRACT_STATUSES, type ContractStatus, type StoredContract } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatMoney } from '../../i18n/index.ts';
import { Card, FilterRow, Notice, Pager, Table } from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { GuidelineTag } from './guideline.tsx';
import { CONTRACTS, contractHref, PRICE_FLOOR } from './paths.ts';
import { contractTerm } from './terms.tsx';
import { Flags, StatusTag } from './views.tsx';

/** The list, filtered by a status or not (the filter is in the address, so paging keeps it). */
const listHref = (status?: ContractStatus) => (status ? `${CONTRACTS}?status=${status}` : CONTRACTS);

function ContractsTable(props: { c: Context<PageEnv>; contracts: readonly StoredContract[]; status?: ContractStatus }) {
  const { c, status } = props;
  const k = c.var.m.contracts;
  const lang = c.var.lang;
  return (
    <Table
      caption={k.title}
      columns={[k.col.number, k.col.title, k.col.purchaser, k.col.term, k.col.value, k.col.status, k.col.flags]}
      empty={props.contracts.length ? undefined : status ? k.list.emptyFiltered : k.list.empty}
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

/** 合同: the list with status and flags, a filter row by status, paging. */
export function ContractListPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  contracts: readonly StoredContract[];
  status?: ContractStatus | undefined;
  cursor?: string | undefined;
  next?: string | undefined;
  writer: boolean;
  notice?: string | undefined;
}) {
  const { c, who, status } = props;
  const m = c.var.m;
  const k = m.contracts;
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
      <FilterRow
        label={k.list.filter}
        filters={[undefined, ...CONTRACT_STATUSES].map((s) => ({
          label: s ? k.statuses[s] : k.list.all,
          href: listHref(s),
          active: status === s,
        }))}
      />
      <div class="card-flush">
        <Card title={status ? k.statuses[status] : k.list.allTitle} id="contracts">
          <ContractsTable c={c} contracts={props.contracts} status={status} />
          <Pager
            m={m}
            label={k.title}
            first={props.cursor ? listHref(status) : undefined}
            next={
              props.next
                ? `${listHref(status)}${status ? '&' : '?'}cursor=${encodeURIComponent(props.next)}`
                : undefined
            }
          />
        </Card>
      </div>
    </Shell>
  );
}
