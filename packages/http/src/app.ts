import { OpenAPIHono } from '@hono/zod-openapi';
import { asRefusal, logger, MAX_IMPORT_BYTES } from '@shegong/core';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { authorize } from './auth/access.ts';
import { compression } from './compression.ts';
import { docsPage } from './docs.ts';
import type { AppDeps, AppEnv } from './env.ts';
import { groupsFor, prefixesOf, ROUTE_GROUPS, type RouteGroup } from './groups.ts';
import { accessLog, requestIdentity } from './observe.ts';
import { fieldErrors, ProblemError, problem, refusalProblem } from './problem/problem.ts';
import { throttle } from './throttle/throttle.ts';

/** Where a roster file is uploaded. */
const UPLOAD_PATH = '/v1/imports';

/** The API under /v1 made of the given route groups, in their order (groups.ts). */
function v1Of(groups: readonly OpenAPIHono<AppEnv>[]) {
  const v1 = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem });
  for (const group of groups) v1.route('/', group);
  return v1;
}

/** The API description's page: public, it holds no data. */
function withDocs(v1: OpenAPIHono<AppEnv>) {
  v1.get('/docs', authorize({ public: true, reason: 'the API description holds no tenant data' }), (c) =>
    c.html(docsPage()),
  );
  return v1;
}

/** The whole API under /v1, every group loaded, with its OpenAPI document (/v1/openapi.json) and page. */
async function wholeApi() {
  const v1 = v1Of(await Promise.all(ROUTE_GROUPS.map((group) => group.load())));
  v1.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Shegong 社工 API',
      version: '1.0.0',
      description:
        'Multi-tenant API for social-work organisations, incubation bases and civil-affairs bureaus. Money is integer fen; rates are basis points; errors are RFC 9457 problems. ' +
        'A creating request with an `Idempotency-Key` is done once: a retry, even one sent while the first is still in flight, gets the first 201 (`Idempotent-Replayed: true`), or a 409 with `Retry-After` when the first is still being processed. ' +
        'Names, titles and notes refuse control characters and text-direction marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): 400 naming the field; notes keep their line breaks.',
    },
    servers: [{ url: '/v1' }],
    security: [{ bearer: [] }],
  });
  v1.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  // The OpenAPI document and its page are public by design: they describe, they hold no data.
  v1.get('/openapi.json', authorize({ public: true, reason: 'the API description holds no tenant data' }));
  return withDocs(v1);
}

/**
 * Every route of the API as Hono lists them (`app.routes`), every group loaded: what the isolation
 * matrix and the conventions tests walk, since the app itself holds each group only once requested.
 */
export async function apiRoutes() {
  return new OpenAPIHono<AppEnv>().route('/v1', await wholeApi()).routes;
}

/** The outer request's context, for the part that serves it (see `lazyApi`). */
const OUTER = new WeakMap<Request, Context<AppEnv>>();

/**
 * /v1 served by parts built on first use: one per set of route groups a path may match (groups.ts),
 * so /v1/contracts/c1 and /v1/contracts/c2 share theirs. A part is an app of its own, answering the
 * very request the outer app received: it starts from the outer context's variables (request id,
 * deps) and hands back what it set (principal, tenant…) and its route pattern, which the access log
 * reports.
 */
function lazyApi(): MiddlewareHandler<AppEnv> {
  const parts = new Map<string, Promise<OpenAPIHono<AppEnv> | undefined>>();
  const partOf = (path: string) => {
    const first = prefixesOf(path)?.[0] ?? '';
    const special = Object.hasOwn(SPECIAL_PARTS, first) ? SPECIAL_PARTS[first] : undefined;
    const groups = special ? [] : groupsFor(path);
    const key = special ? first : groups.map((group) => ROUTE_GROUPS.indexOf(group)).join(',');
    let part = parts.get(key);
    if (!part) {
      // A failed import is tried again by the next request rather than remembered.
      part = (special ? special() : partOfGroups(groups)).catch((error: unknown) => {
        parts.delete(key);
        throw error;
      });
      parts.set(key, part);
    }
    return part;
  };
  return async (c, next) => {
    const part = c.req.path.startsWith('/v1/') ? await partOf(c.req.path) : undefined;
    if (!part) return next();
    OUTER.set(c.req.raw, c);
    const res = await part.fetch(c.req.raw, c.env);
    // newResponse, not the part's answer as it is: it keeps the headers set before (X-Request-Id).
    return c.newResponse(res.body, res);
  };
}

/** The paths under /v1 that no route group serves. */
const SPECIAL_PARTS: Record<string, () => Promise<OpenAPIHono<AppEnv>>> = {
  // The document describes every route, so it loads every group; its page needs none.
  'openapi.json': async () => mountPart(await wholeApi()),
  docs: async () => mountPart(withDocs(new OpenAPIHono<AppEnv>())),
};

async function partOfGroups(groups: RouteGroup[]) {
  if (groups.length === 0) return undefined;
  return mountPart(v1Of(await Promise.all(groups.map((group) => group.load()))));
}

function mountPart(v1: OpenAPIHono<AppEnv>) {
  const part = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem });
  part.use(async (c, next) => {
    const outer = OUTER.get(c.req.raw);
    const vars = (from: Context<AppEnv>, to: Context<AppEnv>) => {
      for (const [key, value] of Object.entries(from.var)) to.set(key as keyof AppEnv['Variables'], value as never);
    };
    if (outer) vars(outer, c);
    await next();
    if (outer) {
      vars(c, outer);
      outer.set('route', c.req.routePath);
    }
  });
  part.route('/v1', v1);
  part.notFound((c) => problem(c, 404, 'There is nothing at this address'));
  part.onError(onError);
  return part;
}

/** Every error leaves as a problem; nothing leaks a stack. */
export function onError(error: Error, c: Context<AppEnv>) {
  const refusal = asRefusal(error);
  if (refusal) return refusalProblem(c, refusal);
  if (error instanceof ProblemError)
    return problem(c, error.status, error.message, error.errors ? { errors: error.errors } : {});
  if (error instanceof HTTPException)
    return problem(c, error.status as ContentfulStatusCode, error.message || undefined);
  logger.error('unhandled error', {
    requestId: c.get('requestId'),
    // From the verified token only, and absent before authentication (or on a public route).
    tenant: c.get('principal')?.tenantId,
    route: c.req.routePath,
    error: { name: error.name, message: error.message, stack: error.stack },
  });
  return problem(c, 500, 'Something went wrong on our side; the request id helps us find it');
}

function validationProblem(
  result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] }; target: string },
  c: Context<AppEnv>,
) {
  if (result.success || !result.error) return;
  const prefix = result.target === 'json' ? '' : `/${result.target}`;
  return problem(c, 400, 'Some fields are not valid', { errors: fieldErrors(result.error.issues, prefix) });
}

/**
 * The Hono app: middleware that every request passes (request id, security headers, access log),
 * then /v1 with its CORS and body limits. The pages (packages/web) may be mounted on the same app
 * by the function that serves both; the API knows nothing of them.
 */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem });
  // First, so it compresses the answer every other middleware and the pages have finished.
  app.use(compression());
  app.use(requestIdentity());
  app.use((c, next) => {
    c.set('deps', deps);
    return next();
  });
  app.use(accessLog());
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    }),
  );
  if (deps.corsOrigins?.length) {
    app.use(
      '/v1/*',
      cors({
        origin: deps.corsOrigins,
        allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key'],
        exposeHeaders: ['ETag', 'X-Request-Id'],
      }),
    );
  }
  const limit = deps.maxBodyBytes ?? 1024 * 1024;
  const bodyLimits = {
    usual: bodyLimit({ maxSize: limit, onError: (c) => problem(c, 413, `The body is larger than ${limit} bytes`) }),
    // A roster upload (API and page) may be up to 5 MB; the route says so itself if it is larger.
    upload: bodyLimit({
      maxSize: Math.max(limit, MAX_IMPORT_BYTES + 64 * 1024),
      onError: (c) => problem(c, 413, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it`),
    }),
  };
  // Not app.use('/v1/*'): that registers a route of its own, which the isolation matrix would list.
  app.use((c, next) => {
    if (!c.req.path.startsWith('/v1/')) return next();
    return (c.req.path === UPLOAD_PATH ? bodyLimits.upload : bodyLimits.usual)(c, next);
  });
  if (deps.throttle !== false) app.use(throttle(deps.throttle));
  app.use(lazyApi());
  app.notFound((c) => problem(c, 404, 'There is nothing at this address'));
  app.onError(onError);
  return app;
}

export type ShegongApp = ReturnType<typeof createApp>;
