/** The rule set a costing or check used (one shape everywhere: the store's). */
export type { RuleSetRef } from '@shegong/store';
export {
  ACTUALS_READERS,
  ACTUALS_WRITERS,
  actualMonthView,
  type BudgetVsActualView,
  budgetVsActualView,
  findActualMonth,
  recordActualMonth,
} from './actuals/operations.ts';
export { ACTUAL_MONTH_EXAMPLE } from './actuals/routes.ts';
export { createApp, onError, type ShegongApp } from './app.ts';
export {
  ACCESS_POLICY,
  type AccessPolicy,
  accessPolicyOf,
  authenticate,
  authorize,
  bearerToken,
  type TokenSource,
} from './auth/access.ts';
export { TENANCY_CLAIMS } from './auth/claims.ts';
export { createTokenVerifier, InvalidToken, type TokenVerifier, type TokenVerifierConfig } from './auth/verifier.ts';
export {
  AMENDMENT_EXAMPLE,
  CONTRACT_EXAMPLE,
  DRAFT_EDIT_EXAMPLE,
  SIGNED_CONTRACT_EXAMPLE,
  TRANSITION_EXAMPLE,
} from './contracts/examples.ts';
export {
  budgetVsActualExport,
  CONTRACT_EXPORTERS,
  costingExport,
  xlsxAttachment,
} from './contracts/exports.ts';
export {
  amendContract,
  CONTRACT_READERS,
  CONTRACT_WRITERS,
  type ContractPreview,
  ContractRefused,
  type ContractWithVersion,
  changeContractStatus,
  contractView,
  costDraft,
  createContract,
  editContract,
  prepareContract,
  previewContract,
} from './contracts/operations.ts';
export {
  calculatePriceFloor,
  conditionsAt,
  explainPriceFloor,
  type FloorCondition,
  type FloorConditions,
  namedPeople,
  PRICE_FLOOR_EXAMPLE,
  PRICE_FLOOR_USERS,
  type PriceFloorCalculation,
  PriceFloorInput,
} from './contracts/price-floor.ts';
export type { AppDeps, AppEnv } from './env.ts';
export { commitOnce, createOnce, replayHeaders } from './idempotency.ts';
export type { IdentityDirectory, Mailer, NewIdentity } from './identity/directory.ts';
export {
  type ImportRunner,
  InProcessImportRunner,
  importRunner,
  MAX_IMPORT_BYTES,
  type RosterUpload,
  rosterKind,
  startImport,
  TableStreamImportRunner,
} from './imports/operations.ts';
export { EXAMPLE_ROSTER_CSV, IMPORTERS, ladderExport, STAFF_EXPORTERS, staffExport } from './imports/routes.ts';
export {
  acceptInvitation,
  checkRoles,
  guardSelf,
  mailInvitation,
  prepareInvitation,
  previewInvitation,
} from './invitations/operations.ts';
export {
  checkLadder,
  errorsOf,
  type LadderCheck,
  LadderRefused,
  ladderStandings,
  NewPromotion,
  type PersonStanding,
  type PromotionRefusal,
  PromotionRefused,
  preparePromotion,
  saveLadder,
} from './ladder/operations.ts';
export type { MissingRequirement, Standing } from './ladder/policy.ts';
export { LADDER_EXAMPLE, PROMOTION_EXAMPLE } from './ladder/routes.ts';
export { logger } from './logger.ts';
export {
  CheckedPersonInput,
  flagsOf,
  masked,
  type RegistryRules,
  registryRules,
  STAFF_FLAGS,
  type StaffFlag,
  seesPersonalData,
  summarise,
  todayOf,
} from './people/registry.ts';
export { fieldErrors, ProblemError, problem } from './problem/problem.ts';
export {
  type InForce,
  inconsistencies,
  inForce,
  PUBLISHERS as RULE_SET_PUBLISHERS,
  preparePublication,
  READERS as RULE_SET_READERS,
  type RuleSetSource,
  ruleSetView,
  sourceOf,
  todayFor,
} from './rule-sets/operations.ts';
export { prepareTenant } from './tenants/routes.ts';
export { etag, expectedVersion } from './versioning.ts';
