import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { workbookCells } from '../../packages/sheets/src/index.ts';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * A bureau's register (台账) as its auditors use it, on the demo data: the city's auditor opens
 * the dashboard (money by county, rules broken), goes to the register, filters it by county and by
 * rule, searches a number, and exports what it shows; 东兴's auditor, in English on a phone, sees
 * only 东兴's contracts and finds an organisation by name.
 */
const world = useBrowserWorld();

const cells = (page: Page, label: string) =>
  page.locator(`#register tbody td[data-label="${label}"]`).allTextContents();

/** Fits the page at 360 px: nothing wider than the screen. */
async function fitsThePhone(page: Page, shot: string) {
  await page.screenshot({ path: join(world.shots, shot), fullPage: true });
  expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
}

describe('a bureau’s register', () => {
  it('is filtered, searched and exported by the city’s auditor (zh-CN)', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signInAt(page, world.system.url, 'auditor@fcg-mzj.demo', '/bureau');
    const dashboard = (await page.locator('main').textContent()) ?? '';
    for (const text of ['各县区合同与金额', '港口区', '上思县', '东兴市', '低于价格底线'])
      expect(dashboard).toContain(text);
    expect(await page.locator('#by-county svg[role="img"] rect').count()).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: join(world.shots, 'register-dashboard.png'), fullPage: true });

    await page.locator('.sider').getByRole('link', { name: '台账' }).click();
    await page.waitForURL(/\/bureau\/register$/);
    await page.selectOption('#register-county', '450681');
    await page.selectOption('#register-finding', 'belowPriceFloor');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '筛选', exact: true }).click()]);
    const counties = await cells(page, '县区');
    expect(counties.length).toBeGreaterThan(0);
    expect(new Set(counties)).toEqual(new Set(['东兴市']));
    for (const findings of await cells(page, '存在问题')) expect(findings).toContain('低于价格底线');
    expect(await page.locator('#register-totals').textContent()).toContain(`${counties.length} 份合同`);
    await page.screenshot({ path: join(world.shots, 'register-filtered.png'), fullPage: true });

    // A search keeps the filter off and finds the contract by a part of its number.
    await page.goto(`${world.system.url}/bureau/register`);
    await page.locator('#list-q').fill('SSMZ-2026');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '查询' }).click()]);
    const numbers = await cells(page, '合同编号');
    expect(numbers.sort()).toEqual(['SSMZ-2026-003', 'SSMZ-2026-012']);

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^合同台账-.*\.xlsx$/);
    const values = (await workbookCells(await readFile((await file.path()) as string))).map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(['合同编号', '合同金额（元）', '问题规则', 'SSMZ-2026-003', 'P-W2']));
    expect(values).not.toContain('GKMZ-2026-002');
    await context.close();
  });

  it('shows a county bureau only its county, in English at 360 px', async () => {
    const context = await world.browser.newContext({ viewport: { width: 360, height: 800 } });
    await context.addCookies([{ name: 'lang', value: 'en', url: world.system.url }]);
    const page = await context.newPage();
    await signInAt(page, world.system.url, 'auditor@dx-mzj.demo', '/bureau/register');
    expect(await page.locator('h1').textContent()).toContain('Contract register');
    expect(new Set(await cells(page, 'County'))).toEqual(new Set(['Dongxing']));
    await fitsThePhone(page, 'register-county-en-360.png');
    await page.locator('#list-q').fill('同心');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Apply' }).click()]);
    const organisations = await cells(page, 'Organisation');
    expect(organisations.length).toBeGreaterThan(0);
    for (const name of organisations) expect(name).toContain('同心');
    await fitsThePhone(page, 'register-search-en-360.png');
    await context.close();
  });
});
