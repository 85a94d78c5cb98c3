import type { ContractDraft } from '@shegong/domain';
import { CONTRACT_EXAMPLE, SIGNED_CONTRACT_EXAMPLE } from '@shegong/http';
import { contractFormFields } from '@shegong/web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * The contract pages' forms against DynamoDB Local, as a browser without script posts them: the
 * recost fragment, creating (once per form key), a stale edit that keeps what was typed, a
 * submission the milestones block (N-3), and an amendment of a contract that is not signed.
 * The example contract (Fangchenggang 2023, worked in packages/http/src/contracts/examples.ts)
 * costs its frontline posts at ¥3,400: SI on the ¥3,800 floor ¥900.60, HF ¥170, M ¥4,470.60,
 * × 12 = ¥53,647.20.
 */
const world = await World.create('contract-pages');
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const admin = () => world.user('orgA', 'admin');
const repos = () => world.store.tenant({ tenantId: world.tenant('orgA').id, userId: 'test' });

const withNumber = (number: string, change: (d: ContractDraft) => ContractDraft = (d) => d): ContractDraft =>
  change({ ...CONTRACT_EXAMPLE, terms: { ...CONTRACT_EXAMPLE.terms, number } });

async function post(path: string, form: Record<string, string | string[]>) {
  const response = await world.page('POST', path, { as: admin(), form });
  return { status: response.status, location: response.headers.get('Location') ?? '', html: await response.text() };
}

describe('the contract editor’s forms', () => {
  it('answers the recost as slots, a post paid ¥3,000 flagged P-W3 beside its figures', async () => {
    const fields = contractFormFields(CONTRACT_EXAMPLE);
    const { status, html } = await post('/org/contracts/preview', { ...fields, 'post-1-monthlyPay': '3000' });
    expect(status).toBe(200);
    // ¥3,000: SI ¥900.60 (the base floor), HF ¥150, M ¥4,050.60 × 12 = ¥48,607.20, ¥200 a month short.
    const slot = /<div id="costing-post-1"[\s\S]*?<\/div><\/div><div id="costing-post-2"/.exec(html)?.[0] ?? '';
    expect(slot).toContain('¥48,607.20');
    expect(slot).toContain('P-W3');
    expect(slot).toContain('每月差 ¥200.00');
    expect(html).toContain('id="costing-post-2"');
    expect(html).toMatch(/data-announce="已重新测算：\d+ 个错误/);
    expect(html).not.toContain('<html');
  });

  it('costs a post naming someone from the registry at that person’s pay, and refuses an unknown person', async () => {
    const personId = world.tenant('orgA').people[0]!;
    const person = await repos().people.get(personId);
    const fields = contractFormFields(CONTRACT_EXAMPLE);
    const named = await post('/org/contracts/preview', { ...fields, 'post-1-personId': personId });
    expect(named.status).toBe(200);
    expect(named.html).toContain(`按 ${person.name} 的月薪与证书测算`);
    const unknown = await post('/org/contracts/preview', { ...fields, 'post-1-personId': 'nobody-here' });
    expect(unknown.html).toContain('<a href="#post-1-personId">岗位 2 · 指定人员：所选人员不在本机构人员名册中</a>');
  });

  it('creates a contract once for a form posted twice, with the yuan as exact fen', async () => {
    const form = {
      ...contractFormFields(withNumber('PAGE-2026-001')),
      value: '280,000.00',
      action: 'save',
      _key: 'k'.repeat(32),
    };
    const first = await post('/org/contracts/new', form);
    expect(first.status).toBe(303);
    expect(first.location).toMatch(/^\/org\/contracts\/[^/?]+\?notice=created$/);
    const again = await post('/org/contracts/new', form);
    expect(again.location).toBe(first.location);
    const id = first.location.split('/')[3]!.split('?')[0]!;
    const stored = await repos().contracts.get(id);
    expect(stored).toMatchObject({ number: 'PAGE-2026-001', value: 280_000_00, status: 'draft' });
    const page = await world.page('GET', first.location, { as: admin() });
    expect(await page.text()).toContain('合同已创建');
  });

  it('refuses a value that is not yuan, naming the field, and writes nothing', async () => {
    const before = await world.table.snapshot();
    const form = { ...contractFormFields(withNumber('PAGE-2026-002')), action: 'save', value: '28万' };
    const { status, html } = await post('/org/contracts/new', form);
    expect(status).toBe(400);
    expect(html).toContain('<a href="#value">合同金额（元）：应为以元为单位的金额，如 3200.50');
    expect(html).toContain('value="28万"');
    expect(await world.table.snapshot()).toBe(before);
  });

  it('keeps what was typed when someone else saved the draft meanwhile, and says so', async () => {
    const id = world.tenant('orgA').contracts!.draft;
    const current = await repos().contracts.get(id);
    const view = await repos().contracts.version(id, current.currentVersion);
    const form = {
      ...contractFormFields(view.draft),
      title: '我改过的标题',
      action: 'save',
      version: String(current.version - 1),
    };
    const { status, html } = await post(`/org/contracts/${id}/edit`, form);
    expect(status).toBe(409);
    expect(html).toContain('其他人修改了这份合同');
    expect(html).toContain(`href="/org/contracts/${id}/edit"`);
    expect(html).toContain('value="我改过的标题"');
    // Saving again carries the version stored now: a deliberate overwrite.
    expect(html).toContain(`name="version" value="${current.version}"`);
    expect((await repos().contracts.get(id)).title).toBe(current.title);
  });

  it('refuses to submit a contract whose milestones do not add up (N-3), listing the blocker', async () => {
    const draft = withNumber('PAGE-2026-003', (d) => ({
      ...d,
      terms: { ...d.terms, milestones: d.terms.milestones.slice(0, 2) },
    }));
    const created = await post('/org/contracts/new', { ...contractFormFields(draft), action: 'save' });
    const id = created.location.split('/')[3]!.split('?')[0]!;
    const stored = await repos().contracts.get(id);
    const { status, html } = await post(`/org/contracts/${id}/status`, {
      to: 'submitted',
      version: String(stored.version),
    });
    expect(status).toBe(422);
    // ¥84,000 + ¥112,000 = ¥196,000 against ¥280,000.
    expect(html).toContain('N-3 · 付款节点合计 ¥196,000.00，少于合同金额 ¥280,000.00。');
    expect((await repos().contracts.get(id)).status).toBe('draft');
  });

  it('sends an amendment of a draft back to the contract, and writes nothing', async () => {
    const id = world.tenant('orgA').contracts!.draft;
    const before = await world.table.snapshot();
    const { status, location } = await post(`/org/contracts/${id}/amend`, {
      ...contractFormFields(CONTRACT_EXAMPLE),
      action: 'save',
      reason: '试一试',
      effectiveDate: '2026-03-01',
      version: '1',
    });
    expect(status).toBe(303);
    expect(location).toBe(`/org/contracts/${id}`);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('lists an amendment that names a person on a post by the person’s name, not an id', async () => {
    const id = world.tenant('orgA').contracts!.signed;
    const personId = world.tenant('orgA').people[0]!;
    const person = await repos().people.get(personId);
    const stored = await repos().contracts.get(id);
    const amended = await post(`/org/contracts/${id}/amend`, {
      ...contractFormFields(SIGNED_CONTRACT_EXAMPLE),
      'post-1-personId': personId,
      action: 'save',
      reason: '指定项目主管',
      effectiveDate: '2026-03-01',
      version: String(stored.version),
    });
    expect(amended.status).toBe(303);
    const page = await (await world.page('GET', `/org/contracts/${id}`, { as: admin() })).text();
    const changes = /<ul class="change-list">[\s\S]*?<\/ul>/.exec(page)?.[0] ?? '';
    expect(changes).toContain(
      `岗位 2 · 指定人员</span>：<span class="change-before">（无）</span> → <strong>${person.name}</strong>`,
    );
    expect(changes).not.toContain(personId);
  });
});
