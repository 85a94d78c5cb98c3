import { join } from 'node:path';
import { DEMO_TENANTS } from '@shegong/local';
import { GetCommand, keys, Store } from '@shegong/store';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * The "Done when" for the targets (P-T7 / P-T2): the city bureau's dashboard shows a
 * community as missing; hr of 阳光 (港口区) posts a certified worker there; the dashboard then shows
 * the community met. Then the printable view, a county's page, and the dashboard in English at 360 px.
 *
 * The journey adds its own street and community to the demo map through the store (港口区
 * 450602990, 450602990001 测试社区), so it does not depend on which places the demo map holds.
 */
const world = useBrowserWorld();
const TOWNSHIP = '450602990';
const COMMUNITY = '450602990001';
const YANGGUANG = DEMO_TENANTS.find((t) => t.domain === 'yangguang.demo')!;
const BUREAU = DEMO_TENANTS.find((t) => t.domain === 'fcg-mzj.demo')!;
const today = () => new Date().toISOString().slice(0, 10);
let store: Store;

/** A demo sign-in's user id, by its e-mail (the seed's e-mail guard holds it). */
async function userOf(email: string): Promise<string> {
  const { Item } = await store.client.send(new GetCommand({ TableName: store.tableName, Key: keys.emailGuard(email) }));
  if (typeof Item?.userId !== 'string') throw new Error(`no demo user ${email}`);
  return Item.userId;
}

beforeAll(async () => {
  store = new Store({ tableName: world.tableName, endpoint: inject('dynamoEndpoint') });
  const member = { tenantId: BUREAU.id, userId: await userOf(`admin@${BUREAU.domain}`) };
  const map = store.cityMap({ ...member, kind: 'bureau' }, '450600');
  const write = store.tenant(member).scope.mutation();
  map.stageTownship(write, { code: TOWNSHIP, name: '测试街道', county: '450602', kind: 'street' });
  map.stageCommunity(write, { code: COMMUNITY, name: '测试社区', township: TOWNSHIP, kind: 'urban' });
  await write.audited('test.map', 'Map', '450600', 1, {}).commit();
});

/** A certified staff member of 阳光 (港口区), by id: the person hr posts. */
async function certifiedAtYangguang(): Promise<string> {
  const hr = { tenantId: YANGGUANG.id, userId: await userOf(`hr@${YANGGUANG.domain}`) };
  const people = await store.tenant(hr).people.listAll();
  const certified = people.find((p) => p.certificates.some((c) => c.obtainedOn <= today()));
  if (!certified) throw new Error('no certified person at 阳光');
  return certified.id;
}

/**
 * hr of 阳光 posts the person to the community on their staff page (服务社区), starting today: a
 * person posted twice serves where the later posting starts.
 */
async function postCertifiedWorker(browser: BrowserContext): Promise<void> {
  const personId = await certifiedAtYangguang();
  const page = await browser.newPage();
  await signInAt(page, world.system.url, `hr@${YANGGUANG.domain}`, `/org/staff/${personId}`);
  await page.locator('#postings summary', { hasText: '派驻到社区' }).click();
  await page.locator('#community').selectOption(COMMUNITY);
  await page.locator('#from').fill(today());
  await Promise.all([
    page.waitForURL(/posting=posted/),
    page.getByRole('button', { name: '派驻', exact: true }).click(),
  ]);
  expect(await page.locator('#postings').textContent()).toContain('测试社区');
  await page.screenshot({ path: join(world.shots, 'targets-hr-posting.png'), fullPage: true });
  await page.close();
}

/** The places listed behind a target's number (the codes of its gap rows). */
const gapCodes = (page: Page, key: string) =>
  page.locator(`#target-${key} tr[data-gap]`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-gap')));

describe('the bureau’s targets', () => {
  it('shows a community missing, then met once a certified worker is posted there (zh-CN)', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAt(page, world.system.url, 'reviewer@fcg-mzj.demo', '/bureau');
    // The bureau's dashboard has the targets' card: how many are met, and each one that is not.
    const card = (await page.locator('#targets-card').textContent()) ?? '';
    expect(card).toMatch(/8 项目标中 \d 项已达标/);
    expect(card).toContain('社区持证社工岗位');
    await page.locator('.sider').getByRole('link', { name: '目标进度' }).click();
    await page.waitForURL(/\/bureau\/targets$/);
    expect(await page.locator('h1').textContent()).toContain('目标进度');
    // P-T7 and P-T2 name the new community, with what it has and needs.
    expect(await gapCodes(page, 'certifiedPosts')).toContain(COMMUNITY);
    expect(await gapCodes(page, 'professionals')).toContain(COMMUNITY);
    const row = page.locator(`#target-certifiedPosts tr[data-gap="${COMMUNITY}"]`);
    expect(await row.locator('td[data-label="地方"]').textContent()).toContain('测试社区');
    expect(await row.locator('td[data-label="现有"]').textContent()).toBe('0');
    expect(await row.locator('td[data-label="需要"]').textContent()).toBe('1');
    expect(await page.locator('#target-certifiedPosts .rule-badge summary').textContent()).toBe('P-T7');
    // Every card says its status in words beside its colour.
    const statuses = await page.locator('.target-cards .card-extra .tag').allTextContents();
    expect(statuses.length).toBe(8);
    for (const s of statuses) expect(['达标', '未达标', '逾期', '缺少数据']).toContain(s);
    // The counties' table links each county; the charts have their descriptions.
    expect(await page.locator('#counties tbody th a').allTextContents()).toEqual([
      '港口区',
      '防城区',
      '上思县',
      '东兴市',
    ]);
    expect(await page.locator('#progress-chart-desc').textContent()).toContain('港口区');
    expect(await page.locator('#series-chart-desc').textContent()).toContain('持证社工');
    expect(await page.getByRole('link', { name: '维护区划与站点' }).getAttribute('href')).toBe('/bureau/map');
    await page.screenshot({ path: join(world.shots, 'targets-city-before.png'), fullPage: true });

    const hrBrowser = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await postCertifiedWorker(hrBrowser);
    await hrBrowser.close();
    await page.reload();
    expect(await gapCodes(page, 'certifiedPosts')).not.toContain(COMMUNITY);
    // An urban community needs two professionals (P-T2): one is not enough.
    const p2 = page.locator(`#target-professionals tr[data-gap="${COMMUNITY}"] td[data-label="现有"]`);
    expect(await p2.textContent()).toBe('1');
    await page.screenshot({ path: join(world.shots, 'targets-city-after.png'), fullPage: true });

    // 港口区's own page: its figures only, the lists open.
    await page.locator('#counties tbody th a', { hasText: '港口区' }).click();
    await page.waitForURL(/\/bureau\/targets\/counties\/450602$/);
    expect(await page.locator('h1').textContent()).toContain('港口区');
    expect(await page.locator('.target-cards .card').count()).toBe(6);

    // The printable view: no menu, the bureau and the date on top, every figure with its rule id.
    await page.goto(`${world.system.url}/bureau/targets/print`);
    expect(await page.locator('.sider').count()).toBe(0);
    const top = (await page.locator('main').textContent()) ?? '';
    expect(top).toContain('防城港市民政局');
    expect(top).toMatch(/统计日期：\d{4}年\d{1,2}月\d{1,2}日/);
    const rules = await page.locator('main > .table-wrap').first().locator('.rule-badge summary').allTextContents();
    expect(rules).toEqual(['P-T1', 'P-T2', 'P-T3', 'P-T4', 'P-T5', 'P-T6', 'P-T6', 'P-T7']);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-actions').isVisible()).toBe(false);
    await page.screenshot({ path: join(world.shots, 'targets-print.png'), fullPage: true });
    await context.close();
  });

  it('reads in English at 360 px', async () => {
    const context = await world.browser.newContext({ viewport: { width: 360, height: 800 } });
    await context.addCookies([{ name: 'lang', value: 'en', url: world.system.url }]);
    const page = await context.newPage();
    await signInAt(page, world.system.url, 'auditor@fcg-mzj.demo', '/bureau/targets');
    expect(await page.locator('h1').textContent()).toContain('Targets');
    expect(await page.locator('#target-certifiedPosts .card-title').textContent()).toContain('certified');
    await page.screenshot({ path: join(world.shots, 'targets-en-360.png'), fullPage: true });
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await context.close();
  });
});
