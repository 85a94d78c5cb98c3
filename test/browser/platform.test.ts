import { join } from 'node:path';
import { DEMO_PASSWORD } from '@shegong/local';
import { describe, expect, it } from 'vitest';
import { codeFlow } from '../../packages/local/test/code-flow.ts';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * The platform administrator's journey (issue 10, point 10), in Debian's chromium at 360 px wide
 * against the whole local system: open a tenant from the list, reissue its pending invitation (the
 * old link is refused, the new one works), suspend it after confirming (its member is refused at
 * sign-in and the API answers 403 tenant-suspended), and restore it. In Chinese, then in English.
 */
const world = useBrowserWorld();

const ORG = '港口区阳光社会工作服务中心';
const MEMBER = 'admin@yangguang.demo';
const PHONE = { viewport: { width: 360, height: 800 } };

/** The member's ID token from the local issuer, as an API client gets one. */
async function memberToken(): Promise<string> {
  const { issuer } = world.system;
  const tokens = await codeFlow(fetch, {
    issuer: issuer.issuer,
    clientId: issuer.clientId,
    redirectUri: `${world.system.url}/auth/callback`,
    email: MEMBER,
    password: DEMO_PASSWORD,
  });
  return tokens.id_token;
}

const me = (token: string) => fetch(`${world.system.url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });

/** Fits the page at 360 px: nothing wider than the screen. */
async function expectNoSideScroll(page: import('playwright-core').Page) {
  expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
}

describe('the platform administrator opens a tenant, reissues an invitation, suspends and restores it', () => {
  it('opens the organisation from the tenant list and reissues its invitation (zh-CN)', async () => {
    const oldLink = `${world.system.url}/invite/${world.invitationToken}`;
    const context = await world.browser.newContext(PHONE);
    const page = await context.newPage();
    await signInAt(page, world.system.url, 'platform@shegong.demo', '/platform/tenants');
    await page.getByRole('link', { name: `打开 ${ORG}` }).click();
    await page.waitForURL(/\/platform\/tenants\/[0-9a-f-]{36}$/);
    expect(await page.locator('h1').first().textContent()).toContain(ORG);
    expect(await page.locator('#invitations').textContent()).toContain('newcomer@yangguang.demo');
    expect(await page.locator('#members').textContent()).toContain(MEMBER);
    await expectNoSideScroll(page);
    await page.screenshot({ path: join(world.shots, 'platform-tenant-360.png'), fullPage: true });

    await page.getByRole('button', { name: '重新发出 newcomer@yangguang.demo' }).click();
    await page.waitForURL(/\/reissued$/);
    const newLink = await page.locator('#invitation-link').inputValue();
    expect(newLink).toMatch(new RegExp(`^${world.system.url}/invite/[A-Za-z0-9_-]{43}$`));
    expect(newLink).not.toBe(oldLink);
    await page.screenshot({ path: join(world.shots, 'platform-reissued-360.png'), fullPage: true });

    const invitee = await context.newPage();
    await invitee.goto(oldLink);
    expect(await invitee.locator('h1').textContent()).toContain('邀请已撤销');
    expect(await invitee.locator('form.form #password').count()).toBe(0);
    await invitee.goto(newLink);
    expect(await invitee.locator('form.form #password').count()).toBe(1);
    expect(await invitee.locator('body').textContent()).toContain('newcomer@yangguang.demo');
    await context.close();
  });

  it('suspends it after confirming (English): its member is refused at sign-in and by the API; then restores it', async () => {
    const token = await memberToken();
    expect((await me(token)).status).toBe(200);
    const member = await world.browser.newContext(PHONE);
    const memberPage = await member.newPage();
    await signInAt(memberPage, world.system.url, MEMBER, '/org');
    expect(new URL(memberPage.url()).pathname).toBe('/org');

    const context = await world.browser.newContext(PHONE);
    const page = await context.newPage();
    await signInAt(page, world.system.url, 'platform@shegong.demo', '/platform/tenants');
    await page.locator('a.lang-switch:visible').first().click();
    await page.waitForLoadState();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('link', { name: `Open ${ORG}` }).click();
    await page.getByRole('link', { name: 'Suspend tenant' }).click();
    await page.waitForURL(/\/suspend$/);
    expect(await page.locator('h1').first().textContent()).toMatch(/^Suspend .*\?$/);
    await page.getByRole('button', { name: 'Suspend', exact: true }).click();
    // Nothing happens without a reason: the field says so.
    expect(await page.locator('.error-summary, [role=alert]').first().textContent()).toContain(
      'Say in a few words why',
    );
    await page.locator('#reason').fill('Asked to close the organisation; checking with the bureau');
    await page.getByRole('button', { name: 'Suspend', exact: true }).click();
    await page.waitForURL(/\/platform\/tenants\/[0-9a-f-]{36}$/);
    const shown = await page.locator('main').textContent();
    expect(shown).toContain('is suspended.');
    expect(shown).toContain('Asked to close the organisation; checking with the bureau');
    expect(shown).toContain('Suspended by');
    await expectNoSideScroll(page);
    await page.screenshot({ path: join(world.shots, 'platform-suspended-360-en.png'), fullPage: true });

    // The member's open session ends at its next page, and signing in again is refused, plainly.
    await memberPage.goto(`${world.system.url}/org`);
    expect(await memberPage.locator('h1').textContent()).toBe('你的机构已暂停使用社工平台');
    const refused = await world.browser.newContext(PHONE);
    const refusedPage = await refused.newPage();
    await signInAt(refusedPage, world.system.url, MEMBER, '/org');
    expect(await refusedPage.locator('h1').textContent()).toBe('你的机构已暂停使用社工平台');
    const text = await refusedPage.locator('main').textContent();
    expect(text).toContain(`${ORG} 已被平台暂停使用`);
    expect(text).toContain('platform@shegong.demo');
    expect(text).not.toContain('Asked to close');
    await expectNoSideScroll(refusedPage);
    await refusedPage.screenshot({ path: join(world.shots, 'member-suspended-360.png'), fullPage: true });
    const api = await me(token);
    expect(api.status).toBe(403);
    expect(api.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(await api.json()).toMatchObject({ type: 'https://shegong.cn/problems/tenant-suspended', status: 403 });

    await page.getByRole('button', { name: 'Restore tenant' }).click();
    await page.waitForLoadState();
    expect(await page.locator('main').textContent()).toContain('is restored.');
    expect((await me(token)).status).toBe(200);
    const back = await world.browser.newContext(PHONE);
    const backPage = await back.newPage();
    await signInAt(backPage, world.system.url, MEMBER, '/org');
    expect(new URL(backPage.url()).pathname).toBe('/org');
    for (const c of [context, member, refused, back]) await c.close();
  });
});
