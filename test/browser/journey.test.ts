import { join } from 'node:path';
import { DEMO_PASSWORD } from '@shegong/local';
import { describe, expect, it } from 'vitest';
import { fillSignIn, useBrowserWorld } from './world.ts';

/**
 * The foundation's journey as a person makes it, in Debian's chromium against the whole local
 * system (DynamoDB Local, the local issuer, API and pages): a demo admin signs in, switches to
 * English, invites someone; the invitee accepts the link, chooses a password and signs in.
 */
const world = useBrowserWorld();

const signIn = fillSignIn;

describe('a demo admin invites a colleague, who joins and signs in', () => {
  let inviteLink = '';
  const invitee = 'zhou.min@yangguang.demo';

  it('signs the admin in from the landing page', async () => {
    const page = await world.browser.newPage();
    await page.goto(world.system.url);
    await Promise.all([
      page.waitForURL(/\/local-idp\/authorize/),
      page.getByRole('link', { name: /登录/ }).first().click(),
    ]);
    await signIn(page, 'admin@yangguang.demo', DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/org');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.close();
  });

  it('switches to English, remembers it, and invites someone', async () => {
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${world.system.url}/auth/login?next=/my/organisation`);
    await signIn(page, 'admin@yangguang.demo', DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/my/organisation');
    await page.locator('a.lang-switch:visible').first().click();
    await page.waitForLoadState();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.goto(`${world.system.url}/my/organisation`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').first().textContent()).toMatch(/organisation/i);

    await page.goto(`${world.system.url}/my/organisation/invite`);
    await page.locator('#email').fill(invitee);
    await page.locator('#roles-hr').check();
    await page.getByRole('button', { name: /invit/i }).click();
    await page.waitForLoadState();
    inviteLink = await page.locator('#invitation-link').inputValue();
    expect(inviteLink).toMatch(new RegExp(`^${world.system.url}/invite/[A-Za-z0-9_-]{43}$`));
    await page.screenshot({ path: join(world.shots, 'invite-sent.png'), fullPage: true });

    await page.goto(`${world.system.url}/my/organisation`);
    expect(await page.locator('body').textContent()).toContain(invitee);
    await context.close();
  });

  it('lets the invitee accept the link, choose a password and sign in', async () => {
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await page.goto(inviteLink);
    expect(await page.locator('body').textContent()).toContain(invitee);
    await page.locator('#name').fill('周敏');
    await page.locator('#password').fill('Harbour-lights-42');
    await page.locator('#confirm').fill('Harbour-lights-42');
    await page.locator('form.form button[type=submit]').click();
    await page.waitForURL(/\/invite\/joined/);
    await page.screenshot({ path: join(world.shots, 'joined.png'), fullPage: true });

    // The link is single-use now.
    const again = await context.newPage();
    await again.goto(inviteLink);
    expect(await again.locator('form.form #password').count()).toBe(0);
    await again.close();

    await Promise.all([page.waitForURL(/\/local-idp\/authorize/), page.locator('.actions a.btn-primary').click()]);
    await signIn(page, invitee, 'Harbour-lights-42');
    expect(new URL(page.url()).pathname).toBe('/org');
    expect(await page.locator('body').textContent()).toContain('周敏');
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: join(world.shots, 'invitee-home-360.png'), fullPage: true });
    await context.close();
  });
});
