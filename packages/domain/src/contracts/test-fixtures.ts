import type { ContractDraft, ContractPost } from './contract.ts';

/**
 * The contract tests' draft (not exported from the package), costed by hand.
 *
 * The costing tests' rule set (costing/test-fixtures.ts): floors assistant ¥3,000 · social worker
 * ¥4,000; SI 16 % + 8 % + 0.5 % + 0.25 % + 0.1 % = 24.85 % on ¥3,000 … ¥10,000; HF 5 % on ¥2,500 …
 * ¥12,000; personnel ≥ 70 %, management ≤ 10 %, tax 3 %.
 *
 * One social worker at the floor, full time for 12 months:
 *   G = 4,000.00; SI = 640.00 + 320.00 + 20.00 + 10.00 + 4.00 = 994.00; HF = 200.00
 *   M = 5,194.00; cost = 5,194.00 × 12 = 62,328.00 = L
 * V = ¥80,000: tax 3 % = 2,400.00, management 5 % = 4,000.00, activities 10,000.00,
 * personnel = 80,000 − 2,400 − 4,000 − 10,000 = 63,600.00 ≥ L, and 79.5 % ≥ 70 %.
 */
export const post: ContractPost = {
  title: '社工',
  role: 'frontline',
  certLevel: 'social_worker',
  ftePercent: 100,
  months: 12,
};

export function draft(change: (d: ContractDraft) => void = () => {}): ContractDraft {
  const d: ContractDraft = {
    terms: {
      purchaser: { name: '防城港市民政局', region: '450600' },
      number: 'A-1',
      title: '测试',
      services: ['helping_needy'],
      serviceArea: '港口区',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      stableRecurring: false,
      value: 80_000_00,
      deliverables: [],
      milestones: [{ name: '全款', dueDate: '2026-12-31', amount: 80_000_00 }],
    },
    plan: {
      posts: [{ ...post }],
      lines: {
        personnel: 63_600_00,
        supervision: 0,
        activities: 10_000_00,
        management: 4_000_00,
        tax: 2_400_00,
        other: 0,
      },
      items: [],
    },
  };
  change(d);
  return d;
}
