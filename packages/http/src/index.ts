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
  type RuleSetRef,
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
  ruleSetRef,
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
