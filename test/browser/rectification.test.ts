import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * Findings and rectification (整改) and the verified history (issue 11), in chromium against the
 * seeded local system on a phone's width: the city bureau's auditor sees the seeded findings
 * (overdue flagged) and raises one on 阳光's signed contract; 阳光's project manager sees it in the
 * menu's count, answers it pointing to version 1; the bureau's reviewer closes it; the contract
 * page shows the finding and "history verified". Chinese, then English.
 */
const world = useBrowserWorld();

const signIn = (page: Page, email: string, next: string) => signInAt(page, world.system.url, email, next);
const PHONE = { width: 360, height: 800 };
/** 港口区阳光社会工作服务中心 (demo-data.ts). */
const YANGGUANG = '4d00e34e-9993-40dc-b496-77baaf250f1d';

async function fitsTheScreen(page: Page) {
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
}

async function openFromMenu(page: Page, name: RegExp) {
  const toggle = page.locator('.mobile-nav-toggle');
  const menu = (await toggle.isVisible()) ? page.locator('.mobile-panel') : page.locator('.sider');
  if (await toggle.isVisible()) await toggle.click();
  await menu.getByRole('link', { name }).click();
}

describe('a finding raised by the bureau, answered by the organisation and closed', () => {
  it('goes round both sides, in Chinese and in English, at 360 px', async () => {
    const orgContext = await world.browser.newContext({ viewport: PHONE });
    const org = await orgContext.newPage();
    await signIn(org, 'pm@yangguang.demo', '/org/contracts?q=FCGMZ-GM-2026-041');
    await org.getByRole('link', { name: '港口区困境儿童关爱服务项目' }).first().click();
    await org.waitForURL(/\/org\/contracts\/[0-9a-f-]+$/);
    const contractUrl = org.url();
    const contractId = contractUrl.split('/').pop() as string;

    const bureauContext = await world.browser.newContext({ viewport: PHONE });
    const bureau = await bureauContext.newPage();
    await signIn(bureau, 'auditor@fcg-mzj.demo', '/bureau');
    await openFromMenu(bureau, /^整改$/);
    await bureau.waitForURL(/\/bureau\/rectifications$/);
    // The seeded findings: one overdue among them.
    expect(await bureau.locator('table').textContent()).toContain('已逾期');
    await bureau.getByRole('link', { name: '已逾期', exact: true }).click();
    await bureau.waitForURL(/state=overdue/);
    expect(await bureau.locator('tbody tr').count()).toBeGreaterThan(0);
    await fitsTheScreen(bureau);
    await bureau.screenshot({ path: join(world.shots, 'rectifications-bureau-360.png'), fullPage: true });

    // Raise one: a bad deadline first, which names the field and saves nothing.
    await bureau.goto(`${world.system.url}/bureau/contracts/${YANGGUANG}/${contractId}/findings/new`);
    await bureau.locator('#text').fill('一线社工月薪低于指导标准，请调整。');
    await bureau.locator('#ruleId').selectOption('P-W3');
    await bureau.locator('#severity').selectOption('error');
    await bureau.locator('#deadline').fill('2020-01-01');
    await bureau.getByRole('button', { name: '提出问题' }).click();
    expect(await bureau.locator('.error-summary').textContent()).toContain('请填写今天或以后的日期');
    await bureau.locator('#deadline').fill('2030-03-31');
    await bureau.getByRole('button', { name: '提出问题' }).click();
    await bureau.waitForURL(/\/bureau\/rectifications\/[0-9a-f-]+\?notice=raised$/);
    const findingPath = new URL(bureau.url()).pathname;
    const findingId = findingPath.split('/').pop() as string;
    expect(await bureau.locator('main').textContent()).toContain('待整改');
    await fitsTheScreen(bureau);

    // The organisation: the menu counts it; answer it from its page.
    await org.goto(`${world.system.url}/org`);
    const badge = org.locator('a[href="/org/rectifications"] .menu-count').first();
    expect(Number(await badge.textContent().then((t) => t?.match(/\d+/)?.[0]))).toBeGreaterThan(0);
    await org.goto(`${world.system.url}/org/rectifications/${findingId}`);
    await org.locator('#text').fill('已通过合同修订将一线社工月薪调整到指导标准以上。');
    await org.getByRole('button', { name: '提交整改答复' }).click();
    // Neither a version nor a month: "one of the two", nothing saved.
    expect(await org.locator('.error-summary').textContent()).toContain('二选一');
    await org.locator('#pointVersion').selectOption('1');
    await org.getByRole('button', { name: '提交整改答复' }).click();
    await org.waitForURL(/notice=answered$/);
    expect(await org.locator('main').textContent()).toContain('已答复');
    await fitsTheScreen(org);
    await org.screenshot({ path: join(world.shots, 'rectification-answered-360.png'), fullPage: true });

    // The bureau's reviewer closes it.
    const reviewerContext = await world.browser.newContext({ viewport: PHONE });
    const reviewer = await reviewerContext.newPage();
    await signIn(reviewer, 'reviewer@fcg-mzj.demo', findingPath);
    await reviewer.getByRole('button', { name: '接受整改并关闭' }).click();
    await reviewer.waitForURL(/notice=accepted$/);
    expect(await reviewer.locator('main').textContent()).toContain('已关闭');
    await reviewer.locator('a.lang-switch:visible').first().click();
    await reviewer.waitForLoadState();
    const english = (await reviewer.locator('main').textContent()) ?? '';
    expect(english).toContain('Closed');
    expect(english).toContain('Accepted and closed');
    await fitsTheScreen(reviewer);
    await reviewerContext.close();

    // The contract page: the finding, closed, and its history verified.
    await org.goto(contractUrl);
    expect(await org.locator('#rectification').textContent()).toContain('已关闭');
    const history = (await org.locator('#history').textContent()) ?? '';
    expect(history).toContain('历史已验证');
    expect(history).toContain('整改关闭');
    await fitsTheScreen(org);
    await org.locator('a.lang-switch:visible').first().click();
    await org.waitForLoadState();
    expect(await org.locator('#history').textContent()).toContain('History verified');
    await org.screenshot({ path: join(world.shots, 'contract-history-en-360.png'), fullPage: true });
    await orgContext.close();
    await bureauContext.close();
  });
});
