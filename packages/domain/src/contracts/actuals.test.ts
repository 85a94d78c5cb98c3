import { describe, expect, it } from 'vitest';
import type { BudgetLines } from '../costing/lines.ts';
import { COSTING_RULES as RULES } from '../costing/test-fixtures.ts';
import { findingText } from '../findings/text.ts';
import {
  type ActualMonthInput,
  ActualMonthInput as ActualMonthSchema,
  budgetVsActual,
  costActualMonth,
  monthInTerm,
  monthLastDay,
  projectionToleranceFor,
} from './actuals.ts';
import { CONTRACT_STATUSES, NEXT_STATUSES, takesActuals } from './contract.ts';

/**
 * The costing tests' rule set (costing/test-fixtures.ts): floors none ¥2,000 · assistant ¥3,000 ·
 * social worker ¥4,000; SI 1600 + 800 + 50 + 25 + 10 bp on ¥3,000 … ¥10,000; HF 500 bp on
 * ¥2,500 … ¥12,000. A social worker at ¥4,000 costs M = 400 000 + 99 400 + 20 000 = 519 400 a month
 * (post.test.ts works it out).
 */
const NO_EXPENSES = { supervision: 0, activities: 0, management: 0, tax: 0, other: 0 };

const month = (expenses: Partial<ActualMonthInput['expenses']>, payroll: ActualMonthInput['payroll'] = []) => ({
  payroll,
  expenses: { ...NO_EXPENSES, ...expenses },
});

const worker = (sharePercent: number, grossPay = 400_000) => ({
  name: '李明',
  certLevel: 'social_worker' as const,
  grossPay,
  sharePercent,
});

describe('ActualMonthInput', () => {
  it('refuses a person listed twice, naming the second row', () => {
    const result = ActualMonthSchema.safeParse(
      month({}, [
        { ...worker(50), personId: 'p1' },
        { ...worker(50), personId: 'p1' },
      ]),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('/'))).toEqual(['payroll/1/personId']);
  });

  it('refuses a share of 0 % or over 100 %, fractions of fen, and unknown fields', () => {
    const bad = ActualMonthSchema.safeParse({
      payroll: [worker(0), worker(101), { ...worker(50), grossPay: 1.5 }],
      expenses: { ...NO_EXPENSES, travel: 1 },
    });
    expect(bad.error?.issues.map((i) => i.path.join('/'))).toEqual([
      'payroll/0/sharePercent',
      'payroll/1/sharePercent',
      'payroll/2/grossPay',
      'expenses',
    ]);
  });

  it('takes a month with no payroll (expenses only)', () => {
    expect(ActualMonthSchema.safeParse(month({ activities: 1 })).success).toBe(true);
  });
});

describe('costActualMonth', () => {
  it('costs each person for their share of the month, SI and HF included', () => {
    // Row 0: social worker at ¥4,000, 33 % → round(519 400 × 33 × 1 / 100) = 171 402.
    // Row 1: assistant at ¥3,200, 100 %: siBase = max(320 000, 300 000) = 320 000 → SI = 320 000 ×
    //   2485 / 10 000 = 79 520; HF = 320 000 × 500 / 10 000 = 16 000; M = 415 520.
    // personnel = 171 402 + 415 520 = 586 922; total = 586 922 + 10 000 + 25 000 = 621 922.
    const cost = costActualMonth(
      '2026-03',
      month({ supervision: 10_000, activities: 25_000 }, [
        worker(33),
        { name: '王芳', certLevel: 'assistant', grossPay: 320_000, sharePercent: 100 },
      ]),
      RULES,
    );
    expect(cost.payroll.map((r) => [r.costing.monthly, r.costing.cost])).toEqual([
      [519_400, 171_402],
      [415_520, 415_520],
    ]);
    expect(cost.lines).toEqual({
      personnel: 586_922,
      supervision: 10_000,
      activities: 25_000,
      management: 0,
      tax: 0,
      other: 0,
    });
    expect(cost.total).toBe(621_922);
    expect(cost.findings).toEqual([]);
  });

  it('flags a person paid below the floor of their level with P-W3 and the shortfall', () => {
    // Assistant floor 300 000; paid 280 000 → shortfall 20 000. Costed all the same:
    // siBase = 300 000 (base floor) → SI 74 550; HF = 280 000 × 5 % = 14 000; M = 368 550.
    const cost = costActualMonth(
      '2026-03',
      month({}, [worker(100), { name: '王芳', certLevel: 'assistant', grossPay: 280_000, sharePercent: 100 }]),
      RULES,
    );
    expect(cost.payroll[1]?.costing.cost).toBe(368_550);
    expect(cost.findings).toEqual([
      expect.objectContaining({
        kind: 'payBelowFloor',
        severity: 'error',
        ruleId: 'P-W3',
        path: '/payroll/1/grossPay',
        amounts: {
          pay: 280_000,
          floor: 300_000,
          shortfall: 20_000,
          certLevel: 'assistant',
          month: '2026-03',
          name: '王芳',
        },
      }),
    ]);
  });

  it('pay exactly at the floor is fine; one fen below is flagged', () => {
    const at = costActualMonth('2026-03', month({}, [worker(100, 400_000)]), RULES);
    const below = costActualMonth('2026-03', month({}, [worker(100, 399_999)]), RULES);
    expect(at.findings).toEqual([]);
    expect(below.findings.map((f) => f.kind === 'payBelowFloor' && f.amounts.shortfall)).toEqual([1]);
  });

  it('does not flag a person on establishment (P-W1), whose pay follows state rules', () => {
    const cost = costActualMonth(
      '2026-03',
      month({}, [{ ...worker(100, 250_000), personId: 'civil-1' }]),
      RULES,
      new Set(['civil-1']),
    );
    expect(cost.findings).toEqual([]);
    expect(cost.payroll[0]?.exempt).toBe(true);
  });
});

// A one-year budget: V = 7 210 000 fen.
const BUDGET: BudgetLines = {
  personnel: 6_000_000,
  supervision: 120_000,
  activities: 600_000,
  management: 300_000,
  tax: 90_000,
  other: 100_000,
};

describe('budgetVsActual', () => {
  it('sums the months, projects them straight-line over the term and flags overspending', () => {
    // Term 2026-01-01 … 2026-12-31: 12 months. January and March recorded (February not):
    // monthsElapsed = 3 (January through March; February counts, with nothing spent).
    const jan = costActualMonth(
      '2026-01',
      month({ supervision: 10_000, activities: 50_000, management: 80_000, other: 150_000 }, [worker(100)]),
      RULES,
    );
    const mar = costActualMonth(
      '2026-03',
      month({ supervision: 10_000, activities: 50_000, management: 30_000 }, [worker(100)]),
      RULES,
    );
    const result = budgetVsActual({
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      budget: BUDGET,
      months: [mar, jan],
    });
    expect(result).toMatchObject({ termMonths: 12, monthsElapsed: 3, months: ['2026-01', '2026-03'] });
    // personnel 519 400 × 2 = 1 038 800 → × 12 / 3 = 4 155 200; remaining 6 000 000 − 1 038 800 = 4 961 200
    // supervision 20 000 → 80 000; activities 100 000 → 400 000
    // management 110 000 → 440 000 > 300 000: heading over budget by 140 000 (warning, N-7)
    // tax 0 → 0; other 150 000 > 100 000: over budget by 50 000 (error, P-W2), projected 600 000
    expect(result.lines.map((l) => [l.line, l.actual, l.remaining, l.projected, l.ruleId])).toEqual([
      ['personnel', 1_038_800, 4_961_200, 4_155_200, 'P-W2'],
      ['supervision', 20_000, 100_000, 80_000, 'P-W2'],
      ['activities', 100_000, 500_000, 400_000, 'P-W2'],
      ['management', 110_000, 190_000, 440_000, 'N-7'],
      ['tax', 0, 90_000, 0, 'P-W2'],
      ['other', 150_000, -50_000, 600_000, 'P-W2'],
    ]);
    // budget 7 210 000; actual 1 038 800 + 20 000 + 100 000 + 110 000 + 150 000 = 1 418 800
    // projected 4 155 200 + 80 000 + 400 000 + 440 000 + 600 000 = 5 675 200
    expect(result.totals).toEqual({ budget: 7_210_000, actual: 1_418_800, remaining: 5_791_200, projected: 5_675_200 });
    expect(
      result.findings.map((f) => [f.severity, f.ruleId, f.path, f.kind, 'excess' in f.amounts && f.amounts.excess]),
    ).toEqual([
      ['warning', 'N-7', '/lines/management', 'projectedOverBudget', 140_000],
      ['error', 'P-W2', '/lines/other', 'actualOverBudget', 50_000],
    ]);
    // The overspent line carries one flag, not also "heading over".
    expect(result.lines[5]?.findings).toHaveLength(1);
  });

  it('notes, not warns, a projected overrun within the tolerance; real overruns stay warnings (issue 10, point 9)', () => {
    // Activities budget ¥6,000.00 (600 000 fen): 1 % = ¥60.00 < ¥100.00, so the tolerance is ¥100.00.
    // Six months of ¥500.00 (4 fen more in January) project 300 004 × 12 / 6 = 600 008: ¥0.08 over, a
    // note. At ¥510.00 a month, 306 004 × 2 = 612 008: ¥120.08 over, a warning.
    const months = (amount: number) =>
      ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((m, i) =>
        costActualMonth(m, month({ activities: amount + (i === 0 ? 4 : 0) }), RULES),
      );
    const pennies = budgetVsActual({
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      budget: BUDGET,
      months: months(50_000),
    });
    expect(pennies.findings.map((f) => [f.kind, f.severity, f.amounts])).toEqual([
      ['projectedOverBudget', 'info', expect.objectContaining({ excess: 8, tolerance: 100_00 })],
    ]);
    expect(findingText(pennies.findings[0]!, 'zh-CN')).toContain('在提示阈值 ¥100.00 之内，仅作提示');
    const real = budgetVsActual({
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      budget: BUDGET,
      months: months(51_000),
    });
    expect(real.findings.map((f) => [f.kind, f.severity])).toEqual([['projectedOverBudget', 'warning']]);
    // The rule set's own tolerance: 2 % of ¥6,000.00 = ¥120.00 < ¥120.08, a warning; 3 % = ¥180.00, a note.
    const custom = budgetVsActual({
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      budget: BUDGET,
      months: months(51_000),
      tolerance: { share: 200, amount: 0 },
    });
    expect(custom.findings.map((f) => f.severity)).toEqual(['warning']);
    const lenient = budgetVsActual({
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      budget: BUDGET,
      months: months(51_000),
      tolerance: { share: 300, amount: 0 },
    });
    expect(lenient.findings.map((f) => f.severity)).toEqual(['info']);
  });

  it('takes the larger of the share of the line and the amount as the tolerance', () => {
    expect(projectionToleranceFor(600_000)).toBe(100_00);
    expect(projectionToleranceFor(50_000_000)).toBe(500_000);
    expect(projectionToleranceFor(1_000_050, { share: 100, amount: 0 })).toBe(10_001);
  });

  it('counts calendar months for a contract starting mid-month, and rounds the projection half-up', () => {
    // Term 2026-01-15 … 2027-01-14 touches 13 calendar months (January 2026 … January 2027).
    // January and February recorded: monthsElapsed 2.
    // activities 50 000 + 50 001 = 100 001 → 100 001 × 13 / 2 = 650 006.5 → 650 007 (half-up)
    // supervision 33 333 + 0 = 33 333 → 33 333 × 13 / 2 = 216 664.5 → 216 665
    // other 1 + 0 = 1 → 13 / 2 = 6.5 → 7
    const result = budgetVsActual({
      startDate: '2026-01-15',
      endDate: '2027-01-14',
      budget: BUDGET,
      months: [
        costActualMonth('2026-01', month({ activities: 50_000, supervision: 33_333, other: 1 }), RULES),
        costActualMonth('2026-02', month({ activities: 50_001 }), RULES),
      ],
    });
    expect(result).toMatchObject({ termMonths: 13, monthsElapsed: 2 });
    const projected = Object.fromEntries(result.lines.map((l) => [l.line, l.projected]));
    expect(projected).toMatchObject({ activities: 650_007, supervision: 216_665, other: 7 });
    // 216 665 > 120 000: supervision is heading over budget.
    expect(
      result.findings.map((f) => [f.ruleId, f.path, f.kind === 'projectedOverBudget' && f.amounts.projected]),
    ).toEqual([
      ['P-W2', '/lines/supervision', 216_665],
      ['P-W2', '/lines/activities', 650_007],
    ]);
  });

  it('one month into a mid-month contract counts one month elapsed; 33 333 × 13 / 3 rounds down', () => {
    // Start 2026-01-15, March recorded alone: January, February, March → 3 elapsed.
    // 33 333 × 13 / 3 = 144 443 exactly; 10 000 × 13 / 3 = 43 333.33… → 43 333.
    const result = budgetVsActual({
      startDate: '2026-01-15',
      endDate: '2027-01-14',
      budget: BUDGET,
      months: [costActualMonth('2026-03', month({ supervision: 33_333, activities: 10_000 }), RULES)],
    });
    expect(result.monthsElapsed).toBe(3);
    expect(result.lines.find((l) => l.line === 'supervision')?.projected).toBe(144_443);
    expect(result.lines.find((l) => l.line === 'activities')?.projected).toBe(43_333);
    const january = budgetVsActual({
      startDate: '2026-01-15',
      endDate: '2027-01-14',
      budget: BUDGET,
      months: [costActualMonth('2026-01', month({ other: 1 }), RULES)],
    });
    expect(january.monthsElapsed).toBe(1);
  });

  it('with nothing recorded, nothing is spent or projected and nothing is flagged', () => {
    const result = budgetVsActual({ startDate: '2026-01-01', endDate: '2026-12-31', budget: BUDGET, months: [] });
    expect(result.monthsElapsed).toBe(0);
    expect(result.totals).toEqual({ budget: 7_210_000, actual: 0, remaining: 7_210_000, projected: 0 });
    expect(result.findings).toEqual([]);
  });

  it('once the last month is recorded the projection is the actual', () => {
    // 2026-01-01 … 2026-03-31: 3 months, all recorded → projected = actual = 3 × 40 000.
    const months = ['2026-01', '2026-02', '2026-03'].map((m) =>
      costActualMonth(m, month({ activities: 40_000 }), RULES),
    );
    const result = budgetVsActual({ startDate: '2026-01-01', endDate: '2026-03-31', budget: BUDGET, months });
    expect(result.lines.find((l) => l.line === 'activities')).toMatchObject({ actual: 120_000, projected: 120_000 });
  });

  it("carries each month's P-W3 findings with the month in the path", () => {
    const march = costActualMonth('2026-03', month({}, [worker(50, 390_000)]), RULES);
    const result = budgetVsActual({ startDate: '2026-01-01', endDate: '2026-12-31', budget: BUDGET, months: [march] });
    expect(result.findings).toEqual([
      expect.objectContaining({
        kind: 'payBelowFloor',
        ruleId: 'P-W3',
        path: '/months/2026-03/payroll/0/grossPay',
        amounts: expect.objectContaining({ shortfall: 10_000 }),
      }),
    ]);
  });
});

describe('months', () => {
  it('knows the last day of a month and whether a month is in the term', () => {
    expect(monthLastDay('2024-02')).toBe('2024-02-29');
    expect(monthLastDay('2026-12')).toBe('2026-12-31');
    expect(monthInTerm('2026-01', '2026-01-15', '2027-01-14')).toBe(true);
    expect(monthInTerm('2027-01', '2026-01-15', '2027-01-14')).toBe(true);
    expect(monthInTerm('2027-02', '2026-01-15', '2027-01-14')).toBe(false);
    expect(monthInTerm('2025-12', '2026-01-15', '2027-01-14')).toBe(false);
  });
});

describe('takesActuals', () => {
  it('stays true along every status change once true (the store reads the status and relies on it)', () => {
    for (const status of CONTRACT_STATUSES.filter(takesActuals))
      for (const next of NEXT_STATUSES[status])
        expect([status, next, takesActuals(next)]).toEqual([status, next, true]);
    expect(CONTRACT_STATUSES.filter(takesActuals)).toEqual(['signed', 'running', 'closed']);
  });
});
