import { join } from 'node:path';
import { RULE_SET_FIELDS } from '@shegong/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * A bureau publishes a correction the way its staff would: the Fangchenggang bureau's admin signs
 * in, opens 规则, fills a new version with one changed pay floor, checks the changes on the
 * confirmation page, goes back to change a national parameter too, confirms, and sees it in force
 * and in the history. Dongxing's admin does the same on a phone in English. Then an organisation
 * in the city sees the new floor under "rules that apply".
 */
const world = useBrowserWorld();

const signIn = (page: Page, email: string, next: string) => signInAt(page, world.system.url, email, next);

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ');

/** Today in China, as the system sees it (the new version starts today, so it is in force at once). */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('a bureau publishes a new version of its rule set', () => {
  it('shows the version in force, publishes a changed floor, and shows it in force and in the history', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'admin@fcg-mzj.demo', '/bureau');
    await page.locator('.sider').getByRole('link', { name: '规则' }).click();
    await page.waitForURL(/\/bureau\/rules$/);
    const main = page.locator('main');
    // The seeded values in force (the correction's, v2, carried on): assistant floor ¥3,200 (illustrative), CE 50 hours (P-R2).
    expect(await main.textContent()).toContain('¥3,200.00');
    expect(await main.textContent()).toContain('50 学时');
    expect(await main.textContent()).toContain('示例值');
    await page.screenshot({ path: join(world.shots, 'rules-bureau.png'), fullPage: true });

    await page.getByRole('link', { name: '发布新版本' }).click();
    await page.waitForURL(/\/bureau\/rules\/new$/);
    // Prefilled from the version in force.
    expect(await page.locator('#p-payFloor-assistant').inputValue()).toBe('3200');
    await page.locator('#p-payFloor-assistant').fill('3300.50');
    await page.locator('#title').fill('防城港市参数（助理社工薪酬调整）');
    await page.locator('#notes').fill('助理社会工作师薪酬指导标准调整为 ¥3,300.50（示例值）。');
    await page.screenshot({ path: join(world.shots, 'rules-publish-form.png'), fullPage: true });
    await page.getByRole('button', { name: '发布', exact: true }).click();

    // Nothing is published yet: the changes against the version in force, named by its title and date.
    await page.getByRole('heading', { name: '确认发布', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/bureau/rules/new');
    expect(await text(page, '.notice-warning')).toContain('发布后不可修改');
    const version = await text(page, '#version');
    // The version in force: the city's of 2026-09-01 that publishes P-A9's rates (part incentives-v1).
    expect(version).toContain('防城港市社会工作人才激励保障参数（2026，见习补贴标准）（第 1 版）');
    expect(version).toContain('2026年9月1日起生效');
    expect(version).not.toContain('450600-2023-01-01-v2');
    expect(await text(page, 'main')).toContain(`1 项参数变更，${RULE_SET_FIELDS.length - 1} 项未变`);
    const local = await text(page, '#changes-local');
    expect(local).toContain('助理社会工作师');
    expect(local).toContain('¥3,200.00');
    expect(local).toContain('¥3,300.50');
    expect(local).toContain('P-W3');
    expect(await text(page, '#changes-national')).toContain('没有变更');
    await page.screenshot({ path: join(world.shots, 'rules-confirm.png'), fullPage: true });

    // Back to the form: everything typed is still there; the longest contract term (N-1) changes too.
    await page.getByRole('button', { name: '返回修改' }).click();
    await page.locator('#p-national-maxContractMonths').waitFor();
    expect(await page.locator('#p-payFloor-assistant').inputValue()).toBe('3300.50');
    expect(await page.locator('#title').inputValue()).toBe('防城港市参数（助理社工薪酬调整）');
    expect(await page.locator('#notes').inputValue()).toBe('助理社会工作师薪酬指导标准调整为 ¥3,300.50（示例值）。');
    // The national parameters have their own section after the local ones.
    expect(await text(page, '#form-scope-national')).toContain('国家参数');
    await page.locator('#p-national-maxContractMonths').fill('24');
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByRole('heading', { name: '确认发布', level: 1 }).waitFor();
    const national = await text(page, '#changes-national');
    expect(national).toContain('12 个月');
    expect(national).toContain('24 个月');
    expect(national).toContain('N-1');
    expect(await text(page, '#changes-local')).not.toContain('个月');
    await page.getByRole('button', { name: '确认发布' }).click();
    await page.waitForURL(new RegExp(`/bureau/rules/450600-${today}-v1`));
    expect(await page.locator('[role=status]').first().textContent()).toContain('已发布');
    expect(await main.textContent()).toContain('¥3,300.50');

    await page.goto(`${world.system.url}/bureau/rules`);
    expect(await page.locator('.notice-info').textContent()).toContain('第 1 版');
    expect(await page.locator('#value-payFloor-assistant').textContent()).toContain('¥3,300.50');
    const history = page.locator('#history');
    expect(await history.textContent()).toContain('防城港市参数（助理社工薪酬调整）');
    expect(await history.locator(`a[href="/bureau/rules/450600-${today}-v1"]`).count()).toBe(1);
    expect(await history.locator('a[href="/bureau/rules/450600-2023-01-01-v2"]').count()).toBe(1);
    await page.screenshot({ path: join(world.shots, 'rules-published.png'), fullPage: true });
    await context.close();
  });

  it('walks the confirmation on a phone in English: Dongxing’s admin corrects its own version', async () => {
    const context = await world.browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await signIn(page, 'admin@dx-mzj.demo', '/bureau/rules/new');
    await page.goto(`${world.system.url}/lang/en?next=/bureau/rules/new`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // A correction of Dongxing's own version of 2026-01-01: one local and one national value.
    await page.locator('#effectiveFrom').fill('2026-01-01');
    await page.locator('#title').fill('东兴市参数（更正）');
    await page.locator('#p-awards-amounts-senior').fill('5500');
    await page.locator('#p-national-spotCheckShare').fill('35');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('heading', { name: 'Confirm publishing', level: 1 }).waitFor();
    expect(await text(page, '.notice-warning')).toContain('A published version cannot be edited afterwards');
    expect(await text(page, '.notice-warning')).toContain('publishing a correction');
    expect(await text(page, '#version')).toContain('publishing corrects it, as version 2');
    expect(await text(page, 'main')).toContain(`2 parameters change, ${RULE_SET_FIELDS.length - 2} unchanged`);
    expect(await text(page, '#changes-local')).toContain('¥5,500.00');
    expect(await text(page, '#changes-national')).toContain('35%');
    expect(await text(page, '#changes-national')).toContain('N-6');
    await page.screenshot({ path: join(world.shots, 'rules-confirm-phone-en.png'), fullPage: true });
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: 'Confirm and publish' }).click();
    await page.waitForURL(/\/bureau\/rules\/450681-2026-01-01-v2/);
    expect(await text(page, '[role=status]')).toContain('Published');
    // The version page: the national parameters in their own section, after the local ones.
    expect(await text(page, '#scope-national')).toContain('National parameters');
    expect(await text(page, '#scope-national')).toContain('35%');
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await context.close();
  });

  it('shows an organisation of the city the new floor, read only, also in English and on a phone', async () => {
    const context = await world.browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await signIn(page, 'admin@yangguang.demo', '/rules');
    expect(await page.locator('#value-payFloor-assistant').textContent()).toContain('¥3,300.50');
    expect(await page.getByRole('link', { name: '发布新版本' }).count()).toBe(0);
    await page.goto(`${world.system.url}/lang/en?next=/rules`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('main').textContent()).toContain('Rules that apply');
    expect(await page.locator('main').textContent()).toContain('illustrative');
    await page.screenshot({ path: join(world.shots, 'rules-org-phone-en.png'), fullPage: true });
    await context.close();
  });
});
