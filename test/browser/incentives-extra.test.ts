import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * Exam costs (P-A1), internship subsidies (P-A9) and recognitions (P-A8) on the demo data (part
 * incentives-v1): hr of 阳光 records an exam cost and finds it on the person's record; 阳光 claims
 * an intern's month after a preview and the city's reviewer approves it; the city records a
 * recognition and 阳光 sees it, at 360 px too.
 */
const world = useBrowserWorld();
const YANGGUANG = '港口区阳光社会工作服务中心';
const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';

describe('exam costs, internship subsidies and recognitions', () => {
  it('hr records an exam cost, refused before 2023, and sees it on the person’s record', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAt(page, world.system.url, 'hr@yangguang.demo', '/org/awards/exam-costs');
    expect(await page.locator('nav.subnav [aria-current="page"]').textContent()).toBe('考试费用报销');
    expect(await text(page, '#report')).toContain('2025');
    const option = page.locator('#personId option').nth(1);
    const personId = (await option.getAttribute('value')) ?? '';
    const name = (await option.textContent()) ?? '';
    await page.locator('#personId').selectOption(personId);
    await page.locator('#examDate').fill('2022-06-18');
    await page.locator('#level').selectOption('assistant');
    await page.locator('#registrationFee').fill('150');
    await page.getByRole('button', { name: '保存' }).click();
    expect(await text(page, '.error-summary')).toContain('P-A1');
    await page.locator('#examDate').fill('2026-06-20');
    await page.locator('#textbooks').fill('88.8');
    await page.locator('#travel').fill('120');
    await Promise.all([page.waitForURL(/recorded=1/), page.getByRole('button', { name: '保存' }).click()]);
    expect(await text(page, '#report')).toContain('2026');
    expect(await text(page, '#report')).toContain('¥358.80');
    await page.screenshot({ path: join(world.shots, 'exam-costs.png'), fullPage: true });
    await page.goto(`${world.system.url}/org/staff/${personId}`);
    expect(await text(page, 'h1')).toContain(name);
    expect(await text(page, '#exam-costs')).toContain('2026年6月20日');
    expect(await text(page, '#exam-costs')).toContain('¥358.80');
    await context.close();
  });

  it('an internship base claims a month after its preview, and the city’s reviewer approves it', async () => {
    const org = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await org.newPage();
    await signInAt(page, world.system.url, 'hr@yangguang.demo', '/org/awards/internships');
    expect(await text(page, '#base')).toContain('防城港市人力资源和社会保障局');
    const intern = page.locator('#internId option', { hasText: '黄小雨' });
    await page.locator('#internId').selectOption((await intern.getAttribute('value')) ?? '');
    await page.locator('#months').fill('2025-12, 2026-06');
    await page.getByRole('button', { name: '预览测算' }).click();
    const preview = await text(page, '#claim');
    expect(preview).toContain('尚未进入毕业年度');
    expect(preview).toContain('毕业年度全日制在校生');
    expect(preview).toContain('¥1,380.00');
    await page.getByRole('button', { name: '提交申领' }).click();
    expect(await text(page, '.error-summary')).toContain('2025-12 不符合条件');
    await page.locator('#months').fill('2026-06');
    await Promise.all([page.waitForURL(/done=claim/), page.getByRole('button', { name: '提交申领' }).click()]);
    expect(await text(page, '#claims')).toContain('待审核');
    await page.screenshot({ path: join(world.shots, 'internships-org.png'), fullPage: true });

    const bureau = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const desk = await bureau.newPage();
    await signInAt(desk, world.system.url, 'reviewer@fcg-mzj.demo', '/bureau/claims/internships');
    const row = desk.locator('#queue tr', { hasText: '2026年6月' });
    await row.getByRole('link', { name: '查看' }).click();
    expect(await text(desk, 'main')).toContain('黄小雨');
    await desk.getByLabel('批准').check();
    await Promise.all([desk.waitForURL(/done=decision/), desk.getByRole('button', { name: '提交决定' }).click()]);
    expect(await text(desk, 'main')).toContain('已批准，待发放');
    await desk.screenshot({ path: join(world.shots, 'internships-bureau-claim.png'), fullPage: true });
    await page.reload();
    expect(await text(page, '#claims')).toContain('已批准，待发放');
    await bureau.close();
    await org.close();
  });

  it('the city records a recognition and the organisation sees it, at 360 px', async () => {
    const bureau = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const desk = await bureau.newPage();
    await signInAt(desk, world.system.url, 'admin@fcg-mzj.demo', '/bureau/claims/recognitions');
    await desk.locator('#organisationId').selectOption({ label: YANGGUANG });
    await desk.getByLabel('自治区民政部门').check();
    await desk.getByLabel('社会工作人才培养基地').check();
    await desk.locator('#year').fill('2026');
    await Promise.all([desk.waitForURL(/recorded=1/), desk.getByRole('button', { name: '登记', exact: true }).click()]);
    expect(await text(desk, '#list')).toContain('¥10,000.00');
    await desk.screenshot({ path: join(world.shots, 'recognitions-bureau.png'), fullPage: true });
    await bureau.close();

    const phone = await world.browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await phone.newPage();
    await signInAt(page, world.system.url, 'staff@yangguang.demo', '/org/awards/recognitions');
    const list = await text(page, '#list');
    expect(list).toContain('社会工作人才培养基地');
    expect(list).toContain('¥30,000.00');
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(world.shots, 'recognitions-org-360.png'), fullPage: true });
    await phone.close();
  });
});
