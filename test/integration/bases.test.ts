import { ADMIT_EXAMPLE, APPLICATION_EXAMPLE } from '@shegong/http';
import { backfillBaseListings, DeleteCommand, keys } from '@shegong/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TenantLabel, World } from '../support/world.ts';

/**
 * A bureau's view of the incubation bases in its jurisdiction (issue 12, bureau side) through the
 * API, on DynamoDB Local. The world's bases: incubator A in 港口区 (450602) and incubator B in 东兴
 * (450681). Here the platform adds, through its API, a city-level base (防城港, 450600) and one in
 * another city (南宁, 450100). The city bureau (A, 450600) sees the three of its city; the county
 * bureau (B, 东兴) only 东兴's; nobody here sees 南宁's.
 */

const world = await World.create('bases');
const made = { cityBase: '', nanningBase: '' };

interface Base {
  tenantId: string;
  byStage: Record<string, number>;
  name: string;
  region: string;
  status: string;
}
interface Coverage {
  ruleId: string;
  counties: { region: string; covered: boolean; bases: { tenantId: string }[] }[];
  covered: number;
  total: number;
  cityBases: { tenantId: string }[];
}

async function createBase(name: string, region: string): Promise<string> {
  const response = await world.request('POST', '/v1/tenants', {
    as: world.user('platform'),
    json: { kind: 'incubator', name, region, adminEmail: `admin-${region}@fuhua.example.cn` },
    headers: { 'Idempotency-Key': `base-${region}` },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { tenant: { id: string } }).tenant.id;
}

beforeAll(async () => {
  await world.seed();
  made.cityBase = await createBase('防城港市社会组织孵化基地', '450600');
  made.nanningBase = await createBase('南宁市社会组织孵化基地', '450100');
});
afterAll(() => world.dispose());

const auditor = (bureau: 'bureauA' | 'bureauB' = 'bureauA') => world.user(bureau, 'auditor');

/** Every base a bureau lists, one per page, following the cursors. */
async function everyBase(bureau: 'bureauA' | 'bureauB'): Promise<Base[]> {
  const bases: Base[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '1', ...(cursor ? { cursor } : {}) });
    const response = await world.request('GET', `/v1/jurisdiction/bases?${query}`, { as: auditor(bureau) });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: Base[]; cursor?: string };
    bases.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return bases;
}

async function coverage(bureau: 'bureauA' | 'bureauB'): Promise<Coverage> {
  const response = await world.request('GET', '/v1/jurisdiction/bases/coverage', { as: auditor(bureau) });
  expect(response.status).toBe(200);
  return (await response.json()) as Coverage;
}

describe('the bases of a jurisdiction', () => {
  it('a city bureau lists its own city’s base and its counties’, page by page, none of another city', async () => {
    const bases = await everyBase('bureauA');
    expect(bases.map((b) => [b.region, b.tenantId])).toEqual([
      ['450600', made.cityBase],
      ['450602', world.tenant('incubatorA').id],
      ['450681', world.tenant('incubatorB').id],
    ]);
    // Only a base's public listing: no credit code, no users, no storage keys.
    expect(Object.keys(bases[1]!).sort()).toEqual([
      'byStage',
      'createdAt',
      'name',
      'nameEn',
      'region',
      'status',
      'tenantId',
    ]);
    expect(bases.map((b) => b.tenantId)).not.toContain(made.nanningBase);
  });

  it('a county bureau lists only its own county’s base', async () => {
    expect((await everyBase('bureauB')).map((b) => b.tenantId)).toEqual([world.tenant('incubatorB').id]);
  });

  it('refuses a city’s cursor to a county bureau (400): a cursor walks only its own jurisdiction', async () => {
    const first = await world.request('GET', '/v1/jurisdiction/bases?limit=1', { as: auditor('bureauA') });
    const { cursor } = (await first.json()) as { cursor?: string };
    expect(cursor).toBeDefined();
    const query = new URLSearchParams({ limit: '1', cursor: cursor! });
    const response = await world.request('GET', `/v1/jurisdiction/bases?${query}`, { as: auditor('bureauB') });
    expect(response.status).toBe(400);
  });

  it('reads the listings with Queries of the index, never a Scan', async () => {
    const { commands: sent } = await world.storeCommandsDuring('bureauA', async () => {
      await everyBase('bureauA');
      await coverage('bureauA');
    });
    expect(sent).toContain('QueryCommand');
    expect(sent.filter((c) => c.includes('Scan'))).toEqual([]);
  });
});

describe('county coverage (P-T1)', () => {
  it('the city: per county whether a base is there; its city-level base counts for no county', async () => {
    const found = await coverage('bureauA');
    expect(found.ruleId).toBe('P-T1');
    expect(found.counties.map((c) => [c.region, c.covered])).toEqual([
      ['450602', true],
      ['450603', false],
      ['450621', false],
      ['450681', true],
    ]);
    expect([found.covered, found.total]).toEqual([2, 4]);
    expect(found.cityBases.map((b) => b.tenantId)).toEqual([made.cityBase]);
  });

  it('a county: only itself, covered by its own base', async () => {
    const found = await coverage('bureauB');
    expect(found).toMatchObject({ ruleId: 'P-T1', covered: 1, total: 1, cityBases: [] });
    expect(found.counties.map((c) => c.region)).toEqual(['450681']);
  });

  it('a base the platform suspends is listed as suspended, still counts and keeps its records’ counts', async () => {
    const base = world.tenant('incubatorB');
    // The base admits an organisation: its listing counts it (incubating), in the admitting transaction.
    const operator = world.user('incubatorB', 'operator');
    const recorded = await world.request('POST', '/v1/incubation/applications', {
      as: operator,
      json: { ...APPLICATION_EXAMPLE, contact: { ...APPLICATION_EXAMPLE.contact, email: 'b-admitted@example.cn' } },
    });
    const { id } = (await recorded.json()) as { id: string };
    const admitted = await world.request('POST', `/v1/incubation/applications/${id}/admit`, {
      as: operator,
      headers: { 'If-Match': '"1"' },
      json: ADMIT_EXAMPLE,
    });
    expect(admitted.status).toBe(201);
    expect(await everyBase('bureauB')).toMatchObject([{ byStage: { incubating: 1, graduated: 0 } }]);
    const response = await world.request('POST', `/v1/tenants/${base.id}/suspend`, {
      as: world.user('platform'),
      json: { reason: '运营方更换，待核实' },
      headers: { 'If-Match': '"1"' },
    });
    expect(response.status).toBe(200);
    // The listing rewritten with the tenant keeps the counts its records' transactions keep.
    expect(await everyBase('bureauB')).toMatchObject([
      { tenantId: base.id, status: 'suspended', byStage: { incubating: 1 } },
    ]);
    expect((await coverage('bureauB')).covered).toBe(1);
  });
});

describe('who may read the bases', () => {
  it('every member of a bureau; a base, an organisation or the platform is refused (403)', async () => {
    for (const role of ['admin', 'auditor', 'reviewer']) {
      const response = await world.request('GET', '/v1/jurisdiction/bases', { as: world.user('bureauA', role) });
      expect(response.status, role).toBe(200);
    }
    const others: [TenantLabel, string][] = [
      ['incubatorA', 'operator'],
      ['incubatorA', 'admin'],
      ['orgA', 'admin'],
      ['platform', 'platform_admin'],
    ];
    for (const [label, role] of others) {
      for (const path of ['/v1/jurisdiction/bases', '/v1/jurisdiction/bases/coverage']) {
        const response = await world.request('GET', path, { as: world.user(label, role) });
        expect(response.status, `${label} ${role} ${path}`).toBe(403);
      }
    }
  });

  it('the page: a bureau sees the coverage and its bases; a base is refused', async () => {
    const page = await world.page('GET', '/bureau/bases', { as: auditor('bureauB'), lang: 'en' });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('P-T1');
    expect(html).toContain('Dongxing');
    expect(html).not.toContain('防城港市社会组织孵化基地');
    const refused = await world.page('GET', '/bureau/bases', { as: world.user('incubatorA', 'operator') });
    expect(refused.status).toBe(403);
  });
});

describe('bases created before the listings', () => {
  it('get their listing from the backfill, once', async () => {
    const base = world.tenant('incubatorA');
    await world.store.client.send(
      new DeleteCommand({ TableName: world.store.tableName, Key: keys.baseListing(base.id) }),
    );
    expect((await everyBase('bureauA')).map((b) => b.tenantId)).not.toContain(base.id);
    expect(await backfillBaseListings(world.store)).toEqual({ bases: 1 });
    expect((await everyBase('bureauA')).map((b) => b.tenantId)).toContain(base.id);
    expect(await backfillBaseListings(world.store)).toEqual({ bases: 0 });
  });
});
