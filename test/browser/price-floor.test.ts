import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * The price-floor calculator as an organisation's admin tries prices before a bid, in Debian's
 * chromium against the local system with the demo data (阳光, 港口区: Fangchenggang's 2023 rules).
 */
const world = useBrowserWorld();
let page: Page;

beforeAll(async () => {
  page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
});

describe('an admin tries a price before bidding', () => {
  it('opens 最低合同价 from the menu', async () => {
    await signInAt(page, world.system.url, 'admin@yangguang.demo', '/org');
    await Promise.all([
      page.waitForURL(/\/org\/price-floor$/),
      page.locator('a.menu-item[href="/org/price-floor"]:visible').first().click(),
    ]);
    expect(await page.locator('h1').first().textContent()).toBe('最低合同价测算');
    expect(await page.locator('#region').inputValue()).toBe('450602');
  });

  it('adds a post with a button, and calculates with Enter from a field', async () => {
    await page.locator('#post-0-level').selectOption('social_worker');
    await page.getByRole('button', { name: '添加岗位' }).click();
    await page.waitForLoadState();
    await page.locator('#post-1-title').fill('社工助理');
    await page.locator('#post-1-fte').fill('50');
    await page.locator('#post-1-pay').fill('3000');
    await page.locator('#supervision').fill('3000');
    await page.locator('#activities').fill('9000');
    // Enter submits the form's first button: the hidden "calculate", not "remove post 1".
    await page.locator('#activities').press('Enter');
    await page.waitForURL(/action=calculate/);
    // L = 5 868 720 + 405 060 × 50 × 12 / 100 = 5 868 720 + 2 430 360 = 8 299 080 fen.
    expect(await page.locator('#labour').textContent()).toContain('¥82,990.80');
    expect(await page.locator('#price-floor-value').textContent()).toMatch(/^¥\d{3},\d{3}\.\d{2}$/);
    expect(await page.locator('#cost-1 .finding-error').textContent()).toContain('¥3,000.00');
    await page.screenshot({ path: join(world.shots, 'price-floor.png'), fullPage: true });
  });

  it('reads on a phone', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.reload();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(world.shots, 'price-floor-360.png'), fullPage: true });
    await page.locator('#result').screenshot({ path: join(world.shots, 'price-floor-360-result.png') });
    await page.locator('#post-1').screenshot({ path: join(world.shots, 'price-floor-360-post.png') });
  });
});
