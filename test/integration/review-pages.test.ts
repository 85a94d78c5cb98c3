import { CONTRACT_EXAMPLE } from '@shegong/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * Review before signing on the pages, on DynamoDB Local: what each side is told (the menu's
 * badge, the dashboard, where the contract stands) and the decision form's refusals. The
 * journey itself, in chromium, is test/browser/reviews.test.ts.
 */

const world = await World.create('review-pages');
let returned = '';
let waiting = '';

beforeAll(async () => {
  await world.seed();
  const orgA = world.tenant('orgA');
  const writer = world.user('orgA', 'project_manager');
  const ids: string[] = [];
  for (const number of ['GK-PAGE-001', 'GK-PAGE-002']) {
    const created = await world.request('POST', '/v1/contracts', {
      as: writer,
      json: { ...CONTRACT_EXAMPLE, terms: { ...CONTRACT_EXAMPLE.terms, number } },
    });
    const { contract } = (await created.json()) as { contract: { id: string; version: number } };
    const moved = await world.request('POST', `/v1/contracts/${contract.id}/transitions`, {
      as: writer,
      json: { to: 'submitted' },
      headers: { 'If-Match': `"${contract.version}"` },
    });
    ids.push(((await moved.json()) as { id: string }).id);
  }
  [returned, waiting] = ids as [string, string];
  const head = await world.store.tenant({ tenantId: orgA.id, userId: 'test' }).contracts.get(returned);
  await world.decide(orgA, returned, head.version, {
    decision: 'return',
    reasons: [{ text: '请核对一线社工月薪', ruleId: 'P-W3', field: '人员配置' }],
  });
});
afterAll(() => world.dispose());

const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
const menuCount = (html: string, href: string) =>
  new RegExp(`href="${href}"[^>]*>[\\s\\S]*?<span class="menu-count"[^>]*>(\\d+)</span>`).exec(html)?.[1];

describe('the organisation is told', () => {
  it('on the dashboard and by the contracts menu’s badge that a contract was returned', async () => {
    const html = await (await world.page('GET', '/org', { as: world.user('orgA') })).text();
    expect(menuCount(html, '/org/contracts')).toBe('1');
    expect(main(html)).toContain('1 份合同被退回修改');
  });

  it('on the contract page: returned, by whom, with each reason, its rule and its field', async () => {
    const html = main(await (await world.page('GET', `/org/contracts/${returned}`, { as: world.user('orgA') })).text());
    expect(html).toContain('已退回：防城港市民政局');
    expect(html).toContain('请核对一线社工月薪');
    expect(html).toContain('P-W3');
    expect(html).toContain('人员配置');
  });

  it('in English too, and where a contract waits', async () => {
    const html = main(
      await (await world.page('GET', `/org/contracts/${waiting}`, { as: world.user('orgA'), lang: 'en' })).text(),
    );
    expect(html).toContain('Awaiting review by 防城港市民政局');
  });
});

describe('the bureau is told, and decides on the page', () => {
  const orgA = () => world.tenant('orgA');
  const page = () => `/bureau/contracts/${orgA().id}/${waiting}`;

  it('by the reviews menu’s badge and the queue', async () => {
    const html = await (await world.page('GET', '/bureau/reviews', { as: world.user('bureauA', 'reviewer') })).text();
    expect(menuCount(html, '/bureau/reviews')).toBe('1');
    expect(main(html)).toContain('GK-PAGE-002');
    expect(main(html)).not.toContain('GK-PAGE-001');
  });

  it('hides the decision from an auditor, and refuses their post (403), nothing written', async () => {
    const auditor = world.user('bureauA', 'auditor');
    expect(main(await (await world.page('GET', page(), { as: auditor })).text())).not.toContain('id="decision"');
    const before = await world.table.snapshot();
    const response = await world.page('POST', `${page()}/decision`, {
      as: auditor,
      form: { decision: 'approve', version: '2', reasonRows: '2' },
    });
    expect(response.status).toBe(403);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('refuses a return without a reason beside the field, and a stale version, writing nothing', async () => {
    const reviewer = world.user('bureauA', 'reviewer');
    const before = await world.table.snapshot();
    const bare = await world.page('POST', `${page()}/decision`, {
      as: reviewer,
      form: { decision: 'return', version: '2', reasonRows: '2', 'reason-1-field': '人员配置' },
    });
    expect(bare.status).toBe(400);
    const html = await bare.text();
    expect(html).toContain('href="#reason-1-text"');
    expect(html).toContain('value="人员配置"');
    const stale = await world.page('POST', `${page()}/decision`, {
      as: reviewer,
      form: { decision: 'approve', version: '1', reasonRows: '2' },
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('合同在您打开页面后已有变动');
    expect(await world.table.snapshot()).toBe(before);
  });

  it('approves it, and the organisation is told it may sign', async () => {
    const response = await world.page('POST', `${page()}/decision`, {
      as: world.user('bureauA', 'reviewer'),
      form: { decision: 'approve', version: '2', reasonRows: '2' },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`${page()}?notice=approve`);
    const html = main(await (await world.page('GET', `/org/contracts/${waiting}`, { as: world.user('orgA') })).text());
    expect(html).toContain('已批准：防城港市民政局');
    expect(html).toContain('value="signed"');
  });

  it('answers 404 to the county bureau for a 港口区 contract', async () => {
    const response = await world.page('GET', page(), { as: world.user('bureauB', 'reviewer') });
    expect(response.status).toBe(404);
  });
});
