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
  acceptInvitation,
  checkRoles,
  guardSelf,
  mailInvitation,
  prepareInvitation,
  previewInvitation,
} from './invitations/operations.ts';
export { logger } from './logger.ts';
export { fieldErrors, ProblemError, problem } from './problem/problem.ts';
export { prepareTenant } from './tenants/routes.ts';
export { etag, expectedVersion } from './versioning.ts';
