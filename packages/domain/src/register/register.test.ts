import { describe, expect, it } from 'vitest';
import type { CostedDraft } from '../contracts/records.ts';
import {
  costingFacts,
  inRegisterFilter,
  paysBelowGuideline,
  type RegisterAggregate,
  registerEntry,
  registerYear,
  totalsOf,
} from './register.ts';

const head = {
  id: 'c1',
  number: 'GK-2026-001',
  title: '项目',
  purchaser: { name: '港口区民政局', region: '450602' },
  startDate: '2025-12-01',
  endDate: '2026-11-30',
  value: 280_000_00,
  status: 'running' as const,
  labourCost: 192_236_40,
  priceFloor: 266_557_75,
};

/** Only what the facts read of a costed draft. */
const costed = (personnel: number, value: number, kinds: string[]) =>
  ({
    draft: { terms: { value }, plan: { lines: { personnel } } },
    assessment: { findings: kinds.map((kind) => ({ kind })) },
  }) as unknown as Pick<CostedDraft, 'draft' | 'assessment'>;

describe('the register (P-W2, P-W3)', () => {
  it('reads the personnel line’s share rounded down, and the P-W2 findings it filters by', () => {
    expect(costingFacts(costed(195_999_99, 280_000_00, ['budgetUnbalanced', 'labourShareBelowMin']))).toEqual({
      labourShareBp: 6999,
      kinds: ['labourShareBelowMin'],
    });
    expect(costingFacts(costed(0, 0, ['belowPriceFloor']))).toEqual({ labourShareBp: 0, kinds: ['belowPriceFloor'] });
  });

  it('flags a month of actuals that paid someone below the guideline (P-W3)', () => {
    expect(paysBelowGuideline([{ kind: 'actualOverBudget' }])).toBe(false);
    expect(paysBelowGuideline([{ kind: 'payBelowFloor' }])).toBe(true);
  });

  it('counts a contract in the year its term starts, with each finding’s rule id', () => {
    const entry = registerEntry('org1', head, { labourShareBp: 7292, kinds: ['belowPriceFloor'] }, true);
    expect(registerYear(head.startDate)).toBe(2025);
    expect(entry).toMatchObject({ organisationId: 'org1', contractId: 'c1', county: '450602', year: 2025 });
    expect(entry.findings).toEqual([
      { kind: 'belowPriceFloor', ruleId: 'P-W2' },
      { kind: 'paidBelowGuideline', ruleId: 'P-W3' },
    ]);
    expect(inRegisterFilter(entry, { finding: 'paidBelowGuideline', year: 2025, county: '450602' })).toBe(true);
    expect(inRegisterFilter(entry, { finding: 'labourShareBelowMin' })).toBe(false);
    expect(inRegisterFilter(entry, { organisationId: 'org2' })).toBe(false);
  });

  it('sums the aggregates a filter keeps, those breaking a rule for a finding filter', () => {
    const totals = (count: number) => ({ count, value: count * 100, labourCost: count * 70 });
    const none = { belowPriceFloor: totals(0), labourShareBelowMin: totals(0), paidBelowGuideline: totals(0) };
    const aggregates: RegisterAggregate[] = [
      {
        organisationId: 'a',
        county: '450602',
        year: 2026,
        status: 'running',
        all: totals(3),
        byFinding: { ...none, belowPriceFloor: totals(1) },
      },
      { organisationId: 'b', county: '450681', year: 2026, status: 'draft', all: totals(2), byFinding: none },
      {
        organisationId: 'a',
        county: '450681',
        year: 2025,
        status: 'running',
        all: totals(4),
        byFinding: { ...none, belowPriceFloor: totals(2) },
      },
    ];
    expect(totalsOf(aggregates, {})).toEqual(totals(9));
    expect(totalsOf(aggregates, { county: '450681' })).toEqual(totals(6));
    expect(totalsOf(aggregates, { status: 'running', year: 2026 })).toEqual(totals(3));
    expect(totalsOf(aggregates, { finding: 'belowPriceFloor' })).toEqual(totals(3));
    expect(totalsOf(aggregates, { organisationId: 'a', finding: 'belowPriceFloor', county: '450602' })).toEqual(
      totals(1),
    );
  });
});
