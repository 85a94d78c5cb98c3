/**
 * Every use case that reaches beyond its own tenant's partitions, named, with why, in one place.
 *
 * A tenant's repositories sign with the data-access role assumed for that tenant (credentials.ts),
 * whose statements (policy.ts) allow `dynamodb:LeadingKeys` of `T#<tenant>` and `T#<tenant>#*` only,
 * plus the global guards and index prefixes: no statement names another tenant's partition. The
 * accesses below need one, because the other tenant's id is in the request's data (a contract a
 * bureau's index lists, a claim, a finding), not in the session, so no tag can express them. Each
 * goes through `TenantScope.across(path)`, which signs with the function's own client (the grant it
 * keeps for pre-tenant lookups: page sessions, invitation links) for that one operation; the core
 * has checked the access (AccessPolicy, jurisdiction) before it is reached. A new crossing is a new
 * member here, so a reviewer sees every one.
 */
export const CROSS_TENANT_PATHS = {
  createTenant:
    'The platform creates a tenant (its record, listings, guards) and invites its first administrator in the new tenant’s partition, or reissues that invitation.',
  suspendTenant: 'The platform suspends or restores a tenant: its record and listings are in its partition.',
  tenantDirectory: 'The platform opens a tenant’s record by id from its directory.',
  admitOrganisation:
    'An incubation base admits an organisation: its tenant, guards and first invitation are created in the base’s own transaction (and that invitation reissued).',
  recordCreditCode:
    'An admitted organisation records its credit code; the base’s incubation record of it follows in the same transaction.',
  reviewDecision:
    'A bureau’s review decision moves the organisation’s contract head and register row, audits and appends to its history chain, with the bureau’s review record.',
  awardClaimDecision:
    'A bureau approves, refuses or pays an organisation’s award claim (in the organisation’s partition), audited in both trails.',
  internshipClaimDecision:
    'A bureau decides an organisation’s internship claim: moves it and frees a refused claim’s intern-months (DeleteItem).',
  recordRecognition: 'A bureau records a recognition, audited in the organisation’s trail too.',
  evaluationFiled:
    'A bureau files an evaluation: its event is appended to the contract’s chain in the organisation’s partition.',
  rectificationStep:
    'A finding lives in the bureau’s partition and its events on the contract’s chain in the organisation’s: raising, answering (the organisation), accepting or reopening it writes both.',
  organisationFindings:
    'An organisation opens a finding its own index partition (T#<org>#RECT) lists; the finding itself is in the bureau’s partition.',
  jurisdictionReads:
    'A bureau reads what its city’s index lists, by key or one organisation’s partition: contract heads and versions, tenant names, a listed organisation’s register totals, listing and staff registry (targets), an award claim.',
} as const;

export type CrossTenantPath = keyof typeof CROSS_TENANT_PATHS;
