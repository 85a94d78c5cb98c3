import {
  actingAs,
  amendContract,
  changeContractStatus,
  createContract,
  editContract,
  recordActualMonth,
} from '@shegong/core';
import { type ContractDraft, GENESIS_HASH, sealEvent } from '@shegong/domain';
import { ACTUAL_MONTH_EXAMPLE, CONTRACT_EXAMPLE } from '@shegong/http';
import { DeleteCommand, GetCommand, keys, PutCommand, UpdateCommand } from '@shegong/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * A contract's tamper-evident history (issue 11): every change appends a sealed event in the same
 * transaction; GET …/history verifies the whole chain and names the first link that breaks when an
 * item is altered or removed directly in DynamoDB Local.
 */
const world = await World.create('history');
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const orgA = () => world.tenant('orgA');
const finance = () => world.user('orgA', 'finance');
const cityAuditor = () => world.user('bureauA', 'auditor');
const countyAuditor = () => world.user('bureauB', 'auditor');

interface HistoryBody {
  verification: { verified: boolean; length: number; brokenAt?: { seq: number; what: string } };
  items: { seq: number; type: string; prevHash: string; hash: string; data: Record<string, unknown> }[];
  cursor?: string;
}

async function history(id: string, as = finance()): Promise<HistoryBody> {
  const response = await world.request('GET', `/v1/contracts/${id}/history?limit=100`, { as });
  expect(response.status).toBe(200);
  return (await response.json()) as HistoryBody;
}

let serial = 0;
/** A new contract of organisation A, edited once, submitted, approved by the city and signed, with a month of actuals. */
async function chainedContract(): Promise<string> {
  const ctx = await actingAs(world.deps, { tenantId: orgA().id, userId: finance().id });
  const draft = structuredClone(CONTRACT_EXAMPLE) as ContractDraft;
  draft.terms.number = `HIST-${++serial}`;
  const { contract } = await createContract(ctx, draft);
  draft.terms.title = `${draft.terms.title}（修改）`;
  const edited = await editContract(ctx, contract.id, draft, contract.version);
  const submitted = await changeContractStatus(ctx, contract.id, { to: 'submitted' }, edited.contract.version);
  const approved = await world.approve(orgA(), contract.id, submitted.version);
  await changeContractStatus(ctx, contract.id, { to: 'signed', date: '2025-12-20' }, approved.version);
  await recordActualMonth(ctx, contract.id, '2026-01', ACTUAL_MONTH_EXAMPLE);
  return contract.id;
}

const table = () => ({ TableName: world.store.tableName });
const eventKey = (id: string, seq: number) => keys.chainEvent(orgA().id, id, seq);

describe('a contract’s history chain', () => {
  it('records every change in order, linked from the genesis hash, and verifies', async () => {
    const id = await chainedContract();
    const body = await history(id);
    expect(body.items.map((e) => e.type)).toEqual([
      'contract.created',
      'contract.edited',
      'contract.submitted',
      'review.approved',
      'contract.signed',
      'actuals.recorded',
    ]);
    expect(body.items[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < body.items.length; i++) expect(body.items[i]?.prevHash).toBe(body.items[i - 1]?.hash);
    expect(body.items[5]?.data).toMatchObject({ month: '2026-01', revision: 1, auditAction: 'actuals.record' });
    expect(body.verification).toEqual({ verified: true, length: 6 });
  });

  it('pages the events and verifies the whole chain on every page', async () => {
    const id = await chainedContract();
    const first = await world.request('GET', `/v1/contracts/${id}/history?limit=2`, { as: finance() });
    const page = (await first.json()) as HistoryBody;
    expect(page.items.map((e) => e.seq)).toEqual([1, 2]);
    const next = await world.request('GET', `/v1/contracts/${id}/history?limit=2&cursor=${page.cursor}`, {
      as: finance(),
    });
    const second = (await next.json()) as HistoryBody;
    expect(second.items.map((e) => e.seq)).toEqual([3, 4]);
    expect(second.verification).toEqual({ verified: true, length: 6 });
  });

  it('names an event whose content was changed in the table', async () => {
    const id = await chainedContract();
    await world.store.client.send(
      new UpdateCommand({
        ...table(),
        Key: eventKey(id, 3),
        UpdateExpression: 'SET #data.#to = :to',
        ExpressionAttributeNames: { '#data': 'data', '#to': 'to' },
        ExpressionAttributeValues: { ':to': 'closed' },
      }),
    );
    expect((await history(id)).verification).toEqual({
      verified: false,
      length: 6,
      brokenAt: { seq: 3, what: 'content_changed' },
    });
  });

  it('names the next link when an event was changed and its hash recomputed', async () => {
    const id = await chainedContract();
    const { Item } = await world.store.client.send(new GetCommand({ ...table(), Key: eventKey(id, 2) }));
    // A forger who knows the algorithm reseals the event; the next event still names the old hash.
    const forged = sealEvent({ ...(Item as Parameters<typeof sealEvent>[0]), seq: 2, at: '2020-01-01T00:00:00.000Z' });
    await world.store.client.send(new PutCommand({ ...table(), Item: { ...Item, ...forged, seq: undefined } }));
    expect((await history(id)).verification.brokenAt).toEqual({ seq: 3, what: 'link_broken' });
  });

  it('names an event removed from the middle, and one removed from the end', async () => {
    const id = await chainedContract();
    await world.store.client.send(new DeleteCommand({ ...table(), Key: eventKey(id, 2) }));
    expect((await history(id)).verification).toEqual({
      verified: false,
      length: 5,
      brokenAt: { seq: 2, what: 'event_missing' },
    });
    const other = await chainedContract();
    await world.store.client.send(new DeleteCommand({ ...table(), Key: eventKey(other, 6) }));
    expect((await history(other)).verification.brokenAt).toEqual({ seq: 6, what: 'event_missing' });
  });

  it('starts the chain of a contract from before it with a genesis event of the head’s state', async () => {
    const id = await chainedContract();
    // As if the contract predated the chain: no events, no tip.
    for (let seq = 1; seq <= 6; seq++)
      await world.store.client.send(new DeleteCommand({ ...table(), Key: eventKey(id, seq) }));
    await world.store.client.send(new DeleteCommand({ ...table(), Key: keys.chainTip(orgA().id, id) }));
    expect((await history(id)).verification).toEqual({ verified: true, length: 0 });
    const ctx = await actingAs(world.deps, { tenantId: orgA().id, userId: finance().id });
    const head = await ctx.repos.contracts.get(id);
    await changeContractStatus(ctx, id, { to: 'running' }, head.version);
    const body = await history(id);
    expect(body.items.map((e) => e.type)).toEqual(['history.started', 'contract.running']);
    expect(body.items[0]?.data).toMatchObject({ headVersion: head.version });
    expect(body.verification).toEqual({ verified: true, length: 2 });
  });

  it('chains a month of actuals saved while the contract is amended: both land, in some order', async () => {
    const id = await chainedContract();
    const ctx = await actingAs(world.deps, { tenantId: orgA().id, userId: finance().id });
    const head = await ctx.repos.contracts.get(id);
    const version = await ctx.repos.contracts.version(id, head.currentVersion);
    const months = ['2026-02', '2026-03', '2026-04'].map((month) =>
      recordActualMonth(ctx, id, month, ACTUAL_MONTH_EXAMPLE),
    );
    const amended = amendContract(
      ctx,
      id,
      { draft: version.draft, reason: '并发修订', effectiveDate: version.draft.terms.startDate },
      head.version,
    );
    await Promise.all([...months, amended]);
    const body = await history(id);
    expect(body.items.map((e) => e.type).sort()).toEqual(
      [
        'actuals.recorded',
        'actuals.recorded',
        'actuals.recorded',
        'actuals.recorded',
        'contract.amended',
        'contract.created',
        'contract.edited',
        'contract.signed',
        'contract.submitted',
        'review.approved',
      ].sort(),
    );
    expect(body.verification).toEqual({ verified: true, length: 10 });
  });

  it('is read by a bureau whose jurisdiction holds the contract, and 404 elsewhere', async () => {
    const id = await chainedContract();
    const path = `/v1/jurisdiction/contracts/${orgA().id}/${id}/history`;
    const city = await world.request('GET', path, { as: cityAuditor() });
    expect(city.status).toBe(200);
    expect(((await city.json()) as HistoryBody).verification).toEqual({ verified: true, length: 6 });
    // 东兴's bureau does not cover 港口区; organisation B does not hold the contract.
    expect((await world.request('GET', path, { as: countyAuditor() })).status).toBe(404);
    const orgB = world.user('orgB', 'finance');
    expect((await world.request('GET', `/v1/contracts/${id}/history`, { as: orgB })).status).toBe(404);
  });
});
