import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
// The test package does not depend on ExcelJS; the sheets package reads its own files back.
import { workbookCells } from '../../packages/sheets/src/index.ts';
import { fillSignIn, signInAt, useBrowserWorld } from './world.ts';

/**
 * The base's consolidated view on the demo data (issue 12): the operator of 防城港市社会组织孵化基地
 * sees the dashboard's charts, opens 孵化机构 — one organisation per stage, 青苗 marked 未登记, 启航
 * with its registry staff counted, the closed ones without current figures — filters a stage and
 * exports the register; the same in English at 360 px. Then 启航's admin joins (the platform
 * reissues the admission invitation) and reads 孵化情况: the same figures the base sees.
 */
const world = useBrowserWorld();
const QIHANG = '港口区启航社会工作服务中心';

const column = (page: Page, label: string) =>
  page.locator(`#register tbody td[data-label="${label}"]`).allTextContents();

async function noSideScroll(page: Page) {
  expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
}

describe('the base’s register of incubated organisations', () => {
  it('shows the operator the charts, the register with its figures, a stage filter and the export (zh-CN)', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signInAt(page, world.system.url, 'operator@fcg-fuhua.demo', '/incubator');
    // The dashboard's charts, each described in words, with their tables.
    expect(await page.locator('#stage-chart-title').textContent()).toBe('各阶段机构数');
    expect(await page.locator('#stage-chart-desc').textContent()).toContain('在孵 1 家');
    expect(await page.locator('#quarter-chart-desc').textContent()).toContain('2025年第1季度 入驻 1 家');
    expect(await page.locator('#incubation').textContent()).toContain('出壳');
    await page.screenshot({ path: join(world.shots, 'incubator-dashboard.png'), fullPage: true });

    await page.locator('.sider').getByRole('link', { name: '孵化机构' }).click();
    await page.waitForURL(/\/incubator\/orgs$/);
    expect(await page.locator('h1').textContent()).toContain('孵化机构');
    const names = await column(page, '机构');
    expect(names).toHaveLength(5);
    const row = (name: string) => page.locator('#register tbody tr', { hasText: name });
    expect(await row('港口区青苗社会工作服务中心').textContent()).toContain('未登记');
    const qihang = row(QIHANG);
    expect(await qihang.locator('td[data-label="名册人员"]').textContent()).toBe('3');
    expect(await qihang.locator('td[data-label="持证人员"]').textContent()).toBe('2');
    expect(await qihang.locator('td[data-label="承接合同"]').textContent()).toContain('¥0.00');
    expect(await row('东兴市海韵志愿服务中心').textContent()).toContain('不再查看当前数据');
    expect(await qihang.locator('a').getAttribute('href')).toMatch(/^\/incubator\/orgs\/[0-9a-f-]{36}$/);

    await page.locator('.filter-row').getByRole('link', { name: '已中期评估' }).click();
    await page.waitForURL(/stage=midterm_reviewed/);
    expect(await column(page, '机构')).toEqual([QIHANG]);
    await page.screenshot({ path: join(world.shots, 'incubation-register.png'), fullPage: true });

    await page.locator('.filter-row').getByRole('link', { name: '全部' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('导出台账（xlsx）').click()]);
    expect(download.suggestedFilename()).toMatch(/^在孵机构台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const cells = await workbookCells(readFileSync((await download.path()) as string));
    const text = cells.map((c) => String(c.value)).join('|');
    expect(text).toContain('防城港市社会组织孵化基地在孵机构台账');
    for (const name of names) expect(text).toContain(name);
    expect(text).toContain('2025-12-20'); // 海韵's graduation, in the history columns
    await context.close();
  });

  it('reads in English at 360 px', async () => {
    const context = await world.browser.newContext({ viewport: { width: 360, height: 800 } });
    await context.addCookies([{ name: 'lang', value: 'en', url: world.system.url }]);
    const page = await context.newPage();
    await signInAt(page, world.system.url, 'operator@fcg-fuhua.demo', '/incubator/orgs?sort=name&order=asc');
    expect(await page.locator('h1').textContent()).toContain('Incubated organisations');
    expect(await page.locator('#register').textContent()).toContain('To be registered');
    expect(await page.locator('#register').textContent()).toContain('Incubation ended');
    await noSideScroll(page);
    await page.screenshot({ path: join(world.shots, 'incubation-register-en-360.png'), fullPage: true });
    await context.close();
  });
});

describe('the organisation’s own 孵化情况', () => {
  it('shows 启航’s admin what the base sees, once they have joined', async () => {
    const context = await world.browser.newContext({ viewport: { width: 360, height: 800 } });
    const platform = await context.newPage();
    await signInAt(platform, world.system.url, 'platform@shegong.demo', '/platform/tenants');
    await platform.getByRole('link', { name: `打开 ${QIHANG}` }).click();
    await platform.getByRole('button', { name: '重新发出 admin@qihang.demo' }).click();
    await platform.waitForURL(/\/reissued$/);
    const link = await platform.locator('#invitation-link').inputValue();
    await context.clearCookies();

    const page = await context.newPage();
    await page.goto(link);
    await page.locator('#name').fill('陈启航');
    await page.locator('#password').fill('Harbour-lights-42');
    await page.locator('#confirm').fill('Harbour-lights-42');
    await page.locator('form.form button[type=submit]').click();
    await page.waitForURL(/\/invite\/joined/);
    await Promise.all([page.waitForURL(/\/local-idp\/authorize/), page.locator('.actions a.btn-primary').click()]);
    await fillSignIn(page, 'admin@qihang.demo', 'Harbour-lights-42');

    await page.goto(`${world.system.url}/my/organisation`);
    await page.getByRole('link', { name: '查看孵化情况' }).click();
    await page.waitForURL(/\/org\/incubation$/);
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('防城港市社会组织孵化基地');
    expect(body).toContain('已中期评估');
    expect(body).toContain('2026-09-10');
    const figures = (await page.locator('#incubated-figures').textContent()) ?? '';
    expect(figures).toContain('名册人员3');
    expect(figures).toContain('持证社工2');
    // The new admin is the one member.
    expect(figures).toContain('平台成员1');
    await noSideScroll(page);
    await page.screenshot({ path: join(world.shots, 'org-incubation-360.png'), fullPage: true });
    await context.close();
  });
});
