import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.ts';

/**
 * The API's route groups, each imported on first use (issue 14): a cold start builds no route's
 * schemas, and the first request to /v1/contracts reads and evaluates only the groups holding a
 * route that may match it. The bundle is split at each `import()` (infra/lib/bundle.ts).
 *
 * `prefixes` are the first two segments under /v1 of the group's routes, a parameter written `*`
 * (`/contracts/{contractId}/actuals` → `contracts/*`; `/me` → `me`); groups.test.ts checks them
 * against the routes themselves. A request loads every group with a prefix its path may match
 * (`prefixesOf`), in this order, into one router: the order is the precedence the API has always
 * had, and a group left out holds no route that could match the path. Two segments rather than
 * one: GET /v1/me reads the group of /me alone, not the four whose routes start with /me/.
 */
export interface RouteGroup {
  readonly prefixes: readonly string[];
  readonly load: () => Promise<OpenAPIHono<AppEnv>>;
}

export const ROUTE_GROUPS: readonly RouteGroup[] = [
  { prefixes: ['me'], load: async () => (await import('./me/routes.ts')).me },
  { prefixes: ['tenants', 'tenants/*'], load: async () => (await import('./tenants/routes.ts')).tenants },
  { prefixes: ['users', 'users/*'], load: async () => (await import('./users/routes.ts')).users },
  {
    prefixes: ['invitations', 'invitations/*'],
    load: async () => (await import('./invitations/routes.ts')).invitations,
  },
  {
    prefixes: [
      'incubation/applications',
      'incubation/bases',
      'incubation/incubations',
      'organisation',
      'organisation/credit-code',
    ],
    load: async () => (await import('./incubation/routes.ts')).incubation,
  },
  {
    prefixes: ['incubation/incubations', 'incubation/template'],
    load: async () => (await import('./incubation/support-routes.ts')).incubationSupport,
  },
  {
    prefixes: [
      'bureau/internship-bases',
      'bureau/internship-claims',
      'bureau/recognitions',
      'exam-costs',
      'exam-costs.xlsx',
      'internships/base',
      'internships/claims',
      'internships/interns',
      'me/exam-costs',
      'people/*',
      'recognitions',
    ],
    load: async () => (await import('./incentives/routes.ts')).incentiveRoutes,
  },
  {
    prefixes: ['awards/claims', 'jurisdiction/award-claims', 'jurisdiction/award-history', 'jurisdiction/award-totals'],
    load: async () => (await import('./awards/routes.ts')).awards,
  },
  // Before rule sets: POST /rule-sets/impact.
  {
    prefixes: [
      'evaluation-templates',
      'evaluation-templates/*',
      'evaluations',
      'evaluations/overdue-finals',
      'jurisdiction/contracts',
      'org/evaluations',
      'rule-sets/impact',
      'spot-checks',
      'spot-checks/*',
    ],
    load: async () => (await import('./evaluations/routes.ts')).evaluations,
  },
  {
    prefixes: ['rule-sets', 'rule-sets/*', 'rule-sets/in-force'],
    load: async () => (await import('./rule-sets/routes.ts')).ruleSets,
  },
  // Before people and ladder: /people/export and /ladder/export are not /people/{personId} or a ladder version.
  {
    prefixes: ['imports', 'imports/*', 'imports/template', 'ladder/export', 'people/export'],
    load: async () => (await import('./imports/routes.ts')).imports,
  },
  { prefixes: ['people', 'people/*'], load: async () => (await import('./people/routes.ts')).people },
  {
    prefixes: ['me/record', 'people/*', 'submissions'],
    load: async () => (await import('./people/my-record.ts')).myRecordRoutes,
  },
  {
    prefixes: ['me/data-export', 'me/data-export.xlsx', 'people/*'],
    load: async () => (await import('./people/privacy.ts')).privacyRoutes,
  },
  {
    prefixes: ['ladder', 'ladder/standings', 'ladder/versions', 'people/*'],
    load: async () => (await import('./ladder/routes.ts')).ladder,
  },
  // Exports and actuals before contracts: their paths are deeper than a contract's own.
  {
    prefixes: ['jurisdiction/contracts'],
    load: async () => (await import('./jurisdiction/register.ts')).registerRoutes,
  },
  { prefixes: ['jurisdiction/bases'], load: async () => (await import('./bases/routes.ts')).baseRoutes },
  {
    prefixes: ['jurisdiction/targets', 'jurisdiction/targets.xlsx'],
    load: async () => (await import('./jurisdiction/targets.ts')).targetRoutes,
  },
  {
    prefixes: ['incubation/incubations', 'incubation/register', 'incubation/register.xlsx', 'organisation/incubation'],
    load: async () => (await import('./incubation/figures-routes.ts')).incubationFigures,
  },
  {
    prefixes: ['contracts/*', 'contracts/price-floor'],
    load: async () => (await import('./contracts/exports.ts')).contractExports,
  },
  { prefixes: ['contracts/*'], load: async () => (await import('./actuals/routes.ts')).actuals },
  {
    prefixes: ['jurisdiction/contracts', 'reviews', 'reviews/*'],
    load: async () => (await import('./reviews/routes.ts')).reviews,
  },
  {
    prefixes: ['contracts/*', 'jurisdiction/contracts'],
    load: async () => (await import('./history/routes.ts')).history,
  },
  {
    prefixes: ['jurisdiction/contracts', 'org/rectifications', 'rectifications', 'rectifications/*'],
    load: async () => (await import('./rectifications/routes.ts')).rectifications,
  },
  {
    prefixes: [
      'map',
      'map/baseline',
      'map/bases',
      'map/communities',
      'map/places',
      'map/stations',
      'map/template.xlsx',
      'map/townships',
    ],
    load: async () => (await import('./targets/map-routes.ts')).targetMapRoutes,
  },
  { prefixes: ['people/*'], load: async () => (await import('./targets/posting-routes.ts')).postingRoutes },
  {
    prefixes: ['contracts', 'contracts/*', 'contracts/preview'],
    load: async () => (await import('./contracts/routes.ts')).contracts,
  },
];

/**
 * The prefixes a path under /v1 may match (`/v1/contracts/c1/actuals` → `contracts/c1` and
 * `contracts/*`; `/v1/me` → `me`), or undefined for a path outside /v1.
 */
export function prefixesOf(path: string): string[] | undefined {
  if (!path.startsWith('/v1/')) return undefined;
  const [first = '', second] = path.slice('/v1/'.length).split('/', 2);
  return second === undefined ? [first] : [`${first}/${second}`, `${first}/*`];
}

/** The prefix of a route's path under /v1 (Hono's form: `/contracts/:contractId/actuals` → `contracts/*`). */
export function prefixOfRoute(routePath: string): string {
  const [first = '', second] = routePath.replace(/^\//, '').split('/', 2);
  // A route matching any first segment would have to be loaded for every path: none may.
  if (first.startsWith(':') || first.includes('*'))
    throw new Error(`${routePath}: a route group needs a fixed first segment`);
  if (second === undefined) return first;
  return `${first}/${second.startsWith(':') || second.includes('*') ? '*' : second}`;
}

/** The groups that may serve a path, in their order of precedence. */
export function groupsFor(path: string): RouteGroup[] {
  const prefixes = prefixesOf(path);
  if (!prefixes) return [];
  return ROUTE_GROUPS.filter((group) => group.prefixes.some((prefix) => prefixes.includes(prefix)));
}
