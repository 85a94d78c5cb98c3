import { ACTUAL_MONTH_EXAMPLE, RAISE_FINDING_EXAMPLE, SIGNED_CONTRACT_EXAMPLE } from '@shegong/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * Findings and rectification (整改) through the API: a bureau raises a finding on a contract in its
 * jurisdiction, the organisation answers, the bureau accepts or reopens; overdue by the core's
 * clock on both sides; nothing crosses tenants or jurisdictions; bad input names the field and
 * writes nothing.
 */
let today = '2026-06-01';
const world = await World.create('rectification', { deps: { today: () => today } });
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const orgA = () => world.tenant('orgA');
const manager = () => world.user('orgA', 'project_manager');
const cityAuditor = () => world.user('bureauA', 'auditor');
const cityReviewer = () => world.user('bureauA', 'reviewer');
const countyAuditor = () => world.user('bureauB', 'auditor');

interface Finding {
  id: string;
  state: string;
  overdue: boolean;
  version: number;
  ruleId: string;
  contractNumber: string;
  organisationName: string;
  steps: { action: string; text?: string; version?: number; month?: string }[];
}
interface ProblemBody {
  errors?: { path: string; message: string }[];
}

/** The signed contract the world seeded for organisation A (港口区, in the city's jurisdiction). */
const signed = () => orgA().contracts!.signed;
const findingsPath = () => `/v1/jurisdiction/contracts/${orgA().id}/${signed()}/findings`;

async function raise(body: object = RAISE_FINDING_EXAMPLE, as = cityAuditor()): Promise<Finding> {
  const response = await world.request('POST', findingsPath(), { as, json: body });
  expect(response.status).toBe(201);
  return (await response.json()) as Finding;
}

function answer(finding: Finding, body: object, as = manager()) {
  return world.request('POST', `/v1/org/rectifications/${finding.id}/answer`, {
    as,
    json: body,
    headers: { 'If-Match': `"${finding.version}"` },
  });
}

function decide(finding: Finding, step: 'accept' | 'reopen', body?: object) {
  return world.request('POST', `/v1/rectifications/${finding.id}/${step}`, {
    as: cityReviewer(),
    ...(body ? { json: body } : {}),
    headers: { 'If-Match': `"${finding.version}"` },
  });
}

const ids = (page: { items: { id: string }[] }) => page.items.map((f) => f.id);

describe('a finding and its rectification', () => {
  it('is raised by the bureau, answered by the organisation and closed by the bureau', async () => {
    const raised = await raise();
    expect(raised).toMatchObject({
      state: 'open',
      overdue: false,
      ruleId: 'P-W3',
      contractNumber: SIGNED_CONTRACT_EXAMPLE.terms.number,
      organisationName: orgA().name,
    });
    const listed = await world.request('GET', '/v1/org/rectifications?state=open', { as: manager() });
    expect(ids((await listed.json()) as { items: { id: string }[] })).toContain(raised.id);

    const answered = await answer(raised, { text: '已修订合同，调整月薪', version: 1 });
    expect(answered.status).toBe(200);
    const afterAnswer = (await answered.json()) as Finding;
    expect(afterAnswer).toMatchObject({ state: 'answered', version: 2 });

    const accepted = await decide(afterAnswer, 'accept');
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ state: 'closed', version: 3 });
    const closed = await world.request('GET', '/v1/rectifications?state=closed', { as: cityAuditor() });
    expect(ids((await closed.json()) as { items: { id: string }[] })).toContain(raised.id);

    // Each step is in the contract's history, which still verifies.
    const history = await world.request('GET', `/v1/contracts/${signed()}/history?limit=100`, { as: manager() });
    const chain = (await history.json()) as {
      verification: { verified: boolean };
      items: { type: string; data: { findingId?: string } }[];
    };
    expect(chain.items.filter((e) => e.data.findingId === raised.id).map((e) => e.type)).toEqual([
      'finding.raised',
      'finding.answered',
      'finding.accepted',
    ]);
    expect(chain.verification.verified).toBe(true);
  });

  it('is reopened with a reason and answered again, pointing to a month of actuals', async () => {
    const raised = await raise();
    const first = (await (await answer(raised, { text: '已调整', version: 1 })).json()) as Finding;
    const reopened = await decide(first, 'reopen', { reason: '仍有一人低于下限' });
    expect(reopened.status).toBe(200);
    const again = (await reopened.json()) as Finding;
    expect(again.state).toBe('reopened');
    expect(again.steps.at(-1)).toMatchObject({ action: 'reopened', text: '仍有一人低于下限' });
    // A month with no actuals is refused, naming the field; the seeded month is there.
    const before = await world.table.snapshot();
    const missing = await answer(again, { text: '见三月工资', month: '2026-09' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as ProblemBody).errors?.map((e) => e.path)).toEqual(['/month']);
    expect(await world.table.snapshot()).toBe(before);
    const month = await world.request('PUT', `/v1/contracts/${signed()}/actuals/2026-03`, {
      as: manager(),
      json: ACTUAL_MONTH_EXAMPLE,
    });
    expect(month.status).toBeLessThan(300);
    const answered = await answer(again, { text: '三月起已按标准发放', month: '2026-03' });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ state: 'answered', steps: expect.arrayContaining([]) });
  });

  it('refuses a step its state does not allow, and a stale If-Match', async () => {
    const raised = await raise();
    expect((await decide(raised, 'accept')).status).toBe(409);
    expect((await answer({ ...raised, version: 9 }, { text: '已调整', version: 1 })).status).toBe(412);
  });

  it('is flagged overdue on both sides once its deadline has passed, until closed', async () => {
    const raised = await raise({ ...RAISE_FINDING_EXAMPLE, deadline: '2026-06-30' });
    const done = await raise({ ...RAISE_FINDING_EXAMPLE, deadline: '2026-06-30' });
    const answered = (await (await answer(done, { text: '已调整', version: 1 })).json()) as Finding;
    await decide(answered, 'accept');
    today = '2026-07-01';
    try {
      const bureau = await world.request('GET', '/v1/rectifications?state=overdue', { as: cityAuditor() });
      const bureauIds = ids((await bureau.json()) as { items: { id: string }[] });
      expect(bureauIds).toContain(raised.id);
      expect(bureauIds).not.toContain(done.id);
      const org = await world.request('GET', '/v1/org/rectifications?state=overdue', { as: manager() });
      const orgPage = (await org.json()) as { items: Finding[] };
      expect(orgPage.items.find((f) => f.id === raised.id)?.overdue).toBe(true);
      expect(ids(orgPage)).not.toContain(done.id);
      const one = await world.request('GET', `/v1/rectifications/${raised.id}`, { as: cityAuditor() });
      expect(((await one.json()) as Finding).overdue).toBe(true);
    } finally {
      today = '2026-06-01';
    }
  });

  it('is read by no other organisation or bureau, and answered by no other organisation', async () => {
    const raised = await raise();
    const orgB = world.user('orgB', 'admin');
    expect((await world.request('GET', `/v1/org/rectifications/${raised.id}`, { as: orgB })).status).toBe(404);
    const listB = await world.request('GET', '/v1/org/rectifications', { as: orgB });
    expect(ids((await listB.json()) as { items: { id: string }[] })).not.toContain(raised.id);
    expect((await answer(raised, { text: '冒充', version: 1 }, orgB)).status).toBe(404);
    expect((await world.request('GET', `/v1/rectifications/${raised.id}`, { as: countyAuditor() })).status).toBe(404);
    const listCounty = await world.request('GET', '/v1/rectifications', { as: countyAuditor() });
    expect(ids((await listCounty.json()) as { items: { id: string }[] })).not.toContain(raised.id);
    // hr reads the organisation's findings but does not answer them.
    expect((await answer(raised, { text: '已调整', version: 1 }, world.user('orgA', 'hr'))).status).toBe(403);
  });

  it('cannot be raised by a county bureau on a contract outside its county, and writes nothing', async () => {
    const before = await world.table.snapshot();
    const response = await world.request('POST', findingsPath(), { as: countyAuditor(), json: RAISE_FINDING_EXAMPLE });
    expect(response.status).toBe(404);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('names each bad field of a finding and writes nothing', async () => {
    const before = await world.table.snapshot();
    const response = await world.request('POST', findingsPath(), {
      as: cityAuditor(),
      json: { text: '', ruleId: 'P-X9', severity: 'fatal', deadline: '2026-02-30' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ProblemBody).errors?.map((e) => e.path).sort()).toEqual([
      '/deadline',
      '/ruleId',
      '/severity',
      '/text',
    ]);
    const past = await world.request('POST', findingsPath(), {
      as: cityAuditor(),
      json: { ...RAISE_FINDING_EXAMPLE, deadline: '2026-05-31' },
    });
    expect(past.status).toBe(400);
    expect(((await past.json()) as ProblemBody).errors?.map((e) => e.path)).toEqual(['/deadline']);
    const noVersion = await world.request('POST', findingsPath(), {
      as: cityAuditor(),
      json: { ...RAISE_FINDING_EXAMPLE, concerns: { version: 7 } },
    });
    expect(noVersion.status).toBe(400);
    expect(((await noVersion.json()) as ProblemBody).errors?.map((e) => e.path)).toEqual(['/concerns/version']);
    expect(await world.table.snapshot()).toBe(before);
  });
});
