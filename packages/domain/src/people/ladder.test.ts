import { describe, expect, it } from 'vitest';
import { ladderStanding, levelGaps, POST_CLASS_CERTIFICATE, validateLadder } from './ladder.ts';
import type { LadderInput, LadderLevel } from './person.ts';
import { ce, person, RULES } from './test-fixtures.ts';

/** Floors in RULES: none 200000, assistant 300000, social_worker 380000, senior 500000 fen. */
const level = (l: Partial<LadderLevel> & Pick<LadderLevel, 'id'>): LadderLevel => ({
  name: l.id,
  postClass: 'junior',
  requirements: {
    minCertificate: 'assistant',
    minYearsPractice: 0,
    minEducation: 'associate',
    continuingEducationUpToDate: false,
  },
  payBand: { min: 300_000, max: 350_000 },
  ...l,
});
const L1 = level({ id: 'junior-1', name: '初级社工' });
const L2 = level({
  id: 'middle-1',
  name: '中级社工',
  postClass: 'intermediate',
  requirements: {
    minCertificate: 'social_worker',
    minYearsPractice: 3,
    minEducation: 'bachelor',
    continuingEducationUpToDate: true,
  },
  payBand: { min: 400_000, max: 480_000 },
});
const L3 = level({
  id: 'senior-1',
  name: '高级社工',
  postClass: 'senior',
  requirements: {
    minCertificate: 'senior',
    minYearsPractice: 8,
    minEducation: 'master',
    continuingEducationUpToDate: true,
  },
  payBand: { min: 550_000, max: 700_000 },
});
const LADDER: LadderInput = { levels: [L1, L2, L3] };
const withLevel = (i: number, change: Partial<LadderLevel>): LadderInput => ({
  levels: LADDER.levels.map((l, j) => (j === i ? { ...l, ...change } : l)),
});

describe('post classes and certificates (P-C1)', () => {
  it('maps junior, intermediate and senior posts to the three certificates', () => {
    expect(POST_CLASS_CERTIFICATE).toEqual({
      none: 'none',
      junior: 'assistant',
      intermediate: 'social_worker',
      senior: 'senior',
    });
  });
});

describe('validating a ladder against the rule set', () => {
  it('finds nothing wrong with a sound ladder', () => {
    expect(validateLadder(LADDER, RULES)).toEqual([]);
  });

  it('accepts a band starting exactly at the floor, and cites P-W3 one fen below', () => {
    expect(validateLadder(withLevel(1, { payBand: { min: 380_000, max: 480_000 } }), RULES)).toEqual([]);
    // social_worker floor 380000 − band min 379999 = 1 fen short.
    expect(validateLadder(withLevel(1, { payBand: { min: 379_999, max: 480_000 } }), RULES)).toEqual([
      expect.objectContaining({
        kind: 'bandBelowFloor',
        severity: 'error',
        ruleId: 'P-W3',
        path: '/levels/1/payBand/min',
        amounts: { min: 379_999, floor: 380_000, shortfall: 1, certLevel: 'social_worker' },
      }),
    ]);
  });

  it('cites P-C1 when an intermediate post asks only for the assistant certificate', () => {
    const ladder = withLevel(1, { requirements: { ...L2.requirements, minCertificate: 'assistant' } });
    expect(validateLadder(ladder, RULES)).toEqual([
      expect.objectContaining({
        kind: 'levelBelowPostClass',
        severity: 'error',
        ruleId: 'P-C1',
        path: '/levels/1/requirements/minCertificate',
        amounts: { postClass: 'intermediate', needed: 'social_worker', has: 'assistant' },
      }),
    ]);
  });

  it('allows a level to require more than its post class needs', () => {
    expect(
      validateLadder(
        withLevel(0, {
          requirements: { ...L1.requirements, minCertificate: 'social_worker' },
          payBand: { min: 380_000, max: 400_000 },
        }),
        RULES,
      ),
    ).toEqual([]);
  });

  it('refuses an id used twice (P-C2), pointing at the second', () => {
    const findings = validateLadder(withLevel(2, { id: 'junior-1' }), RULES);
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'duplicateLevelId',
        severity: 'error',
        ruleId: 'P-C2',
        path: '/levels/2/id',
        amounts: { id: 'junior-1' },
      }),
    ]);
  });

  it('warns (P-C2) when a higher level asks for fewer years or less education than the one below', () => {
    const ladder = withLevel(2, {
      requirements: { ...L3.requirements, minYearsPractice: 2, minEducation: 'associate' },
    });
    expect(validateLadder(ladder, RULES)).toEqual([
      expect.objectContaining({
        kind: 'levelBelowPrevious',
        severity: 'warning',
        ruleId: 'P-C2',
        path: '/levels/2/requirements/minYearsPractice',
        amounts: { requirement: 'minYearsPractice', has: 2, below: 3 },
      }),
      expect.objectContaining({
        kind: 'levelBelowPrevious',
        severity: 'warning',
        ruleId: 'P-C2',
        path: '/levels/2/requirements/minEducation',
        amounts: { requirement: 'minEducation', has: 'associate', below: 'bachelor' },
      }),
    ]);
  });

  it('warns (P-C2) when a higher level asks for a lower certificate', () => {
    // Level 3 as an intermediate post asking for social_worker, below a level asking for senior.
    const ladder: LadderInput = {
      levels: [
        L1,
        { ...L3, id: 'top' },
        { ...L2, id: 'after-top', requirements: { ...L3.requirements, minCertificate: 'social_worker' } },
      ],
    };
    expect(validateLadder(ladder, RULES)).toEqual([
      expect.objectContaining({
        kind: 'levelBelowPrevious',
        severity: 'warning',
        ruleId: 'P-C2',
        path: '/levels/2/requirements/minCertificate',
        amounts: { requirement: 'minCertificate', has: 'social_worker', below: 'senior' },
      }),
    ]);
  });
});

describe('where a person stands on the ladder', () => {
  const TODAY = '2026-03-01';
  // A social worker since 2022, bachelor, in social work since 2024-01-01 (2 whole years on 2026-03-01),
  // 50 hours of continuing education last year, paid ¥3,200.00, holding the junior level.
  const worker = person({
    certificates: [{ level: 'social_worker', number: 'S1', obtainedOn: '2022-06-19' }],
    employment: [{ employer: '阳光', region: '450602', start: '2024-01-01', socialWork: true }],
    continuingEducation: [ce('2025-05-01', 500)],
    monthlyPay: 320_000,
    ladderLevelId: 'junior-1',
  });

  it('meets everything for the middle level but the years: missing minYearsPractice 3, has 2', () => {
    expect(ladderStanding(worker, LADDER, RULES, TODAY)).toEqual({
      qualifiesFor: 'junior-1',
      held: 'junior-1',
      next: { levelId: 'middle-1', missing: [{ requirement: 'minYearsPractice', needed: 3, has: 2 }] },
      band: { levelId: 'junior-1', min: 300_000, max: 350_000, pay: 320_000, inBand: true, ruleId: 'P-C2' },
    });
  });

  it('qualifies once the third year is complete (2024-01-01 + 3 years − 1 day = 2026-12-31)', () => {
    expect(ladderStanding(worker, LADDER, RULES, '2026-12-30').qualifiesFor).toBe('junior-1');
    const s = ladderStanding(worker, LADDER, RULES, '2026-12-31');
    expect(s.qualifiesFor).toBe('middle-1');
    expect(s.next).toEqual({
      levelId: 'senior-1',
      missing: [
        { requirement: 'minCertificate', needed: 'senior', has: 'social_worker' },
        { requirement: 'minYearsPractice', needed: 8, has: 3 },
        { requirement: 'minEducation', needed: 'master', has: 'bachelor' },
      ],
    });
  });

  it('lacks continuing education at 49.9 hours last year and none this year (in tenth-hours)', () => {
    const behind = {
      ...worker,
      employment: [{ ...worker.employment[0]!, start: '2020-01-01' }],
      continuingEducation: [ce('2025-05-01', 499)],
    };
    expect(ladderStanding(behind, LADDER, RULES, TODAY).next).toEqual({
      levelId: 'middle-1',
      missing: [{ requirement: 'continuingEducationUpToDate', needed: 500, has: 499 }],
    });
  });

  it('shows pay outside the held level’s band', () => {
    const underpaid = { ...worker, monthlyPay: 299_999 };
    expect(ladderStanding(underpaid, LADDER, RULES, TODAY).band).toMatchObject({ inBand: false, pay: 299_999 });
    const over = { ...worker, monthlyPay: 350_001 };
    expect(ladderStanding(over, LADDER, RULES, TODAY).band?.inBand).toBe(false);
    expect(ladderStanding({ ...worker, monthlyPay: 350_000 }, LADDER, RULES, TODAY).band?.inBand).toBe(true);
  });

  it('points a person held above what they qualify for at the level above the held one', () => {
    const s = ladderStanding({ ...worker, ladderLevelId: 'middle-1', monthlyPay: 400_000 }, LADDER, RULES, TODAY);
    expect(s).toMatchObject({ qualifiesFor: 'junior-1', held: 'middle-1', next: { levelId: 'senior-1' } });
    expect(s.band).toMatchObject({ levelId: 'middle-1', inBand: true });
  });

  it('gives no level to someone without a certificate, and the first level as the next', () => {
    const s = ladderStanding(person(), LADDER, RULES, TODAY);
    expect(s.qualifiesFor).toBeUndefined();
    expect(s.held).toBeUndefined();
    expect(s.band).toBeUndefined();
    expect(s.next).toEqual({
      levelId: 'junior-1',
      missing: [{ requirement: 'minCertificate', needed: 'assistant', has: 'none' }],
    });
  });

  it('has no next level at the top, and no band for a held id the ladder does not have', () => {
    const one: LadderInput = { levels: [L1] };
    expect(ladderStanding(worker, one, RULES, TODAY).next).toBeUndefined();
    const s = ladderStanding({ ...worker, ladderLevelId: 'gone' }, LADDER, RULES, TODAY);
    expect(s.held).toBe('gone');
    expect(s.band).toBeUndefined();
  });
});

describe('what a person lacks for one chosen level', () => {
  it('lists every unmet requirement of that level, whatever the level held', () => {
    const newcomer = person({ education: { level: 'associate', socialWorkMajor: false } });
    // No certificate, 0 years, associate education, no continuing education (0 of 500 tenth-hours).
    expect(levelGaps(newcomer, L2, RULES, '2026-03-01')).toEqual([
      { requirement: 'minCertificate', needed: 'social_worker', has: 'none' },
      { requirement: 'minYearsPractice', needed: 3, has: 0 },
      { requirement: 'minEducation', needed: 'bachelor', has: 'associate' },
      { requirement: 'continuingEducationUpToDate', needed: 500, has: 0 },
    ]);
    expect(
      levelGaps(newcomer, { ...L1, requirements: { ...L1.requirements, minCertificate: 'none' } }, RULES, '2026-03-01'),
    ).toEqual([]);
  });

  it('judges certificate, years and education without a rule set, but not continuing education', () => {
    const newcomer = person({ education: { level: 'associate', socialWorkMajor: false } });
    expect(levelGaps(newcomer, L2, undefined, '2026-03-01')).toBe('unchecked');
    const noCe = { ...L2, requirements: { ...L2.requirements, continuingEducationUpToDate: false } };
    expect(levelGaps(newcomer, noCe, undefined, '2026-03-01')).toEqual([
      { requirement: 'minCertificate', needed: 'social_worker', has: 'none' },
      { requirement: 'minYearsPractice', needed: 3, has: 0 },
      { requirement: 'minEducation', needed: 'bachelor', has: 'associate' },
    ]);
  });
});
