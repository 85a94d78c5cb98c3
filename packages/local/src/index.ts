export { checkJava, freePort, LocalSystemError, type RunningDynamoDb, startDynamoDb } from './dynamodb-local.ts';
export { type LocalIdentity, LocalIdentityDirectory } from './issuer/directory.ts';
export {
  createLocalIssuer,
  ISSUER_PATH,
  type IssuerShape,
  keycloakShape,
  LOCAL_CLIENT_ID,
  LOCAL_SHAPE,
  type LocalIssuer,
  type LocalIssuerOptions,
} from './issuer/issuer.ts';
export { KIND_LABELS, ROLE_LABELS } from './labels.ts';
export { type DrillFigures, restoreDrill } from './ops/restore-drill.ts';
export {
  DEMO_INVITATION,
  DEMO_PASSWORD,
  DEMO_TENANTS,
  DEMO_USERS,
  type DemoTenant,
  type DemoUser,
} from './seed/demo-data.ts';
export { SEED_MARKER, type SeedResult, seedDemo } from './seed/seed.ts';
export { type LocalSystem, type LocalSystemOptions, startLocalSystem } from './system.ts';
export { ensureTable } from './table.ts';
