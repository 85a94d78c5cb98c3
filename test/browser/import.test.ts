import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { roster } from '../support/roster.ts';
import { uploadRoster } from './roster.ts';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * Importing a roster as an HR officer does it: upload a file with one bad row, read the error for
 * that row and that nothing was written, fix the file, upload again, watch it finish, and find the
 * new people in the staff list.
 */
const world = useBrowserWorld();

const signIn = (page: Page, next: string) => signInAt(page, world.system.url, 'hr@yangguang.demo', next);

const upload = (page: Page, file: Buffer) => uploadRoster(page, world.system.url, file);

describe('an HR officer imports a roster', () => {
  it('sees the bad row’s error and that nothing was written, fixes the file, and finds the people', async () => {
    const page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, '/org/staff/import');
    expect(new URL(page.url()).pathname).toBe('/org/staff/import');
    await page.screenshot({ path: join(world.shots, 'import-page.png'), fullPage: true });

    await upload(page, roster(true));
    const errors = page.locator('#errors table tbody tr');
    expect(await errors.count()).toBe(1);
    // The third person is on row 4 (the headings are row 1).
    expect((await errors.first().locator('td').allTextContents()).map((t) => t.trim())).toEqual([
      '4',
      '身份证号',
      '不是有效的身份证号（位数、出生日期或校验位不对）',
    ]);
    expect(await page.locator('main').textContent()).toContain('什么也没有写入');
    await page.screenshot({ path: join(world.shots, 'import-errors.png'), fullPage: true });

    await upload(page, roster(false));
    // The job page refreshes itself every 2 s while it writes: wait for the outcome itself, as long as the
    // test may take (a busy machine writes slowly), rather than a fixed number of polls.
    await page.locator('main', { hasText: '已全部导入' }).waitFor({ timeout: 0 });
    expect(await page.locator('main').textContent()).toContain('已全部导入');
    await page.screenshot({ path: join(world.shots, 'import-done.png'), fullPage: true });
    await Promise.all([page.waitForURL(/\/org\/staff$/), page.getByRole('link', { name: '查看人员列表' }).click()]);
    const list = (await page.locator('main').textContent()) ?? '';
    for (const name of ['导入测试1', '导入测试2', '导入测试3', '导入测试4']) expect(list).toContain(name);
    await page.close();
  });

  it('reads in English too, and works on a phone', async () => {
    const context = await world.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await signIn(page, '/org/staff/import');
    await page.locator('a.lang-switch:visible').first().click();
    await page.waitForLoadState();
    expect(await page.locator('h1').first().textContent()).toMatch(/Import a staff roster/);
    await page.screenshot({ path: join(world.shots, 'import-page-en-360.png'), fullPage: true });
    await page.getByRole('link', { name: /View/ }).first().click();
    await page.waitForLoadState();
    await page.screenshot({ path: join(world.shots, 'import-job-en-360.png'), fullPage: true });
    await context.close();
  });
});
