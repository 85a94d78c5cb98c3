import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * The career ladder as an organisation's admin uses it, in Debian's chromium against the whole
 * local system with the demo data: open 职级, set a band below the pay floor, see the P-W3 error
 * beside the level, fix it, save a new version, and promote someone who qualifies.
 */
const world = useBrowserWorld();
let page: Page;

beforeAll(async () => {
  page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
});

describe('an admin keeps the career ladder', () => {
  it('signs in and opens 职级 from the menu', async () => {
    await signInAt(page, world.system.url, 'admin@yangguang.demo', '/org');
    await Promise.all([
      page.waitForURL(/\/org\/ladder$/),
      page.locator('a.menu-item[href="/org/ladder"]:visible').first().click(),
    ]);
    expect(await page.locator('h1').first().textContent()).toBe('职级');
    expect(await page.locator('#levels').textContent()).toContain('助理社工师');
    expect(await page.locator('#standings').textContent()).toContain('谁符合哪一级');
    await page.screenshot({ path: join(world.shots, 'ladder.png'), fullPage: true });
  });

  it('refuses a band below the pay floor with P-W3 beside the level, then saves the fix as a new version', async () => {
    await page.getByRole('link', { name: '编辑职级体系' }).click();
    await page.waitForURL(/\/org\/ladder\/edit$/);
    // Level 2 (助理社工师) needs the assistant certificate: the city's floor is ¥3,200.00.
    await page.locator('#level-1-min').fill('3199.99');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await page.waitForLoadState();
    const summary = await page.locator('.error-summary').textContent();
    expect(summary).toContain('P-W3');
    expect(summary).toContain('¥3,199.99');
    expect(summary).toContain('¥3,200.00');
    expect(await page.locator('#level-1 .field-error').first().textContent()).toContain('差 ¥0.01');
    await page.screenshot({ path: join(world.shots, 'ladder-edit-error.png'), fullPage: true });

    await page.locator('#level-1-min').fill('3200');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await page.waitForURL(/\/org\/ladder\?saved=2$/);
    expect(await page.locator('.notice').first().textContent()).toContain('第 2 版');
    expect(await page.locator('#levels').textContent()).toContain('¥3,200.00–¥4,400.00');
  });

  it('promotes someone who qualifies for the next level', async () => {
    // A row whose highest qualifying level is above the level held (the seed leaves a few).
    const rows = page.locator('#standings tbody tr');
    const count = await rows.count();
    let target = -1;
    for (let i = 0; i < count; i++) {
      const cells = await rows.nth(i).locator('td').allTextContents();
      if (cells[1] && cells[2] && cells[1] !== cells[2] && !cells[1].includes('未定级') && cells[2] !== '—') {
        target = i;
        break;
      }
    }
    expect(target).toBeGreaterThanOrEqual(0);
    const row = rows.nth(target);
    const [name = '', , qualifies = ''] = await row.locator('td').allTextContents();
    await row.getByRole('link', { name: '晋升' }).click();
    await page.waitForURL(/\/org\/ladder\/promote\//);
    await page.locator('#toLevelId').selectOption({ label: qualifies });
    await page.screenshot({ path: join(world.shots, 'ladder-promote.png'), fullPage: true });
    await page.getByRole('button', { name: '记录晋升' }).click();
    await page.waitForURL(/\/org\/ladder\?promoted=/);
    expect(await page.locator('.notice').first().textContent()).toContain(`${name}`);
    const after = await page.locator(`#standings tbody tr:nth-child(${target + 1}) td`).allTextContents();
    expect(after[1]).toBe(qualifies);
  });

  it('works at 360 px wide', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`${world.system.url}/org/ladder`);
    await page.screenshot({ path: join(world.shots, 'ladder-360.png'), fullPage: true });
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(Number(width)).toBeLessThanOrEqual(360);
  });
});
