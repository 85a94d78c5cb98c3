/**
 * The JSON API (/v1): an adapter over the core's use cases. It maps their refusals to problem+json
 * in one place (problem/problem.ts) and knows nothing of the pages.
 */
export { ACTUAL_MONTH_EXAMPLE } from './actuals/routes.ts';
export { apiRoutes, createApp, onError, type ShegongApp } from './app.ts';
export { authorize, bearerToken } from './auth/access.ts';
export {
  AWARD_CLAIM_EXAMPLE,
  AWARD_PAYMENT_EXAMPLE,
  AWARD_REFUSAL_EXAMPLE,
  HISTORICAL_AWARD_EXAMPLE,
} from './awards/routes.ts';
export {
  AMENDMENT_EXAMPLE,
  CONTRACT_EXAMPLE,
  DRAFT_EDIT_EXAMPLE,
  SIGNED_CONTRACT_EXAMPLE,
  TRANSITION_EXAMPLE,
} from './contracts/examples.ts';
export { PRICE_FLOOR_EXAMPLE } from './contracts/price-floor.ts';
export type { AppDeps, AppEnv } from './env.ts';
export { EXAMPLE_ROSTER_CSV } from './imports/routes.ts';
export * from './incentives/examples.ts';
export {
  ADMIT_EXAMPLE,
  APPLICATION_EXAMPLE,
  APPLICATION_NOTE_EXAMPLE,
  DECLINE_EXAMPLE,
  INCUBATION_TRANSITION_EXAMPLE,
} from './incubation/routes.ts';
export { MILESTONE_DONE_EXAMPLE, SUPPORT_EXAMPLE, TEMPLATE_EXAMPLE } from './incubation/support-routes.ts';
export { LADDER_EXAMPLE, PROMOTION_EXAMPLE } from './ladder/routes.ts';
export { type Problem, ProblemError, problem } from './problem/problem.ts';
export {
  ANSWER_FINDING_EXAMPLE,
  RAISE_FINDING_EXAMPLE,
  REOPEN_FINDING_EXAMPLE,
} from './rectifications/routes.ts';
export {
  BASELINE_EXAMPLE,
  PLACES_IMPORT_EXAMPLE,
  STATION_EXAMPLE,
  TARGET_BASE_EXAMPLE,
} from './targets/map-routes.ts';
export { END_POSTING_EXAMPLE, POSTING_EXAMPLE } from './targets/posting-routes.ts';
