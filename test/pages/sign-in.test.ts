import { accessPolicyOf } from '@shegong/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Browser, CLIENT_ID, createWorld, ISSUER, type SeededUser, validUscc, type World } from './support.ts';

let world: World;
let admin: SeededUser;

beforeAll(async () => {
  world = await createWorld();
  const org = await world.addTenant('org', '东兴市阳光社工服务中心', '450681', validUscc(1));
  admin = await world.addUser(org, '李娜', ['admin']);
});

describe('pages without a session', () => {
  it('send you to sign in, remembering where you were going', async () => {
    const response = await new Browser(world.app).get('/my/organisation?users=x');
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/auth/login?next=%2Fmy%2Forganisation%3Fusers%3Dx');
  });

  it('do the same with an expired or forged session cookie, and drop the cookie', async () => {
    const browser = new Browser(world.app);
    browser.cookies.set('sg_session', await world.signToken(admin, {}, '-2h'));
    const response = await browser.get('/org');
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/auth/login?next=%2Forg');
    expect(browser.cookies.has('sg_session')).toBe(false);
  });

  it('show a landing page with a sign-in button at /', async () => {
    const response = await new Browser(world.app).get('/');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(html).toContain('href="/auth/login"');
    expect(html).toContain('登录');
  });
});

describe('sign-in (authorization code + PKCE)', () => {
  it('signs in and lands on the page asked for, with an httpOnly SameSite session cookie', async () => {
    const browser = new Browser(world.app);
    const login = await browser.get('/auth/login?next=/my/organisation');
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get('Location') ?? '');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${ISSUER}/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      scope: 'openid email profile',
      redirect_uri: 'http://localhost/auth/callback',
      code_challenge_method: 'S256',
    });
    const flowCookie = login.headers.getSetCookie().find((c) => c.startsWith('sg_auth='));
    expect(flowCookie).toMatch(/HttpOnly/);
    expect(flowCookie).toMatch(/SameSite=Lax/);

    const { code, state } = world.issueCode(authorize.toString(), admin);
    const callback = await browser.get(`/auth/callback?code=${code}&state=${state}`);
    expect(callback.status).toBe(303);
    expect(callback.headers.get('Location')).toBe('/my/organisation');
    const session = callback.headers.getSetCookie().find((c) => c.startsWith('sg_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Path=\//);
    const maxAge = Number(/Max-Age=(\d+)/.exec(session ?? '')?.[1]);
    expect(maxAge).toBeGreaterThan(3500);
    expect(maxAge).toBeLessThanOrEqual(3600);

    const page = await browser.get('/my/organisation');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('东兴市阳光社工服务中心');
    expect(html).toContain('李娜');
  });

  it('refuses a callback whose state does not match (400 page, no session)', async () => {
    const browser = new Browser(world.app);
    const login = await browser.get('/auth/login?next=/org');
    const { code } = world.issueCode(login.headers.get('Location') ?? '', admin);
    const callback = await browser.get(`/auth/callback?code=${code}&state=forged`);
    expect(callback.status).toBe(400);
    expect(callback.headers.get('Content-Type')).toMatch(/text\/html/);
    expect(await callback.text()).toContain('登录没有完成');
    expect(browser.cookies.has('sg_session')).toBe(false);
  });

  it('refuses a callback with no sign-in in progress', async () => {
    const callback = await new Browser(world.app).get('/auth/callback?code=x&state=y');
    expect(callback.status).toBe(400);
  });

  it('refuses a token whose nonce is not the one sent', async () => {
    const browser = new Browser(world.app);
    const login = await browser.get('/auth/login');
    const url = new URL(login.headers.get('Location') ?? '');
    url.searchParams.set('nonce', 'another-nonce');
    const { code, state } = world.issueCode(url.toString(), admin);
    const callback = await browser.get(`/auth/callback?code=${code}&state=${state}`);
    expect(callback.status).toBe(400);
    expect(browser.cookies.has('sg_session')).toBe(false);
  });

  it('keeps `next` on this site', async () => {
    const browser = new Browser(world.app);
    const login = await browser.get('/auth/login?next=//evil.example/x');
    const { code, state } = world.issueCode(login.headers.get('Location') ?? '', admin);
    const callback = await browser.get(`/auth/callback?code=${code}&state=${state}`);
    expect(callback.headers.get('Location')).toBe('/');
  });

  it('sends a signed-in user from / to the home of their kind', async () => {
    const browser = new Browser(world.app);
    await browser.signIn(world, admin);
    const response = await browser.get('/');
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/org');
    const home = await browser.get('/org');
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain('工作台');
    expect(html).toContain('东兴市'); // the region's name, from the store's record
  });

  it('signs out with a CSRF-protected post that clears the cookie', async () => {
    const browser = new Browser(world.app);
    await browser.signIn(world, admin);
    await browser.get('/org');
    const refused = await browser.post('/auth/logout', {}, { csrf: false });
    expect(refused.status).toBe(403);
    expect(browser.cookies.has('sg_session')).toBe(true);
    const response = await browser.post('/auth/logout', {});
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/');
    expect(browser.cookies.has('sg_session')).toBe(false);
  });
});

describe('language', () => {
  it('is Chinese first; the switch sets a year-long cookie and the next page is in English', async () => {
    const browser = new Browser(world.app);
    await browser.signIn(world, admin);
    expect(await (await browser.get('/my/organisation')).text()).toContain('<html lang="zh-CN">');
    const zh = await (await browser.get('/my/organisation')).text();
    expect(zh).toContain('href="/lang/en?next=%2Fmy%2Forganisation"');

    const response = await browser.get('/lang/en?next=/my/organisation');
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/my/organisation');
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lang='));
    expect(cookie).toMatch(/^lang=en;/);
    expect(cookie).toMatch(/Max-Age=31536000/);

    const html = await (await browser.get('/my/organisation')).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('My organisation');
    expect(html).toContain('Sign out');
    expect(html).not.toContain('退出登录');
  });

  it('never sends the browser to another site, whatever the next path normalises to', async () => {
    const browser = new Browser(world.app);
    for (const lang of ['en', 'zh-CN', 'fr'])
      for (const next of ['/..//evil.example', '/.//evil.example/x', '/a/..//evil.example', '/%2e%2e//evil.example']) {
        const response = await browser.get(`/lang/${lang}?next=${encodeURIComponent(next)}`);
        expect(response.status).toBe(303);
        expect(response.headers.get('Location')).toBe('/');
      }
  });

  it('ignores a language it does not know', async () => {
    const response = await new Browser(world.app).get('/lang/fr?next=/');
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie().some((c) => c.startsWith('lang='))).toBe(false);
  });
});

describe('the page shell', () => {
  it('serves its own stylesheet and scripts, and pages use no inline script or style', async () => {
    const browser = new Browser(world.app);
    for (const [path, type] of [
      ['/assets/app.css', 'text/css'],
      ['/assets/app.js', 'text/javascript'],
      ['/assets/docs.js', 'text/javascript'],
    ] as const) {
      const response = await browser.get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toContain(type);
    }
    await browser.signIn(world, admin);
    const page = await browser.get('/my/organisation');
    expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).toMatch(/<script src="\/assets\/app\.js\?v=[0-9a-f]{12}" defer=""><\/script>/);
  });

  it('shows the menu of the tenant’s kind, whose pages need sign-in', async () => {
    const browser = new Browser(world.app);
    expect((await browser.get('/org/contracts')).status).toBe(303);
    await browser.signIn(world, admin);
    const html = await (await browser.get('/org')).text();
    for (const label of ['工作台', '合同', '人员', '职级', '奖励申领', '我的机构']) expect(html).toContain(label);
    expect(html).not.toContain('/platform/tenants');
    const contracts = await browser.get('/org/contracts');
    expect(contracts.status).toBe(200);
    // Every entry of an organisation's menu is built now (奖励申领, issue 13, was the last one coming soon).
    expect(await contracts.text()).not.toContain('即将上线');
    // Another kind's page: a 403 page, not JSON.
    const bureau = await browser.get('/bureau');
    expect(bureau.status).toBe(403);
    expect(await bureau.text()).toContain('没有权限');
  });

  it('answers an unknown address with a 404 page, while the API keeps its problem answer', async () => {
    const page = await new Browser(world.app).get('/no/such/page');
    expect(page.status).toBe(404);
    expect(page.headers.get('Content-Type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('找不到页面');
    const api = await world.app.request('http://localhost/v1/no-such-thing');
    expect(api.status).toBe(404);
    expect(api.headers.get('Content-Type')).toBe('application/problem+json');
  });

  it('declares an access policy on every page route', () => {
    const routes = world.app.routes.filter((r) => r.method !== 'ALL' && !r.path.startsWith('/v1'));
    const byRoute = new Map<string, boolean>();
    for (const r of routes) {
      const key = `${r.method} ${r.path}`;
      byRoute.set(key, (byRoute.get(key) ?? false) || accessPolicyOf(r.handler) !== undefined);
    }
    expect(byRoute.size).toBeGreaterThan(15);
    expect([...byRoute].filter(([, declared]) => !declared).map(([key]) => key)).toEqual([]);
  });
});
