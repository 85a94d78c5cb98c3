/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { CONTRACT_READERS, type ContractOverview, contractOverview, permits } from '@shegong/core';
import { CONTRACT_STATUSES, formatMoney, type StoredContract } from '@shegong/domain';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { Card } from '../../layout/components.tsx';
import { FindingBadge } from '../../layout/rule-badge.tsx';
import { GuidelineTag } from './guideline.tsx';
import { CONTRACTS, contractHref } from './paths.ts';
import { Flags, StatusTag } from './views.tsx';

const SHOWN = 5;

/**
 * The organisation's (or a base's own, P-I1) contracts as the dashboard counts them, for members
 * who read contracts.
 */
export async function contractAlerts(c: Context<PageEnv>): Promise<ContractOverview | undefined> {
  if (!permits(CONTRACT_READERS, c.var.principal)) return undefined;
  return contractOverview(c.var.ctx);
}

/** A few contracts, each a link with its status and a mark; "n more" past SHOWN. */
function ContractLinks(props: {
  c: Context<PageEnv>;
  title: string;
  contracts: readonly StoredContract[];
  mark: (contract: StoredContract) => Child;
}) {
  const k = props.c.var.m.contracts;
  if (!props.contracts.length) return null;
  return (
    <>
      <h3 class="contract-subtitle">{props.title}</h3>
      <ul class="dashboard-contracts">
        {props.contracts.slice(0, SHOWN).map((x) => (
          <li>
            <a href={contractHref(x.id)}>{x.title}</a> <StatusTag k={k} status={x.status} /> {props.mark(x)}
          </li>
        ))}
      </ul>
      {props.contracts.length > SHOWN ? <p class="muted">{k.dashboard.more(props.contracts.length - SHOWN)}</p> : null}
    </>
  );
}

/**
 * What a rule set published since the contract was agreed would change, in a line: the findings it
 * would add (rule badges) and the price floor against the value (P-W2), where the floor rises above it.
 */
function EffectSummary(props: { c: Context<PageEnv>; contract: StoredContract }) {
  const effect = props.contract.newerGuideline?.effect;
  if (!effect) return null;
  const m = props.c.var.m;
  const after = effect.priceFloor.after;
  return (
    <span class="effect-summary">
      {effect.added.map((f) => (
        <FindingBadge rules={m.policyRules} finding={f} />
      ))}
      {after !== undefined && after > props.contract.value ? (
        <span class="hint">
          {m.evaluations.affectedFloor(formatMoney(after), formatMoney(after - props.contract.value))}
        </span>
      ) : null}
    </span>
  );
}

export function ContractAlerts(props: { c: Context<PageEnv>; data: ContractOverview }) {
  const { c, data } = props;
  const k = c.var.m.contracts;
  const rules = c.var.m.policyRules;
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
      <ContractLinks
        c={c}
        title={c.var.m.reviews.awaitingReturned(data.returned.length)}
        contracts={data.returned}
        mark={(x) => (x.review ? <span class="muted">{x.review.bureau.name}</span> : null)}
      />
      <ContractLinks
        c={c}
        title={c.var.m.reviews.awaitingApproved(data.approved.length)}
        contracts={data.approved}
        mark={(x) => (x.review ? <span class="muted">{x.review.bureau.name}</span> : null)}
      />
      <ContractLinks
        c={c}
        title={k.dashboard.withErrors}
        contracts={data.withErrors}
        mark={(x) => <Flags k={k} rules={rules} contract={x} />}
      />
      <ContractLinks
        c={c}
        title={k.guideline.dashboard(data.withNewerGuideline.length)}
        contracts={data.withNewerGuideline}
        mark={(x) => (
          <>
            <GuidelineTag c={c} contract={x} /> <EffectSummary c={c} contract={x} />
          </>
        )}
      />
      {data.withErrors.length ||
      data.withNewerGuideline.length ||
      data.returned.length ||
      data.approved.length ? null : (
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
