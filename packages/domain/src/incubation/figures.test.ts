import { describe, expect, it } from 'vitest';
import { contractFigures, incubatedFigures, incubationsByQuarter, monthsInIncubation, quarterOf } from './figures.ts';
import type { Incubation, IncubationStep } from './incubation.ts';

const by = { userId: 'u' };
const step = (action: IncubationStep['action'], on: string): IncubationStep => ({
  action,
  on,
  at: `${on}T00:00:00Z`,
  by,
});
const record = (stage: Incubation['stage'], steps: IncubationStep[], startDate = '2026-03-01') => ({
  id: 'org',
  stage,
  toBeRegistered: false,
  agreement: { startDate, periodMonths: 12, mode: 'physical' as const },
  steps: [step('admitted', startDate), ...steps],
});

describe('months in incubation', () => {
  it('runs to today while open, and stops on the day a closed record closed', () => {
    expect(monthsInIncubation(record('incubating', []), '2026-11-30')).toBe(9);
    expect(monthsInIncubation(record('incubating', []), '2026-11-29')).toBe(8);
    const graduated = record('graduated', [step('midterm_review', '2026-06-01'), step('graduate', '2026-07-10')]);
    expect(monthsInIncubation(graduated, '2027-11-30')).toBe(4);
    expect(monthsInIncubation(record('left', [step('leave', '2026-05-02')]), '2030-01-01')).toBe(2);
  });
});

describe('the figures object', () => {
  const current = {
    asOf: '2026-11-30',
    members: 2,
    registryStaff: 3,
    certifiedStaff: 1,
    ...contractFigures([]),
  };

  it('carries the current figures while the base follows the organisation', () => {
    const figures = incubatedFigures(
      record('midterm_reviewed', [step('midterm_review', '2026-09-01')]),
      '2026-11-30',
      current,
    );
    expect(figures).toMatchObject({ followsCurrentFigures: true, monthsInIncubation: 9, current });
    expect(figures.closed).toBeUndefined();
  });

  it('gives a closed record no current figures, saying when and why', () => {
    const figures = incubatedFigures(record('left', [step('leave', '2026-05-02')]), '2026-11-30', current);
    expect(figures.followsCurrentFigures).toBe(false);
    expect(figures.current).toBeUndefined();
    expect(figures.closed).toEqual({ stage: 'left', on: '2026-05-02', reason: 'closed' });
  });
});

describe('contracts won and rule breaches', () => {
  it('counts approved, signed, running and closed contracts, not drafts or submitted ones', () => {
    const figures = contractFigures([
      { status: 'draft', value: 1_000, errorRuleIds: ['P-W1'] },
      { status: 'submitted', value: 2_000, errorRuleIds: [] },
      { status: 'approved', value: 30_000, errorRuleIds: [] },
      { status: 'signed', value: 400_000, errorRuleIds: ['P-W2', 'P-W1'] },
      { status: 'running', value: 5_000_000, errorRuleIds: [] },
      { status: 'closed', value: 60_000_000, errorRuleIds: ['P-W1'] },
    ]);
    expect(figures.contractsWon).toMatchObject({ count: 4, value: 65_430_000 });
    expect(figures.ruleBreach).toEqual({ breaks: true, contracts: 2, ruleIds: ['P-W1', 'P-W2'] });
  });

  it('a draft with errors breaks nothing yet', () => {
    expect(contractFigures([{ status: 'draft', value: 1, errorRuleIds: ['P-W1'] }]).ruleBreach).toEqual({
      breaks: false,
      contracts: 0,
      ruleIds: [],
    });
  });
});

describe('incubations per quarter', () => {
  it('names the calendar quarter of a day', () => {
    expect([
      quarterOf('2026-01-01'),
      quarterOf('2026-03-31'),
      quarterOf('2026-04-01'),
      quarterOf('2026-12-31'),
    ]).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4']);
  });

  it('counts starts and graduations per quarter, with the quiet quarters between as zero', () => {
    const records = [
      record('graduated', [step('midterm_review', '2025-07-01'), step('graduate', '2025-12-20')], '2025-01-01'),
      record('incubating', [], '2025-06-01'),
      record('incubating', [], '2026-09-01'),
    ];
    expect(incubationsByQuarter(records)).toEqual([
      { quarter: '2025-Q1', started: 1, graduated: 0 },
      { quarter: '2025-Q2', started: 1, graduated: 0 },
      { quarter: '2025-Q3', started: 0, graduated: 0 },
      { quarter: '2025-Q4', started: 0, graduated: 1 },
      { quarter: '2026-Q1', started: 0, graduated: 0 },
      { quarter: '2026-Q2', started: 0, graduated: 0 },
      { quarter: '2026-Q3', started: 1, graduated: 0 },
    ]);
    expect(incubationsByQuarter([])).toEqual([]);
  });
});
