// The SDK's commands from the store's own copy, for the local system (table bootstrap, the local
// issuer's sign-in records) and tests, which do not depend on the SDK themselves.
export {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
export { DeleteCommand, GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
export { accessesOf, type DataAccess, watchAccesses } from './access/accesses.ts';
export { readSessionTags, type SessionTags, sessionTagsOf, TenantCredentials } from './access/credentials.ts';
export {
  CROSS_TENANT_PATHS,
  type CrossingDeclaration,
  type CrossTenantPath,
  type FamilyName,
} from './access/cross-tenant.ts';
export { CrossingCredentials } from './access/crossing-credentials.ts';
export {
  CROSSING_TAG_KEYS,
  crossingRoleStatements,
  crossingSessionPolicy,
  crossingStatements,
} from './access/crossing-policy.ts';
export {
  allFamilies,
  type Holder,
  type KeyFamily,
  keyFamilies,
  patternsOf,
  ruleSetKeyFamilies,
} from './access/families.ts';
export {
  type DataResources,
  dataAccessStatements,
  FUNCTION_OWN_READS,
  functionStatements,
  type PolicyStatementJson,
} from './access/policy.ts';
export { ContractActuals } from './actuals.ts';
export { AuditTrail } from './audit.ts';
export {
  AwardClaims,
  awardClaimItem,
  JurisdictionAwards,
  type Ledger,
  type LedgerHead,
  publicClaim,
  readLedger,
  type StoredAwardClaim,
  stageClaimMove,
  stageLedgerEntry,
} from './awards.ts';
export { backfillBaseListings, backfillBaseStageCounts, JurisdictionBases } from './bases/bases.ts';
export { documentClient, type StoreConfig } from './client.ts';
export {
  type ContractListFilter,
  Contracts,
  MAX_CONTRACT_VERSIONS,
  MAX_VERSION_BYTES,
  timeOrderedId,
  versionBytes,
} from './contracts.ts';
export { decodeCursor, encodeCursor, type Page } from './cursor.ts';
export { StoreError } from './errors.ts';
export { Evaluations, POPULATION_CHUNK } from './evaluations.ts';
export { type ChainEntry, type ChainSubject, ContractHistory } from './history.ts';
export { IdempotencyRecords, type StoredResponse } from './idempotency.ts';
export {
  CHUNK_ROWS,
  ERRORS_KEPT,
  ImportJobs,
  type ImportRepositories,
  type ImportRow,
  runImport,
} from './imports.ts';
export { ExamCosts } from './incentives/exam-costs.ts';
export { Internships, MONTH_CLAIMED } from './incentives/internships.ts';
export { organisationListing, RECOGNITION_TAKEN, Recognitions } from './incentives/recognitions.ts';
export { Incubations } from './incubation.ts';
export { IncubationSupport } from './incubation-support.ts';
export { INVITATION_LIFETIME_MS, Invitations, tokenHash } from './invitations.ts';
export { type JurisdictionContract, JurisdictionContracts } from './jurisdiction.ts';
export { keys } from './keys.ts';
export { type LadderPrecondition, Ladders } from './ladders.ts';
export { type MemberLink, MemberRecords } from './member-records.ts';
export { backfillContractStatusIndex, backfillRegister, backfillReviewRouting } from './migrations.ts';
export { type Actor, type AuditEvent, LATE_ATTEMPTS, type LateItems, Mutation, stateHash } from './mutation.ts';
export { idCardHash, PEOPLE_PER_TRANSACTION, People, type PersonConflict } from './people.ts';
export {
  backfillPersonAuditIndex,
  ERASURE_BATCH,
  PersonData,
  type PersonItems,
  type PersonRecords,
  pseudonymOf,
} from './person-data.ts';
export { type ListQuery, type PageRequest, queryPage } from './query.ts';
export { Rectifications } from './rectifications.ts';
export { JurisdictionRegister, registerCounters, registerShard } from './register.ts';
export { ReviewDesk } from './reviews.ts';
export { roundTripsDuring } from './round-trips.ts';
export { RuleSetCache, ruleSetCacheOf, TIMELINE_TTL_MS } from './rule-set-cache.ts';
export {
  MAX_RULE_SET_VERSION,
  PublishedRuleSets,
  parseRuleSetId,
  RuleSets,
  ruleSetId,
  ruleSetKeys,
} from './rule-sets.ts';
export { TenantScope, toRecord } from './scope.ts';
export type { PageSession } from './sessions.ts';
export { Store, type StoreOptions, type TenantContext, type TenantRepositories } from './store.ts';
export { createTableInput, indexInput, type TableDefinition, tableDefinition } from './table.ts';
export {
  backfillOrganisationListings,
  bureauMapOf,
  CityFacts,
  CityMap,
  cityOfCommunity,
  listOrganisation,
  type PostingRecord,
  Postings,
  type StoredMap,
  type Versioned,
} from './target-map.ts';
export {
  decodeItems,
  deleteItems,
  encodeItems,
  exportTenantItems,
  isTenantItem,
  restoreItems,
  type TableItem,
} from './tenant-items.ts';
export { OwnTenant, TenantDirectory, type TenantListFilter } from './tenants.ts';
export { Users } from './users.ts';
export { type SortValue, type Window, windowOf } from './window.ts';
