import type { keys } from '../keys.ts';
import type { ruleSetKeys } from '../rule-sets.ts';

/**
 * Who may touch each key family of the table, in one place: the data-access role's IAM statements
 * (policy.ts, and through it the CDK role) are built from this, so code and IAM cannot drift, and a
 * test fails when keys.ts gains a member that is not classified here.
 *
 * A family's patterns are `dynamodb:LeadingKeys` patterns (IAM StringLike, `*` matches any run of
 * characters, `#` included) with the data-access session's tags as policy variables: `tenant` (the
 * tenant the repository was built for), `kind` and `region` (that tenant's kind and city, read from
 * its record; see credentials.ts).
 */
export const TENANT = `\${aws:PrincipalTag/tenant}`;
export const REGION = `\${aws:PrincipalTag/region}`;

export type Holder =
  /** The tenant's own items and collections: the tenant tag names the partition. */
  | 'tenant'
  /** A platform-wide guard or lookup keyed by a value, not a tenant (see `reason`). */
  | 'global'
  /** Published by one tenant for every tenant to read (rule sets). */
  | 'published'
  /** A city's index partition, read by the bureaus of that city (the region tag). */
  | 'region'
  /** A city's item every organisation contracting in the city adds to; see `reason`. */
  | 'regionSum'
  /** The city's map: its bureaus edit it, the organisations of the city read it. */
  | 'cityMap'
  /** The platform's directory of tenants. */
  | 'directory'
  /** A sort-key prefix or part, not a partition: IAM never sees it. */
  | 'sortKey';

export interface KeyFamily {
  holder: Holder;
  /** LeadingKeys patterns (none for a sort key). */
  patterns: readonly string[];
  /** Why a family outside the tenant's partitions exists, for the policy's reader. */
  reason?: string;
  /**
   * Exactly this family's partitions, where `patterns` is broader (one pattern for all of a
   * tenant's collections): what a crossing's session policy names. `patterns` when absent.
   */
  partitions?: readonly string[];
}

const tenantPartition: KeyFamily = { holder: 'tenant', patterns: [`T#${TENANT}`] };
/**
 * One of the tenant's collections (`T#<tenant>#<suffix>`): the role opens all of them with one
 * pattern; a crossing's session policy (cross-tenant.ts) names exactly the collections it declares.
 */
const collection = (suffix: string): KeyFamily => ({
  holder: 'tenant',
  patterns: [`T#${TENANT}#*`],
  partitions: [`T#${TENANT}#${suffix}`],
});
const sortKey: KeyFamily = { holder: 'sortKey', patterns: [] };
const regionIndex: KeyFamily = { holder: 'region', patterns: [`R#${REGION}#*`] };
const guard = (prefix: string, reason: string): KeyFamily => ({ holder: 'global', patterns: [`${prefix}*`], reason });

/** Every member of keys.ts. The type makes a missing one a compile error; families.test.ts checks at run time. */
export const keyFamilies: Record<keyof typeof keys, KeyFamily> = {
  tenant: tenantPartition,
  user: tenantPartition,
  userPrefix: sortKey,
  invitation: tenantPartition,
  invitationPrefix: sortKey,
  ladder: tenantPartition,
  ladderVersion: tenantPartition,
  ladderVersionPrefix: sortKey,
  promotion: tenantPartition,
  promotionPrefix: sortKey,
  auditPartition: collection('AUDIT'),
  auditOfPerson: collection('AUDITOF#*'),
  auditOfPersonPartition: collection('AUDITOF#*'),
  idempotency: collection('IDEM'),
  emailGuard: guard(
    'EMAIL#',
    'An e-mail address belongs to one member platform-wide: the guard names its tenant and user only.',
  ),
  usccGuard: guard('USCC#', 'A credit code is unique platform-wide: the guard names the organisation only.'),
  invitationToken: guard(
    'INVITE#',
    'An invitation link is opened before its invitee has a tenant: the token hash names the tenant and invitation only.',
  ),
  session: guard(
    'SESSION#',
    'A page session is found from its cookie alone: the secret hash names the tenant and user only.',
  ),
  person: tenantPartition,
  personPrefix: sortKey,
  certificateGuard: guard(
    'CERT#',
    'Certificate numbers are unique platform-wide: the guard names holder tenant and person only.',
  ),
  idCardGuard: collection('IDCARD'),
  memberLink: collection('MEMBER'),
  personMember: collection('PERSONMEMBER'),
  submission: tenantPartition,
  submissionPrefix: sortKey,
  pendingSubmission: collection('SUBMISSION#pending'),
  pendingSubmissionPartition: collection('SUBMISSION#pending'),
  personSubmissionPrefix: sortKey,
  importJob: tenantPartition,
  importPrefix: sortKey,
  importChunk: collection('IMPORT#*'),
  contract: tenantPartition,
  contractPrefix: sortKey,
  contractVersion: tenantPartition,
  contractVersionPrefix: sortKey,
  contractNumberGuard: collection('CONTRACTNO'),
  contractScope: regionIndex,
  contractStatus: collection('CONTRACT#*'),
  contractStatusPartition: collection('CONTRACT#*'),
  actualMonth: tenantPartition,
  actualMonthPrefix: sortKey,
  actualMonthPrefixAll: sortKey,
  actualRevision: tenantPartition,
  actualRevisionPrefix: sortKey,
  regionBureau: guard('REGION#', 'Which bureau reviews a region: its id, name and region only, one per region.'),
  reviewQueue: regionIndex,
  returnedContract: collection('CONTRACT#returned'),
  returnedPartition: collection('CONTRACT#returned'),
  review: tenantPartition,
  reviewScope: regionIndex,
  chainEvent: tenantPartition,
  chainEventPrefix: sortKey,
  chainTip: tenantPartition,
  rectification: tenantPartition,
  rectificationPrefix: sortKey,
  rectificationOfOrganisation: collection('RECT'),
  rectificationOrganisationPartition: collection('RECT'),
  rectificationByState: collection('RECT#*'),
  rectificationStatePartition: collection('RECT#*'),
  registerRow: tenantPartition,
  registerScope: regionIndex,
  registerPartition: regionIndex,
  registerTotal: tenantPartition,
  registerTotalScope: regionIndex,
  registerTotalPartition: regionIndex,
  registerTotalPrefix: sortKey,
  registerSum: {
    holder: 'regionSum',
    patterns: ['R#*#REGSUM'],
    reason:
      'The totals of a city summed over every organisation: the transaction that writes an organisation’s register row adds to the sums of its purchaser’s city, which may be any city (no tag names it). Counts and sums only, no tenant’s record.',
  },
  registerSumPartition: {
    holder: 'regionSum',
    patterns: ['R#*#REGSUM'],
    reason: 'As registerSum: the partition a bureau reads (through its region statement).',
  },
  registerOrganisation: tenantPartition,
  registerOrganisationScope: regionIndex,
  registerOrganisationPartition: regionIndex,
  spotCheck: tenantPartition,
  spotCheckPrefix: sortKey,
  spotCheckPopulation: collection('SPOTCHECK#*'),
  spotCheckPopulationPartition: collection('SPOTCHECK#*'),
  evaluationTemplate: tenantPartition,
  evaluationTemplatePrefix: sortKey,
  evaluation: tenantPartition,
  evaluationPrefix: sortKey,
  evaluationContractPrefix: sortKey,
  evaluationProjection: collection('EVAL'),
  evaluationProjectionPartition: collection('EVAL'),
  finalEvaluationGuard: guard(
    'FINALEVAL#',
    'A contract has one final evaluation whichever bureau files it: the guard holds ids only.',
  ),
  baseListing: tenantPartition,
  baseScope: regionIndex,
  basePartition: regionIndex,
  application: tenantPartition,
  applicationPrefix: sortKey,
  applicationStatus: collection('INCAPP#*'),
  applicationStatusPartition: collection('INCAPP#*'),
  applicationNote: tenantPartition,
  applicationNotePrefix: sortKey,
  incubation: tenantPartition,
  incubationPrefix: sortKey,
  incubationStage: collection('INCUB#*'),
  incubationStagePartition: collection('INCUB#*'),
  supportEntry: tenantPartition,
  supportPrefix: sortKey,
  supportTotals: tenantPartition,
  incubationTemplate: tenantPartition,
  incubationMilestones: tenantPartition,
  examCost: tenantPartition,
  examCostPrefix: sortKey,
  internshipBase: tenantPartition,
  internshipBaseScope: regionIndex,
  internshipBasePartition: regionIndex,
  intern: tenantPartition,
  internPrefix: sortKey,
  internshipClaim: tenantPartition,
  internshipClaimPrefix: sortKey,
  internshipClaimQueue: collection('INTERNCLAIM'),
  internshipClaimQueuePartition: collection('INTERNCLAIM'),
  internMonthClaimed: collection('INTERNMONTH'),
  recognition: tenantPartition,
  recognitionPrefix: sortKey,
  recognitionOfOrganisation: collection('RECOG'),
  recognitionOrganisationPartition: collection('RECOG'),
  recognitionGuard: guard(
    'RECOGNITION#',
    'The same recognition pays once platform-wide, whichever bureau records it: the guard holds the key’s ids only.',
  ),
  awardClaim: tenantPartition,
  awardClaimPrefix: sortKey,
  awardClaimStatus: collection('AWCLAIM#*'),
  awardClaimStatusPartition: collection('AWCLAIM#*'),
  awardClaimOfPerson: collection('AWPERSON#*'),
  awardClaimPersonPartition: collection('AWPERSON#*'),
  awardClaimQueue: regionIndex,
  awardClaimQueuePartition: regionIndex,
  awardClaimLookup: guard(
    'AWCLAIMID#',
    'A bureau opens a claim by its id: the lookup names the employer’s tenant only.',
  ),
  awardOpenClaimGuard: guard(
    'AWOPEN#',
    'A person has one open claim whichever organisation makes it: keyed by an ID-card hash, it holds ids only.',
  ),
  awardLedgerHead: guard(
    'AWARD#',
    'A person’s award ledger follows them across organisations (P-A5): keyed by an ID-card hash, every payment is conditional on its head.',
  ),
  awardLedgerEntry: guard('AWARD#', 'As awardLedgerHead: the ledger’s entries, in its partition.'),
  awardLedgerEntryPrefix: sortKey,
  awardHistoryScope: regionIndex,
  awardHistoryPartition: regionIndex,
  mapPartition: { holder: 'cityMap', patterns: [`R#${REGION}#MAP`] },
  mapTownship: { holder: 'cityMap', patterns: [`R#${REGION}#MAP`] },
  mapCommunity: { holder: 'cityMap', patterns: [`R#${REGION}#MAP`] },
  mapStation: { holder: 'cityMap', patterns: [`R#${REGION}#MAP`] },
  mapBaseline: { holder: 'cityMap', patterns: [`R#${REGION}#MAP`] },
  mapBase: { holder: 'cityMap', patterns: [`R#${REGION}#MAP`] },
  mapNote: { holder: 'cityMap', patterns: [`R#${REGION}#MAP`] },
  posting: tenantPartition,
  postingPrefix: sortKey,
  postingScope: regionIndex,
  postingPartition: regionIndex,
  organisationListing: tenantPartition,
  organisationScope: regionIndex,
  organisationPartition: regionIndex,
  tenantDirectory: { holder: 'directory', patterns: ['P#TENANT'] },
};

/** The rule sets' own keys (rule-sets.ts), classified the same way. */
export const ruleSetKeyFamilies: Record<keyof typeof ruleSetKeys, KeyFamily> = {
  item: tenantPartition,
  itemPrefix: sortKey,
  regionPartition: {
    holder: 'published',
    patterns: ['R#*#RULESET'],
    reason: 'Published policy: any tenant costs a contract with the rule set in force in its purchaser’s region.',
  },
  regionSort: sortKey,
  guard: guard(
    'RULESET#',
    'A rule-set version is unique per region across every publisher and is fetched by its id alone: ids only.',
  ),
};

/** Every family, once each, in the order first classified. */
export function allFamilies(): KeyFamily[] {
  return [...new Set([...Object.values(keyFamilies), ...Object.values(ruleSetKeyFamilies)])];
}

/** The LeadingKeys patterns of every family one holder has, once each. */
export function patternsOf(holder: Holder): string[] {
  return [
    ...new Set(
      allFamilies()
        .filter((f) => f.holder === holder)
        .flatMap((f) => f.patterns),
    ),
  ];
}
