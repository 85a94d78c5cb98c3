import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * A bureau publishes a correction the way its staff would: the Fangchenggang bureau's admin signs
 * in, opens 规则, publishes a new version with one changed pay floor, and sees it in force and in
 * the history. Then an organisation in the city sees the new floor under "rules that apply".
 */
const world = useBrowserWorld();

const signIn = (page: Page, email: string, next: string) => signInAt(page, world.system.url, email, next);

/** Today in China, as the system sees it (the new version starts today, so it is in force at once). */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('a bureau publishes a new version of its rule set', () => {
  it('shows the version in force, publishes a changed floor, and shows it in force and in the history', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'admin@fcg-mzj.demo', '/bureau');
    await page.locator('.sider').getByRole('link', { name: '规则' }).click();
    await page.waitForURL(/\/bureau\/rules$/);
    const main = page.locator('main');
    // The seeded correction (v2) is in force: assistant floor ¥3,200 (illustrative), CE 50 hours (P-R2).
    expect(await main.textContent()).toContain('¥3,200.00');
    expect(await main.textContent()).toContain('50 学时');
    expect(await main.textContent()).toContain('示例值');
    await page.screenshot({ path: join(world.shots, 'rules-bureau.png'), fullPage: true });

    await page.getByRole('link', { name: '发布新版本' }).click();
    await page.waitForURL(/\/bureau\/rules\/new$/);
    // Prefilled from the version in force.
    expect(await page.locator('#p-payFloor-assistant').inputValue()).toBe('3200');
    await page.locator('#p-payFloor-assistant').fill('3300.50');
    await page.locator('#title').fill('防城港市参数（助理社工薪酬调整）');
    await page.locator('#notes').fill('助理社会工作师薪酬指导标准调整为 ¥3,300.50（示例值）。');
    await page.screenshot({ path: join(world.shots, 'rules-publish-form.png'), fullPage: true });
    await page.getByRole('button', { name: '发布' }).click();
    await page.waitForURL(new RegExp(`/bureau/rules/450600-${today}-v1`));
    expect(await page.locator('[role=status]').first().textContent()).toContain('已发布');
    expect(await main.textContent()).toContain('¥3,300.50');

    await page.goto(`${world.system.url}/bureau/rules`);
    expect(await page.locator('.notice-info').textContent()).toContain('第 1 版');
    expect(await page.locator('#value-payFloor-assistant').textContent()).toContain('¥3,300.50');
    const history = page.locator('#history');
    expect(await history.textContent()).toContain('防城港市参数（助理社工薪酬调整）');
    expect(await history.locator(`a[href="/bureau/rules/450600-${today}-v1"]`).count()).toBe(1);
    expect(await history.locator('a[href="/bureau/rules/450600-2023-01-01-v2"]').count()).toBe(1);
    await page.screenshot({ path: join(world.shots, 'rules-published.png'), fullPage: true });
    await context.close();
  });

  it('shows an organisation of the city the new floor, read only, also in English and on a phone', async () => {
    const context = await world.browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await signIn(page, 'admin@yangguang.demo', '/rules');
    expect(await page.locator('#value-payFloor-assistant').textContent()).toContain('¥3,300.50');
    expect(await page.getByRole('link', { name: '发布新版本' }).count()).toBe(0);
    await page.goto(`${world.system.url}/lang/en?next=/rules`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('main').textContent()).toContain('Rules that apply');
    expect(await page.locator('main').textContent()).toContain('illustrative');
    await page.screenshot({ path: join(world.shots, 'rules-org-phone-en.png'), fullPage: true });
    await context.close();
  });
});
