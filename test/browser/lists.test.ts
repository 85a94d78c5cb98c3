import { join } from 'node:path';
import { DEMO_PASSWORD } from '@shegong/local';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_EXAMPLE } from '../../packages/http/src/contracts/examples.ts';
import { codeFlow } from '../../packages/local/test/code-flow.ts';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * Lists that scale for people (issue 10, point 5), in chromium against the seeded local system: an
 * organisation's contracts (searched, filtered by status, sorted by value, paged), its staff
 * (searched by a certificate number, filtered, sorted by registration expiry, paged) and the
 * platform's tenants (searched, filtered by kind, sorted by name, paged), in Chinese and in English,
 * at 360 px and on a desktop.
 *
 * The demo holds a few contracts per organisation and 18 people at 阳光; the journey adds 24
 * drafts to 阳光 and 22 incubation bases through the API first, so each list has more than a page.
 */
const world = useBrowserWorld();
const PHONE = { viewport: { width: 360, height: 800 } };
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const RUN = Date.now().toString(36).toUpperCase();
const ADDED = 24;

/** An ID token from the local issuer, as an API client gets one. */
async function tokenOf(email: string): Promise<string> {
  const { issuer } = world.system;
  const tokens = await codeFlow(fetch, {
    issuer: issuer.issuer,
    clientId: issuer.clientId,
    redirectUri: `${world.system.url}/auth/callback`,
    email,
    password: DEMO_PASSWORD,
  });
  return tokens.id_token;
}

async function post(token: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${world.system.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  const admin = await tokenOf('admin@yangguang.demo');
  for (let i = 1; i <= ADDED; i++) {
    const draft = structuredClone(CONTRACT_EXAMPLE);
    const extra = i * 1_000_00;
    draft.terms.number = `YG-${RUN}-${String(i).padStart(2, '0')}`;
    draft.terms.title = `社区服务项目${i}`;
    draft.terms.value += extra;
    draft.plan.lines.personnel += extra;
    draft.terms.milestones.at(-1)!.amount += extra;
    await post(admin, '/v1/contracts', draft);
  }
  const platform = await tokenOf('platform@shegong.demo');
  for (let i = 1; i <= 22; i++) {
    await post(platform, '/v1/tenants', {
      kind: 'incubator',
      name: `列表测试孵化基地${String(i).padStart(2, '0')}`,
      region: '450602',
      adminEmail: `incubator${i}.${RUN.toLowerCase()}@example.cn`,
    });
  }
}, 240_000);

const rows = (page: Page, list: string) => page.locator(`#${list} tbody tr`);
const cells = (page: Page, list: string, label: string) =>
  page.locator(`#${list} tbody td[data-label="${label}"]`).allTextContents();
const yuan = (text: string) => Number(text.replace(/[^\d.]/g, ''));

/** Fits the page at 360 px: nothing wider than the screen. */
async function fitsThePhone(page: Page, shot: string) {
  await page.screenshot({ path: join(world.shots, shot), fullPage: true });
  expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
}

/** Clicks and waits for the page it leads to. */
async function follow(page: Page, click: () => Promise<void>) {
  await Promise.all([page.waitForNavigation(), click()]);
}

async function english(context: BrowserContext) {
  await context.addCookies([{ name: 'lang', value: 'en', url: world.system.url }]);
}

describe('an organisation’s contracts', () => {
  it('are searched, filtered by status, sorted by value and paged (zh-CN, 360 px)', async () => {
    const context = await world.browser.newContext(PHONE);
    const page = await context.newPage();
    await signInAt(page, world.system.url, 'admin@yangguang.demo', '/org/contracts');

    // Search a number by its tail.
    await page.getByLabel('搜索', { exact: true }).fill(`${RUN}-07`);
    await follow(page, () => page.getByRole('button', { name: '查询' }).click());
    expect(await cells(page, 'contracts', '合同编号')).toEqual([`YG-${RUN}-07`]);
    expect(await page.locator('#contracts').textContent()).toContain(`搜索“${RUN}-07”的结果`);
    await fitsThePhone(page, 'lists-contracts-search-360.png');
    await follow(page, () => page.getByRole('link', { name: '清除搜索' }).click());
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();

    // Drafts only: a full first page, then the rest, every one a draft.
    await follow(page, () => page.locator('.filter-row').getByRole('link', { name: '草稿' }).click());
    expect(new URL(page.url()).searchParams.get('status')).toBe('draft');
    expect(await rows(page, 'contracts').count()).toBe(20);
    const first = await cells(page, 'contracts', '合同编号');
    expect((await cells(page, 'contracts', '状态')).every((s) => s.includes('草稿'))).toBe(true);
    await follow(page, () => page.getByRole('link', { name: '下一页' }).click());
    const second = await cells(page, 'contracts', '合同编号');
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((n) => first.includes(n))).toEqual([]);
    expect((await cells(page, 'contracts', '状态')).every((s) => s.includes('草稿'))).toBe(true);
    await fitsThePhone(page, 'lists-contracts-drafts-page2-360.png');
    await follow(page, () => page.getByRole('link', { name: '第一页' }).click());
    expect(await cells(page, 'contracts', '合同编号')).toEqual(first);

    // Sorted by value, largest first, still drafts only.
    await page.getByLabel('排序', { exact: true }).selectOption('value');
    await page.getByLabel('顺序', { exact: true }).selectOption('desc');
    await follow(page, () => page.getByRole('button', { name: '查询' }).click());
    const url = new URL(page.url());
    expect([url.searchParams.get('status'), url.searchParams.get('sort'), url.searchParams.get('order')]).toEqual([
      'draft',
      'value',
      'desc',
    ]);
    const values = (await cells(page, 'contracts', '合同金额')).map(yuan);
    expect(values).toHaveLength(20);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    await follow(page, () => page.getByRole('link', { name: '下一页' }).click());
    const more = (await cells(page, 'contracts', '合同金额')).map(yuan);
    expect(Math.max(...more)).toBeLessThanOrEqual(Math.min(...values));
    await fitsThePhone(page, 'lists-contracts-by-value-360.png');
    await context.close();
  });

  it('sort by a column header and keep the sort when filtered (English, desktop)', async () => {
    const context = await world.browser.newContext(DESKTOP);
    await english(context);
    const page = await context.newPage();
    await signInAt(page, world.system.url, 'admin@yangguang.demo', '/org/contracts');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await follow(page, () => page.locator('#contracts thead').getByRole('link', { name: 'Number' }).click());
    expect(await page.locator('#contracts th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    const numbers = await cells(page, 'contracts', 'Number');
    expect(numbers).toEqual([...numbers].sort(new Intl.Collator('zh-CN', { numeric: true }).compare));
    await follow(page, () => page.locator('#contracts thead').getByRole('link', { name: 'Number' }).click());
    expect(await page.locator('#contracts th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    await follow(page, () => page.locator('.filter-row').getByRole('link', { name: 'Draft' }).click());
    const url = new URL(page.url());
    expect([url.searchParams.get('sort'), url.searchParams.get('order')]).toEqual(['number', 'desc']);
    await page.getByLabel('Search', { exact: true }).fill('社区服务项目2');
    await follow(page, () => page.getByRole('button', { name: 'Apply' }).click());
    const titles = await cells(page, 'contracts', 'Title');
    // 社区服务项目2 and 20–24, numbers descending.
    expect(titles).toHaveLength(6);
    expect(titles.every((t) => t.startsWith('社区服务项目2'))).toBe(true);
    expect(await cells(page, 'contracts', 'Number')).toEqual(
      [24, 23, 22, 21, 20, 2].map((n) => `YG-${RUN}-${String(n).padStart(2, '0')}`),
    );
    await page.screenshot({ path: join(world.shots, 'lists-contracts-en.png'), fullPage: true });
    await context.close();
  });
});

describe('an organisation’s staff', () => {
  it('are searched by a certificate number, sorted by registration expiry, filtered and paged (English, 360 px)', async () => {
    const token = await tokenOf('hr@yangguang.demo');
    const response = await fetch(`${world.system.url}/v1/people?limit=100`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const people = ((await response.json()) as { items: { name: string; certificates: { number: string }[] }[] }).items;
    const holder = people.find((p) => p.certificates.length > 0)!;
    const number = holder.certificates[0]!.number;

    const context = await world.browser.newContext(PHONE);
    await english(context);
    const page = await context.newPage();
    await signInAt(page, world.system.url, 'hr@yangguang.demo', '/org/staff');
    expect(await rows(page, 'staff').count()).toBe(10);
    const first = await cells(page, 'staff', 'Name');
    await follow(page, () => page.getByRole('link', { name: 'Next page' }).click());
    const second = await cells(page, 'staff', 'Name');
    expect(first.length + second.length).toBe(people.length);
    expect(second.filter((n) => first.includes(n))).toEqual([]);
    await fitsThePhone(page, 'lists-staff-page2-360.png');

    await page.getByLabel('Search', { exact: true }).fill(number.toLowerCase());
    await follow(page, () => page.getByRole('button', { name: 'Apply' }).click());
    expect(await cells(page, 'staff', 'Name')).toEqual([holder.name]);
    await follow(page, () => page.getByRole('link', { name: 'Clear search' }).click());

    await page.getByLabel('Sort by').selectOption('registrationExpiry');
    await page.getByLabel('Order').selectOption('asc');
    await follow(page, () => page.getByRole('button', { name: 'Apply' }).click());
    expect(new URL(page.url()).searchParams.get('sort')).toBe('registrationExpiry');
    await follow(page, () => page.locator('.filter-row').getByRole('link', { name: 'CE short' }).click());
    const url = new URL(page.url());
    expect([url.searchParams.get('flag'), url.searchParams.get('sort')]).toEqual(['ce-short', 'registrationExpiry']);
    const ceShort = await cells(page, 'staff', 'CE this year');
    expect(ceShort.length).toBeGreaterThan(0);
    await fitsThePhone(page, 'lists-staff-ce-short-360.png');
    await context.close();
  });

  it('sort by name in pinyin order from the column header (zh-CN, desktop)', async () => {
    const page = await world.browser.newPage(DESKTOP);
    await signInAt(page, world.system.url, 'hr@yangguang.demo', '/org/staff');
    await follow(page, () => page.locator('#staff thead').getByRole('link', { name: '姓名' }).click());
    expect(await page.locator('#staff th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    const names = await cells(page, 'staff', '姓名');
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN', { numeric: true }).compare).reverse());
    await page.close();
  });
});

describe('the platform’s tenants', () => {
  it('are searched, filtered by kind, sorted by name and paged (zh-CN, 360 px)', async () => {
    const context = await world.browser.newContext(PHONE);
    const page = await context.newPage();
    await signInAt(page, world.system.url, 'platform@shegong.demo', '/platform/tenants');
    await page.getByLabel('搜索', { exact: true }).fill('阳光');
    await follow(page, () => page.getByRole('button', { name: '查询' }).click());
    expect(await cells(page, 'tenants', '名称')).toEqual([expect.stringContaining('港口区阳光社会工作服务中心')]);
    await follow(page, () => page.getByRole('link', { name: '清除搜索' }).click());

    await follow(page, () =>
      page.getByRole('navigation', { name: '类型' }).getByRole('link', { name: '孵化基地' }).click(),
    );
    await page.getByLabel('排序', { exact: true }).selectOption('name');
    await page.getByLabel('顺序', { exact: true }).selectOption('asc');
    await follow(page, () => page.getByRole('button', { name: '查询' }).click());
    const first = await cells(page, 'tenants', '名称');
    expect(first).toHaveLength(20);
    expect((await cells(page, 'tenants', '类型')).every((k) => k.includes('孵化基地'))).toBe(true);
    await follow(page, () => page.getByRole('link', { name: '下一页' }).click());
    const second = await cells(page, 'tenants', '名称');
    expect(second.length).toBeGreaterThan(0);
    const names = [...first, ...second];
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN', { numeric: true }).compare));
    await fitsThePhone(page, 'lists-tenants-incubators-360.png');
    await context.close();
  });
});
