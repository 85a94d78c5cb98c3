import { actingAs, bureauTargets, NotFound } from '@shegong/core';
import type { TargetFigure, TargetsDashboard } from '@shegong/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The test package does not depend on ExcelJS; the sheets package reads its own files back.
import { sheetText, XLSX_TYPE } from '../../packages/sheets/src/index.ts';
import { World } from '../support/world.ts';

/**
 * The bureau's targets dashboard (issue 13, P-T1..P-T7) through the API and the pages, on DynamoDB
 * Local, on 3 December 2026. The world: city bureau A (防城港 450600), county bureau B (东兴
 * 450681), organisation A (港口区 450602) and B (上思县 450621), each with three people certified
 * 2022-06-19 with a social-work bachelor's; incubation bases in 港口区 and 东兴.
 * Written here, the map: 港口区 — 渔洲坪街道 (station) with 渔洲坪社区 and 沙潭江社区 (urban),
 * 企沙镇 (no station) with 企沙村 (rural); 东兴 — 东兴镇 with 东兴社区 (urban). Baseline 2022:
 * city 3, 港口区 2. One talent base. Organisation A posts two of its people to 渔洲坪社区 and the
 * third to 企沙村, so 沙潭江社区 and 东兴社区 lack everyone.
 */

const TODAY = '2026-12-03';
const world = await World.create('targets', { deps: { today: () => TODAY } });

interface Overview {
  dashboard: TargetsDashboard;
  series: { baseline: number | null; goal: number | null; points: { year: number; count: number }[] };
  hasPlaces: boolean;
}

const bureauCtx = () => {
  const bureau = world.tenant('bureauA');
  return actingAs(world.deps, { tenantId: bureau.id, userId: bureau.users[0]!.id });
};

beforeAll(() => world.seed());
afterAll(() => world.dispose());

/** The map of the file's description, written by the city bureau (TG-MAP's store), and the postings. */
async function writeMap() {
  const bureau = await bureauCtx();
  const map = world.store.cityMap(
    { tenantId: bureau.tenant.id, userId: bureau.actor.userId, kind: 'bureau' },
    '450600',
  );
  const write = world.store.tenant({ tenantId: bureau.tenant.id, userId: bureau.actor.userId }).scope.mutation();
  map.stageTownship(write, { code: '450602001', name: '渔洲坪街道', county: '450602', kind: 'street' });
  map.stageTownship(write, { code: '450602100', name: '企沙镇', county: '450602', kind: 'township' });
  map.stageTownship(write, { code: '450681001', name: '东兴镇', county: '450681', kind: 'township' });
  map.stageCommunity(write, { code: '450602001001', name: '渔洲坪社区', township: '450602001', kind: 'urban' });
  map.stageCommunity(write, { code: '450602001002', name: '沙潭江社区', township: '450602001', kind: 'urban' });
  map.stageCommunity(write, { code: '450602100201', name: '企沙村', township: '450602100', kind: 'rural' });
  map.stageCommunity(write, { code: '450681001001', name: '东兴社区', township: '450681001', kind: 'urban' });
  map.stageStation(write, { id: 'st1', name: '渔洲坪街道社工站', township: '450602001', openedOn: '2023-06-01' });
  map.stageBaseline(write, { year: 2022, city: 3, counties: { '450602': 2 } });
  map.stageBase(write, { id: 'tb1', kind: 'talent', name: '防城港市社会工作人才培育基地', region: '450600' });
  await write.audited('test.map', 'Map', '450600', 1, {}).commit();
  const orgA = world.tenant('orgA');
  const [p0, p1, p2] = orgA.people as [string, string, string];
  await post(p0, '450602001001', 'a0');
  await post(p1, '450602001001', 'a1');
  await post(p2, '450602100201', 'a2');
}

/** Organisation A posts one of its people to a community (TG-MAP's postings, written through the store). */
async function post(personId: string, community: string, id: string, from = '2026-01-01') {
  const orgA = world.tenant('orgA');
  const repos = world.store.tenant({ tenantId: orgA.id, userId: orgA.users[0]!.id });
  const write = repos.scope.mutation();
  repos.postings.stage(write, {
    id,
    personId,
    organisationId: orgA.id,
    community,
    from,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  await write.audited('test.posting', 'Posting', id, 1, {}).commit();
}

async function overview(bureau: 'bureauA' | 'bureauB', path = '/v1/jurisdiction/targets'): Promise<Overview> {
  const response = await world.request('GET', path, { as: world.user(bureau, 'reviewer') });
  expect(response.status).toBe(200);
  return (await response.json()) as Overview;
}

const figure = (figures: readonly TargetFigure[], key: TargetFigure['key']) => {
  const found = figures.find((f) => f.key === key);
  if (!found) throw new Error(`no figure ${key}`);
  return found;
};
const brief = (f: TargetFigure) => [f.ruleId, f.value, f.goal, f.status];
const countyOf = (d: TargetsDashboard, county: string) => d.counties.find((c) => c.county === county)?.figures ?? [];

describe('before any place is recorded', () => {
  it('the page says what to do first, and the per-place targets have no data', async () => {
    const { dashboard, hasPlaces } = await overview('bureauA');
    expect(hasPlaces).toBe(false);
    expect(figure(dashboard.figures, 'certifiedPosts').status).toBe('no_data');
    const page = await world.page('GET', '/bureau/targets', { as: world.user('bureauA', 'admin') });
    const html = await page.text();
    expect(html).toContain('id="empty-map"');
    expect(html).toContain('还没有录入区划');
    await writeMap();
    const after = await (await world.page('GET', '/bureau/targets', { as: world.user('bureauA', 'admin') })).text();
    expect(after).not.toContain('id="empty-map"');
  });
});

describe('a city bureau’s targets', () => {
  it('shows each county’s figures and the places behind each number', async () => {
    const { dashboard, hasPlaces } = await overview('bureauA');
    expect(hasPlaces).toBe(true);
    expect([dashboard.scope, dashboard.today]).toEqual(['450600', TODAY]);
    expect(dashboard.counties.map((c) => c.county)).toEqual(['450602', '450603', '450621', '450681']);
    const gk = countyOf(dashboard, '450602');
    expect(gk.map(brief)).toEqual([
      ['P-T1', 1, 1, 'met'],
      // 渔洲坪社区 2 of 2, 企沙村 1 of 1, 沙潭江社区 0 of 2; the 2025 deadline has passed.
      ['P-T2', 2, 3, 'overdue'],
      ['P-T3', 1, 1, 'met'],
      ['P-T4', 1, 2, 'overdue'],
      // Organisation A's three against twice the 港口区 baseline of 2.
      ['P-T5', 3, 4, 'overdue'],
      // No deadline: not met, never overdue.
      ['P-T7', 2, 3, 'not_met'],
    ]);
    expect(figure(gk, 'certifiedPosts').gaps).toEqual([
      expect.objectContaining({ ruleId: 'P-T7', code: '450602001002', name: '沙潭江社区', have: 0, need: 1 }),
    ]);
    expect(figure(gk, 'stations').gaps.map((g) => [g.name, g.have, g.need])).toEqual([['企沙镇', 0, 1]]);
    // 东兴: its base counts (P-T1); no organisation registered there (P-T3); 东兴社区 lacks everyone.
    expect(countyOf(dashboard, '450681').map(brief)).toEqual([
      ['P-T1', 1, 1, 'met'],
      ['P-T2', 0, 1, 'overdue'],
      ['P-T3', 0, 1, 'overdue'],
      ['P-T4', 0, 1, 'overdue'],
      ['P-T5', 0, null, 'no_data'],
      ['P-T7', 0, 1, 'not_met'],
    ]);
  });

  it('sums the city from its counties, no_data while a county has no places; P-T5 and P-T6 city-wide', async () => {
    const { dashboard, series } = await overview('bureauA');
    expect(dashboard.figures.map(brief)).toEqual([
      ['P-T1', 2, 4, 'overdue'],
      ['P-T2', 2, 4, 'no_data'],
      ['P-T3', 2, 4, 'overdue'],
      ['P-T4', 1, 3, 'no_data'],
      // Six certified (both organisations) against twice the city's 3.
      ['P-T5', 6, 6, 'met'],
      ['P-T6', 1, 1, 'met'],
      ['P-T6', 0, 2, 'overdue'],
      ['P-T7', 2, 4, 'no_data'],
    ]);
    expect(figure(dashboard.figures, 'certifiedPosts').gaps.map((g) => g.name ?? g.code)).toEqual([
      '沙潭江社区',
      '450603',
      '450621',
      '东兴社区',
    ]);
    expect(series.baseline).toBe(3);
    expect(series.goal).toBe(6);
    expect(series.points).toEqual([
      { year: 2022, asOf: '2022-12-31', count: 6 },
      { year: 2023, asOf: '2023-12-31', count: 6 },
      { year: 2024, asOf: '2024-12-31', count: 6 },
      { year: 2025, asOf: '2025-12-31', count: 6 },
      { year: 2026, asOf: TODAY, count: 6 },
    ]);
  });

  it('narrows to one county on its own address, and answers 404 for a county of another city', async () => {
    const { dashboard, series } = await overview('bureauA', '/v1/jurisdiction/targets/counties/450602');
    expect(dashboard.scope).toBe('450602');
    expect(dashboard.counties.map((c) => c.county)).toEqual(['450602']);
    expect([series.baseline, series.goal]).toEqual([2, 4]);
    const other = await world.request('GET', '/v1/jurisdiction/targets/counties/450102', {
      as: world.user('bureauA', 'auditor'),
    });
    expect(other.status).toBe(404);
    const malformed = await world.request('GET', '/v1/jurisdiction/targets/counties/4506', {
      as: world.user('bureauA', 'auditor'),
    });
    expect(malformed.status).toBe(400);
  });

  it('turns a community met when a certified worker is posted there', async () => {
    const orgA = world.tenant('orgA');
    // A person posted twice serves where the later posting starts (domain postedWorkers): moving
    // one of 渔洲坪社区's two to 沙潭江社区 leaves 渔洲坪 its other certified worker.
    const before = figure(countyOf((await overview('bureauA')).dashboard, '450602'), 'certifiedPosts');
    expect(before.gaps.map((g) => g.name)).toEqual(['沙潭江社区']);
    await post(orgA.people[1]!, '450602001002', 'a1-moved', '2026-06-01');
    const after = figure(countyOf((await overview('bureauA')).dashboard, '450602'), 'certifiedPosts');
    expect(brief(after)).toEqual(['P-T7', 3, 3, 'met']);
    expect(after.gaps).toEqual([]);
  });
});

describe('who sees what', () => {
  it('a county bureau sees its own county only', async () => {
    const { dashboard, series } = await overview('bureauB');
    expect(dashboard.scope).toBe('450681');
    expect(dashboard.counties.map((c) => c.county)).toEqual(['450681']);
    expect(dashboard.figures.map((f) => f.ruleId)).toEqual(['P-T1', 'P-T2', 'P-T3', 'P-T4', 'P-T5', 'P-T7']);
    expect(JSON.stringify(dashboard)).not.toContain('450602');
    expect(series.baseline).toBeNull();
    const other = await world.request('GET', '/v1/jurisdiction/targets/counties/450602', {
      as: world.user('bureauB', 'admin'),
    });
    expect(other.status).toBe(404);
  });

  it('another city’s bureau sees nothing of this one', async () => {
    const created = await world.request('POST', '/v1/tenants', {
      as: world.user('platform'),
      json: { kind: 'bureau', name: '南宁市民政局', region: '450100', adminEmail: 'admin@nn-mzj.example.cn' },
      headers: { 'Idempotency-Key': 'nanning-bureau' },
    });
    expect(created.status).toBe(201);
    const tenantId = ((await created.json()) as { tenant: { id: string } }).tenant.id;
    const nanning = await actingAs(world.deps, { tenantId, userId: 'nanning-reader' });
    const { dashboard, series, hasPlaces } = await bureauTargets(nanning);
    expect(dashboard.scope).toBe('450100');
    expect(hasPlaces).toBe(false);
    const text = JSON.stringify(dashboard);
    for (const seen of ['4506', '渔洲坪', '沙潭江', '东兴']) expect(text).not.toContain(seen);
    expect(series.points.every((p) => p.count === 0)).toBe(true);
    await expect(bureauTargets(nanning, '450602')).rejects.toBeInstanceOf(NotFound);
  });

  it('an organisation may not read a bureau’s targets', async () => {
    const response = await world.request('GET', '/v1/jurisdiction/targets', { as: world.user('orgA', 'admin') });
    expect(response.status).toBe(403);
  });
});

describe('the xlsx', () => {
  it('holds the summary, every county’s figures and the lists behind them', async () => {
    const response = await world.request('GET', '/v1/jurisdiction/targets.xlsx', {
      as: world.user('bureauA', 'auditor'),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX_TYPE);
    const book = Buffer.from(await response.arrayBuffer());
    const summary = await sheetText(book, '目标汇总');
    expect(summary[0]).toEqual(['防城港市社会工作发展目标进度']);
    expect(summary[1]?.[0]).toBe(`防城港市民政局　${TODAY}`);
    expect(summary.slice(3).map((r) => [r[1], r[2], r[3], r[6]])).toContainEqual(['P-T5', '6', '6', '达标']);
    const counties = await sheetText(book, '分县情况');
    expect(counties.slice(3).filter((r) => r[0] === '东兴市' && r[2] === 'P-T3')).toEqual([
      ['东兴市', '县级登记社工机构', 'P-T3', '0', '1', '个县（市、区）', '2025', '逾期'],
    ]);
    const gaps = await sheetText(book, '缺口清单');
    const stations = gaps.filter((r) => r[0] === 'P-T4');
    expect(stations.map((r) => [r[2], r[5], r[7], r[8], r[9]])).toContainEqual([
      '港口区',
      '企沙镇',
      '0',
      '1',
      '未建社工站',
    ]);
  });
});

describe('the pages', () => {
  it('the dashboard names what is missing and links each county; the print view has the bureau and the date', async () => {
    const page = await world.page('GET', '/bureau/targets', { as: world.user('bureauA', 'reviewer') });
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const seen of ['目标进度', '企沙镇', '东兴社区', 'P-T7', '/bureau/targets/counties/450681', '/bureau/map'])
      expect(html).toContain(seen);
    const print = await world.page('GET', '/bureau/targets/print', { as: world.user('bureauA', 'reviewer') });
    expect(print.status).toBe(200);
    const printed = await print.text();
    expect(printed).toContain('防城港市民政局');
    expect(printed).toContain('2026年12月3日');
    expect(printed).not.toContain('class="sider"');
  });

  it('the bureau’s dashboard has the targets’ card, each target not met listed with its status', async () => {
    const page = await world.page('GET', '/bureau', { as: world.user('bureauB', 'auditor') });
    expect(page.status).toBe(200);
    const html = await page.text();
    const card = html.slice(html.indexOf('id="targets-card"'));
    expect(card).toContain('6 项目标中 1 项已达标');
    expect(card).toContain('县级登记社工机构');
    expect(card).toContain('href="/bureau/targets"');
  });

  it('a county bureau’s page of its own county shows, another county’s is not found; its xlsx downloads', async () => {
    const own = await world.page('GET', '/bureau/targets/counties/450681', { as: world.user('bureauB', 'admin') });
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('东兴社区');
    const page = await world.page('GET', '/bureau/targets/counties/450602', { as: world.user('bureauB', 'admin') });
    expect(page.status).toBe(404);
    const xlsx = await world.page('GET', '/bureau/targets.xlsx', { as: world.user('bureauB', 'admin') });
    expect(xlsx.status).toBe(200);
    const gaps = await sheetText(Buffer.from(await xlsx.arrayBuffer()), '缺口清单');
    expect(gaps.slice(3).every((r) => r[2] === '东兴市')).toBe(true);
  });
});
