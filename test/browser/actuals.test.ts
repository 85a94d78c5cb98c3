import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * Monthly actuals as an organisation's finance officer records them, in chromium against the whole
 * local system with the demo data: open a signed contract's actuals, record its first month through
 * the form (adding a row without script), pay someone below the guideline, and see the month in the
 * chart and the P-W3 flag.
 */
const world = useBrowserWorld();
let page: Page;
let actuals = '';

const CONTRACT_PAGE = /^\/org\/contracts\/[0-9a-f-]{36}$/;

beforeAll(async () => {
  page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
});

describe('recording a month of actuals', () => {
  it('finds a signed contract with nothing recorded yet', async () => {
    await signInAt(page, world.system.url, 'admin@yangguang.demo', '/org/contracts');
    const hrefs = await page
      .locator('a[href^="/org/contracts/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of [...new Set(hrefs.filter((h) => CONTRACT_PAGE.test(h)))]) {
      await page.goto(`${world.system.url}${href}/actuals`);
      const canRecord = await page.locator('.page-actions a.btn-primary').count();
      const recorded = await page.locator('#months tbody tr').count();
      if (canRecord && recorded === 0) {
        actuals = `${href}/actuals`;
        break;
      }
    }
    expect(actuals).not.toBe('');
    expect(await page.locator('svg.chart title').textContent()).toBe('预算、实际与预计');
  });

  it('records the first month through the form, adding a row without script', async () => {
    await page.locator('.page-actions a.btn-primary').click();
    await page.waitForURL(/\/actuals\/\d{4}-\d{2}$/);
    const rowsBefore = await page.locator('fieldset.actual-person').count();
    await page.getByRole('button', { name: '再加一人' }).click();
    await page.waitForLoadState();
    expect(await page.locator('fieldset.actual-person').count()).toBe(rowsBefore + 1);
    // The new row (the last payroll row): someone not in the registry, paid ¥1,000 (below every floor).
    const last = rowsBefore;
    await page.locator(`#row-${last}-name`).fill('临时社工');
    await page.locator(`#row-${last}-certLevel`).selectOption('social_worker');
    await page.locator(`#row-${last}-grossPay`).fill('1000');
    await page.locator(`#row-${last}-share`).fill('50');
    await page.locator('#expense-activities').fill('800.50');
    await page.screenshot({ path: join(world.shots, 'actuals-entry.png'), fullPage: true });
    await page.getByRole('button', { name: '保存本月' }).click();
    await page.waitForURL((url) => url.pathname === actuals && url.searchParams.has('recorded'));
    expect(await page.locator('.notice').first().textContent()).toContain('第 1 版');
  });

  it('shows the month in the chart and the table, and flags the pay below the floor with P-W3', async () => {
    expect(await page.locator('#months tbody tr').count()).toBe(1);
    expect(
      await page.locator('svg.chart rect.chart-bar-actual, svg.chart rect.chart-bar-over').count(),
    ).toBeGreaterThan(0);
    expect(await page.locator('#line-activities').textContent()).toContain('¥800.50');
    const findings = (await page.locator('#findings').textContent()) ?? '';
    expect(findings).toContain('P-W3');
    expect(findings).toContain('临时社工');
    expect(findings).toContain('¥1,000.00');
    await page.screenshot({ path: join(world.shots, 'actuals.png'), fullPage: true });
  });

  it('saving the same month again makes no new revision', async () => {
    const month = (await page.locator('#months tbody a').first().getAttribute('href')) ?? '';
    await page.goto(`${world.system.url}${month}`);
    await page.getByRole('button', { name: '保存本月' }).click();
    await page.waitForURL((url) => url.pathname === actuals && url.searchParams.has('unchanged'));
    expect(await page.locator('#months tbody tr').first().textContent()).toContain('第 1 版');
  });

  it('works at 360 px wide', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`${world.system.url}${actuals}`);
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(world.shots, 'actuals-360.png'), fullPage: true });
  });
});
