import { describe, expect, it } from 'vitest';
import { costingRules, COSTING_RULES as RULES } from '../costing/test-fixtures.ts';
import { findingText } from '../findings/text.ts';
import {
  assessContract,
  blockingTermFindings,
  type NamedPerson,
  resolveNamedPosts,
  submissionBlockers,
} from './assessment.ts';
import type { ContractDraft, ContractPost } from './contract.ts';
import { explainPriceFloor } from './floor-explanation.ts';
import { draft, post } from './test-fixtures.ts';

/** Lines for a value V with management 5 %, tax 3 %, activities 10,000.00 and the rest personnel. */
function atValue(d: ContractDraft, value: number): void {
  const tax = Math.round((value * 3) / 100);
  const management = Math.round((value * 5) / 100);
  d.terms.value = value;
  d.terms.milestones = [{ name: '全款', dueDate: '2026-12-31', amount: value }];
  d.plan.lines = { ...d.plan.lines, tax, management, personnel: value - tax - management - d.plan.lines.activities };
}

describe('assessContract', () => {
  it('costs the example to the fen with no findings, and gives its price floor', () => {
    const a = assessContract(draft(), RULES);
    expect(a.termMonths).toBe(12);
    expect(a.costing.posts[0]).toMatchObject({
      pay: 4_000_00,
      si: 994_00,
      hf: 200_00,
      monthly: 5_194_00,
      cost: 62_328_00,
    });
    expect(a.costing.labourCost).toBe(62_328_00);
    expect(a.findings).toEqual([]);
    // Management share m = ⌊4,000.00 × 10000 / 80,000.00⌋ = 500 bp. The floor is the least V with
    // V − round(3 % V) − round(5 % V) − 10,000.00 ≥ 62,328.00: V × 92 % ≈ 72,328.00 → V ≈ 78,617.39;
    // at V = 78,617.39: tax 2,358.52 (2,358.5217), management 3,930.87 (3,930.8695), personnel
    // 62,328.00 exactly; one fen less leaves 62,327.99. The share holds: 62,328.00 ≥ 70 % × 78,617.39.
    expect(a.priceFloor).toMatchObject({
      feasible: true,
      value: 78_617_39,
      labourCost: 62_328_00,
      managementShare: 500,
      fixed: { supervision: 0, activities: 10_000_00, other: 0 },
      ruleId: 'P-W2',
    });
  });

  it('remaps the costing’s pointers into the draft: posts under /plan, lines under /plan/lines, the value under /terms', () => {
    const a = assessContract(
      draft((d) => {
        // ¥3,900 is ¥100 under the social-worker floor; the lines then add up to 100 fen too many.
        d.plan.posts[0]!.monthlyPay = 3_900_00;
        d.plan.lines.other = 1_00;
        // Management ¥9,000 is over the cap of 10 % × 80,000 = 8,000.00 (and the lines are off by more).
        d.plan.lines.management = 9_000_00;
      }),
      RULES,
    );
    const where = a.findings.map((f) => [f.ruleId, f.path, f.kind]);
    expect(where).toEqual([
      ['P-W3', '/plan/posts/0/monthlyPay', 'payBelowFloor'],
      ['N-7', '/plan/lines/management', 'managementOverCap'],
      // 63,600 + 10,000 + 9,000 + 2,400 + 1.00 = 85,001.00: 5,001.00 over V.
      ['P-W2', '/terms/value', 'budgetUnbalanced'],
      // The floor at the capped 10 % management: L = (3,900 + 969.15 + 195.00) × 12 = 60,769.80, and
      // V × 87 % ≥ 60,769.80 + 10,000.00 needs V ≈ 81,344.60 > 80,000.00.
      ['P-W2', '/terms/value', 'belowPriceFloor'],
    ]);
    expect(a.findings[2]?.amounts).toMatchObject({ linesTotal: 85_001_00, difference: 5_001_00 });
  });

  it('flags a value below the price floor with the shortfall (P-W2, /terms/value)', () => {
    // V = 78,000.00: tax 2,340.00, management 3,900.00, personnel 61,760.00 < L = 62,328.00.
    const a = assessContract(
      draft((d) => atValue(d, 78_000_00)),
      RULES,
    );
    expect(a.priceFloor).toMatchObject({ feasible: true, value: 78_617_39, managementShare: 500 });
    expect(a.findings).toEqual([
      expect.objectContaining({
        kind: 'personnelBelowLabourCost',
        ruleId: 'P-W2',
        path: '/plan/lines/personnel',
        amounts: expect.objectContaining({ shortfall: 568_00 }),
      }),
      expect.objectContaining({
        kind: 'belowPriceFloor',
        ruleId: 'P-W2',
        path: '/terms/value',
        amounts: {
          value: 78_000_00,
          priceFloor: 78_617_39,
          shortfall: 617_39,
          managementShare: 500,
          labourCost: 62_328_00,
          bindsOn: 'labourCost',
        },
      }),
    ]);
    expect(findingText(a.findings[1]!, 'zh-CN')).toContain('起决定作用的是人力成本');
  });

  it('blames the personnel share, not pay, when the share sets the floor (as the calculator explains it)', () => {
    // A minimum share of 80 %: personnel = 0.92 V − 10,000 ≥ 0.80 V needs V ≈ 83,333.34, above the
    // 78,617.39 that L needs; with the lines rounded to the fen, at 83,333.34 personnel is 66,666.67 <
    // ⌈66,666.672⌉, at 83,333.35 it is 66,666.68 = ⌈66,666.68⌉. At V = 80,000.00 personnel is
    // 63,600.00: L = 62,328.00 fits, the share does not.
    const rules = costingRules((r) => {
      r.minLabourShare = 8000;
    });
    const a = assessContract(draft(), rules);
    const below = a.findings.find((f) => f.kind === 'belowPriceFloor');
    expect(below?.amounts).toMatchObject({ priceFloor: 83_333_35, labourCost: 62_328_00, bindsOn: 'labourShare' });
    expect(a.findings.map((f) => f.kind)).not.toContain('personnelBelowLabourCost');
    const calculator = explainPriceFloor(draft().plan.posts, a.priceFloor.fixed, a.priceFloor.managementShare, rules);
    expect(calculator.binding).toEqual(['labourShare']);
    expect(findingText(below!, 'zh-CN')).toContain(
      '起决定作用的是人员经费比例：再少一分钱，人员经费就达不到当地最低比例（人力成本 ¥62,328.00 本身付得起，原因不在薪酬）',
    );
  });

  it('is silent at the floor itself and flags one fen below it', () => {
    expect(
      assessContract(
        draft((d) => atValue(d, 78_617_39)),
        RULES,
      ).findings,
    ).toEqual([]);
    const below = assessContract(
      draft((d) => atValue(d, 78_617_38)),
      RULES,
    ).findings.map((f) => f.kind);
    expect(below).toContain('belowPriceFloor');
  });

  it('says when no value is feasible: tax 3 % + management 10 % + labour share 90 % leave nothing for fixed lines', () => {
    const rules = costingRules((r) => {
      r.minLabourShare = 9000;
    });
    // Management 8,000.00 of 80,000.00 = 1000 bp, the cap; activities 10,000 > 0 make it infeasible.
    const a = assessContract(
      draft((d) => {
        d.plan.lines.management = 8_000_00;
        d.plan.lines.personnel = 59_600_00;
      }),
      rules,
    );
    expect(a.priceFloor).toMatchObject({ feasible: false, reason: 'no_value', managementShare: 1000, ruleId: 'P-W2' });
    expect(a.findings).toContainEqual(
      expect.objectContaining({
        kind: 'noPriceFloor',
        ruleId: 'P-W2',
        path: '/terms/value',
        amounts: { value: 80_000_00, managementShare: 1000 },
      }),
    );
  });

  it('holds the management share to the cap, and takes the cap when the value is 0', () => {
    // 12,000.00 of 80,000.00 is 1500 bp, over the 1000 bp cap: the floor is worked at 1000.
    expect(
      assessContract(
        draft((d) => (d.plan.lines.management = 12_000_00)),
        RULES,
      ).priceFloor.managementShare,
    ).toBe(1000);
    const zero = assessContract(
      draft((d) => {
        d.terms.value = 0;
        d.terms.milestones = [];
        d.plan.lines = { personnel: 0, supervision: 0, activities: 0, management: 0, tax: 0, other: 0 };
      }),
      RULES,
    );
    expect(zero.priceFloor.managementShare).toBe(1000);
  });

  it('puts the term’s findings (N-1, N-3) first, and only those stop a submission', () => {
    const a = assessContract(
      draft((d) => {
        d.terms.milestones = [];
        d.plan.posts[0]!.monthlyPay = 3_000_00;
      }),
      RULES,
    );
    expect(a.findings.map((f) => f.ruleId)).toEqual(['N-3', 'P-W3']);
    expect(submissionBlockers(a).map((f) => f.ruleId)).toEqual(['N-3']);
  });
});

describe('blockingTermFindings', () => {
  it('is the N-1 refusal only, without the blocking mark', () => {
    const thirteen = draft((d) => {
      d.terms.endDate = '2027-01-31';
      d.terms.milestones = [];
    });
    expect(blockingTermFindings(thirteen, RULES)).toEqual([
      expect.objectContaining({ kind: 'termNeedsStableMark', ruleId: 'N-1', path: '/terms/stableRecurring' }),
    ]);
    expect(blockingTermFindings(thirteen, RULES)[0]).not.toHaveProperty('blocking');
    expect(blockingTermFindings(draft(), RULES)).toEqual([]);
  });
});

describe('resolveNamedPosts', () => {
  const person: NamedPerson = {
    id: 'p-1',
    name: '黄小梅',
    monthlyPay: 4_200_00,
    certificates: [
      { level: 'assistant', number: 'A1', obtainedOn: '2020-06-20' },
      // Obtained after the start date: it does not count for this contract.
      { level: 'social_worker', number: 'S1', obtainedOn: '2026-06-21' },
    ],
  };
  const named: ContractPost = { ...post, certLevel: 'none', monthlyPay: 1_00, personId: 'p-1' };

  it('puts the person’s pay and highest certificate on the start date into the post', () => {
    const { posts, unknown } = resolveNamedPosts([post, named], new Map([['p-1', person]]), '2026-01-01');
    expect(unknown).toEqual([]);
    expect(posts[0]).toBe(post);
    expect(posts[1]).toEqual({ ...named, certLevel: 'assistant', monthlyPay: 4_200_00, personName: '黄小梅' });
    // A year later the social-worker certificate counts.
    const later = resolveNamedPosts([named], new Map([['p-1', person]]), '2027-01-01');
    expect(later.posts[0]?.certLevel).toBe('social_worker');
  });

  it('returns the indexes of posts naming someone unknown, leaving them as entered', () => {
    const stranger = { ...named, personId: 'p-2' };
    const { posts, unknown } = resolveNamedPosts([named, post, stranger], new Map([['p-1', person]]), '2026-01-01');
    expect(unknown).toEqual([2]);
    expect(posts[2]).toBe(stranger);
  });

  it('costs the resolved post with the person’s pay', () => {
    const { posts } = resolveNamedPosts([named], new Map([['p-1', person]]), '2026-01-01');
    // ¥4,200: SI 24.85 % = 1,043.70, HF 210.00 → M = 5,453.70 × 12 = 65,444.40.
    const a = assessContract(
      draft((d) => (d.plan.posts = posts)),
      RULES,
    );
    expect(a.costing.posts[0]).toMatchObject({
      pay: 4_200_00,
      si: 1_043_70,
      hf: 210_00,
      monthly: 5_453_70,
      cost: 65_444_40,
    });
  });
});
