import { FANGCHENGGANG_2023, idCardCheckCharacter, type PersonInput } from '@shegong/domain';
import { CONTRACT_EXAMPLE } from '@shegong/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc, type SeededUser, type TenantLabel, World } from '../support/world.ts';

/**
 * Retries that arrive together: a client that times out and retries, or a form posted twice,
 * sends the same creating request with one Idempotency-Key while the first is still in flight.
 * Every one of them must end with the first result (DESIGN.md: "a retry returns the first
 * result"): the same 201 at once, or a 409 with Retry-After that a later retry turns into that 201.
 * Exactly one record is made. Nothing here waits for time to pass: the 409s are retried once every
 * request has answered, one after another.
 */

const world = await World.create('idempotency');
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const TRIES = 50;

interface Case {
  path: string;
  as: () => SeededUser;
  /** Where the created record's audit event is written, and its action. */
  trail: TenantLabel;
  action: string;
  json: unknown;
}

const idCard = (first17: string) => first17 + idCardCheckCharacter(first17);

const PERSON: PersonInput = {
  name: '韦小红',
  idCardNumber: idCard('45060219910817002'),
  phone: '13977019876',
  education: { level: 'bachelor', socialWorkMajor: true },
  employmentType: 'contract',
  monthlyPay: 3_800_00,
  employment: [{ employer: '港口区阳光社会工作服务中心', region: '450602', start: '2022-03-01', socialWork: true }],
  certificates: [{ level: 'assistant', number: 'RETRY-2022-0001', obtainedOn: '2022-06-20' }],
  continuingEducation: [],
};

const CASES: Record<string, Case> = {
  people: {
    path: '/v1/people',
    as: () => world.user('orgA', 'hr'),
    trail: 'orgA',
    action: 'person.create',
    json: PERSON,
  },
  contracts: {
    path: '/v1/contracts',
    as: () => world.user('orgA', 'project_manager'),
    trail: 'orgA',
    action: 'contract.create',
    json: { ...CONTRACT_EXAMPLE, terms: { ...CONTRACT_EXAMPLE.terms, number: 'GKMZ-2026-RETRY' } },
  },
  'rule-sets': {
    path: '/v1/rule-sets',
    as: () => world.user('bureauA'),
    trail: 'bureauA',
    action: 'ruleset.publish',
    json: { ...FANGCHENGGANG_2023, effectiveFrom: '2026-09-01', title: '重试发布' },
  },
  invitations: {
    path: '/v1/invitations',
    as: () => world.user('orgA'),
    trail: 'orgA',
    action: 'invitation.create',
    json: { email: 'retry.together@example.cn', roles: ['hr'] },
  },
  tenants: {
    path: '/v1/tenants',
    as: () => world.user('platform'),
    trail: 'platform',
    action: 'tenant.create',
    json: {
      kind: 'org',
      name: '港口区重试社会工作服务中心',
      region: '450602',
      uscc: makeUscc('450602', 77),
      adminEmail: 'first.admin@retry.example.cn',
    },
  },
};

const eventsOf = async (label: TenantLabel, action: string) =>
  (await world.table.auditEvents(world.tenant(label).id)).filter((e) => e.action === action).length;

describe.each(Object.keys(CASES))(`${TRIES} identical creates at once with one Idempotency-Key: %s`, (name) => {
  const { path, as, trail, action, json } = CASES[name]!;

  it(`POST ${name}: one record, and every request ends with the same 201`, async () => {
    const before = await eventsOf(trail, action);
    const send = () =>
      world.request('POST', path, { as: as(), json, headers: { 'Idempotency-Key': `together-${name}` } });
    const answers = await Promise.all(Array.from({ length: TRIES }, send));

    const bodies: string[] = [];
    for (let answer of answers) {
      if (answer.status === 409) {
        // Another try with this key was still in flight: the answer says so, and when to come back.
        expect(answer.headers.get('Retry-After') ?? '', await answer.clone().text()).toMatch(/^\d+$/);
        expect(answer.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
        answer = await send();
      }
      expect(answer.status, await answer.clone().text()).toBe(201);
      bodies.push(await answer.text());
    }
    expect(new Set(bodies).size).toBe(1);
    expect(answers.filter((a) => a.status === 201 && !a.headers.get('Idempotent-Replayed')).length).toBeLessThanOrEqual(
      1,
    );
    expect(await eventsOf(trail, action)).toBe(before + 1);
  }, 120_000); // fifty requests through one emulator that runs transactions one at a time
});
