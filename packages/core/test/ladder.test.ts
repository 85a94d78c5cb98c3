import { randomUUID } from 'node:crypto';
import { FANGCHENGGANG_2023, LADDER_EXAMPLE, type LadderInput, type Person, type PersonInput } from '@shegong/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  currentLadder,
  getPerson,
  NotQualified,
  promote,
  promotionsOf,
  Refused,
  saveLadder,
  type UseCaseContext,
} from '../src/index.ts';
import { CoreWorld, personInput } from './fixtures.ts';

/**
 * The career ladder (P-C1, P-C2, P-W3) of organisations in 港口区 under Fangchenggang's 2023 rule
 * set, on 2026-03-15. Each test has an organisation of its own, so each starts before any ladder.
 */
let world: CoreWorld;

beforeAll(async () => {
  world = await CoreWorld.open('ladder');
  await world.publish(FANGCHENGGANG_2023);
});

afterAll(() => world?.close());

/** hr of a new organisation in a region, and of its ladder's first save where one is wanted. */
async function hrOfNewOrg(options: { region?: string; ladder?: LadderInput } = {}): Promise<UseCaseContext> {
  const hr = await world.as(await world.tenant('org', options.region ?? '450602'), 'hr');
  if (options.ladder) await saveLadder(hr, options.ladder, { firstSave: true });
  return hr;
}

/** The example ladder with one level changed. */
function changed(level: number, change: (l: LadderInput['levels'][number]) => void): LadderInput {
  const ladder = structuredClone(LADDER_EXAMPLE);
  change(ladder.levels[level]!);
  return ladder;
}

describe('saveLadder', () => {
  it('refuses a ladder that breaks a rule with the findings, writing nothing', async () => {
    const hr = await hrOfNewOrg();
    const broken = structuredClone(LADDER_EXAMPLE);
    broken.levels[1]!.payBand.min = 3_000_00; // under the assistant floor of ¥3,200 (P-W3)
    broken.levels[2]!.requirements.minCertificate = 'assistant'; // an intermediate post needs social worker (P-C1)
    const refusal = await world.refusedWithoutWriting(() => saveLadder(hr, broken, { firstSave: true }));
    expect(refusal).toBeInstanceOf(Refused);
    expect(refusal.message).toBe('The ladder breaks 2 rules of the rule set in force; nothing was saved');
    expect((refusal as Refused).findings.map((f) => [f.kind, f.ruleId, f.path, f.amounts])).toEqual([
      ['bandBelowFloor', 'P-W3', '/levels/1/payBand/min', expect.objectContaining({ min: 3_000_00, floor: 3_200_00 })],
      [
        'levelBelowPostClass',
        'P-C1',
        '/levels/2/requirements/minCertificate',
        expect.objectContaining({ needed: 'social_worker', has: 'assistant' }),
      ],
    ]);
  });

  it('saves a ladder with warnings and gives them back, as the current ladder does', async () => {
    const hr = await hrOfNewOrg();
    // The social-worker level asks fewer years than the level below it: a warning (P-C2), not a refusal.
    const lenient = changed(2, (l) => {
      l.requirements.minYearsPractice = 0;
    });
    const { ladder, check } = await saveLadder(hr, lenient, { firstSave: true });
    expect(ladder).toMatchObject({ version: 1, levels: lenient.levels });
    expect(check).toMatchObject({ date: '2026-03-15', ruleSet: { region: '450600', effectiveFrom: '2023-01-01' } });
    const warning = ['levelBelowPrevious', 'warning', '/levels/2/requirements/minYearsPractice'];
    expect(check.findings.map((f) => [f.kind, f.severity, f.path])).toEqual([warning]);
    const current = await currentLadder(hr);
    expect(current.findings.map((f) => [f.kind, f.severity, f.path])).toEqual([warning]);
  });

  it('saves a ladder no rule set can check, saying so as a warning', async () => {
    const hr = await hrOfNewOrg({ region: '450100' });
    const { ladder, check } = await saveLadder(hr, LADDER_EXAMPLE, { firstSave: true });
    expect(ladder.version).toBe(1);
    expect(check.ruleSet).toBeUndefined();
    expect(check.findings.map((f) => [f.kind, f.severity, f.amounts])).toEqual([
      ['ladderUnchecked', 'warning', { region: '450100', date: '2026-03-15' }],
    ]);
  });

  it('refuses a first save when a ladder is already there as Stale, writing nothing', async () => {
    const hr = await hrOfNewOrg({ ladder: LADDER_EXAMPLE });
    const refusal = await world.refusedWithoutWriting(() => saveLadder(hr, LADDER_EXAMPLE, { firstSave: true }));
    expect(refusal.kind).toBe('stale');
  });
});

describe('promote', () => {
  /**
   * Qualifies for `assistant` (assistant certificate since 2021, 5 years of practice, associate
   * degree, 52 hours of continuing education in 2025) but not for `social-worker`.
   */
  const candidate = (change: Partial<PersonInput> = {}) =>
    personInput({ name: '甲', education: { level: 'associate', socialWorkMajor: true }, ...change });
  const newcomer = async (hr: UseCaseContext, change: Partial<PersonInput> = {}): Promise<Person> =>
    hr.repos.people.create(candidate(change));
  /** The refusal of a promotion without a key, checking it wrote nothing. */
  const refusedPromotion = (hr: UseCaseContext, person: Person, toLevelId: string, date: string) =>
    world.refusedWithoutWriting(() => promote(hr, person.id, { toLevelId, date }));

  it('records a promotion once per key and moves the person to the level', async () => {
    const hr = await hrOfNewOrg({ ladder: LADDER_EXAMPLE });
    const person = await newcomer(hr);
    const key = randomUUID();
    const first = await promote(hr, person.id, { toLevelId: 'assistant', date: '2026-03-01' }, key);
    expect(first.replayed).toBe(false);
    expect(first.promotion).toMatchObject({ personId: person.id, toLevelId: 'assistant', ladderVersion: 1 });
    expect(first.person).toMatchObject({ ladderLevelId: 'assistant', version: person.version + 1 });
    const before = await world.snapshot();
    const retry = await promote(hr, person.id, { toLevelId: 'assistant', date: '2026-03-01' }, key);
    expect(retry).toMatchObject({ replayed: true, promotion: first.promotion });
    expect(await world.snapshot()).toBe(before);
    expect((await promotionsOf(hr, person.id, { limit: 10 })).items).toHaveLength(1);
    expect((await getPerson(hr, person.id)).version).toBe(person.version + 1);
    // The key stands for that promotion: another one under it is refused.
    const reused = await world.refusedWithoutWriting(() =>
      promote(hr, person.id, { toLevelId: 'social-worker', date: '2026-03-01' }, key),
    );
    expect(reused).toMatchObject({ kind: 'refused', reason: 'idempotency_mismatch' });
  });

  it('refuses a person who lacks what the level requires, naming each requirement (NotQualified)', async () => {
    const hr = await hrOfNewOrg({ ladder: LADDER_EXAMPLE });
    const person = await newcomer(hr);
    const refusal = await refusedPromotion(hr, person, 'social-worker', '2026-03-01');
    expect(refusal).toBeInstanceOf(NotQualified);
    expect(refusal).toMatchObject({ kind: 'refused', reason: 'not_qualified' });
    expect((refusal as NotQualified).missing).toEqual([
      { requirement: 'minCertificate', needed: 'social_worker', has: 'assistant' },
      { requirement: 'minEducation', needed: 'bachelor', has: 'associate' },
    ]);
    expect(refusal.fields).toEqual([
      {
        path: '/toLevelId',
        message: 'P-C2: minCertificate needs social_worker, has assistant',
        code: 'minCertificate',
        ruleId: 'P-C2',
        amounts: { needed: 'social_worker', has: 'assistant' },
      },
      {
        path: '/toLevelId',
        message: 'P-C2: minEducation needs bachelor, has associate',
        code: 'minEducation',
        ruleId: 'P-C2',
        amounts: { needed: 'bachelor', has: 'associate' },
      },
    ]);
    // Without continuing education in 2025 or 2026, P-R2's 50 hours (500 tenth-hours) are missing.
    const lapsed = await newcomer(hr, { continuingEducation: [] });
    const missing = await refusedPromotion(hr, lapsed, 'assistant', '2026-03-01');
    expect((missing as NotQualified).missing).toEqual([
      { requirement: 'continuingEducationUpToDate', needed: 500, has: 0 },
    ]);
  });

  it('refuses a level the ladder does not have, and a date in the future', async () => {
    const hr = await hrOfNewOrg({ ladder: LADDER_EXAMPLE });
    const person = await newcomer(hr);
    const unknown = await refusedPromotion(hr, person, 'director', '2026-03-01');
    expect(unknown).toMatchObject({ kind: 'refused', reason: 'unknown_level' });
    expect(unknown.fields).toEqual([{ path: '/toLevelId', message: 'is not a level of ladder version 1' }]);
    const future = await refusedPromotion(hr, person, 'assistant', '2026-03-16');
    expect(future).toMatchObject({ kind: 'refused', reason: 'future_date' });
    expect(future.fields).toEqual([{ path: '/date', message: 'must not be in the future' }]);
  });

  it('refuses a level that is not above the one held', async () => {
    const hr = await hrOfNewOrg({ ladder: LADDER_EXAMPLE });
    const person = await newcomer(hr);
    await promote(hr, person.id, { toLevelId: 'assistant', date: '2026-03-01' });
    for (const toLevelId of ['assistant', 'trainee']) {
      const refusal = await refusedPromotion(hr, person, toLevelId, '2026-03-10');
      expect(refusal).toMatchObject({ kind: 'conflict', reason: 'not_above' });
      expect(refusal.message).toBe('甲 already holds this level or a higher one');
      expect(refusal.fields).toEqual([{ path: '/toLevelId', message: 'must be above the level held (assistant)' }]);
    }
  });

  it('refuses a level asking for up-to-date continuing education on a day no rule set says how much', async () => {
    const hr = await hrOfNewOrg({ ladder: LADDER_EXAMPLE });
    const person = await newcomer(hr);
    const refusal = await refusedPromotion(hr, person, 'assistant', '2022-12-31');
    expect(refusal).toMatchObject({ kind: 'conflict', reason: 'no_rules' });
    expect(refusal.message).toContain('No rule set is in force for region 450602 on 2022-12-31');
    // A level that asks nothing of continuing education is judged on the rest.
    const trainee = await promote(hr, person.id, { toLevelId: 'trainee', date: '2022-12-31' });
    expect(trainee.person?.ladderLevelId).toBe('trainee');
  });

  it('refuses a promotion before the organisation has a ladder', async () => {
    const hr = await hrOfNewOrg();
    const person = await newcomer(hr);
    const refusal = await refusedPromotion(hr, person, 'assistant', '2026-03-01');
    expect(refusal).toMatchObject({ kind: 'conflict', reason: 'no_ladder' });
  });
});
