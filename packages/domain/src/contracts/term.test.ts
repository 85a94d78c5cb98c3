import { describe, expect, it } from 'vitest';
import { BLOCKING_TERM_KINDS } from '../findings/contract.ts';
import { withRules } from '../people/test-fixtures.ts';
import type { ContractTerms } from './contract.ts';
import { calendarMonths, termFindings, termMonths } from './term.ts';

/** N-1 with the national defaults: 12 months, 36 where the service is stable and recurring. */
const RULES = withRules(() => {});

const terms = (change: Partial<ContractTerms> = {}): ContractTerms => ({
  purchaser: { name: '防城港市港口区民政局', region: '450602' },
  number: 'T-1',
  title: '测试项目',
  services: ['helping_needy'],
  serviceArea: '港口区',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  stableRecurring: false,
  value: 100_000_00,
  deliverables: [],
  milestones: [{ name: '全款', dueDate: '2026-12-31', amount: 100_000_00 }],
  ...change,
});

describe('termMonths', () => {
  it.each([
    // A calendar year, and a year from mid-month, are 12 months; one day more is a 13th (part) month.
    ['2026-01-01', '2026-12-31', 12],
    ['2026-01-15', '2027-01-14', 12],
    ['2026-01-01', '2027-01-01', 13],
    ['2026-01-15', '2027-01-15', 13],
    // A single day, and a single whole month, are one month.
    ['2026-03-10', '2026-03-10', 1],
    ['2026-03-01', '2026-03-31', 1],
    ['2026-03-01', '2026-04-01', 2],
    // Month ends: a month from the 31st runs to the end of a shorter month (民法典 art. 202).
    ['2026-01-31', '2026-02-27', 1],
    ['2026-01-31', '2026-02-28', 1],
    ['2026-01-31', '2026-03-01', 2],
    ['2026-01-31', '2026-03-30', 2],
    ['2026-01-31', '2026-03-31', 3],
    ['2026-01-29', '2026-02-28', 1],
    ['2026-08-31', '2026-09-30', 1],
    ['2026-08-31', '2026-10-30', 2],
    // Leap years: a year from 29 February ends on 28 February; in a leap year 2028-01-30 … 02-29 is one month.
    ['2024-02-29', '2025-02-28', 12],
    ['2024-02-29', '2025-03-01', 13],
    ['2028-01-30', '2028-02-29', 1],
    ['2028-01-29', '2028-02-28', 1],
    ['2028-01-29', '2028-02-29', 2],
    ['2026-02-28', '2027-02-27', 12],
    ['2026-02-28', '2027-02-28', 13],
    // Three years exactly, and one day more.
    ['2026-01-01', '2028-12-31', 36],
    ['2026-01-01', '2029-01-01', 37],
  ])('%s … %s is %i months', (start, end, months) => {
    expect(termMonths(start, end)).toBe(months);
  });
});

describe('calendarMonths', () => {
  it('lists every calendar month a term touches, across a year end', () => {
    expect(calendarMonths('2026-11-15', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('gives one month for a term inside a month, and 13 for a year from mid-month', () => {
    expect(calendarMonths('2026-03-05', '2026-03-20')).toEqual(['2026-03']);
    expect(calendarMonths('2026-01-15', '2027-01-14')).toHaveLength(13);
  });

  it('counts calendar months, not term months: a year from 29 February touches 13, 31 January … 28 February two', () => {
    expect(calendarMonths('2024-02-29', '2025-02-28')).toHaveLength(13);
    expect(calendarMonths('2026-01-31', '2026-02-28')).toEqual(['2026-01', '2026-02']);
  });
});

describe('termFindings: N-1', () => {
  const n1 = (t: ContractTerms) => termFindings(t, RULES).filter((f) => f.ruleId === 'N-1');

  it('allows 12 months without the stable mark', () => {
    expect(n1(terms({ endDate: '2026-12-31' }))).toEqual([]);
  });

  it('refuses 13 months without the stable mark, at /terms/stableRecurring, blocking', () => {
    expect(n1(terms({ endDate: '2027-01-31' }))).toEqual([
      expect.objectContaining({
        kind: 'termNeedsStableMark',
        severity: 'error',
        path: '/terms/stableRecurring',
        amounts: { months: 13, limit: 12 },
      }),
    ]);
    expect(BLOCKING_TERM_KINDS).toContain('termNeedsStableMark');
  });

  it('allows 13 and 36 months with the stable mark', () => {
    expect(n1(terms({ endDate: '2027-01-31', stableRecurring: true }))).toEqual([]);
    expect(n1(terms({ endDate: '2028-12-31', stableRecurring: true }))).toEqual([]);
  });

  it('refuses 37 months with or without the mark, at /terms/endDate', () => {
    for (const stableRecurring of [true, false]) {
      expect(n1(terms({ endDate: '2029-01-01', stableRecurring }))).toEqual([
        expect.objectContaining({
          kind: 'termTooLong',
          path: '/terms/endDate',
          amounts: { months: 37, limit: 36 },
        }),
      ]);
    }
    expect(BLOCKING_TERM_KINDS).toContain('termTooLong');
  });

  it('follows the rule set: a bureau allowing 24 months refuses 25 with the mark', () => {
    const rules = withRules((r) => {
      r.national.maxStableContractMonths = 24;
    });
    const found = termFindings(terms({ endDate: '2028-01-31', stableRecurring: true }), rules);
    expect(found).toEqual([
      expect.objectContaining({ ruleId: 'N-1', amounts: expect.objectContaining({ limit: 24 }) }),
    ]);
  });
});

describe('termFindings: N-3', () => {
  const n3 = (t: ContractTerms) => termFindings(t, RULES).filter((f) => f.ruleId === 'N-3');

  it('is silent when the milestones add up to the value', () => {
    const milestones = [
      { name: '首期', dueDate: '2026-01-31', amount: 30_000_00 },
      { name: '尾期', dueDate: '2027-01-31', amount: 70_000_00 },
    ];
    expect(n3(terms({ milestones }))).toEqual([]);
  });

  it('flags a contract without milestones (not blocking: it stops only a submission)', () => {
    const found = n3(terms({ milestones: [] }));
    expect(found).toEqual([
      expect.objectContaining({
        kind: 'noMilestones',
        severity: 'error',
        path: '/terms/milestones',
        amounts: { value: 100_000_00 },
      }),
    ]);
    expect(BLOCKING_TERM_KINDS).not.toContain(found[0]?.kind);
  });

  it('gives the difference, signed, when they do not add up', () => {
    // 30,000.00 + 69,999.99 = 99,999.99: 1 fen short of 100,000.00.
    const short = n3(
      terms({
        milestones: [
          { name: '首期', dueDate: '2026-01-31', amount: 30_000_00 },
          { name: '尾期', dueDate: '2027-01-31', amount: 69_999_99 },
        ],
      }),
    );
    expect(short[0]?.kind).toBe('milestonesUnbalanced');
    expect(short[0]?.amounts).toEqual({ value: 100_000_00, milestonesTotal: 99_999_99, difference: -1 });
    expect(short[0]?.message).toBe('The milestones add up to ¥99,999.99, less than the contract value of ¥100,000.00.');
    const over = n3(terms({ milestones: [{ name: '全款', dueDate: '2026-12-31', amount: 100_000_01 }] }));
    expect(over[0]?.amounts).toMatchObject({ difference: 1 });
    expect(over[0]?.message).toMatch(/more than the contract value/);
  });
});
