import { gunzipSync, gzipSync } from 'node:zlib';
import { type ContractDraft, chinaToday, DONGXING_2026, FANGCHENGGANG_2023 } from '@shegong/domain';
import { AMENDMENT_EXAMPLE, CONTRACT_EXAMPLE, SIGNED_CONTRACT_EXAMPLE } from '@shegong/http';
import { GetCommand, keys } from '@shegong/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * Purchase contracts through the API, on DynamoDB Local. The purchaser 港口区 (450602) falls under
 * Fangchenggang's 2023 rule set (published by bureau A for 450600): pay floors ¥3,200 assistant /
 * ¥3,800 social worker / ¥4,600 senior; SI 16 % + 6.8 % + 0.5 % + 0.4 % = 23.7 % on a base of
 * ¥3,800 … ¥20,000; housing fund 5 % on ¥1,810 … ¥25,000; personnel ≥ 70 %, management ≤ 10 %, tax 3 %.
 *
 * CONTRACT_EXAMPLE (worked in packages/http/src/contracts/examples.ts): V = ¥280,000, labour cost
 * L = ¥192,236.40, price floor ¥266,557.75, no findings.
 */

const world = await World.create('contracts');
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const writer = () => world.user('orgA', 'project_manager');
const finance = () => world.user('orgA', 'finance');
/** A reader who does not write: hr (staff do not see contracts, whose costing shows pay). */
const reader = () => world.user('orgA', 'hr');
const staff = () => world.user('orgA', 'staff');
const foreigner = () => world.user('orgB');

interface Finding {
  kind: string;
  severity: string;
  ruleId: string;
  path: string;
  message: string;
  amounts?: Record<string, number | string>;
}
interface Version {
  contractId: string;
  number: number;
  draft: ContractDraft;
  costedPosts: { certLevel: string; monthlyPay?: number; personName?: string }[];
  ruleSet: { id: string; region: string };
  rules: { payFloor: Record<string, number> };
  assessment: {
    termMonths: number;
    costing: { labourCost: number; posts: { monthly: number; cost: number; pay: number }[] };
    priceFloor: { feasible: boolean; value?: number; ruleId: string };
    findings: Finding[];
  };
  amendment?: { reason: string; effectiveDate: string; changes: { path: string; before?: unknown; after?: unknown }[] };
}
interface Contract {
  id: string;
  status: string;
  number: string;
  version: number;
  currentVersion: number;
  labourCost: number;
  priceFloor?: number;
  findingCounts: { errors: number; warnings: number };
  findingRuleIds: string[];
  history: { from?: string; to: string; date: string }[];
}
interface Saved {
  contract: Contract;
  version: Version;
}
interface Problem {
  status: number;
  detail?: string;
  errors?: { path: string; message: string; ruleId?: string; kind?: string; amounts?: Record<string, unknown> }[];
}

let serial = 0;
/** The example under a number of its own (numbers are unique in an organisation), changed by `edit`. */
function draftOf(edit: (draft: ContractDraft) => void = () => {}): ContractDraft {
  const draft = structuredClone(CONTRACT_EXAMPLE);
  draft.terms.number = `TEST-${++serial}-${Date.now()}`;
  edit(draft);
  return draft;
}

async function create(draft: ContractDraft = draftOf(), as = writer()): Promise<Saved> {
  const response = await world.request('POST', '/v1/contracts', { as, json: draft });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Saved;
}

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

async function move(id: string, to: string, version: number, date?: string): Promise<Response> {
  return world.request('POST', `/v1/contracts/${id}/transitions`, {
    as: writer(),
    json: { to, ...(date ? { date } : {}) },
    headers: ifMatch(version),
  });
}

/** A contract moved to `signed` through the API; returns its head. */
async function signed(draft: ContractDraft = draftOf()): Promise<Contract> {
  const { contract } = await create(draft);
  let version = contract.version;
  let last: Contract = contract;
  for (const to of ['submitted', 'signed']) {
    const response = await move(contract.id, to, version, '2025-12-20');
    expect(response.status).toBe(200);
    last = (await response.json()) as Contract;
    version = last.version;
    // Review before signing: the bureau approves the submitted contract first.
    if (to === 'submitted') version = (await world.approve(world.tenant('orgA'), contract.id, version)).version;
  }
  return last;
}

describe('creating, reading and editing a draft', () => {
  it('stores a draft with its costing, answers 201 with ETag and Location, and reads it back', async () => {
    const draft = draftOf();
    const response = await world.request('POST', '/v1/contracts', { as: writer(), json: draft });
    expect(response.status).toBe(201);
    const saved = (await response.json()) as Saved;
    expect(response.headers.get('ETag')).toBe('"1"');
    expect(response.headers.get('Location')).toBe(`/v1/contracts/${saved.contract.id}`);
    expect(saved.contract).toMatchObject({ status: 'draft', number: draft.terms.number, currentVersion: 1 });
    // L = 69,498.00 + 2 × 53,647.20 + 15,444.00 = 192,236.40; the floor with these fixed lines 266,557.75.
    expect(saved.contract.labourCost).toBe(19_223_640);
    expect(saved.contract.priceFloor).toBe(26_655_775);
    expect(saved.contract.findingCounts).toEqual({ errors: 0, warnings: 0 });
    expect(saved.version.ruleSet).toMatchObject({ id: world.ruleSetIds.bureauA, region: '450600' });
    expect(saved.version.assessment.termMonths).toBe(12);
    // Project lead ¥4,500: SI 4500 × 23.7 % = 1,066.50, HF 225.00 → M = 5,791.50 a month, × 12.
    expect(saved.version.assessment.costing.posts[0]).toMatchObject({ monthly: 5_791_50, cost: 69_498_00 });
    expect(saved.version.assessment.priceFloor).toMatchObject({ feasible: true, value: 26_655_775, ruleId: 'P-W2' });

    const read = await world.request('GET', `/v1/contracts/${saved.contract.id}`, { as: reader() });
    expect(read.status).toBe(200);
    expect(read.headers.get('ETag')).toBe('"1"');
    expect(await read.json()).toEqual(saved);
  });

  it('replaces a draft in place under If-Match: version 1 recosted, the head at version 2', async () => {
    const { contract } = await create();
    const draft = draftOf((d) => {
      d.plan.posts[1]!.monthlyPay = 3_600_00;
      d.plan.posts[2]!.monthlyPay = 3_600_00;
    });
    const response = await world.request('PUT', `/v1/contracts/${contract.id}`, {
      as: finance(),
      json: draft,
      headers: ifMatch(1),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toBe('"2"');
    const saved = (await response.json()) as Saved;
    // Each frontline post's M grows by 200.00 + 10.00 housing fund (SI stays on the ¥3,800 floor):
    // L = 192,236.40 + 2 × 12 × 210.00 = 197,276.40.
    expect(saved.contract.labourCost).toBe(19_727_640);
    expect(saved.contract).toMatchObject({ version: 2, currentVersion: 1, number: draft.terms.number });
    const versions = await world.request('GET', `/v1/contracts/${contract.id}/versions`, { as: reader() });
    const page = (await versions.json()) as { items: Version[] };
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.draft.plan.posts[1]!.monthlyPay).toBe(3_600_00);
  });

  it('audits each change in the same transaction', async () => {
    const { contract } = await create();
    await move(contract.id, 'submitted', 1);
    const events = (await world.table.auditEvents(world.tenant('orgA').id)).filter((e) => e.entityId === contract.id);
    expect(events.map((e) => [e.action, e.version])).toEqual([
      ['contract.create', 1],
      ['contract.submitted', 2],
    ]);
  });

  it('keeps the head’s bureau projection (GSI scope) on the purchaser’s city and region through an edit', async () => {
    const { contract } = await create();
    const orgA = world.tenant('orgA').id;
    const head = async () =>
      (
        await world.table.documents.send(
          new GetCommand({ TableName: world.table.tableName, Key: { pk: `T#${orgA}`, sk: `CONTRACT#${contract.id}` } }),
        )
      ).Item;
    expect(await head()).toMatchObject({ gsi1pk: 'R#450600#CONTRACT', gsi1sk: `450602#${orgA}#${contract.id}` });
    // 东兴市 (450681) is a county of the same city, with its own rule set from 2026-01-01.
    const moved = await world.request('PUT', `/v1/contracts/${contract.id}`, {
      as: writer(),
      json: draftOf((d) => {
        d.terms.number = contract.number;
        d.terms.purchaser = { name: '东兴市民政局', region: '450681' };
      }),
      headers: ifMatch(1),
    });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as Saved).version.ruleSet.region).toBe('450681');
    expect(await head()).toMatchObject({ gsi1pk: 'R#450600#CONTRACT', gsi1sk: `450681#${orgA}#${contract.id}` });
  });

  it('records a create once per Idempotency-Key', async () => {
    const draft = draftOf();
    const headers = { 'Idempotency-Key': `contracts-${draft.terms.number}` };
    const first = await world.request('POST', '/v1/contracts', { as: writer(), json: draft, headers });
    const again = await world.request('POST', '/v1/contracts', { as: writer(), json: draft, headers });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(((await again.json()) as Saved).contract.id).toBe(((await first.json()) as Saved).contract.id);
  });

  it('keeps both of two edits from the same version from landing: one 200, one 412, and the winner is what is stored', async () => {
    const { contract } = await create();
    const base = draftOf();
    const edits = ['甲方修订', '乙方修订'].map((title) => ({ ...base, terms: { ...base.terms, title } }));
    const responses = await Promise.all(
      edits.map((json, i) =>
        world.request('PUT', `/v1/contracts/${contract.id}`, {
          as: i === 0 ? writer() : finance(),
          json,
          headers: ifMatch(1),
        }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = edits[responses.findIndex((r) => r.status === 200)]!;
    const stored = (await (
      await world.request('GET', `/v1/contracts/${contract.id}`, { as: reader() })
    ).json()) as Saved;
    expect(stored.version.draft.terms.title).toBe(winner.terms.title);
    expect(stored.contract.version).toBe(2);
  });

  it('answers 428 without If-Match and 412 with a stale one, writing nothing', async () => {
    const { contract } = await create();
    const before = await world.table.snapshot();
    const missing = await world.request('PUT', `/v1/contracts/${contract.id}`, { as: writer(), json: draftOf() });
    const stale = await world.request('PUT', `/v1/contracts/${contract.id}`, {
      as: writer(),
      json: draftOf(),
      headers: ifMatch(7),
    });
    expect([missing.status, stale.status]).toEqual([428, 412]);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('lists the organisation’s contracts newest first, and one status with ?status', async () => {
    const first = await create();
    const second = await signed();
    const all = (await (await world.request('GET', '/v1/contracts?limit=100', { as: reader() })).json()) as {
      items: Contract[];
    };
    const ids = all.items.map((c) => c.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.contract.id));
    const onlySigned = (await (
      await world.request('GET', '/v1/contracts?status=signed&limit=100', { as: reader() })
    ).json()) as { items: Contract[] };
    expect(onlySigned.items.map((c) => c.id)).toContain(second.id);
    expect(onlySigned.items.every((c) => c.status === 'signed')).toBe(true);
  });
});

describe('a signed contract', () => {
  it('refuses an edit with 409, takes an amendment as version 2, and keeps version 1 as it was costed', async () => {
    // The amendment example's contract, under a number of its own (the world holds the example's).
    const number = draftOf().terms.number;
    const original = { ...SIGNED_CONTRACT_EXAMPLE, terms: { ...SIGNED_CONTRACT_EXAMPLE.terms, number } };
    const amendment = { ...AMENDMENT_EXAMPLE, draft: { ...AMENDMENT_EXAMPLE.draft, terms: original.terms } };
    const contract = await signed(original);
    const put = await world.request('PUT', `/v1/contracts/${contract.id}`, {
      as: writer(),
      json: original,
      headers: ifMatch(contract.version),
    });
    expect(put.status).toBe(409);
    expect(((await put.json()) as Problem).detail).toMatch(/amend/);

    const amended = await world.request('POST', `/v1/contracts/${contract.id}/amendments`, {
      as: writer(),
      json: amendment,
      headers: ifMatch(contract.version),
    });
    expect(amended.status).toBe(201);
    expect(amended.headers.get('Location')).toBe(`/v1/contracts/${contract.id}/versions/2`);
    const saved = (await amended.json()) as Saved;
    expect(saved.contract).toMatchObject({ currentVersion: 2, status: 'signed', version: contract.version + 1 });
    // From July the frontline posts pay ¥3,600 for 6 of the 12 months: L = 192,236.40 + 2 × 6 × 210.00.
    expect(saved.version.assessment.costing.labourCost).toBe(19_475_640);
    expect(saved.version.amendment).toMatchObject({ reason: AMENDMENT_EXAMPLE.reason, effectiveDate: '2026-07-01' });
    expect(saved.version.amendment!.changes).toContainEqual({ path: '/plan/posts/1/months', before: 12, after: 6 });
    expect(saved.version.amendment!.changes).toContainEqual({
      path: '/plan/posts/2/monthlyPay',
      before: 3_400_00,
      after: 3_600_00,
    });
    expect(saved.version.amendment!.changes).toContainEqual({ path: '/plan/posts/5/role', after: 'supervisor' });
    expect(saved.version.amendment!.changes.some((c) => c.path.startsWith('/terms'))).toBe(false);

    const one = (await (
      await world.request('GET', `/v1/contracts/${contract.id}/versions/1`, { as: reader() })
    ).json()) as Version;
    const two = (await (
      await world.request('GET', `/v1/contracts/${contract.id}/versions/2`, { as: reader() })
    ).json()) as Version;
    expect(one.assessment.costing.labourCost).toBe(19_223_640);
    expect(one.amendment).toBeUndefined();
    expect(two.assessment.costing.labourCost).toBe(19_475_640);
    const list = (await (
      await world.request('GET', `/v1/contracts/${contract.id}/versions`, { as: reader() })
    ).json()) as { items: Version[] };
    expect(list.items.map((v) => v.number)).toEqual([1, 2]);
  });

  it('keeps a version’s costing when the bureau publishes new rules later', async () => {
    // 防城区 (450603) has no rule set of its own yet: the city's applies when the contract is saved.
    const contract = await signed(draftOf((d) => (d.terms.purchaser.region = '450603')));
    const bureau = world.tenant('bureauA');
    await world.store.tenant({ tenantId: bureau.id, userId: bureau.users[0]!.id }).ruleSets.publishNow({
      ...DONGXING_2026,
      region: '450603',
      effectiveFrom: '2025-01-01',
      title: '防城区（测试）',
    });
    const stored = (await (
      await world.request('GET', `/v1/contracts/${contract.id}`, { as: reader() })
    ).json()) as Saved;
    expect(stored.version.ruleSet.id).toBe(world.ruleSetIds.bureauA);
    expect(stored.version.rules.payFloor.assistant).toBe(FANGCHENGGANG_2023.parameters.payFloor.assistant);
    expect(stored.contract.labourCost).toBe(19_223_640);
    // A preview now uses the county's rules (assistant floor ¥3,500): the ¥3,400 posts fall below it.
    const preview = await world.request('POST', '/v1/contracts/preview', {
      as: writer(),
      json: draftOf((d) => (d.terms.purchaser.region = '450603')),
    });
    const body = (await preview.json()) as { ruleSet: { region: string }; assessment: Version['assessment'] };
    expect(body.ruleSet.region).toBe('450603');
    expect(body.assessment.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'P-W3', path: '/plan/posts/1/monthlyPay' }),
    );
  });

  it('takes one of two amendments from the same version (201, 412), and refuses a number in use at /draft/terms/number', async () => {
    const contract = await signed();
    const base = draftOf((d) => (d.terms.number = contract.number));
    const amendments = [3_500_00, 3_700_00].map((pay) => {
      const draft = structuredClone(base);
      draft.plan.posts[1]!.monthlyPay = pay;
      return { ...AMENDMENT_EXAMPLE, draft };
    });
    const responses = await Promise.all(
      amendments.map((json) =>
        world.request('POST', `/v1/contracts/${contract.id}/amendments`, {
          as: writer(),
          json,
          headers: ifMatch(contract.version),
        }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 412]);
    const winner = amendments[responses.findIndex((r) => r.status === 201)]!;
    const head = (await (await world.request('GET', `/v1/contracts/${contract.id}`, { as: reader() })).json()) as Saved;
    expect(head.contract.currentVersion).toBe(2);
    expect(head.version.draft.plan.posts[1]!.monthlyPay).toBe(winner.draft.plan.posts[1]!.monthlyPay);

    const other = await create();
    const before = await world.table.snapshot();
    const taken = await world.request('POST', `/v1/contracts/${contract.id}/amendments`, {
      as: writer(),
      json: { ...AMENDMENT_EXAMPLE, draft: { ...base, terms: { ...base.terms, number: other.contract.number } } },
      headers: ifMatch(head.contract.version),
    });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as Problem).errors).toEqual([
      expect.objectContaining({ path: '/draft/terms/number' }),
    ]);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('refuses an amendment of a draft with 409, and one taking effect outside the term with 422', async () => {
    const { contract } = await create();
    const ofDraft = await world.request('POST', `/v1/contracts/${contract.id}/amendments`, {
      as: writer(),
      json: { ...AMENDMENT_EXAMPLE, draft: draftOf() },
      headers: ifMatch(1),
    });
    expect(ofDraft.status).toBe(409);
    const other = await signed();
    const outside = await world.request('POST', `/v1/contracts/${other.id}/amendments`, {
      as: writer(),
      json: {
        ...AMENDMENT_EXAMPLE,
        effectiveDate: '2027-03-01',
        draft: draftOf((d) => (d.terms.number = other.number)),
      },
      headers: ifMatch(other.version),
    });
    expect(outside.status).toBe(422);
    expect(((await outside.json()) as Problem).errors?.[0]?.path).toBe('/effectiveDate');
  });
});

describe('status changes', () => {
  it('go draft → submitted → draft → submitted → (approved) → signed → running → closed, each recorded with its date', async () => {
    const { contract } = await create();
    let version = contract.version;
    for (const [to, date] of [
      ['submitted', '2025-12-01'],
      ['draft', undefined],
      ['submitted', '2025-12-05'],
      ['signed', '2025-12-20'],
      ['running', '2026-01-01'],
      ['closed', '2026-12-31'],
    ] as const) {
      const response = await move(contract.id, to, version, date);
      expect(response.status, `${to}: ${await response.clone().text()}`).toBe(200);
      const head = (await response.json()) as Contract;
      expect(head.status).toBe(to);
      expect(response.headers.get('ETag')).toBe(`"${head.version}"`);
      version = head.version;
      if (to === 'submitted' && date === '2025-12-05')
        version = (await world.approve(world.tenant('orgA'), contract.id, version)).version;
    }
    const head = (await (await world.request('GET', `/v1/contracts/${contract.id}`, { as: reader() })).json()) as Saved;
    expect(head.contract.history.map((h) => [h.from, h.to, h.date])).toEqual([
      [undefined, 'draft', expect.any(String)],
      ['draft', 'submitted', '2025-12-01'],
      // Without a date: today, China time.
      ['submitted', 'draft', chinaToday()],
      ['draft', 'submitted', '2025-12-05'],
      ['submitted', 'approved', expect.any(String)],
      ['approved', 'signed', '2025-12-20'],
      ['signed', 'running', '2026-01-01'],
      ['running', 'closed', '2026-12-31'],
    ]);
    const after = await move(contract.id, 'running', version);
    expect(after.status).toBe(409);
    expect(((await after.json()) as Problem).detail).toMatch(/cannot change status any more/);
  });

  it('refuses a move the status does not allow with 409 naming the allowed ones, writing nothing', async () => {
    const { contract } = await create();
    const before = await world.table.snapshot();
    const response = await move(contract.id, 'signed', 1);
    expect(response.status).toBe(409);
    const problem = (await response.json()) as Problem;
    expect(problem.detail).toMatch(/only to submitted/);
    expect(problem.errors).toEqual([{ path: '/to', message: 'must be one of: submitted' }]);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('refuses a submission while the milestones do not add up to the value (N-3), but saves the draft', async () => {
    // Milestones 84,000 + 112,000 + 80,000 = 276,000.00, ¥4,000 short of the value.
    const { contract, version } = await create(draftOf((d) => (d.terms.milestones[2]!.amount = 80_000_00)));
    expect(version.assessment.findings).toContainEqual(
      expect.objectContaining({
        kind: 'milestonesUnbalanced',
        ruleId: 'N-3',
        path: '/terms/milestones',
        amounts: expect.objectContaining({ difference: -4_000_00 }),
      }),
    );
    expect(contract.findingRuleIds).toEqual(['N-3']);
    const response = await move(contract.id, 'submitted', 1);
    expect(response.status).toBe(422);
    const problem = (await response.json()) as Problem;
    expect(problem.errors).toEqual([
      expect.objectContaining({
        path: '/terms/milestones',
        ruleId: 'N-3',
        kind: 'milestonesUnbalanced',
        amounts: expect.objectContaining({ milestonesTotal: 276_000_00 }),
      }),
    ]);
  });

  it('lets costing findings through: a value below the price floor is flagged, saved and submitted', async () => {
    // V = ¥260,000 with the same fixed lines: tax 7,800.00, management 8 % = 20,800.00, personnel 186,400.00 < L.
    const { contract, version } = await create(
      draftOf((d) => {
        d.terms.value = 260_000_00;
        d.terms.milestones = [{ name: '全款', dueDate: '2026-12-31', amount: 260_000_00 }];
        d.plan.lines = { ...d.plan.lines, personnel: 186_400_00, management: 20_800_00, tax: 7_800_00 };
      }),
    );
    const rules = version.assessment.findings.map((f) => [f.ruleId, f.path, f.kind]);
    expect(rules).toContainEqual(['P-W2', '/terms/value', 'belowPriceFloor']);
    expect(rules).toContainEqual(['P-W2', '/plan/lines/personnel', 'personnelBelowLabourCost']);
    // The floor itself does not move with V: management share 8 % both ways.
    expect(contract.priceFloor).toBe(26_655_775);
    expect((await move(contract.id, 'submitted', 1)).status).toBe(200);
  });
});

describe('what the rules refuse', () => {
  it('refuses a term of 13 months without the stable mark (N-1) and one of 37 months even with it, writing nothing', async () => {
    const before = await world.table.snapshot();
    const thirteen = await world.request('POST', '/v1/contracts', {
      as: writer(),
      json: draftOf((d) => (d.terms.endDate = '2027-01-31')),
    });
    expect(thirteen.status).toBe(422);
    expect(((await thirteen.json()) as Problem).errors).toEqual([
      expect.objectContaining({
        path: '/terms/stableRecurring',
        ruleId: 'N-1',
        kind: 'termNeedsStableMark',
        amounts: expect.objectContaining({ months: 13 }),
      }),
    ]);
    const thirtySeven = await world.request('POST', '/v1/contracts', {
      as: writer(),
      json: draftOf((d) => {
        d.terms.endDate = '2029-01-31';
        d.terms.stableRecurring = true;
      }),
    });
    expect(thirtySeven.status).toBe(422);
    expect(((await thirtySeven.json()) as Problem).errors?.[0]).toMatchObject({
      path: '/terms/endDate',
      ruleId: 'N-1',
    });
    expect(await world.table.snapshot()).toBe(before);
    // With the mark, 13 months is allowed.
    await create(
      draftOf((d) => {
        d.terms.endDate = '2027-01-31';
        d.terms.stableRecurring = true;
      }),
    );
  });

  it('refuses a start date with no rule set in force (422 at /terms/startDate)', async () => {
    // Every rule set in the world takes effect on 2023-01-01.
    const response = await world.request('POST', '/v1/contracts', {
      as: writer(),
      json: draftOf((d) => {
        d.terms.startDate = '2022-01-01';
        d.terms.endDate = '2022-12-31';
        d.terms.milestones = [{ name: '全款', dueDate: '2022-12-31', amount: d.terms.value }];
      }),
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as Problem).errors).toEqual([
      expect.objectContaining({ path: '/terms/startDate' }),
    ]);
  });

  it('names each bad field (400) and writes nothing', async () => {
    const before = await world.table.snapshot();
    const response = await world.request('POST', '/v1/contracts', {
      as: writer(),
      json: draftOf((d) => {
        d.terms.value = -1;
        d.plan.posts[0]!.ftePercent = 0;
        d.plan.posts[1]!.months = 13;
        d.plan.lines.activities = 29_000_00;
      }),
    });
    expect(response.status).toBe(400);
    const paths = ((await response.json()) as Problem).errors?.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/terms/value', '/plan/posts/0/ftePercent']));
    expect(await world.table.snapshot()).toBe(before);
    // The checks across terms and plan (a post longer than the term, a line ≠ its items) are named too.
    const across = await world.request('POST', '/v1/contracts', {
      as: writer(),
      json: draftOf((d) => {
        d.plan.posts[1]!.months = 13;
        d.plan.lines.activities = 29_000_00;
      }),
    });
    expect(across.status).toBe(400);
    expect(((await across.json()) as Problem).errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['/plan/posts/1/months', '/plan/lines/activities']),
    );
  });

  it('refuses a contract number the organisation already uses (409 at /terms/number); an edit moves the number', async () => {
    const { contract } = await create();
    const taken = await world.request('POST', '/v1/contracts', {
      as: writer(),
      json: draftOf((d) => (d.terms.number = contract.number)),
    });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as Problem).errors).toEqual([expect.objectContaining({ path: '/terms/number' })]);
    // Another organisation may use the same number.
    await create(
      draftOf((d) => (d.terms.number = contract.number)),
      foreigner(),
    );
    // Renumbering the draft frees its old number.
    const renumbered = draftOf();
    const put = await world.request('PUT', `/v1/contracts/${contract.id}`, {
      as: writer(),
      json: renumbered,
      headers: ifMatch(1),
    });
    expect(put.status).toBe(200);
    await create(draftOf((d) => (d.terms.number = contract.number)));
    const back = await world.request('PUT', `/v1/contracts/${contract.id}`, {
      as: writer(),
      json: { ...renumbered, terms: { ...renumbered.terms, number: contract.number } },
      headers: ifMatch(2),
    });
    expect(back.status).toBe(409);
  });
});

describe('named persons', () => {
  it('cost a post with the person’s pay and highest certificate on the start date', async () => {
    // The world's first person of orgA: ¥3,600 a month, assistant certificate since 2022-06-19.
    const person = world.tenant('orgA').people[0]!;
    const { version } = await create(
      draftOf((d) => {
        d.plan.posts[1] = {
          title: '一线社工',
          role: 'frontline',
          certLevel: 'none',
          ftePercent: 100,
          months: 12,
          personId: person,
        };
      }),
    );
    expect(version.costedPosts[1]).toMatchObject({
      certLevel: 'assistant',
      monthlyPay: 3_600_00,
      personName: 'orgA 社工1',
    });
    // ¥3,600: SI on the ¥3,800 floor 900.60, HF 180.00 → M = 4,680.60; × 12 = 56,167.20.
    expect(version.assessment.costing.posts[1]).toMatchObject({ pay: 3_600_00, monthly: 4_680_60, cost: 56_167_20 });
    // The draft keeps what was entered.
    expect(version.draft.plan.posts[1]).toMatchObject({ certLevel: 'none', personId: person });
  });

  it('refuses a person not in the organisation’s registry (422 at the post’s personId)', async () => {
    const theirs = world.tenant('orgB').people[0]!;
    const response = await world.request('POST', '/v1/contracts', {
      as: writer(),
      json: draftOf((d) => (d.plan.posts[2]!.personId = theirs)),
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as Problem).errors).toEqual([
      expect.objectContaining({ path: '/plan/posts/2/personId' }),
    ]);
  });
});

describe('the preview', () => {
  it('costs a draft and writes nothing', async () => {
    const before = await world.table.snapshot();
    const response = await world.request('POST', '/v1/contracts/preview', {
      as: writer(),
      json: draftOf((d) => (d.plan.posts[1]!.monthlyPay = 3_000_00)),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ruleSet: { id: string }; assessment: Version['assessment'] };
    expect(body.ruleSet.id).toBe(world.ruleSetIds.bureauA);
    // ¥3,000 is ¥200 under the assistant floor of ¥3,200.
    expect(body.assessment.findings).toEqual([
      expect.objectContaining({
        kind: 'payBelowFloor',
        ruleId: 'P-W3',
        path: '/plan/posts/1/monthlyPay',
        amounts: expect.objectContaining({ shortfall: 200_00 }),
      }),
    ]);
    expect(await world.table.snapshot()).toBe(before);
  });
});

describe('a version saved before findings had a kind', () => {
  it('reads its old findings as today’s, in the assessment and in its costing', async () => {
    const { contract } = await create(draftOf((d) => (d.plan.posts[1]!.monthlyPay = 3_000_00)));
    const key = keys.contractVersion(world.tenant('orgA').id, contract.id, 1);
    const stored = (await world.table.documents.send(new GetCommand({ TableName: world.table.tableName, Key: key })))
      .Item as { body: Uint8Array };
    const body = JSON.parse(gunzipSync(stored.body).toString('utf8'));
    // The shape the code wrote before: the check among the amounts, the shortfall per month so named.
    const old = (path: string) => ({
      severity: 'error',
      ruleId: 'P-W3',
      path,
      message: 'Post 2 pays 300000 fen a month, 20000 fen below the assistant floor of 320000 fen.',
      amounts: { check: 'payBelowFloor', pay: 3_000_00, floor: 3_200_00, shortfallPerMonth: 200_00 },
    });
    body.assessment.findings = [old('/plan/posts/1/monthlyPay')];
    body.assessment.costing.findings = [old('/posts/1/monthlyPay')];
    await world.table.set(key, { body: gzipSync(JSON.stringify(body)) });

    const response = await world.request('GET', `/v1/contracts/${contract.id}/versions/1`, { as: reader() });
    expect(response.status).toBe(200);
    const version = (await response.json()) as Version & {
      assessment: { costing: { findings: Finding[] } };
    };
    const upgraded = (path: string) => ({
      kind: 'payBelowFloor',
      severity: 'error',
      ruleId: 'P-W3',
      path,
      message: 'Pay of ¥3,000.00 a month is below the guideline of ¥3,200.00: ¥200.00 short each month.',
      amounts: { pay: 3_000_00, floor: 3_200_00, shortfall: 200_00, certLevel: 'assistant' },
    });
    expect(version.assessment.findings).toEqual([upgraded('/plan/posts/1/monthlyPay')]);
    expect(version.assessment.costing.findings).toEqual([upgraded('/posts/1/monthlyPay')]);
  });
});

describe('another organisation', () => {
  it('gets 404 from every route naming organisation A’s contract, and changes nothing', async () => {
    const ofA = await signed();
    const before = await world.table.snapshot();
    const calls: [string, string, unknown?][] = [
      ['GET', `/v1/contracts/${ofA.id}`],
      ['PUT', `/v1/contracts/${ofA.id}`, draftOf()],
      ['POST', `/v1/contracts/${ofA.id}/amendments`, AMENDMENT_EXAMPLE],
      ['POST', `/v1/contracts/${ofA.id}/transitions`, { to: 'running' }],
      ['GET', `/v1/contracts/${ofA.id}/versions`],
      ['GET', `/v1/contracts/${ofA.id}/versions/1`],
    ];
    for (const [method, path, json] of calls) {
      const response = await world.request(method, path, {
        as: foreigner(),
        ...(json ? { json } : {}),
        headers: ifMatch(ofA.version),
      });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
    }
    const list = await (await world.request('GET', '/v1/contracts?limit=100', { as: foreigner() })).text();
    expect(list).not.toContain(ofA.id);
    expect(await world.table.snapshot()).toBe(before);
  });
});

describe('a member with the staff role', () => {
  it('gets 403 from the contract routes: a contract’s costing shows named colleagues’ pay', async () => {
    const ofA = await signed();
    for (const path of [`/v1/contracts`, `/v1/contracts/${ofA.id}`, `/v1/contracts/${ofA.id}/versions/1`]) {
      const response = await world.request('GET', path, { as: staff() });
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
    }
  });
});
