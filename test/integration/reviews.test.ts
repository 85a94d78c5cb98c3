import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ContractDraft } from '@shegong/domain';
import { CONTRACT_EXAMPLE } from '@shegong/http';
import { backfillReviewRouting, keys } from '@shegong/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * Review before signing (提交审核, P-U1) through the API, on DynamoDB Local. Bureau A is the city
 * (防城港 450600), bureau B the county 东兴 (450681), which has its own bureau: a contract whose
 * purchaser is in 东兴 goes to bureau B's queue, and the city sees it there read-only. A contract
 * purchased in 港口区 (450602, no bureau of its own) goes to the city.
 */

const world = await World.create('reviews');
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const orgB = () => world.tenant('orgB');
const orgWriter = () => world.user('orgB', 'project_manager');
const countyReviewer = () => world.user('bureauB', 'reviewer');
const countyAuditor = () => world.user('bureauB', 'auditor');
const cityReviewer = () => world.user('bureauA', 'reviewer');

interface Review {
  state: string;
  bureau: { id: string; name: string };
  organisation: string;
  reasons: { text: string; ruleId?: string; field?: string }[];
  decidedAt?: string;
}
interface Contract {
  id: string;
  status: string;
  version: number;
  review?: Review;
  history: { from?: string; to: string }[];
}
interface Queue {
  items: { organisationId: string; contract: Contract; decides: boolean }[];
  waiting: number;
}

/** A contract of organisation B bought by 东兴 (450681), where the county's 2026 rule set is in force. */
const dongxingDraft = (): ContractDraft => ({
  ...CONTRACT_EXAMPLE,
  terms: {
    ...CONTRACT_EXAMPLE.terms,
    number: 'DX-REVIEW-001',
    title: '东兴市江平镇社会工作服务项目（2026）',
    purchaser: { name: '东兴市民政局', region: '450681' },
  },
});

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

async function move(id: string, to: string, version: number) {
  return world.request('POST', `/v1/contracts/${id}/transitions`, {
    as: orgWriter(),
    json: { to },
    headers: ifMatch(version),
  });
}

async function decide(
  as: ReturnType<typeof world.user>,
  id: string,
  version: number,
  body: unknown,
  organisationId = orgB().id,
) {
  return world.request('POST', `/v1/reviews/${organisationId}/${id}/decision`, {
    as,
    json: body,
    headers: ifMatch(version),
  });
}

const queueOf = async (as: ReturnType<typeof world.user>) =>
  (await (await world.request('GET', '/v1/reviews', { as })).json()) as Queue;

describe('a contract of 东兴 goes to the county bureau, is returned, resubmitted, approved and signed', () => {
  let id = '';
  let version = 0;

  it('submits to the county’s bureau (东兴 has one), recorded on the head', async () => {
    const created = await world.request('POST', '/v1/contracts', { as: orgWriter(), json: dongxingDraft() });
    expect(created.status).toBe(201);
    const { contract } = (await created.json()) as { contract: Contract };
    id = contract.id;
    const response = await move(id, 'submitted', contract.version);
    expect(response.status).toBe(200);
    const head = (await response.json()) as Contract;
    expect(head).toMatchObject({
      status: 'submitted',
      review: { state: 'pending', bureau: { id: world.tenant('bureauB').id, name: '东兴市民政局' }, reasons: [] },
    });
    version = head.version;
  });

  it('refuses the organisation signing it around the review: 409 saying the bureau approves first, nothing written', async () => {
    const before = await world.table.snapshot();
    const response = await move(id, 'signed', version);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/bureau must approve/);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('lands in the county’s queue to decide, and in the city’s read-only', async () => {
    const county = await queueOf(countyReviewer());
    expect(county.items.map((i) => [i.contract.id, i.decides])).toContainEqual([id, true]);
    expect(county.waiting).toBe(1);
    const city = await queueOf(cityReviewer());
    expect(city.items.find((i) => i.contract.id === id)).toMatchObject({ decides: false, organisationId: orgB().id });
    // The city's own count holds only what it decides: nothing of 东兴's.
    expect(city.waiting).toBe(city.items.filter((i) => i.decides).length);
  });

  it('shows the county the audit view: costing with rule ids, staffing, history — and no ID-card or phone number', async () => {
    const response = await world.request('GET', `/v1/jurisdiction/contracts/${orgB().id}/${id}`, {
      as: countyAuditor(),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toBe(`"${version}"`);
    const text = await response.text();
    const view = JSON.parse(text) as {
      organisation: { name: string };
      contract: Contract;
      version: { assessment: { priceFloor: { ruleId: string } }; costedPosts: unknown[] };
      decidable: boolean;
    };
    expect(view.organisation.name).toBe(orgB().name);
    expect(view.version.assessment.priceFloor.ruleId).toBe('P-W2');
    expect(view.version.costedPosts.length).toBeGreaterThan(0);
    expect(view.contract.history.map((h) => h.to)).toEqual(['draft', 'submitted']);
    // The auditor reads; deciding is for the reviewer (and admin).
    expect(view.decidable).toBe(true);
    expect(text).not.toMatch(/\b\d{17}[\dX]\b/);
    expect(text).not.toMatch(/\b1[3-9]\d{9}\b/);
  });

  it('lets only the responsible bureau’s reviewer decide: the city 403, the county’s auditor 403, nothing written', async () => {
    const before = await world.table.snapshot();
    const approve = { decision: 'approve', reasons: [] };
    expect((await decide(cityReviewer(), id, version, approve)).status).toBe(403);
    expect((await decide(countyAuditor(), id, version, approve)).status).toBe(403);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('refuses a return without reasons (400 naming /reasons) and a stale If-Match (412), writing nothing', async () => {
    const before = await world.table.snapshot();
    const bare = await decide(countyReviewer(), id, version, { decision: 'return', reasons: [] });
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain('/reasons');
    const stale = await decide(countyReviewer(), id, version - 1, { decision: 'approve', reasons: [] });
    expect(stale.status).toBe(412);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('returns it with reasons: back to draft, the reasons on the organisation’s contract, audited on both sides', async () => {
    const reasons = [
      { text: '一线社工月薪低于指导价', ruleId: 'P-W3', field: 'plan/posts/0/monthlyPay' },
      { text: '请补充服务指标' },
    ];
    const response = await decide(countyReviewer(), id, version, { decision: 'return', reasons });
    expect(response.status).toBe(200);
    const { contract, review } = (await response.json()) as { contract: Contract; review: { decision: string } };
    expect(contract.status).toBe('draft');
    expect(review.decision).toBe('return');
    const seen = (await (await world.request('GET', `/v1/contracts/${id}`, { as: orgWriter() })).json()) as {
      contract: Contract;
    };
    expect(seen.contract.review).toMatchObject({
      state: 'returned',
      bureau: { name: '东兴市民政局' },
      reasons,
      decidedAt: expect.any(String),
    });
    version = seen.contract.version;
    const orgEvents = await world.table.auditEvents(orgB().id);
    expect(orgEvents.map((e) => e.action)).toContain('contract.review.return');
    const bureauEvents = await world.table.auditEvents(world.tenant('bureauB').id);
    expect(bureauEvents.map((e) => e.action)).toContain('contract.review.return');
    // It has left both queues.
    expect((await queueOf(countyReviewer())).items.map((i) => i.contract.id)).not.toContain(id);
  });

  it('lets the organisation edit the returned draft and submit it again', async () => {
    const edited = dongxingDraft();
    edited.terms.title = '东兴市江平镇社会工作服务项目（2026，修改稿）';
    const put = await world.request('PUT', `/v1/contracts/${id}`, {
      as: orgWriter(),
      json: edited,
      headers: ifMatch(version),
    });
    expect(put.status).toBe(200);
    const saved = (await put.json()) as { contract: Contract };
    // The reasons stay on the head until it is submitted again.
    expect(saved.contract.review?.state).toBe('returned');
    const resubmitted = await move(id, 'submitted', saved.contract.version);
    expect(resubmitted.status).toBe(200);
    const head = (await resubmitted.json()) as Contract;
    expect(head.review).toMatchObject({ state: 'pending', reasons: [] });
    version = head.version;
  });

  it('approves it; deciding again is a 409; the organisation then records it signed', async () => {
    const response = await decide(countyReviewer(), id, version, { decision: 'approve', reasons: [] });
    expect(response.status).toBe(200);
    const { contract } = (await response.json()) as { contract: Contract };
    expect(contract).toMatchObject({ status: 'approved', review: { state: 'approved' } });
    expect(response.headers.get('ETag')).toBe(`"${contract.version}"`);
    const again = await decide(countyReviewer(), id, contract.version, {
      decision: 'return',
      reasons: [{ text: '再看' }],
    });
    expect(again.status).toBe(409);
    const signed = await world.request('POST', `/v1/contracts/${id}/transitions`, {
      as: orgWriter(),
      json: { to: 'signed', date: '2026-01-05' },
      headers: ifMatch(contract.version),
    });
    expect(signed.status).toBe(200);
    expect(((await signed.json()) as Contract).status).toBe('signed');
  });

  it('shows every decision to the county and to the city, oldest first', async () => {
    for (const as of [countyReviewer(), cityReviewer()]) {
      const view = (await (
        await world.request('GET', `/v1/jurisdiction/contracts/${orgB().id}/${id}`, { as })
      ).json()) as { reviews: { decision: string; bureau: { name: string } }[]; decidable: boolean };
      expect(view.reviews.map((r) => r.decision)).toEqual(['return', 'approve']);
      expect(view.decidable).toBe(false);
    }
  });
});

describe('jurisdiction and the organisation’s own data', () => {
  it('hides a 港口区 contract from the county bureau: 404 to read, its actuals, a version and to decide', async () => {
    const orgA = world.tenant('orgA');
    const signed = orgA.contracts!.signed;
    const before = await world.table.snapshot();
    for (const path of [
      `/v1/jurisdiction/contracts/${orgA.id}/${signed}`,
      `/v1/jurisdiction/contracts/${orgA.id}/${signed}/versions/1`,
      `/v1/jurisdiction/contracts/${orgA.id}/${signed}/actuals`,
    ]) {
      expect((await world.request('GET', path, { as: countyReviewer() })).status).toBe(404);
    }
    const decided = await decide(countyReviewer(), signed, 1, { decision: 'approve', reasons: [] }, orgA.id);
    expect(decided.status).toBe(404);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('shows the city a 港口区 contract’s actuals and budget against actual, as the organisation sees them', async () => {
    const orgA = world.tenant('orgA');
    const signed = orgA.contracts!.signed;
    const response = await world.request('GET', `/v1/jurisdiction/contracts/${orgA.id}/${signed}/actuals`, {
      as: cityReviewer(),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { months: { month: string }[]; budgetVsActual: { contractId: string } };
    const own = (await (
      await world.request('GET', `/v1/contracts/${signed}/budget-vs-actual`, { as: world.user('orgA') })
    ).json()) as unknown;
    expect(body.months.map((m) => m.month)).toEqual(['2026-03']);
    expect(body.budgetVsActual).toEqual(own);
  });

  it('lets no bureau write an organisation’s contract through the organisation’s routes (403), nothing written', async () => {
    const orgA = world.tenant('orgA');
    const before = await world.table.snapshot();
    for (const as of [cityReviewer(), world.user('bureauA')]) {
      const put = await world.request('PUT', `/v1/contracts/${orgA.contracts!.draft}`, {
        as,
        json: CONTRACT_EXAMPLE,
        headers: ifMatch(1),
      });
      expect(put.status).toBe(403);
      const moved = await world.request('POST', `/v1/contracts/${orgA.contracts!.draft}/transitions`, {
        as,
        json: { to: 'submitted' },
        headers: ifMatch(1),
      });
      expect(moved.status).toBe(403);
    }
    expect(await world.table.snapshot()).toBe(before);
  });

  it('queues a 港口区 submission with the city, which decides it', async () => {
    const orgA = world.tenant('orgA');
    const writer = world.user('orgA', 'project_manager');
    const created = await world.request('POST', '/v1/contracts', {
      as: writer,
      json: { ...CONTRACT_EXAMPLE, terms: { ...CONTRACT_EXAMPLE.terms, number: 'GK-REVIEW-001' } },
    });
    const { contract } = (await created.json()) as { contract: Contract };
    const submitted = await world.request('POST', `/v1/contracts/${contract.id}/transitions`, {
      as: writer,
      json: { to: 'submitted' },
      headers: ifMatch(contract.version),
    });
    const head = (await submitted.json()) as Contract;
    expect(head.review?.bureau.id).toBe(world.tenant('bureauA').id);
    const city = await queueOf(cityReviewer());
    expect(city.items.find((i) => i.contract.id === contract.id)?.decides).toBe(true);
    expect(city.waiting).toBeGreaterThanOrEqual(1);
    expect((await queueOf(countyReviewer())).items.map((i) => i.contract.id)).not.toContain(contract.id);
    const approved = await decide(
      cityReviewer(),
      contract.id,
      head.version,
      { decision: 'approve', reasons: [] },
      orgA.id,
    );
    expect(approved.status).toBe(200);
  });
});

describe('pnpm migrate: bureaus and submissions from before review routing', () => {
  it('gives a bureau its region’s lookup and a submitted contract its review and place in the queue, once', async () => {
    const orgA = world.tenant('orgA');
    const writer = world.user('orgA', 'project_manager');
    const created = await world.request('POST', '/v1/contracts', {
      as: writer,
      json: { ...CONTRACT_EXAMPLE, terms: { ...CONTRACT_EXAMPLE.terms, number: 'GK-MIGRATE-001' } },
    });
    const { contract } = (await created.json()) as { contract: Contract };
    const submitted = await world.request('POST', `/v1/contracts/${contract.id}/transitions`, {
      as: writer,
      json: { to: 'submitted' },
      headers: ifMatch(contract.version),
    });
    const head = (await submitted.json()) as Contract;
    // As the table stood before this issue: 东兴's bureau without its lookup, the head without its review.
    const { client, tableName } = world.store;
    await client.send(new DeleteCommand({ TableName: tableName, Key: keys.regionBureau('450681') }));
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.contract(orgA.id, contract.id),
        UpdateExpression: 'REMOVE review, gsi3pk, gsi3sk',
      }),
    );
    expect((await queueOf(cityReviewer())).items.map((i) => i.contract.id)).not.toContain(contract.id);

    expect(await backfillReviewRouting(world.store)).toEqual({ bureaus: 1, heads: 1 });
    const lookup = await client.send(new GetCommand({ TableName: tableName, Key: keys.regionBureau('450681') }));
    expect(lookup.Item).toMatchObject({ bureauId: world.tenant('bureauB').id, name: '东兴市民政局' });
    const queued = (await queueOf(cityReviewer())).items.find((i) => i.contract.id === contract.id);
    expect(queued).toMatchObject({
      decides: true,
      contract: { version: head.version, review: { state: 'pending', bureau: { id: world.tenant('bureauA').id } } },
    });
    // Run again: nothing is missing any more.
    expect(await backfillReviewRouting(world.store)).toEqual({ bureaus: 0, heads: 0 });
  });
});
