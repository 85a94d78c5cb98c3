/**
 * The use cases, one folder per capability: plain functions over a UseCaseContext that return
 * results or throw typed refusals. The API (packages/http) and the pages (packages/web) are two
 * adapters over these; neither holds a use case of its own.
 */
export * from './access.ts';
export * from './actuals/actuals.ts';
export * from './bases/bases.ts';
export * from './context.ts';
export * from './contracts/contracts.ts';
export * from './contracts/costing-context.ts';
export * from './contracts/exports.ts';
export * from './contracts/overview.ts';
export * from './contracts/policies.ts';
export * from './contracts/price-floor.ts';
export * from './evaluations/evaluations.ts';
export * from './files.ts';
export * from './history/history.ts';
export * from './imports/imports.ts';
export * from './imports/runner.ts';
export * from './incubation/figures.ts';
export * from './incubation/graduation.ts';
export * from './incubation/incubation.ts';
export * from './incubation/intake.ts';
export * from './incubation/register.ts';
export * from './incubation/support.ts';
export * from './incubation/template.ts';
export * from './input.ts';
export * from './jurisdiction/jurisdiction.ts';
export * from './jurisdiction/register.ts';
export * from './ladder/export.ts';
export * from './ladder/ladder.ts';
export * from './logger.ts';
export * from './onboarding/getting-started.ts';
export * from './once.ts';
export * from './people/export.ts';
export * from './people/my-record.ts';
export * from './people/registry.ts';
export * from './people/staff-list.ts';
export * from './rectification/rectification.ts';
export * from './refusals.ts';
export * from './reviews/reviews.ts';
export * from './rule-sets/impact.ts';
export * from './rule-sets/rule-sets.ts';
export * from './targets/dashboard.ts';
export * from './targets/inputs.ts';
export * from './targets/map.ts';
export * from './targets/overview.ts';
export * from './targets/postings.ts';
export * from './tenancy/claims.ts';
export * from './tenancy/identity.ts';
export * from './tenancy/invitations.ts';
export * from './tenancy/members.ts';
export * from './tenancy/roles.ts';
export * from './tenancy/session.ts';
export * from './tenancy/suspension.ts';
export * from './tenancy/tenants.ts';
export * from './tenancy/token.ts';
