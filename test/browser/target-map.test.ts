import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapWorkbook } from '../../packages/sheets/src/index.ts';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * The bureau's map on the demo data (seed part target-map-v1, illustrative places): the city
 * bureau's admin imports an xlsx of places — first with a wrong row (each error named by row and
 * column, nothing written), then fixed — and finds them under their county; an organisation's hr
 * posts a staff member to a community from the person's page. Then the map in English at 360 px.
 */
const world = useBrowserWorld();

/** A file in the template's layout: a new township of 防城区 and two communities. */
function placesFile(wrongKind: boolean): Promise<Buffer> {
  return mapWorkbook({
    townships: [['450603103', '扶隆镇', '450603', '镇']],
    communities: [
      ['450603103001', '扶隆社区', '450603103', '社区'],
      ['450603103201', '那厚村', '450603103', wrongKind ? '屯' : '村'],
    ],
  });
}

describe('the bureau’s map', () => {
  it('the city bureau’s admin imports an xlsx of places: errors by row and column first, then the places', async () => {
    const page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAt(page, world.system.url, 'admin@fcg-mzj.demo', '/bureau/map');
    expect(await page.locator('h1').textContent()).toContain('区划与站点');
    // The demo's places, marked illustrative.
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('示例数据');
    expect(main).toContain('渔洲坪街道');
    expect(await page.locator('#county-450603').textContent()).not.toContain('扶隆镇');
    await page.screenshot({ path: join(world.shots, 'target-map-places.png'), fullPage: true });

    await page.locator('#file').setInputFiles({
      name: '区划.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await placesFile(true),
    });
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: '检查并导入' }).click()]);
    const errors = page.locator('#import-errors tbody tr');
    expect(await errors.count()).toBe(1);
    expect((await errors.first().locator('td').allTextContents()).map((t) => t.trim())).toEqual([
      '社区村',
      '3',
      '类型',
      '须为“社区”或“村”',
    ]);
    expect(await page.locator('#county-450603').textContent()).not.toContain('扶隆镇');
    await page.screenshot({ path: join(world.shots, 'target-map-import-errors.png'), fullPage: true });

    await page.locator('#file').setInputFiles({
      name: '区划.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await placesFile(false),
    });
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: '检查并导入' }).click()]);
    expect(await page.locator('main').textContent()).toContain('乡镇（街道）新增 1');
    const county = (await page.locator('#county-450603').textContent()) ?? '';
    expect(county).toContain('扶隆镇');
    await page.locator('#county-450603 tr', { hasText: '扶隆镇' }).locator('summary').click();
    expect(await page.locator('#county-450603').textContent()).toContain('那厚村');
    await page.screenshot({ path: join(world.shots, 'target-map-imported.png'), fullPage: true });

    // P-T4: the one township the demo leaves without a station.
    await page.getByRole('link', { name: '社工站' }).click();
    await page.waitForURL(/\/bureau\/map\/stations$/);
    expect(await page.locator('#stations').textContent()).toContain('个乡镇（街道）尚无社工站');
    await page.close();
  });

  it('an organisation’s hr posts a staff member to a community from the person’s page', async () => {
    const page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAt(page, world.system.url, 'hr@yangguang.demo', '/org/staff');
    const person = page.locator('main table tbody a').last();
    const name = ((await person.textContent()) ?? '').trim();
    await Promise.all([page.waitForURL(/\/org\/staff\/[0-9a-f-]{36}$/), person.click()]);
    expect(await page.locator('#postings').textContent()).toContain('服务社区');
    await page.locator('#postings summary', { hasText: '派驻到社区' }).click();
    await page.locator('#community').selectOption({ label: '北港社区（社区）' });
    await page.locator('#from').fill('2026-10-01');
    await Promise.all([
      page.waitForURL(/posting=posted/),
      page.locator('#postings').getByRole('button', { name: '派驻', exact: true }).click(),
    ]);
    const postings = (await page.locator('#postings').textContent()) ?? '';
    expect(postings).toContain('港口区 · 白沙万街道 · 北港社区');
    expect(postings).toContain('已派驻');
    expect(await page.locator('h1').textContent()).toContain(name);
    await page.screenshot({ path: join(world.shots, 'target-map-posting.png'), fullPage: true });
    await page.close();
  });

  it('reads in English at 360 px', async () => {
    const context = await world.browser.newContext({ viewport: { width: 360, height: 800 } });
    await context.addCookies([{ name: 'lang', value: 'en', url: world.system.url }]);
    const page = await context.newPage();
    await signInAt(page, world.system.url, 'auditor@fcg-mzj.demo', '/bureau/map');
    expect(await page.locator('h1').textContent()).toContain('Map and stations');
    expect(await page.locator('main').textContent()).toContain('the bureau’s admin changes it');
    await page.screenshot({ path: join(world.shots, 'target-map-en-360.png'), fullPage: true });
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await page.goto(`${world.system.url}/bureau/map/bases`);
    await page.screenshot({ path: join(world.shots, 'target-map-bases-en-360.png'), fullPage: true });
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await context.close();
  });
});
