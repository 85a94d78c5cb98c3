import { describe, expect, it } from 'vitest';
import { COSTING_RULES as RULES } from '../costing/test-fixtures.ts';
import { costActualMonth } from './actuals.ts';
import { payMonthsOf } from './pay-months.ts';

/** Floors of the costing tests' rule set: assistant ¥3,000, social worker ¥4,000. */
const NO_EXPENSES = { supervision: 0, activities: 0, management: 0, tax: 0, other: 0 };
const row = (personId: string, grossPay: number, sharePercent = 100) => ({
  personId,
  name: personId,
  certLevel: 'social_worker' as const,
  grossPay,
  sharePercent,
});
const recorded = (
  contractId: string,
  month: string,
  payroll: ReturnType<typeof row>[],
  exempt = new Set<string>(),
) => ({
  contractId,
  month,
  cost: costActualMonth(month, { payroll, expenses: NO_EXPENSES }, RULES, exempt),
});

describe('payMonthsOf', () => {
  it('keeps only the person’s rows, newest month first, with the floor and the month’s own P-W3 shortfall', () => {
    const months = [
      recorded('c1', '2026-01', [row('p1', 380_000), row('p2', 450_000)]),
      recorded('c1', '2026-02', [row('p2', 450_000), row('p1', 410_000)]),
      recorded('c2', '2026-02', [row('p1', 410_000, 50)]),
      recorded('c2', '2026-03', [row('p3', 400_000)]),
    ];
    const pay = payMonthsOf('p1', months);
    expect(pay.map((p) => [p.month, p.contractId, p.grossPay, p.floor, p.shortfall])).toEqual([
      ['2026-02', 'c1', 410_000, 400_000, 0],
      ['2026-02', 'c2', 410_000, pay[1]?.floor, 0],
      ['2026-01', 'c1', 380_000, 400_000, 20_000],
    ]);
    expect(pay.every((p) => p.ruleId === 'P-W3')).toBe(true);
    expect(payMonthsOf('p9', months)).toEqual([]);
  });

  it('states no shortfall for a person on establishment (P-W1)', () => {
    const [month] = payMonthsOf('p1', [recorded('c1', '2026-01', [row('p1', 100_000)], new Set(['p1']))]);
    expect(month).toMatchObject({ exempt: true, shortfall: 0 });
  });
});
