import { randomUUID } from 'node:crypto';
import type { Role } from '@shegong/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCertificate,
  addContinuingEducation,
  addPerson,
  getPerson,
  listPeople,
  personRecord,
  Stale,
  type UseCaseContext,
} from '../src/index.ts';
import { type CoreWorld, certificateNumber, orgWorld, personInput, type TestTenant, TODAY } from './fixtures.ts';

/** The staff registry (P-R1) of an organisation in 港口区 under Fangchenggang's 2023 rule set. */
let world: CoreWorld;
let org: TestTenant;
let hr: UseCaseContext;

beforeAll(async () => {
  ({ world, org, ctx: hr } = await orgWorld('people', 'hr'));
});

afterAll(() => world?.close());

describe('personal data', () => {
  it('is shown in full to hr and admin, masked to finance and project managers, wherever a person is read', async () => {
    const input = personInput({ phone: '13812345678' });
    const { person } = await addPerson(hr, input);
    const id = input.idCardNumber;
    const masked = { idCardNumber: `${id.slice(0, 6)}********${id.slice(14)}`, phone: '138****5678' };
    const full = { idCardNumber: id, phone: '13812345678' };
    expect(person).toMatchObject(full);
    const seen: Record<string, unknown> = {};
    for (const role of ['hr', 'admin', 'finance', 'project_manager'] as Role[]) {
      const ctx = await world.as(org, role);
      const listed = (await listPeople(ctx, { limit: 100 })).items.find((p) => p.id === person.id);
      seen[role] = [await getPerson(ctx, person.id), await personRecord(ctx, person.id), listed].map((p) => ({
        idCardNumber: p?.idCardNumber,
        phone: p?.phone,
      }));
    }
    expect(seen).toEqual({
      hr: [full, full, full],
      admin: [full, full, full],
      finance: [masked, masked, masked],
      project_manager: [masked, masked, masked],
    });
  });
});

describe('listPeople', () => {
  it('with a flag lists everyone who has it, each with the summary that says why', async () => {
    const registry = await world.as(await world.tenant('org', '450602'), 'hr');
    // ¥3,000 against the assistant floor of ¥3,200 (P-W3); the other is paid ¥4,000.
    const { person: under } = await addPerson(registry, personInput({ name: '低薪', monthlyPay: 3_000_00 }));
    await addPerson(registry, personInput({ name: '足额', monthlyPay: 4_000_00 }));
    const flagged = await listPeople(registry, { limit: 1, flag: 'below-floor' });
    expect(flagged.rules).toMatchObject({ today: TODAY, ruleSet: { region: '450600', effectiveFrom: '2023-01-01' } });
    expect(flagged.items.map((p) => [p.name, p.summary?.pay.shortfall])).toEqual([['低薪', 200_00]]);
    expect(flagged.items[0]?.id).toBe(under.id);
    expect(flagged.items[0]?.summary?.flags).toContain('below-floor');
    // Without a flag it is a page of the registry, everyone with their summary.
    const page = await listPeople(registry, { limit: 10 });
    expect(page.items.map((p) => p.name).sort()).toEqual(['低薪', '足额']);
    expect(page.items.every((p) => p.summary !== undefined)).toBe(true);
  });

  it('without a rule set in force has no summaries, so no one is flagged', async () => {
    const nanning = await world.as(await world.tenant('org', '450100'), 'hr');
    await addPerson(nanning, personInput({ monthlyPay: 1_000_00 }));
    const flagged = await listPeople(nanning, { limit: 10, flag: 'below-floor' });
    expect(flagged).toEqual({ rules: { today: TODAY }, items: [] });
    const page = await listPeople(nanning, { limit: 10 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.summary).toBeUndefined();
  });
});

describe('addPerson', () => {
  it('adds a person once per key: a retry answers the first and writes nothing', async () => {
    const input = personInput();
    const key = randomUUID();
    const first = await addPerson(hr, input, key);
    expect(first).toMatchObject({ replayed: false, person: { version: 1, name: input.name } });
    const before = await world.snapshot();
    expect(await addPerson(hr, input, key)).toEqual({ ...first, replayed: true });
    expect(await world.snapshot()).toBe(before);
  });

  it('refuses an ID-card number already in the registry as a Conflict naming /idCardNumber', async () => {
    const { person } = await addPerson(hr, personInput());
    const refusal = await world.refusedWithoutWriting(() =>
      addPerson(hr, personInput({ idCardNumber: person.idCardNumber })),
    );
    expect(refusal.kind).toBe('conflict');
    expect(refusal.fields.map((f) => f.path)).toEqual(['/idCardNumber']);
  });
});

describe('addCertificate', () => {
  const senior = (number = certificateNumber()) => ({ level: 'senior' as const, number, obtainedOn: '2025-11-02' });

  it('adds a certificate at the version read: the person is one version on', async () => {
    const { person } = await addPerson(hr, personInput());
    const added = await addCertificate(hr, person.id, person.version, senior());
    expect(added.version).toBe(person.version + 1);
    expect(added.certificates.map((c) => c.level)).toEqual(['assistant', 'senior']);
    expect((await getPerson(hr, person.id)).summary?.certLevel).toBe('senior');
  });

  it('refuses a stale version as Stale, writing nothing', async () => {
    const { person } = await addPerson(hr, personInput());
    await addContinuingEducation(hr, person.id, person.version, {
      date: '2026-03-01',
      tenthHours: 80,
      provider: '防城港市社会工作协会',
      topic: '小组工作',
    });
    const refusal = await world.refusedWithoutWriting(() => addCertificate(hr, person.id, person.version, senior()));
    expect(refusal).toBeInstanceOf(Stale);
    expect(refusal.message).toBe('Person was changed by someone else; reload it');
  });

  it('refuses a number already registered (in another organisation too) as a Conflict naming its field', async () => {
    const elsewhere = await world.as(await world.tenant('org', '450603'), 'hr');
    const theirs = await addPerson(elsewhere, personInput());
    const { person } = await addPerson(hr, personInput());
    const taken = theirs.person.certificates[0]!.number;
    const refusal = await world.refusedWithoutWriting(() =>
      addCertificate(hr, person.id, person.version, senior(taken.toLowerCase())),
    );
    expect(refusal.kind).toBe('conflict');
    expect(refusal.fields.map((f) => f.path)).toEqual(['/certificates/1/number']);
  });

  it('refuses a certificate whose registration expires before it was registered, naming the field', async () => {
    const { person } = await addPerson(hr, personInput());
    const refusal = await world.refusedWithoutWriting(() =>
      addCertificate(hr, person.id, person.version, {
        ...senior(),
        registeredOn: '2025-12-01',
        registrationExpiresOn: '2025-11-30',
      }),
    );
    expect(refusal.kind).toBe('invalid');
    expect(refusal.fields).toEqual([
      { path: '/certificates/1/registrationExpiresOn', message: 'must be after the registration date' },
    ]);
  });

  it("answers another organisation's person as not found", async () => {
    const elsewhere = await world.as(await world.tenant('org', '450681'), 'hr');
    const { person } = await addPerson(hr, personInput());
    const refusal = await world.refusedWithoutWriting(() =>
      addCertificate(elsewhere, person.id, person.version, senior()),
    );
    expect(refusal.kind).toBe('notFound');
  });
});
