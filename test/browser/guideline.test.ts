import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * A bureau publishes a newer guideline, and an organisation's contracts follow it (issue 10, point
 * 1). Fangchenggang's bureau publishes a version in force from 2026-12-01 that raises the
 * assistants' floor to ¥3,600. Then 阳光's project manager finds:
 * - the 2027 bid draft (from 2027-01-01, its posts costed at the floors) recosted: its page and its
 *   editor show the same labour cost, with the new floor and a note that it was recosted;
 * - the signed contract (from 2026-12-01) kept as signed, with "a newer guideline applies" and what
 *   it would change; the dashboard counts the agreed contracts a newer guideline applies to.
 */
const world = useBrowserWorld();
const DRAFT = 'GKQ-YG-2027-草-01';
const SIGNED = 'FCGMZ-GM-2026-041';

const signIn = (page: Page, email: string, next: string) => signInAt(page, world.system.url, email, next);
const text = async (page: Page, selector: string) => (await page.locator(selector).first().textContent()) ?? '';
/** The labour cost L as a page shows it (the contract page's totals, or the editor's live costing). */
const labourCost = async (page: Page) => /人力成本 L\s*(¥[\d,]+\.\d\d)/.exec(await text(page, 'main'))?.[1];

async function openContract(page: Page, number: string): Promise<string> {
  await page.goto(`${world.system.url}/org/contracts`);
  const row = page.locator('#contracts tr', { hasText: number });
  const flags = (await row.textContent()) ?? '';
  await Promise.all([page.waitForURL(/\/org\/contracts\/[^/]+$/), row.locator('a').first().click()]);
  return flags;
}

describe('a newer guideline reaches the contracts it covers', () => {
  it('is published by the bureau, in force from 2026-12-01', async () => {
    const page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'admin@fcg-mzj.demo', '/bureau/rules/new');
    await page.locator('#effectiveFrom').fill('2026-12-01');
    await page.locator('#p-payFloor-assistant').fill('3600');
    await page.locator('#title').fill('防城港市参数（2026年12月起）');
    await page.locator('#notes').fill('助理社会工作师薪酬指导标准调整为 ¥3,600（示例值）。');
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await Promise.all([
      page.waitForURL(/\/bureau\/rules\/450600-2026-12-01-v1/),
      page.getByRole('button', { name: '确认发布' }).click(),
    ]);
    await page.close();
  });

  it('recosts the draft: its row, its page and its editor agree', async () => {
    const page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'pm@yangguang.demo', '/org');
    const flags = await openContract(page, DRAFT);
    // Recosted, so no "newer guideline" mark: the rule set in force on its start date is the one it uses.
    expect(flags).not.toContain('起适用新指导标准');
    expect(await text(page, '.notice-info')).toContain('按新规则集自动重新测算');
    expect(await text(page, '#costing')).toContain('防城港市参数（2026年12月起）');
    const onPage = await labourCost(page);
    expect(onPage).toBeDefined();
    await page.screenshot({ path: join(world.shots, 'guideline-draft.png'), fullPage: true });
    await Promise.all([page.waitForURL(/\/edit$/), page.getByRole('link', { name: '编辑草稿' }).click()]);
    expect(await labourCost(page)).toBe(onPage);
    expect(await text(page, 'main')).toContain('¥3,600.00');
    await page.close();
  });

  it('keeps the signed contract as signed and shows what the newer guideline would change', async () => {
    const page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'pm@yangguang.demo', '/org');
    const card = await text(page, '#contract-alerts');
    expect(card).toMatch(/\d+ 份已提交或签订的合同适用新指导标准/);
    expect(card).toContain('2026年12月1日起适用新指导标准');
    const flags = await openContract(page, SIGNED);
    expect(flags).toContain('2026年12月1日起适用新指导标准');
    const notice = page.locator('#newer-guideline');
    expect(await notice.textContent()).toContain('已提交或签订的版本保持原样');
    expect(await notice.textContent()).toContain('按新规则集');
    // The costing as signed still names the rule set it was signed with.
    const costing = await text(page, '#costing');
    expect(costing).not.toContain('防城港市参数（2026年12月起）');
    // Below its floor because of the 70 % personnel share, not pay (point 3): said as the calculator says it.
    expect(costing).toMatch(/起决定作用的是人员经费比例：.*（人力成本 ¥131,274\.00 本身付得起，原因不在薪酬）/);
    expect(costing).not.toContain('按指导标准支付这些岗位需要更高的合同金额');
    await page.screenshot({ path: join(world.shots, 'guideline-signed.png'), fullPage: true });

    await page.goto(`${world.system.url}/lang/en?next=${encodeURIComponent(new URL(page.url()).pathname)}`);
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await notice.textContent()).toContain('A newer guideline applies');
    expect(await notice.textContent()).toContain('Newer rule set');
    await page.screenshot({ path: join(world.shots, 'guideline-signed-phone-en.png'), fullPage: true });
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await page.close();
  });
});
