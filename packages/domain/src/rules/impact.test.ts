import { describe, expect, it } from 'vitest';
import { assessContract } from '../contracts/assessment.ts';
import { draft } from '../contracts/test-fixtures.ts';
import { COSTING_RULES, costingRules } from '../costing/test-fixtures.ts';
import { contractImpact, draftGoverns, summariseImpact } from './impact.ts';
import type { RuleSet } from './rule-set.ts';

const published = (region: string, effectiveFrom: string, version = 1) =>
  ({ region, effectiveFrom, version, id: `${region}-${effectiveFrom}-v${version}` }) as RuleSet;

describe('which contracts a draft rule set would govern (P-U1)', () => {
  const term = { region: '450602', startDate: '2026-01-01', endDate: '2027-12-31' };
  it('a city draft governs a county contract under the city’s rules, from its effective date', () => {
    expect(
      draftGoverns({ region: '450600', effectiveFrom: '2026-07-01' }, term, published('450600', '2023-01-01')),
    ).toBe('2026-07-01');
  });
  it('not a contract under the county’s own rule set, nor one that ends before it takes effect', () => {
    const county = { ...term, region: '450681' };
    expect(
      draftGoverns({ region: '450600', effectiveFrom: '2026-07-01' }, county, published('450681', '2024-01-01')),
    ).toBe(undefined);
    expect(
      draftGoverns({ region: '450600', effectiveFrom: '2028-01-01' }, term, published('450600', '2023-01-01')),
    ).toBe(undefined);
  });
  it('a correction of the version in force governs from the contract’s start; another region’s draft governs nothing', () => {
    expect(
      draftGoverns({ region: '450600', effectiveFrom: '2023-01-01' }, term, published('450600', '2023-01-01')),
    ).toBe('2026-01-01');
    expect(
      draftGoverns({ region: '450681', effectiveFrom: '2023-01-01' }, term, published('450600', '2023-01-01')),
    ).toBe(undefined);
  });
});

describe('the impact of a draft rule set', () => {
  // The fixture draft (hand-costed in contracts/test-fixtures.ts): V ¥80,000, one social worker,
  // personnel ¥63,600 (79.5 %), management 5 %, activities ¥10,000; here paid ¥4,000 a month.
  const d = draft((x) => {
    (x.plan.posts[0] as { monthlyPay?: number }).monthlyPay = 4_000_00;
  });
  const version = { draft: d, costedPosts: d.plan.posts, assessment: assessContract(d, COSTING_RULES) };
  const contract = {
    organisationId: 'o',
    id: 'c',
    number: 'A-1',
    title: 't',
    status: 'running',
    value: 80_000_00,
    region: '450602',
  };

  it('the current rules flag nothing; a higher floor and labour share flag all three, with the extra funding', () => {
    expect(contractImpact(contract, '2026-01-01', version, COSTING_RULES)?.effects).toEqual([]);
    const draftRules = costingRules((r) => {
      r.payFloor.social_worker = 5_000_00;
      r.minLabourShare = 8000;
    });
    const impact = contractImpact(contract, '2026-01-01', version, draftRules);
    // Floor: the smallest V with V − round(3 % V) − round(5 % V) − 10,000 ≥ 80 % V: ¥83,333.35.
    expect(impact).toMatchObject({
      stage: 'running',
      effects: ['payBelowFloor', 'labourShareBelowMin', 'belowPriceFloor'],
      before: [],
      priceFloor: { after: 83_333_35 },
      extraFunding: 3_333_35,
    });
    const summary = summariseImpact({ region: '450600', effectiveFrom: '2026-07-01' }, [
      impact!,
      { ...impact!, contractId: 'd', status: 'draft', stage: 'draft', effects: [], extraFunding: 0 },
    ]);
    expect(summary.figures.total).toEqual({
      examined: 2,
      payBelowFloor: 1,
      labourShareBelowMin: 1,
      belowPriceFloor: 1,
      noPriceFloor: 0,
      extraFunding: 3_333_35,
    });
    expect(summary.figures.draft.examined).toBe(1);
    expect(summary.counties.map((c) => [c.county, c.total.examined])).toEqual([['450602', 2]]);
    expect(summary.contracts.map((c) => c.contractId)).toEqual(['c']);
  });

  it('a closed contract is not counted', () => {
    expect(contractImpact({ ...contract, status: 'closed' }, '2026-01-01', version, COSTING_RULES)).toBeUndefined();
  });
});
