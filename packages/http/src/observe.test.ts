import { logger, metricsEnabled } from '@shegong/core';
import type { Principal } from '@shegong/domain';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, onError } from './app.ts';
import type { AppDeps, AppEnv } from './env.ts';
import { accessLog, requestIdentity } from './observe.ts';

const principal: Principal = { userId: 'u-1', tenantId: 't-acme', kind: 'org', roles: ['admin'], region: '450602' };

/** The two middlewares as createApp orders them, a member admitted as `authorize` would, and onError. */
const app = new Hono<AppEnv>()
  .use(requestIdentity())
  .use(accessLog())
  .use('/v1/*', (c, next) => {
    c.set('principal', principal);
    return next();
  })
  .get('/v1/people/:personId', (c) => c.json({ id: c.req.param('personId') }))
  .get('/v1/broken/:id', () => {
    throw new Error('the store fell over');
  })
  .get('/public', (c) => c.text('ok'))
  .onError(onError);

const gateway = (requestId: string) => ({ requestContext: { requestId } });

interface Emf {
  _aws: {
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[];
  };
  [key: string]: unknown;
}

describe('request metrics (EMF)', () => {
  let lines: string[];
  beforeEach(() => {
    // On for this test as in Lambda; POWERTOOLS_DEV makes Powertools print through the global console.
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    vi.stubEnv('POWERTOOLS_DEV', 'true');
    vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'Shegong/test');
    lines = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
      lines.push(String(line));
    });
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });
  const emfLines = () => lines.filter((l) => l.includes('"_aws"')).map((l) => JSON.parse(l) as Emf);

  it('publishes requests, errors and latency per route, with the tenant as a property and not a dimension', async () => {
    const response = await app.request('/v1/people/p-42', {}, gateway('gw-1'));
    expect(response.status).toBe(200);
    const [emf, ...more] = emfLines();
    expect(more).toEqual([]);
    const [directive] = emf!._aws.CloudWatchMetrics;
    expect(directive!.Namespace).toBe('Shegong/test');
    expect(directive!.Dimensions).toEqual([['service', 'route']]);
    expect(directive!.Metrics).toEqual([
      { Name: 'requests', Unit: 'Count' },
      { Name: 'errors', Unit: 'Count' },
      { Name: 'latency', Unit: 'Milliseconds' },
    ]);
    expect(emf).toMatchObject({
      route: 'GET /v1/people/:personId',
      requests: 1,
      errors: 0,
      status: '200',
      tenant: 't-acme',
      requestId: 'gw-1',
    });
    expect(typeof emf!.latency).toBe('number');
    expect(emf!.latency).toBeGreaterThanOrEqual(0);
    // The id in the URL stays out; the tenant is nowhere among the dimensions.
    expect(JSON.stringify(emf)).not.toContain('p-42');
    expect(directive!.Dimensions.flat()).not.toContain('tenant');
  });

  it('counts a 5xx as an error of its route, and a request without a member has no tenant', async () => {
    vi.spyOn(logger, 'error').mockImplementation(() => {});
    expect((await app.request('/v1/broken/b-1', {}, gateway('gw-2'))).status).toBe(500);
    expect((await app.request('/public', {}, gateway('gw-3'))).status).toBe(200);
    const [broken, open] = emfLines();
    expect(broken).toMatchObject({
      route: 'GET /v1/broken/:id',
      requests: 1,
      errors: 1,
      status: '500',
      tenant: 't-acme',
    });
    expect(open).toMatchObject({ route: 'GET /public', errors: 0 });
    expect(open).not.toHaveProperty('tenant');
  });

  it('is off outside Lambda unless asked for, and an explicit setting wins', () => {
    expect(metricsEnabled({})).toBe(false);
    expect(metricsEnabled({ AWS_LAMBDA_FUNCTION_NAME: 'shegong-api' })).toBe(true);
    expect(metricsEnabled({ AWS_LAMBDA_FUNCTION_NAME: 'shegong-api', POWERTOOLS_METRICS_DISABLED: 'true' })).toBe(
      false,
    );
    expect(metricsEnabled({ POWERTOOLS_METRICS_DISABLED: 'false' })).toBe(true);
  });
});

describe('request id and log lines', () => {
  afterEach(() => vi.restoreAllMocks());

  it('takes API Gateway’s request id; a client’s X-Request-Id cannot set the logged one', async () => {
    const info = vi.spyOn(logger, 'info');
    // createApp's own wiring, on a public route that needs no store.
    const real = createApp({} as AppDeps);
    const response = await real.request(
      '/v1/openapi.json',
      { headers: { 'X-Request-Id': 'forged-by-client' } },
      gateway('gw-real-id'),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('X-Request-Id')).toBe('gw-real-id');
    const line = info.mock.calls.find(([message]) => message === 'request')?.[1];
    expect(line).toMatchObject({
      requestId: 'gw-real-id',
      clientRequestId: 'forged-by-client',
      route: '/v1/openapi.json',
      status: 200,
    });
  });

  it('makes its own id where there is no gateway, never the client’s', async () => {
    const info = vi.spyOn(logger, 'info');
    const response = await app.request('/public', { headers: { 'X-Request-Id': 'forged-by-client' } });
    const id = response.headers.get('X-Request-Id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(info.mock.calls.find(([message]) => message === 'request')?.[1]).toMatchObject({ requestId: id });
    // A client id that is not well formed is not logged at all.
    await app.request('/public', { headers: { 'X-Request-Id': 'bad id with "quotes"' } });
    expect(info.mock.calls.at(-1)?.[1]).not.toHaveProperty('clientRequestId');
  });

  it('puts the tenant and the route on the line of an unhandled error', async () => {
    const error = vi.spyOn(logger, 'error').mockImplementation(() => {});
    const response = await app.request('/v1/broken/b-7', {}, gateway('gw-err'));
    expect(response.status).toBe(500);
    expect(((await response.json()) as { requestId: string }).requestId).toBe('gw-err');
    expect(error).toHaveBeenCalledWith(
      'unhandled error',
      expect.objectContaining({ requestId: 'gw-err', tenant: 't-acme', route: '/v1/broken/:id' }),
    );
  });
});
