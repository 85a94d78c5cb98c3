import { logger, publishRequestMetrics } from '@shegong/core';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

/** The header that carries the request id back to the client (and that the client may send). */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** What a client may send as its own id: logged beside ours for correlation, never used as ours. */
const CLIENT_ID = /^[\w\-=]{1,64}$/;

/**
 * API Gateway's id of this request, when the app runs behind it: hono/aws-lambda passes the event's
 * requestContext as `c.env.requestContext`. It is the id in the gateway's access log too.
 */
export function gatewayRequestId(c: Context): string | undefined {
  const env = c.env as { requestContext?: { requestId?: unknown } } | undefined;
  const id = env?.requestContext?.requestId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * The request id: API Gateway's, or a fresh UUID where there is no gateway (the local server). A
 * client's X-Request-Id is never taken as ours, so nobody can make their requests' log lines pose as
 * another request's or flood one id; a well-formed one is kept as `clientRequestId` for correlation.
 */
export function requestIdentity(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = gatewayRequestId(c) ?? crypto.randomUUID();
    c.set('requestId', id);
    c.header(REQUEST_ID_HEADER, id);
    await next();
  };
}

/**
 * The access log line and the request's metrics, once the response is known (onError has already
 * turned any error into one). The route pattern, not the URL: invitation tokens and ids stay out of
 * both, and the metrics' route dimension stays a bounded set.
 */
export function accessLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round(performance.now() - started);
    const tenant = c.get('principal')?.tenantId;
    const requestId = c.get('requestId');
    // /v1 is served by a part of its own (app.ts), whose route this app's router never saw.
    const route = c.get('route') ?? c.req.routePath;
    const clientRequestId = c.req.header(REQUEST_ID_HEADER);
    logger.info('request', {
      requestId,
      ...(clientRequestId && CLIENT_ID.test(clientRequestId) ? { clientRequestId } : {}),
      tenant,
      method: c.req.method,
      route,
      status: c.res.status,
      ms,
    });
    publishRequestMetrics({ route: `${c.req.method} ${route}`, status: c.res.status, ms, requestId, tenant });
  };
}
