import { actingAs, targetInputs } from '@shegong/core';
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
    map.stageBaseline(write, { year: 2022, city: 180, counties: { '450602': 60 } });
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
      baseline: { year: 2022, city: 180, counties: { '450602': 60 } },
      bases: [{ id: 'tb1', kind: 'talent', name: '防城港市社会工作人才培育基地', region: '450600' }],
    });
    expect(facts.postings).toEqual([
      { personId: orgA.people[0], organisationId: orgA.id, community: '450602001001', from: '2026-01-01' },
    ]);
  });

  it('gives a county bureau its city’s inputs too (the dashboard narrows the view)', async () => {
    const city = await targetInputs(await ctxOf('bureauA'));
    const county = await targetInputs(await ctxOf('bureauB', 'auditor'));
    expect(county).toEqual(city);
  });

  it('is refused to anyone but a bureau', async () => {
    await expect(targetInputs(await ctxOf('orgA'))).rejects.toThrow(/bureau/);
  });
});
