import type { keys } from '../keys.ts';

/**
 * Every use case that reaches beyond its own tenant's partitions, named, with why and what it
 * touches, in one place.
 *
 * A tenant's repositories sign with the data-access role assumed for that tenant (credentials.ts),
 * whose statements (policy.ts) allow `dynamodb:LeadingKeys` of `T#<tenant>` and `T#<tenant>#*` only,
 * plus the global guards and index prefixes: no statement names another tenant's partition. The
 * accesses below need one, because the other tenant's id is in the request's data (a contract a
 * bureau's index lists, a claim, a finding), not in the session, so no tag of the caller's session
 * can express them. Each goes through `TenantScope.across(path, target)` or `Store.across(path,
 * caller, target)`, once the core has checked the access (AccessPolicy, jurisdiction, the base's
 * record of the organisation). In AWS that signs with the crossing role (crossing-credentials.ts)
 * assumed for the caller and the target with a session policy generated from the declaration here
 * (crossingStatements in crossing-policy.ts): the two tenants' partitions of the families the path
 * declares, read or written as declared, and nothing else. A new crossing is a new member here, so
 * a reviewer sees every one.
 *
 * IAM sees partitions, not sort keys: the families of a tenant's main partition (`T#<tenant>`: its
 * record, contracts, people, invitations…) are one pattern, so declaring one of them opens that
 * partition; a tenant's collections (`T#<tenant>#AUDIT`, `#IDCARD`, `#MEMBER`…) and every other
 * tenant are closed unless declared.
 */
export type FamilyName = keyof typeof keys;

export interface Touches {
  /** GetItem, BatchGetItem and Query. */
  read?: readonly FamilyName[];
  /** Reads and writes (Put, Update, Delete, ConditionCheck). */
  write?: readonly FamilyName[];
}

export interface CrossingDeclaration {
  reason: string;
  /** The acting tenant's own families the crossing's requests touch (a transaction's own half). */
  caller?: Touches;
  /** The other tenant's. */
  target: Touches;
  /** Global guards and a city's sums (families keyed by a value, not by a tenant). */
  shared?: Touches;
}

/** The platform's or a base's new tenant and its first administrator's invitation. */
const newTenant: Touches = { write: ['tenant', 'invitation', 'organisationListing', 'baseListing'] };
const ownAudit: Touches = { write: ['auditPartition', 'idempotency'] };
/** A contract's history chain (history.ts): its tip read and moved, an event appended. */
const chain = ['chainEvent', 'chainTip'] as const;

export const CROSS_TENANT_PATHS = {
  createTenant: {
    reason:
      'The platform creates a tenant (its record, listings, guards) and invites its first administrator in the new tenant’s partition, or reissues that invitation.',
    caller: ownAudit,
    target: newTenant,
    shared: { write: ['usccGuard', 'regionBureau', 'invitationToken'] },
  },
  suspendTenant: {
    reason: 'The platform suspends or restores a tenant: its record and listings are in its partition.',
    caller: ownAudit,
    target: { write: ['tenant', 'organisationListing', 'baseListing'] },
  },
  tenantDirectory: {
    reason: 'The platform opens a tenant’s record by id from its directory.',
    target: { read: ['tenant'] },
  },
  tenantMembers: {
    reason:
      'The platform lists a tenant’s members and invitations, as its own admins see them, to reissue a lost invitation.',
    target: { read: ['user', 'invitation'] },
  },
  admitOrganisation: {
    reason:
      'An incubation base admits an organisation: its tenant, guards and first invitation are created in the base’s own transaction (and that invitation listed or reissued).',
    caller: { write: ['application', 'incubation', 'auditPartition', 'idempotency'] },
    target: newTenant,
    shared: { write: ['usccGuard', 'invitationToken'] },
  },
  recordCreditCode: {
    reason:
      'An admitted organisation records its credit code; the base’s incubation record of it follows in the same transaction.',
    caller: { write: ['tenant', 'organisationListing', 'auditPartition'] },
    target: { write: ['incubation', 'auditPartition'] },
    shared: { write: ['usccGuard'] },
  },
  ownIncubation: {
    reason:
      'An organisation a base admitted reads the base’s record of its incubation and the base’s name (its dashboard and incubation page).',
    target: { read: ['incubation', 'tenant'] },
  },
  incubationFigures: {
    reason:
      'A base reads the figures of an organisation it follows (members, staff registry, contract heads and versions), as counts only.',
    target: { read: ['user', 'person', 'contract', 'contractVersion'] },
  },
  reviewDecision: {
    reason:
      'A bureau’s review decision moves the organisation’s contract head and register row, audits and appends to its history chain, with the bureau’s review record.',
    caller: { write: ['review', 'auditPartition'] },
    target: { write: ['contract', 'registerRow', 'registerTotal', 'registerOrganisation', ...chain, 'auditPartition'] },
    shared: { write: ['registerSum'] },
  },
  awardClaimDecision: {
    reason:
      'A bureau approves, refuses or pays an organisation’s award claim (in the organisation’s partition), audited in both trails.',
    caller: { write: ['auditPartition'] },
    target: { write: ['awardClaim', 'auditPartition', 'auditOfPerson'] },
    shared: { write: ['awardOpenClaimGuard', 'awardLedgerHead', 'awardLedgerEntry'] },
  },
  internshipClaimDecision: {
    reason:
      'A bureau decides an organisation’s internship claim: moves it and frees a refused claim’s intern-months (DeleteItem).',
    caller: { write: ['auditPartition'] },
    target: { write: ['internshipClaim', 'internMonthClaimed', 'auditPartition'] },
  },
  recordRecognition: {
    reason: 'A bureau records a recognition, audited in the organisation’s trail too.',
    caller: { write: ['recognition', 'auditPartition', 'idempotency'] },
    target: { read: ['tenant'], write: ['auditPartition'] },
    shared: { write: ['recognitionGuard'] },
  },
  evaluationFiled: {
    reason:
      'A bureau files an evaluation: its event is appended to the contract’s chain in the organisation’s partition.',
    caller: { write: ['evaluation', 'auditPartition', 'idempotency'] },
    target: { write: [...chain] },
    shared: { write: ['finalEvaluationGuard'] },
  },
  rectificationStep: {
    reason:
      'A finding lives in the bureau’s partition and its events on the contract’s chain in the organisation’s: raising, answering (the organisation), accepting or reopening it writes both.',
    caller: { write: ['rectification', ...chain, 'auditPartition', 'idempotency'] },
    target: { write: ['rectification', ...chain, 'auditPartition'] },
  },
  organisationFindings: {
    reason:
      'An organisation opens a finding its own index partition (T#<org>#RECT) lists; the finding itself is in the bureau’s partition.',
    target: { read: ['rectification'] },
  },
  jurisdictionReads: {
    reason:
      'A bureau reads what its city’s index lists, by key or one organisation’s partition: contract heads, versions, months and history, tenant names, a listed organisation’s register totals, listing and staff registry (targets), an award claim.',
    target: {
      read: [
        'tenant',
        'contract',
        'contractVersion',
        'actualMonth',
        ...chain,
        'registerTotal',
        'organisationListing',
        'person',
        'awardClaim',
        'rectificationOfOrganisation',
      ],
    },
  },
} as const satisfies Record<string, CrossingDeclaration>;

export type CrossTenantPath = keyof typeof CROSS_TENANT_PATHS;
