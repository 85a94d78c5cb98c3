import { type AccessPolicy, accessPolicyOf } from '@shegong/core';
import { ROLES_BY_KIND, type TenantKind } from '@shegong/domain';
import { apiRoutes } from '@shegong/http';
import type { Hono } from 'hono';
import { findTargetHandler } from 'hono/utils/handler';

/** One route of the app: every handler registered for one method and path, merged. */
export interface AppRoute {
  method: string;
  path: string;
  /** `api` under /v1, `page` anything else. */
  surface: 'api' | 'page';
  /** The access policies its handlers declare (exactly one, for a well-formed route). */
  policies: AccessPolicy[];
  /** Path parameter names, in order. */
  params: string[];
  /** `GET /v1/users/:userId`. */
  name: string;
}

export type ProtectedPolicy = Extract<AccessPolicy, { kinds: readonly TenantKind[] }>;

export const MUTATING_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

export function isMutating(method: string): boolean {
  return (MUTATING_METHODS as readonly string[]).includes(method);
}

const PARAM = /:([A-Za-z0-9_]+)(?:\{[^}]*\})?\??/g;

/**
 * The app's routes from Hono's own table (`app.routes`), with every /v1 route group loaded (the app
 * itself holds a group only once a request needs it: http's app.ts), grouped by method and path.
 * Middleware registered on `*` or `/*` (request id, security headers, body limit…) applies to every
 * route and declares no policy, so it is left out; everything else must carry its policy itself.
 */
export async function appRoutes(app: Pick<Hono, 'routes'>): Promise<AppRoute[]> {
  const routes = new Map<string, AppRoute>();
  // /v1 first, as when the API was mounted whole before the pages: the isolation matrix's controls
  // change shared fixtures in this order.
  for (const entry of [...(await apiRoutes()), ...app.routes]) {
    if (entry.path === '*' || entry.path === '/*') continue;
    const name = `${entry.method} ${entry.path}`;
    let route = routes.get(name);
    if (!route) {
      route = {
        method: entry.method,
        path: entry.path,
        surface: entry.path === '/v1' || entry.path.startsWith('/v1/') ? 'api' : 'page',
        policies: [],
        params: [...entry.path.matchAll(PARAM)].map((m) => m[1]!),
        name,
      };
      routes.set(name, route);
    }
    const policy = accessPolicyOf(findTargetHandler(entry.handler)) ?? accessPolicyOf(entry.handler);
    if (policy) route.policies.push(policy);
  }
  return [...routes.values()];
}

export function policyOf(route: AppRoute): AccessPolicy | undefined {
  return route.policies.length === 1 ? route.policies[0] : undefined;
}

export function protectedPolicy(route: AppRoute): ProtectedPolicy | undefined {
  const policy = policyOf(route);
  return policy && !('public' in policy) ? policy : undefined;
}

/** The path with its parameters filled in (`*` segments become `x`). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path
    .replace(PARAM, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`no fixture value for path parameter :${name}`);
      return encodeURIComponent(value);
    })
    .replace(/\*/g, 'x');
}

/** The request method to use for a route registered with `all`. */
export function requestMethod(route: AppRoute): string {
  return route.method === 'ALL' ? 'GET' : route.method;
}

/** Roles of a kind that the policy admits (all of them for `roles: 'any'`). */
export function admittedRoles(policy: ProtectedPolicy, kind: TenantKind): string[] {
  const roles: readonly string[] = ROLES_BY_KIND[kind];
  return policy.roles === 'any' ? [...roles] : roles.filter((r) => (policy.roles as readonly string[]).includes(r));
}

/** Roles of a kind the policy does not admit. */
export function refusedRoles(policy: ProtectedPolicy, kind: TenantKind): string[] {
  const admitted = admittedRoles(policy, kind);
  return ROLES_BY_KIND[kind].filter((r) => !admitted.includes(r));
}

/** `/users/:userId` → `/users/{userId}`, relative to the OpenAPI document's server `/v1`. */
export function openApiPath(path: string): string {
  return path.replace(/^\/v1(?=\/)/, '').replace(PARAM, (_, name: string) => `{${name}}`);
}

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
interface OpenApiOperation {
  requestBody?: {
    content?: Record<
      string,
      { schema?: JsonSchema; example?: unknown; examples?: Record<string, { value?: unknown }> }
    >;
  };
}
interface JsonSchema {
  $ref?: string;
  example?: unknown;
  examples?: unknown[];
}

/** What the matrix needs of the OpenAPI document: which operations exist and their body examples. */
export class OpenApiExamples {
  constructor(readonly doc: OpenApiDocument) {}

  static async of(app: Pick<Hono, 'request'>): Promise<OpenApiExamples> {
    const response = await app.request('/v1/openapi.json');
    if (response.status !== 200)
      throw new Error(`GET /v1/openapi.json answered ${response.status}: ${await response.text()}`);
    return new OpenApiExamples((await response.json()) as OpenApiDocument);
  }

  operation(route: AppRoute): OpenApiOperation | undefined {
    return this.doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
  }

  /**
   * `undefined`: no body is declared; `{ missing: true }`: a body without an example. The JSON
   * example when there is one, else the first media type's (`mediaType` says which, to send it raw).
   */
  bodyExample(route: AppRoute): { example: unknown; mediaType: string } | { missing: true } | undefined {
    const content = this.operation(route)?.requestBody?.content;
    if (!content) return undefined;
    const mediaType = content['application/json'] ? 'application/json' : (Object.keys(content)[0] ?? '');
    const media = content[mediaType];
    const schema = this.resolve(media?.schema);
    const example =
      media?.example ??
      Object.values(media?.examples ?? {})[0]?.value ??
      schema?.example ??
      (Array.isArray(schema?.examples) ? schema.examples[0] : undefined);
    return example === undefined ? { missing: true } : { example, mediaType };
  }

  private resolve(schema: JsonSchema | undefined): JsonSchema | undefined {
    const ref = schema?.$ref?.match(/^#\/components\/schemas\/(.+)$/)?.[1];
    return ref ? this.doc.components?.schemas?.[ref] : schema;
  }
}
