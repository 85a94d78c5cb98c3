import { actingAs, admitApplication, changeContractStatus, costDraft, recordApplication } from '@shegong/core';
import { type ContractDraft, idCardCheckCharacter } from '@shegong/domain';
import { ADMIT_EXAMPLE, APPLICATION_EXAMPLE, CONTRACT_EXAMPLE, SIGNED_CONTRACT_EXAMPLE } from '@shegong/http';
import { backfillBaseStageCounts, keys, UpdateCommand } from '@shegong/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The test package does not depend on ExcelJS; the sheets package reads its own files back.
import { workbookCells } from '../../packages/sheets/src/index.ts';
import type { TokenSubject } from '../support/tokens.ts';
import { World } from '../support/world.ts';

/**
 * The base's consolidated view (issue 12) on DynamoDB Local: an organisation incubator A admitted,
 * given members, staff (one certified) and contracts (a draft, a signed one, and an approved one
 * whose costing breaks a pay rule), has exactly those figures — and reads exactly the same object
 * about itself. A closed record has none. The bureau's per-stage counts on the base's listing move
 * in the same transactions as admission and transitions, also when transitions race.
 */
const today = '2026-11-30';
const world = await World.create('incubation-figures', { deps: { today: () => today } });

const operator = () => world.user('incubatorA', 'operator');
const base = () => world.tenant('incubatorA');
let organisationId = '';
let member: TokenSubject;
let serial = 0;

async function admitted(startDate: string): Promise<{ id: string; version: number }> {
  serial += 1;
  const ctx = await actingAs(world.deps, { tenantId: base().id, userId: operator().id });
  const { application } = await recordApplication(ctx, {
    ...APPLICATION_EXAMPLE,
    name: `${APPLICATION_EXAMPLE.name}${serial}`,
    contact: { ...APPLICATION_EXAMPLE.contact, email: `figures${serial}@example.cn` },
  });
  const { incubation } = await admitApplication(
    ctx,
    world.deps,
    application.id,
    { agreement: { ...ADMIT_EXAMPLE.agreement, startDate } },
    1,
  );
  return incubation;
}

/** Two active members and one disabled; a certified and an uncertified person; three contracts. */
async function giveFigures(orgId: string): Promise<TokenSubject> {
  const admin = world.user('incubatorA', 'admin');
  const repos = world.store.tenant({ tenantId: orgId, userId: admin.id });
  const subjects: TokenSubject[] = ['admin', 'hr', 'finance'].map((role) => ({
    id: crypto.randomUUID(),
    email: `${role}.${orgId.slice(0, 8)}@example.cn`,
    name: role,
    tenantId: orgId,
    kind: 'org',
    region: base().region,
    roles: [role],
  }));
  const mutation = repos.scope.mutation();
  for (const s of subjects) {
    world.directory.adopt({ ...s, roles: [...s.roles], userId: s.id, enabled: true });
    repos.users.add(mutation, { id: s.id, email: s.email, name: s.name, roles: [...s.roles] });
  }
  await mutation.audited('test', 'User', subjects[0]!.id, 1, {}).commit();
  await repos.users.update(subjects[2]!.id, 1, { status: 'disabled' }, 'user.disable');
  for (const [i, certificates] of [
    [{ level: 'assistant' as const, number: `WF-${orgId.slice(0, 8)}`, obtainedOn: '2023-06-18' }],
    [],
  ].entries()) {
    const first17 = `45060219900101${String(i).padStart(2, '0')}1`;
    await repos.people.create({
      name: `社工${i + 1}`,
      idCardNumber: `${first17}${idCardCheckCharacter(first17)}`,
      phone: `1390770000${i}`,
      education: { level: 'bachelor', socialWorkMajor: true },
      employmentType: 'contract',
      monthlyPay: 3_800_00,
      employment: [{ employer: '机构', region: base().region, start: '2024-03-01', socialWork: true }],
      certificates,
      continuingEducation: [],
    });
  }
  const ctx = await actingAs(world.deps, { tenantId: orgId, userId: subjects[0]!.id });
  await repos.contracts.create(await costDraft(ctx, CONTRACT_EXAMPLE));
  const won = async (draft: ContractDraft, to: 'approved' | 'signed') => {
    const { contract } = await repos.contracts.create(await costDraft(ctx, draft));
    const submitted = await changeContractStatus(ctx, contract.id, { to: 'submitted', date: '2026-01-01' }, 1);
    const approved = await world.approve({ ...world.tenant('orgA'), id: orgId }, contract.id, submitted.version);
    if (to === 'signed') await changeContractStatus(ctx, contract.id, { to: 'signed' }, approved.version);
  };
  await won(SIGNED_CONTRACT_EXAMPLE, 'signed');
  await won(
    {
      ...CONTRACT_EXAMPLE,
      terms: { ...CONTRACT_EXAMPLE.terms, number: 'GKMZ-2026-099' },
      plan: {
        ...CONTRACT_EXAMPLE.plan,
        posts: CONTRACT_EXAMPLE.plan.posts.map((p) => (p.role === 'frontline' ? { ...p, monthlyPay: 1_000_00 } : p)),
      },
    },
    'approved',
  );
  return subjects[0]!;
}

beforeAll(async () => {
  await world.seed();
  organisationId = (await admitted('2026-03-01')).id;
  member = await giveFigures(organisationId);
});
afterAll(() => world.dispose());

async function json<T>(response: Response, status = 200): Promise<T> {
  expect(response.status).toBe(status);
  return (await response.json()) as T;
}

interface Figures {
  organisationId: string;
  stage: string;
  monthsInIncubation: number;
  followsCurrentFigures: boolean;
  current?: {
    members: number;
    registryStaff: number;
    certifiedStaff: number;
    contractsWon: { count: number; value: number };
    ruleBreach: { breaks: boolean; contracts: number; ruleIds: string[] };
  };
  closed?: { stage: string; on: string };
}
interface Row {
  organisationId: string;
  organisationName: string;
  stage: string;
  history: Record<string, string>;
  figures: Figures;
}

describe('the figures of an incubated organisation', () => {
  it('count its members, registry, certified staff, contracts won and the rules they break — numbers only', async () => {
    const figures = await json<Figures>(
      await world.request('GET', `/v1/incubation/incubations/${organisationId}/figures`, { as: operator() }),
    );
    expect(figures).toMatchObject({
      organisationId,
      stage: 'incubating',
      monthsInIncubation: 9,
      followsCurrentFigures: true,
      current: {
        members: 2,
        registryStaff: 2,
        certifiedStaff: 1,
        contractsWon: { count: 2, value: SIGNED_CONTRACT_EXAMPLE.terms.value + CONTRACT_EXAMPLE.terms.value },
        ruleBreach: { breaks: true, contracts: 1, ruleIds: ['P-W3'] },
      },
    });
    // The approved contract pays its frontline posts ¥1,000 a month: below the P-W3 pay floor (an
    // error of its costing, which does not stop submission); the signed one breaks nothing.
    expect(figures.current?.ruleBreach.ruleIds).toEqual(['P-W3']);
    const text = JSON.stringify(figures);
    for (const secret of ['社工1', 'GKMZ', '4506021990']) expect(text).not.toContain(secret);
  });

  it('the organisation reads exactly what the base sees, with its stage and dates and no notes', async () => {
    const base = await json<Figures>(
      await world.request('GET', `/v1/incubation/incubations/${organisationId}/figures`, { as: operator() }),
    );
    const own = await json<{
      incubated: boolean;
      incubatorName: string;
      stage: string;
      history: Record<string, string>;
      figures: Figures;
    }>(await world.request('GET', '/v1/organisation/incubation', { as: member }));
    expect(own.figures).toEqual(base);
    expect(own).toMatchObject({
      incubated: true,
      incubatorName: world.tenant('incubatorA').name,
      stage: 'incubating',
      history: { admittedOn: '2026-03-01', endDate: '2027-02-28' },
    });
  });

  it('an organisation no base admitted is told so; another base’s organisation answers 404', async () => {
    expect(
      await json<unknown>(await world.request('GET', '/v1/organisation/incubation', { as: world.user('orgA') })),
    ).toEqual({ incubated: false });
    const page = await world.page('GET', '/org/incubation', { as: world.user('orgA') });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('没有孵化档案');
    const foreign = await world.request('GET', `/v1/incubation/incubations/${organisationId}/figures`, {
      as: world.user('incubatorB', 'operator'),
    });
    expect(foreign.status).toBe(404);
  });

  it('after the organisation leaves, the base keeps the record but gets no current figures', async () => {
    const record = await admitted('2026-01-15');
    const left = await world.request('POST', `/v1/incubation/incubations/${record.id}/transitions`, {
      as: operator(),
      headers: { 'If-Match': `"${record.version}"` },
      json: { move: 'leave', on: '2026-06-20', reason: '迁往外地' },
    });
    expect(left.status).toBe(200);
    const figures = await json<Figures>(
      await world.request('GET', `/v1/incubation/incubations/${record.id}/figures`, { as: operator() }),
    );
    expect(figures).toMatchObject({ followsCurrentFigures: false, monthsInIncubation: 5 });
    expect(figures.closed).toMatchObject({ stage: 'left', on: '2026-06-20' });
    expect(figures.current).toBeUndefined();
  });
});

describe('the register', () => {
  it('lists every record with its figures, by stage, sorted, paged; and exports the same as xlsx', async () => {
    const all = await json<{ items: Row[] }>(
      await world.request('GET', '/v1/incubation/register?sort=months&order=desc&limit=100', { as: operator() }),
    );
    const months = all.items.map((r) => r.figures.monthsInIncubation);
    expect(months).toEqual([...months].sort((a, b) => b - a));
    const first = await json<{ items: Row[]; cursor?: string }>(
      await world.request('GET', '/v1/incubation/register?limit=1', { as: operator() }),
    );
    expect(first.items).toHaveLength(1);
    const next = await json<{ items: Row[] }>(
      await world.request('GET', `/v1/incubation/register?limit=100&cursor=${first.cursor}`, { as: operator() }),
    );
    expect([...first.items, ...next.items].map((r) => r.organisationId).sort()).toEqual(
      all.items.map((r) => r.organisationId).sort(),
    );
    const incubating = await json<{ items: Row[] }>(
      await world.request('GET', '/v1/incubation/register?stage=incubating', { as: operator() }),
    );
    expect(incubating.items.map((r) => [r.organisationId, r.stage])).toEqual([[organisationId, 'incubating']]);
    const left = all.items.find((r) => r.stage === 'left');
    expect(left?.history).toMatchObject({ admittedOn: '2026-01-15', leftOn: '2026-06-20' });

    const file = await world.request('GET', '/v1/incubation/register.xlsx?lang=zh-CN', { as: operator() });
    expect(file.status).toBe(200);
    const cells = await workbookCells(Buffer.from(await file.arrayBuffer()));
    const text = JSON.stringify(cells);
    expect(text).toContain('在孵机构台账');
    expect(text).toContain('入驻日期');
    expect(text).toContain('退驻日期');
    expect(text).toContain('2026-06-20');
  });
});

interface Listing {
  tenantId: string;
  byStage: Record<string, number>;
}
async function countsOfA(): Promise<Record<string, number>> {
  const page = await json<{ items: Listing[] }>(
    await world.request('GET', '/v1/jurisdiction/bases?limit=100', { as: world.user('bureauA', 'auditor') }),
  );
  const listing = page.items.find((b) => b.tenantId === base().id);
  if (!listing) throw new Error('incubator A is not listed');
  return listing.byStage;
}

describe('the bureau’s per-stage counts', () => {
  it('move with admission and transitions, and stay right when transitions race', async () => {
    const before = await countsOfA();
    const records = await Promise.all([admitted('2026-02-01'), admitted('2026-02-02'), admitted('2026-02-03')]);
    expect((await countsOfA()).incubating).toBe(before.incubating! + 3);
    const moves = await Promise.all(
      records.map((r) =>
        world.request('POST', `/v1/incubation/incubations/${r.id}/transitions`, {
          as: operator(),
          headers: { 'If-Match': `"${r.version}"` },
          json: { move: 'midterm_review', on: '2026-08-01' },
        }),
      ),
    );
    expect(moves.map((m) => m.status)).toEqual([200, 200, 200]);
    // The same record moved twice at once from one version: one wins, the other is stale.
    const [record] = records;
    const race = await Promise.all(
      [
        { move: 'leave', on: '2026-09-01', reason: '停止运营' },
        { move: 'extend', on: '2026-09-01', newEndDate: '2027-12-31', reason: '延期' },
      ].map((json) =>
        world.request('POST', `/v1/incubation/incubations/${record!.id}/transitions`, {
          as: operator(),
          headers: { 'If-Match': `"${record!.version + 1}"` },
          json,
        }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 412]);
    const after = await countsOfA();
    const moved = race.some((r) => r.status === 200) ? 1 : 0;
    expect(after.incubating).toBe(before.incubating);
    expect(after.midterm_reviewed).toBe(before.midterm_reviewed! + 3 - moved);
    expect(after.left! + after.extended!).toBe(before.left! + before.extended! + moved);
    // And they are what the records say, stage by stage.
    const register = await json<{ items: Row[] }>(
      await world.request('GET', '/v1/incubation/register?limit=100', { as: operator() }),
    );
    for (const stage of Object.keys(after))
      expect(after[stage], stage).toBe(register.items.filter((r) => r.stage === stage).length);
  });

  it('records written before the counts get them from the backfill, and a second run changes nothing', async () => {
    const counted = await countsOfA();
    await world.store.client.send(
      new UpdateCommand({
        TableName: world.store.tableName,
        Key: keys.baseListing(base().id),
        UpdateExpression: 'REMOVE stageCount_incubating, stageCount_left',
      }),
    );
    expect((await countsOfA()).incubating).toBe(0);
    await backfillBaseStageCounts(world.store);
    expect(await countsOfA()).toEqual(counted);
    await backfillBaseStageCounts(world.store);
    expect(await countsOfA()).toEqual(counted);
  });
});

describe('what the figures cost', () => {
  it('one organisation’s figures are a few Queries of its own partition and one read per breaking contract, never a Scan', async () => {
    // Every client's commands: the base's own, its crossing into the organisation (when the
    // data-access policy is evaluated, as it is unless SHEGONG_EVALUATE_DATA_POLICY=0) and the function's.
    const { result: response, commands: sent } = await world.storeCommandsDuring('incubatorA', () =>
      world.request('GET', `/v1/incubation/incubations/${organisationId}/figures`, { as: operator() }),
    );
    expect(response.status).toBe(200);
    expect(sent.filter((c) => c.includes('Scan'))).toEqual([]);
    // The record (GetItem); users, people and contract heads (a Query each, one page here); the
    // current version of the one won contract that breaks a rule (GetItem).
    expect(sent.filter((c) => c === 'QueryCommand')).toHaveLength(3);
    expect(sent.filter((c) => c === 'GetCommand').length).toBeLessThanOrEqual(4);
  });
});
