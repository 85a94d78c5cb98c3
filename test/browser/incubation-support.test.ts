import { join } from 'node:path';
import { DEMO_PASSWORD } from '@shegong/local';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeFlow } from '../../packages/local/test/code-flow.ts';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * The support and milestones tabs of an incubation record, as operator@fcg-fuhua.demo sees them on
 * the demo data (part incubation-support-v1): 启航's totals and lists; a training recorded with 青苗
 * ticked as attending shows on 青苗's tab too; 启航 meets every criterion but the 12 months, so the
 * graduate form is refused listing that one and nothing changes; a milestone marked with its
 * evidence; then the tabs and the template in English at 360 px.
 */
const world = useBrowserWorld();
const ids: Record<string, string> = {};

beforeAll(async () => {
  const { issuer } = world.system;
  const { id_token } = await codeFlow(fetch, {
    issuer: issuer.issuer,
    clientId: issuer.clientId,
    redirectUri: `${world.system.url}/auth/callback`,
    email: 'operator@fcg-fuhua.demo',
    password: DEMO_PASSWORD,
  });
  const response = await fetch(`${world.system.url}/v1/incubation/incubations?limit=100`, {
    headers: { Authorization: `Bearer ${id_token}` },
  });
  const { items } = (await response.json()) as { items: { id: string; organisationName: string }[] };
  for (const record of items) ids[record.organisationName] = record.id;
});

const QIHANG = '港口区启航社会工作服务中心';
const QINGMIAO = '港口区青苗社会工作服务中心';
const tab = (name: string, which: 'support' | 'milestones') => `/incubator/orgs/${ids[name]}/${which}`;
const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';

describe('an incubation record’s support and milestones', () => {
  it('records support for several organisations and refuses a graduation listing the unmet criterion (zh-CN)', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAt(page, world.system.url, 'operator@fcg-fuhua.demo', tab(QIHANG, 'support'));
    expect(await text(page, 'h1')).toContain('启航');
    expect(await page.locator('nav.subnav [aria-current="page"]').textContent()).toBe('支持记录');
    const totals = await text(page, '#totals');
    expect(totals).toContain('9（3 次培训）');
    expect(totals).toContain('¥3,000.00');
    expect(await text(page, '#list-subsidy')).toContain('小额活动补贴');

    // A training 青苗 attended too: listed under both, hours added to both.
    await page.locator('#list-training summary').click();
    await page.getByLabel('日期').first().fill('2026-11-20');
    await page.getByLabel('培训主题').fill('社区活动安全与应急预案');
    await page.locator('#training-hours').fill('2.5');
    await page.getByLabel(QINGMIAO).check();
    await Promise.all([page.waitForURL(/recorded=1/), page.locator('#list-training button[type=submit]').click()]);
    expect(await text(page, '#list-training')).toContain('社区活动安全与应急预案');
    expect(await text(page, '#totals')).toContain('11.5（4 次培训）');
    await page.goto(`${world.system.url}${tab(QINGMIAO, 'support')}`);
    expect(await text(page, '#list-training')).toContain('社区活动安全与应急预案');

    // A bad amount names its field and saves nothing.
    await page.locator('#list-subsidy summary').click();
    await page.locator('#subsidy-on').fill('2026-11-21');
    await page.locator('#subsidy-purpose').fill('邻里节');
    await page.locator('#subsidy-amount').fill('12.345');
    await page.locator('#list-subsidy button[type=submit]').click();
    expect(await text(page, '.error-summary')).toContain('金额');
    expect(await text(page, '#list-subsidy tbody')).not.toContain('邻里节');

    // 启航's milestones: all criteria met but the months (it started on 2026-03-01); graduating on
    // 2026-11-30 is refused with that one listed, whatever day the journey runs.
    await page.goto(`${world.system.url}${tab(QIHANG, 'milestones')}`);
    expect(await text(page, '#criteria')).toContain('要求 12 个月');
    expect(await text(page, '#criteria')).toContain('已于 2026年9月10日 通过中期评估');
    expect(await text(page, '#criteria')).toContain('里程碑「财务制度」已于 2026年7月1日 完成');
    await page.locator('#graduate-on').fill('2026-11-30');
    await page.locator('#graduate button[type=submit]').click();
    expect(await text(page, '#unmet')).toContain('要求 12 个月');
    expect(await text(page, '#unmet')).not.toContain('学时');
    await page.screenshot({ path: join(world.shots, 'incubation-graduation-refused.png'), fullPage: true });
    await page.goto(`${world.system.url}${tab(QIHANG, 'milestones')}`);
    expect(await text(page, '#graduate')).toContain('确认出壳');

    // 青苗: the checklist says from the records it is not registered; a milestone marked with its evidence.
    await page.goto(`${world.system.url}${tab(QINGMIAO, 'milestones')}`);
    expect(await text(page, '#m-registered')).toContain('系统记录：未登记');
    await page.locator('#m-governance summary').click();
    await page.locator('#m-governance-on').fill('2026-11-25');
    await page.locator('#m-governance-evidence').fill('章程草案经发起人会议通过');
    await page.locator('#m-governance button[type=submit]').click();
    await page.waitForURL(/milestones/);
    expect(await text(page, '#m-governance')).toContain('章程草案经发起人会议通过');
    expect(await text(page, '#m-governance')).toContain('已完成');
    await context.close();
  });

  it('reads in English at 360 px, with the template', async () => {
    const context = await world.browser.newContext({ viewport: { width: 360, height: 800 } });
    await context.addCookies([{ name: 'lang', value: 'en', url: world.system.url }]);
    const page = await context.newPage();
    await signInAt(page, world.system.url, 'operator@fcg-fuhua.demo', tab(QIHANG, 'milestones'));
    expect(await text(page, 'h1')).toContain('Milestones and graduation');
    expect(await text(page, '#checklist')).toContain('Articles and governance rules');
    expect(await text(page, '#criteria')).toContain('of 12 months incubated');
    const fits = async () => Number(await page.evaluate('document.documentElement.scrollWidth')) <= 360;
    expect(await fits()).toBe(true);
    // No cell cut off: notes, forms and sentences take the width under their label.
    const clipped = `[...document.querySelectorAll('td')].filter((td) => td.scrollWidth > td.clientWidth + 1).length`;
    expect(await page.evaluate(clipped)).toBe(0);
    await page.screenshot({ path: join(world.shots, 'incubation-milestones-en-360.png'), fullPage: true });
    await page.goto(`${world.system.url}${tab(QIHANG, 'support')}`);
    expect(await text(page, '#totals')).toContain('¥3,000.00');
    expect(await fits()).toBe(true);
    expect(await page.evaluate(clipped)).toBe(0);
    await page.getByRole('link', { name: 'Milestones and graduation', exact: true }).click();
    await page.getByRole('link', { name: 'Edit milestones and graduation criteria' }).click();
    await page.waitForURL(/\/incubator\/template$/);
    expect(await page.locator('#milestone-0-label').inputValue()).toBe('Registered');
    expect(await fits()).toBe(true);
    // Saving in English keeps the default milestones' stored names.
    await page.locator('#minMonths').fill('9');
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.waitForURL(/saved=1/);
    expect(await page.locator('#milestone-1-label').inputValue()).toBe('Articles and governance rules');
    await page.goto(`${world.system.url}${tab(QIHANG, 'milestones')}`);
    expect(await text(page, '#criteria')).toContain('Every graduation criterion is met');
    await context.close();
  });
});
