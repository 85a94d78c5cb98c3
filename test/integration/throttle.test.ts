import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * Per-tenant throttling (packages/http/src/throttle): organisation A floods the API until it is
 * refused; organisation B, at the same moment, is served. The limit is small and the refill slow
 * (one token a minute), so the test does not depend on how fast the machine answers.
 */
const world = await World.create('throttle', {
  pages: false,
  deps: { throttle: { tenant: { rate: 1 / 60, burst: 5 }, anonymous: { rate: 1 / 60, burst: 5 } } },
});
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

describe('per-tenant throttling', () => {
  it('answers one tenant’s flood 429 with Retry-After, as a problem, and serves another tenant', async () => {
    const flooder = world.user('orgA', 'admin');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await world.request('GET', '/v1/me', { as: flooder })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);

    const refused = await world.request('GET', '/v1/me', { as: world.user('orgA', 'finance') });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Content-Type')).toBe('application/problem+json');
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ status: 429, title: 'Too many requests' });

    expect((await world.request('GET', '/v1/me', { as: world.user('orgB', 'admin') })).status).toBe(200);
  });

  it('limits a public route per source IP as API Gateway gives it, without a token', async () => {
    // hono/aws-lambda hands the route the API Gateway event as `c.env.event`.
    const from = (sourceIp: string) => ({ event: { requestContext: { http: { sourceIp } } } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await world.app.request('/v1/invitations/unknown-token', {}, from('203.0.113.9'))).status);
    }
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(statuses.slice(0, 5)).not.toContain(429);
    expect((await world.app.request('/v1/invitations/unknown-token', {}, from('198.51.100.7'))).status).not.toBe(429);
  });
});
