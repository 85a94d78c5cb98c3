import { readFile } from 'node:fs/promises';
import { idCardCheckCharacter } from '@shegong/domain';
import { DEMO_TENANTS } from '@shegong/local';
import { GetCommand, keys, Store } from '@shegong/store';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signInAt, useBrowserWorld } from './world.ts';

/**
 * PIPL in chromium against the seeded local system: hr@yangguang.demo downloads a person's data
 * export (Excel and JSON) from the person's page; admin@yangguang.demo erases the person's personal
 * data behind the confirmation form (a reason is required), and the page then shows the pseudonym
 * and the erased state; staff@yangguang.demo downloads their own export from 我的档案. The person
 * erased is made here through the store, so the demo's own people stay as they are.
 */
const world = useBrowserWorld();
const YANGGUANG = DEMO_TENANTS.find((t) => t.domain === 'yangguang.demo')!;
const NAME = '隐私测试人员';
let personId = '';

beforeAll(async () => {
  const store = new Store({ tableName: world.tableName, endpoint: inject('dynamoEndpoint') });
  const { Item } = await store.client.send(
    new GetCommand({ TableName: store.tableName, Key: keys.emailGuard(`hr@${YANGGUANG.domain}`) }),
  );
  const first17 = '45060219920101003';
  const person = await store.tenant({ tenantId: YANGGUANG.id, userId: String(Item?.userId) }).people.create({
    name: NAME,
    idCardNumber: `${first17}${idCardCheckCharacter(first17)}`,
    phone: '13977000999',
    education: { level: 'bachelor', socialWorkMajor: true },
    employmentType: 'contract',
    monthlyPay: 3_600_00,
    employment: [{ employer: YANGGUANG.name, region: '450602', start: '2024-03-01', socialWork: true }],
    certificates: [{ level: 'assistant', number: 'PRIVACY-BROWSER-01', obtainedOn: '2024-06-20' }],
    continuingEducation: [],
  });
  personId = person.id;
});

/** Clicks a download link and answers the file's name and bytes. */
async function download(page: Page, name: string): Promise<{ fileName: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).first().click()]);
  const path = await file.path();
  return { fileName: file.suggestedFilename(), bytes: await readFile(path) };
}

describe('a person’s personal data', () => {
  it('hr exports it, the admin erases it, and the page shows the pseudonym', async () => {
    const context = await world.browser.newContext({ acceptDownloads: true });
    const hr = await context.newPage();
    await signInAt(hr, world.system.url, 'hr@yangguang.demo', `/org/staff/${personId}`);
    expect(await hr.locator('#personal-data').textContent()).toContain('个人信息');
    const sheet = await download(hr, '导出 Excel');
    expect(sheet.fileName).toMatch(/\.xlsx$/);
    expect([...sheet.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const json = await download(hr, '导出 JSON');
    expect(JSON.parse(json.bytes.toString('utf8')).person.name).toBe(NAME);
    // Erasure is the admin's: hr is not offered it.
    expect(await hr.getByRole('link', { name: '删除个人信息' }).count()).toBe(0);
    await context.close();

    const adminContext = await world.browser.newContext();
    const admin = await adminContext.newPage();
    await signInAt(admin, world.system.url, 'admin@yangguang.demo', `/org/staff/${personId}`);
    await admin.getByRole('link', { name: '删除个人信息' }).click();
    await admin.waitForURL(/\/erasure$/);
    expect(await admin.textContent('main')).toContain('将保留');
    await admin.getByRole('button', { name: '确认删除个人信息' }).click();
    expect(await admin.locator('.error-summary').textContent()).toContain('请填写删除原因');
    await admin.locator('#reason').fill('本人申请删除（离职）');
    await admin.getByRole('button', { name: '确认删除个人信息' }).click();
    await admin.waitForURL(new RegExp(`/org/staff/${personId}`));
    const card = (await admin.locator('#personal-data').textContent()) ?? '';
    expect(card).toContain('已删除');
    const page = (await admin.textContent('main')) ?? '';
    expect(page).toContain(`已删除人员 #${personId.slice(0, 8)}`);
    expect(page).not.toContain(NAME);
    expect(await admin.getByRole('link', { name: '删除个人信息' }).count()).toBe(0);
    await adminContext.close();
  });

  it('a staff member downloads their own export from 我的档案', async () => {
    const context = await world.browser.newContext({ acceptDownloads: true });
    const staff = await context.newPage();
    await signInAt(staff, world.system.url, 'staff@yangguang.demo', '/my/record');
    expect(await staff.locator('#personal-data').textContent()).toContain('个人信息');
    const own = await download(staff, '导出 JSON');
    const data = JSON.parse(own.bytes.toString('utf8')) as { person: { id: string; idCardNumber: string } };
    // Their own export is in full: it is theirs.
    expect(data.person.idCardNumber).toMatch(/^\d{17}[\dX]$/);
    const sheet = await download(staff, '导出 Excel');
    expect(sheet.fileName).toMatch(/\.xlsx$/);
    await context.close();
  });
});
