import { ADMIT_EXAMPLE, APPLICATION_EXAMPLE } from '@shegong/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * The support a base gives and the graduation check, through the API: each kind recorded and
 * listed per organisation (a training under every attending organisation, its hours added to
 * each); another base's organisation answers 404; a closed record 409 with its history kept; the
 * template and the milestones versioned; graduation refused listing the unmet criteria, nothing
 * written, then allowed once they are met.
 */
const today = '2027-03-10';
const world = await World.create('incubation-support', { deps: { today: () => today } });
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const operator = () => world.user('incubatorA', 'operator');
const otherOperator = () => world.user('incubatorB', 'operator');

interface Record {
  id: string;
  stage: string;
  version: number;
}
interface Entry {
  id: string;
  kind: string;
  organisationId: string;
  tenthHours?: number;
  amount?: number;
  attendees?: { organisationId: string; organisationName: string }[];
}
interface Problem {
  status: number;
  errors?: { path: string; message: string; code?: string }[];
}

let serial = 0;
async function admitted(as = operator()): Promise<Record> {
  serial += 1;
  const made = await world.request('POST', '/v1/incubation/applications', {
    as,
    json: {
      ...APPLICATION_EXAMPLE,
      name: `${APPLICATION_EXAMPLE.name}${serial}`,
      contact: { ...APPLICATION_EXAMPLE.contact, email: `support${serial}@example.cn` },
    },
  });
  const application = (await made.json()) as { id: string; version: number };
  const response = await world.request('POST', `/v1/incubation/applications/${application.id}/admit`, {
    as,
    headers: { 'If-Match': `"${application.version}"` },
    json: { agreement: { ...ADMIT_EXAMPLE.agreement, startDate: '2026-03-01' } },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { incubation: Record }).incubation;
}

const support = (record: { id: string }, body: unknown, as = operator()) =>
  world.request('POST', `/v1/incubation/incubations/${record.id}/support`, { as, json: body });
const list = async (record: { id: string }, kind: string) =>
  (
    (await (
      await world.request('GET', `/v1/incubation/incubations/${record.id}/support?kind=${kind}`, { as: operator() })
    ).json()) as { items: Entry[] }
  ).items;
const totals = async (record: { id: string }) =>
  (await (
    await world.request('GET', `/v1/incubation/incubations/${record.id}/support/totals`, { as: operator() })
  ).json()) as Record & { trainingTenthHours: number; mentoringSessions: number; subsidyFen: number };
const move = (record: Record, body: unknown) =>
  world.request('POST', `/v1/incubation/incubations/${record.id}/transitions`, {
    as: operator(),
    headers: { 'If-Match': `"${record.version}"` },
    json: body,
  });

describe('support given', () => {
  it('records each kind, lists it per organisation, and adds a training to every attending organisation', async () => {
    const [a, b] = [await admitted(), await admitted()];
    const training = await support(a, {
      kind: 'training',
      on: '2026-04-15',
      title: '社会组织财务管理入门',
      tenthHours: 35,
      alsoAttended: [b.id],
    });
    expect(training.status).toBe(201);
    const mentoring = await support(a, {
      kind: 'mentoring',
      on: '2026-05-02',
      mentor: '李老师',
      topic: '章程修订',
      tenthHours: 20,
    });
    const subsidy = await support(a, {
      kind: 'subsidy',
      on: '2026-06-01',
      scheme: 'small_activity',
      purpose: '社区长者中秋活动',
      amount: 300000,
    });
    const help = await support(a, { kind: 'registration_help', on: '2026-06-10', what: '陪同到民政局递交登记材料' });
    expect([mentoring.status, subsidy.status, help.status]).toEqual([201, 201, 201]);

    const [ofB] = await list(b, 'training');
    expect(ofB).toMatchObject({ organisationId: b.id, tenthHours: 35 });
    expect(ofB?.attendees?.map((x) => x.organisationId)).toEqual([a.id, b.id]);
    expect((await list(a, 'subsidy'))[0]).toMatchObject({ amount: 300000, kind: 'subsidy' });
    expect(await list(b, 'subsidy')).toEqual([]);
    expect(await totals(a)).toMatchObject({
      trainingTenthHours: 35,
      mentoringSessions: 1,
      mentoringTenthHours: 20,
      subsidyFen: 300000,
      registrationHelps: 1,
    });
    expect(await totals(b)).toMatchObject({ trainingTenthHours: 35, subsidyFen: 0 });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const a = await admitted();
    const bad = await support(a, { kind: 'training', on: '2026-04-15', title: '培训', tenthHours: 3.5 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors?.map((e) => e.path)).toEqual(['/tenthHours']);
    const money = await support(a, { kind: 'subsidy', on: '2026-04-15', scheme: 'other', purpose: 'x', amount: 12.5 });
    expect(((await money.json()) as Problem).errors?.map((e) => e.path)).toEqual(['/amount']);
    const future = await support(a, { kind: 'registration_help', on: '2027-04-01', what: '协助' });
    expect(((await future.json()) as Problem).errors?.map((e) => e.path)).toEqual(['/on']);
    expect(await list(a, 'training')).toEqual([]);
    expect(await totals(a)).toMatchObject({ trainings: 0, subsidies: 0, registrationHelps: 0 });
  });

  it('answers 404 for another base’s organisation, in the path or among the attendees', async () => {
    const mine = await admitted();
    const theirs = await admitted(otherOperator());
    const body = { kind: 'registration_help', on: '2026-06-10', what: '协助' };
    expect((await support(theirs, body)).status).toBe(404);
    expect(
      (await world.request('GET', `/v1/incubation/incubations/${theirs.id}/support?kind=training`, { as: operator() }))
        .status,
    ).toBe(404);
    expect(
      (await world.request('GET', `/v1/incubation/incubations/${theirs.id}/graduation`, { as: operator() })).status,
    ).toBe(404);
    const attended = await support(mine, {
      kind: 'training',
      on: '2026-04-15',
      title: '培训',
      tenthHours: 10,
      alsoAttended: [theirs.id],
    });
    expect(attended.status).toBe(400);
    expect(((await attended.json()) as Problem).errors?.[0]).toMatchObject({ path: '/alsoAttended/0' });
    expect(await list(mine, 'training')).toEqual([]);
    // The organisation itself reads none of the base's records about it.
    const org = world.user('orgA', 'admin');
    expect(
      (await world.request('GET', `/v1/incubation/incubations/${mine.id}/support?kind=training`, { as: org })).status,
    ).toBe(403);
  });

  it('refuses support on a record that has ended (409) and keeps its history', async () => {
    const record = await admitted();
    await support(record, { kind: 'registration_help', on: '2026-06-10', what: '协助' });
    const left = await move(record, { move: 'leave', on: '2026-07-01', reason: '迁往南宁' });
    expect(left.status).toBe(200);
    const after = await support(record, { kind: 'registration_help', on: '2026-07-02', what: '协助' });
    expect(after.status).toBe(409);
    expect(await list(record, 'registration_help')).toHaveLength(1);
  });
});

describe('template, milestones and graduation', () => {
  it('refuses graduation listing the unmet criteria and writes nothing; allows it once they are met', async () => {
    // The base's template: its own checklist, with the default criteria's kinds.
    const template = await world.request('GET', '/v1/incubation/template', { as: operator() });
    expect(template.headers.get('ETag')).toBe('"0"');
    expect(((await template.json()) as { isDefault: boolean }).isDefault).toBe(true);
    const saved = await world.request('PUT', '/v1/incubation/template', {
      as: operator(),
      headers: { 'If-Match': '"0"' },
      json: {
        milestones: [
          { id: 'registered', label: '完成登记注册' },
          { id: 'first_contract', label: '首个政府购买服务项目' },
        ],
        criteria: [
          { type: 'midterm_review' },
          { type: 'min_months', months: 12 },
          { type: 'min_training_hours', tenthHours: 80 },
          { type: 'milestone', milestoneId: 'first_contract' },
        ],
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('ETag')).toBe('"1"');
    const stale = await world.request('PUT', '/v1/incubation/template', {
      as: operator(),
      headers: { 'If-Match': '"0"' },
      json: { milestones: [{ id: 'x', label: 'X' }], criteria: [{ type: 'milestone', milestoneId: 'y' }] },
    });
    expect(stale.status).toBe(400);

    let record = await admitted();
    await support(record, { kind: 'training', on: '2026-04-15', title: '财务', tenthHours: 35 });
    const reviewed = await move(record, { move: 'midterm_review', on: '2026-09-01' });
    record = (await reviewed.json()) as Record;

    const check = await world.request('GET', `/v1/incubation/incubations/${record.id}/graduation?on=2027-01-31`, {
      as: operator(),
    });
    const checked = (await check.json()) as { met: boolean; criteria: { met: boolean; message: string }[] };
    expect(checked.met).toBe(false);
    expect(checked.criteria.map((c) => [c.met, c.message])).toEqual([
      [true, 'mid-term review passed on 2026-09-01'],
      [false, '11 of 12 months incubated'],
      [false, '3.5 of 8 training hours'],
      [false, 'milestone 首个政府购买服务项目 not done'],
    ]);

    const refused = await move(record, { move: 'graduate', on: '2027-03-01', note: '出壳' });
    expect(refused.status).toBe(409);
    const problem = (await refused.json()) as Problem;
    expect(problem.errors?.map((e) => e.message)).toEqual([
      '3.5 of 8 training hours',
      'milestone 首个政府购买服务项目 not done',
    ]);
    const unchanged = await world.request('GET', `/v1/incubation/incubations/${record.id}`, { as: operator() });
    expect(((await unchanged.json()) as Record).stage).toBe('midterm_reviewed');

    // Meet them: more training, and the milestone done with its evidence (versioned, undoable).
    await support(record, { kind: 'training', on: '2026-10-15', title: '项目设计', tenthHours: 45 });
    const mark = (version: number, id = 'first_contract') =>
      world.request('PUT', `/v1/incubation/incubations/${record.id}/milestones/${id}`, {
        as: operator(),
        headers: { 'If-Match': `"${version}"` },
        json: { on: '2026-12-01', evidence: '中标港口区长者服务项目（合同编号 GK-2026-08）' },
      });
    expect((await mark(0, 'no_such')).status).toBe(404);
    const marked = await mark(0);
    expect(marked.status).toBe(200);
    expect((await mark(0)).status).toBe(412);
    const undone = await world.request('DELETE', `/v1/incubation/incubations/${record.id}/milestones/first_contract`, {
      as: operator(),
      headers: { 'If-Match': '"1"' },
    });
    expect(undone.status).toBe(200);
    expect((await mark(2)).status).toBe(200);
    const milestones = (await (
      await world.request('GET', `/v1/incubation/incubations/${record.id}/milestones`, { as: operator() })
    ).json()) as { milestones: { id: string; done?: { evidence: string }; fact?: string }[] };
    expect(milestones.milestones).toMatchObject([
      { id: 'registered', fact: 'notRegistered' },
      { id: 'first_contract', done: { evidence: '中标港口区长者服务项目（合同编号 GK-2026-08）' } },
    ]);

    const graduated = await move(record, { move: 'graduate', on: '2027-03-01', note: '出壳' });
    expect(graduated.status).toBe(200);
    expect(((await graduated.json()) as Record).stage).toBe('graduated');
    // History is kept; nothing more is marked.
    expect((await mark(3)).status).toBe(409);
  });
});
