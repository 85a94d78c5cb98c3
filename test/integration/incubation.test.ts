import { ADMIT_EXAMPLE, APPLICATION_EXAMPLE } from '@shegong/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc, World } from '../support/world.ts';

/**
 * Incubation bases through the API: applications recorded by the operator or submitted through the
 * public link, reviewed with notes, admitted (tenant + first admin's invitation + incubation record,
 * one transaction, one audit event) or declined (nothing else written); the record's stages; another
 * base's ids answer 404; bad input names the field and writes nothing; a to-be-registered
 * organisation records its credit code later, unique platform-wide.
 */
const today = '2026-10-01';
const world = await World.create('incubation', { deps: { today: () => today } });
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const operator = () => world.user('incubatorA', 'operator');
const otherOperator = () => world.user('incubatorB', 'operator');
const base = () => world.tenant('incubatorA');
const GOOD_PASSWORD = 'Correct-horse-9';

interface Application {
  id: string;
  status: string;
  source: string;
  version: number;
  contact: { phone: string; email: string };
  decision?: { reason?: string; organisationId?: string };
}
interface Incubation {
  id: string;
  stage: string;
  endDate: string;
  toBeRegistered: boolean;
  uscc?: string;
  midtermReviewedOn?: string;
  version: number;
  steps: { action: string; on: string; reason?: string; newEndDate?: string }[];
}
interface Admission {
  application: Application;
  incubation: Incubation;
  tenant: { id: string; kind: string; region: string; toBeRegistered?: boolean; incubatorId?: string; version: number };
  invitation: { id: string; email: string; roles: string[]; status: string };
  adminInvitationLink: string;
}
interface ProblemBody {
  errors?: { path: string; message: string }[];
}

let serial = 0;
/** An application of its own (name, contact), to be registered unless given a code. */
function applicationBody(extra: Record<string, unknown> = {}) {
  serial += 1;
  return {
    ...APPLICATION_EXAMPLE,
    name: `${APPLICATION_EXAMPLE.name}${serial}`,
    contact: { ...APPLICATION_EXAMPLE.contact, email: `applicant${serial}@example.cn` },
    ...extra,
  };
}

async function record(body: unknown = applicationBody()): Promise<Application> {
  const response = await world.request('POST', '/v1/incubation/applications', { as: operator(), json: body });
  expect(response.status).toBe(201);
  return (await response.json()) as Application;
}

async function admit(application: Application, startDate = '2026-03-01'): Promise<Admission> {
  const response = await world.request('POST', `/v1/incubation/applications/${application.id}/admit`, {
    as: operator(),
    headers: { 'If-Match': `"${application.version}"` },
    json: { agreement: { ...ADMIT_EXAMPLE.agreement, startDate } },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Admission;
}

function move(incubation: { id: string; version: number }, body: unknown, as = operator()) {
  return world.request('POST', `/v1/incubation/incubations/${incubation.id}/transitions`, {
    as,
    headers: { 'If-Match': `"${incubation.version}"` },
    json: body,
  });
}

const platformDirectory = () => {
  const platform = world.tenant('platform');
  return world.store.platform({ tenantId: platform.id, userId: 'test', kind: 'platform' }).directory;
};
const auditOf = async (tenantId: string) =>
  (await world.store.tenant({ tenantId, userId: 'test' }).audit.list({ limit: 100 })).items;

describe('applications', () => {
  it('are recorded by the operator, listed newest first and by status, and read with the phone in full', async () => {
    const first = await record();
    const second = await record();
    expect(first).toMatchObject({ status: 'applied', source: 'operator', version: 1 });
    const all = await world.request('GET', '/v1/incubation/applications?limit=2', { as: operator() });
    expect(((await all.json()) as { items: Application[] }).items.map((a) => a.id)).toEqual([second.id, first.id]);
    const applied = await world.request('GET', '/v1/incubation/applications?status=applied', { as: operator() });
    expect(((await applied.json()) as { items: Application[] }).items.map((a) => a.id)).toContain(first.id);
    const declined = await world.request('GET', '/v1/incubation/applications?status=declined', { as: operator() });
    expect(((await declined.json()) as { items: Application[] }).items).toEqual([]);
    const one = await world.request('GET', `/v1/incubation/applications/${first.id}`, { as: operator() });
    expect(one.headers.get('ETag')).toBe('"1"');
    expect(((await one.json()) as { application: Application }).application.contact.phone).toBe('13907701234');
  });

  it('take review notes, appended in order, until the decision', async () => {
    const application = await record();
    for (const text of ['材料齐全', '已实地走访']) {
      const response = await world.request('POST', `/v1/incubation/applications/${application.id}/notes`, {
        as: operator(),
        json: { text },
      });
      expect(response.status).toBe(201);
    }
    const read = await world.request('GET', `/v1/incubation/applications/${application.id}`, { as: operator() });
    const detail = (await read.json()) as { notes: { text: string }[]; application: Application };
    expect(detail.notes.map((n) => n.text)).toEqual(['材料齐全', '已实地走访']);
    // Notes do not move the application: the version admission checks is still the one read.
    expect(detail.application.version).toBe(1);
  });

  it('refuse a credit code already held on the platform, naming the field, writing nothing', async () => {
    const before = await world.table.snapshot();
    const response = await world.request('POST', '/v1/incubation/applications', {
      as: operator(),
      json: applicationBody({ toBeRegistered: false, uscc: world.tenant('orgA').uscc }),
    });
    expect(response.status).toBe(409);
    expect(((await response.json()) as ProblemBody).errors?.map((e) => e.path)).toEqual(['/uscc']);
    expect(await world.table.snapshot()).toBe(before);
  });

  it.each([
    ['neither a code nor to be registered', { toBeRegistered: false }, '/uscc'],
    ['a code that fails GB 32100', { toBeRegistered: false, uscc: '52450602MJY000001X' }, '/uscc'],
    ['a service outside P-S1', { services: ['gardening'] }, '/services/0'],
    ['a bad phone', { contact: { name: '黄青', phone: '123', email: 'a@example.cn' } }, '/contact/phone'],
    ['an unknown field', { tenantId: 'x' }, ''],
  ])('refuse %s, naming the field, writing nothing', async (_, extra, path) => {
    const before = await world.table.snapshot();
    const response = await world.request('POST', '/v1/incubation/applications', {
      as: operator(),
      json: applicationBody(extra),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    const paths = ((await response.json()) as ProblemBody).errors?.map((e) => e.path) ?? [];
    if (path) expect(paths).toContain(path);
    else expect(paths.length).toBeGreaterThan(0);
    expect(await world.table.snapshot()).toBe(before);
  });
});

describe('the public link', () => {
  it('takes a submission without sign-in, stored as applied for the operator, answered with a receipt only', async () => {
    const response = await world.request('POST', `/v1/incubation/bases/${base().id}/applications`, {
      json: applicationBody(),
      headers: { 'Idempotency-Key': 'public-submission-1' },
    });
    expect(response.status).toBe(201);
    const receipt = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(receipt).sort()).toEqual(['id', 'incubatorName', 'status', 'submittedAt']);
    expect(receipt).toMatchObject({ status: 'applied', incubatorName: base().name });
    const read = await world.request('GET', `/v1/incubation/applications/${receipt.id}`, { as: operator() });
    expect(((await read.json()) as { application: Application }).application).toMatchObject({
      source: 'public',
      status: 'applied',
    });
  });

  it('answers 404 for an id that is no base (an organisation’s, a made-up one), writing nothing', async () => {
    const before = await world.table.snapshot();
    for (const id of [world.tenant('orgA').id, '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f']) {
      const response = await world.request('POST', `/v1/incubation/bases/${id}/applications`, {
        json: applicationBody(),
      });
      expect(response.status).toBe(404);
    }
    expect(await world.table.snapshot()).toBe(before);
  });

  it('refuses a bad body naming the field, writing nothing', async () => {
    const before = await world.table.snapshot();
    const response = await world.request('POST', `/v1/incubation/bases/${base().id}/applications`, {
      json: applicationBody({ founders: [] }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ProblemBody).errors?.map((e) => e.path)).toEqual(['/founders']);
    expect(await world.table.snapshot()).toBe(before);
  });
});

describe('admission', () => {
  it('creates the tenant, its admin’s invitation and the incubation record in one transaction, one audit event', async () => {
    const application = await record();
    const trailBefore = await auditOf(base().id);
    const writes = await world.table.watch();
    const admission = await admit(application);
    const written = await writes.drain();
    const orgId = admission.incubation.id;
    expect(admission.application).toMatchObject({ status: 'admitted', decision: { organisationId: orgId } });
    expect(admission.incubation).toMatchObject({ stage: 'incubating', toBeRegistered: true, endDate: '2027-02-28' });
    const tenant = await platformDirectory().get(orgId);
    expect(tenant).toMatchObject({
      kind: 'org',
      region: base().region,
      toBeRegistered: true,
      incubatorId: base().id,
      status: 'active',
    });
    const invitation = await world.store
      .tenant({ tenantId: orgId, userId: 'test' })
      .invitations.get(admission.invitation.id);
    expect(invitation).toMatchObject({ email: application.contact.email, roles: ['admin'], status: 'pending' });
    // Application, tenant, invitation and its token, record, the base's listing (its stage counts),
    // the organisation's listing for the city's targets (issue 13) and the audit event: one
    // transaction's items.
    expect(written.length).toBe(8);
    const trailAfter = await auditOf(base().id);
    expect(trailAfter.length - trailBefore.length).toBe(1);
    expect(trailAfter[0]).toMatchObject({ action: 'incubation.admit', entityId: orgId });
    expect(await auditOf(orgId)).toEqual([]);
  });

  it('answers a retry with the same Idempotency-Key as the first, creating nothing more', async () => {
    const application = await record();
    const send = () =>
      world.request('POST', `/v1/incubation/applications/${application.id}/admit`, {
        as: operator(),
        headers: { 'If-Match': '"1"', 'Idempotency-Key': 'admit-once-1' },
        json: ADMIT_EXAMPLE,
      });
    const first = (await (await send()).json()) as Admission;
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(((await again.json()) as Admission).tenant.id).toBe(first.tenant.id);
  });

  it('of a registered organisation claims its credit code platform-wide: a second admission of it is refused', async () => {
    const uscc = makeUscc('450602', 101);
    const one = await record(applicationBody({ toBeRegistered: false, uscc }));
    const two = await record(applicationBody({ toBeRegistered: false, uscc }));
    expect((await admit(one)).tenant).not.toHaveProperty('toBeRegistered');
    const before = await world.table.snapshot();
    const response = await world.request('POST', `/v1/incubation/applications/${two.id}/admit`, {
      as: operator(),
      headers: { 'If-Match': '"1"' },
      json: ADMIT_EXAMPLE,
    });
    expect(response.status).toBe(409);
    expect(((await response.json()) as ProblemBody).errors?.map((e) => e.path)).toEqual(['/uscc']);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('checks the version read (412) and refuses a bad agreement naming the field, writing nothing', async () => {
    const application = await record();
    const before = await world.table.snapshot();
    const stale = await world.request('POST', `/v1/incubation/applications/${application.id}/admit`, {
      as: operator(),
      headers: { 'If-Match': '"7"' },
      json: ADMIT_EXAMPLE,
    });
    expect(stale.status).toBe(412);
    const bad = await world.request('POST', `/v1/incubation/applications/${application.id}/admit`, {
      as: operator(),
      headers: { 'If-Match': '"1"' },
      json: { agreement: { ...ADMIT_EXAMPLE.agreement, periodMonths: 0, mode: 'remote' } },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ProblemBody).errors?.map((e) => e.path).sort()).toEqual([
      '/agreement/mode',
      '/agreement/periodMonths',
    ]);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('reissues the new organisation’s admin invitation: the old one is revoked', async () => {
    const admission = await admit(await record());
    const response = await world.request(
      'POST',
      `/v1/incubation/incubations/${admission.incubation.id}/invitations/${admission.invitation.id}/reissue`,
      { as: operator() },
    );
    expect(response.status).toBe(201);
    const sent = (await response.json()) as { invitation: { id: string; email: string }; link: string };
    expect(sent.invitation.email).toBe(admission.invitation.email);
    const listed = await world.request('GET', `/v1/incubation/incubations/${admission.incubation.id}/invitations`, {
      as: operator(),
    });
    const { items } = (await listed.json()) as { items: { id: string; status: string }[] };
    expect(items.map((i) => [i.id, i.status])).toEqual([
      [sent.invitation.id, 'pending'],
      [admission.invitation.id, 'revoked'],
    ]);
  });
});

describe('declining', () => {
  it('records the reason and writes no tenant; a declined application is not admitted after', async () => {
    const application = await record();
    const tenantsBefore = (await platformDirectory().list({ limit: 100 })).items.length;
    const response = await world.request('POST', `/v1/incubation/applications/${application.id}/decline`, {
      as: operator(),
      headers: { 'If-Match': '"1"' },
      json: { reason: '服务领域与基地定位不符' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'declined', decision: { reason: '服务领域与基地定位不符' } });
    expect((await platformDirectory().list({ limit: 100 })).items.length).toBe(tenantsBefore);
    const late = await world.request('POST', `/v1/incubation/applications/${application.id}/admit`, {
      as: operator(),
      headers: { 'If-Match': '"2"' },
      json: ADMIT_EXAMPLE,
    });
    expect(late.status).toBe(409);
  });

  it('needs a reason', async () => {
    const application = await record();
    const response = await world.request('POST', `/v1/incubation/applications/${application.id}/decline`, {
      as: operator(),
      headers: { 'If-Match': '"1"' },
      json: { reason: ' ' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ProblemBody).errors?.map((e) => e.path)).toEqual(['/reason']);
  });
});

describe('the incubation record', () => {
  it('moves through mid-term review, extension and graduation, dated and by whom; then no more', async () => {
    const { incubation } = await admit(await record());
    const extended = await move(incubation, {
      move: 'extend',
      on: '2026-08-01',
      newEndDate: '2027-08-31',
      reason: '登记尚未完成',
    });
    expect(extended.status).toBe(200);
    const afterExtend = (await extended.json()) as Incubation;
    expect(afterExtend).toMatchObject({ stage: 'extended', endDate: '2027-08-31', version: 2 });
    const early = await move(afterExtend, { move: 'graduate', on: '2026-09-01' });
    expect(early.status).toBe(409);
    const reviewed = (await (
      await move(afterExtend, { move: 'midterm_review', on: '2026-09-01' })
    ).json()) as Incubation;
    expect(reviewed).toMatchObject({ stage: 'midterm_reviewed', midtermReviewedOn: '2026-09-01' });
    // The base graduates on the mid-term review alone (its template; the default criteria ask for more).
    const template = await world.request('PUT', '/v1/incubation/template', {
      as: operator(),
      headers: { 'If-Match': '"0"' },
      json: { milestones: [{ id: 'registered', label: '完成登记注册' }], criteria: [{ type: 'midterm_review' }] },
    });
    expect(template.status).toBe(200);
    const graduated = (await (await move(reviewed, { move: 'graduate', on: '2026-09-30' })).json()) as Incubation;
    expect(graduated.stage).toBe('graduated');
    expect(graduated.steps.map((s) => s.action)).toEqual(['admitted', 'extend', 'midterm_review', 'graduate']);
    const after = await move(graduated, { move: 'leave', on: '2026-09-30', reason: '搬迁' });
    expect(after.status).toBe(409);
    const listed = await world.request('GET', '/v1/incubation/incubations?stage=graduated', { as: operator() });
    expect(((await listed.json()) as { items: Incubation[] }).items.map((i) => i.id)).toContain(incubation.id);
  });

  it('records leaving with its reason, refuses a stale version and dates out of order, naming the field', async () => {
    const { incubation } = await admit(await record());
    expect(
      (await move({ ...incubation, version: 9 }, { move: 'leave', on: '2026-09-01', reason: '搬迁' })).status,
    ).toBe(412);
    const future = await move(incubation, { move: 'leave', on: '2026-12-01', reason: '搬迁' });
    expect(future.status).toBe(400);
    expect(((await future.json()) as ProblemBody).errors?.map((e) => e.path)).toEqual(['/on']);
    const noReason = await move(incubation, { move: 'leave', on: '2026-09-01' });
    expect(((await noReason.json()) as ProblemBody).errors?.map((e) => e.path)).toEqual(['/reason']);
    const left = (await (
      await move(incubation, { move: 'leave', on: '2026-09-01', reason: '迁往南宁' })
    ).json()) as Incubation;
    expect(left).toMatchObject({ stage: 'left', steps: [{}, { action: 'leave', reason: '迁往南宁' }] });
  });
});

describe('another base', () => {
  it('gets 404 for this base’s application and record, and changes nothing', async () => {
    const application = await record();
    const { incubation } = await admit(await record());
    const writes = await world.table.watch();
    const calls: [string, string, unknown?, Record<string, string>?][] = [
      ['GET', `/v1/incubation/applications/${application.id}`],
      ['POST', `/v1/incubation/applications/${application.id}/notes`, { text: '偷看' }],
      ['POST', `/v1/incubation/applications/${application.id}/admit`, ADMIT_EXAMPLE, { 'If-Match': '"1"' }],
      ['POST', `/v1/incubation/applications/${application.id}/decline`, { reason: '偷看' }, { 'If-Match': '"1"' }],
      ['GET', `/v1/incubation/incubations/${incubation.id}`],
      ['GET', `/v1/incubation/incubations/${incubation.id}/invitations`],
      [
        'POST',
        `/v1/incubation/incubations/${incubation.id}/transitions`,
        { move: 'leave', on: '2026-09-01', reason: '偷看' },
        { 'If-Match': '"1"' },
      ],
    ];
    for (const [method, path, json, headers] of calls) {
      const response = await world.request(method, path, {
        as: otherOperator(),
        ...(json ? { json } : {}),
        ...(headers ? { headers } : {}),
      });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    const listed = await world.request('GET', '/v1/incubation/applications', { as: otherOperator() });
    expect(await listed.text()).not.toContain(application.id);
    expect(await writes.drain()).toEqual([]);
  });

  it('is refused to an organisation and a bureau (403)', async () => {
    for (const as of [world.user('orgA'), world.user('bureauA')]) {
      const response = await world.request('GET', '/v1/incubation/applications', { as });
      expect(response.status).toBe(403);
    }
  });
});

describe('an organisation admitted to be registered', () => {
  it('records its credit code later: the 未登记 mark goes, the base’s record follows, the code stays unique', async () => {
    const admission = await admit(await record());
    const token = new URL(admission.adminInvitationLink).pathname.split('/').pop();
    const accepted = await world.request('POST', `/v1/invitations/${token}/accept`, {
      json: { name: '黄青', password: GOOD_PASSWORD },
    });
    expect(accepted.status).toBe(201);
    const admin = world.subjectOf(admission.invitation.email);
    const page = await world.page('GET', `/platform/tenants/${admission.tenant.id}`, { as: world.user('platform') });
    expect(await page.text()).toContain('未登记');
    const own = await world.request('GET', '/v1/organisation', { as: admin });
    expect(await own.json()).toMatchObject({ toBeRegistered: true, incubatorId: base().id });
    const etag = own.headers.get('ETag')!;
    const taken = await world.request('PUT', '/v1/organisation/credit-code', {
      as: admin,
      headers: { 'If-Match': etag },
      json: { uscc: world.tenant('orgA').uscc },
    });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as ProblemBody).errors?.map((e) => e.path)).toEqual(['/uscc']);
    const uscc = makeUscc('450602', 102);
    const recorded = await world.request('PUT', '/v1/organisation/credit-code', {
      as: admin,
      headers: { 'If-Match': etag },
      json: { uscc },
    });
    expect(recorded.status).toBe(200);
    const tenant = (await recorded.json()) as Record<string, unknown>;
    expect(tenant).toMatchObject({ uscc });
    expect(tenant).not.toHaveProperty('toBeRegistered');
    // Until then the platform's tenant pages marked it 未登记; now they show its code.
    const read = await world.request('GET', `/v1/incubation/incubations/${admission.incubation.id}`, {
      as: operator(),
    });
    expect(await read.json()).toMatchObject({ uscc, toBeRegistered: false });
  });
});

describe('the base’s dashboard', () => {
  it('says how many applications wait and counts the organisations admitted by stage, as the API lists them', async () => {
    const listed = async (path: string) =>
      ((await (await world.request('GET', path, { as: operator() })).json()) as { items: unknown[] }).items.length;
    const waiting = await listed('/v1/incubation/applications?status=applied&limit=100');
    expect(waiting).toBeGreaterThan(0);
    const stages = ['incubating', 'midterm_reviewed', 'extended', 'graduated', 'left'] as const;
    const byStage = await Promise.all(stages.map((s) => listed(`/v1/incubation/incubations?stage=${s}&limit=100`)));
    expect(byStage.some((n) => n > 0)).toBe(true);

    const html = await (await world.page('GET', '/incubator', { as: operator() })).text();
    const card = /<section[^>]*id="incubation"[\s\S]*?<\/section>/.exec(html)?.[0] ?? html;
    expect(card).toContain(`${waiting} 份入驻申请待审核`);
    const labels = {
      incubating: '在孵',
      midterm_reviewed: '已中期评估',
      extended: '延期孵化',
      graduated: '已出壳',
      left: '已退驻',
    };
    for (const [i, stage] of stages.entries())
      expect(card).toMatch(new RegExp(`>${labels[stage]}</td>\\s*<td[^>]*>${byStage[i]}</td>`));

    // Another base with nothing yet, in English.
    const other = await (await world.page('GET', '/incubator', { as: otherOperator(), lang: 'en' })).text();
    expect(other).toContain('No applications waiting for review');
    expect(other).toContain('No organisation admitted yet.');
  });
});
