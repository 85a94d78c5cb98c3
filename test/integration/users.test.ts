import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/** A tenant admin manages users: lists them, changes roles, disables them, pages through them. */

const world = await World.create('users');
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

interface UserBody {
  id: string;
  email: string;
  roles: string[];
  status: string;
  version: number;
}

const admin = () => world.user('orgA');
const problemPaths = async (response: Response) =>
  ((await response.json()) as { errors?: { path: string }[] }).errors?.map((e) => e.path) ?? [];

describe('listing users', () => {
  it('lists the tenant’s users, and only them', async () => {
    const response = await world.request('GET', '/v1/users?limit=100', { as: admin() });
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: UserBody[] };
    expect(items.map((u) => u.id).sort()).toEqual(
      world
        .tenant('orgA')
        .users.map((u) => u.id)
        .sort(),
    );
    expect(items[0]).not.toHaveProperty('tenantId');
  });

  it('walks every user with limit=1 and the opaque cursor', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = new URLSearchParams({ limit: '1', ...(cursor ? { cursor } : {}) });
      const response = await world.request('GET', `/v1/users?${query}`, { as: admin() });
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: UserBody[]; cursor?: string };
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((u) => u.id));
      if (page.cursor) expect(page.cursor).not.toMatch(/T#|USER#/);
      cursor = page.cursor;
      pages++;
    } while (cursor && pages < 50);
    expect(cursor).toBeUndefined();
    expect(seen.sort()).toEqual(
      world
        .tenant('orgA')
        .users.map((u) => u.id)
        .sort(),
    );
  });

  it('refuses tenant A’s cursor from tenant B (400), and a made-up one', async () => {
    const first = await world.request('GET', '/v1/users?limit=1', { as: admin() });
    const { cursor } = (await first.json()) as { cursor: string };
    expect(cursor).toBeTruthy();
    const stolen = await world.request('GET', `/v1/users?limit=1&cursor=${encodeURIComponent(cursor)}`, {
      as: world.user('orgB'),
    });
    expect(stolen.status).toBe(400);
    expect(stolen.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    const madeUp = await world.request('GET', '/v1/users?cursor=bm90LWEtY3Vyc29y', { as: admin() });
    expect(madeUp.status).toBe(400);
  });

  it.each([
    ['another collection of my partition', { sk: 'INVITE#0' }],
    ['key attributes the query does not have', { sk: 'USER#0', gsi1pk: 'P#TENANT' }],
    ['a number where a string goes', { sk: 7 }],
  ])('refuses a forged cursor naming %s with 400, not 500', async (_, fields) => {
    const forged = Buffer.from(JSON.stringify({ pk: `T#${world.tenant('orgA').id}`, ...fields })).toString('base64url');
    const response = await world.request('GET', `/v1/users?cursor=${forged}`, { as: admin() });
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  });

  it.each(['0', '101', 'ten'])('refuses limit=%s with 400 naming the query parameter', async (limit) => {
    const response = await world.request('GET', `/v1/users?limit=${limit}`, { as: admin() });
    expect(response.status).toBe(400);
    expect(await problemPaths(response)).toEqual(['/query/limit']);
  });
});

describe('changing a user', () => {
  const target = () => world.user('orgA', 'hr');
  const patch = (id: string, json: unknown, headers: Record<string, string> = {}, as = admin()) =>
    world.request('PATCH', `/v1/users/${id}`, { as, json, headers });

  it('reads a user with its ETag', async () => {
    const response = await world.request('GET', `/v1/users/${target().id}`, { as: admin() });
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toBe('"1"');
  });

  it('requires If-Match (428)', async () => {
    const response = await patch(target().id, { roles: ['hr', 'finance'] });
    expect(response.status).toBe(428);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  });

  it('changes roles with the current ETag: 200, a new ETag, and the directory is told', async () => {
    const response = await patch(target().id, { roles: ['hr', 'finance'] }, { 'If-Match': '"1"' });
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toBe('"2"');
    expect(await response.json()).toMatchObject({ id: target().id, roles: ['hr', 'finance'], version: 2 });
    expect(world.directory.callsOf('updateRoles')).toContainEqual({
      method: 'updateRoles',
      email: target().email,
      roles: ['hr', 'finance'],
    });
    const me = await world.request('GET', '/v1/me', { as: target() });
    expect(await me.json()).toMatchObject({ roles: ['hr', 'finance'] });
  });

  it('refuses a stale ETag (412) and changes nothing', async () => {
    const before = await world.table.snapshot();
    const response = await patch(target().id, { roles: ['staff'] }, { 'If-Match': '"1"' });
    expect(response.status).toBe(412);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('refuses an If-Match that is not an ETag it gave out (400)', async () => {
    expect((await patch(target().id, { roles: ['staff'] }, { 'If-Match': 'yesterday' })).status).toBe(400);
  });

  it('refuses a role that is not of the tenant’s kind, naming /roles/0', async () => {
    const response = await patch(target().id, { roles: ['auditor'] }, { 'If-Match': '"2"' });
    expect(response.status).toBe(400);
    expect(await problemPaths(response)).toEqual(['/roles/0']);
  });

  it('refuses an unknown body field, naming it (strict bodies)', async () => {
    const response = await patch(
      target().id,
      { roles: ['staff'], tenantId: world.tenant('orgB').id },
      { 'If-Match': '"2"' },
    );
    expect(response.status).toBe(400);
    expect(await problemPaths(response)).toContain('/tenantId');
  });

  it('does not let an admin disable themselves (409)', async () => {
    const me = admin();
    const response = await patch(me.id, { status: 'disabled' }, { 'If-Match': '"1"' });
    expect(response.status).toBe(409);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  });

  it('disables a user: the directory is told and their next request is refused (401)', async () => {
    const staff = world.user('orgA', 'staff');
    expect((await world.request('GET', '/v1/me', { as: staff })).status).toBe(200);
    const response = await patch(staff.id, { status: 'disabled' }, { 'If-Match': '"1"' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'disabled', version: 2 });
    expect(world.directory.callsOf('setEnabled')).toContainEqual({
      method: 'setEnabled',
      email: staff.email,
      enabled: false,
    });
    const after = await world.request('GET', '/v1/me', { as: staff });
    expect(after.status).toBe(401);
    expect(after.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  });

  it('answers 404 for a user id the tenant does not have', async () => {
    const response = await patch('6d1f5e0a-8c4b-4d2e-9f3a-1b2c3d4e5f60', { roles: ['staff'] }, { 'If-Match': '"1"' });
    expect(response.status).toBe(404);
  });
});

describe('what a token says beyond who and where', () => {
  it('grants no role the user’s record does not hold', async () => {
    const staff = world.user('orgB', 'staff');
    const token = await world.issuer.mintToken(staff, { 'custom:roles': 'admin' });
    const response = await world.request('GET', '/v1/users', { token });
    expect(response.status).toBe(403);
    const me = await world.request('GET', '/v1/me', { token });
    expect(await me.json()).toMatchObject({ roles: ['staff'] });
  });

  it('refuses a token whose kind or region disagrees with the tenant record', async () => {
    const orgAdmin = world.user('orgB');
    const platformKind = await world.issuer.mintToken(orgAdmin, { 'custom:tenant_kind': 'platform' });
    expect((await world.request('GET', '/v1/tenants', { token: platformKind })).status).toBe(401);
    const otherRegion = await world.issuer.mintToken(orgAdmin, { 'custom:region': '450600' });
    expect((await world.request('GET', '/v1/me', { token: otherRegion })).status).toBe(401);
  });

  it('is refused when it names a tenant the user is not a member of', async () => {
    const orgAdmin = world.user('orgB');
    const token = await world.issuer.mintToken(orgAdmin, { 'custom:tenant_id': world.tenant('platform').id });
    expect((await world.request('GET', '/v1/me', { token })).status).toBe(401);
  });

  it('lets a re-enabled user back in', async () => {
    const staff = world.user('orgB', 'staff');
    const disable = await world.request('PATCH', `/v1/users/${staff.id}`, {
      as: world.user('orgB'),
      headers: { 'If-Match': '"1"' },
      json: { status: 'disabled' },
    });
    expect(disable.status).toBe(200);
    expect((await world.request('GET', '/v1/me', { as: staff })).status).toBe(401);
    const enable = await world.request('PATCH', `/v1/users/${staff.id}`, {
      as: world.user('orgB'),
      headers: { 'If-Match': disable.headers.get('ETag')! },
      json: { status: 'active' },
    });
    expect(enable.status).toBe(200);
    expect(world.directory.callsOf('setEnabled').at(-1)).toEqual({
      method: 'setEnabled',
      email: staff.email,
      enabled: true,
    });
    expect((await world.request('GET', '/v1/me', { as: staff })).status).toBe(200);
  });
});
