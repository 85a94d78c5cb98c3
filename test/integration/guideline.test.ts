import { randomUUID } from 'node:crypto';
import { type ContractDraft, FANGCHENGGANG_2023 } from '@shegong/domain';
import { CONTRACT_EXAMPLE } from '@shegong/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbookCells } from '../../packages/sheets/src/index.ts';
import { World } from '../support/world.ts';

/**
 * A rule set published after contracts were costed (issue 10, point 1). The example contract
 * (港口区, 2026) was costed with Fangchenggang's 2023 rule set: assistants' floor ¥3,200, its two
 * frontline assistants paid ¥3,400, no findings. Bureau A then publishes a rule set in force from
 * 2026-01-01 that raises the assistants' floor to ¥3,500 and the pension share from 16 % to 18 %.
 *
 * - A draft is recosted when read: its page, its list row, its sheet and its editor all show the
 *   new figures (two P-W3 errors; SI on the ¥3,800 base up by ¥76 a month per post).
 * - A signed contract keeps its version; it is shown the newer guideline and what it would change.
 */
const world = await World.create('guideline', { deps: { today: () => '2026-03-01' } });
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const pm = () => world.user('orgA', 'project_manager');
const reader = () => world.user('orgA', 'hr');

interface Contract {
  id: string;
  status: string;
  version: number;
  labourCost: number;
  priceFloor?: number;
  findingCounts: { errors: number; warnings: number };
  findingRuleIds: string[];
  ruleSet: { id: string };
  newerGuideline?: {
    ruleSet: { id: string };
    appliesFrom: string;
    effect?: {
      labourCost: { before: number; after: number };
      priceFloor: { before?: number; after?: number };
      added: { kind: string; ruleId: string; path: string }[];
      resolved: unknown[];
    };
  };
}
interface View {
  contract: Contract;
  version: {
    number: number;
    ruleSet: { id: string };
    recosted?: { from: { id: string }; at: string };
    assessment: { costing: { labourCost: number }; findings: { kind: string; ruleId: string }[] };
  };
}

const draftOf = (number: string): ContractDraft => ({
  ...CONTRACT_EXAMPLE,
  terms: { ...CONTRACT_EXAMPLE.terms, number },
});

async function create(number: string): Promise<View> {
  const response = await world.request('POST', '/v1/contracts', { as: pm(), json: draftOf(number) });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as View;
}

async function move(id: string, to: string, version: number): Promise<Contract> {
  const response = await world.request('POST', `/v1/contracts/${id}/transitions`, {
    as: pm(),
    json: { to, date: '2025-12-20' },
    headers: { 'If-Match': `"${version}"` },
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Contract;
}

async function read(id: string): Promise<View> {
  const response = await world.request('GET', `/v1/contracts/${id}`, { as: reader() });
  expect(response.status).toBe(200);
  const view = (await response.json()) as View;
  expect(response.headers.get('ETag')).toBe(`"${view.contract.version}"`);
  return view;
}

async function listed(): Promise<Contract[]> {
  const response = await world.request('GET', '/v1/contracts?limit=100', { as: reader() });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Contract[] }).items;
}

let draft: View;
let signed: Contract;
let signedBefore: View;
let newer: string;

beforeAll(async () => {
  draft = await create('GUIDE-DRAFT');
  const created = await create('GUIDE-SIGNED');
  const submitted = await move(created.contract.id, 'submitted', created.contract.version);
  const approved = await world.approve(world.tenant('orgA'), created.contract.id, submitted.version);
  signed = await move(created.contract.id, 'signed', approved.version);
  signedBefore = await read(signed.id);
  const base = FANGCHENGGANG_2023.parameters;
  const published = await world.request('POST', '/v1/rule-sets', {
    as: world.user('bureauA'),
    headers: { 'Idempotency-Key': `k-${randomUUID()}` },
    json: {
      ...FANGCHENGGANG_2023,
      title: '防城港市社会工作人才激励保障参数（2026）',
      effectiveFrom: '2026-01-01',
      parameters: {
        ...base,
        payFloor: { ...base.payFloor, assistant: 3_500_00 },
        socialInsurance: { ...base.socialInsurance, pension: 1_800 },
      },
    },
  });
  expect(published.status, await published.clone().text()).toBe(201);
  newer = ((await published.json()) as { id: string }).id;
});

describe('a draft costed before a newer rule set', () => {
  it('is recosted when read, with the rule set it was costed with before and a recost audit event', async () => {
    const before = draft.contract;
    expect(before.findingCounts).toEqual({ errors: 0, warnings: 0 });
    const view = await read(before.id);
    expect(view.contract.ruleSet.id).toBe(newer);
    expect(view.version.ruleSet.id).toBe(newer);
    expect(view.version.recosted?.from.id).toBe(world.ruleSetIds.bureauA);
    expect(view.contract.version).toBe(before.version + 1);
    // Two frontline assistants at ¥3,400 under the ¥3,500 floor.
    expect(view.contract.findingCounts.errors).toBe(2);
    expect(view.contract.findingRuleIds).toContain('P-W3');
    // Pension 18 % instead of 16 % on the posts' SI bases: the labour cost rises.
    expect(view.contract.labourCost).toBeGreaterThan(before.labourCost);
    expect(view.contract.labourCost).toBe(view.version.assessment.costing.labourCost);
    expect(view.contract.newerGuideline).toBeUndefined();

    const events = (await world.table.auditEvents(world.tenant('orgA').id)).filter(
      (e) => e.entityId === before.id && e.action === 'contract.recost',
    );
    expect(events).toHaveLength(1);
  });

  it('reads the same in the list, on a second read, in its sheet and in its editor', async () => {
    const view = await read(draft.contract.id);
    expect(view.contract.version).toBe(draft.contract.version + 1); // recosted once, not on every read
    const row = (await listed()).find((c) => c.id === draft.contract.id);
    expect(row).toEqual(view.contract);

    const sheet = await world.request('GET', `/v1/contracts/${draft.contract.id}/costing.xlsx`, { as: reader() });
    expect(sheet.status).toBe(200);
    const cells = await workbookCells(await sheet.arrayBuffer());
    expect(cells.some((c) => typeof c.value === 'string' && c.value.includes(newer))).toBe(true);
    expect(cells.some((c) => c.value === view.contract.labourCost / 100)).toBe(true);

    const editor = await world.page('GET', `/org/contracts/${draft.contract.id}/edit`, { as: pm() });
    const html = await editor.text();
    expect(editor.status).toBe(200);
    const yuan = (view.contract.labourCost / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
    expect(html).toContain(`¥${yuan}`);
    const page = await (await world.page('GET', `/org/contracts/${draft.contract.id}`, { as: pm() })).text();
    expect(page).toContain(`¥${yuan}`);
    expect(page).toContain('按新规则集自动重新测算');
  });
});

describe('a signed contract under a newer rule set', () => {
  it('keeps the version it was signed with', async () => {
    const view = await read(signed.id);
    expect(view.version).toEqual(signedBefore.version);
    expect(view.contract.ruleSet.id).toBe(world.ruleSetIds.bureauA);
    expect(view.contract.labourCost).toBe(signedBefore.contract.labourCost);
    expect(view.contract.version).toBe(signed.version);
  });

  it('names the newer guideline, from when, and what it would change', async () => {
    const { contract, version } = await read(signed.id);
    expect(contract.newerGuideline).toMatchObject({ ruleSet: { id: newer }, appliesFrom: '2026-01-01' });
    const effect = contract.newerGuideline?.effect;
    expect(effect?.labourCost.before).toBe(version.assessment.costing.labourCost);
    expect(effect?.labourCost.after).toBeGreaterThan(effect?.labourCost.before ?? Infinity);
    expect(effect?.priceFloor.after).toBeGreaterThan(effect?.priceFloor.before ?? Infinity);
    expect(effect?.added.map((f) => [f.kind, f.ruleId, f.path])).toEqual([
      ['payBelowFloor', 'P-W3', '/plan/posts/1/monthlyPay'],
      ['payBelowFloor', 'P-W3', '/plan/posts/2/monthlyPay'],
    ]);
    expect(effect?.resolved).toEqual([]);
  });

  it('is marked in the list (without the effect) and counted on the dashboard', async () => {
    const rows = await listed();
    const row = rows.find((c) => c.id === signed.id);
    expect(row?.newerGuideline).toEqual({ ruleSet: expect.objectContaining({ id: newer }), appliesFrom: '2026-01-01' });
    // The world's own signed contract (GKMZ-2026-009) runs in 2026 too.
    const agreed = rows.filter((c) => c.status !== 'draft' && c.newerGuideline);
    expect(agreed.length).toBe(2);
    const html = await (await world.page('GET', '/org', { as: pm() })).text();
    expect(html).toContain('2 份已提交或签订的合同适用新指导标准');
    expect(html).toContain('2026年1月1日起适用新指导标准');
    const page = await (await world.page('GET', `/org/contracts/${signed.id}`, { as: pm() })).text();
    expect(page).toContain('id="newer-guideline"');
    expect(page).toContain('2026年1月1日起，本合同服务期限内适用更新的规则集');
  });
});
