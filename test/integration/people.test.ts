import { randomUUID } from 'node:crypto';
import { idCardCheckCharacter, type PersonInput } from '@shegong/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenSubject } from '../support/tokens.ts';
import { World } from '../support/world.ts';

/**
 * The staff registry's API: an org's hr keeps people; readers see masked personal data and each
 * person's flags under the rule set in force (FANGCHENGGANG_2023, published by the city bureau).
 * Today is fixed at 2026-11-25.
 */

const TODAY = '2026-11-25';
const world = await World.create('people-api', { deps: { today: () => TODAY } });

// The world publishes FANGCHENGGANG_2023 for 450600 (bureau A); orgA is in 港口区 450602, within it.
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const idCard = (first17: string) => first17 + idCardCheckCharacter(first17);
let serial = 0;
function person(overrides: Partial<PersonInput> = {}): PersonInput {
  serial += 1;
  return {
    name: `测试${serial}`,
    idCardNumber: idCard(`45060219880512${String(serial).padStart(3, '0')}`),
    phone: '13977012345',
    education: { level: 'bachelor', socialWorkMajor: true },
    employmentType: 'contract',
    monthlyPay: 4_000_00,
    employment: [{ employer: '阳光社工', region: '450602', start: '2020-03-01', socialWork: true }],
    certificates: [
      {
        level: 'assistant',
        number: `API-${Date.now()}-${serial}`,
        obtainedOn: '2020-06-20',
        registeredOn: '2025-01-01',
      },
    ],
    // 72 hours: this year's 50 (P-R2) and the registration period's 72 (N-5) are both met.
    continuingEducation: [{ date: '2026-03-01', tenthHours: 720, provider: '市民政局', topic: '个案管理' }],
    ...overrides,
  };
}

const hr = () => world.user('orgA', 'hr');
const problemPaths = async (response: Response) =>
  ((await response.json()) as { errors?: { path: string }[] }).errors?.map((e) => e.path) ?? [];

async function create(input: PersonInput, as = hr()) {
  const response = await world.request('POST', '/v1/people', { as, json: input });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; version: number };
}

interface Listed {
  id: string;
  name: string;
  idCardNumber: string;
  phone: string;
  summary?: {
    flags: string[];
    pay: { shortfall: number; floor: number; fullTimeFloor: number; ftePercent: number; ruleId: string };
    findings: { kind: string; ruleId: string; path: string; amounts: Record<string, unknown> }[];
    run?: { start: string; area: string };
    registrations: { status: string; expiresOn?: string }[];
    ce: { period?: { to: string; shortfallTenthHours: number } };
  };
}

/** An organisation in Dongxing (450681), whose bureau publishes its own rule set (DONGXING_2026), and its hr. */
async function dongxingHr(): Promise<TokenSubject> {
  const tenant = await world.createTenant({ kind: 'org', name: '东兴市同心社会工作服务中心', region: '450681' });
  const repos = world.store.tenant({ tenantId: tenant.id, userId: 'seed' });
  const members = repos.scope.mutation();
  const user = repos.users.add(members, {
    id: randomUUID(),
    email: 'hr.dx@example.cn',
    name: '东兴 hr',
    roles: ['hr'],
  });
  await members.audited('user.add', 'User', user.id, user.version, user).commit();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    tenantId: tenant.id,
    kind: 'org',
    region: '450681',
    roles: ['hr'],
  };
}

const read = async (id: string, as: TokenSubject = hr()) =>
  (await (await world.request('GET', `/v1/people/${id}`, { as })).json()) as Listed;

describe('adding people', () => {
  it('refuses an ID-card number with a wrong check character: 400 naming /idCardNumber, nothing written', async () => {
    const good = person();
    const bad = {
      ...good,
      idCardNumber: `${good.idCardNumber.slice(0, 17)}${good.idCardNumber[17] === '1' ? '2' : '1'}`,
    };
    const response = await world.request('POST', '/v1/people', { as: hr(), json: bad });
    expect(response.status).toBe(400);
    expect(await problemPaths(response)).toEqual(['/idCardNumber']);
    const list = await world.request('GET', '/v1/people?limit=100', { as: hr() });
    expect(((await list.json()) as { items: Listed[] }).items.map((p) => p.name)).not.toContain(good.name);
  });

  it('refuses a certificate number another organisation holds: 409 naming /certificates/0/number', async () => {
    const first = person();
    await create(first);
    const response = await world.request('POST', '/v1/people', {
      as: world.user('orgB', 'hr'),
      json: person({ certificates: first.certificates }),
    });
    expect(response.status).toBe(409);
    expect(await problemPaths(response)).toEqual(['/certificates/0/number']);
  });

  it('replays a create with the same Idempotency-Key', async () => {
    const input = person();
    const headers = { 'Idempotency-Key': `people-${Date.now()}` };
    const first = await world.request('POST', '/v1/people', { as: hr(), json: input, headers });
    const again = await world.request('POST', '/v1/people', { as: hr(), json: input, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
  });
});

describe('personal data', () => {
  it('shows hr the ID-card and phone numbers in full; finance and project managers see them masked', async () => {
    const input = person();
    const { id } = await create(input);
    const full = (await (await world.request('GET', `/v1/people/${id}`, { as: hr() })).json()) as Listed;
    expect(full).toMatchObject({ idCardNumber: input.idCardNumber, phone: '13977012345' });
    for (const role of ['finance', 'project_manager']) {
      const response = await world.request('GET', `/v1/people/${id}`, { as: world.user('orgA', role) });
      const text = await response.text();
      expect(text).not.toContain(input.idCardNumber);
      expect(text).not.toContain('13977012345');
      expect(JSON.parse(text)).toMatchObject({
        idCardNumber: `${input.idCardNumber.slice(0, 6)}********${input.idCardNumber.slice(14)}`,
        phone: '139****2345',
      });
    }
  });

  it('does not let staff read the registry at all', async () => {
    expect((await world.request('GET', '/v1/people', { as: world.user('orgA', 'staff') })).status).toBe(403);
  });
});

describe('the registry’s flags (FANGCHENGGANG_2023, today 2026-11-25)', () => {
  it('lists who is below the floor with the P-W3 shortfall, and filters by each flag', async () => {
    // Assistant floor ¥3,200: ¥3,050 is ¥150 (15,000 fen) short.
    const low = await create(person({ name: '低薪者', monthlyPay: 3_050_00 }));
    // Registered 2023-12-01, valid through 2026-11-30: in its 3-month renewal window (N-4).
    const expiring = await create(
      person({
        name: '将到期',
        certificates: [
          { level: 'assistant', number: `EXP-${Date.now()}`, obtainedOn: '2023-06-01', registeredOn: '2023-12-01' },
        ],
      }),
    );
    // 38.5 hours this year against the 50 required (P-R2).
    const short = await create(
      person({
        name: '学时不足',
        continuingEducation: [{ date: '2026-04-01', tenthHours: 385, provider: '市民政局', topic: '督导' }],
      }),
    );
    const list = async (flag?: string) => {
      const response = await world.request('GET', `/v1/people${flag ? `?flag=${flag}` : '?limit=100'}`, {
        as: world.user('orgA', 'finance'),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { items: Listed[]; ruleSet: { id: string } | null };
    };
    const below = await list('below-floor');
    expect(below.ruleSet?.id).toBe(world.ruleSetIds.bureauA);
    expect(below.items.map((p) => p.id)).toEqual([low.id]);
    expect(below.items[0]?.summary?.pay).toMatchObject({ shortfall: 15_000, ruleId: 'P-W3' });
    expect((await list('registration-expiring')).items.map((p) => p.id)).toEqual([expiring.id]);
    expect((await list('ce-short')).items.map((p) => p.id)).toEqual([short.id]);
    const all = await list();
    expect(all.items.find((p) => p.id === low.id)?.summary?.flags).toEqual(['below-floor']);
  });

  it('says so when no rule set is in force, rather than failing', async () => {
    // The world's rule sets start in 2023 and 2026: on 2022-06-01 none is in force.
    const early = await World.create('people-api-early', { deps: { today: () => '2022-06-01' } });
    await early.seed();
    try {
      const response = await early.request('GET', '/v1/people', { as: early.user('orgA', 'hr') });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ruleSet: null, notice: expect.stringContaining('No rule set') });
    } finally {
      await early.dispose();
    }
  });
});

describe('changing a person', () => {
  it('adds a CE entry and a certificate with If-Match, refuses a stale version with 412, and removes', async () => {
    const { id } = await create(person());
    const ce = await world.request('POST', `/v1/people/${id}/continuing-education`, {
      as: hr(),
      headers: { 'If-Match': '"1"' },
      json: { date: '2026-10-01', tenthHours: 60, provider: '协会', topic: '伦理' },
    });
    expect(ce.status).toBe(200);
    expect(ce.headers.get('ETag')).toBe('"2"');
    const stale = await world.request('POST', `/v1/people/${id}/certificates`, {
      as: hr(),
      headers: { 'If-Match': '"1"' },
      json: { level: 'social_worker', number: `SW-${Date.now()}`, obtainedOn: '2026-06-01' },
    });
    expect(stale.status).toBe(412);
    const cert = await world.request('POST', `/v1/people/${id}/certificates`, {
      as: hr(),
      headers: { 'If-Match': '"2"' },
      json: { level: 'social_worker', number: `SW-${Date.now()}`, obtainedOn: '2026-06-01' },
    });
    expect(cert.status).toBe(200);
    expect(((await cert.json()) as { certificates: unknown[] }).certificates).toHaveLength(2);
    expect(
      (await world.request('DELETE', `/v1/people/${id}`, { as: hr(), headers: { 'If-Match': '"3"' } })).status,
    ).toBe(204);
    expect((await world.request('GET', `/v1/people/${id}`, { as: hr() })).status).toBe(404);
  });
});

describe('isolation', () => {
  it('answers another organisation’s person with 404, and a bureau with 403', async () => {
    const { id } = await create(person());
    const other = world.user('orgB', 'hr');
    expect((await world.request('GET', `/v1/people/${id}`, { as: other })).status).toBe(404);
    expect(
      (await world.request('DELETE', `/v1/people/${id}`, { as: other, headers: { 'If-Match': '"1"' } })).status,
    ).toBe(404);
    expect((await world.request('GET', `/v1/people/${id}`, { as: world.user('bureauA') })).status).toBe(403);
    expect((await world.request('GET', '/v1/people', { as: world.user('bureauA', 'auditor') })).status).toBe(403);
  });
});

describe('the registry’s rules (issue 10, point 12; today 2026-11-25)', () => {
  it('counts a Dongxing employee’s P-A3 run across the city: it began in Gangkou, not at the county line', async () => {
    const as = await dongxingHr();
    const response = await world.request('POST', '/v1/people', {
      as,
      json: person({
        employment: [
          { employer: '阳光社工', region: '450602', start: '2023-03-01', end: '2024-12-31', socialWork: true },
          { employer: '同心社工', region: '450681', start: '2025-01-01', socialWork: true },
        ],
      }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const listed = await read(id, as);
    // Under DONGXING_2026, whose continuityRegion is the city 450600.
    expect(listed.summary?.run).toMatchObject({ start: '2023-03-01', area: '450600' });
  });

  it('refuses a typed registration expiry that is not three years on, naming the expected day', async () => {
    const seven = person({
      certificates: [
        {
          level: 'assistant',
          number: `N4-${Date.now()}`,
          obtainedOn: '2023-06-18',
          registeredOn: '2024-01-10',
          registrationExpiresOn: '2031-01-09',
        },
      ],
    });
    const response = await world.request('POST', '/v1/people', { as: hr(), json: seven });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors).toEqual([
      expect.objectContaining({
        path: '/certificates/0/registrationExpiresOn',
        message: 'must be 2027-01-10: a registration is valid 3 years from its date (N-4)',
      }),
    ]);
    const list = await world.request('GET', '/v1/people?limit=100', { as: hr() });
    expect(((await list.json()) as { items: Listed[] }).items.map((p) => p.name)).not.toContain(seven.name);
  });

  it('refuses a registration dated before the certificate was obtained, on the person and on its own route', async () => {
    const before = (registeredOn: string) => ({
      level: 'assistant' as const,
      number: `N4B-${Date.now()}-${registeredOn}`,
      obtainedOn: '2024-06-23',
      registeredOn,
    });
    const response = await world.request('POST', '/v1/people', {
      as: hr(),
      json: person({ certificates: [before('2024-06-22')] }),
    });
    expect(response.status).toBe(400);
    expect(await problemPaths(response)).toEqual(['/certificates/0/registeredOn']);
    const { id } = await create(person());
    const added = await world.request('POST', `/v1/people/${id}/certificates`, {
      as: hr(),
      headers: { 'If-Match': '"1"' },
      json: before('2024-01-01'),
    });
    expect(added.status).toBe(400);
    expect(await problemPaths(added)).toEqual(['/certificates/1/registeredOn']);
  });

  it('keeps a registration of 29 February to the end of February three years on', async () => {
    const leap = person({
      certificates: [
        { level: 'assistant', number: `N4L-${Date.now()}`, obtainedOn: '2023-06-18', registeredOn: '2024-02-29' },
      ],
    });
    const { id } = await create(leap);
    expect((await read(id)).summary?.registrations[0]).toMatchObject({ status: 'valid', expiresOn: '2027-02-28' });
  });

  it('finds a certificate not registered within a year of passing (N-4)', async () => {
    const { id } = await create(
      person({ certificates: [{ level: 'assistant', number: `N4O-${Date.now()}`, obtainedOn: '2025-06-01' }] }),
    );
    expect((await read(id)).summary?.findings).toContainEqual(
      expect.objectContaining({
        kind: 'registrationOverdue',
        ruleId: 'N-4',
        path: '/certificates/0/registeredOn',
        amounts: expect.objectContaining({ registerBy: '2026-06-01' }),
      }),
    );
  });

  it('flags an N-5 shortfall as ce-short, as a P-R2 shortfall is', async () => {
    // 50 hours this year meet P-R2; the period from 2025-01-01 needs 72 (assistant): 22 short.
    const { id } = await create(
      person({ continuingEducation: [{ date: '2026-03-01', tenthHours: 500, provider: '市民政局', topic: '督导' }] }),
    );
    const listed = await read(id);
    expect(listed.summary?.ce.period).toMatchObject({ to: '2028-01-01', shortfallTenthHours: 220 });
    expect(listed.summary?.flags).toContain('ce-short');
    const flagged = await world.request('GET', '/v1/people?flag=ce-short', { as: hr() });
    expect(((await flagged.json()) as { items: Listed[] }).items.map((p) => p.id)).toContain(id);
  });

  it('compares part-time pay with the floor in proportion to the working time (P-W3)', async () => {
    // Half time: the assistant floor ¥3,200 becomes ¥1,600; ¥1,650 is above it.
    const { id } = await create(person({ employmentType: 'part_time', ftePercent: 50, monthlyPay: 1_650_00 }));
    expect((await read(id)).summary?.pay).toMatchObject({
      floor: 1_600_00,
      fullTimeFloor: 3_200_00,
      ftePercent: 50,
      shortfall: 0,
      ruleId: 'P-W3',
    });
    const missing = await world.request('POST', '/v1/people', {
      as: hr(),
      json: person({ employmentType: 'part_time', monthlyPay: 1_650_00 }),
    });
    expect(missing.status).toBe(400);
    expect(await problemPaths(missing)).toEqual(['/ftePercent']);
  });

  it('keeps and shows the ID-card check character as an upper-case X, whatever case was typed', async () => {
    const first17 = '11010519491231002';
    expect(idCardCheckCharacter(first17)).toBe('X');
    const { id } = await create(person({ idCardNumber: `${first17}x` }));
    expect((await read(id)).idCardNumber).toBe(`${first17}X`);
  });
});
