import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * Level-improvement claims on the pages, on DynamoDB Local: the preview before sending, the
 * admin's endorsement, the bureau's badge, decision and payment forms with their refusals, the
 * history form and the P-A7 totals. Organisation A (港口区) sends its claims to the city (bureau A).
 * The journey in chromium is test/browser/awards.test.ts.
 */

const TODAY = '2026-11-25';
const world = await World.create('award-pages', { deps: { today: () => TODAY } });
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
const menuCount = (html: string, href: string) =>
  new RegExp(`href="${href}"[^>]*>[\\s\\S]*?<span class="menu-count"[^>]*>(\\d+)</span>`).exec(html)?.[1];
const staff = () => world.user('orgA', 'staff');
const admin = () => world.user('orgA', 'admin');
const reviewer = () => world.user('bureauA', 'reviewer');
let claimPath = '';

describe('a staff member’s claim on the pages', () => {
  it('previews the claim with its reasons and amount before anything is sent', async () => {
    expect((await world.page('GET', '/org/awards/claims/new', { as: staff() })).status).toBe(200);
    const response = await world.page('POST', '/org/awards/claims/preview', {
      as: staff(),
      form: { _key: 'k'.repeat(24), personId: '', certificateNumber: '' },
    });
    expect(response.status).toBe(200);
    const html = main(await response.text());
    for (const rule of ['P-A6', 'P-A3', 'P-A2', 'P-A4', 'P-A5']) expect(html).toContain(rule);
    expect(html).toContain('¥1,000.00');
    expect(html).toContain('确认提交申领');
    expect(
      await world.store
        .tenant({ tenantId: world.tenant('orgA').id, userId: 't' })
        .awardClaims.list(undefined, { limit: 5 }),
    ).toMatchObject({ items: [] });
  });

  it('sends it, and the admin endorses it', async () => {
    const sent = await world.page('POST', '/org/awards/claims', {
      as: staff(),
      form: { _key: 'k'.repeat(24), personId: '', certificateNumber: '' },
    });
    expect(sent.status).toBe(303);
    claimPath = (sent.headers.get('Location') ?? '').split('?')[0]!;
    expect(main(await (await world.page('GET', claimPath, { as: staff() })).text())).toContain('待背书');
    const claim = await world.page('GET', claimPath, { as: admin() });
    const version = /name="version" value="(\d+)"/.exec(await claim.text())?.[1] ?? '';
    const endorsed = await world.page('POST', `${claimPath}/endorse`, { as: admin(), form: { version } });
    expect(endorsed.status).toBe(303);
  });

  it('refuses a second claim for the same person, on the form', async () => {
    const again = await world.page('POST', '/org/awards/claims', {
      as: staff(),
      form: { _key: 'j'.repeat(24), personId: '', certificateNumber: '' },
    });
    expect(again.status).toBe(409);
    expect(main(await again.text())).toContain('此人已有一笔未办结的申领');
  });
});

describe('the bureau decides and pays', () => {
  const bureauPath = () => claimPath.replace('/org/awards/claims/', '/bureau/claims/awards/');
  const version = async () =>
    /name="version" value="(\d+)"/.exec(
      await (await world.page('GET', bureauPath(), { as: reviewer() })).text(),
    )?.[1] ?? '';

  it('counts the claim on the menu’s badge and the dashboard, and lists it', async () => {
    const html = await (await world.page('GET', '/bureau/claims', { as: reviewer() })).text();
    expect(menuCount(html, '/bureau/claims')).toBe('1');
    expect(main(html)).toContain('orgA 社工3');
    const dashboard = main(await (await world.page('GET', '/bureau', { as: reviewer() })).text());
    expect(dashboard).toContain('1 项待审批');
  });

  it('re-renders a refusal without a reason, naming the field, and writes nothing', async () => {
    const response = await world.page('POST', `${bureauPath()}/refuse`, {
      as: reviewer(),
      form: { version: await version(), reason: '' },
    });
    expect(response.status).toBe(400);
    expect(main(await response.text())).toContain('请填写未通过原因');
  });

  it('approves, then refuses a payment without a voucher, then records it', async () => {
    expect(
      (await world.page('POST', `${bureauPath()}/approve`, { as: reviewer(), form: { version: await version() } }))
        .status,
    ).toBe(303);
    const bad = await world.page('POST', `${bureauPath()}/payment`, {
      as: reviewer(),
      form: { version: await version(), date: TODAY, reference: '' },
    });
    expect(bad.status).toBe(400);
    expect(main(await bad.text())).toContain('请填写发放凭证号');
    const paid = await world.page('POST', `${bureauPath()}/payment`, {
      as: reviewer(),
      form: { version: await version(), date: TODAY, reference: '防民财〔2026〕7号' },
    });
    expect(paid.status).toBe(303);
    const html = main(await (await world.page('GET', claimPath, { as: staff() })).text());
    expect(html).toContain('已发放');
    expect(html).toContain('防民财〔2026〕7号');
  });

  it('a county bureau gets 404 for the city’s claim', async () => {
    expect((await world.page('GET', bureauPath(), { as: world.user('bureauB', 'reviewer') })).status).toBe(404);
  });
});

describe('history and totals', () => {
  it('refuses a bad ID-card number on the history form, then records a good one', async () => {
    const form = {
      _key: 'h'.repeat(24),
      idCardNumber: '123',
      name: '李旧奖',
      date: '2021-12-15',
      level: 'assistant',
      amount: '1000',
      reference: '防民〔2021〕56号',
    };
    const bad = await world.page('POST', '/bureau/claims/history', { as: reviewer(), form });
    expect(bad.status).toBe(400);
    expect(main(await bad.text())).toContain('请输入有效的 18 位身份证号');
    const good = await world.page('POST', '/bureau/claims/history', {
      as: reviewer(),
      form: { ...form, idCardNumber: '450602199001011239' },
    });
    expect(good.status).toBe(303);
    const html = main(await (await world.page('GET', '/bureau/claims/history', { as: reviewer() })).text());
    expect(html).toContain('李旧奖');
    expect(html).toContain('450602********1239');
  });

  it('totals the paid claim (P-A7) and exports the xlsx', async () => {
    const html = main(await (await world.page('GET', '/bureau/claims/totals', { as: reviewer() })).text());
    expect(html).toContain('P-A7');
    expect(html).toContain('¥1,000.00');
    const xlsx = await world.page('GET', '/bureau/claims/totals.xlsx', { as: reviewer() });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('Content-Type')).toContain('spreadsheetml');
  });

  it('speaks English when asked', async () => {
    const html = await (await world.page('GET', '/org/awards', { as: staff(), lang: 'en' })).text();
    expect(html).toContain('Level-improvement awards');
  });

  it('shows each reader only the tabs they may open (a staff member not hr’s exam costs)', async () => {
    const tabs = async (as: ReturnType<typeof staff>) => {
      const html = await (await world.page('GET', '/org/awards', { as })).text();
      return [...html.matchAll(/class="subnav-item[^"]*"[^>]*>([^<]+)</g)].map((m) => m[1]);
    };
    expect(await tabs(staff())).toEqual(['水平提升奖励', '机构表彰']);
    expect(await tabs(world.user('orgA', 'hr'))).toEqual(['水平提升奖励', '考试费用报销', '见习补贴', '机构表彰']);
    for (const path of ['/org/awards/exam-costs', '/org/awards/internships'])
      expect((await world.page('GET', path, { as: staff() })).status).toBe(403);
  });
});
