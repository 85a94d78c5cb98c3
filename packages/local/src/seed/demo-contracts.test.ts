import { assessContract, ContractDraft, calendarMonths, resolveNamedPosts } from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import {
  DEMO_CONTRACTS,
  DEMO_LONG_CONTRACTS,
  demoRulesOf,
  namedPeople,
  REGISTER_DEMO_CONTRACTS,
} from './demo-contracts.ts';

/** The checks of a demo contract's current version, costed as the API will cost it. */
function checksOf(draft: ContractDraft, contract: (typeof DEMO_CONTRACTS)[number]) {
  const parsed = ContractDraft.parse(draft);
  const { posts, unknown } = resolveNamedPosts(parsed.plan.posts, namedPeople(contract.tenant), parsed.terms.startDate);
  expect(unknown).toEqual([]);
  const assessment = assessContract({ ...parsed, plan: { ...parsed.plan, posts } }, demoRulesOf(contract.tenant));
  return assessment.findings.map((f) => `${f.severity}:${f.ruleId}:${f.kind}`);
}

describe('the demo contracts', () => {
  it('give each demo organisation contracts in several states, with the three cases the demo must show', () => {
    for (const tenantId of new Set(DEMO_CONTRACTS.map((c) => c.tenant.id))) {
      const own = DEMO_CONTRACTS.filter((c) => c.tenant.id === tenantId);
      expect(new Set(own.map((c) => c.status)).size).toBeGreaterThanOrEqual(3);
      expect(own.map((c) => c.shape)).toEqual(
        expect.arrayContaining(['compliant', 'labour-share-broken', 'below-price-floor']),
      );
      expect(own.some((c) => (c.actualMonths?.length ?? 0) >= 6)).toBe(true);
    }
  });

  it('show exactly what each is made to show', () => {
    for (const contract of [...DEMO_CONTRACTS, ...REGISTER_DEMO_CONTRACTS]) {
      const drafts = [contract.draft, ...(contract.amendment ? [contract.amendment.change(contract.draft)] : [])];
      for (const draft of drafts) {
        const checks = checksOf(draft, contract);
        if (contract.shape === 'compliant') expect(checks, draft.terms.title).toEqual([]);
        if (contract.shape === 'labour-share-broken')
          expect(checks, draft.terms.title).toContain('error:P-W2:labourShareBelowMin');
        if (contract.shape === 'below-price-floor') {
          expect(checks, draft.terms.title).toContain('error:P-W2:belowPriceFloor');
          expect(checks, draft.terms.title).toContain('error:P-W2:personnelBelowLabourCost');
        }
      }
    }
  });

  it('records actuals only in months of the term, and amends inside it', () => {
    for (const contract of DEMO_CONTRACTS) {
      const term = calendarMonths(contract.draft.terms.startDate, contract.draft.terms.endDate);
      for (const month of contract.actualMonths ?? []) expect(term).toContain(month);
      if (contract.amendment) {
        expect(contract.amendment.effectiveDate >= contract.draft.terms.startDate).toBe(true);
        expect(contract.amendment.effectiveDate <= contract.draft.terms.endDate).toBe(true);
      }
    }
  });

  it('give the register (台账) contracts in every county of the city and in every status and year', () => {
    const regions = new Set(REGISTER_DEMO_CONTRACTS.map((c) => c.draft.terms.purchaser.region));
    expect([...regions].sort()).toEqual(['450602', '450621', '450681']);
    for (const region of regions) {
      const own = REGISTER_DEMO_CONTRACTS.filter((c) => c.draft.terms.purchaser.region === region);
      expect(own.map((c) => c.shape)).toEqual(expect.arrayContaining(['compliant', 'below-price-floor']));
    }
    expect(new Set(REGISTER_DEMO_CONTRACTS.map((c) => c.status)).size).toBe(5);
    expect(new Set(REGISTER_DEMO_CONTRACTS.map((c) => c.draft.terms.startDate.slice(0, 4))).size).toBe(4);
  });
});

describe('the demo’s two-year contracts (N-6 spot checks)', () => {
  it('are compliant, run more than a year, and stand in both counties', () => {
    for (const contract of DEMO_LONG_CONTRACTS) {
      expect(checksOf(contract.draft, contract), contract.draft.terms.title).toEqual([]);
      expect(calendarMonths(contract.draft.terms.startDate, contract.draft.terms.endDate).length).toBeGreaterThan(12);
    }
    expect(new Set(DEMO_LONG_CONTRACTS.map((c) => c.draft.terms.purchaser.region))).toEqual(
      new Set(['450600', '450681']),
    );
  });
});
