/**
 * The incentives' pages (issue 13, POLICY.md P-A1 … P-A9). Two menu entries, each a page with tabs:
 * the organisation's 奖励申领 (/org/awards) and the bureau's 奖励审批 (/bureau/claims).
 */

/**
 * The organisation's side: level-improvement claims (P-A2 … P-A6), exam costs (P-A1), internships
 * (P-A9), and the recognitions a bureau recorded for it (P-A8, read only).
 */
export const ORG_AWARDS = '/org/awards';
export const ORG_AWARD_TABS = ['claims', 'examCosts', 'internships', 'recognitions'] as const;
export type OrgAwardTab = (typeof ORG_AWARD_TABS)[number];
const ORG_TAB_PATHS: Record<OrgAwardTab, string> = {
  claims: ORG_AWARDS,
  examCosts: `${ORG_AWARDS}/exam-costs`,
  internships: `${ORG_AWARDS}/internships`,
  recognitions: `${ORG_AWARDS}/recognitions`,
};
export const orgAwardTabPath = (tab: OrgAwardTab) => ORG_TAB_PATHS[tab];
export const awardClaimPath = (claimId: string) => `${ORG_AWARDS}/claims/${encodeURIComponent(claimId)}`;

/** The bureau's side: claims to decide and pay, the ledger's history, recognitions, totals (P-A7). */
export const BUREAU_CLAIMS = '/bureau/claims';
export const BUREAU_CLAIM_TABS = ['claims', 'internships', 'recognitions', 'history', 'totals'] as const;
export type BureauClaimTab = (typeof BUREAU_CLAIM_TABS)[number];
const BUREAU_TAB_PATHS: Record<BureauClaimTab, string> = {
  claims: BUREAU_CLAIMS,
  internships: `${BUREAU_CLAIMS}/internships`,
  recognitions: `${BUREAU_CLAIMS}/recognitions`,
  history: `${BUREAU_CLAIMS}/history`,
  totals: `${BUREAU_CLAIMS}/totals`,
};
export const bureauClaimTabPath = (tab: BureauClaimTab) => BUREAU_TAB_PATHS[tab];
export const bureauClaimPath = (claimId: string) => `${BUREAU_CLAIMS}/awards/${encodeURIComponent(claimId)}`;
