import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * The incubation base's own project (P-I1) in chromium on the demo data: its admin finds the
 * incubation card first on the dashboard and the contract card after it, opens 合同 from the menu
 * (the seeded operation contract waits for the city's review), costs a new contract on the same
 * editor an organisation uses and submits it; the city's reviewer finds it in 审核 under the base's
 * name; then the list in English at 360 px.
 *
 * Numbers as test/browser/contracts.test.ts (Fangchenggang 2023 v2, purchaser the city 450600): an
 * assistant at ¥3,200 costs M = ¥4,260.60, × 12 = ¥51,127.20 ≤ personnel ¥52,000 (86.66 %).
 */
const world = useBrowserWorld();
const NUMBER = `FH-E2E-${Date.now().toString(36)}`;
let page: Page;

beforeAll(async () => {
  page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(() => page?.close());

const text = async (selector: string) => (await page.locator(selector).first().textContent()) ?? '';
const submit = async (name: string) => {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).first().click()]);
};

describe('an incubation base’s admin runs the base’s own contracts', () => {
  it('finds the incubation card first and the contracts card after it, then 合同 in the menu', async () => {
    await signInAt(page, world.system.url, 'admin@fcg-fuhua.demo', '/incubator');
    const cards = await page.locator('main .card[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(cards[0]).toBe('incubation');
    expect(cards).toContain('contract-alerts');
    await Promise.all([
      page.waitForURL(/\/org\/contracts$/),
      page.locator('a.menu-item[href="/org/contracts"]:visible').first().click(),
    ]);
    expect(await text('h1')).toBe('合同');
    expect(await text('main')).toContain('防城港市社会组织孵化基地运营服务项目');
    await page.screenshot({ path: join(world.shots, 'base-contracts-list.png'), fullPage: true });
    await Promise.all([
      page.waitForURL(/\/org\/contracts\/new$/),
      page.getByRole('link', { name: '新建合同' }).click(),
    ]);
  });

  it('costs a new contract on the organisation’s editor and submits it for review', async () => {
    await submit('添加付款节点');
    for (const [id, value] of Object.entries({
      purchaserName: '防城港市民政局',
      number: NUMBER,
      title: '孵化基地公益创投辅导项目',
      serviceArea: '防城港市',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      value: '60000',
      'milestone-0-name': '全款',
      'milestone-0-dueDate': '2026-01-31',
      'milestone-0-amount': '60000',
      'post-0-title': '孵化专员',
      'post-0-ftePercent': '100',
      'post-0-months': '12',
      'post-0-monthlyPay': '3200',
      'line-personnel': '52000',
      'line-supervision': '0',
      'line-activities': '4400',
      'line-management': '1800',
      'line-tax': '1800',
      'line-other': '0',
    }))
      await page.locator(`#${id}`).fill(value);
    await page.locator('#purchaserRegion').selectOption('450600');
    await page.locator('#services-capacity_building').check();
    await page.locator('#post-0-certLevel').selectOption('assistant');
    await page.locator('#costing-summary', { hasText: '测算未发现问题' }).waitFor();
    expect(await text('#costing-post-0')).toContain('¥51,127.20');
    await Promise.all([
      page.waitForURL(/\/org\/contracts\/[^/]+\?notice=created$/),
      page.getByRole('button', { name: '保存', exact: true }).click(),
    ]);
    expect(await text('#status')).toContain('草稿');
    await submit('提交');
    expect(await text('#status')).toContain('已提交');
    await page.screenshot({ path: join(world.shots, 'base-contracts-submitted.png'), fullPage: true });
  });

  it('lands in the city reviewer’s 审核 under the base’s name', async () => {
    const reviewer = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAt(reviewer, world.system.url, 'reviewer@fcg-mzj.demo', '/bureau/reviews');
    const main = (await reviewer.locator('main').textContent()) ?? '';
    expect(main).toContain(NUMBER);
    expect(main).toContain('防城港市社会组织孵化基地');
    await reviewer.close();
  });

  it('reads in English at 360 px', async () => {
    const phone = await world.browser.newContext({ viewport: { width: 360, height: 780 } });
    await phone.addCookies([{ name: 'lang', value: 'en', url: world.system.url }]);
    const small = await phone.newPage();
    await signInAt(small, world.system.url, 'admin@fcg-fuhua.demo', '/org/contracts');
    expect(await small.locator('h1').textContent()).toBe('Contracts');
    expect(await small.locator('main').textContent()).toContain(NUMBER);
    await small.screenshot({ path: join(world.shots, 'base-contracts-en-360.png'), fullPage: true });
    expect(Number(await small.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await phone.close();
  });
});
