/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import {
  AWARD_CLAIMANTS,
  AWARD_READERS,
  EXAM_COST_KEEPERS,
  INTERNSHIP_BUREAU_READERS,
  INTERNSHIP_READERS,
  type MemberPolicy,
  OWN_RECOGNITION_READERS,
  permits,
  RECOGNITION_READERS,
} from '@shegong/core';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { SubNav } from '../../layout/components.tsx';
import {
  BUREAU_CLAIM_TABS,
  type BureauClaimTab,
  bureauClaimTabPath,
  ORG_AWARD_TABS,
  type OrgAwardTab,
  orgAwardTabPath,
} from './paths.ts';

/**
 * The policy guarding each tab's page: a tab is shown only to who may open it (a staff member sees
 * their claims and the organisation's recognitions, not the exam-cost report kept by hr).
 */
const ORG_TAB_POLICIES: Record<OrgAwardTab, MemberPolicy> = {
  claims: AWARD_CLAIMANTS,
  examCosts: EXAM_COST_KEEPERS,
  internships: INTERNSHIP_READERS,
  recognitions: OWN_RECOGNITION_READERS,
};
const BUREAU_TAB_POLICIES: Record<BureauClaimTab, MemberPolicy> = {
  claims: AWARD_READERS,
  internships: INTERNSHIP_BUREAU_READERS,
  recognitions: RECOGNITION_READERS,
  history: AWARD_READERS,
  totals: AWARD_READERS,
};

/** The tabs above every page of the organisation's 奖励申领. */
export function OrgAwardTabs(props: { c: Context<PageEnv>; active: OrgAwardTab }) {
  const m = props.c.var.m.awardTabs;
  const tabs = ORG_AWARD_TABS.filter((tab) => permits(ORG_TAB_POLICIES[tab], props.c.var.principal));
  return <SubNav label={m.orgLabel} tabs={tabs} labels={m.org} path={orgAwardTabPath} active={props.active} />;
}

/** The tabs above every page of the bureau's 奖励审批. */
export function BureauClaimTabs(props: { c: Context<PageEnv>; active: BureauClaimTab }) {
  const m = props.c.var.m.awardTabs;
  const tabs = BUREAU_CLAIM_TABS.filter((tab) => permits(BUREAU_TAB_POLICIES[tab], props.c.var.principal));
  return <SubNav label={m.bureauLabel} tabs={tabs} labels={m.bureau} path={bureauClaimTabPath} active={props.active} />;
}
