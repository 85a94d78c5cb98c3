import { randomUUID } from 'node:crypto';
import {
  DONGXING_2026,
  FANGCHENGGANG_2023,
  type NewRuleSet,
  RULE_SET_FIELDS,
  withParameterDefaults,
} from '@shegong/domain';
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
    // As published, with the defaults of the parameters it lacks filled in (P-A1, P-A8, P-A9's window).
    expect(((await one.json()) as RuleSetBody).parameters).toEqual(
      withParameterDefaults(FANGCHENGGANG_2023).parameters,
    );
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

  /** The fields a page's form posts back unseen (the CSRF field is the test browser's own), repeated names as lists. */
  function hiddenFields(html: string): Record<string, string | string[]> {
    const fields: Record<string, string | string[]> = {};
    const unescaped = (v: string) =>
      v
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    for (const [, name = '', value = ''] of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g)) {
      if (name === '_csrf') continue;
      const had = fields[name];
      fields[name] = had === undefined ? unescaped(value) : [...(Array.isArray(had) ? had : [had]), unescaped(value)];
    }
    return fields;
  }

  /** The text a reader sees of a page's main part (no tags, no hidden values). */
  const mainText = (html: string) =>
    (html.split('<main')[1] ?? '')
      .split('</main>')[0]
      ?.replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ') ?? '';

  const review = (input: NewRuleSet, typed: Record<string, string> = {}) =>
    world.page('POST', '/bureau/rules/new', { as: world.user('bureauA'), form: form(input, typed) });

  const confirm = (fields: Record<string, string | string[]>, action = 'publish') =>
    world.page('POST', '/bureau/rules/new', { as: world.user('bureauA'), form: { ...fields, action } });

  const PAGE_VERSION: NewRuleSet = { ...FANGCHENGGANG_2023, effectiveFrom: '2026-02-15', title: '页面发布' };
  const TYPED = {
    'payFloor.assistant': '3200.50',
    'socialInsurance.medical': '6.8',
    'national.maxContractMonths': '24',
  };

  it('show what a new version changes against the one in force before publishing, writing nothing', async () => {
    const before = await world.table.snapshot();
    const response = await review(PAGE_VERSION, TYPED);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(await world.table.snapshot()).toBe(before);
    const text = mainText(html);
    // The version in force on 2026-02-15 for 450600, by its title, version and date, never its id.
    expect(text).toContain('更正版本（第 2 版）');
    expect(text).toContain('2025年1月1日起生效');
    expect(text).not.toContain('450600-2025-01-01-v2');
    // Published for good: said before anything else can be pressed.
    expect(text).toContain('发布后不可修改');
    expect(text).toContain('如发现错误，请发布一个更正版本');
    // Two changes (6.8 % is the medical rate in force), the rest counted.
    expect(text).toContain(`2 项参数变更，${RULE_SET_FIELDS.length - 2} 项未变`);
    const local = html.indexOf('id="changes-local"');
    const national = html.indexOf('id="changes-national"');
    expect(local).toBeGreaterThan(0);
    expect(national).toBeGreaterThan(local);
    // The pay floor among the local parameters, money in yuan, with its rule; the term among the national.
    const floor = html.indexOf('¥3,200.50');
    expect(floor).toBeGreaterThan(local);
    expect(floor).toBeLessThan(national);
    expect(html.slice(local, national)).toContain('¥3,200.00');
    expect(html.slice(local, national)).toContain('P-W3');
    expect(html.slice(local, national)).not.toContain('医疗保险');
    expect(html.slice(national)).toContain('12 个月');
    expect(html.slice(national)).toContain('24 个月');
    expect(html.slice(national)).toContain('N-1');
    // What was typed goes back unseen with the confirmation, and the buttons say what they do.
    const fields = hiddenFields(html);
    expect(fields['payFloor.assistant']).toBe('3200.50');
    expect(fields.title).toBe('页面发布');
    expect(fields.illustrative).toEqual([...FANGCHENGGANG_2023.illustrative]);
    expect(html).toContain('确认发布');
    expect(html).toContain('返回修改');
  });

  it('go back to the form with everything typed, writing nothing', async () => {
    const fields = hiddenFields(await (await review(PAGE_VERSION, { ...TYPED, notes: '第一行\n第二行' })).text());
    const before = await world.table.snapshot();
    const response = await confirm(fields, 'edit');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('id="p-payFloor-assistant"');
    expect(html).toContain('value="3200.50"');
    expect(html).toContain('value="页面发布"');
    expect(html).toMatch(/<textarea[^>]*>第一行\r?\n第二行<\/textarea>/);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('publish exact fen and basis points once confirmed, and show the new version', async () => {
    const fields = hiddenFields(await (await review(PAGE_VERSION, TYPED)).text());
    const response = await confirm(fields);
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/bureau/rules/450600-2026-02-15-v1?published=1');
    const stored = await world.store.ruleSet('450600-2026-02-15-v1');
    expect(stored.parameters.payFloor.assistant).toBe(320_050); // '3200.50' yuan
    expect(stored.parameters.socialInsurance.medical).toBe(680); // '6.8' %
    expect(stored.parameters.national.maxContractMonths).toBe(24);
    expect(stored.illustrative).toEqual(FANGCHENGGANG_2023.illustrative);
    // Pressed twice: the second press is answered as the first, nothing published again.
    const again = await confirm(fields);
    expect(again.status).toBe(303);
    expect(again.headers.get('Location')).toBe('/bureau/rules/450600-2026-02-15-v1?published=1');
    const history = await world.request('GET', '/v1/rule-sets?region=450600&limit=10', { as: world.user('orgA') });
    expect(((await history.json()) as { items: RuleSetBody[] }).items.map((r) => r.id)).not.toContain(
      '450600-2026-02-15-v2',
    );
    const page = await world.page('GET', '/bureau/rules/450600-2026-02-15-v1?published=1', { as: world.user('orgA') });
    expect(page.status).toBe(403); // the bureau's address is for bureaus; an organisation has /rules
    const shown = await (await world.page('GET', '/rules/450600-2026-02-15-v1', { as: world.user('orgA') })).text();
    expect(shown).toContain('¥3,200.50');
    expect(shown).toContain('6.8%');
    // Named by its title, region, date and version: the internal id only in the address (point 8).
    expect(mainText(shown)).not.toContain('450600-2026-02-15-v1');
    // The national parameters in their own section, after the local ones.
    expect(shown.indexOf('id="scope-national"')).toBeGreaterThan(shown.indexOf('id="scope-local"'));
    expect(shown.indexOf('24 个月')).toBeGreaterThan(shown.indexOf('id="scope-national"'));
  });

  it('show the confirmation again with the new changes when the version in force changed meanwhile', async () => {
    const version = { ...PAGE_VERSION, effectiveFrom: '2026-02-25', title: '页面发布（二月底）' };
    const fields = hiddenFields(await (await review(version, TYPED)).text());
    // Meanwhile a colleague publishes a version from 2026-02-20 with the new assistant floor already in it.
    const meanwhile = await publish({
      ...version,
      effectiveFrom: '2026-02-20',
      title: '同事发布的版本',
      parameters: {
        ...FANGCHENGGANG_2023.parameters,
        payFloor: { ...FANGCHENGGANG_2023.parameters.payFloor, assistant: 320_050 },
      },
    });
    expect(meanwhile.status).toBe(201);
    const before = await world.table.snapshot();
    const response = await confirm(fields);
    expect(response.status).toBe(409);
    expect(await world.table.snapshot()).toBe(before);
    const text = mainText(await response.clone().text());
    expect(text).toContain('现行版本已变更');
    expect(text).toContain('同事发布的版本（第 1 版）');
    // Against the colleague's version only the contract term is still a change.
    expect(text).toContain(`1 项参数变更，${RULE_SET_FIELDS.length - 1} 项未变`);
    // Confirming what is now shown publishes.
    const published = await confirm(hiddenFields(await response.text()));
    expect(published.status).toBe(303);
    expect(published.headers.get('Location')).toBe('/bureau/rules/450600-2026-02-25-v1?published=1');
  });

  it('show the confirmation again, publishing nothing, when the values posted are not those shown', async () => {
    const version = { ...PAGE_VERSION, effectiveFrom: '2026-02-27', title: '页面发布（被改动）' };
    const fields = hiddenFields(await (await review(version, TYPED)).text());
    const before = await world.table.snapshot();
    for (const tampered of [
      { ...fields, 'payFloor.senior': '9999' },
      { ...fields, _compared: '' },
      { ...fields, _confirm: '' },
    ]) {
      const response = await confirm(tampered);
      expect(response.status).toBe(409);
      const text = mainText(await response.text());
      expect(text).toContain('与确认页所示的不一致');
    }
    const shown = mainText(await (await confirm({ ...fields, 'payFloor.senior': '9999' })).text());
    expect(shown).toContain('¥9,999.00');
    expect(await world.table.snapshot()).toBe(before);
  });

  it('say so when nothing changed, and in English when the reader chose it', async () => {
    const inForce = await (
      await world.request('GET', '/v1/rule-sets/450600-2026-02-25-v1', { as: world.user('bureauA') })
    ).json();
    const same = {
      ...FANGCHENGGANG_2023,
      parameters: (inForce as RuleSetBody).parameters,
      effectiveFrom: '2026-02-28',
      title: '只改标题',
    };
    const zh = mainText(await (await review(same)).text());
    expect(zh).toContain('没有任何参数变更');
    const en = await world.page('POST', '/bureau/rules/new', {
      as: world.user('bureauA'),
      form: form(same),
      lang: 'en',
    });
    expect(mainText(await en.text())).toContain('No parameter changes');
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
