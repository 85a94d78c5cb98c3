import { randomUUID } from 'node:crypto';
import { type ContractDraft, idCardCheckCharacter } from '@shegong/domain';
import {
  ACTUAL_MONTH_EXAMPLE,
  CONTRACT_EXAMPLE,
  LADDER_EXAMPLE,
  PRICE_FLOOR_EXAMPLE,
  RAISE_FINDING_EXAMPLE,
} from '@shegong/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * An incubation base's own project (P-I1: its operation is itself a purchased service), through
 * the API and the pages, on DynamoDB Local: the base's admin keeps its staff registry, costs its
 * operation contract with the organisation's rules and submits it; the city bureau sees it in its
 * review queue and register, decides it, raises a finding the base answers. The base's operator
 * (intake, not the project) is refused where an organisation's staff member is; nothing of the
 * base's crosses to another tenant; what is only an incubated organisation's stays so.
 */

const world = await World.create('base-contracts');
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const base = () => world.tenant('incubatorA');
const admin = () => world.user('incubatorA', 'admin');
const operator = () => world.user('incubatorA', 'operator');
const finance = () => world.user('incubatorA', 'finance');
const cityReviewer = () => world.user('bureauA', 'reviewer');
const cityAuditor = () => world.user('bureauA', 'auditor');

interface Contract {
  id: string;
  status: string;
  version: number;
  review?: { state: string; bureau: { id: string }; organisation: string };
  findingRuleIds: string[];
}
interface Saved {
  contract: Contract;
  version: {
    costedPosts: { personName?: string; monthlyPay?: number }[];
    assessment: { costing: { labourCost: number }; priceFloor: { ruleId: string; value?: number } };
  };
}

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });
const idempotent = () => ({ 'Idempotency-Key': randomUUID() });

/** An ID-card number of 防城港 born on a given day (valid check character). */
function idCard(day: number): string {
  const first17 = `450600198806${String(day).padStart(2, '0')}021`;
  return `${first17}${idCardCheckCharacter(first17)}`;
}

/** The base's operation, bought by the city bureau (450600), staffed by two people of its registry. */
function operationContract(people: readonly string[]): ContractDraft {
  const [lead, worker] = CONTRACT_EXAMPLE.plan.posts;
  return {
    terms: {
      ...CONTRACT_EXAMPLE.terms,
      purchaser: { name: '防城港市民政局', region: '450600' },
      number: 'FCGFH-2026-001',
      title: '防城港市社会组织孵化基地运营服务项目',
      serviceArea: '防城港市',
    },
    plan: {
      ...CONTRACT_EXAMPLE.plan,
      posts: [
        { ...lead!, title: '基地主任', personId: people[0]! },
        { ...worker!, title: '孵化专员', personId: people[1]! },
        ...CONTRACT_EXAMPLE.plan.posts.slice(2),
      ],
    },
  };
}

describe('the base’s own operation contract', () => {
  const people: string[] = [];
  let contract: Contract;

  it('starts with the base’s admin putting its staff on the registry', async () => {
    for (const [i, name] of ['梁晓东', '韦春燕'].entries()) {
      const response = await world.request('POST', '/v1/people', {
        as: admin(),
        headers: idempotent(),
        json: {
          name,
          idCardNumber: idCard(i + 11),
          phone: `1397700${String(i).padStart(4, '0')}`,
          education: { level: 'bachelor', socialWorkMajor: true },
          employmentType: 'contract',
          monthlyPay: [4_800_00, 3_600_00][i],
          employment: [{ employer: base().name, region: '450600', start: '2022-03-01', socialWork: true }],
          certificates: [],
          continuingEducation: [],
        },
      });
      expect(response.status).toBe(201);
      people.push(((await response.json()) as { id: string }).id);
    }
    const registry = (await (await world.request('GET', '/v1/people', { as: finance() })).json()) as {
      items: { id: string }[];
    };
    expect(registry.items.map((p) => p.id)).toEqual(expect.arrayContaining(people));
  });

  it('keeps a career ladder, edited by hr and read by every member (the operator too, as an organisation’s staff)', async () => {
    const saved = await world.request('PUT', '/v1/ladder', {
      as: world.user('incubatorA', 'hr'),
      json: LADDER_EXAMPLE,
      headers: { 'If-None-Match': '*' },
    });
    expect(saved.status).toBe(200);
    expect((await world.request('GET', '/v1/ladder', { as: operator() })).status).toBe(200);
    const refused = await world.request('PUT', '/v1/ladder', {
      as: operator(),
      json: LADDER_EXAMPLE,
      headers: { 'If-Match': '"2"' },
    });
    expect(refused.status).toBe(403);
  });

  it('tries prices with the calculator, under the rule it applies', async () => {
    const response = await world.request('POST', '/v1/contracts/price-floor', {
      as: admin(),
      json: { ...PRICE_FLOOR_EXAMPLE, region: '450600' },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('P-W2');
  });

  it('costs the contract with the registry’s people and the city’s rules, as an organisation’s', async () => {
    const response = await world.request('POST', '/v1/contracts', {
      as: admin(),
      headers: idempotent(),
      json: operationContract(people),
    });
    expect(response.status).toBe(201);
    const saved = (await response.json()) as Saved;
    contract = saved.contract;
    expect(contract.status).toBe('draft');
    // The named people's pay from the registry replaces the posts' own.
    expect(saved.version.costedPosts.slice(0, 2)).toMatchObject([
      { personName: '梁晓东', monthlyPay: 4_800_00 },
      { personName: '韦春燕', monthlyPay: 3_600_00 },
    ]);
    expect(saved.version.assessment.costing.labourCost).toBeGreaterThan(0);
    expect(saved.version.assessment.priceFloor.ruleId).toBe('P-W2');
  });

  it('submits it for review to the city bureau, named as the base', async () => {
    const response = await world.request('POST', `/v1/contracts/${contract.id}/transitions`, {
      as: admin(),
      json: { to: 'submitted' },
      headers: ifMatch(contract.version),
    });
    expect(response.status).toBe(200);
    contract = (await response.json()) as Contract;
    expect(contract.review).toMatchObject({
      state: 'pending',
      bureau: { id: world.tenant('bureauA').id },
      organisation: base().name,
    });
  });

  it('waits in the city’s review queue and stands in its register, under the base’s name', async () => {
    const queue = (await (await world.request('GET', '/v1/reviews', { as: cityReviewer() })).json()) as {
      items: { organisationId: string; contract: { id: string }; decides: boolean }[];
    };
    expect(queue.items.find((i) => i.contract.id === contract.id)).toMatchObject({
      organisationId: base().id,
      decides: true,
    });
    const register = (await (
      await world.request('GET', `/v1/jurisdiction/contracts?q=${encodeURIComponent('FCGFH-2026-001')}`, {
        as: cityAuditor(),
      })
    ).json()) as { items: { organisationId: string; organisationName: string; contractId: string }[] };
    expect(register.items).toEqual([
      expect.objectContaining({ organisationId: base().id, organisationName: base().name, contractId: contract.id }),
    ]);
    const read = await world.request('GET', `/v1/jurisdiction/contracts/${base().id}/${contract.id}`, {
      as: cityAuditor(),
    });
    expect(read.status).toBe(200);
    // A bureau reads the costing, never the ID-card numbers of the people it names.
    expect(await read.text()).not.toContain(idCard(11));
    // And its pages: the queue and the register name the base and open its contract.
    const href = `/bureau/contracts/${base().id}/${contract.id}`;
    for (const path of ['/bureau/reviews', '/bureau/register']) {
      const page = await (await world.page('GET', path, { as: cityReviewer() })).text();
      expect(page).toContain(base().name);
      expect(page).toContain(href);
    }
    const opened = await world.page('GET', href, { as: cityReviewer() });
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('FCGFH-2026-001');
  });

  it('is approved by the city, signed by the base, run with actuals, and its finding answered', async () => {
    const decided = await world.request('POST', `/v1/reviews/${base().id}/${contract.id}/decision`, {
      as: cityReviewer(),
      json: { decision: 'approve' },
      headers: ifMatch(contract.version),
    });
    expect(decided.status).toBe(200);
    const approved = (await decided.json()) as { contract: Contract };
    const signed = await world.request('POST', `/v1/contracts/${contract.id}/transitions`, {
      as: finance(),
      json: { to: 'signed', date: '2025-12-28' },
      headers: ifMatch(approved.contract.version),
    });
    expect(signed.status).toBe(200);
    const month = await world.request('PUT', `/v1/contracts/${contract.id}/actuals/2026-01`, {
      as: finance(),
      json: ACTUAL_MONTH_EXAMPLE,
    });
    expect(month.status).toBeLessThan(300);

    const raised = await world.request('POST', `/v1/jurisdiction/contracts/${base().id}/${contract.id}/findings`, {
      as: cityAuditor(),
      headers: idempotent(),
      json: RAISE_FINDING_EXAMPLE,
    });
    expect(raised.status).toBe(201);
    const finding = (await raised.json()) as { id: string; version: number; organisationName: string };
    expect(finding.organisationName).toBe(base().name);
    const own = (await (await world.request('GET', '/v1/org/rectifications', { as: admin() })).json()) as {
      items: { id: string }[];
    };
    expect(own.items.map((f) => f.id)).toContain(finding.id);
    const answered = await world.request('POST', `/v1/org/rectifications/${finding.id}/answer`, {
      as: admin(),
      json: { text: '已按指导标准调整月薪', version: 1 },
      headers: ifMatch(finding.version),
    });
    expect(answered.status).toBe(200);
    expect((await world.request('GET', '/v1/org/evaluations', { as: admin() })).status).toBe(200);
  });

  it('refuses the base’s operator (intake, not the project) where an organisation refuses its staff', async () => {
    for (const [method, path] of [
      ['GET', '/v1/contracts'],
      ['GET', `/v1/contracts/${contract.id}`],
      ['GET', '/v1/people'],
      ['GET', '/v1/org/rectifications'],
      ['GET', '/v1/org/evaluations'],
    ] as const) {
      const asOperator = await world.request(method, path, { as: operator() });
      const asStaff = await world.request(method, path.replace(contract.id, world.tenant('orgA').contracts!.draft), {
        as: world.user('orgA', 'staff'),
      });
      expect({ path, operator: asOperator.status, staff: asStaff.status }).toEqual({ path, operator: 403, staff: 403 });
    }
    const before = await world.table.snapshot();
    const created = await world.request('POST', '/v1/contracts', {
      as: operator(),
      headers: idempotent(),
      json: { ...operationContract([]), plan: CONTRACT_EXAMPLE.plan },
    });
    expect(created.status).toBe(403);
    expect(await world.table.snapshot()).toBe(before);
    // Intake is still theirs.
    expect((await world.request('GET', '/v1/incubation/applications', { as: operator() })).status).toBe(200);
  });

  it('answers 404 to every other tenant, and to a bureau of another jurisdiction', async () => {
    for (const label of ['incubatorB', 'orgA'] as const) {
      const response = await world.request('GET', `/v1/contracts/${contract.id}`, { as: world.user(label) });
      expect({ label, status: response.status }).toEqual({ label, status: 404 });
    }
    const county = await world.request('GET', `/v1/jurisdiction/contracts/${base().id}/${contract.id}`, {
      as: world.user('bureauB', 'auditor'),
    });
    expect(county.status).toBe(404);
    const other = (await (await world.request('GET', '/v1/contracts', { as: world.user('incubatorB') })).json()) as {
      items: { id: string }[];
    };
    expect(other.items.map((c) => c.id)).not.toContain(contract.id);
  });

  it('keeps what is only an incubated organisation’s from the base: its credit code and its incubation view', async () => {
    expect((await world.request('GET', '/v1/organisation', { as: admin() })).status).toBe(403);
    expect(
      (await world.request('PUT', '/v1/organisation/credit-code', { as: admin(), json: { uscc: 'x' } })).status,
    ).toBe(403);
  });

  it('shows the base’s admin its contracts on the pages and the dashboard, and the operator none', async () => {
    const list = await world.page('GET', '/org/contracts', { as: admin() });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('FCGFH-2026-001');
    const home = await (await world.page('GET', '/incubator', { as: admin() })).text();
    expect(home).toContain('id="incubation"');
    expect(home).toContain('/org/contracts');
    expect((await world.page('GET', '/org/contracts', { as: operator() })).status).toBe(403);
    const operatorHome = await (await world.page('GET', '/incubator', { as: operator() })).text();
    expect(operatorHome).toContain('id="incubation"');
    expect(operatorHome).not.toContain('href="/org/contracts"');
  });
});
