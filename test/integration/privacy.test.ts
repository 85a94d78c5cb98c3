import { randomUUID } from 'node:crypto';
import type { Person } from '@shegong/domain';
import { EXAM_COST_EXAMPLE } from '@shegong/http';
import { backfillPersonAuditIndex, GetCommand, idCardHash, keys, PutCommand, readLedger } from '@shegong/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenSubject } from '../support/tokens.ts';
import { World } from '../support/world.ts';

/**
 * PIPL through the API and the pages: a person's data export (every family of what is held about
 * them, audit events included) for hr/admin and for the person themself; the admin's erasure, which
 * pseudonymises every personal field, keeps the amounts and the award ledger, frees the guards and
 * is audited. Organisation A's people[1] is the subject: hr links the project manager to them, they
 * submit a certificate (left pending), hr records CE hours and an exam cost, a claim is paid by the
 * city bureau. Today is fixed (2026-11-25).
 */

const TODAY = '2026-11-25';
const world = await World.create('privacy', { deps: { today: () => TODAY } });

const hrA = () => world.user('orgA', 'hr');
const adminA = () => world.user('orgA', 'admin');
const member = () => world.user('orgA', 'project_manager');
const city = () => world.user('bureauA', 'reviewer');
const subject = () => world.tenant('orgA').people[1]!;
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

interface Claim {
  id: string;
  version: number;
  status: string;
  amount: number;
}
interface Export {
  person: Person;
  member?: { id: string; email: string };
  submissions: { id: string; status: string; personName: string }[];
  examCosts: { personName: string; registrationFee: number }[];
  awardClaims: Claim[];
  awardLedger?: { total: number; entries: { amount: number; name: string }[] };
  payMonths: unknown[];
  contractPosts: unknown[];
  auditEvents: { action: string; actor: string; reason?: string }[];
}

let original: Person;
let claim: Claim;
const CERT_SUBMITTED = `PRIV-${randomUUID().slice(0, 8)}`;

async function ok<T>(response: Response, status = 200): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
}

async function move(as: TokenSubject, path: string, c: Claim, json?: unknown): Promise<Claim> {
  const response = await world.request('POST', path, { as, headers: ifMatch(c.version), ...(json ? { json } : {}) });
  return (await ok<{ claim: Claim }>(response)).claim;
}

async function exportOf(personId: string, as: TokenSubject = hrA()) {
  return ok<Export>(await world.request('GET', `/v1/people/${personId}/data-export`, { as }));
}

const personNow = () => world.store.tenant({ tenantId: world.tenant('orgA').id, userId: 'test' }).people.get(subject());

beforeAll(async () => {
  await world.seed();
  original = await personNow();
  const link = await world.request('PUT', `/v1/people/${subject()}/member/${member().id}`, { as: hrA() });
  expect(link.status).toBe(204);
  await ok(
    await world.request('POST', '/v1/me/record/submissions', {
      as: member(),
      json: {
        kind: 'certificate',
        certificate: { level: 'social_worker', number: CERT_SUBMITTED, obtainedOn: '2026-06-21' },
      },
    }),
    201,
  );
  await ok(
    await world.request('POST', `/v1/people/${subject()}/continuing-education`, {
      as: hrA(),
      headers: ifMatch((await personNow()).version),
      json: { date: '2026-10-12', tenthHours: 60, provider: '广西社会工作协会', topic: '危机干预' },
    }),
  );
  await ok(
    await world.request('POST', `/v1/people/${subject()}/exam-costs`, { as: hrA(), json: EXAM_COST_EXAMPLE }),
    201,
  );
  const made = await ok<Claim>(
    await world.request('POST', '/v1/awards/claims', {
      as: hrA(),
      json: { personId: subject() },
      headers: { 'Idempotency-Key': `privacy-${randomUUID()}` },
    }),
    201,
  );
  claim = await move(adminA(), `/v1/awards/claims/${made.id}/endorse`, made);
});
afterAll(() => world.dispose());

describe('a person’s data export', () => {
  it('holds every family of what is kept about the person, in full, with the audit events that concern them', async () => {
    const data = await exportOf(subject());
    expect(data.person.idCardNumber).toBe(original.idCardNumber);
    expect(data.person.phone).toBe(original.phone);
    expect(data.member?.id).toBe(member().id);
    expect(data.submissions).toEqual([expect.objectContaining({ status: 'pending' })]);
    expect(data.examCosts).toEqual([expect.objectContaining({ registrationFee: EXAM_COST_EXAMPLE.registrationFee })]);
    expect(data.awardClaims.map((c) => c.id)).toEqual([claim.id]);
    expect(data.auditEvents.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'person.member.link',
        'submission.create',
        'person.ce.add',
        'examCost.record',
        'award.claim.create',
        'award.claim.endorse',
      ]),
    );
    // The admin's person (people[0]) is named by the seeded contract's payroll.
    const admin = await exportOf(world.tenant('orgA').people[0]!);
    expect(admin.payMonths.length).toBeGreaterThan(0);
  });

  it('is a workbook too', async () => {
    const response = await world.request('GET', `/v1/people/${subject()}/data-export.xlsx`, { as: hrA() });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('spreadsheetml');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('gives the person their own, and nobody else’s; another organisation gets 404', async () => {
    const own = await ok<Export>(await world.request('GET', '/v1/me/data-export', { as: member() }));
    expect(own.person.id).toBe(subject());
    expect(own.person.idCardNumber).toBe(original.idCardNumber);
    expect((await world.request('GET', '/v1/me/data-export.xlsx', { as: member() })).status).toBe(200);
    expect((await world.request('GET', '/v1/me/data-export', { as: world.user('orgA', 'finance') })).status).toBe(404);
    const staff = world.user('orgA', 'staff');
    expect((await world.request('GET', `/v1/people/${subject()}/data-export`, { as: staff })).status).toBe(403);
    const hrB = world.user('orgB', 'hr');
    expect((await world.request('GET', `/v1/people/${subject()}/data-export`, { as: hrB })).status).toBe(404);
    expect((await world.request('GET', `/v1/people/${subject()}/data-export.xlsx`, { as: hrB })).status).toBe(404);
  });
});

describe('audit events from before the person index', () => {
  it('are indexed under their person by the migration, once', async () => {
    const personId = world.tenant('orgA').people[2]!;
    const orgA = world.tenant('orgA').id;
    const at = '2026-01-05T08:00:00.000Z';
    // An event as written before issue 14: in the trail, without the person's index keys.
    await world.store.client.send(
      new PutCommand({
        TableName: world.store.tableName,
        Item: {
          pk: keys.auditPartition(orgA),
          sk: `${at}#${randomUUID()}`,
          actor: 'before-14',
          at,
          action: 'person.update',
          entity: 'Person',
          entityId: personId,
          version: 2,
          hash: 'h',
        },
      }),
    );
    const actors = async () => (await exportOf(personId)).auditEvents.map((e) => e.actor);
    expect(await actors()).not.toContain('before-14');
    const first = await backfillPersonAuditIndex(world.store);
    expect(first.events).toBeGreaterThan(0);
    expect(await actors()).toContain('before-14');
    expect((await backfillPersonAuditIndex(world.store)).events).toBe(0);
  });
});

describe('erasure', () => {
  const erase = (as: TokenSubject, version: number, reason = '本人申请删除（离职）', personId = subject()) =>
    world.request('POST', `/v1/people/${personId}/erasure`, { as, headers: ifMatch(version), json: { reason } });

  it('is the admin’s, needs If-Match and a reason, and another organisation’s admin gets 404', async () => {
    const { version } = await personNow();
    expect((await erase(hrA(), version)).status).toBe(403);
    const noVersion = await world.request('POST', `/v1/people/${subject()}/erasure`, {
      as: adminA(),
      json: { reason: '本人申请' },
    });
    expect(noVersion.status).toBe(428);
    const blank = await erase(adminA(), version, ' ');
    expect(blank.status).toBe(400);
    expect(await blank.text()).toContain('reason');
    expect((await erase(world.user('orgB', 'admin'), version)).status).toBe(404);
    expect((await personNow()).erasedAt).toBeUndefined();
  });

  it('is refused while the person has an open award claim', async () => {
    const response = await erase(adminA(), (await personNow()).version);
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('award claim');
  });

  it('pseudonymises every personal field, keeps the amounts and the ledger, frees the guards, and is audited', async () => {
    const approved = await move(city(), `/v1/jurisdiction/award-claims/${claim.id}/approve`, claim);
    const paid = await move(city(), `/v1/jurisdiction/award-claims/${claim.id}/payment`, approved, {
      date: TODAY,
      reference: '防民财〔2026〕9号',
    });
    expect(paid.status).toBe('paid');
    const before = await personNow();
    const response = await erase(adminA(), before.version);
    expect(response.status, await response.clone().text()).toBe(200);

    const after = await exportOf(subject());
    const pseudonym = `已删除人员 #${subject().slice(0, 8)}`;
    expect(after.person).toMatchObject({ name: pseudonym, idCardNumber: '', phone: '' });
    expect(after.person.erasedAt).toBeDefined();
    expect(after.person.monthlyPay).toBe(original.monthlyPay);
    expect(after.person.certificates.map((c) => c.level)).toEqual(original.certificates.map((c) => c.level));
    expect(after.member).toBeUndefined();
    expect(after.submissions).toEqual([expect.objectContaining({ status: 'refused', personName: pseudonym })]);
    expect(after.examCosts).toEqual([
      expect.objectContaining({ personName: pseudonym, registrationFee: EXAM_COST_EXAMPLE.registrationFee }),
    ]);
    expect(after.awardClaims).toEqual([expect.objectContaining({ status: 'paid', amount: paid.amount })]);
    // Nothing personal is left anywhere in what is held about them.
    const text = JSON.stringify(after);
    for (const value of [
      original.name,
      original.idCardNumber,
      original.phone,
      ...original.certificates.map((c) => c.number),
      CERT_SUBMITTED,
      member().email,
    ])
      expect(text).not.toContain(value);

    // The award ledger keeps the payment under the ID-card number's hash (P-A5), without the name.
    const ledger = await readLedger(world.store, idCardHash(original.idCardNumber));
    expect(ledger.head?.total).toBe(paid.amount);
    expect(ledger.entries).toEqual([expect.objectContaining({ amount: paid.amount, name: pseudonym })]);

    // The guards are free: the ID-card number, the certificate numbers and the member's e-mail.
    const get = (key: { pk: string; sk: string }) =>
      world.store.client.send(new GetCommand({ TableName: world.store.tableName, Key: key }));
    expect((await get(keys.emailGuard(member().email))).Item).toBeUndefined();
    const again = await world.request('POST', '/v1/people', {
      as: hrA(),
      headers: { 'Idempotency-Key': `privacy-${randomUUID()}` },
      json: {
        name: '再次登记',
        idCardNumber: original.idCardNumber,
        phone: original.phone,
        education: original.education,
        employmentType: original.employmentType,
        ...(original.ftePercent !== undefined ? { ftePercent: original.ftePercent } : {}),
        monthlyPay: original.monthlyPay,
        employment: original.employment,
        certificates: original.certificates,
        continuingEducation: [],
      },
    });
    expect(again.status, await again.clone().text()).toBe(201);

    // The member's account is disabled, no longer linked; the audit event says who, when and why only.
    const account = await world.store
      .tenant({ tenantId: world.tenant('orgA').id, userId: 'test' })
      .users.get(member().id);
    expect(account).toMatchObject({ status: 'disabled', name: pseudonym });
    const erased = after.auditEvents.find((e) => e.action === 'person.erased');
    expect(erased).toMatchObject({ actor: adminA().id, reason: '本人申请删除（离职）' });
  });

  it('is refused a second time, and the erased record cannot be edited back', async () => {
    const { version } = await personNow();
    const second = await erase(adminA(), version);
    expect(second.status).toBe(409);
    const edit = await world.request('POST', `/v1/people/${subject()}/continuing-education`, {
      as: hrA(),
      headers: ifMatch(version),
      json: { date: '2026-10-13', tenthHours: 10, provider: '协会', topic: '督导' },
    });
    expect(edit.status).toBe(409);
  });
});

describe('the pages', () => {
  it('show hr the personal data card with both exports, and the admin the erasure form with what is kept', async () => {
    const person = world.tenant('orgA').people[2]!;
    const page = await (await world.page('GET', `/org/staff/${person}`, { as: hrA() })).text();
    expect(page).toContain(`/org/staff/${person}/data-export.xlsx`);
    expect(page).not.toContain(`/org/staff/${person}/erasure`);
    const form = await world.page('GET', `/org/staff/${person}/erasure`, { as: adminA() });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('将保留');
    expect((await world.page('GET', `/org/staff/${person}/erasure`, { as: hrA() })).status).toBe(403);
    const json = await world.page('GET', `/org/staff/${person}/data-export.json`, { as: hrA() });
    expect(((await json.json()) as Export).person.id).toBe(person);
  });

  it('refuse an erasure without a reason, naming the field, and show an erased person as erased', async () => {
    const person = world.tenant('orgA').people[2]!;
    const repos = world.store.tenant({ tenantId: world.tenant('orgA').id, userId: 'test' });
    const { version } = await repos.people.get(person);
    const blank = await world.page('POST', `/org/staff/${person}/erasure`, {
      as: adminA(),
      form: { reason: '', version: String(version) },
    });
    expect(blank.status).toBe(400);
    expect(await blank.text()).toContain('请填写删除原因');
    expect((await repos.people.get(person)).erasedAt).toBeUndefined();
    const shown = await (await world.page('GET', `/org/staff/${subject()}`, { as: hrA() })).text();
    expect(shown).toContain('已删除');
    expect(shown).not.toContain(original.name);
  });
});
