import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { bundleFunction } from '../../infra/lib/bundle.ts';
import { repoRoot } from '../../infra/lib/lambda.ts';
import { signedInColdStart } from '../bench/signed-in.ts';
import { apiGatewayEvent, lambdaContext } from '../support/lambda-event.ts';

/**
 * The API function as deployed: bundled as the stack bundles it, its first requests answered
 * against DynamoDB Local and an issuer served over HTTP. Its store is loaded by the first request
 * that reads the table (functions/api/handler.ts), so these are the paths on which a store read
 * before it is loaded would fail, and only in the deployed function.
 */
type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string; headers?: object }>;

const out = mkdtempSync(join(tmpdir(), 'shegong-function-'));
let handler: Handler;
let authorization: string;
let stopIssuer: () => Promise<void>;

beforeAll(async () => {
  bundleFunction(join(repoRoot, 'functions/api/handler.ts'), out);
  const member = await signedInColdStart(inject('dynamoEndpoint'));
  authorization = member.authorization;
  stopIssuer = member.stop;
  // Stubbed and restored after: the next file in this worker shares the process (isolate: false).
  for (const [name, value] of Object.entries({ ...member.env, AWS_REGION: 'ap-southeast-1', LOG_LEVEL: 'ERROR' }))
    vi.stubEnv(name, value);
  ({ handler } = (await import(join(out, 'index.mjs'))) as { handler: Handler });
  // Bundling takes seconds on a busy machine.
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await stopIssuer?.();
  rmSync(out, { recursive: true, force: true });
});

const request = (path: string, headers: Record<string, string>) => apiGatewayEvent(path, { headers });
const context = lambdaContext;

describe('the bundled API function', { timeout: 60_000 }, () => {
  it('refuses a request without a token before it reads the table', async () => {
    const answer = await handler(request('/v1/me', { accept: 'application/json' }), context);
    expect(answer.statusCode).toBe(401);
  });

  it('answers a signed-in member’s first request from the table', async () => {
    const answer = await handler(request('/v1/me', { accept: 'application/json', authorization }), context);
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ user: { email: 'cold@shegong.demo', name: '冷启动' } });
  });

  it('serves a page, which reads its session from the table', async () => {
    // A well-formed secret of no session: looked up (one GetItem), found ended, sent to sign in.
    const cookie = `__Host-sg_session=${'a'.repeat(43)}`;
    const answer = await handler(request('/org', { accept: 'text/html', cookie }), context);
    expect(answer.statusCode).toBe(303);
    expect(answer.headers).toMatchObject({ location: '/auth/login?next=%2Forg' });
  });
});
