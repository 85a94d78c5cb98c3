import { OpenAPIHono } from '@hono/zod-openapi';
import { asRefusal, logger, MAX_IMPORT_BYTES } from '@shegong/core';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actuals } from './actuals/routes.ts';
import { authorize } from './auth/access.ts';
import { awards } from './awards/routes.ts';
import { baseRoutes } from './bases/routes.ts';
import { compression } from './compression.ts';
import { contractExports } from './contracts/exports.ts';
import { contracts } from './contracts/routes.ts';
import { docsPage } from './docs.ts';
import type { AppDeps, AppEnv } from './env.ts';
import { evaluations } from './evaluations/routes.ts';
import { history } from './history/routes.ts';
import { imports } from './imports/routes.ts';
import { incentiveRoutes } from './incentives/routes.ts';
import { incubationFigures } from './incubation/figures-routes.ts';
import { incubation } from './incubation/routes.ts';
import { incubationSupport } from './incubation/support-routes.ts';
import { invitations } from './invitations/routes.ts';
import { registerRoutes } from './jurisdiction/register.ts';
import { targetRoutes } from './jurisdiction/targets.ts';
import { ladder } from './ladder/routes.ts';
import { me } from './me/routes.ts';
import { accessLog, requestIdentity } from './observe.ts';
import { myRecordRoutes } from './people/my-record.ts';
import { privacyRoutes } from './people/privacy.ts';
import { people } from './people/routes.ts';
import { fieldErrors, ProblemError, problem, refusalProblem } from './problem/problem.ts';
import { rectifications } from './rectifications/routes.ts';
import { reviews } from './reviews/routes.ts';
import { ruleSets } from './rule-sets/routes.ts';
import { targetMapRoutes } from './targets/map-routes.ts';
import { postingRoutes } from './targets/posting-routes.ts';
import { tenants } from './tenants/routes.ts';
import { throttle } from './throttle/throttle.ts';
import { users } from './users/routes.ts';

/** Where a roster file is uploaded. */
const UPLOAD_PATH = '/v1/imports';

/** The API under /v1: one sub-app per resource. */
function api() {
  const v1 = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem });
  v1.route('/', me)
    .route('/', tenants)
    .route('/', users)
    .route('/', invitations)
    .route('/', incubation)
    .route('/', incubationSupport)
    .route('/', incentiveRoutes)
    .route('/', awards)
    // Before rule sets: POST /rule-sets/impact.
    .route('/', evaluations)
    .route('/', ruleSets)
    // Before people and ladder: /people/export and /ladder/export are not /people/{personId} or a ladder version.
    .route('/', imports)
    .route('/', people)
    .route('/', myRecordRoutes)
    .route('/', privacyRoutes)
    .route('/', ladder)
    // Exports and actuals before contracts: their paths are deeper than a contract's own.
    .route('/', registerRoutes)
    .route('/', baseRoutes)
    .route('/', targetRoutes)
    .route('/', incubationFigures)
    .route('/', contractExports)
    .route('/', actuals)
    .route('/', reviews)
    .route('/', history)
    .route('/', rectifications)
    .route('/', targetMapRoutes)
    .route('/', postingRoutes)
    .route('/', contracts);
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
  v1.get('/docs', authorize({ public: true, reason: 'the API description holds no tenant data' }), (c) =>
    c.html(docsPage()),
  );
  return v1;
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
  app.route('/v1', api());
  app.notFound((c) => problem(c, 404, 'There is nothing at this address'));
  app.onError(onError);
  return app;
}

export type ShegongApp = ReturnType<typeof createApp>;
