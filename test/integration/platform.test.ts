import { keys } from '@shegong/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * The platform's operators open a tenant, reissue a lost invitation and suspend and restore a
 * tenant through the API (issue 10, point 10). Every answer is checked against /v1/openapi.json.
 */

const world = await World.create('platform');
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const platform = () => world.user('platform');
const tokenOf = (link: string) => new URL(link).pathname.split('/').at(-1)!;
const GOOD_PASSWORD = 'Correct-horse-9';

describe('opening a tenant', () => {
  it('shows its record with an ETag, its members and its invitations', async () => {
    const orgB = world.tenant('orgB');
    const tenant = await world.request('GET', `/v1/tenants/${orgB.id}`, { as: platform() });
    expect(tenant.status).toBe(200);
    expect(tenant.headers.get('ETag')).toBe('"1"');
    expect(await tenant.json()).toMatchObject({ id: orgB.id, status: 'active' });
    const users = await world.request('GET', `/v1/tenants/${orgB.id}/users?limit=100`, { as: platform() });
    const { items } = (await users.json()) as { items: { id: string }[] };
    expect(items.map((u) => u.id).sort()).toEqual(orgB.users.map((u) => u.id).sort());
    const invitations = await world.request('GET', `/v1/tenants/${orgB.id}/invitations`, { as: platform() });
    expect(await invitations.json()).toMatchObject({ items: [{ id: orgB.invitation.id, status: 'pending' }] });
  });

  it('answers 404 for a tenant that does not exist', async () => {
    const none = '00000000-0000-4000-8000-000000000000';
    for (const path of [`/v1/tenants/${none}`, `/v1/tenants/${none}/users`, `/v1/tenants/${none}/invitations`]) {
      expect((await world.request('GET', path, { as: platform() })).status).toBe(404);
    }
  });
});

describe('reissuing a lost invitation', () => {
  it('stops the old link and makes a new one that works', async () => {
    const bureauB = world.tenant('bureauB');
    const oldToken = bureauB.invitation.token;
    const before = await world.table.items();
    const response = await world.request(
      'POST',
      `/v1/tenants/${bureauB.id}/invitations/${bureauB.invitation.id}/reissue`,
      { as: platform() },
    );
    expect(response.status).toBe(201);
    const sent = (await response.json()) as {
      invitation: { id: string; email: string; roles: string[] };
      link: string;
    };
    expect(sent.invitation).toMatchObject({ email: bureauB.invitation.email, roles: bureauB.invitation.roles });
    expect(sent.invitation.id).not.toBe(bureauB.invitation.id);
    // One transaction: the old one revoked, the new one and its token, the platform's audit event.
    const after = await world.table.items();
    const added = after.filter((i) => !before.some((b) => b.pk?.S === i.pk?.S && b.sk?.S === i.sk?.S));
    expect(added.map((i) => i.pk?.S?.replace(/#.*$/, '#')).sort()).toEqual(['INVITE#', 'T#', 'T#']);
    const audit = added.find((i) => i.pk?.S === keys.auditPartition(world.tenant('platform').id));
    expect(audit).toMatchObject({ action: { S: 'invitation.reissue' }, actor: { S: platform().id } });

    const old = await world.request('POST', `/v1/invitations/${oldToken}/accept`, {
      json: { name: '韦明', password: GOOD_PASSWORD },
    });
    expect(old.status).toBe(409);
    expect((await world.request('GET', `/v1/invitations/${oldToken}`)).status).toBe(200);
    const accepted = await world.request('POST', `/v1/invitations/${tokenOf(sent.link)}/accept`, {
      json: { name: '韦明', password: GOOD_PASSWORD },
    });
    expect(accepted.status).toBe(201);
  });

  it('refuses an invitation that was used or revoked (409), and another tenant’s invitation id (404)', async () => {
    const bureauB = world.tenant('bureauB');
    const used = await world.request('POST', `/v1/tenants/${bureauB.id}/invitations/${bureauB.invitation.id}/reissue`, {
      as: platform(),
    });
    expect(used.status).toBe(409);
    const incubatorA = world.tenant('incubatorA');
    const before = await world.table.snapshot();
    const foreign = await world.request(
      'POST',
      `/v1/tenants/${bureauB.id}/invitations/${incubatorA.invitation.id}/reissue`,
      { as: platform() },
    );
    expect(foreign.status).toBe(404);
    expect(await world.table.snapshot()).toBe(before);
  });
});

describe('suspending and restoring a tenant', () => {
  const orgB = () => world.tenant('orgB');
  const suspend = (version: string | undefined, json: unknown = { reason: '机构申请注销，待核实' }) =>
    world.request('POST', `/v1/tenants/${orgB().id}/suspend`, {
      as: platform(),
      json,
      headers: version ? { 'If-Match': version } : {},
    });

  it('needs If-Match, the current version and a reason, and writes nothing otherwise', async () => {
    const before = await world.table.snapshot();
    expect((await suspend(undefined)).status).toBe(428);
    expect((await suspend('"7"')).status).toBe(412);
    const reasonless = await suspend('"1"', { reason: ' ' });
    expect(reasonless.status).toBe(400);
    expect(await reasonless.json()).toMatchObject({ errors: [{ path: '/reason' }] });
    expect(await world.table.snapshot()).toBe(before);
  });

  it('refuses the platform’s own tenant', async () => {
    const response = await world.request('POST', `/v1/tenants/${world.tenant('platform').id}/suspend`, {
      as: platform(),
      json: { reason: '试一试能否暂停平台' },
      headers: { 'If-Match': '"1"' },
    });
    expect(response.status).toBe(409);
  });

  it('suspends: the record says who, when and why, and its members are refused at once (API 403, pages end)', async () => {
    const staff = world.user('orgB', 'staff');
    expect((await world.request('GET', '/v1/me', { as: staff })).status).toBe(200);
    expect((await world.page('GET', '/org', { as: staff })).status).toBe(200);

    const response = await suspend('"1"');
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toBe('"2"');
    expect(await response.json()).toMatchObject({
      status: 'suspended',
      suspension: { by: platform().id, reason: '机构申请注销，待核实', at: expect.any(String) },
      version: 2,
    });

    const me = await world.request('GET', '/v1/me', { as: staff });
    expect(me.status).toBe(403);
    expect(me.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(await me.json()).toMatchObject({
      type: 'https://shegong.cn/problems/tenant-suspended',
      detail: expect.stringMatching(/suspended.*contact the Shegong platform operator/),
    });

    const page = await world.page('GET', '/org', { as: staff });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('上思县同心社会工作服务社 已被平台暂停使用');
    expect(page.headers.getSetCookie().some((c) => /^sg_session=;/.test(c))).toBe(true);

    // Nothing was deleted: the platform still reads its members.
    const users = await world.request('GET', `/v1/tenants/${orgB().id}/users?limit=100`, { as: platform() });
    expect(((await users.json()) as { items: unknown[] }).items).toHaveLength(orgB().users.length);
    expect((await suspend('"2"')).status).toBe(409);
  });

  it('refuses an invitation of a suspended tenant at acceptance', async () => {
    const response = await world.request('POST', `/v1/invitations/${orgB().invitation.token}/accept`, {
      json: { name: '某人', password: GOOD_PASSWORD },
    });
    expect(response.status).toBe(403);
  });

  it('restores: the members call the API again; the page session ended by the suspension stays ended', async () => {
    const staff = world.user('orgB', 'staff');
    const restored = await world.request('POST', `/v1/tenants/${orgB().id}/restore`, {
      as: platform(),
      headers: { 'If-Match': '"2"' },
    });
    expect(restored.status).toBe(200);
    const body = (await restored.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'active', version: 3 });
    expect(body).not.toHaveProperty('suspension');
    expect((await world.request('GET', '/v1/me', { as: staff })).status).toBe(200);
    const page = await world.page('GET', '/org', { as: staff });
    expect(page.status).toBe(303);
    expect(page.headers.get('Location')).toMatch(/^\/auth\/login/);
    const again = await world.request('POST', `/v1/tenants/${orgB().id}/restore`, {
      as: platform(),
      headers: { 'If-Match': '"3"' },
    });
    expect(again.status).toBe(409);
  });

  it('keeps both actions in the platform’s audit trail', async () => {
    const trail = await world.store
      .tenant({ tenantId: world.tenant('platform').id, userId: platform().id })
      .audit.list({ limit: 100 });
    const actions = trail.items
      .filter((e) => e.entityId === orgB().id && e.action !== 'tenant.create')
      .map((e) => [e.action, e.actor]);
    expect(actions).toEqual([
      ['tenant.restore', platform().id],
      ['tenant.suspend', platform().id],
    ]);
  });
});
