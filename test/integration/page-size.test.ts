import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { permits } from '@shegong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoutes, policyOf } from '../support/routes.ts';
import { type SeededUser, TENANT_LABELS, World } from '../support/world.ts';

/**
 * What a page costs to send (issue 14): no page over 60 KB as transferred, compressed as a browser
 * asks for it. Sizes, not times, so a busy machine measures the same. gzip is the measure (every
 * browser accepts it; brotli, which browsers prefer, is smaller still).
 */
const LIMIT = 60 * 1024;
const world = await World.create('page-size');
beforeAll(() => world.seed());
afterAll(() => world.dispose());

/** Every page without path parameters, and the contract pages of organisation A's two contracts. */
async function pagesFor(label: (typeof TENANT_LABELS)[number]): Promise<string[]> {
  const tenant = world.tenant(label);
  const user = tenant.users[0]!;
  const plain = (await appRoutes(world.app))
    .filter((r) => r.surface === 'page' && r.method === 'GET' && r.params.length === 0)
    .filter((r) => {
      const policy = policyOf(r);
      return (
        policy !== undefined &&
        !('public' in policy) &&
        permits(policy, { kind: tenant.kind, roles: user.roles as never })
      );
    })
    .map((r) => r.path);
  const contracts = tenant.contracts
    ? [
        `/org/contracts/${tenant.contracts.draft}`,
        `/org/contracts/${tenant.contracts.draft}/edit`,
        `/org/contracts/${tenant.contracts.signed}`,
        `/org/contracts/${tenant.contracts.signed}/amend`,
      ]
    : [];
  return [...plain, ...contracts];
}

async function transferred(path: string, as: SeededUser, encoding: string) {
  const response = await world.page('GET', path, { as, headers: { 'Accept-Encoding': encoding } });
  const body = new Uint8Array(await response.arrayBuffer());
  return { response, body };
}

describe('pages as transferred', () => {
  it('a page asked for with Accept-Encoding comes compressed, and decodes to the page itself', async () => {
    const admin = world.user('orgA', 'admin');
    const path = `/org/contracts/${world.tenant('orgA').contracts!.signed}/amend`;
    const plain = await world.page('GET', path, { as: admin });
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    const html = await plain.text();
    const gz = await transferred(path, admin, 'gzip, deflate');
    expect(gz.response.headers.get('Content-Encoding')).toBe('gzip');
    expect(gz.response.headers.get('Vary')).toMatch(/Accept-Encoding/);
    const br = await transferred(path, admin, 'gzip, deflate, br, zstd');
    expect(br.response.headers.get('Content-Encoding')).toBe('br');
    // The request id and the CSRF field differ per request; everything else is the same page.
    const same = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f-]{27}|name="_csrf" value="[^"]*"/g, '');
    expect(same(gunzipSync(gz.body).toString('utf8'))).toBe(same(html));
    expect(same(brotliDecompressSync(br.body).toString('utf8'))).toBe(same(html));
    expect(br.body.byteLength).toBeLessThan(gz.body.byteLength);
  });

  it('leaves a small answer as it is', async () => {
    const response = await world.request('GET', '/v1/me', {
      as: world.user('orgA', 'admin'),
      headers: { 'Accept-Encoding': 'gzip, br' },
    });
    expect(response.headers.get('Content-Encoding')).toBeNull();
    expect(((await response.json()) as { user: { id: string } }).user.id).toBe(world.user('orgA', 'admin').id);
  });

  it.each(TENANT_LABELS)('every page of %s is at most 60 KB as transferred (gzip)', async (label) => {
    const sizes: Record<string, number> = {};
    for (const path of await pagesFor(label)) {
      const { response, body } = await transferred(path, world.tenant(label).users[0]!, 'gzip');
      if (response.status !== 200) continue; // a page that redirects (a form's own page) sends nothing to measure
      sizes[path] = body.byteLength;
    }
    expect(Object.keys(sizes).length).toBeGreaterThan(0);
    expect(Object.entries(sizes).filter(([, size]) => size > LIMIT)).toEqual([]);
  });
});
