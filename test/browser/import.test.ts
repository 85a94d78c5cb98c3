import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD, freePort, type LocalSystem, startLocalSystem } from '@shegong/local';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import { roster } from './roster.ts';

/**
 * Importing a roster as an HR officer does it: upload a file with one bad row, read the error for
 * that row and that nothing was written, fix the file, upload again, watch it finish, and find the
 * new people in the staff list.
 */
let system: LocalSystem;
let browser: Browser;
const shots = join(import.meta.dirname, '..', '..', '.data', 'screenshots');

beforeAll(async () => {
  system = await startLocalSystem({ port: await freePort(), dynamoPort: await freePort(), seed: true, quiet: true });
  browser = await launchChromium();
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

async function signIn(page: Page, next: string) {
  await page.goto(`${system.url}/auth/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/邮箱|E-mail/).fill('hr@yangguang.demo');
  await page.getByLabel(/密码|Password/).fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/local-idp')),
    page.getByRole('button', { name: /登录/ }).click(),
  ]);
}

async function upload(page: Page, file: Buffer) {
  await page.goto(`${system.url}/org/staff/import`);
  await page.locator('#file').setInputFiles({ name: '名册.csv', mimeType: 'text/csv', buffer: file });
  await Promise.all([
    page.waitForURL(/\/org\/staff\/import\/[0-9a-f-]{36}$/),
    page.getByRole('button', { name: /上传并检查/ }).click(),
  ]);
}

describe('an HR officer imports a roster', () => {
  it('sees the bad row’s error and that nothing was written, fixes the file, and finds the people', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, '/org/staff/import');
    expect(new URL(page.url()).pathname).toBe('/org/staff/import');
    await page.screenshot({ path: join(shots, 'import-page.png'), fullPage: true });

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
    await page.screenshot({ path: join(shots, 'import-errors.png'), fullPage: true });

    await upload(page, roster(false));
    // The job page refreshes itself every 2 s while it writes.
    for (let i = 0; i < 60 && !((await page.locator('main').textContent()) ?? '').includes('已全部导入'); i++) {
      await page.waitForTimeout(500);
    }
    expect(await page.locator('main').textContent()).toContain('已全部导入');
    await page.screenshot({ path: join(shots, 'import-done.png'), fullPage: true });
    await Promise.all([page.waitForURL(/\/org\/staff$/), page.getByRole('link', { name: '查看人员列表' }).click()]);
    const list = (await page.locator('main').textContent()) ?? '';
    for (const name of ['导入测试1', '导入测试2', '导入测试3', '导入测试4']) expect(list).toContain(name);
    await page.close();
  });

  it('reads in English too, and works on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await signIn(page, '/org/staff/import');
    await page.locator('a.lang-switch:visible').first().click();
    await page.waitForLoadState();
    expect(await page.locator('h1').first().textContent()).toMatch(/Import a staff roster/);
    await page.screenshot({ path: join(shots, 'import-page-en-360.png'), fullPage: true });
    await page.getByRole('link', { name: /View/ }).first().click();
    await page.waitForLoadState();
    await page.screenshot({ path: join(shots, 'import-job-en-360.png'), fullPage: true });
    await context.close();
  });
});
