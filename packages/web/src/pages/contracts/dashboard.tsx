/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { CONTRACT_READERS } from '@shegong/core';
import { CONTRACT_STATUSES, type ContractStatus, type StoredContract } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { Card } from '../../layout/components.tsx';
import { CONTRACTS, contractHref } from './paths.ts';
import { Flags, StatusTag } from './views.tsx';

/** The dashboard reads at most this many contracts (newest first); an organisation has tens. */
const DASHBOARD_LIMIT = 200;
const SHOWN = 5;

export interface ContractAlertsData {
  total: number;
  byStatus: Record<ContractStatus, number>;
  withErrors: StoredContract[];
}

/** Contracts counted by status, and those whose current version has errors (the dashboard's card). */
export async function contractAlerts(c: Context<PageEnv>): Promise<ContractAlertsData | undefined> {
  const { kind, roles } = c.var.principal;
  if (kind !== 'org' || !roles.some((r) => (CONTRACT_READERS.roles as readonly string[]).includes(r))) return undefined;
  const all: StoredContract[] = [];
  let cursor: string | undefined;
  do {
    const page = await c.var.repos.contracts.list({ limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor && all.length < DASHBOARD_LIMIT);
  const byStatus = Object.fromEntries(
    CONTRACT_STATUSES.map((s) => [s, all.filter((x) => x.status === s).length]),
  ) as Record<ContractStatus, number>;
  return { total: all.length, byStatus, withErrors: all.filter((x) => x.findingCounts.errors > 0) };
}

export function ContractAlerts(props: { c: Context<PageEnv>; data: ContractAlertsData }) {
  const k = props.c.var.m.contracts;
  const rules = props.c.var.m.policyRules;
  const { data } = props;
  return (
    <Card title={k.dashboard.title} id="contract-alerts">
      <ul class="staff-counts" aria-label={k.dashboard.byStatus}>
        {CONTRACT_STATUSES.map((s) => (
          <li>
            <a class="staff-count" href={`${CONTRACTS}?status=${s}`}>
              {k.statuses[s]} {data.byStatus[s]}
            </a>
          </li>
        ))}
      </ul>
      {data.withErrors.length ? (
        <>
          <h3 class="contract-subtitle">{k.dashboard.withErrors}</h3>
          <ul class="dashboard-contracts">
            {data.withErrors.slice(0, SHOWN).map((x) => (
              <li>
                <a href={contractHref(x.id)}>{x.title}</a> <StatusTag k={k} status={x.status} />{' '}
                <Flags k={k} rules={rules} contract={x} />
              </li>
            ))}
          </ul>
          {data.withErrors.length > SHOWN ? (
            <p class="muted">{k.dashboard.more(data.withErrors.length - SHOWN)}</p>
          ) : null}
        </>
      ) : (
        <p class="muted">{k.dashboard.none}</p>
      )}
      <div class="actions">
        <a class="btn" href={CONTRACTS}>
          {k.dashboard.open(data.total)}
        </a>
      </div>
    </Card>
  );
}
