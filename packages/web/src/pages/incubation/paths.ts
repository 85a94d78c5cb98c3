/** The incubation base's pages (issue 12): its applications, and the organisations it admitted. */
export const APPLICATIONS = '/incubator/applications';
export const applicationPath = (applicationId: string) => `${APPLICATIONS}/${encodeURIComponent(applicationId)}`;

/** The base's register of incubated organisations (孵化机构), the menu's 孵化机构 entry. */
export const INCUBATED = '/incubator/orgs';
export const incubatedPath = (organisationId: string) => `${INCUBATED}/${encodeURIComponent(organisationId)}`;

/** The tabs of one organisation's incubation record: overview, support given, milestones and graduation. */
export const RECORD_TABS = ['overview', 'support', 'milestones'] as const;
export type RecordTab = (typeof RECORD_TABS)[number];
export function recordTabPath(organisationId: string, tab: RecordTab): string {
  return tab === 'overview' ? incubatedPath(organisationId) : `${incubatedPath(organisationId)}/${tab}`;
}

/** The public page an applying organisation opens from the link the base shares (no sign-in). */
export const applyPath = (incubatorId: string) => `/apply/${encodeURIComponent(incubatorId)}`;

/** Where an organisation a base admitted 未登记 records its credit code once registered. */
export const CREDIT_CODE_PAGE = '/org/credit-code';
/** The organisation's own view of what its base sees about it (helper A's page of issue 12). */
export const OWN_INCUBATION = '/org/incubation';
