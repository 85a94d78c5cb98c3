import { addDays, chinaToday, type LadderInput, type PersonInput } from '@shegong/domain';
import { LADDER_EXAMPLE } from '@shegong/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * The career ladder through the API (P-W3, P-C1, P-C2), with Fangchenggang's 2023 rule set
 * published in the world: pay floors ¥2,400 none / ¥3,200 assistant / ¥3,800 social worker /
 * ¥4,600 senior, 50 hours of continuing education a year. Organisation A (港口区, 450602) falls
 * under the city's rule set and starts with LADDER_EXAMPLE as version 1.
 */

const world = await World.create('ladder');
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const today = chinaToday();
const lastYear = String(Number(today.slice(0, 4)) - 1);
const admin = () => world.user('orgA');
const hr = () => world.user('orgA', 'hr');
const staff = () => world.user('orgA', 'staff');

interface ProblemBody {
  status: number;
  detail?: string;
  errors?: { path: string; message: string; ruleId?: string; kind?: string; amounts?: Record<string, unknown> }[];
}

const clone = (ladder: LadderInput): LadderInput => structuredClone(ladder);

async function addPerson(input: Partial<PersonInput> & { name: string; idCardNumber: string }) {
  const orgA = world.tenant('orgA');
  const repos = world.store.tenant({ tenantId: orgA.id, userId: admin().id });
  return repos.people.create({
    phone: '13800000000',
    education: { level: 'bachelor', socialWorkMajor: true },
    employmentType: 'contract',
    monthlyPay: 3_000_00,
    employment: [],
    certificates: [],
    continuingEducation: [],
    ...input,
  });
}

describe('reading the ladder', () => {
  it('gives any member the current version with its ETag, checked against the rule set in force today', async () => {
    const response = await world.request('GET', '/v1/ladder', { as: staff() });
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toBe('"1"');
    const body = (await response.json()) as {
      version: number;
      levels: unknown[];
      findings: unknown[];
      ruleSet: { region: string };
    };
    expect(body.version).toBe(1);
    expect(body.levels).toEqual(LADDER_EXAMPLE.levels);
    expect(body.ruleSet.region).toBe('450600');
    expect(body.findings).toEqual([]);
  });

  it('answers 404 (a problem) to an organisation that has none yet', async () => {
    const response = await world.request('GET', '/v1/ladder', { as: world.user('orgB') });
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  });
});

describe('saving the ladder', () => {
  it('refuses a band minimum 1 fen below the assistant floor with 422 citing P-W3 and its amounts, writing nothing', async () => {
    const ladder = clone(LADDER_EXAMPLE);
    // Level 1 (助理社工师) requires the assistant certificate: floor ¥3,200.00 = 320000 fen; 319999 is 1 fen short.
    ladder.levels[1]!.payBand.min = 3_199_99;
    const response = await world.request('PUT', '/v1/ladder', {
      as: hr(),
      json: ladder,
      headers: { 'If-Match': '"1"' },
    });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as ProblemBody;
    expect(problem.errors).toEqual([
      expect.objectContaining({
        path: '/levels/1/payBand/min',
        ruleId: 'P-W3',
        kind: 'bandBelowFloor',
        amounts: expect.objectContaining({ min: 3_199_99, floor: 3_200_00, shortfall: 1 }),
      }),
    ]);
    const after = await world.request('GET', '/v1/ladder', { as: hr() });
    expect(after.headers.get('ETag')).toBe('"1"');
  });

  it('refuses a junior level that asks for no certificate, citing P-C1', async () => {
    const ladder = clone(LADDER_EXAMPLE);
    ladder.levels[1]!.requirements.minCertificate = 'none';
    const response = await world.request('PUT', '/v1/ladder', {
      as: admin(),
      json: ladder,
      headers: { 'If-Match': '"1"' },
    });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as ProblemBody;
    expect(problem.errors).toEqual([
      expect.objectContaining({
        path: '/levels/1/requirements/minCertificate',
        ruleId: 'P-C1',
        kind: 'levelBelowPostClass',
        amounts: expect.objectContaining({ postClass: 'junior', needed: 'assistant', has: 'none' }),
      }),
    ]);
  });

  it('needs If-Match (428), refuses a stale one (412), and saves a new version against the current one', async () => {
    const ladder = clone(LADDER_EXAMPLE);
    ladder.levels[0]!.payBand.max = 3_300_00;
    expect((await world.request('PUT', '/v1/ladder', { as: hr(), json: ladder })).status).toBe(428);
    expect(
      (await world.request('PUT', '/v1/ladder', { as: hr(), json: ladder, headers: { 'If-Match': '"7"' } })).status,
    ).toBe(412);
    const saved = await world.request('PUT', '/v1/ladder', { as: hr(), json: ladder, headers: { 'If-Match': '"1"' } });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('ETag')).toBe('"2"');
    expect(((await saved.json()) as { version: number }).version).toBe(2);
    // Version 1 stays readable as it was saved.
    const v1 = (await (await world.request('GET', '/v1/ladder/versions/1', { as: staff() })).json()) as LadderInput;
    expect(v1.levels[0]!.payBand.max).toBe(3_200_00);
    const list = (await (await world.request('GET', '/v1/ladder/versions', { as: staff() })).json()) as {
      items: { version: number }[];
    };
    expect(list.items.map((v) => v.version)).toEqual([2, 1]);
    expect((await world.request('GET', '/v1/ladder/versions/9', { as: staff() })).status).toBe(404);
  });

  it('returns warnings with the saved ladder (P-C2: a level asking fewer years than the one below)', async () => {
    const ladder = clone(LADDER_EXAMPLE);
    ladder.levels[3]!.requirements.minYearsPractice = 2;
    const response = await world.request('PUT', '/v1/ladder', {
      as: hr(),
      json: ladder,
      headers: { 'If-Match': '"2"' },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { findings: { severity: string; ruleId: string; path: string }[] };
    expect(body.findings).toEqual([
      expect.objectContaining({ severity: 'warning', ruleId: 'P-C2', path: '/levels/3/requirements/minYearsPractice' }),
    ]);
    // Put the example back as version 4 for the standings below.
    const back = await world.request('PUT', '/v1/ladder', {
      as: hr(),
      json: LADDER_EXAMPLE,
      headers: { 'If-Match': '"3"' },
    });
    expect(back.status).toBe(200);
  });

  it('takes If-None-Match: * for the first save only', async () => {
    const orgB = world.user('orgB', 'hr');
    const first = await world.request('PUT', '/v1/ladder', {
      as: orgB,
      json: LADDER_EXAMPLE,
      headers: { 'If-None-Match': '*' },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('ETag')).toBe('"1"');
    const again = await world.request('PUT', '/v1/ladder', {
      as: orgB,
      json: LADDER_EXAMPLE,
      headers: { 'If-None-Match': '*' },
    });
    expect(again.status).toBe(412);
  });

  it('refuses staff and finance (403)', async () => {
    for (const who of [staff(), world.user('orgA', 'finance')]) {
      const response = await world.request('PUT', '/v1/ladder', {
        as: who,
        json: LADDER_EXAMPLE,
        headers: { 'If-Match': '"4"' },
      });
      expect(response.status).toBe(403);
    }
  });
});

describe('standings and promotions', () => {
  let zhou: string;
  let xin: string;

  beforeAll(async () => {
    // 周晓燕: social-worker certificate (2020), social work since 2019-01-01 (≥ 3 years), bachelor,
    // 50 hours of continuing education last year (= the P-R2 minimum), holds 助理社工师, paid ¥4,500.00
    // — above that band's ¥4,200.00 maximum.
    zhou = (
      await addPerson({
        name: '周晓燕',
        idCardNumber: '11010519491231002X',
        monthlyPay: 4_500_00,
        ladderLevelId: 'assistant',
        employment: [{ employer: '阳光社工', region: '450602', start: '2019-01-01', socialWork: true }],
        certificates: [{ level: 'social_worker', number: 'SW-2020-0001', obtainedOn: '2020-06-20' }],
        continuingEducation: [
          { date: `${lastYear}-06-01`, tenthHours: 500, provider: '市社工协会', topic: '个案督导' },
        ],
      })
    ).id;
    // 辛小雨: new, secondary education, no certificate, no practice.
    xin = (
      await addPerson({
        name: '辛小雨',
        idCardNumber: '440524188001010014',
        monthlyPay: 2_700_00,
        education: { level: 'secondary', socialWorkMajor: false },
      })
    ).id;
  });

  it('gives each person the highest level they qualify for, what they lack for the next, and pay against the band', async () => {
    const response = await world.request('GET', '/v1/ladder/standings', { as: world.user('orgA', 'finance') });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      items: { personId: string; standing: Record<string, unknown> }[];
    };
    const of = (id: string) => body.items.find((i) => i.personId === id)?.standing;
    expect(of(zhou)).toMatchObject({
      qualifiesFor: 'social-worker',
      held: 'assistant',
      next: {
        levelId: 'senior',
        missing: expect.arrayContaining([
          expect.objectContaining({ requirement: 'minCertificate', needed: 'senior', has: 'social_worker' }),
        ]),
      },
      band: { levelId: 'assistant', min: 3_400_00, max: 4_200_00, pay: 4_500_00, inBand: false },
    });
    expect(of(xin)).toMatchObject({
      qualifiesFor: 'trainee',
      next: {
        levelId: 'assistant',
        missing: expect.arrayContaining([
          { requirement: 'minCertificate', needed: 'assistant', has: 'none' },
          { requirement: 'minEducation', needed: 'associate', has: 'secondary' },
        ]),
      },
    });
    expect((await world.request('GET', '/v1/ladder/standings', { as: staff() })).status).toBe(403);
  });

  it('refuses a promotion the person does not qualify for, citing what is missing, and writes nothing', async () => {
    const response = await world.request('POST', `/v1/people/${xin}/promotions`, {
      as: hr(),
      json: { toLevelId: 'assistant', date: today },
    });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as ProblemBody;
    expect(problem.detail).toContain('辛小雨');
    expect(problem.errors?.map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('minCertificate needs assistant, has none')]),
    );
    const list = (await (await world.request('GET', `/v1/people/${xin}/promotions`, { as: hr() })).json()) as {
      items: unknown[];
    };
    expect(list.items).toEqual([]);
  });

  it('refuses a date in the future and a level not above the one held', async () => {
    const future = await world.request('POST', `/v1/people/${zhou}/promotions`, {
      as: hr(),
      json: { toLevelId: 'social-worker', date: addDays(today, 1) },
    });
    expect(future.status).toBe(422);
    const same = await world.request('POST', `/v1/people/${zhou}/promotions`, {
      as: hr(),
      json: { toLevelId: 'assistant', date: today },
    });
    expect(same.status).toBe(409);
  });

  it('records a promotion with the ladder version, moves the person up, and replays a retry once', async () => {
    const request = () =>
      world.request('POST', `/v1/people/${zhou}/promotions`, {
        as: hr(),
        json: { toLevelId: 'social-worker', date: today },
        headers: { 'Idempotency-Key': 'promote-zhou-2026' },
      });
    const first = await request();
    expect(first.status).toBe(201);
    const promotion = (await first.json()) as Record<string, unknown>;
    expect(promotion).toMatchObject({
      personId: zhou,
      fromLevelId: 'assistant',
      toLevelId: 'social-worker',
      date: today,
      ladderVersion: 4,
      recordedBy: hr().id,
    });
    const retry = await request();
    expect(retry.status).toBe(201);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await retry.json()).toEqual(promotion);

    const list = (await (await world.request('GET', `/v1/people/${zhou}/promotions`, { as: admin() })).json()) as {
      items: unknown[];
    };
    expect(list.items).toEqual([promotion]);
    const standings = (await (await world.request('GET', '/v1/ladder/standings', { as: hr() })).json()) as {
      items: { personId: string; heldLevelId?: string; standing: { band?: { inBand: boolean } } }[];
    };
    const after = standings.items.find((i) => i.personId === zhou);
    // ¥4,500.00 lies inside 社工师's band ¥4,200.00–¥5,600.00.
    expect(after).toMatchObject({ heldLevelId: 'social-worker', standing: { band: { inBand: true } } });
  });

  it('answers 404 for another organisation’s person', async () => {
    const response = await world.request('POST', `/v1/people/${zhou}/promotions`, {
      as: world.user('orgB', 'hr'),
      json: { toLevelId: 'senior', date: today },
    });
    expect(response.status).toBe(404);
    expect((await world.request('GET', `/v1/people/${zhou}/promotions`, { as: world.user('orgB') })).status).toBe(404);
  });
});
