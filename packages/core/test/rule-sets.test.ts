import { randomUUID } from 'node:crypto';
import { DONGXING_2026, FANGCHENGGANG_2023, FANGCHENGGANG_2023_V2, type NewRuleSet } from '@shegong/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Forbidden,
  previewRuleSet,
  publishRuleSet,
  requireRuleSetInForce,
  ruleSetHistory,
  ruleSetInForce,
  type UseCaseContext,
} from '../src/index.ts';
import { CoreWorld, refusalOf } from './fixtures.ts';

/**
 * Rule sets published by the bureaus of Fangchenggang (450600) and of its county Dongxing (450681)
 * through the use case, and read by an organisation in 港口区 (450602), a county with none of its own.
 */
let world: CoreWorld;
let city: UseCaseContext;
let county: UseCaseContext;
let org: UseCaseContext;

beforeAll(async () => {
  world = await CoreWorld.open('rule-sets');
  city = await world.as(await world.tenant('bureau', '450600', '防城港市民政局'), 'reviewer');
  county = await world.as(await world.tenant('bureau', '450681', '东兴市民政局'), 'admin');
  org = await world.as(await world.tenant('org', '450602'), 'staff');
  await publishRuleSet(city, FANGCHENGGANG_2023);
  await publishRuleSet(city, FANGCHENGGANG_2023_V2);
  await publishRuleSet(county, DONGXING_2026);
});

afterAll(() => world?.close());

describe('publishRuleSet', () => {
  it('publishes for a county of the bureau’s city, once per key, naming the bureau', async () => {
    const input: NewRuleSet = {
      ...FANGCHENGGANG_2023,
      region: '450603',
      effectiveFrom: '2026-07-01',
      title: '防城区细则',
    };
    const key = randomUUID();
    const first = await publishRuleSet(city, input, key);
    expect(first.replayed).toBe(false);
    expect(first.ruleSet).toMatchObject({
      id: '450603-2026-07-01-v1',
      region: '450603',
      version: 1,
      bureauName: '防城港市民政局',
      publishedBy: city.actor.userId,
    });
    // Beside the values, the rule each serves.
    expect(first.ruleSet.rules['payFloor.assistant']).toBe('P-W3');
    const before = await world.snapshot();
    expect(await publishRuleSet(city, input, key)).toEqual({ ...first, replayed: true });
    expect(await world.snapshot()).toBe(before);
  });

  it.each([
    ['its city', '450600'],
    ['a neighbouring county', '450602'],
    ['another city', '450100'],
  ])('refuses a county bureau publishing for %s: Forbidden on /region, nothing written', async (_, region) => {
    const refusal = await world.refusedWithoutWriting(() =>
      publishRuleSet(county, { ...DONGXING_2026, region, effectiveFrom: '2026-09-01' }),
    );
    expect(refusal).toBeInstanceOf(Forbidden);
    expect(refusal.message).toBe('Your bureau may publish rule sets only for 450681 and the regions in it');
    expect(refusal.fields).toEqual([
      { path: '/region', message: 'is outside your jurisdiction (450681)', code: 'outsideJurisdiction' },
    ]);
  });

  it('refuses anyone but a bureau', async () => {
    const refusal = await world.refusedWithoutWriting(() => publishRuleSet(org, FANGCHENGGANG_2023));
    expect(refusal).toMatchObject({ kind: 'forbidden', message: 'Only a civil-affairs bureau publishes rule sets' });
  });

  it('refuses values that contradict each other as Invalid, naming each field, nothing written', async () => {
    const p = FANGCHENGGANG_2023.parameters;
    const contradictory: NewRuleSet = {
      ...FANGCHENGGANG_2023,
      effectiveFrom: '2026-09-01',
      illustrative: ['payFloor.assistant', 'payFloor.chief'],
      parameters: {
        ...p,
        socialInsurance: { ...p.socialInsurance, baseFloor: 5_000_00, baseCap: 4_000_00 },
        housingFund: { ...p.housingFund, baseFloor: 3_000_00, baseCap: 2_000_00 },
        minLabourShare: 8500, // with 15 % management and 3 % tax: 103 %
        maxManagementShare: 1500,
        national: {
          ...p.national,
          maxContractMonths: 24,
          maxStableContractMonths: 12,
          evaluationGrades: { excellent: 80, good: 90, pass: 60 },
        },
      },
    };
    const refusal = await world.refusedWithoutWriting(() => publishRuleSet(city, contradictory));
    expect(refusal).toMatchObject({ kind: 'invalid', message: 'Some values contradict each other' });
    expect(refusal.fields.map((f) => f.path)).toEqual([
      '/parameters/socialInsurance/baseCap',
      '/parameters/housingFund/baseCap',
      '/parameters/national/maxStableContractMonths',
      '/parameters/national/evaluationGrades',
      '/parameters/minLabourShare',
      '/illustrative/1',
    ]);
  });
});

describe('previewRuleSet: what publishing would change, before anything is written', () => {
  it('compares with the version in force for the region on the new effective date, writing nothing', async () => {
    const input: NewRuleSet = {
      ...FANGCHENGGANG_2023_V2,
      effectiveFrom: '2026-08-01',
      title: '防城港市参数（2026）',
      parameters: {
        ...FANGCHENGGANG_2023_V2.parameters,
        payFloor: { ...FANGCHENGGANG_2023_V2.parameters.payFloor, assistant: 3_300_50 },
      },
    };
    const before = await world.snapshot();
    const preview = await previewRuleSet(city, input);
    expect(await world.snapshot()).toBe(before);
    expect(preview.comparedWith).toMatchObject({ source: 'own', ruleSet: { id: '450600-2023-01-01-v2' } });
    expect(preview.diff.changed.map((c) => [c.field.path, c.before, c.after])).toEqual([
      ['payFloor.assistant', 3_200_00, 3_300_50],
    ]);
    // A county without its own is compared with its city's version, which it would replace there.
    const shangsi = await previewRuleSet(city, { ...input, region: '450621' });
    expect(shangsi.comparedWith).toMatchObject({ source: 'city', ruleSet: { id: '450600-2023-01-01-v2' } });
    // Before anything took effect, there is nothing to compare with: every value is new.
    const first = await previewRuleSet(city, { ...input, effectiveFrom: '2020-01-01' });
    expect(first.comparedWith).toBeUndefined();
    expect(first.diff.unchanged).toEqual([]);
  });

  it('refuses what publishing refuses: another jurisdiction, contradicting values', async () => {
    const outside = await world.refusedWithoutWriting(() =>
      previewRuleSet(county, { ...DONGXING_2026, region: '450600', effectiveFrom: '2026-09-01' }),
    );
    expect(outside).toBeInstanceOf(Forbidden);
    const p = FANGCHENGGANG_2023.parameters;
    const contradictory = await refusalOf(
      previewRuleSet(city, {
        ...FANGCHENGGANG_2023,
        parameters: { ...p, housingFund: { ...p.housingFund, baseFloor: 3_000_00, baseCap: 2_000_00 } },
      }),
    );
    expect(contradictory).toMatchObject({ kind: 'invalid' });
    expect(contradictory.fields.map((f) => f.path)).toEqual(['/parameters/housingFund/baseCap']);
    expect(await refusalOf(previewRuleSet(org, FANGCHENGGANG_2023))).toMatchObject({ kind: 'forbidden' });
  });
});

describe('publishRuleSet after a confirmation', () => {
  const input: NewRuleSet = { ...DONGXING_2026, effectiveFrom: '2026-10-01', title: '东兴市参数（2026 年 10 月）' };

  it('publishes when the version compared with is still the one in force', async () => {
    const { comparedWith } = await previewRuleSet(county, input);
    expect(comparedWith?.ruleSet.id).toBe('450681-2026-01-01-v1');
    const key = randomUUID();
    const { ruleSet } = await publishRuleSet(county, input, key, { comparedWith: comparedWith?.ruleSet.id });
    expect(ruleSet.id).toBe('450681-2026-10-01-v1');
    // A second press of the same confirmation is answered as the first, though the one in force is now it.
    expect(await publishRuleSet(county, input, key, { comparedWith: comparedWith?.ruleSet.id })).toMatchObject({
      replayed: true,
      ruleSet: { id: '450681-2026-10-01-v1' },
    });
  });

  it('refuses as Stale, writing nothing, when another version came into force since the comparison', async () => {
    // Compared with v1 of 2026-10-01 (the one just published); meanwhile someone corrects it (v2).
    const correction = { ...input, title: '东兴市参数（2026 年 10 月，更正）' };
    await publishRuleSet(county, correction, randomUUID());
    const refusal = await world.refusedWithoutWriting(() =>
      publishRuleSet(county, { ...input, notes: '再次发布' }, randomUUID(), { comparedWith: '450681-2026-10-01-v1' }),
    );
    expect(refusal).toMatchObject({ kind: 'stale', reason: 'comparedWithChanged' });
    expect(refusal.message).toBe(
      'The rule set in force for 450681 on 2026-10-01 is now 450681-2026-10-01-v2, not 450681-2026-10-01-v1: compare again',
    );
    // Compared with nothing, though one is in force.
    const none = await world.refusedWithoutWriting(() =>
      publishRuleSet(county, input, randomUUID(), { comparedWith: undefined }),
    );
    expect(none).toMatchObject({ kind: 'stale', reason: 'comparedWithChanged' });
  });
});

describe('the rule set in force', () => {
  it('says where it comes from: a county without its own falls back to its city (P-U1)', async () => {
    const inForce = await ruleSetInForce(org);
    expect(inForce).toMatchObject({ region: '450602', date: '2026-03-15', source: 'city' });
    expect(inForce?.reason).toBe(
      "450602 has none of its own in force, so its city's applies (P-U1): the latest published for 450600 on or before 2026-03-15 (from 2023-01-01, version 2)",
    );
    // The correction (version 2) supersedes the version of the same date it corrects.
    expect(inForce?.ruleSet).toMatchObject({ id: '450600-2023-01-01-v2', bureauName: '防城港市民政局' });
    expect(inForce?.ruleSet.parameters.housingFund.baseFloor).toBe(1_900_00);
  });

  it('is a county’s own from the day it takes effect, its city’s before', async () => {
    const own = await ruleSetInForce(org, { region: '450681', date: '2026-01-01' });
    expect(own).toMatchObject({ source: 'own', ruleSet: { id: '450681-2026-01-01-v1' } });
    expect(own?.reason).toBe(
      '450681 has its own rule set: the latest published for 450681 on or before 2026-01-01 (from 2026-01-01, version 1)',
    );
    const before = await ruleSetInForce(org, { region: '450681', date: '2025-12-31' });
    expect(before).toMatchObject({ source: 'city', ruleSet: { id: '450600-2023-01-01-v2' } });
  });

  it('is NotFound before any rule set takes effect, where one is required', async () => {
    expect(await ruleSetInForce(org, { date: '2022-12-31' })).toBeUndefined();
    const refusal = await refusalOf(requireRuleSetInForce(org, { date: '2022-12-31' }));
    expect(refusal).toMatchObject({ kind: 'notFound', message: 'No rule set is in force for 450602 on 2022-12-31' });
  });

  it('keeps every version in the history, newest first', async () => {
    const history = await ruleSetHistory(org, '450600', { limit: 10 });
    expect(history.items.map((r) => r.id)).toEqual(['450600-2023-01-01-v2', '450600-2023-01-01-v1']);
  });
});
