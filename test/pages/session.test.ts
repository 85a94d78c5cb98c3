import { actingAs, changeMember } from '@shegong/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Browser, createWorld, type SeededUser, validUscc, type World } from './support.ts';

let world: World;
let admin: SeededUser;

beforeAll(async () => {
  world = await createWorld();
  const org = await world.addTenant('org', '东兴市启明社工服务中心', '450681', validUscc(41));
  admin = await world.addUser(org, '韦晓', ['admin']);
});

/** Signs in through the app's own code flow, as a browser does, and answers the session cookie's value. */
async function signInThroughFlow(browser: Browser, user: SeededUser): Promise<string> {
  const login = await browser.get('/auth/login?next=/my/organisation');
  const { code, state } = world.issueCode(login.headers.get('Location') ?? '', user);
  const callback = await browser.get(`/auth/callback?code=${code}&state=${state}`);
  expect(callback.status).toBe(303);
  const cookie = browser.cookies.get('sg_session');
  if (!cookie) throw new Error('no session cookie after signing in');
  return cookie;
}

describe('a page session', () => {
  it('ends at sign-out: the old cookie, kept and sent again, opens no page', async () => {
    const browser = new Browser(world.app);
    const cookie = await signInThroughFlow(browser, admin);
    expect((await browser.get('/my/organisation')).status).toBe(200);
    expect((await browser.post('/auth/logout', {})).status).toBe(303);

    const thief = new Browser(world.app);
    thief.cookies.set('sg_session', cookie);
    const again = await thief.get('/my/organisation');
    expect(again.status).toBe(303);
    expect(again.headers.get('Location')).toBe('/auth/login?next=%2Fmy%2Forganisation');
    expect(thief.cookies.has('sg_session')).toBe(false);
  });

  it('is not the ID token: the cookie is no bearer token for the API', async () => {
    const browser = new Browser(world.app);
    const cookie = await signInThroughFlow(browser, admin);
    expect(cookie).not.toMatch(/^ey/);
    const api = await world.app.request('http://localhost/v1/me', { headers: { Authorization: `Bearer ${cookie}` } });
    expect(api.status).toBe(401);
  });

  it('sees a role change on its next page, without signing in again', async () => {
    const staff = await world.addUser(admin.tenant, '陆青', ['staff']);
    const browser = new Browser(world.app);
    await signInThroughFlow(browser, staff);
    expect((await browser.get('/org/staff')).status).toBe(403);
    const ctx = await actingAs(world.deps, { tenantId: admin.tenant.id, userId: admin.id });
    await changeMember(ctx, world.identity, staff.id, 1, { roles: ['hr'] });
    expect((await browser.get('/org/staff')).status).toBe(200);
    await changeMember(ctx, world.identity, staff.id, 2, { status: 'disabled' });
    const ended = await browser.get('/org/staff');
    expect(ended.status).toBe(303);
    expect(ended.headers.get('Location')).toMatch(/^\/auth\/login/);
  });
});
