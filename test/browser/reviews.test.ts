import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * Review before signing (提交审核), in chromium against the seeded local system. The demo data has,
 * in each of 港口区 (bureau: the city) and 东兴 (its own bureau), a contract waiting for review
 * (number …-S1, seed part reviews-v1). The city's reviewer returns 阳光's with a reason citing
 * P-W3, in Chinese, at 360 px too; 阳光's admin sees the reason and submits again; the reviewer,
 * in English, approves it; the admin records it signed. 东兴's reviewer approves 同心's in English.
 */
const world = useBrowserWorld();
const pages: Page[] = [];

afterAll(async () => {
  for (const p of pages) await p.close();
});

async function open(email: string, next: string): Promise<Page> {
  const page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
  pages.push(page);
  await signInAt(page, world.system.url, email, next);
  return page;
}

const text = async (page: Page, selector: string) => (await page.locator(selector).first().textContent()) ?? '';

async function fitsAt360(page: Page, shot: string) {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.screenshot({ path: join(world.shots, shot), fullPage: true });
  const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(width).toBeLessThanOrEqual(360);
}

/** The queue's link to a pending demo contract of an organisation (its number ends in -S1). */
const pendingLink = (page: Page, title: RegExp) =>
  page.locator('#queue tr', { hasText: title }).locator('a[href^="/bureau/contracts/"]').first();

async function toEnglish(page: Page) {
  await Promise.all([page.waitForNavigation(), page.locator('a.lang-switch').first().click()]);
}

describe('the city bureau’s reviewer returns, then approves, a contract of 阳光 (港口区)', () => {
  let reviewer: Page;
  let contractUrl = '';

  it('shows 审核 in the menu with what waits, and the queue with 东兴’s read-only', async () => {
    reviewer = await open('reviewer@fcg-mzj.demo', '/bureau');
    const badge = reviewer.locator('.sider a.menu-item[href="/bureau/reviews"] .menu-count');
    expect(Number(await badge.textContent())).toBeGreaterThanOrEqual(1);
    await Promise.all([
      reviewer.waitForURL(/\/bureau\/reviews$/),
      reviewer.locator('.sider a.menu-item[href="/bureau/reviews"]').click(),
    ]);
    expect(await text(reviewer, 'h1')).toBe('合同审核');
    const queue = await text(reviewer, '#queue');
    expect(queue).toContain('港口区阳光社会工作服务中心');
    expect(queue).toContain('东兴市同心社会工作服务中心');
    expect(queue).toContain('本局审核');
    expect(queue).toContain('只读');
    await fitsAt360(reviewer, 'reviews-queue-360.png');
  });

  it('returns it with a reason citing P-W3 and a field, in Chinese', async () => {
    await Promise.all([reviewer.waitForURL(/\/bureau\/contracts\//), pendingLink(reviewer, /港口区阳光/).click()]);
    contractUrl = reviewer.url();
    expect(await text(reviewer, '#standing')).toContain('防城港市民政局');
    expect(await text(reviewer, '#floor')).toContain('P-W2');
    expect(await text(reviewer, '#staffing')).toContain('证书等级');
    // Returning without a reason is refused beside the field, nothing decided.
    await Promise.all([reviewer.waitForNavigation(), reviewer.locator('#decision-return').click()]);
    expect(await text(reviewer, '.error-summary')).toContain('退回时请至少写一条理由');
    await reviewer.locator('#reason-0-text').fill('一线社工月薪请按证书等级核对');
    await reviewer.locator('#reason-0-ruleId').selectOption('P-W3');
    await reviewer.locator('#reason-0-field').fill('人员配置第 1 行');
    await Promise.all([reviewer.waitForURL(/notice=return/), reviewer.locator('#decision-return').click()]);
    expect(await text(reviewer, '.notice')).toContain('已退回');
    expect(await text(reviewer, '#reviews')).toContain('一线社工月薪请按证书等级核对');
    await reviewer.screenshot({ path: join(world.shots, 'reviews-returned.png'), fullPage: true });
    await fitsAt360(reviewer, 'reviews-contract-360.png');
  });

  it('shows 阳光’s admin the reason, with its rule, and lets them submit it again', async () => {
    const admin = await open('admin@yangguang.demo', '/org');
    const path = new URL(contractUrl).pathname.split('/');
    const id = path.at(-1) ?? '';
    await admin.goto(`${world.system.url}/org/contracts/${id}`);
    const review = await text(admin, '#review');
    expect(review).toContain('已退回');
    expect(review).toContain('一线社工月薪请按证书等级核对');
    expect(review).toContain('P-W3');
    expect(review).toContain('人员配置第 1 行');
    await fitsAt360(admin, 'reviews-org-returned-360.png');
    await Promise.all([
      admin.waitForURL(/notice=status/),
      admin.getByRole('button', { name: '提交', exact: true }).click(),
    ]);
    expect(await text(admin, '#review')).toContain('待审核');
  });

  it('approves it in English; the admin then records it signed', async () => {
    await reviewer.goto(contractUrl);
    await toEnglish(reviewer);
    expect(await text(reviewer, '#decision')).toContain('Approve');
    await Promise.all([reviewer.waitForURL(/notice=approve/), reviewer.locator('#decision-approve').click()]);
    expect(await text(reviewer, '.notice')).toContain('Approved');
    expect(await text(reviewer, '#reviews')).toContain('Returned');
    await fitsAt360(reviewer, 'reviews-approved-en-360.png');

    const admin = pages.at(-1) as Page;
    await admin.reload();
    expect(await text(admin, '#review')).toContain('已批准');
    await Promise.all([
      admin.waitForURL(/notice=status/),
      admin.getByRole('button', { name: '签订', exact: true }).click(),
    ]);
    expect(await text(admin, '#status')).toContain('已签订');
  });
});

describe('the 东兴 bureau’s reviewer approves 同心’s contract, in English at 360 px', () => {
  it('finds it in its own queue and approves it', async () => {
    const reviewer = await open('reviewer@dx-mzj.demo', '/bureau/reviews');
    await toEnglish(reviewer);
    await reviewer.setViewportSize({ width: 360, height: 780 });
    expect(await text(reviewer, 'h1')).toBe('Contract review');
    expect(await text(reviewer, '#queue')).not.toContain('港口区阳光社会工作服务中心');
    await Promise.all([reviewer.waitForURL(/\/bureau\/contracts\//), pendingLink(reviewer, /同心/).click()]);
    await Promise.all([reviewer.waitForURL(/notice=approve/), reviewer.locator('#decision-approve').click()]);
    expect(await text(reviewer, '.notice')).toContain('Approved');
    const width = Number(await reviewer.evaluate('document.documentElement.scrollWidth'));
    expect(width).toBeLessThanOrEqual(360);
    await reviewer.screenshot({ path: join(world.shots, 'reviews-dongxing-en-360.png'), fullPage: true });
  });
});
