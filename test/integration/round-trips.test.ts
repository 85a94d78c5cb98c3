import { FANGCHENGGANG_2023 } from '@shegong/domain';
import { CONTRACT_EXAMPLE } from '@shegong/http';
import { ruleSetCacheOf } from '@shegong/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * What a request costs in round trips to the store (issue 14): every costing request at most two
 * once the process is warm (the session's records, the named people; the rule set from memory), and
 * GET /v1/me the one read of the member's records. Counted, not timed: what the table is asked is
 * the same on a busy machine as on an idle one.
 */
const world = await World.create('round-trips');
beforeAll(() => world.seed());
afterAll(() => world.dispose());

const finance = () => world.user('orgA', 'finance');

async function commandsOf(method: string, path: string, json?: unknown) {
  const { result, commands } = await world.storeCommandsDuring('orgA', () =>
    world.request(method, path, { as: finance(), ...(json !== undefined ? { json } : {}) }),
  );
  expect(result.status).toBe(200);
  return commands;
}

/** The request once to warm the process (the rule set's timelines, the token), then counted. */
async function warmCommandsOf(method: string, path: string, json?: unknown) {
  await commandsOf(method, path, json);
  return commandsOf(method, path, json);
}

const namedDraft = () => {
  const draft = structuredClone(CONTRACT_EXAMPLE);
  (draft.plan.posts[0] as { personId?: string }).personId = world.tenant('orgA').people[0];
  return draft;
};

describe('store round trips per request, once warm', () => {
  it('GET /v1/me: one BatchGetItem for the member and the tenant', async () => {
    expect(await warmCommandsOf('GET', '/v1/me')).toEqual(['BatchGetItemCommand']);
  });

  it('a contract preview: the session, then the named people; the rule set in force from memory', async () => {
    const commands = await warmCommandsOf('POST', '/v1/contracts/preview', namedDraft());
    expect(commands).toEqual(['BatchGetItemCommand', 'BatchGetItemCommand']);
  });

  it('a contract preview naming nobody, and the price-floor calculator: the session only', async () => {
    expect(await warmCommandsOf('POST', '/v1/contracts/preview', CONTRACT_EXAMPLE)).toEqual(['BatchGetItemCommand']);
    const floor = {
      region: '450602',
      startDate: '2026-01-01',
      posts: [{ title: '社工', role: 'frontline', certLevel: 'social_worker', ftePercent: 100, months: 12 }],
      fixed: { supervision: 300_000, activities: 900_000, other: 0 },
    };
    expect(await warmCommandsOf('POST', '/v1/contracts/price-floor', floor)).toEqual(['BatchGetItemCommand']);
  });

  it('sees a version published by this process at once, without waiting for the cache to expire', async () => {
    const draft = structuredClone(CONTRACT_EXAMPLE);
    draft.terms.purchaser.region = '450603';
    const before = await world.request('POST', '/v1/contracts/preview', { as: finance(), json: draft });
    expect(((await before.json()) as { ruleSet: { region: string } }).ruleSet.region).toBe('450600');
    const county = world.store.tenant({
      tenantId: world.tenant('bureauA').id,
      userId: world.user('bureauA', 'admin').id,
    });
    await county.ruleSets.publishNow({ ...FANGCHENGGANG_2023, region: '450603', title: '防城区（测试）' });
    const after = await world.request('POST', '/v1/contracts/preview', { as: finance(), json: draft });
    expect(((await after.json()) as { ruleSet: { region: string } }).ruleSet.region).toBe('450603');
  });

  it('another instance’s publication: seen from the cache within its minute, by a fresh read (what publishing checks) at once', async () => {
    const region = '450621'; // 上思县: the city's rules until the county publishes its own
    expect((await world.store.ruleSetInForce(region, '2026-06-01'))?.region).toBe('450600');
    const bureau = world.store.tenant({
      tenantId: world.tenant('bureauA').id,
      userId: world.user('bureauA', 'admin').id,
    });
    await bureau.ruleSets.publishNow({ ...FANGCHENGGANG_2023, region, title: '上思县（测试）' });
    // What another instance still holds: the county's timeline as it read it, before the publication.
    ruleSetCacheOf(world.store.tableName).rememberTimeline(region, []);
    expect((await world.store.ruleSetInForce(region, '2026-06-01'))?.region).toBe('450600');
    expect((await world.store.ruleSetInForce(region, '2026-06-01', { fresh: true }))?.region).toBe(region);
    // The fresh read refreshed the cache: every later lookup sees the county's version.
    expect((await world.store.ruleSetInForce(region, '2026-06-01'))?.region).toBe(region);
  });
});
