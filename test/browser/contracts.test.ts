import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CellRead, workbookCells } from '../../packages/sheets/src/index.ts';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * A purchase contract as an organisation's admin plans it, in chromium against the seeded local
 * system: create it with a frontline post paid below the guideline and a personnel line that does
 * not cover it, see P-W3 and P-W2 beside the figures as they are typed, raise the pay and the line
 * and see them clear before saving, then submit, sign and amend, and find both versions listed.
 *
 * Numbers (Fangchenggang 2023 v2, illustrative; the purchaser is the city, 450600): an assistant's
 * floor is ¥3,200. At ¥3,000: SI on the base floor ¥3,800 = 608 + 258.40 + 19 + 15.20 = ¥900.60,
 * HF 5 % of ¥3,000 = ¥150, M = ¥4,050.60, × 12 months = ¥48,607.20 > personnel ¥40,000 (short
 * ¥8,607.20), and ¥40,000 is 66.66 % of ¥60,000 < 70 %. At ¥3,200: HF ¥160, M = ¥4,260.60,
 * × 12 = ¥51,127.20 ≤ personnel ¥52,000 (86.66 %), and every line adds up to ¥60,000.
 * Amended to ¥3,300: HF ¥165, M = ¥4,365.60, × 12 = ¥52,387.20. A month of actuals at ¥3,300 and a
 * 100 % share costs M = ¥4,365.60, so two months are ¥8,731.20 of personnel.
 */
const world = useBrowserWorld();
let page: Page;
const NUMBER = `E2E-${Date.now().toString(36)}`;

beforeAll(async () => {
  page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
});

const fill = async (fields: Record<string, string>) => {
  for (const [id, value] of Object.entries(fields)) await page.locator(`#${id}`).fill(value);
};

/** Clicks a submit button and waits for the page it leads to. */
const submit = async (name: string | RegExp) => {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).first().click()]);
};

const text = async (selector: string) => (await page.locator(selector).first().textContent()) ?? '';

async function fitsAt360(p: Page, shot: string) {
  await p.setViewportSize({ width: 360, height: 780 });
  await p.screenshot({ path: join(world.shots, shot), fullPage: true });
  const width = Number(await p.evaluate('document.documentElement.scrollWidth'));
  await p.setViewportSize({ width: 1280, height: 900 });
  expect(width).toBeLessThanOrEqual(360);
}

describe('an admin plans, signs and amends a contract', () => {
  it('opens 合同 from the menu: the list with its filter row and the new-contract action', async () => {
    await signInAt(page, world.system.url, 'admin@yangguang.demo', '/org');
    expect(await text('#contract-alerts')).toContain('合同');
    await page.screenshot({ path: join(world.shots, 'contracts-dashboard.png'), fullPage: true });
    await Promise.all([
      page.waitForURL(/\/org\/contracts$/),
      page.locator('a.menu-item[href="/org/contracts"]:visible').first().click(),
    ]);
    expect(await text('h1')).toBe('合同');
    expect(await text('.filter-row')).toContain('已签订');
    await page.screenshot({ path: join(world.shots, 'contracts-list.png'), fullPage: true });
    await fitsAt360(page, 'contracts-list-360.png');
    await Promise.all([
      page.waitForURL(/\/org\/contracts\/new$/),
      page.getByRole('link', { name: '新建合同' }).click(),
    ]);
  });

  it('shows P-W3 and P-W2 beside the figures as they are typed', async () => {
    // Two milestones first: adding a row posts the form (it works without script).
    await submit('添加付款节点');
    await submit('添加付款节点');
    await fill({
      purchaserName: '防城港市民政局',
      number: NUMBER,
      title: '浏览器测试社工站',
      serviceArea: '港口区沙潭江街道',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      value: '60000',
      'milestone-0-name': '首期',
      'milestone-0-dueDate': '2026-01-31',
      'milestone-0-amount': '30000',
      'milestone-1-name': '尾款',
      'milestone-1-dueDate': '2026-12-31',
      'milestone-1-amount': '30000',
      'post-0-title': '一线社工',
      'post-0-ftePercent': '100',
      'post-0-months': '12',
      'post-0-monthlyPay': '3000',
      'line-personnel': '40000',
      'line-supervision': '0',
      'line-activities': '16400',
      'line-management': '1800',
      'line-tax': '1800',
      'line-other': '0',
    });
    await page.locator('#purchaserRegion').selectOption('450600');
    await page.locator('#services-helping_needy').check();
    await page.locator('#services-resource_linking').check();
    await page.locator('#post-0-certLevel').selectOption('assistant');

    // The recost script answers within a moment; nothing has been saved.
    await page.locator('#costing-post-0 .finding', { hasText: 'P-W3' }).waitFor();
    const post = await text('#costing-post-0');
    expect(post).toContain('¥48,607.20');
    expect(post).toContain('每月差 ¥200.00');
    const personnel = await text('#costing-line-personnel');
    expect(personnel).toContain('P-W2');
    expect(personnel).toContain('差 ¥8,607.20');
    const summary = await text('#costing-summary');
    expect(summary).toMatch(/测算发现 \d+ 个错误/);
    expect(summary).toContain('岗位 1：月薪 ¥3,000.00 低于指导标准 ¥3,200.00');
    expect(await page.locator('#costing-status').textContent()).toMatch(/已重新测算/);
    expect(page.url()).toMatch(/\/org\/contracts\/new$/);
    await page.screenshot({ path: join(world.shots, 'contracts-editor-findings.png'), fullPage: true });
    await page.locator('#post-0').screenshot({ path: join(world.shots, 'contracts-editor-post.png') });
    await page.locator('#budget').screenshot({ path: join(world.shots, 'contracts-editor-budget.png') });
  });

  it('clears them when the pay and the personnel line are raised, then saves', async () => {
    await fill({ 'post-0-monthlyPay': '3200', 'line-personnel': '52000', 'line-activities': '4400' });
    await page.locator('#costing-summary', { hasText: '测算未发现问题' }).waitFor();
    expect(await text('#costing-post-0')).toContain('¥51,127.20');
    expect(await page.locator('#costing-post-0 .finding').count()).toBe(0);
    expect(await text('#costing-line-personnel')).not.toContain('差');
    await page.screenshot({ path: join(world.shots, 'contracts-editor-clear.png'), fullPage: true });
    await fitsAt360(page, 'contracts-editor-360.png');

    await Promise.all([
      page.waitForURL(/\/org\/contracts\/[^/]+\?notice=created$/),
      page.getByRole('button', { name: '保存', exact: true }).click(),
    ]);
    expect(await text('.notice')).toContain('合同已创建');
    expect(await text('#status')).toContain('草稿');
    expect(await text('#costing')).toContain('¥51,127.20');
  });

  it('submits it, the city bureau approves it, and it is signed', async () => {
    await submit('提交');
    expect(await text('#status')).toContain('已提交');
    expect(await text('#review')).toContain('防城港市民政局');
    // Review before signing: the city bureau's reviewer finds it in the queue and approves it.
    const reviewer = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAt(reviewer, world.system.url, 'reviewer@fcg-mzj.demo', '/bureau/reviews');
    await Promise.all([
      reviewer.waitForURL(/\/bureau\/contracts\//),
      reviewer.getByRole('link', { name: NUMBER }).click(),
    ]);
    await Promise.all([reviewer.waitForURL(/notice=approve/), reviewer.locator('#decision-approve').click()]);
    await reviewer.close();
    await page.reload();
    expect(await text('#review')).toContain('已批准');
    await page.locator('#status-signed-date').fill('2026-01-05');
    await submit('签订');
    expect(await text('#status')).toContain('已签订');
    expect(await text('#status')).toContain('2026年1月5日');
    await page.screenshot({ path: join(world.shots, 'contracts-signed.png'), fullPage: true });
    await fitsAt360(page, 'contracts-page-360.png');
  });

  it('amends it with a reason, and lists version 2 and version 1 with the change', async () => {
    await Promise.all([page.waitForURL(/\/amend$/), page.getByRole('link', { name: '修订合同' }).click()]);
    expect(await page.locator('#post-0-monthlyPay').inputValue()).toBe('3200');
    await fill({
      reason: '购买主体同意提高一线社工薪酬',
      effectiveDate: '2026-07-01',
      'post-0-monthlyPay': '3300',
      'line-personnel': '53000',
      'line-activities': '3400',
    });
    await Promise.all([
      page.waitForURL(/notice=amended$/),
      page.getByRole('button', { name: '保存为新版本', exact: true }).click(),
    ]);
    expect(await text('.notice')).toContain('第 2 版');
    const versions = await text('#versions');
    expect(versions).toContain('第 2 版');
    expect(versions).toContain('第 1 版');
    expect(versions).toContain('购买主体同意提高一线社工薪酬');
    expect(versions).toMatch(/岗位 1 · 月薪：¥3,200.00\s*→\s*¥3,300.00/);
    expect(versions).toMatch(/预算：人员经费：¥52,000.00\s*→\s*¥53,000.00/);
    await page.screenshot({ path: join(world.shots, 'contracts-versions.png'), fullPage: true });

    await Promise.all([
      page.waitForURL(/\/versions\/1$/),
      page.locator('#versions').getByRole('link', { name: '第 1 版' }).click(),
    ]);
    expect(await text('#costing')).toContain('¥51,127.20');
    expect(await text('#about')).toContain('防城港市社会工作人才激励保障参数');
    await page.screenshot({ path: join(world.shots, 'contracts-version-1.png'), fullPage: true });
    await page.goBack();
  });

  it('records two months of actuals and sees them against the budget', async () => {
    await Promise.all([page.waitForURL(/\/actuals$/), page.getByRole('link', { name: '实际支出' }).first().click()]);
    const actuals = new URL(page.url()).pathname;
    // January: no named posts to prefill, so one person is added; the month is the term's first.
    await page.locator('.page-actions a.btn-primary').click();
    await page.waitForURL(/\/actuals\/2026-01$/);
    if ((await page.locator('#row-0-name').count()) === 0) await submit('再加一人');
    await page.locator('#row-0-name').fill('浏览器社工');
    await page.locator('#row-0-certLevel').selectOption('assistant');
    await page.locator('#row-0-grossPay').fill('3300');
    await page.locator('#row-0-share').fill('100');
    await page.locator('#expense-activities').fill('300');
    await page.getByRole('button', { name: '保存本月' }).click();
    await page.waitForURL((url) => url.pathname === actuals && url.searchParams.has('recorded'));
    // February: the payroll is prefilled from January.
    await page.locator('.page-actions a.btn-primary').click();
    await page.waitForURL(/\/actuals\/2026-02$/);
    expect(await page.locator('#row-0-name').inputValue()).toBe('浏览器社工');
    await page.locator('#expense-activities').fill('400');
    await page.getByRole('button', { name: '保存本月' }).click();
    await page.waitForURL((url) => url.pathname === actuals && url.searchParams.has('recorded'));

    expect(await page.locator('#months tbody tr').count()).toBe(2);
    expect(await text('#line-personnel')).toContain('¥8,731.20');
    expect(await text('#line-activities')).toContain('¥700.00');
    expect(await page.locator('svg.chart').count()).toBe(1);
    await page.screenshot({ path: join(world.shots, 'contracts-actuals.png'), fullPage: true });
  });

  /** Downloads what a link leads to and reads its cells back. */
  async function download(name: string): Promise<CellRead[]> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).first().click()]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    return workbookCells(await readFile(await file.path()));
  }

  it('exports the costing sheet and the budget against actual with the page’s numbers and the rule ids', async () => {
    await page.goto(`${world.system.url}${new URL(page.url()).pathname.replace(/\/actuals$/, '')}`);
    const costing = await download('导出测算表 xlsx');
    const values = costing.map((c) => c.value);
    // Version 2's post cost and labour cost, in yuan with two decimals, as the page shows them.
    expect(await text('#costing')).toContain('¥52,387.20');
    expect(values).toContain(52_387.2);
    expect(values).toEqual(expect.arrayContaining(['P-W2', 'P-W3']));
    const budget = await download('导出预算执行 xlsx');
    expect(budget.map((c) => c.value)).toContain(8_731.2);
  });
});

describe('the editor without a mouse and without script', () => {
  it('works with the keyboard alone: tab to a field, tick a service, recalculate with Enter', async () => {
    const p = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAt(p, world.system.url, 'pm@yangguang.demo', '/org/contracts/new');
    const focused = async () => String(await p.evaluate("document.activeElement?.id ?? ''"));
    let guard = 0;
    while ((await focused()) !== 'purchaserName' && guard++ < 80) await p.keyboard.press('Tab');
    expect(await focused()).toBe('purchaserName');
    await p.keyboard.type('防城港市民政局');
    while ((await focused()) !== 'services-helping_needy' && guard++ < 120) await p.keyboard.press('Tab');
    await p.keyboard.press('Space');
    expect(await p.locator('#services-helping_needy').isChecked()).toBe(true);
    // A date picker is typed a part at a time, each part moving on when full, in the order of the
    // browser's own locale: the test chromium's is en-US, month / day / year (a Chinese one's is
    // year / month / day).
    while ((await focused()) !== 'startDate' && guard++ < 160) await p.keyboard.press('Tab');
    await p.keyboard.type('01012026');
    while ((await focused()) !== 'endDate' && guard++ < 170) await p.keyboard.press('Tab');
    await p.keyboard.type('12312026');
    expect([await p.locator('#startDate').inputValue(), await p.locator('#endDate').inputValue()]).toEqual([
      '2026-01-01',
      '2026-12-31',
    ]);
    while ((await focused()) !== 'value' && guard++ < 200) await p.keyboard.press('Tab');
    await p.keyboard.type('60000');
    // Enter in a field recalculates (the form's first button), never removes a row.
    await Promise.all([p.waitForNavigation(), p.keyboard.press('Enter')]);
    expect(await p.locator('#purchaserName').inputValue()).toBe('防城港市民政局');
    expect(await p.locator('#post-0-title').count()).toBe(1);
    expect((await p.locator('#costing-post-0').textContent()) ?? '').toContain('¥');
    await p.screenshot({ path: join(world.shots, 'contracts-editor-keyboard.png'), fullPage: true });
    await p.close();
  });

  it('recosts by the 重新计算 button when script is off', async () => {
    const context = await world.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const p = await context.newPage();
    await signInAt(p, world.system.url, 'finance@yangguang.demo', '/org/contracts/new');
    await p.locator('#purchaserRegion').selectOption('450600');
    await p.locator('#startDate').fill('2026-01-01');
    await p.locator('#endDate').fill('2026-12-31');
    await p.locator('#value').fill('60000');
    await p.locator('#post-0-monthlyPay').fill('3000');
    await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: '重新计算', exact: true }).last().click()]);
    const post = (await p.locator('#costing-post-0').textContent()) ?? '';
    expect(post).toContain('P-W3');
    expect(post).toContain('¥48,607.20');
    expect(await p.locator('#value').inputValue()).toBe('60000');
    await context.close();
  });
});
