import { randomUUID } from 'node:crypto';
import { idCardCheckCharacter, type PersonInput } from '@shegong/domain';
import { idCardHash, readLedger } from '@shegong/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenSubject } from '../support/tokens.ts';
import { World } from '../support/world.ts';

/**
 * Level-improvement award claims (P-A2 … P-A7) through the API, on DynamoDB Local. Bureau A is the
 * city (450600), bureau B the county 东兴 (450681). Organisation A (港口区 450602, no county bureau)
 * sends its claims to the city; the Dongxing organisation made here sends them to bureau B.
 * Today is fixed: 2026-11-25. Amounts are Fangchenggang's: ¥1,000 / ¥2,000 / ¥5,000.
 */

const TODAY = '2026-11-25';
const world = await World.create('awards', { deps: { today: () => TODAY } });

interface Claim {
  id: string;
  status: string;
  amount: number;
  version: number;
  level: string;
  bureau: { id: string };
  assessment: { eligible: boolean; amount: number; refusedBy: string[]; reasons: { code: string; ruleId: string }[] };
  steps: { action: string; byName: string }[];
  payment?: { amount: number; reference: string };
}
interface View {
  claim: Claim;
}
interface Problem {
  errors?: { path: string; ruleId?: string; code?: string }[];
}

let dx: { id: string; admin: TokenSubject; hr: TokenSubject; staff: TokenSubject };
const people: Record<string, { id: string; idCard: string }> = {};
let serial = 0;

const idCard = (n: number) => {
  const first17 = `45068119880202${String(n).padStart(2, '0')}1`;
  return `${first17}${idCardCheckCharacter(first17)}`;
};

function person(name: string, n: number, change: Partial<PersonInput> = {}): PersonInput {
  return {
    name,
    idCardNumber: idCard(n),
    phone: `1397700${String(n).padStart(4, '0')}`,
    education: { level: 'bachelor', socialWorkMajor: true },
    employmentType: 'contract',
    monthlyPay: 3_800_00,
    employment: [{ employer: '同心', region: '450681', start: '2022-01-01', socialWork: true }],
    certificates: [{ level: 'assistant', number: `AW-${n}-${randomUUID().slice(0, 6)}`, obtainedOn: '2023-06-01' }],
    continuingEducation: [],
    ...change,
  };
}

/** A Dongxing organisation with admin, hr and a staff member linked to the person 黄同心. */
async function dongxingOrganisation() {
  const tenant = await world.createTenant({ kind: 'org', name: '东兴市同心社会工作服务中心', region: '450681' });
  const repos = world.store.tenant({ tenantId: tenant.id, userId: 'seed' });
  const members = repos.scope.mutation();
  const subjects = ['admin', 'hr', 'staff'].map(
    (role): TokenSubject => ({
      id: randomUUID(),
      email: `${role}.awards@example.cn`,
      name: `同心 ${role}`,
      tenantId: tenant.id,
      kind: 'org',
      region: '450681',
      roles: [role],
    }),
  );
  for (const s of subjects) {
    world.directory.adopt({ ...s, roles: [...s.roles], userId: s.id, enabled: true });
    repos.users.add(members, { id: s.id, email: s.email, name: s.name, roles: [...s.roles] });
  }
  await members.audited('test', 'User', subjects[0]!.id, 1, {}).commit();
  const add = async (key: string, input: PersonInput) => {
    const created = await repos.people.create(input);
    people[key] = { id: created.id, idCard: input.idCardNumber };
  };
  await add('staff', person('黄同心', 1));
  await add('civil', person('韦公务', 2, { employmentType: 'civil_servant' }));
  await add(
    'gap',
    person('陆间断', 3, {
      employment: [
        { employer: '同心', region: '450681', start: '2022-01-01', end: '2025-06-30', socialWork: true },
        { employer: '同心', region: '450681', start: '2025-07-10', socialWork: true },
      ],
    }),
  );
  await add(
    'paidBefore',
    person('莫旧奖', 4, {
      certificates: [
        { level: 'assistant', number: `AW-4a-${randomUUID().slice(0, 6)}`, obtainedOn: '2020-05-01' },
        { level: 'social_worker', number: `AW-4b-${randomUUID().slice(0, 6)}`, obtainedOn: '2024-06-01' },
      ],
    }),
  );
  const link = repos.scope.mutation();
  repos.memberRecords.stageLink(link, { userId: subjects[2]!.id, personId: people.staff!.id });
  await link.audited('test', 'MemberLink', subjects[2]!.id, 1, {}).commit();
  return { id: tenant.id, admin: subjects[0]!, hr: subjects[1]!, staff: subjects[2]! };
}

beforeAll(async () => {
  await world.seed();
  dx = await dongxingOrganisation();
});
afterAll(() => world.dispose());

const countyReviewer = () => world.user('bureauB', 'reviewer');
const cityReviewer = () => world.user('bureauA', 'reviewer');
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });
const key = () => ({ 'Idempotency-Key': `award-${++serial}-${randomUUID().slice(0, 8)}` });

async function claim(as: TokenSubject, body: Record<string, unknown> = {}) {
  return world.request('POST', '/v1/awards/claims', { as, json: body, headers: key() });
}
async function sent(as: TokenSubject, body: Record<string, unknown> = {}): Promise<Claim> {
  const response = await claim(as, body);
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Claim;
}
async function endorse(as: TokenSubject, c: Claim): Promise<Claim> {
  const response = await world.request('POST', `/v1/awards/claims/${c.id}/endorse`, {
    as,
    headers: ifMatch(c.version),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as View).claim;
}
function decide(as: TokenSubject, c: Claim, what: 'approve' | 'refuse' | 'payment', json?: unknown) {
  return world.request('POST', `/v1/jurisdiction/award-claims/${c.id}/${what}`, {
    as,
    headers: ifMatch(c.version),
    ...(json !== undefined ? { json } : {}),
  });
}
async function approved(as: TokenSubject, c: Claim): Promise<Claim> {
  const response = await decide(as, c, 'approve');
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as View).claim;
}
async function paid(as: TokenSubject, c: Claim, reference = '东民财〔2026〕1号'): Promise<Claim> {
  const response = await decide(as, c, 'payment', { date: TODAY, reference });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as View).claim;
}
const ledgerOf = (idCard: string) => readLedger(world.store, idCardHash(idCard));

describe('a claim from preview to payment, to the fen', () => {
  it('previews a staff member’s own claim with every reason and its rule id', async () => {
    const response = await world.request('POST', '/v1/awards/claims/preview', { as: dx.staff, json: {} });
    expect(response.status).toBe(200);
    const { person: who, assessment } = (await response.json()) as {
      person: { name: string };
      assessment: Claim['assessment'] & { reasons: { code: string; ruleId: string; passed: boolean }[] };
    };
    expect(who.name).toBe('黄同心');
    expect(assessment.eligible).toBe(true);
    expect(assessment.amount).toBe(1_000_00);
    expect(assessment.reasons.map((r) => r.ruleId)).toEqual(['P-A6', 'P-A3', 'P-A2', 'P-A4', 'P-A5']);
  });

  it('staff claims, the admin endorses, the county bureau approves and pays; the city only reads it', async () => {
    const made = await sent(dx.staff);
    expect(made).toMatchObject({ status: 'submitted', amount: 1_000_00, level: 'assistant' });
    const endorsed = await endorse(dx.admin, made);
    expect(endorsed.status).toBe('endorsed');

    const cityView = await world.request('GET', `/v1/jurisdiction/award-claims/${made.id}`, { as: cityReviewer() });
    expect(cityView.status).toBe(200);
    expect(((await cityView.json()) as { decides: boolean }).decides).toBe(false);
    expect((await decide(cityReviewer(), endorsed, 'approve')).status).toBe(403);

    const queue = await world.request('GET', '/v1/jurisdiction/award-claims?status=endorsed', { as: countyReviewer() });
    const listed = (await queue.json()) as { items: View[]; waiting: number };
    expect(listed.items.map((v) => v.claim.id)).toContain(made.id);
    expect(listed.waiting).toBeGreaterThanOrEqual(1);

    const ok = await approved(countyReviewer(), endorsed);
    const done = await paid(countyReviewer(), ok);
    expect(done).toMatchObject({ status: 'paid', payment: { amount: 1_000_00, reference: '东民财〔2026〕1号' } });
    expect(done.steps.map((s) => s.action)).toEqual(['create', 'endorse', 'approve', 'pay']);
    const ledger = await ledgerOf(people.staff!.idCard);
    expect(ledger.head?.total).toBe(1_000_00);
    expect(ledger.entries).toMatchObject([{ amount: 1_000_00, level: 'assistant', source: 'claim', claimId: made.id }]);
  });

  it('pays only the difference once hr adds a higher level, then nothing is left (P-A5)', async () => {
    const repos = world.store.tenant({ tenantId: dx.id, userId: dx.hr.id });
    const current = await repos.people.get(people.staff!.id);
    const {
      id: _id,
      version,
      createdAt: _c,
      updatedAt: _u,
      ...input
    } = current as typeof current & {
      createdAt?: string;
      updatedAt?: string;
    };
    await repos.people.replace(people.staff!.id, version, {
      ...(input as unknown as PersonInput),
      certificates: [
        ...current.certificates,
        { level: 'social_worker', number: `AW-1b-${randomUUID().slice(0, 6)}`, obtainedOn: '2026-10-01' },
      ],
    });
    const second = await sent(dx.hr, { personId: people.staff!.id });
    expect(second).toMatchObject({ amount: 1_000_00, level: 'social_worker' });
    await paid(
      countyReviewer(),
      await approved(countyReviewer(), await endorse(dx.admin, second)),
      '东民财〔2026〕2号',
    );
    expect((await ledgerOf(people.staff!.idCard)).head?.total).toBe(2_000_00);

    const third = await claim(dx.staff);
    expect(third.status).toBe(422);
    expect(((await third.json()) as Problem).errors?.map((e) => e.ruleId)).toContain('P-A5');
  });
});

describe('refusals name their rule ids, and write nothing', () => {
  it('refuses a civil servant on active establishment (P-A6)', async () => {
    const response = await claim(dx.hr, { personId: people.civil!.id });
    expect(response.status).toBe(422);
    expect(((await response.json()) as Problem).errors?.map((e) => e.ruleId)).toEqual(['P-A6']);
    expect(
      (
        await world.store.tenant({ tenantId: dx.id, userId: 'x' }).awardClaims.list(undefined, { limit: 50 })
      ).items.every((c) => c.personId !== people.civil!.id),
    ).toBe(true);
  });

  it('refuses a run broken by a gap (P-A3), and the preview says where', async () => {
    const preview = await world.request('POST', '/v1/awards/claims/preview', {
      as: dx.hr,
      json: { personId: people.gap!.id },
    });
    const { assessment } = (await preview.json()) as {
      assessment: { reasons: { code: string; check?: { break?: { gapDays: number; toleranceDays: number } } }[] };
    };
    expect(assessment.reasons.find((r) => r.code === 'continuity')?.check?.break).toMatchObject({
      gapDays: 9,
      toleranceDays: 0,
    });
    const response = await claim(dx.hr, { personId: people.gap!.id });
    expect(response.status).toBe(422);
    expect(((await response.json()) as Problem).errors?.map((e) => e.ruleId)).toEqual(['P-A3']);
  });

  it('refuses a bureau’s refusal without a reason, naming the field', async () => {
    const orgAdmin = world.user('orgA', 'admin');
    const made = await endorse(
      orgAdmin,
      await sent(world.user('orgA', 'hr'), { personId: world.tenant('orgA').people[1]! }),
    );
    const response = await decide(cityReviewer(), made, 'refuse', { reason: '' });
    expect(response.status).toBe(400);
    const refused = await decide(cityReviewer(), made, 'refuse', { reason: '材料不全' });
    expect(refused.status).toBe(200);
    expect(((await refused.json()) as View).claim.status).toBe('refused');
  });
});

/** Organisation A's endorsed claim for its people[1], open until the move test pays it. */
let orgAClaim: Claim;

describe('isolation', () => {
  beforeAll(async () => {
    orgAClaim = await endorse(
      world.user('orgA', 'admin'),
      await sent(world.user('orgA', 'hr'), { personId: world.tenant('orgA').people[1]! }),
    );
  });

  it('another organisation gets 404 for a claim, and sees none of it in its list', async () => {
    expect((await world.request('GET', `/v1/awards/claims/${orgAClaim.id}`, { as: dx.admin })).status).toBe(404);
    const list = (await (await world.request('GET', '/v1/awards/claims', { as: dx.admin })).json()) as {
      items: Claim[];
    };
    expect(list.items.map((c) => c.id)).not.toContain(orgAClaim.id);
  });

  it('a staff member sees only the claims for their own person', async () => {
    const staff = world.user('orgA', 'staff');
    expect((await world.request('GET', `/v1/awards/claims/${orgAClaim.id}`, { as: staff })).status).toBe(404);
    const list = (await (await world.request('GET', '/v1/awards/claims', { as: staff })).json()) as { items: Claim[] };
    expect(list.items.map((c) => c.id)).not.toContain(orgAClaim.id);
    expect((await claim(staff, { personId: world.tenant('orgA').people[1]! })).status).toBe(403);
  });

  it('a county bureau can neither see nor decide a city-level organisation’s claim', async () => {
    expect(
      (await world.request('GET', `/v1/jurisdiction/award-claims/${orgAClaim.id}`, { as: countyReviewer() })).status,
    ).toBe(404);
    expect((await decide(countyReviewer(), orgAClaim, 'approve')).status).toBe(404);
    const queue = (await (
      await world.request('GET', '/v1/jurisdiction/award-claims', { as: countyReviewer() })
    ).json()) as {
      items: View[];
    };
    expect(queue.items.map((v) => v.claim.id)).not.toContain(orgAClaim.id);
  });

  it('a second open claim for the same person is refused (409)', async () => {
    const again = await claim(world.user('orgA', 'hr'), { personId: world.tenant('orgA').people[1]! });
    expect(again.status).toBe(409);
  });
});

describe('never twice', () => {
  it('many simultaneous approvals and payments for one person record exactly one payment', async () => {
    const orgA = world.tenant('orgA');
    const made = await endorse(world.user('orgA', 'admin'), await sent(world.user('orgA', 'admin')));
    const approvals = await Promise.all(Array.from({ length: 6 }, () => decide(cityReviewer(), made, 'approve')));
    const statuses = approvals.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 412 || s === 409)).toBe(true);
    const ok = ((await approvals.find((r) => r.status === 200)!.json()) as View).claim;

    const first17 = `45060219850601${'00'}1`;
    const idCardNumber = `${first17}${idCardCheckCharacter(first17)}`;
    const payments = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) =>
        decide(cityReviewer(), ok, 'payment', { date: TODAY, reference: `P-${i}` }),
      ),
      ...Array.from({ length: 4 }, (_, i) =>
        world.request('POST', '/v1/jurisdiction/award-history', {
          as: cityReviewer(),
          headers: key(),
          json: {
            idCardNumber,
            name: 'orgA 社工1',
            date: '2021-01-01',
            level: 'assistant',
            amount: 1_000_00,
            reference: `H-${i}`,
          },
        }),
      ),
    ]);
    const landed = payments.filter((r) => r.status === 200 || r.status === 201);
    expect(landed).toHaveLength(1);
    const ledger = await ledgerOf(idCardNumber);
    expect(ledger.entries).toHaveLength(1);
    expect(ledger.head?.total).toBe(1_000_00);
    expect(orgA.people[0]).toBeDefined();
  });

  it('a person moving to another organisation cannot be paid the same level twice', async () => {
    const first17 = `45060219850601${'01'}1`;
    const idCardNumber = `${first17}${idCardCheckCharacter(first17)}`;
    // orgA's people[1]: its claim (isolation, above) is paid at orgA first.
    await paid(cityReviewer(), await approved(cityReviewer(), orgAClaim));
    // The same person joins the Dongxing organisation (the same ID card), same level.
    const repos = world.store.tenant({ tenantId: dx.id, userId: dx.hr.id });
    const moved = await repos.people.create(
      person('orgA 社工2', 9, {
        idCardNumber,
        employment: [
          { employer: '港口区机构', region: '450602', start: '2021-03-01', end: '2026-06-30', socialWork: true },
          { employer: '同心', region: '450681', start: '2026-07-01', socialWork: true },
        ],
      }),
    );
    const response = await claim(dx.hr, { personId: moved.id });
    expect(response.status).toBe(422);
    expect(((await response.json()) as Problem).errors?.map((e) => e.ruleId)).toEqual(['P-A5']);
  });
});

describe('awards paid before the product', () => {
  it('records a historical award; the next claim pays only the difference; the ledger stays under its ceiling', async () => {
    const tooMuch = await world.request('POST', '/v1/jurisdiction/award-history', {
      as: countyReviewer(),
      headers: key(),
      json: {
        idCardNumber: people.paidBefore!.idCard,
        name: '莫旧奖',
        date: '2021-12-01',
        level: 'assistant',
        amount: 1_500_00,
        reference: '东民〔2021〕9号',
      },
    });
    expect(tooMuch.status).toBe(422);
    const recorded = await world.request('POST', '/v1/jurisdiction/award-history', {
      as: countyReviewer(),
      headers: key(),
      json: {
        idCardNumber: people.paidBefore!.idCard,
        name: '莫旧奖',
        date: '2021-12-01',
        level: 'assistant',
        amount: 1_000_00,
        reference: '东民〔2021〕9号',
      },
    });
    expect(recorded.status).toBe(201);
    const history = (await (
      await world.request('GET', '/v1/jurisdiction/award-history', { as: countyReviewer() })
    ).json()) as {
      items: { name: string; idCardMasked: string }[];
    };
    expect(history.items[0]).toMatchObject({ name: '莫旧奖', idCardMasked: expect.stringContaining('****') });
    const city = (await (
      await world.request('GET', '/v1/jurisdiction/award-history', { as: cityReviewer() })
    ).json()) as {
      items: unknown[];
    };
    expect(city.items.length).toBeGreaterThanOrEqual(1);

    const made = await sent(dx.hr, { personId: people.paidBefore!.id });
    expect(made).toMatchObject({ amount: 1_000_00, level: 'social_worker' });
  });

  it('totals the jurisdiction’s claims by period, county, level and organisation (P-A7)', async () => {
    const response = await world.request('GET', '/v1/jurisdiction/award-totals', { as: countyReviewer() });
    expect(response.status).toBe(200);
    const totals = (await response.json()) as {
      all: { counts: { paid: number }; paidAmount: number };
      byLevel: { key: string; paidAmount: number }[];
      byCounty: { key: string }[];
    };
    expect(totals.all.counts.paid).toBe(2);
    expect(totals.all.paidAmount).toBe(2_000_00);
    expect(totals.byCounty.map((r) => r.key)).toEqual(['450681']);
    expect(totals.byLevel).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'assistant', paidAmount: 1_000_00 })]),
    );
  });
});
