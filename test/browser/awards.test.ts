import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * Level-improvement awards (P-A2 … P-A6) in chromium against the seeded local system: staff of
 * 同心 (东兴) claims from 我的档案 after a preview, the admin endorses, the 东兴 bureau's reviewer
 * approves and records payment; hr adds a higher certificate and a new claim pays only the
 * difference; a civil servant's claim (seed part awards-v1's 韦在编) is refused with P-A6. At 360 px
 * and in English once.
 */
const world = useBrowserWorld();
const pages: Page[] = [];

afterAll(async () => {
  for (const p of pages) await p.close();
});

async function open(email: string, next: string): Promise<Page> {
  const page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
  pages.push(page);
  await signInAt(page, world.system.url, email, next);
  return page;
}

const text = async (page: Page, selector: string) => (await page.locator(selector).first().textContent()) ?? '';

async function fitsAt360(page: Page, shot: string) {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.screenshot({ path: join(world.shots, shot), fullPage: true });
  const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(width).toBeLessThanOrEqual(360);
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
let claimPath = '';
let personName = '';

async function endorseAndPay(path: string, reference: string) {
  const admin = await open('admin@tongxin.demo', path);
  await Promise.all([admin.waitForURL(/notice=endorsed/), admin.locator('#endorse').click()]);
  expect(await text(admin, '.notice')).toContain('已背书');
  const reviewer = await open('reviewer@dx-mzj.demo', path.replace('/org/awards/claims/', '/bureau/claims/awards/'));
  await Promise.all([reviewer.waitForURL(/notice=approved/), reviewer.locator('#approve').click()]);
  await reviewer.locator('#reference').fill(reference);
  await reviewer.locator('#date').fill(today());
  await Promise.all([reviewer.waitForURL(/notice=paid/), reviewer.locator('#record-payment').click()]);
  return reviewer;
}

describe('a staff member of 同心 claims, and is paid once, then the difference', () => {
  it('claims from 我的档案, seeing eligibility, the amount and every rule before sending', async () => {
    const staff = await open('staff@tongxin.demo', '/my/record');
    await Promise.all([
      staff.waitForURL(/\/org\/awards\/claims\/new$/),
      staff.getByRole('link', { name: '申领水平提升奖励' }).click(),
    ]);
    await Promise.all([staff.waitForNavigation(), staff.getByRole('button', { name: '预览资格与金额' }).click()]);
    const preview = await text(staff, '#assessment');
    expect(preview).toContain('符合申领条件');
    expect(preview).toContain('¥1,000.00');
    for (const rule of ['P-A6', 'P-A3', 'P-A2', 'P-A4', 'P-A5']) expect(preview).toContain(rule);
    await fitsAt360(staff, 'awards-preview-360.png');
    await Promise.all([staff.waitForURL(/notice=created/), staff.locator('#send').click()]);
    claimPath = new URL(staff.url()).pathname;
    expect(await text(staff, '#facts')).toContain('待背书');
    personName = (await staff.locator('#facts dd').nth(1).textContent())?.trim() ?? '';
    expect(personName).not.toBe('');
  });

  it('the admin endorses it; the 东兴 reviewer approves and records the payment', async () => {
    const reviewer = await endorseAndPay(claimPath, '东民财〔2026〕88号');
    expect(await text(reviewer, '#facts')).toContain('已发放');
    expect(await text(reviewer, '#steps')).toContain('登记发放');
    await reviewer.screenshot({ path: join(world.shots, 'awards-paid.png'), fullPage: true });
  });

  it('after hr adds a higher certificate, a new claim pays only the difference (P-A5)', async () => {
    const hr = await open('hr@tongxin.demo', claimPath);
    await Promise.all([
      hr.waitForURL(/\/org\/staff\/[0-9a-f-]{36}$/),
      hr.locator('#facts a', { hasText: personName }).click(),
    ]);
    const person = new URL(hr.url()).pathname;
    await hr.goto(`${world.system.url}${person}/certificates/new`);
    await hr.locator('#level-social_worker').check();
    await hr.locator('#number').fill(`2026245068199${Math.floor(Math.random() * 900 + 100)}`);
    await hr.locator('#obtainedOn').fill('2026-10-15');
    await Promise.all([hr.waitForURL(/notice=/), hr.getByRole('button', { name: '保存' }).click()]);

    await hr.goto(`${world.system.url}/org/awards/claims/new`);
    await hr.locator('#personId').selectOption({ label: personName });
    await Promise.all([hr.waitForNavigation(), hr.getByRole('button', { name: '预览资格与金额' }).click()]);
    const preview = await text(hr, '#assessment');
    expect(preview).toContain('¥2,000.00 − 已发放累计 ¥1,000.00');
    expect(preview).toContain('东民财〔2026〕88号');
    await Promise.all([hr.waitForURL(/notice=created/), hr.locator('#send').click()]);
    expect(await text(hr, '#facts')).toContain('¥1,000.00');
    const reviewer = await endorseAndPay(new URL(hr.url()).pathname, '东民财〔2026〕89号');
    expect(await text(reviewer, '#facts')).toContain('¥1,000.00');
    // In English once.
    await Promise.all([reviewer.waitForNavigation(), reviewer.locator('a.lang-switch').first().click()]);
    expect(await text(reviewer, '#facts')).toContain('Paid');
    await reviewer.screenshot({ path: join(world.shots, 'awards-difference-en.png'), fullPage: true });
  });
});

describe('a civil servant on establishment', () => {
  it('is refused with P-A6 before anything is sent', async () => {
    const hr = await open('hr@tongxin.demo', '/org/awards/claims/new');
    await hr.locator('#personId').selectOption({ label: '韦在编' });
    await Promise.all([hr.waitForNavigation(), hr.getByRole('button', { name: '预览资格与金额' }).click()]);
    const preview = await text(hr, '#assessment');
    expect(preview).toContain('不符合申领条件');
    expect(preview).toContain('在职在编公务员不享受此奖励');
    expect(await hr.locator('#send').count()).toBe(0);
    await fitsAt360(hr, 'awards-civil-servant-360.png');
  });
});
