import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * 我的档案 My record (issue 10, point 4), in chromium against the seeded local system on a phone's
 * width: staff@yangguang.demo opens it from the menu, reads their certificates and registration
 * (N-4), continuing education against P-R2 and N-5 with what is missing, ladder standing and pay
 * against the floor (P-W3); submits CE hours and a certificate (pending); hr@yangguang.demo
 * confirms one and refuses the other with a reason; the staff member sees both results, in
 * Chinese and in English.
 */
const world = useBrowserWorld();

const signIn = (page: Page, email: string) => signInAt(page, world.system.url, email, '/org');
const PHONE = { width: 360, height: 800 };

async function fitsTheScreen(page: Page) {
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
}

/** Opens the menu on a phone (it folds away) and follows one of its entries. */
async function openFromMenu(page: Page, name: string) {
  const toggle = page.locator('.mobile-nav-toggle');
  const menu = (await toggle.isVisible()) ? page.locator('.mobile-panel') : page.locator('.sider');
  if (await toggle.isVisible()) await toggle.click();
  await menu.getByRole('link', { name, exact: true }).click();
}

describe('a staff member’s own record, and hr’s queue of what they submit', () => {
  it('reads, submits, is decided on by hr, and sees the result', async () => {
    const staffContext = await world.browser.newContext({ viewport: PHONE });
    const staff = await staffContext.newPage();
    await signIn(staff, 'staff@yangguang.demo');
    // The registry is not theirs to open, so its entry is not in their menu.
    const menus = staff.locator('.sider, .mobile-panel');
    expect(await menus.getByRole('link', { name: '人员', exact: true }).count()).toBe(0);
    await openFromMenu(staff, '我的档案');
    await staff.waitForURL(/\/my\/record$/);

    expect(await staff.locator('#certificates').textContent()).toContain('N-4');
    const ce = (await staff.locator('#continuing-education').textContent()) ?? '';
    expect(ce).toContain('P-R2');
    expect(ce).toContain('N-5');
    expect(ce).toMatch(/还差 [\d.]+ 学时/);
    expect(await staff.locator('#ladder').textContent()).toMatch(/职级|下一级/);
    const pay = (await staff.locator('#pay').textContent()) ?? '';
    expect(pay).toContain('P-W3');
    // Month by month from the running contract's actuals, which name this person.
    expect(pay).toMatch(/2026年\d+月/);
    // Their own ID-card number is masked as to any reader but hr.
    expect(await staff.locator('#details').textContent()).toMatch(/\d{6}\*{8}\d{3}[\dX]/);
    await fitsTheScreen(staff);
    await staff.screenshot({ path: join(world.shots, 'my-record-360.png'), fullPage: true });

    await staff.getByRole('link', { name: '提交继续教育学时' }).click();
    await staff.locator('#date').fill('2026-11-20');
    await staff.locator('#tenthHours').fill('6.5');
    await staff.locator('#provider').fill('防城港市社会工作协会');
    await staff.locator('#topic').fill('儿童保护个案督导');
    await staff.getByRole('button', { name: '提交' }).click();
    await staff.waitForURL(/\/my\/record\?notice=submitted$/);

    await staff.getByRole('link', { name: '提交证书' }).click();
    await staff.getByLabel('社会工作师', { exact: true }).check();
    await staff.locator('#number').fill('YG-MYREC-2026-01');
    await staff.locator('#obtainedOn').fill('2026-06-21');
    await staff.getByRole('button', { name: '提交' }).click();
    await staff.waitForURL(/\/my\/record\?notice=submitted$/);
    const pending = staff.locator('#submissions tbody tr', { hasText: '待确认' });
    expect(await pending.count()).toBe(2);
    await fitsTheScreen(staff);

    const hrContext = await world.browser.newContext({ viewport: PHONE });
    const hr = await hrContext.newPage();
    await signIn(hr, 'hr@yangguang.demo');
    await openFromMenu(hr, '待确认提交');
    await hr.waitForURL(/\/org\/submissions$/);
    const rows = hr.locator('#queue tbody tr');
    expect(await rows.count()).toBe(2);
    await fitsTheScreen(hr);
    await hr.screenshot({ path: join(world.shots, 'submissions-queue-360.png'), fullPage: true });
    await rows.filter({ hasText: '儿童保护个案督导' }).getByRole('button', { name: '确认' }).click();
    await hr.waitForURL(/\/org\/submissions\?notice=confirmed$/);
    await hr.locator('#queue tbody tr', { hasText: 'YG-MYREC-2026-01' }).getByRole('link', { name: '退回' }).click();
    await hr.locator('#reason').fill('请上传证书原件扫描件');
    await hr.getByRole('button', { name: '退回' }).click();
    await hr.waitForURL(/\/org\/submissions\?notice=refused$/);
    expect(await hr.locator('#queue tbody tr').count()).toBe(0);
    await hrContext.close();

    await staff.goto(`${world.system.url}/my/record`);
    const decided = (await staff.locator('#submissions').textContent()) ?? '';
    expect(decided).toContain('已确认');
    expect(decided).toContain('已退回');
    expect(decided).toContain('请上传证书原件扫描件');
    expect(await staff.locator('#continuing-education').textContent()).toContain('儿童保护个案督导');
    expect(await staff.locator('#certificates').textContent()).not.toContain('YG-MYREC-2026-01');

    await staff.locator('a.lang-switch:visible').first().click();
    await staff.waitForLoadState();
    expect(await staff.locator('h1').textContent()).toContain('My record');
    expect(await staff.locator('#submissions').textContent()).toMatch(
      /Confirmed[\s\S]*Returned|Returned[\s\S]*Confirmed/,
    );
    await fitsTheScreen(staff);
    await staff.screenshot({ path: join(world.shots, 'my-record-en-360.png'), fullPage: true });
    await staffContext.close();
  });
});
