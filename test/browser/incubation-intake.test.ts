import { join } from 'node:path';
import { usccCheckCharacter } from '@shegong/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fillSignIn, signInAt, useBrowserWorld } from './world.ts';

/**
 * The incubation base's intake, as operator@fcg-fuhua.demo works it on the demo data (zh-CN): an
 * organisation still to be registered is recorded, noted and admitted; its new administrator
 * accepts the invitation in another browser, lands on the getting-started checklist and records
 * the credit code; the operator passes a mid-term review, extends another record, records an
 * organisation leaving, declines an application; an organisation applies through the public link
 * on a phone (360 px); and the application page reads in English.
 */
const world = useBrowserWorld();

const OPERATOR = 'operator@fcg-fuhua.demo';
const NEW_ORG = '港口区星火社会工作服务中心';
const NEW_ADMIN = 'admin@xinghuo.demo';
const PASSWORD = 'Spark-fire-2026';
const first17 = '52450602MJ7B8C9D1';
const CREDIT_CODE = `${first17}${usccCheckCharacter(first17)}`;
/** Today where the base works (China), as the record's date fields default to it. */
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
/** The agreement starts 400 days back, so the default 12 months are served when it graduates today. */
const started = new Date(Date.now() + 8 * 3600_000 - 400 * 86_400_000).toISOString().slice(0, 10);

let invitationLink = '';
let publicLink = '';

const text = async (page: Page, selector: string) => (await page.locator(selector).first().textContent()) ?? '';

/** Opens the record of a demo organisation from its admitted application (the decision links to it). */
async function openRecord(page: Page, name: string) {
  await page.goto(`${world.system.url}/incubator/applications?status=admitted`);
  await page.getByRole('link', { name: new RegExp(name) }).click();
  await page.locator('#decision a').click();
  await page.waitForURL(/\/incubator\/orgs\/[0-9a-f-]{36}$/);
}

describe('the base takes in an organisation', () => {
  it('records an application to be registered, notes it and admits it (zh-CN)', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAt(page, world.system.url, OPERATOR, '/incubator');
    // The menu's badge counts the applications waiting (the demo has three).
    const entry = page.locator('.sider').getByRole('link', { name: /入驻申请/ });
    expect(await entry.locator('.menu-count').textContent()).toBe('3');
    await entry.click();
    await page.waitForURL(/\/incubator\/applications$/);
    publicLink = await page.locator('#apply-link').inputValue();
    expect(publicLink).toMatch(new RegExp(`^${world.system.url}/apply/[0-9a-f-]{36}$`));

    await page.getByRole('link', { name: '录入申请' }).click();
    await page.locator('#name').fill(NEW_ORG);
    await page.locator('#kind-social_service_agency').check();
    await page.locator('#founder-0-name').fill('林星');
    await page.locator('#founder-0-role').fill('发起人');
    await page.locator('#founder-1-name').fill('赵火');
    await page.locator('#contactName').fill('林星');
    await page.locator('#contactPhone').fill('1390770');
    await page.locator('#contactEmail').fill(NEW_ADMIN);
    await page.locator('#serviceArea').fill('港口区渔洲坪街道');
    await page.locator('#services-helping_needy').check();
    await page.locator('#services-volunteer_management').check();
    await page.locator('#registration-toBeRegistered').check();
    await page.getByRole('button', { name: '保存申请' }).click();
    // The phone number is short: said at the top and beside the field, nothing saved, the rest kept.
    expect(await text(page, '.error-summary')).toContain('请填写 11 位手机号码');
    expect(await page.locator('#founder-1-name').inputValue()).toBe('赵火');
    await page.locator('#contactPhone').fill('13907705566');
    await page.getByRole('button', { name: '保存申请' }).click();
    await page.waitForURL(/\/incubator\/applications\/[0-9a-f-]{36}$/);
    const applicationUrl = page.url();
    expect(await text(page, 'h1')).toBe(NEW_ORG);
    const details = await text(page, '#details');
    expect(details).toContain('拟登记');
    expect(details).toContain('基地录入');
    expect(details).toContain('赵火');

    await page.locator('#note').fill('已实地走访，发起人均有社工证');
    await page.getByRole('button', { name: '添加备注' }).click();
    await page.waitForURL(applicationUrl);
    expect(await text(page, '.notice')).toContain('备注已添加');
    expect(await text(page, '#notes')).toContain('已实地走访，发起人均有社工证');

    await page.locator('#startDate').fill(started);
    await page.locator('#periodMonths').fill('24');
    await page.locator('#mode-physical').check();
    await page.locator('#space').fill('C-301 工位');
    await page.getByRole('button', { name: '同意入驻' }).click();
    await page.waitForURL(applicationUrl);
    expect(await text(page, '#admitted')).toContain(`已同意 ${NEW_ORG} 入驻`);
    invitationLink = await page.locator('#invitation-link').inputValue();
    expect(invitationLink).toMatch(new RegExp(`^${world.system.url}/invite/[A-Za-z0-9_-]{43}$`));
    expect(await text(page, '.page-actions')).toContain('已入驻');
    expect(await page.locator('#admit').count()).toBe(0);
    await page.screenshot({ path: join(world.shots, 'incubation-admitted.png'), fullPage: true });

    // The decision links to the new organisation's record: 未登记, incubating, its agreement.
    await page.locator('#decision a').click();
    await page.waitForURL(/\/incubator\/orgs\/[0-9a-f-]{36}$/);
    expect(await text(page, 'h1')).toBe(NEW_ORG);
    expect(await text(page, '.page-actions')).toContain('未登记');
    expect(await text(page, '.page-actions')).toContain('在孵');
    expect(await text(page, '#agreement')).toContain('C-301 工位');
    expect(await text(page, '#invitations')).toContain(NEW_ADMIN);
    await context.close();
  });

  it('lets the new administrator accept, land on the getting-started checklist and record the credit code', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(invitationLink);
    expect(await text(page, 'body')).toContain(NEW_ORG);
    await page.locator('#name').fill('林星');
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#confirm').fill(PASSWORD);
    await page.locator('form.form button[type=submit]').click();
    await page.waitForURL(/\/invite\/joined/);
    await Promise.all([page.waitForURL(/\/local-idp\/authorize/), page.locator('.actions a.btn-primary').click()]);
    await fillSignIn(page, NEW_ADMIN, PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/org');

    const checklist = page.locator('#getting-started');
    expect(await checklist.locator('#incubated-by').textContent()).toContain('防城港市社会组织孵化基地');
    expect(await checklist.locator('#incubated-by a').getAttribute('href')).toBe('/org/incubation');
    const step = checklist.locator('li').first();
    expect(await step.getAttribute('id')).toBe('step-creditCode');
    expect(await step.textContent()).toContain('待完成');
    await page.screenshot({ path: join(world.shots, 'incubation-first-sign-in.png'), fullPage: true });

    await step.getByRole('link', { name: '填写代码' }).click();
    await page.waitForURL(/\/org\/credit-code$/);
    await page.locator('#uscc').fill('5245060');
    await page.getByRole('button', { name: '保存' }).click();
    expect(await text(page, '.error-summary')).toContain('统一社会信用代码');
    await page.locator('#uscc').fill(CREDIT_CODE.toLowerCase());
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/org$/);
    expect(await page.locator('#step-creditCode').textContent()).toContain('已完成');
    await context.close();
  });
});

describe('the base follows its organisations', () => {
  it('records support, passes the mid-term review and graduates the new organisation with its criteria met', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAt(page, world.system.url, OPERATOR, '/incubator');
    // The register (孵化机构) lists it, registered now, with its current figures.
    await page
      .locator('.sider')
      .getByRole('link', { name: /孵化机构/ })
      .click();
    await page.waitForURL(/\/incubator\/orgs$/);
    await page.getByRole('link', { name: NEW_ORG }).click();
    await page.waitForURL(/\/incubator\/orgs\/[0-9a-f-]{36}$/);
    const record = page.url();
    expect(await text(page, '#incubated-figures')).toContain('1');

    // Support: an 8-hour training and a mentoring session.
    await page.getByRole('link', { name: '支持记录', exact: true }).click();
    await page.locator('#list-training summary').click();
    await page.locator('#training-on').fill(today);
    await page.locator('#training-title').fill('社会组织财务管理与项目申报');
    await page.locator('#training-hours').fill('8');
    await Promise.all([page.waitForURL(/recorded=1/), page.locator('#list-training button[type=submit]').click()]);
    await page.locator('#list-mentoring summary').click();
    await page.locator('#mentoring-on').fill(today);
    await page.locator('#mentoring-mentor').fill('韦春燕');
    await page.locator('#mentoring-topic').fill('章程起草与理事会组建');
    await page.locator('#mentoring-hours').fill('2');
    await Promise.all([page.waitForURL(/recorded=1/), page.locator('#list-mentoring button[type=submit]').click()]);
    const totals = await text(page, '#totals');
    expect(totals).toContain('8（1 次培训）');
    expect(await text(page, '#list-mentoring')).toContain('章程起草与理事会组建');

    // Before the review, graduation is refused; the checklist's two milestones are marked with evidence.
    await page.getByRole('link', { name: '里程碑与出壳', exact: true }).click();
    for (const [id, evidence] of [
      ['governance', '章程经理事会通过，已报登记机关'],
      ['financial_system', '财务制度已制定，委托代理记账'],
    ] as const) {
      await page.locator(`#m-${id} summary`).click();
      await page.locator(`#m-${id}-on`).fill(today);
      await page.locator(`#m-${id}-evidence`).fill(evidence);
      await page.locator(`#m-${id} button[type=submit]`).click();
      await page.waitForURL(/milestones/);
      expect(await text(page, `#m-${id}`)).toContain('已完成');
    }
    expect(await text(page, '#criteria')).toContain('中期评估');

    // The mid-term review on the overview, then graduation with every criterion met.
    await page.goto(record);
    await page.locator('#midterm_review-note').fill('中期评估通过：治理结构完整');
    await page.getByRole('button', { name: '记录中期评估通过' }).click();
    expect(await text(page, '.page-actions')).toContain('已中期评估');
    await page.getByRole('link', { name: '里程碑与出壳', exact: true }).click();
    expect(await page.locator('#criteria .tag-red').count()).toBe(0);
    await page.locator('#graduate-on').fill(today);
    await page.locator('#graduate button[type=submit]').click();
    await page.goto(record);
    expect(await text(page, '.page-actions')).toContain('已出壳');
    expect(await text(page, 'main')).toContain('档案作为历史保留');
    await page.screenshot({ path: join(world.shots, 'incubation-graduated.png'), fullPage: true });
    await context.close();
  });

  it('passes a mid-term review, extends another, records one leaving, and declines an application', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAt(page, world.system.url, OPERATOR, '/incubator/applications');

    // The organisation just admitted shows its credit code now.
    await openRecord(page, NEW_ORG);
    expect(await text(page, '#agreement')).toContain(CREDIT_CODE);
    expect(await text(page, '.page-actions')).not.toContain('未登记');

    // 青苗 (incubating since 2026-09-01): the mid-term review, dated today by default.
    await openRecord(page, '港口区青苗社会工作服务中心');
    await page.locator('#midterm_review-note').fill('中期评估通过：已开展 2 场社区活动');
    await page.getByRole('button', { name: '记录中期评估通过' }).click();
    expect(await text(page, '.notice')).toContain('已记录');
    expect(await text(page, '.page-actions')).toContain('已中期评估');
    expect(await text(page, '#steps')).toContain('中期评估通过：已开展 2 场社区活动');
    // Graduation is the milestones tab's.
    expect(await page.locator('#moves').getByRole('link', { name: '去办理出壳' }).getAttribute('href')).toMatch(
      /\/milestones$/,
    );

    // 启航 (18 months from 2026-03-01, ends 2027-08-31): an end date not later is refused, then extended.
    await openRecord(page, '港口区启航社会工作服务中心');
    await page.locator('#extend-newEndDate').fill('2027-08-31');
    await page.locator('#extend-reason').fill('登记材料补正中');
    await page.getByRole('button', { name: '记录延期' }).click();
    expect(await text(page, '.error-summary')).toContain('新结束日期须晚于当前结束日期 2027-08-31');
    await page.locator('#extend-newEndDate').fill('2028-02-29');
    await page.getByRole('button', { name: '记录延期' }).click();
    expect(await text(page, '.page-actions')).toContain('延期孵化');
    expect(await text(page, '#agreement')).toContain('2028年2月29日');

    // 邻里 leaves, saying why: its record becomes history, with no more moves.
    await openRecord(page, '防城区邻里互助服务社');
    await page.locator('#leave-reason').fill('发起人另有安排，机构决定暂停筹建，资料已交接');
    await page.getByRole('button', { name: '记录退驻' }).click();
    expect(await text(page, '.page-actions')).toContain('已退驻');
    expect(await text(page, 'main')).toContain('档案作为历史保留');
    expect(await page.locator('#moves').count()).toBe(0);
    expect(await text(page, '#steps')).toContain('发起人另有安排');

    // A waiting application is declined with its reason, which its page keeps.
    await page.goto(`${world.system.url}/incubator/applications?status=applied`);
    await page.getByRole('link', { name: /防城区青少年成长服务社/ }).click();
    await page.getByRole('button', { name: '不予通过' }).click();
    expect(await text(page, '.error-summary')).toContain('请填写原因');
    await page.locator('#reason').fill('服务对象与基地重点领域不符，建议对接团委青少年项目');
    await page.getByRole('button', { name: '不予通过' }).click();
    expect(await text(page, '.notice')).toContain('已记录不予通过');
    expect(await text(page, '#decision')).toContain('建议对接团委青少年项目');
    expect(await text(page, '#decision')).toContain('莫小红');
    await context.close();
  });
});

describe('the public link', () => {
  it('takes an application on a phone (360 px), without signing in', async () => {
    const context = await world.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(publicLink);
    expect(await text(page, 'h1')).toBe('申请入驻 防城港市社会组织孵化基地');
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await page.locator('#name').fill('港口区海燕社区互助会');
    await page.locator('#kind-community_organisation').check();
    await page.locator('#founder-0-name').fill('黎海燕');
    await page.locator('#contactName').fill('黎海燕');
    await page.locator('#contactPhone').fill('13907708899');
    await page.locator('#contactEmail').fill('lihaiyan@example.cn');
    await page.locator('#serviceArea').fill('港口区企沙镇');
    await page.locator('#services-rights_protection').check();
    await page.locator('#registration-toBeRegistered').check();
    await page.screenshot({ path: join(world.shots, 'incubation-apply-360.png'), fullPage: true });
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL(/\/received$/);
    expect(await text(page, 'h1')).toBe('申请已提交');
    expect(await text(page, 'main')).toContain('防城港市社会组织孵化基地 已收到你的申请');
    await context.close();

    // The base finds it waiting, sent through the link.
    const operator = await world.browser.newContext();
    const base = await operator.newPage();
    await signInAt(base, world.system.url, OPERATOR, '/incubator/applications?status=applied');
    const row = base.locator('#applications tr', { hasText: '港口区海燕社区互助会' });
    expect(await row.textContent()).toContain('公开链接提交');
    await operator.close();
  });

  it('reads in English: an application page and its decision', async () => {
    const context = await world.browser.newContext({ viewport: { width: 360, height: 800 } });
    await context.addCookies([{ name: 'lang', value: 'en', url: world.system.url }]);
    const page = await context.newPage();
    await signInAt(page, world.system.url, OPERATOR, '/incubator/applications?status=admitted');
    expect(await text(page, 'h1')).toBe('Applications');
    await page.getByRole('link', { name: new RegExp(NEW_ORG) }).click();
    expect(await text(page, '#decision')).toContain('Admitted');
    expect(await text(page, '#details')).toContain('Recorded by the base');
    expect(await text(page, '#notes')).toContain('Review notes');
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(world.shots, 'incubation-application-en-360.png'), fullPage: true });
    // Its record's overview too: the agreement, the steps, the moves and the invitations fit the phone.
    await page.locator('#decision a').click();
    await page.waitForURL(/\/incubator\/orgs\/[0-9a-f-]{36}$/);
    expect(await text(page, '#agreement')).toContain('Physical');
    // It graduated: a history, with no moves, and no current figures for the base.
    expect(await text(page, '.page-actions')).toContain('Graduated');
    expect(await page.locator('#moves').count()).toBe(0);
    expect(await text(page, '#incubated-figures')).toContain('no longer');
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(world.shots, 'incubation-record-en-360.png'), fullPage: true });
    await context.close();
  });
});
