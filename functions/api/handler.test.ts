import type { LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiGatewayEvent, lambdaContext } from '../../test/support/lambda-event.ts';

/**
 * The deployed entry tells the JSON API from the pages by path (the pages are imported by the
 * first page request): each path must still reach the app that serves it.
 */
let handler: (event: LambdaEvent, context: LambdaContext) => Promise<{ statusCode: number; headers?: unknown }>;

beforeAll(async () => {
  // Stubbed and restored after: the next file in this worker shares the process (isolate: false).
  for (const [name, value] of Object.entries({
    TABLE_NAME: 'handler-test',
    AUTH_ISSUER: 'https://issuer.invalid',
    AUTH_AUDIENCE: 'shegong-test',
    PUBLIC_BASE_URL: 'https://shegong.test',
  }))
    vi.stubEnv(name, value);
  ({ handler } = (await import('./handler.ts')) as unknown as { handler: typeof handler });
  // Importing the whole app (and, below, the pages) takes seconds on a busy machine: generous limits.
}, 120_000);
afterAll(() => vi.unstubAllEnvs());

const request = (path: string, accept: string) =>
  apiGatewayEvent(path, { headers: { accept } }) as unknown as LambdaEvent;
const context = lambdaContext as unknown as LambdaContext;
const contentType = (response: { headers?: unknown }) =>
  String((response.headers as Record<string, string> | undefined)?.['content-type'] ?? '');

describe('the API function entry', { timeout: 60_000 }, () => {
  it('answers /v1 from the API: a problem without a token', async () => {
    const response = await handler(request('/v1/me', 'application/json'), context);
    expect(response.statusCode).toBe(401);
    expect(contentType(response)).toContain('application/problem+json');
  });

  it('answers an unknown /v1 path with the API’s problem, not a page', async () => {
    const response = await handler(request('/v1/nothing-here', 'text/html'), context);
    expect(response.statusCode).toBe(404);
    expect(contentType(response)).toContain('application/problem+json');
  });

  it('answers the other paths from the pages', async () => {
    const response = await handler(request('/', 'text/html'), context);
    expect(response.statusCode).toBe(200);
    expect(contentType(response)).toContain('text/html');
    const again = await handler(request('/nothing-here', 'text/html'), context);
    expect(again.statusCode).toBe(404);
    expect(contentType(again)).toContain('text/html');
  });
});
