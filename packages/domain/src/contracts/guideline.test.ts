import { describe, expect, it } from 'vitest';
import { COSTING_RULES, costingRules } from '../costing/test-fixtures.ts';
import type { RuleSetRef } from '../rules/rule-set.ts';
import { assessContract } from './assessment.ts';
import type { ContractStatus } from './contract.ts';
import { appliesFrom, guidelineEffect, guidelineStanding, sameContractTerms } from './guideline.ts';
import { draft } from './test-fixtures.ts';

const ref = (region: string, effectiveFrom: string, version = 1): RuleSetRef => ({
  id: `${region}-${effectiveFrom}-v${version}`,
  region,
  effectiveFrom,
  version,
  title: `${region} ${effectiveFrom}`,
});

const city2023 = ref('450600', '2023-01-01');
const correction = ref('450600', '2023-01-01', 2);
const city2026 = ref('450600', '2026-07-01');

const standing = (status: ContractStatus, atStart: RuleSetRef, atEnd: RuleSetRef = atStart) =>
  guidelineStanding({
    status,
    startDate: '2026-01-01',
    costedWith: city2023,
    inForceAtStart: atStart,
    inForceAtEnd: atEnd,
  });

describe('guidelineStanding', () => {
  it('is current while the rule set in force over the whole term is the one costed with', () => {
    for (const status of ['draft', 'submitted', 'signed', 'running', 'closed'] as const)
      expect(standing(status, city2023)).toEqual({ kind: 'current' });
  });

  it('recosts a draft whose start date now falls under another rule set (a correction included)', () => {
    expect(standing('draft', correction)).toEqual({ kind: 'recost', ruleSet: correction });
  });

  it('keeps an agreed contract as it is and names the newer rule set from the start of its term', () => {
    for (const status of ['submitted', 'signed', 'running'] as const)
      expect(standing(status, correction)).toEqual({ kind: 'newer', ruleSet: correction, appliesFrom: '2026-01-01' });
  });

  it('names a rule set taking effect within the term from its own date, for drafts and agreed contracts', () => {
    expect(standing('signed', city2023, city2026)).toEqual({
      kind: 'newer',
      ruleSet: city2026,
      appliesFrom: '2026-07-01',
    });
    expect(standing('draft', city2023, city2026)).toEqual({
      kind: 'newer',
      ruleSet: city2026,
      appliesFrom: '2026-07-01',
    });
  });

  it('prefers the rule set in force at the end of the term when both ends changed', () => {
    expect(standing('running', correction, city2026)).toMatchObject({ ruleSet: city2026 });
  });

  it('names no newer guideline for a rule set that changes nothing a contract reads (only the incentives)', () => {
    const onlyAwards = (r: RuleSetRef) => r.id !== city2026.id;
    const facts = { startDate: '2026-01-01', costedWith: city2023, inForceAtStart: city2023, inForceAtEnd: city2026 };
    expect(guidelineStanding({ ...facts, status: 'signed', changesContracts: onlyAwards })).toEqual({
      kind: 'current',
    });
    // A correction at the start that does change the terms is still named.
    expect(
      guidelineStanding({ ...facts, status: 'running', inForceAtStart: correction, changesContracts: onlyAwards }),
    ).toEqual({ kind: 'newer', ruleSet: correction, appliesFrom: '2026-01-01' });
  });

  it('compares every parameter but the incentives, whatever the key order', () => {
    const ratesOnly = costingRules((r) => {
      r.awards = { ...r.awards, internshipRates: { internship: 135_000, insurance: 3_000 } };
    });
    expect(sameContractTerms(COSTING_RULES, ratesOnly)).toBe(true);
    const reordered = Object.fromEntries(Object.entries(COSTING_RULES).reverse()) as typeof COSTING_RULES;
    expect(sameContractTerms(COSTING_RULES, reordered)).toBe(true);
    const floorRaised = costingRules((r) => {
      r.payFloor = { ...r.payFloor, social_worker: r.payFloor.social_worker + 1 };
    });
    expect(sameContractTerms(COSTING_RULES, floorRaised)).toBe(false);
  });

  it('leaves a closed contract alone', () => {
    expect(standing('closed', correction, city2026)).toEqual({ kind: 'current' });
  });

  it('applies a rule set from its effective date or the start of the term, whichever is later', () => {
    expect(appliesFrom(city2023, '2026-01-01')).toBe('2026-01-01');
    expect(appliesFrom(city2026, '2026-01-01')).toBe('2026-07-01');
  });
});

describe('guidelineEffect', () => {
  // The fixture: one social worker at the ¥4,000 floor; L = ¥62,328.00, no findings.
  const d = draft();
  const version = { draft: d, costedPosts: d.plan.posts, assessment: assessContract(d, COSTING_RULES) };

  it('says nothing changes under the same rules', () => {
    const effect = guidelineEffect(version, COSTING_RULES);
    expect(effect.labourCost).toEqual({ before: 62_328_00, after: 62_328_00 });
    expect(effect.added).toEqual([]);
    expect(effect.resolved).toEqual([]);
  });

  it('costs the posts as agreed under a higher floor: the pay is kept, P-W3 is added', () => {
    const raised = costingRules((r) => {
      r.payFloor.social_worker = 4_200_00;
    });
    const effect = guidelineEffect(version, raised);
    // The post names no pay, so it is costed at the floor: G 4,200, SI 1,043.70, HF 210, M 5,453.70 × 12.
    expect(effect.labourCost).toEqual({ before: 62_328_00, after: 65_444_40 });
    expect(effect.priceFloor.after).toBeGreaterThan(effect.priceFloor.before ?? Infinity);
  });

  it('lists a finding the newer rules add, and one they clear', () => {
    const paid = draft((x) => {
      x.plan.posts[0] = { ...x.plan.posts[0]!, monthlyPay: 3_900_00 };
    });
    const below = { draft: paid, costedPosts: paid.plan.posts, assessment: assessContract(paid, COSTING_RULES) };
    expect(below.assessment.findings.map((f) => f.kind)).toContain('payBelowFloor');
    const lowered = costingRules((r) => {
      r.payFloor.social_worker = 3_800_00;
    });
    expect(guidelineEffect(below, lowered).resolved.map((f) => f.kind)).toContain('payBelowFloor');
    const raised = costingRules((r) => {
      r.payFloor.social_worker = 4_500_00;
    });
    const atFloor = draft((x) => {
      x.plan.posts[0] = { ...x.plan.posts[0]!, monthlyPay: 4_000_00 };
    });
    const ok = { draft: atFloor, costedPosts: atFloor.plan.posts, assessment: assessContract(atFloor, COSTING_RULES) };
    expect(guidelineEffect(ok, raised).added).toEqual([
      expect.objectContaining({ kind: 'payBelowFloor', ruleId: 'P-W3', path: '/plan/posts/0/monthlyPay' }),
    ]);
  });
});
