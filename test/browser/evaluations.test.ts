import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * N-6 and a guideline's impact, as bureau staff do them: the city's auditor opens 抽查评估, draws
 * 2025's sample with a seed, sees it checked, tries to draw the year again and is told it was
 * drawn, reads the same sample again; then scores the overdue final evaluation of 东兴's ended
 * contract and opens its printable report. 东兴's reviewer, on a phone in English, finds that final
 * evaluation no longer overdue and the county's own sample. The city's reviewer prepares a higher
 * assistant floor, sees its impact on the confirmation, and publishes it.
 */
const world = useBrowserWorld();

const signIn = (page: Page, email: string, next: string) => signInAt(page, world.system.url, email, next);
const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ');

describe('spot checks and evaluations', () => {
  it('draws a sample twice and gets the same one, then scores an evaluation', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'auditor@fcg-mzj.demo', '/bureau');
    await page.locator('.sider').getByRole('link', { name: '抽查评估' }).click();
    await page.waitForURL(/\/bureau\/evaluations$/);
    // The demo's own 2026 draw, and 东兴's contract ended in October without its final evaluation.
    expect(await text(page, '#draws')).toContain('2026年度防城港市抽查');
    expect(await text(page, '#overdue')).toContain('DXMZ-2025-012');

    await page.locator('#year').fill('2025');
    await page.locator('#seed').fill('浏览器测试种子');
    await page.getByRole('button', { name: '抽取样本' }).click();
    await page.waitForURL(/\/bureau\/evaluations\/spot-checks\/2025$/);
    expect(await text(page, '.notice-success')).toContain('样本一致');
    const first = await text(page, '#sample');
    expect(first).toMatch(/FCGMZ-GM-2025-03[12]|DXMZ-2025-01[12]/);
    await page.screenshot({ path: join(world.shots, 'evaluations-sample.png'), fullPage: true });

    // Drawing the year again is refused; the recorded sample reads the same.
    await page.goto(`${world.system.url}/bureau/evaluations`);
    await page.locator('#year').fill('2025');
    await page.locator('#seed').fill('另一个种子');
    await page.getByRole('button', { name: '抽取样本' }).click();
    expect(await text(page, '.error-summary')).toContain('这个年度已经抽取过样本');
    await page.goto(`${world.system.url}/bureau/evaluations/spot-checks/2025`);
    expect(await text(page, '#sample')).toBe(first);

    // The overdue final evaluation, scored.
    await page.goto(`${world.system.url}/bureau/evaluations`);
    await page.locator('#overdue tr', { hasText: 'DXMZ-2025-012' }).getByRole('link', { name: '评估' }).click();
    await page.waitForURL(/\/new\?kind=final$/);
    const scores = ['18', '35', '17', '16'];
    for (const [i, score] of scores.entries()) await page.locator(`#score-${i}`).fill(score);
    await page.locator('#notes').fill('项目整体完成较好。');
    await page.getByRole('button', { name: '提交评估' }).click();
    await page.waitForURL(/\/bureau\/evaluations\/contracts\/.+\?filed=1$/);
    const report = await text(page, 'main');
    expect(report).toContain('评估已提交');
    expect(report).toContain('86.00');
    expect(report).toContain('良好');
    expect(report).toContain('N-6');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sider').isVisible()).toBe(false);
    await page.screenshot({ path: join(world.shots, 'evaluations-report-print.png'), fullPage: true });
    await context.close();
  });

  it('works on a phone in English for the county', async () => {
    const context = await world.browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await signIn(page, 'reviewer@dx-mzj.demo', '/bureau/evaluations');
    await page.goto(`${world.system.url}/lang/en?next=/bureau/evaluations`);
    await page.waitForURL(/\/bureau\/evaluations$/);
    expect(await text(page, 'h1')).toContain('Spot checks & evaluations');
    expect(await text(page, '#draws')).toContain('2026年度东兴市抽查');
    // The city filed the final evaluation of the county's contract: no longer overdue here either
    // (the county's register contracts that closed without one still are).
    const overdue = await text(page, '#overdue');
    expect(overdue).not.toContain('DXMZ-2025-012');
    expect(overdue).toContain('DXMZ-2025-005');
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await page.locator('#draws').getByRole('link', { name: '2026' }).click();
    expect(await text(page, '.notice-success')).toContain('the same sample');
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(world.shots, 'evaluations-360-en.png'), fullPage: true });
    await context.close();
  });
});

describe('the impact of a draft rule set', () => {
  it('shows what it does to the jurisdiction’s contracts before it is published, then publishes it', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'reviewer@fcg-mzj.demo', '/bureau/rules/new');
    await page.locator('#p-payFloor-assistant').fill('4200');
    await page.locator('#title').fill('防城港市参数（助理社工薪酬大幅调整，征求意见）');
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByRole('heading', { name: '确认发布', level: 1 }).waitFor();
    const impact = await text(page, '#impact');
    expect(impact).toContain('对辖区合同的影响');
    expect(impact).toContain('有人员低于薪酬指导标准');
    expect(impact).toContain('P-W3');
    // Contracts under 东兴's own rules are not governed by the city's.
    expect(impact).not.toContain('DXMZ-');
    await page.screenshot({ path: join(world.shots, 'rules-impact.png'), fullPage: true });
    await page.getByRole('button', { name: '确认发布' }).click();
    await page.waitForURL(/\/bureau\/rules\/.+\?published=1$/);
    await context.close();
  });
});
