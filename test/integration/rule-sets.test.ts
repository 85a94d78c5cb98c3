import { randomUUID } from 'node:crypto';
import { DONGXING_2026, FANGCHENGGANG_2023, type NewRuleSet } from '@shegong/domain';
import { ruleSetFormFields } from '@shegong/web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * Bureaus publish rule sets; everyone reads them. The world has bureau A (Fangchenggang, 450600)
 * with the city's rule set from 2023-01-01, bureau B (Dongxing, 450681) with its own from
 * 2026-01-01, and a province rule set (450000). Today is fixed at 2026-03-01.
 */
const world = await World.create('rule-sets', { deps: { today: () => '2026-03-01' } });
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

interface RuleSetBody {
  id: string;
  region: string;
  version: number;
  bureauId: string;
  bureauName?: string;
  parameters: NewRuleSet['parameters'];
  rules: Record<string, string>;
}

const problemOf = async (response: Response) =>
  (await response.json()) as { status: number; errors?: { path: string; message: string }[] };

const publish = (input: unknown, as = world.user('bureauA')) =>
  world.request('POST', '/v1/rule-sets', { as, json: input, headers: { 'Idempotency-Key': `k-${randomUUID()}` } });

const withPension = (pension: number): NewRuleSet => ({
  ...FANGCHENGGANG_2023,
  effectiveFrom: '2026-02-01',
  parameters: {
    ...FANGCHENGGANG_2023.parameters,
    socialInsurance: { ...FANGCHENGGANG_2023.parameters.socialInsurance, pension },
  },
});

describe('publishing through the API', () => {
  it('publishes a version for the bureau’s own region: 201, its id, ETag, and each value’s rule', async () => {
    const response = await publish({ ...FANGCHENGGANG_2023, effectiveFrom: '2025-01-01' });
    expect(response.status).toBe(201);
    expect(response.headers.get('ETag')).toBe('"1"');
    const body = (await response.json()) as RuleSetBody;
    expect(body).toMatchObject({
      id: '450600-2025-01-01-v1',
      version: 1,
      bureauId: world.tenant('bureauA').id,
      bureauName: '防城港市民政局',
    });
    expect(body.parameters.payFloor.assistant).toBe(320_000); // ¥3,200 as stored
    expect(body.rules['payFloor.assistant']).toBe('P-W3');
    expect(body.rules.continuingEducationHoursPerYear).toBe('P-R2');
    expect(body.rules['awards.amounts.senior']).toBe('P-A2');
  });

  it('makes a second publication of the same date a correction, version 2', async () => {
    const response = await publish({ ...FANGCHENGGANG_2023, effectiveFrom: '2025-01-01', title: '更正版本' });
    expect(((await response.json()) as RuleSetBody).id).toBe('450600-2025-01-01-v2');
  });

  it('lets a city bureau publish for a county in its jurisdiction', async () => {
    const response = await publish({ ...FANGCHENGGANG_2023, region: '450621', effectiveFrom: '2026-01-01' });
    expect(response.status).toBe(201);
  });

  it('refuses a rate above 100 % naming /parameters/socialInsurance/pension, and writes nothing', async () => {
    const before = await world.table.snapshot();
    const response = await publish(withPension(10_001));
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual(['/parameters/socialInsurance/pension']);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('refuses values that contradict each other, naming the field', async () => {
    const input = {
      ...FANGCHENGGANG_2023,
      parameters: {
        ...FANGCHENGGANG_2023.parameters,
        housingFund: { rate: 500, baseFloor: 3_000_000, baseCap: 1_000_000 },
      },
    };
    const response = await publish(input);
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual(['/parameters/housingFund/baseCap']);
  });

  it('refuses a county bureau publishing for its city: 403 naming /region', async () => {
    const before = await world.table.snapshot();
    const response = await publish({ ...FANGCHENGGANG_2023, effectiveFrom: '2026-02-01' }, world.user('bureauB'));
    expect(response.status).toBe(403);
    expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual(['/region']);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('refuses an organisation, an incubation base, the platform and a bureau auditor: 403', async () => {
    for (const as of [
      world.user('orgA'),
      world.user('incubatorA'),
      world.user('platform'),
      world.user('bureauA', 'auditor'),
    ]) {
      expect((await publish({ ...FANGCHENGGANG_2023, effectiveFrom: '2026-02-02' }, as)).status).toBe(403);
    }
  });
});

describe('reading through the API', () => {
  it('gives every kind of tenant the rule set in force for its region, and says where it comes from', async () => {
    const inForce = async (as: ReturnType<typeof world.user>, query = '') => {
      const response = await world.request('GET', `/v1/rule-sets/in-force${query}`, { as });
      expect(response.status).toBe(200);
      return (await response.json()) as { source: string; region: string; reason: string; ruleSet: RuleSetBody };
    };
    // orgA is in Gangkou (450602), which has none of its own: the city's newest (2025-01-01 v2).
    const org = await inForce(world.user('orgA'));
    expect(org).toMatchObject({ region: '450602', source: 'city', ruleSet: { id: '450600-2025-01-01-v2' } });
    expect(org.reason).toMatch(/P-U1/);
    // Dongxing's own from 2026-01-01.
    expect(await inForce(world.user('incubatorB'))).toMatchObject({
      source: 'own',
      ruleSet: { id: '450681-2026-01-01-v1' },
    });
    // The platform (450000) reads the province's own; Nanning (450100) has none, so the province's.
    expect(await inForce(world.user('platform'))).toMatchObject({ region: '450000', source: 'own' });
    expect(await inForce(world.user('orgA'), '?region=450100')).toMatchObject({ source: 'province' });
    // On 2025-12-31 Dongxing's own had not started: the city's.
    expect(await inForce(world.user('orgB'), '?region=450681&date=2025-12-31')).toMatchObject({
      source: 'city',
      ruleSet: { id: '450600-2025-01-01-v2' },
    });
  });

  it('answers 404 where none is in force, and 400 naming a bad date', async () => {
    const none = await world.request('GET', '/v1/rule-sets/in-force?region=440300', { as: world.user('orgA') });
    expect(none.status).toBe(404);
    const bad = await world.request('GET', '/v1/rule-sets/in-force?date=2026-02-30', { as: world.user('orgA') });
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(['/query/date']);
  });

  it('lists a region’s history newest first, with a cursor, to any tenant', async () => {
    const first = await world.request('GET', '/v1/rule-sets?region=450600&limit=2', { as: world.user('orgB') });
    const page = (await first.json()) as { items: RuleSetBody[]; cursor?: string };
    expect(page.items.map((r) => r.id)).toEqual(['450600-2025-01-01-v2', '450600-2025-01-01-v1']);
    const next = await world.request(
      'GET',
      `/v1/rule-sets?region=450600&limit=2&cursor=${encodeURIComponent(page.cursor ?? '')}`,
      { as: world.user('orgB') },
    );
    expect(((await next.json()) as { items: RuleSetBody[] }).items.map((r) => r.id)).toEqual(['450600-2023-01-01-v1']);
  });

  it('gives one version by id to any tenant, and 404 for an id never published', async () => {
    const one = await world.request('GET', '/v1/rule-sets/450600-2023-01-01-v1', { as: world.user('incubatorB') });
    expect(one.status).toBe(200);
    expect(((await one.json()) as RuleSetBody).parameters).toEqual(FANGCHENGGANG_2023.parameters);
    const none = await world.request('GET', '/v1/rule-sets/450600-2023-01-01-v7', { as: world.user('orgA') });
    expect(none.status).toBe(404);
  });
});

describe('the pages', () => {
  const form = (input: NewRuleSet, extra: Record<string, string> = {}) => ({
    ...ruleSetFormFields(input, extra),
    _key: `form-key-${randomUUID()}`,
  });

  it('show a bureau the rule set in force with rule badges, illustrative marks and the history', async () => {
    const response = await world.page('GET', '/bureau/rules', { as: world.user('bureauB') });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('¥3,500.00'); // Dongxing's assistant floor
    expect(html).toContain('P-W3');
    expect(html).toContain('示例值');
    expect(html).toContain('/bureau/rules/450681-2026-01-01-v1');
    expect(html).toContain('发布新版本');
  });

  it('show an organisation the rules that apply to it, without a way to publish', async () => {
    const html = await (await world.page('GET', '/rules', { as: world.user('orgA') })).text();
    expect(html).toContain('¥3,200.00');
    expect(html).toContain('16%'); // pension 1600 bp
    expect(html).not.toContain('/bureau/rules/new');
  });

  it('refuse a bad value with the error summary and field error, writing nothing', async () => {
    const before = await world.table.snapshot();
    const response = await world.page('POST', '/bureau/rules/new', {
      as: world.user('bureauA'),
      form: form(FANGCHENGGANG_2023, { 'payFloor.assistant': '3200.505', 'socialInsurance.pension': '100.01' }),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('error-summary');
    expect(html).toContain('href="#p-payFloor-assistant"');
    expect(html).toContain('href="#p-socialInsurance-pension"');
    // The money module's reasons, after each parameter's name.
    expect(html).toContain('助理社会工作师：金额最多两位小数（到分）');
    expect(html).toContain('养老保险：不能超过 100%');
    expect(html).toContain('value="3200.505"'); // what was typed stays
    expect(await world.table.snapshot()).toBe(before);
  });

  it('publish exact fen and basis points from yuan and percent, and show the new version', async () => {
    const response = await world.page('POST', '/bureau/rules/new', {
      as: world.user('bureauA'),
      form: form(
        { ...FANGCHENGGANG_2023, effectiveFrom: '2026-02-15', title: '页面发布' },
        { 'payFloor.assistant': '3200.50', 'socialInsurance.medical': '6.8' },
      ),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/bureau/rules/450600-2026-02-15-v1?published=1');
    const stored = await world.store.ruleSet('450600-2026-02-15-v1');
    expect(stored.parameters.payFloor.assistant).toBe(320_050); // '3200.50' yuan
    expect(stored.parameters.socialInsurance.medical).toBe(680); // '6.8' %
    expect(stored.illustrative).toEqual(FANGCHENGGANG_2023.illustrative);
    const page = await world.page('GET', '/bureau/rules/450600-2026-02-15-v1?published=1', { as: world.user('orgA') });
    expect(page.status).toBe(403); // the bureau's address is for bureaus; an organisation has /rules
    const shown = await (await world.page('GET', '/rules/450600-2026-02-15-v1', { as: world.user('orgA') })).text();
    expect(shown).toContain('¥3,200.50');
    expect(shown).toContain('6.8%');
  });

  it('ask for the area of P-A3’s run, refuse one that does not hold the region, and show it by name', async () => {
    const page = await (await world.page('GET', '/bureau/rules/new', { as: world.user('bureauB') })).text();
    // Prefilled from Dongxing's rule set in force: the whole city.
    expect(page).toMatch(/<option value="450600" selected="">防城港市 \(450600\)<\/option>/);
    const outside = await world.page('POST', '/bureau/rules/new', {
      as: world.user('bureauB'),
      form: form({ ...DONGXING_2026, effectiveFrom: '2026-09-01' }, { 'awards.continuityRegion': '450602' }),
    });
    expect(outside.status).toBe(400);
    const html = await outside.text();
    expect(html).toContain('href="#p-awards-continuityRegion"');
    expect(html).toContain('连续从事社会工作的计算地区：计算地区须为适用地区本身或包含它的地区（P-A3）');
    const shown = await (await world.page('GET', '/rules', { as: world.user('orgA') })).text();
    expect(shown).toContain('防城港市 (450600)');
    expect(shown).toContain('取得证书后首次登记的期限');
  });
});
