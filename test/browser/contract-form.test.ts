import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * The contract editor as a project manager fills it in (issue 10, point 2): a new form opens
 * without errors; a field's error shows once the user has left it or tried to save, naming the
 * field; a row not filled in yet (a milestone, a post) is left out of the live costing and marked,
 * never blanking the costing of the rest. Fangchenggang 2023 v2 (illustrative): an assistant at
 * ¥3,200 full time for 12 months costs ¥51,127.20.
 */
const world = useBrowserWorld();
let page: Page;

beforeAll(async () => {
  page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signInAt(page, world.system.url, 'pm@yangguang.demo', '/org/contracts/new');
});

const text = async (selector: string) => (await page.locator(selector).first().textContent()) ?? '';
const fill = async (fields: Record<string, string>) => {
  for (const [id, value] of Object.entries(fields)) await page.locator(`#${id}`).fill(value);
};
const submit = async (name: string) => {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).first().click()]);
};

describe('the contract editor’s errors and half-filled rows', () => {
  it('opens a new form without a single error', async () => {
    expect(await page.locator('.error-summary').count()).toBe(0);
    expect(await page.locator('#costing-summary .finding-error').count()).toBe(0);
    expect(await text('main')).not.toContain('请填写此项');
    await page.screenshot({ path: join(world.shots, 'contract-form-fresh.png'), fullPage: true });
  });

  it('shows a field’s error once the user has left it, naming the field, and no other', async () => {
    await page.locator('#title').focus();
    await page.locator('#serviceArea').focus();
    await page.locator('#costing-summary .finding-error', { hasText: '项目名称：请填写此项' }).waitFor();
    const summary = await text('#costing-summary');
    expect(summary).not.toContain('合同编号');
    expect(summary).not.toContain('购买主体：');
  });

  it('costs around an empty milestone and an unfinished post, and marks them', async () => {
    await submit('添加付款节点');
    await submit('添加付款节点');
    await submit('添加付款节点');
    await fill({
      purchaserName: '防城港市民政局',
      number: 'FORM-2026-01',
      title: '表单测试社工站',
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
      'post-0-monthlyPay': '3200',
      'line-personnel': '52000',
      'line-supervision': '0',
      'line-activities': '4400',
      'line-management': '1800',
      'line-tax': '1800',
      'line-other': '0',
    });
    await page.locator('#purchaserRegion').selectOption('450600');
    await page.locator('#services-helping_needy').check();
    await page.locator('#post-0-certLevel').selectOption('assistant');
    // Milestone 3 is still empty: the costing shows anyway, and says it left the row out.
    await page.locator('#costing-post-0', { hasText: '¥51,127.20' }).waitFor();
    expect(await text('#costing-summary')).toContain('以下各行未填完，暂未计入测算： 付款节点 3');
    expect(await text('#costing-milestones')).toContain('¥60,000.00');

    await submit('添加岗位');
    // The new post's months are cleared: post 1 keeps its figures, post 2 is marked, nothing blanks.
    await page.locator('#post-1-months').fill('');
    await page.locator('#costing-post-1', { hasText: '此行未填完，暂不计入测算' }).waitFor();
    expect(await text('#costing-post-0')).toContain('¥51,127.20');
    expect(await text('#costing-summary')).toContain('岗位 2');
    expect(await text('main')).not.toContain('尚无测算');
    await page.screenshot({ path: join(world.shots, 'contract-form-half-filled.png'), fullPage: true });
  });

  it('names every field in the errors of a save, row and field', async () => {
    await submit('保存');
    const errors = await text('.error-summary');
    expect(errors).toContain('付款节点 3 · 节点：请填写此项');
    expect(errors).toContain('岗位 2 · 岗位名称：请填写此项');
    expect(errors).toContain('岗位 2 · 月数：请填写此项');
    expect(errors).not.toMatch(/(^|[^：])请填写此项/);
    expect(page.url()).toMatch(/\/org\/contracts\/new$/);
  });

  it('reads the same in English, on a phone', async () => {
    const phone = await world.browser.newPage({ viewport: { width: 360, height: 780 } });
    await signInAt(phone, world.system.url, 'pm@yangguang.demo', '/org/contracts/new');
    await phone.goto(`${world.system.url}/lang/en?next=%2Forg%2Fcontracts%2Fnew`);
    expect(await phone.locator('#costing-summary .finding-error').count()).toBe(0);
    await phone.locator('#number').focus();
    await phone.locator('#title').focus();
    await phone.locator('#costing-summary .finding-error', { hasText: 'Fill this in' }).waitFor();
    expect(await phone.locator('#costing-summary').textContent()).toMatch(/Contract number: Fill this in/i);
    await phone.screenshot({ path: join(world.shots, 'contract-form-phone-en.png'), fullPage: true });
    expect(Number(await phone.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await phone.close();
  });
});
