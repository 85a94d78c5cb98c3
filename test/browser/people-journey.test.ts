import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { roster } from '../support/roster.ts';
import { uploadRoster } from './roster.ts';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * Issue 3's journey across two tenants: the city bureau publishes a rule set that raises the
 * assistant social worker's pay floor from today; an organisation's HR officer imports a roster
 * with one bad row, fixes it, imports it, and finds the imported assistant paid below the new
 * floor (P-W3), with the shortfall worked out from the bureau's new figure.
 */
const world = useBrowserWorld();

const signIn = (page: Page, email: string, next: string) => signInAt(page, world.system.url, email, next);

const upload = (page: Page, file: Buffer) => uploadRoster(page, world.system.url, file);

describe('a bureau raises the floor; an organisation imports its roster and sees who is below it', () => {
  it('publishes, imports with one bad row, fixes it, and finds the P-W3 shortfall', async () => {
    const bureau = await world.browser.newContext();
    const official = await bureau.newPage();
    await signIn(official, 'admin@fcg-mzj.demo', '/bureau/rules/new');
    // ¥4,000 for an assistant social worker, in force from today for the whole city.
    await official.locator('#p-payFloor-assistant').fill('4000');
    await official.locator('#title').fill('防城港市参数（助理社工薪酬指导标准上调）');
    await official.getByRole('button', { name: '发布', exact: true }).click();
    await official.getByRole('button', { name: '确认发布' }).click();
    await official.waitForURL(/\/bureau\/rules\/450600-/);
    expect(await official.locator('[role=status]').first().textContent()).toContain('已发布');
    await bureau.close();

    const org = await world.browser.newContext();
    const hr = await org.newPage();
    await signIn(hr, 'hr@yangguang.demo', '/org/staff/import');
    await upload(hr, roster(true));
    expect(await hr.locator('#errors table tbody tr').count()).toBe(1);
    expect(await hr.locator('main').textContent()).toContain('什么也没有写入');
    const before = (await (await hr.goto(`${world.system.url}/org/staff`))?.text()) ?? '';
    expect(before).not.toContain('导入测试1');

    await upload(hr, roster(false));
    // The job page refreshes itself every 2 s while it writes: wait for the outcome itself, as long as the
    // test may take (a busy machine writes slowly), rather than a fixed number of polls.
    await hr.locator('main', { hasText: '已全部导入' }).waitFor({ timeout: 0 });
    expect(await hr.locator('main').textContent()).toContain('已全部导入');

    await hr.goto(`${world.system.url}/org/staff?flag=below-floor`);
    const row = hr.locator('#staff tbody tr', { hasText: '导入测试1' });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('P-W3');
    await row.getByRole('link').first().click();
    await hr.waitForURL(/\/org\/staff\/[0-9a-f-]{36}$/);
    // ¥4,000.00 floor − ¥3,800.00 pay = ¥200.00 a month.
    expect(await hr.locator('#findings').textContent()).toMatch(/¥4,000\.00.*¥200\.00/s);
    // The three who hold no certificate are measured against the 'none' floor, not this one.
    await hr.goto(`${world.system.url}/org/staff?flag=below-floor`);
    expect(await hr.locator('#staff tbody tr', { hasText: '导入测试2' }).count()).toBe(0);
    await org.close();
  });
});
