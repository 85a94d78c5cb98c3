import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_ACTUAL_MONTH, World } from '../support/world.ts';

/**
 * 我的档案 My record through the API: a staff member reads their own record (the person hr linked
 * them to) with the registry's figures, submits CE hours and a certificate for hr to confirm; hr's
 * queue, confirm and refuse; another tenant's hr neither sees nor decides them. Today is fixed.
 */

const TODAY = '2026-11-25';
const world = await World.create('my-record-api', { deps: { today: () => TODAY } });

beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const staff = () => world.user('orgA', 'staff');
const hrA = () => world.user('orgA', 'hr');
const hrB = () => world.user('orgB', 'hr');

interface Submission {
  id: string;
  personId: string;
  status: string;
  kind: string;
  reason?: string;
}
interface Record {
  linked: boolean;
  person?: {
    id: string;
    idCardNumber: string;
    continuingEducation: unknown[];
    certificates: { number: string }[];
    summary?: { ce: { year: { ruleId: string } }; pay: { ruleId: string } };
  };
  submissions?: Submission[];
}

async function record(as = staff()): Promise<Record> {
  const response = await world.request('GET', '/v1/me/record', { as });
  expect(response.status).toBe(200);
  return (await response.json()) as Record;
}

async function submit(json: unknown, as = staff()) {
  return world.request('POST', '/v1/me/record/submissions', { as, json });
}

const CE = {
  kind: 'continuing-education',
  entry: { date: '2026-10-12', tenthHours: 80, provider: '广西社会工作协会', topic: '危机干预' },
};
const CERTIFICATE = {
  kind: 'certificate',
  certificate: { level: 'social_worker', number: 'MYREC-2026-0001', obtainedOn: '2026-06-21' },
};

describe('my record', () => {
  it('shows a staff member their own person, masked, with the registry’s figures and rule ids', async () => {
    const own = await record();
    expect(own.linked).toBe(true);
    expect(own.person?.id).toBe(world.tenant('orgA').people[2]);
    expect(own.person?.idCardNumber).toContain('*');
    expect(own.person?.summary?.pay.ruleId).toBe('P-W3');
  });

  it('shows pay month by month from the actuals that name the person, with the floor (P-W3)', async () => {
    // The world records March on orgA's signed contract with people[0] (the admin's person) at ¥3,600.
    const admin = (await record(world.user('orgA', 'admin'))) as Record & {
      payMonths: { month: string; grossPay: number; floor: number; ruleId: string; contractNumber: string }[];
    };
    expect(admin.payMonths).toEqual([
      expect.objectContaining({ month: SEEDED_ACTUAL_MONTH, grossPay: 3_600_00, ruleId: 'P-W3' }),
    ]);
    expect(admin.payMonths[0]?.contractNumber).not.toBe('');
    expect(admin.payMonths[0]?.floor).toBeGreaterThan(0);
  });

  it('tells a member hr has not linked that they are not on the registry', async () => {
    expect(await record(world.user('orgA', 'finance'))).toEqual({ linked: false });
    expect((await submit(CE, world.user('orgA', 'finance'))).status).toBe(404);
  });

  it('lets hr link a member to a person once: one person per member, one member per person', async () => {
    const project = world.user('orgA', 'project_manager');
    const [p0, p1] = world.tenant('orgA').people;
    const link = (personId: string, userId: string, as = hrA()) =>
      world.request('PUT', `/v1/people/${personId}/member/${userId}`, { as });
    expect((await link(p1!, project.id, staff())).status).toBe(403);
    expect((await link(p1!, project.id, hrB())).status).toBe(404);
    expect((await link(p1!, project.id)).status).toBe(204);
    expect((await link(p1!, project.id)).status).toBe(204);
    expect((await record(project)).person?.id).toBe(p1);
    // p0 is the admin's (the world links them), and the project manager is p1 now.
    expect((await link(p0!, project.id)).status).toBe(409);
    expect((await link(p1!, world.user('orgA', 'admin').id)).status).toBe(409);
    expect((await link(p1!, world.user('orgB', 'admin').id)).status).toBe(404);
  });

  it('unlinks a member, and frees the link when their person leaves the registry', async () => {
    const finance = world.user('orgB', 'finance');
    const hr = world.user('orgB', 'hr');
    const [p0, p1] = world.tenant('orgB').people;
    const path = (personId: string) => `/v1/people/${personId}/member/${finance.id}`;
    expect((await world.request('PUT', path(p1!), { as: hr })).status).toBe(204);
    expect((await world.request('DELETE', path(p0!), { as: hr })).status).toBe(404);
    expect((await world.request('DELETE', path(p1!), { as: hrA() })).status).toBe(404);
    expect((await world.request('DELETE', path(p1!), { as: hr })).status).toBe(204);
    expect(await record(finance)).toEqual({ linked: false });
    // Linked again, then the person is removed: the member is free to be linked to someone else.
    expect((await world.request('PUT', path(p1!), { as: hr })).status).toBe(204);
    const person = (await (await world.request('GET', `/v1/people/${p1}`, { as: hr })).json()) as { version: number };
    const removed = await world.request('DELETE', `/v1/people/${p1}`, {
      as: hr,
      headers: { 'If-Match': `"${person.version}"` },
    });
    expect(removed.status).toBe(204);
    expect(await record(finance)).toEqual({ linked: false });
    expect(
      (await world.request('PUT', `/v1/people/${world.tenant('orgB').people[2]}/member/${finance.id}`, { as: hr }))
        .status,
    ).toBe(409);
  });

  it('lets hr link an account on the person’s page, and says why a taken one cannot be', async () => {
    const finance = world.user('orgA', 'finance');
    const [p0, p1] = world.tenant('orgA').people;
    const form = await (await world.page('GET', `/org/staff/${p1}/member`, { as: hrA() })).text();
    expect(form).toContain(finance.email);
    expect((await world.page('GET', `/org/staff/${p1}/member`, { as: staff() })).status).toBe(403);
    // p1 is the project manager's (the test above), p0 the admin's: both taken.
    const taken = await world.page('POST', `/org/staff/${p0}/member`, { as: hrA(), form: { userId: finance.id } });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('这个账号已关联其他人员，或此人已关联其他账号');
    const p2 = world.tenant('orgA').people[2];
    // p2 is the staff member's; a new person is needed for a link that succeeds.
    const added = await world.request('POST', '/v1/people', {
      as: hrA(),
      json: {
        name: '关联测试',
        idCardNumber: '450602199003070021',
        phone: '13977012345',
        education: { level: 'bachelor', socialWorkMajor: true },
        employmentType: 'contract',
        monthlyPay: 3_600_00,
        employment: [],
        certificates: [],
        continuingEducation: [],
      },
    });
    const person = (await added.json()) as { id: string };
    expect(p2).not.toBe(person.id);
    const linked = await world.page('POST', `/org/staff/${person.id}/member`, {
      as: hrA(),
      form: { userId: finance.id },
    });
    expect(linked.status).toBe(303);
    expect((await record(finance)).person?.id).toBe(person.id);
  });

  it('does not open another person’s record to staff', async () => {
    const other = world.tenant('orgA').people[0];
    expect((await world.request('GET', `/v1/people/${other}`, { as: staff() })).status).toBe(403);
  });

  it('refuses a certificate whose registration N-4 refuses, and writes nothing', async () => {
    const response = await submit({
      kind: 'certificate',
      certificate: { ...CERTIFICATE.certificate, registeredOn: '2026-07-01', registrationExpiresOn: '2027-07-01' },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('N-4');
    expect((await record()).submissions).toEqual([]);
  });

  it('keeps submissions pending until hr decides; confirming writes the record, refusing says why', async () => {
    const before = await record();
    const ce = await submit(CE);
    expect(ce.status).toBe(201);
    const cert = await submit(CERTIFICATE);
    expect(cert.status).toBe(201);
    const [ceId, certId] = [((await ce.json()) as Submission).id, ((await cert.json()) as Submission).id];

    const pending = await record();
    const waiting = pending.submissions?.filter((s) => s.status === 'pending').map((s) => s.id);
    expect(waiting?.sort()).toEqual([certId, ceId].sort());
    // Nothing reaches the record before hr confirms it.
    expect(pending.person?.continuingEducation).toHaveLength(before.person?.continuingEducation.length ?? -1);
    expect((pending as { payMonths?: unknown[] }).payMonths).toEqual([]);

    const queue = await world.request('GET', '/v1/submissions', { as: hrA() });
    const queued = ((await queue.json()) as { items: Submission[] }).items.map((s) => s.id);
    expect(queued).toEqual(expect.arrayContaining([ceId, certId]));

    // Another organisation's hr neither sees nor decides them.
    const queueB = (
      (await (await world.request('GET', '/v1/submissions', { as: hrB() })).json()) as {
        items: Submission[];
      }
    ).items.map((s) => s.id);
    expect(queueB).not.toContain(ceId);
    const personId = world.tenant('orgA').people[2];
    const byB = await world.request('POST', `/v1/people/${personId}/submissions/${ceId}/confirm`, { as: hrB() });
    expect(byB.status).toBe(404);
    // Staff do not decide (their own included).
    const byStaff = await world.request('POST', `/v1/people/${personId}/submissions/${ceId}/confirm`, { as: staff() });
    expect(byStaff.status).toBe(403);
    // The submission is found under its person only.
    const wrongPerson = world.tenant('orgA').people[0];
    const elsewhere = await world.request('POST', `/v1/people/${wrongPerson}/submissions/${ceId}/confirm`, {
      as: hrA(),
    });
    expect(elsewhere.status).toBe(404);

    const confirmed = await world.request('POST', `/v1/people/${personId}/submissions/${ceId}/confirm`, {
      as: hrA(),
    });
    expect(confirmed.status).toBe(200);
    const again = await world.request('POST', `/v1/people/${personId}/submissions/${ceId}/confirm`, { as: hrA() });
    expect(again.status).toBe(409);
    const refused = await world.request('POST', `/v1/people/${personId}/submissions/${certId}/refuse`, {
      as: hrA(),
      json: { reason: '证书扫描件不清晰' },
    });
    expect(refused.status).toBe(200);

    const after = await record();
    expect(after.person?.continuingEducation).toHaveLength((before.person?.continuingEducation.length ?? 0) + 1);
    expect(after.person?.certificates.map((c) => c.number)).not.toContain(CERTIFICATE.certificate.number);
    const decided = Object.fromEntries(after.submissions?.map((s) => [s.id, s]) ?? []);
    expect(decided[ceId]?.status).toBe('confirmed');
    expect(decided[certId]).toMatchObject({ status: 'refused', reason: '证书扫描件不清晰' });
    const left = (
      (await (await world.request('GET', '/v1/submissions', { as: hrA() })).json()) as {
        items: Submission[];
      }
    ).items.map((s) => s.id);
    expect(left).not.toContain(ceId);
    expect(left).not.toContain(certId);
  });

  it('confirms a certificate into the record under the registry’s rules, in one audited transaction', async () => {
    const cert = await submit({
      ...CERTIFICATE,
      certificate: { ...CERTIFICATE.certificate, number: 'MYREC-2026-0002' },
    });
    const { id } = (await cert.json()) as Submission;
    const personId = world.tenant('orgA').people[2];
    const response = await world.request('POST', `/v1/people/${personId}/submissions/${id}/confirm`, { as: hrA() });
    expect(response.status).toBe(200);
    const own = await record();
    expect(own.person?.certificates.map((c) => c.number)).toContain('MYREC-2026-0002');
    const audit = await world.store
      .tenant({ tenantId: world.tenant('orgA').id, userId: 'test' })
      .audit.list({ limit: 100 });
    expect(audit.items.filter((e) => e.action === 'submission.confirm' && e.entityId === id)).toHaveLength(1);
  });
});
