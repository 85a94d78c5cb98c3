import { actingAs, targetInputs } from '@shegong/core';
import { backfillOrganisationListings, DeleteCommand, keys } from '@shegong/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc, type TenantLabel, World } from '../support/world.ts';

/**
 * The bureau's map and the staff's postings (issue 13, the targets' inputs), on DynamoDB Local.
 * The world: city bureau A (防城港 450600), county bureau B (东兴 450681), organisation A (港口区
 * 450602, registered), organisation B (上思县 450621, registered), each with three certified
 * people; incubation bases A (450602) and B (450681). Another city's organisation (南宁 450100) is
 * added through the platform's API, so nothing of it may reach 防城港's inputs.
 */

const world = await World.create('target-map');
const made = { nanningOrg: '' };

beforeAll(async () => {
  await world.seed();
  const response = await world.request('POST', '/v1/tenants', {
    as: world.user('platform'),
    json: {
      kind: 'org',
      name: '南宁市社工服务中心',
      region: '450100',
      uscc: makeUscc('450100', 7),
      adminEmail: 'admin@nanning-sg.example.cn',
    },
    headers: { 'Idempotency-Key': 'nanning-org' },
  });
  expect(response.status).toBe(201);
  made.nanningOrg = ((await response.json()) as { tenant: { id: string } }).tenant.id;
});
afterAll(() => world.dispose());

const ctxOf = (label: TenantLabel, role = 'admin') => {
  const tenant = world.tenant(label);
  const user = tenant.users.find((u) => u.roles.includes(role)) ?? tenant.users[0]!;
  return actingAs(world.deps, { tenantId: tenant.id, userId: user.id });
};

describe('targetInputs: what the dashboard is computed from', () => {
  it('lists the city’s organisations, their staff and bases, and nothing of another city', async () => {
    const { map, facts } = await targetInputs(await ctxOf('bureauA'));
    expect(map).toEqual({ city: '450600', townships: [], communities: [], stations: [], bases: [] });
    const orgA = world.tenant('orgA');
    const orgB = world.tenant('orgB');
    expect(facts.organisations).toEqual([
      { organisationId: orgA.id, name: orgA.name, region: '450602', registered: true },
      { organisationId: orgB.id, name: orgB.name, region: '450621', registered: true },
    ]);
    expect(facts.organisations.map((o) => o.organisationId)).not.toContain(made.nanningOrg);
    expect(facts.staff.map((s) => s.personId).sort()).toEqual([...orgA.people, ...orgB.people].sort());
    expect(facts.staff[0]).toEqual({
      personId: expect.any(String),
      organisationId: expect.any(String),
      certificates: [{ level: 'assistant', obtainedOn: '2022-06-19' }],
      education: { level: 'bachelor', socialWorkMajor: true },
    });
    expect(facts.incubationBases.map((b) => [b.region, b.tenantId])).toEqual([
      ['450602', world.tenant('incubatorA').id],
      ['450681', world.tenant('incubatorB').id],
    ]);
    expect(facts.postings).toEqual([]);
  });

  it('returns exactly the map and the postings written, in code order', async () => {
    const bureau = await ctxOf('bureauA');
    const map = world.store.cityMap(
      { tenantId: bureau.tenant.id, userId: bureau.actor.userId, kind: 'bureau' },
      '450600',
    );
    const write = world.store.tenant({ tenantId: bureau.tenant.id, userId: bureau.actor.userId }).scope.mutation();
    map.stageTownship(write, { code: '450602100', name: '企沙镇', county: '450602', kind: 'township' });
    map.stageTownship(write, { code: '450602001', name: '渔洲坪街道', county: '450602', kind: 'street' });
    map.stageCommunity(write, { code: '450602001001', name: '渔洲坪社区', township: '450602001', kind: 'urban' });
    map.stageStation(write, { id: 'st1', name: '渔洲坪街道社工站', township: '450602001', openedOn: '2023-06-01' });
    map.stageBase(write, { id: 'tb1', kind: 'talent', name: '防城港市社会工作人才培育基地', region: '450600' });
    await write.audited('test.map', 'Map', '450600', 1, {}).commit();

    const orgA = world.tenant('orgA');
    const repos = world.store.tenant({ tenantId: orgA.id, userId: orgA.users[0]!.id });
    const post = repos.scope.mutation();
    repos.postings.stage(post, {
      id: 'p1',
      personId: orgA.people[0]!,
      organisationId: orgA.id,
      community: '450602001001',
      from: '2026-01-01',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await post.audited('test.posting', 'Posting', 'p1', 1, {}).commit();

    const { map: read, facts } = await targetInputs(bureau);
    expect(read).toEqual({
      city: '450600',
      townships: [
        { code: '450602001', name: '渔洲坪街道', county: '450602', kind: 'street' },
        { code: '450602100', name: '企沙镇', county: '450602', kind: 'township' },
      ],
      communities: [{ code: '450602001001', name: '渔洲坪社区', township: '450602001', kind: 'urban' }],
      stations: [{ id: 'st1', name: '渔洲坪街道社工站', township: '450602001', openedOn: '2023-06-01' }],
      bases: [{ id: 'tb1', kind: 'talent', name: '防城港市社会工作人才培育基地', region: '450600' }],
    });
    expect(facts.postings).toEqual([
      { personId: orgA.people[0], organisationId: orgA.id, community: '450602001001', from: '2026-01-01' },
    ]);
  });

  it('reads with Queries only: five, and one per organisation’s registry (no Scan, no read per person)', async () => {
    const ctx = await ctxOf('bureauA');
    const { result, commands } = await world.storeCommandsDuring('bureauA', () => targetInputs(ctx));
    expect(commands).toEqual(Array(5 + result.facts.organisations.length).fill('QueryCommand'));
  });

  it('gives a county bureau its city’s inputs too (the dashboard narrows the view)', async () => {
    const city = await targetInputs(await ctxOf('bureauA'));
    const county = await targetInputs(await ctxOf('bureauB', 'auditor'));
    expect(county).toEqual(city);
  });

  it('an organisation created before the listings gets one from the backfill, once', async () => {
    const orgB = world.tenant('orgB');
    await world.store.client.send(
      new DeleteCommand({ TableName: world.store.tableName, Key: keys.organisationListing(orgB.id) }),
    );
    const without = await targetInputs(await ctxOf('bureauA'));
    expect(without.facts.organisations.map((o) => o.organisationId)).not.toContain(orgB.id);
    expect(await backfillOrganisationListings(world.store)).toEqual({ organisations: 1 });
    expect(await backfillOrganisationListings(world.store)).toEqual({ organisations: 0 });
    const again = await targetInputs(await ctxOf('bureauA'));
    expect(again.facts.organisations.find((o) => o.organisationId === orgB.id)).toEqual({
      organisationId: orgB.id,
      name: orgB.name,
      region: '450621',
      registered: true,
    });
  });

  it('is refused to anyone but a bureau', async () => {
    await expect(targetInputs(await ctxOf('orgA'))).rejects.toThrow(/bureau/);
  });
});

const admin = (label: TenantLabel) => world.user(label, 'admin');

interface Problem {
  status: number;
  errors?: { path: string; message: string }[];
}

async function mapOf(label: TenantLabel = 'bureauA') {
  const response = await world.request('GET', '/v1/map', { as: world.user(label, 'auditor') });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    townships: { code: string; name: string; version: number }[];
    communities: { code: string; name: string; kind: string; version: number }[];
    stations: { id: string; township: string; version: number }[];
    baseline?: { city: number; counties?: Record<string, number>; version: number };
    bases: { id: string; region: string; version: number }[];
    editableCounties: string[];
  };
}

const GANGKOU = {
  townships: [
    { code: '450602003', name: '白沙万街道', county: '450602', kind: '街道' },
    { code: '450602101', name: '光坡镇', county: '450602', kind: '镇' },
  ],
  communities: [
    { code: '450602003001', name: '白沙万社区', township: '450602003', kind: '社区' },
    { code: '450602003002', name: '金花茶社区', township: '450602003', kind: '社区' },
    { code: '450602101201', name: '红沙村', township: '450602101', kind: '村' },
  ],
};

describe('importing the places (API)', () => {
  it('refuses a file with errors naming each row and field, and writes nothing', async () => {
    const before = await mapOf();
    const response = await world.request('POST', '/v1/map/places', {
      as: admin('bureauA'),
      json: {
        townships: [...GANGKOU.townships, { code: '45060', name: '', county: '450100', kind: '区' }],
        communities: [
          ...GANGKOU.communities,
          { code: '450602003001', name: '重复', township: '450602003', kind: '社区' },
        ],
      },
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem.errors?.map((e) => e.path)).toEqual([
      '/townships/2/code',
      '/townships/2/name',
      '/townships/2/county',
      '/townships/2/kind',
      '/communities/3/code',
    ]);
    expect(await mapOf()).toEqual(before);
  });

  it('a dry run counts and writes nothing; the import then merges by code', async () => {
    const dry = await world.request('POST', '/v1/map/places', {
      as: admin('bureauA'),
      json: { ...GANGKOU, dryRun: true },
    });
    expect(await dry.json()).toMatchObject({
      dryRun: true,
      townships: { added: 2 },
      communities: { added: 3 },
      transactions: 0,
    });
    const response = await world.request('POST', '/v1/map/places', { as: admin('bureauA'), json: GANGKOU });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      dryRun: false,
      townships: { added: 2, changed: 0, unchanged: 0 },
      communities: { added: 3, changed: 0, unchanged: 0 },
      transactions: 1,
    });
    // Again with one name changed: one change, the rest unchanged, places not sent kept.
    const renamed = {
      townships: GANGKOU.townships,
      communities: [{ ...GANGKOU.communities[0]!, name: '白沙万社区居委会' }],
    };
    const again = await world.request('POST', '/v1/map/places', { as: admin('bureauA'), json: renamed });
    expect(await again.json()).toMatchObject({ townships: { unchanged: 2 }, communities: { changed: 1, added: 0 } });
    const map = await mapOf();
    expect(map.communities.map((c) => [c.code, c.name])).toEqual(
      expect.arrayContaining([
        ['450602003001', '白沙万社区居委会'],
        ['450602003002', '金花茶社区'],
      ]),
    );
  });

  it('writes a large import in transactions of at most 90 places', async () => {
    const townships = Array.from({ length: 10 }, (_, i) => ({
      code: `450603${String(200 + i)}`,
      name: `防城区测试镇${i}`,
      county: '450603',
      kind: '镇',
    }));
    const communities = townships.flatMap((t, i) =>
      Array.from({ length: 15 }, (_, j) => ({
        code: `${t.code}${String(200 + j)}`,
        name: `测试村${i}-${j}`,
        township: t.code,
        kind: '村',
      })),
    );
    const response = await world.request('POST', '/v1/map/places', {
      as: admin('bureauA'),
      json: { townships, communities },
    });
    expect(await response.json()).toMatchObject({
      townships: { added: 10 },
      communities: { added: 150 },
      transactions: 2,
    });
    expect((await mapOf()).communities.filter((c) => c.code.startsWith('450603'))).toHaveLength(150);
  });

  it('a county bureau imports only its own county’s places', async () => {
    const refused = await world.request('POST', '/v1/map/places', { as: admin('bureauB'), json: GANGKOU });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Problem).errors?.[0]?.path).toBe('/townships/0/county');
    const own = await world.request('POST', '/v1/map/places', {
      as: admin('bureauB'),
      json: {
        townships: [{ code: '450681001', name: '东兴镇', county: '450681', kind: '镇' }],
        communities: [{ code: '450681001001', name: '东兴社区', township: '450681001', kind: '社区' }],
      },
    });
    expect(own.status).toBe(200);
    expect((await mapOf('bureauB')).editableCounties).toEqual([]);
    const asAdmin = await world.request('GET', '/v1/map', { as: admin('bureauB') });
    expect(((await asAdmin.json()) as { editableCounties: string[] }).editableCounties).toEqual(['450681']);
  });

  it('an auditor reads the map and changes nothing (403)', async () => {
    const response = await world.request('POST', '/v1/map/places', {
      as: world.user('bureauA', 'auditor'),
      json: GANGKOU,
    });
    expect(response.status).toBe(403);
  });
});

describe('stations, baseline and bases', () => {
  it('records a station of a township on the map; refuses one of a township not on it, naming the field', async () => {
    const missing = await world.request('POST', '/v1/map/stations', {
      as: admin('bureauA'),
      json: { name: '无名站', township: '450621999' },
    });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as Problem).errors?.[0]?.path).toBe('/township');
    const created = await world.request('POST', '/v1/map/stations', {
      as: admin('bureauA'),
      json: { name: '白沙万街道社工站', township: '450602003', openedOn: '2023-05-01' },
      headers: { 'Idempotency-Key': 'station-bsw' },
    });
    expect(created.status).toBe(201);
    const station = (await created.json()) as { id: string; version: number };
    // The county bureau of 东兴 may not touch 港口区's station: 404, as for anything not its own.
    const foreign = await world.request('PUT', `/v1/map/stations/${station.id}`, {
      as: admin('bureauB'),
      json: { name: '改名', township: '450602003' },
      headers: { 'If-Match': '"1"' },
    });
    expect(foreign.status).toBe(404);
    const changed = await world.request('PUT', `/v1/map/stations/${station.id}`, {
      as: admin('bureauA'),
      json: { name: '白沙万街道社会工作服务站', township: '450602003', openedOn: '2023-05-01' },
      headers: { 'If-Match': '"1"' },
    });
    expect(changed.status).toBe(200);
    const stale = await world.request('DELETE', `/v1/map/stations/${station.id}`, {
      as: admin('bureauA'),
      headers: { 'If-Match': '"1"' },
    });
    expect(stale.status).toBe(412);
    expect((await mapOf()).stations.find((s) => s.id === station.id)?.version).toBe(2);
  });

  it('the city records the baseline first; a county bureau then only its own county’s count', async () => {
    const early = await world.request('PUT', '/v1/map/baseline', {
      as: admin('bureauB'),
      json: { counties: { '450681': 20 } },
      headers: { 'If-Match': '"0"' },
    });
    expect(early.status).toBe(400);
    const city = await world.request('PUT', '/v1/map/baseline', {
      as: admin('bureauA'),
      json: { city: 180, counties: { '450602': 60 } },
      headers: { 'If-Match': '"0"' },
    });
    expect(city.status).toBe(200);
    const wrong = await world.request('PUT', '/v1/map/baseline', {
      as: admin('bureauB'),
      json: { city: 1, counties: { '450602': 1 } },
      headers: { 'If-Match': '"1"' },
    });
    expect(((await wrong.json()) as Problem).errors?.map((e) => e.path)).toEqual(['/city', '/counties/450602']);
    const own = await world.request('PUT', '/v1/map/baseline', {
      as: admin('bureauB'),
      json: { counties: { '450681': 20 } },
      headers: { 'If-Match': '"1"' },
    });
    expect(own.status).toBe(200);
    expect((await mapOf()).baseline).toEqual({
      year: 2022,
      city: 180,
      counties: { '450602': 60, '450681': 20 },
      version: 2,
    });
  });

  it('records talent and internship bases in the city or a county, run by an organisation of the city', async () => {
    const foreignOrg = await world.request('POST', '/v1/map/bases', {
      as: admin('bureauA'),
      json: { kind: 'talent', name: '南宁的基地', region: '450600', organisationId: made.nanningOrg },
    });
    expect(((await foreignOrg.json()) as Problem).errors?.[0]?.path).toBe('/organisationId');
    const talent = await world.request('POST', '/v1/map/bases', {
      as: admin('bureauA'),
      json: {
        kind: 'talent',
        name: '防城港市社会工作人才培育基地',
        region: '450600',
        organisationId: world.tenant('orgA').id,
      },
    });
    expect(talent.status).toBe(201);
    const outside = await world.request('POST', '/v1/map/bases', {
      as: admin('bureauB'),
      json: { kind: 'internship', name: '港口区实习基地', region: '450602' },
    });
    expect(((await outside.json()) as Problem).errors?.[0]?.path).toBe('/region');
  });
});

describe('postings', () => {
  const orgA = () => world.tenant('orgA');

  it('posts a person to a community of the map; refuses a community not on it, naming the field', async () => {
    const person = orgA().people[1]!;
    const missing = await world.request('POST', `/v1/people/${person}/postings`, {
      as: world.user('orgA', 'hr'),
      json: { community: '450602999001', from: '2026-01-01' },
    });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as Problem).errors?.[0]?.path).toBe('/community');
    const posted = await world.request('POST', `/v1/people/${person}/postings`, {
      as: world.user('orgA', 'hr'),
      json: { community: '450602003002', from: '2026-01-01' },
      headers: { 'Idempotency-Key': 'posting-first' },
    });
    expect({ status: posted.status, body: posted.status === 201 ? '' : await posted.text() }).toEqual({
      status: 201,
      body: '',
    });
    const posting = (await posted.json()) as { id: string; communityName: string; townshipName: string };
    expect(posting).toMatchObject({ communityName: '金花茶社区', townshipName: '白沙万街道', county: '450602' });
    const ended = await world.request('POST', `/v1/people/${person}/postings/${posting.id}/end`, {
      as: world.user('orgA', 'hr'),
      json: { until: '2025-12-31' },
      headers: { 'If-Match': '"1"' },
    });
    expect(((await ended.json()) as Problem).errors?.[0]?.path).toBe('/until');
    const list = await world.request('GET', `/v1/people/${person}/postings`, { as: world.user('orgA', 'finance') });
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('another organisation’s person is not found (404), and nothing is written', async () => {
    const response = await world.request('POST', `/v1/people/${orgA().people[1]}/postings`, {
      as: world.user('orgB', 'hr'),
      json: { community: '450602003002', from: '2026-01-01' },
    });
    expect(response.status).toBe(404);
  });

  it('targetInputs returns exactly the map and postings written, and nothing of another city', async () => {
    const { map, facts } = await targetInputs(await ctxOf('bureauA'));
    const api = await mapOf();
    expect(map.communities.map((c) => c.code)).toEqual(api.communities.map((c) => c.code));
    expect(map.stations.map((s) => s.id)).toEqual(api.stations.map((s) => s.id));
    expect(map.baseline).toEqual({ year: 2022, city: 180, counties: { '450602': 60, '450681': 20 } });
    expect(facts.postings).toEqual(
      expect.arrayContaining([
        { personId: orgA().people[1], organisationId: orgA().id, community: '450602003002', from: '2026-01-01' },
      ]),
    );
    expect(facts.organisations.map((o) => o.organisationId)).not.toContain(made.nanningOrg);
  });
});

describe('removing a place imported by mistake', () => {
  const version = async (code: string) =>
    (await mapOf()).communities.find((c) => c.code === code)?.version ??
    (await mapOf()).townships.find((t) => t.code === code)?.version;

  it('refuses a community someone is posted to now (409), and a township with communities (409)', async () => {
    const posted = await world.request('DELETE', '/v1/map/communities/450602003002', {
      as: admin('bureauA'),
      headers: { 'If-Match': `"${await version('450602003002')}"` },
    });
    expect(posted.status).toBe(409);
    const full = await world.request('DELETE', '/v1/map/townships/450602003', {
      as: admin('bureauA'),
      headers: { 'If-Match': `"${await version('450602003')}"` },
    });
    expect(full.status).toBe(409);
  });

  it('removes a community, then its empty township; another county’s bureau gets 404', async () => {
    const foreign = await world.request('DELETE', '/v1/map/communities/450602101201', {
      as: admin('bureauB'),
      headers: { 'If-Match': '"1"' },
    });
    expect(foreign.status).toBe(404);
    const community = await world.request('DELETE', '/v1/map/communities/450602101201', {
      as: admin('bureauA'),
      headers: { 'If-Match': `"${await version('450602101201')}"` },
    });
    expect(community.status).toBe(204);
    const township = await world.request('DELETE', '/v1/map/townships/450602101', {
      as: admin('bureauA'),
      headers: { 'If-Match': `"${await version('450602101')}"` },
    });
    expect(township.status).toBe(204);
    const map = await mapOf();
    expect(map.townships.map((t) => t.code)).not.toContain('450602101');
    expect(map.communities.map((c) => c.code)).not.toContain('450602101201');
  });
});

describe('the pages', () => {
  const text = async (response: Response) => /<main[\s\S]*<\/main>/.exec(await response.text())?.[0] ?? '';

  it('shows every member of the bureau the places by county; the admin the import form', async () => {
    const auditor = await world.page('GET', '/bureau/map', { as: world.user('bureauA', 'auditor') });
    expect(auditor.status).toBe(200);
    const page = await text(auditor);
    expect(page).toContain('港口区');
    expect(page).toContain('白沙万街道');
    expect(page).not.toContain('name="file"');
    const asAdmin = await text(await world.page('GET', '/bureau/map', { as: admin('bureauA') }));
    expect(asAdmin).toContain('name="file"');
  });

  it('an import with errors lists each row and column and writes nothing; a good one is merged', async () => {
    const before = await mapOf();
    const bad = await world.page('POST', '/bureau/map/import', {
      as: admin('bureauA'),
      form: {
        townships: '代码\t名称\t所属县(市、区)代码\t类型\n450621100\t\t450621\t镇',
        communities: '代码\t名称\t所属乡镇(街道)代码\t类型\n450621100201\t那琴村\t450621100\t屯',
      },
    });
    expect(bad.status).toBe(400);
    const errors = await text(bad);
    expect(errors).toContain('名称');
    expect(errors).toContain('类型');
    expect(await mapOf()).toEqual(before);
    const good = await world.page('POST', '/bureau/map/import', {
      as: admin('bureauA'),
      form: {
        townships: '代码\t名称\t所属县(市、区)代码\t类型\n450621100\t在妙镇\t450621\t镇',
        communities: '代码\t名称\t所属乡镇(街道)代码\t类型\n450621100201\t那琴村\t450621100\t村',
        note: '示例数据（illustrative）',
      },
    });
    expect(good.status).toBe(200);
    const done = await text(good);
    expect(done).toContain('导入完成');
    expect(done).toContain('示例数据（illustrative）');
    expect((await mapOf()).communities.map((c) => c.code)).toContain('450621100201');
  });

  it('hr posts a staff member to a community from the person’s page; a community not on the map re-renders the form', async () => {
    const orgA = world.tenant('orgA');
    const person = orgA.people[2]!;
    const hr = world.user('orgA', 'hr');
    const section = await text(await world.page('GET', `/org/staff/${person}`, { as: hr }));
    expect(section).toContain('服务社区');
    expect(section).toContain('白沙万社区居委会');
    const bad = await world.page('POST', `/org/staff/${person}/postings`, {
      as: hr,
      form: { community: '450602999999', from: '2026-02-01' },
    });
    expect(bad.status).toBe(400);
    expect(await text(bad)).toContain('该社区不在本市地图上');
    const posted = await world.page('POST', `/org/staff/${person}/postings`, {
      as: hr,
      form: { community: '450602003001', from: '2026-02-01' },
    });
    expect(posted.status).toBe(303);
    const after = await text(await world.page('GET', `/org/staff/${person}`, { as: hr }));
    expect(after).toContain('港口区 · 白沙万街道 · 白沙万社区居委会');
  });
});
