import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.ts';

/**
 * The API's route groups, each imported on first use (issue 14): a cold start builds no route's
 * schemas, and the first request to /v1/contracts reads and evaluates only the groups that serve a
 * path under /v1/contracts. The bundle is split at each `import()` (infra/lib/bundle.ts).
 *
 * `segments` are the first path segments under /v1 of the group's routes (test/integration/
 * route-groups.test.ts checks them against the routes themselves). A request loads every group
 * sharing its first segment, in this order, into one router: the order is the precedence the API
 * has always had, and routes with different first segments can never match the same path.
 */
export interface RouteGroup {
  readonly segments: readonly string[];
  readonly load: () => Promise<OpenAPIHono<AppEnv>>;
}

export const ROUTE_GROUPS: readonly RouteGroup[] = [
  { segments: ['me'], load: async () => (await import('./me/routes.ts')).me },
  { segments: ['tenants'], load: async () => (await import('./tenants/routes.ts')).tenants },
  { segments: ['users'], load: async () => (await import('./users/routes.ts')).users },
  { segments: ['invitations'], load: async () => (await import('./invitations/routes.ts')).invitations },
  { segments: ['incubation', 'organisation'], load: async () => (await import('./incubation/routes.ts')).incubation },
  {
    segments: ['incubation'],
    load: async () => (await import('./incubation/support-routes.ts')).incubationSupport,
  },
  {
    segments: ['bureau', 'exam-costs', 'exam-costs.xlsx', 'internships', 'me', 'people', 'recognitions'],
    load: async () => (await import('./incentives/routes.ts')).incentiveRoutes,
  },
  { segments: ['awards', 'jurisdiction'], load: async () => (await import('./awards/routes.ts')).awards },
  // Before rule sets: POST /rule-sets/impact.
  {
    segments: ['evaluation-templates', 'evaluations', 'jurisdiction', 'org', 'rule-sets', 'spot-checks'],
    load: async () => (await import('./evaluations/routes.ts')).evaluations,
  },
  { segments: ['rule-sets'], load: async () => (await import('./rule-sets/routes.ts')).ruleSets },
  // Before people and ladder: /people/export and /ladder/export are not /people/{personId} or a ladder version.
  { segments: ['imports', 'ladder', 'people'], load: async () => (await import('./imports/routes.ts')).imports },
  { segments: ['people'], load: async () => (await import('./people/routes.ts')).people },
  {
    segments: ['me', 'people', 'submissions'],
    load: async () => (await import('./people/my-record.ts')).myRecordRoutes,
  },
  { segments: ['me', 'people'], load: async () => (await import('./people/privacy.ts')).privacyRoutes },
  { segments: ['ladder', 'people'], load: async () => (await import('./ladder/routes.ts')).ladder },
  // Exports and actuals before contracts: their paths are deeper than a contract's own.
  { segments: ['jurisdiction'], load: async () => (await import('./jurisdiction/register.ts')).registerRoutes },
  { segments: ['jurisdiction'], load: async () => (await import('./bases/routes.ts')).baseRoutes },
  { segments: ['jurisdiction'], load: async () => (await import('./jurisdiction/targets.ts')).targetRoutes },
  {
    segments: ['incubation', 'organisation'],
    load: async () => (await import('./incubation/figures-routes.ts')).incubationFigures,
  },
  { segments: ['contracts'], load: async () => (await import('./contracts/exports.ts')).contractExports },
  { segments: ['contracts'], load: async () => (await import('./actuals/routes.ts')).actuals },
  { segments: ['jurisdiction', 'reviews'], load: async () => (await import('./reviews/routes.ts')).reviews },
  { segments: ['contracts', 'jurisdiction'], load: async () => (await import('./history/routes.ts')).history },
  {
    segments: ['jurisdiction', 'org', 'rectifications'],
    load: async () => (await import('./rectifications/routes.ts')).rectifications,
  },
  { segments: ['map'], load: async () => (await import('./targets/map-routes.ts')).targetMapRoutes },
  { segments: ['people'], load: async () => (await import('./targets/posting-routes.ts')).postingRoutes },
  { segments: ['contracts'], load: async () => (await import('./contracts/routes.ts')).contracts },
];

/** The first segment of a path under /v1 (`/v1/contracts/c1` → `contracts`), or undefined. */
export function firstSegment(path: string): string | undefined {
  if (!path.startsWith('/v1/')) return undefined;
  const rest = path.slice('/v1/'.length);
  const end = rest.indexOf('/');
  return end === -1 ? rest : rest.slice(0, end);
}
