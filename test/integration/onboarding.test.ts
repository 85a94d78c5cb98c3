import { keys } from '@shegong/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * Journeys of joining Shegong, through the HTTP API on DynamoDB Local: the platform creates a
 * bureau and its first admin accepts the link; an organisation's admin invites, revokes, and
 * sees links expire.
 */

const world = await World.create('onboarding');
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const tokenOf = (link: string) => new URL(link).pathname.split('/').at(-1)!;
const GOOD_PASSWORD = 'Correct-horse-9';

describe('the platform creates a bureau and its first admin joins', () => {
  const adminEmail = 'admin@shangsi.example.cn';
  let link = '';
  let tenantId = '';

  it('creates the bureau and hands back the first admin’s invitation link', async () => {
    const response = await world.request('POST', '/v1/tenants', {
      as: world.user('platform'),
      headers: { 'Idempotency-Key': 'create-shangsi-bureau' },
      json: {
        kind: 'bureau',
        name: '上思县民政局',
        nameEn: 'Shangsi County Civil Affairs Bureau',
        region: '450621',
        adminEmail,
      },
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as {
      tenant: { id: string; kind: string; region: string };
      adminInvitationLink: string;
    };
    expect(body.tenant).toMatchObject({ kind: 'bureau', region: '450621', status: 'active', version: 1 });
    expect(body.adminInvitationLink).toMatch(new RegExp(`^${world.publicBaseUrl}/invite/[A-Za-z0-9_-]{43}$`));
    link = body.adminInvitationLink;
    tenantId = body.tenant.id;
  });

  it('shows the invitee what the link offers, without signing in', async () => {
    const response = await world.request('GET', `/v1/invitations/${tokenOf(link)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      tenant: { name: '上思县民政局', nameEn: 'Shangsi County Civil Affairs Bureau', kind: 'bureau' },
      email: adminEmail,
      roles: ['admin'],
      status: 'pending',
    });
  });

  it('refuses a weak password, naming the field', async () => {
    const response = await world.request('POST', `/v1/invitations/${tokenOf(link)}/accept`, {
      json: { name: '黄建国', password: 'short' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toContain('/password');
    expect(world.directory.callsOf('createUser')).toEqual([]);
  });

  it('accepts with a name and a good password, creating the sign-in with the tenancy', async () => {
    const response = await world.request('POST', `/v1/invitations/${tokenOf(link)}/accept`, {
      json: { name: '黄建国', password: GOOD_PASSWORD },
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { userId: string; email: string };
    expect(body.email).toBe(adminEmail);
    const created = world.directory.callsOf('createUser');
    expect(created).toHaveLength(1);
    expect(created[0]!.input).toEqual({
      email: adminEmail,
      name: '黄建国',
      password: GOOD_PASSWORD,
      tenantId,
      kind: 'bureau',
      roles: ['admin'],
      region: '450621',
    });
    expect(world.subjectOf(adminEmail).id).toBe(body.userId);
  });

  it('tells the new admin who they are: tenant, region names and roles', async () => {
    const response = await world.request('GET', '/v1/me', { as: world.subjectOf(adminEmail) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      user: { id: world.subjectOf(adminEmail).id, name: '黄建国', email: adminEmail },
      tenant: {
        id: tenantId,
        kind: 'bureau',
        name: '上思县民政局',
        nameEn: 'Shangsi County Civil Affairs Bureau',
        region: { code: '450621', zh: '上思县', en: 'Shangsi County', level: 'county' },
      },
      roles: ['admin'],
    });
  });

  it('lets the new admin list the users of the new bureau', async () => {
    const response = await world.request('GET', '/v1/users', { as: world.subjectOf(adminEmail) });
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { email: string; roles: string[] }[] };
    expect(items).toEqual([expect.objectContaining({ email: adminEmail, roles: ['admin'], status: 'active' })]);
  });
});

describe('an organisation’s admin invites someone', () => {
  const invite = async (email: string, roles: string[] = ['hr']) => {
    const response = await world.request('POST', '/v1/invitations', { as: world.user('orgA'), json: { email, roles } });
    expect(response.status).toBe(201);
    return (await response.json()) as {
      invitation: { id: string; version: number; status: string };
      link: string;
      mailed: boolean;
    };
  };
  const accept = (link: string, name = '李娜') =>
    world.request('POST', `/v1/invitations/${tokenOf(link)}/accept`, { json: { name, password: GOOD_PASSWORD } });

  it('is accepted once; a second acceptance is a conflict', async () => {
    const { invitation, link, mailed } = await invite('li.na@example.cn');
    expect(invitation.status).toBe('pending');
    expect(mailed).toBe(false);
    expect((await accept(link)).status).toBe(201);
    const again = await accept(link);
    expect(again.status).toBe(409);
    expect(again.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    const preview = await world.request('GET', `/v1/invitations/${tokenOf(link)}`);
    expect(await preview.json()).toMatchObject({ status: 'accepted' });
    const me = await world.request('GET', '/v1/me', { as: world.subjectOf('li.na@example.cn') });
    expect(await me.json()).toMatchObject({ roles: ['hr'], tenant: { id: world.tenant('orgA').id } });
  });

  it('cannot be accepted once revoked', async () => {
    const { invitation, link } = await invite('wang.fang@example.cn', ['staff']);
    const revoked = await world.request('POST', `/v1/invitations/${invitation.id}/revoke`, {
      as: world.user('orgA'),
      headers: { 'If-Match': `"${invitation.version}"` },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.headers.get('ETag')).toBe(`"${invitation.version + 1}"`);
    expect(await revoked.json()).toMatchObject({ id: invitation.id, status: 'revoked' });
    const accepted = await accept(link, '王芳');
    expect(accepted.status).toBe(409);
    expect(world.directory.callsOf('createUser').filter((c) => c.input.email === 'wang.fang@example.cn')).toEqual([]);
  });

  it('expires after its time: the preview says so and acceptance is refused', async () => {
    const { invitation, link } = await invite('zhao.lei@example.cn', ['finance']);
    await world.table.set(keys.invitation(world.tenant('orgA').id, invitation.id), {
      expiresOn: new Date(Date.now() - 60_000).toISOString(),
    });
    const preview = await world.request('GET', `/v1/invitations/${tokenOf(link)}`);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ status: 'expired' });
    const listed = await world.request('GET', '/v1/invitations?limit=100', { as: world.user('orgA') });
    const { items } = (await listed.json()) as { items: { id: string; status: string }[] };
    expect(items.find((i) => i.id === invitation.id)?.status).toBe('expired');
    const accepted = await accept(link, '赵磊');
    expect(accepted.status).toBe(409);
    expect(world.directory.callsOf('createUser').filter((c) => c.input.email === 'zhao.lei@example.cn')).toEqual([]);
  });

  it('answers 404 for a link that was never given out', async () => {
    const unknown = 'A'.repeat(43);
    expect((await world.request('GET', `/v1/invitations/${unknown}`)).status).toBe(404);
    expect((await accept(`${world.publicBaseUrl}/invite/${unknown}`)).status).toBe(404);
  });

  it('refuses an address that already signs in to another tenant, creating nothing', async () => {
    const taken = world.user('orgB').email;
    const { link } = await invite(taken, ['staff']);
    const before = await world.table.snapshot();
    const accepted = await accept(link, '重复');
    expect(accepted.status).toBe(409);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('does not tell whoever holds the link that the address signs in to another organisation', async () => {
    // Issue 10, point 13: the inviter holds the link too. An address that signs in elsewhere is
    // answered exactly as one that is already a member here (which the inviter knows anyway).
    const elsewhere = await accept((await invite(world.user('orgB', 'staff').email, ['staff'])).link, '某人');
    const here = await accept((await invite(world.user('orgA', 'staff').email, ['staff'])).link, '某人');
    const answer = async (response: Response) => {
      const { requestId: _r, instance: _i, ...rest } = (await response.json()) as Record<string, unknown>;
      return { status: response.status, ...rest } as Record<string, unknown>;
    };
    const [a, b] = [await answer(elsewhere), await answer(here)];
    expect(a).toEqual(b);
    expect(a.status).toBe(409);
    expect(JSON.stringify(a)).not.toMatch(/another|elsewhere|other tenant|organisation/i);
    expect(a.detail).toMatch(/sign in with it/);
  });
});
