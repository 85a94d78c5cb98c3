import { join } from 'node:path';
import { idCardCheckCharacter } from '@shegong/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * The staff registry as HR uses it, in chromium against the seeded local system: hr@yangguang.demo
 * signs in, opens 人员, filters "below the floor", opens a person and sees the P-W3 shortfall.
 */
const world = useBrowserWorld();

const signIn = (page: Page, email: string) => signInAt(page, world.system.url, email, '/org');

describe('HR finds who is paid below the floor', () => {
  it('opens 人员, filters below the floor, and sees a person’s P-W3 shortfall', async () => {
    const page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'hr@yangguang.demo');
    await page.locator('.sider').getByRole('link', { name: '人员' }).click();
    await page.waitForURL(/\/org\/staff$/);
    const counts = await page.locator('.staff-counts').textContent();
    expect(counts).toMatch(/\d+ 人低于薪酬指导标准/);
    await page.screenshot({ path: join(world.shots, 'staff-list.png'), fullPage: true });

    await page.locator('.filter-row').getByRole('link', { name: '低于薪酬标准' }).click();
    await page.waitForURL(/flag=below-floor/);
    const rows = page.locator('#staff tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.first().textContent()).toContain('P-W3');
    await page.screenshot({ path: join(world.shots, 'staff-below-floor.png'), fullPage: true });

    await rows.first().getByRole('link').click();
    await page.waitForURL(/\/org\/staff\/[0-9a-f-]{36}$/);
    const findings = await page.locator('#findings').textContent();
    expect(findings).toMatch(/低于指导标准 ¥[\d,]+\.\d\d，每月差 ¥[\d,]+\.\d\d/);
    expect(findings).toContain('P-W3');
    // HR sees the ID-card number in full.
    expect(await page.locator('#details').textContent()).toMatch(/\d{17}[\dX]/);
    await page.screenshot({ path: join(world.shots, 'staff-person.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: join(world.shots, 'staff-person-360.png'), fullPage: true });
    await page.close();
  });

  it('shows finance the same person with the ID-card number masked, in English too', async () => {
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'finance@yangguang.demo');
    await page.goto(`${world.system.url}/org/staff?flag=below-floor`);
    await page.locator('#staff tbody tr').first().getByRole('link').click();
    await page.waitForURL(/\/org\/staff\/[0-9a-f-]{36}$/);
    const details = await page.locator('#details').textContent();
    expect(details).toMatch(/\d{6}\*{8}\d{3}[\dX]/);
    expect(details).not.toMatch(/\d{17}[\dX]/);
    await page.locator('a.lang-switch:visible').first().click();
    await page.waitForLoadState();
    expect(await page.locator('#findings').textContent()).toMatch(/below the floor/);
    await page.screenshot({ path: join(world.shots, 'staff-person-en.png'), fullPage: true });
    await context.close();
  });
});

describe('HR adds a new hire', () => {
  it('fills the add form with the day they started here, and sees their P-A3 run counted from it', async () => {
    const page = await world.browser.newPage({ viewport: { width: 360, height: 800 } });
    await signIn(page, 'hr@yangguang.demo');
    await page.goto(`${world.system.url}/org/staff`);
    await page.getByRole('link', { name: '添加人员' }).click();
    await page.waitForURL(/\/org\/staff\/new$/);
    const first17 = '45060219700101021';
    await page.locator('#name').fill('覃新聘');
    await page.locator('#idCardNumber').fill(`${first17}${idCardCheckCharacter(first17)}`.toLowerCase());
    await page.locator('#phone').fill('13900007788');
    await page.locator('#educationLevel').selectOption('bachelor');
    await page.locator('#socialWorkMajor-yes').check();
    await page.locator('#employmentType-contract').check();
    await page.locator('#monthlyPay').fill('4200');
    // Saved without the start: the form asks for it, by name, and keeps what was typed.
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.error-summary').textContent()).toContain('请输入本单位入职日期');
    expect(await page.locator('#name').inputValue()).toBe('覃新聘');
    await page.screenshot({ path: join(world.shots, 'staff-add-360.png'), fullPage: true });

    await page.getByLabel('本单位入职日期').fill('2024-06-23');
    await Promise.all([
      page.waitForURL(/\/org\/staff\/[0-9a-f-]{36}\?notice=created$/),
      page.getByRole('button', { name: '保存' }).click(),
    ]);
    const details = (await page.locator('#details').textContent()) ?? '';
    expect(details).toContain('自 2024年6月23日 起');
    expect(details).not.toContain('目前不在本地区从事社会工作');
    const employment = page.locator('#employment tbody tr', { hasText: '港口区阳光社会工作服务中心' });
    expect(await employment.textContent()).toContain('计入连续从业');
    await page.screenshot({ path: join(world.shots, 'staff-new-hire-360.png'), fullPage: true });
    await page.close();
  });
});
