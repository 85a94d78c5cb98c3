import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * The incubation bases of the city's jurisdiction, as its auditor sees them on the demo data: the
 * dashboard's card gives the P-T1 figure; the menu leads to 孵化基地; the coverage says per county whether a base is there (P-T1: 东兴 has the
 * county base, the other three none; the city's own base serves the city and counts for no county);
 * then the same page in English on a phone.
 */
const world = useBrowserWorld();

const cells = (page: Page, card: string, label: string) =>
  page.locator(`#${card} tbody td[data-label="${label}"]`).allTextContents();

describe('a bureau’s incubation bases', () => {
  it('shows the city’s auditor the P-T1 coverage per county and the bases (zh-CN)', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAt(page, world.system.url, 'auditor@fcg-mzj.demo', '/bureau');
    // The dashboard's card: the target's figure, and the counties still without a base.
    const card = (await page.locator('#base-coverage').textContent()) ?? '';
    expect(card).toContain('4 个县（市、区）中 1 个已建有孵化基地');
    expect(card).toContain('港口区、防城区、上思县');
    await page.locator('.sider').getByRole('link', { name: '孵化基地' }).click();
    await page.waitForURL(/\/bureau\/bases$/);
    expect(await page.locator('h1').textContent()).toContain('孵化基地');

    expect(await cells(page, 'coverage', '县（市、区）')).toEqual(['港口区', '防城区', '上思县', '东兴市']);
    const coverage = (await cells(page, 'coverage', '覆盖情况')).map((t) => t.replace(/P-T1.*/s, '').trim());
    expect(coverage).toEqual(['尚未建有', '尚未建有', '尚未建有', '已建有']);
    expect(await page.locator('#coverage .rule-badge summary').first().textContent()).toBe('P-T1');
    const coverageCard = (await page.locator('#coverage').textContent()) ?? '';
    expect(coverageCard).toContain('4 个县（市、区）中 1 个已建有孵化基地');
    expect(coverageCard).toContain('防城港市社会组织孵化基地');

    expect(await cells(page, 'bases', '基地名称')).toEqual(['防城港市社会组织孵化基地', '东兴市社会组织孵化基地']);
    // Incubated organisations by stage, counted on each base's listing by its own records'
    // transactions: the demo base has one in every stage, 东兴's none.
    const [fcg, dongxing] = await cells(page, 'bases', '在孵机构（按阶段）');
    for (const stage of ['在孵 1 家', '已中期评估 1 家', '延期孵化 1 家', '已出壳 1 家', '已退驻 1 家'])
      expect(fcg).toContain(stage);
    expect(dongxing).toContain('暂无在孵机构');
    await page.screenshot({ path: join(world.shots, 'bases-city.png'), fullPage: true });
    await context.close();
  });

  it('reads in English at 360 px', async () => {
    const context = await world.browser.newContext({ viewport: { width: 360, height: 800 } });
    await context.addCookies([{ name: 'lang', value: 'en', url: world.system.url }]);
    const page = await context.newPage();
    await signInAt(page, world.system.url, 'auditor@fcg-mzj.demo', '/bureau/bases');
    expect(await page.locator('h1').textContent()).toContain('Incubation bases');
    expect(await page.locator('#coverage').textContent()).toContain(
      '1 of 4 county-level regions have an incubation base',
    );
    expect(await cells(page, 'coverage', 'County')).toContain('Dongxing');
    await page.screenshot({ path: join(world.shots, 'bases-en-360.png'), fullPage: true });
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    // No cell cut off: the counts per stage wrap under their label.
    const clipped = await page.evaluate(
      `[...document.querySelectorAll('#bases td, #coverage td')].filter((td) => td.scrollWidth > td.clientWidth + 1).length`,
    );
    expect(clipped).toBe(0);
    await context.close();
  });
});
