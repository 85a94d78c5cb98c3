/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import {
  BUREAU_CLAIM_TABS,
  type BureauClaimTab,
  bureauClaimTabPath,
  ORG_AWARD_TABS,
  type OrgAwardTab,
  orgAwardTabPath,
} from './paths.ts';

function Tabs<T extends string>(props: {
  label: string;
  tabs: readonly T[];
  labels: Record<T, string>;
  path: (tab: T) => string;
  active: T;
}) {
  return (
    <nav class="subnav" aria-label={props.label}>
      <ul>
        {props.tabs.map((tab) => (
          <li>
            <a
              href={props.path(tab)}
              class={tab === props.active ? 'subnav-item is-active' : 'subnav-item'}
              aria-current={tab === props.active ? 'page' : undefined}
            >
              {props.labels[tab]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The tabs above every page of the organisation's 奖励申领. */
export function OrgAwardTabs(props: { c: Context<PageEnv>; active: OrgAwardTab }) {
  const m = props.c.var.m.awardTabs;
  return <Tabs label={m.orgLabel} tabs={ORG_AWARD_TABS} labels={m.org} path={orgAwardTabPath} active={props.active} />;
}

/** The tabs above every page of the bureau's 奖励审批. */
export function BureauClaimTabs(props: { c: Context<PageEnv>; active: BureauClaimTab }) {
  const m = props.c.var.m.awardTabs;
  return (
    <Tabs
      label={m.bureauLabel}
      tabs={BUREAU_CLAIM_TABS}
      labels={m.bureau}
      path={bureauClaimTabPath}
      active={props.active}
    />
  );
}
