import { describe, expect, it } from 'vitest';
import { payBelowFloor } from './costing.ts';
import { upgradeFinding } from './legacy.ts';
import { findingText } from './text.ts';

/**
 * Findings exactly as the code before `kind` stored them in contract versions (the assessment's and
 * the costing's findings) and in actual months, each read as today's finding.
 */
const old = (severity: string, ruleId: string, path: string, message: string, amounts: Record<string, unknown>) => ({
  severity,
  ruleId,
  path,
  message,
  amounts,
});

describe('upgradeFinding: what contract versions and actual months hold', () => {
  it.each([
    [
      'a planned post paid below the floor, its certificate level read from the message',
      old(
        'error',
        'P-W3',
        '/plan/posts/1/monthlyPay',
        'Post 2 pays 300000 fen a month, 20000 fen below the assistant floor of 320000 fen.',
        {
          check: 'payBelowFloor',
          pay: 300_000,
          floor: 320_000,
          shortfallPerMonth: 20_000,
        },
      ),
      {
        kind: 'payBelowFloor',
        severity: 'error',
        ruleId: 'P-W3',
        path: '/plan/posts/1/monthlyPay',
        amounts: { pay: 300_000, floor: 320_000, shortfall: 20_000, certLevel: 'assistant' },
      },
    ],
    [
      'a payroll row of a month paid below the floor',
      old(
        'error',
        'P-W3',
        '/payroll/0/grossPay',
        '李四 was paid 300000 fen in 2026-01, 20000 fen below the social_worker floor of 320000 fen.',
        {
          check: 'payBelowFloor',
          month: '2026-01',
          name: '李四',
          pay: 300_000,
          floor: 320_000,
          shortfallPerMonth: 20_000,
        },
      ),
      {
        kind: 'payBelowFloor',
        severity: 'error',
        ruleId: 'P-W3',
        path: '/payroll/0/grossPay',
        amounts: {
          month: '2026-01',
          name: '李四',
          pay: 300_000,
          floor: 320_000,
          shortfall: 20_000,
          certLevel: 'social_worker',
        },
      },
    ],
    [
      'a personnel line below the labour cost',
      old(
        'error',
        'P-W2',
        '/plan/lines/personnel',
        'The personnel line of 6900000 fen is 622725 fen below the labour cost of 7522725 fen.',
        {
          check: 'personnelBelowLabourCost',
          personnel: 6_900_000,
          labourCost: 7_522_725,
          shortfall: 622_725,
        },
      ),
      {
        kind: 'personnelBelowLabourCost',
        severity: 'error',
        ruleId: 'P-W2',
        path: '/plan/lines/personnel',
        amounts: { personnel: 6_900_000, labourCost: 7_522_725, shortfall: 622_725 },
      },
    ],
    [
      'a labour share below the minimum, under its new name',
      old('error', 'P-W2', '/plan/lines/personnel', 'The personnel line of 6900000 fen is 6900 bp …', {
        check: 'labourShareBelowMinimum',
        personnel: 6_900_000,
        value: 10_000_000,
        shareBp: 6900,
        minLabourShare: 7000,
        required: 7_000_000,
        shortfall: 100_000,
      }),
      {
        kind: 'labourShareBelowMin',
        severity: 'error',
        ruleId: 'P-W2',
        path: '/plan/lines/personnel',
        amounts: {
          personnel: 6_900_000,
          value: 10_000_000,
          shareBp: 6900,
          minLabourShare: 7000,
          required: 7_000_000,
          shortfall: 100_000,
        },
      },
    ],
    [
      'a management line above the cap, under its new name',
      old('error', 'N-7', '/plan/lines/management', 'The management line of 1200000 fen is above …', {
        check: 'managementAboveCap',
        management: 1_200_000,
        value: 10_000_000,
        maxManagementShare: 1000,
        allowed: 1_000_000,
        excess: 200_000,
      }),
      {
        kind: 'managementOverCap',
        severity: 'error',
        ruleId: 'N-7',
        path: '/plan/lines/management',
        amounts: {
          management: 1_200_000,
          value: 10_000_000,
          maxManagementShare: 1000,
          allowed: 1_000_000,
          excess: 200_000,
        },
      },
    ],
    [
      'a tax line under-budgeted',
      old('warning', 'P-W2', '/plan/lines/tax', 'The tax line of 299999 fen is 1 fen below …', {
        check: 'taxUnderBudgeted',
        tax: 299_999,
        expected: 300_000,
        taxRate: 300,
        shortfall: 1,
      }),
      {
        kind: 'taxUnderBudgeted',
        severity: 'warning',
        ruleId: 'P-W2',
        path: '/plan/lines/tax',
        amounts: { tax: 299_999, expected: 300_000, taxRate: 300, shortfall: 1 },
      },
    ],
    [
      'a budget that does not balance, under its new name',
      old('error', 'P-W2', '/terms/value', 'The budget lines add up to 9699999 fen, 300001 fen less …', {
        check: 'unbalanced',
        value: 10_000_000,
        linesTotal: 9_699_999,
        difference: -300_001,
      }),
      {
        kind: 'budgetUnbalanced',
        severity: 'error',
        ruleId: 'P-W2',
        path: '/terms/value',
        amounts: { value: 10_000_000, linesTotal: 9_699_999, difference: -300_001 },
      },
    ],
    [
      'a value below the price floor',
      old('error', 'P-W2', '/terms/value', 'The contract value of 7800000 fen is 61739 fen below …', {
        check: 'belowPriceFloor',
        value: 7_800_000,
        priceFloor: 7_861_739,
        shortfall: 61_739,
        managementShare: 500,
      }),
      {
        kind: 'belowPriceFloor',
        severity: 'error',
        ruleId: 'P-W2',
        path: '/terms/value',
        amounts: { value: 7_800_000, priceFloor: 7_861_739, shortfall: 61_739, managementShare: 500 },
      },
    ],
    [
      'no feasible price floor',
      old('error', 'P-W2', '/terms/value', 'No contract value pays this staffing plan at the guideline: …', {
        check: 'noPriceFloor',
        value: 8_000_000,
        managementShare: 1000,
      }),
      {
        kind: 'noPriceFloor',
        severity: 'error',
        ruleId: 'P-W2',
        path: '/terms/value',
        amounts: { value: 8_000_000, managementShare: 1000 },
      },
    ],
    [
      'a term too long',
      old('error', 'N-1', '/terms/endDate', 'The term of 37 months is longer than …', {
        check: 'termTooLong',
        months: 37,
        limit: 36,
      }),
      {
        kind: 'termTooLong',
        severity: 'error',
        ruleId: 'N-1',
        path: '/terms/endDate',
        amounts: { months: 37, limit: 36 },
      },
    ],
    [
      'a term needing the stable mark',
      old('error', 'N-1', '/terms/stableRecurring', 'A term of 13 months is longer than 12 months …', {
        check: 'termNeedsStableMark',
        months: 13,
        limit: 12,
      }),
      {
        kind: 'termNeedsStableMark',
        severity: 'error',
        ruleId: 'N-1',
        path: '/terms/stableRecurring',
        amounts: { months: 13, limit: 12 },
      },
    ],
    [
      'no milestones',
      old('error', 'N-3', '/terms/milestones', 'The contract has no payment milestones.', {
        check: 'noMilestones',
        value: 10_000_000,
      }),
      {
        kind: 'noMilestones',
        severity: 'error',
        ruleId: 'N-3',
        path: '/terms/milestones',
        amounts: { value: 10_000_000 },
      },
    ],
    [
      'milestones that do not add up',
      old('error', 'N-3', '/terms/milestones', 'The milestones add up to 9999999 fen, 1 fen less …', {
        check: 'milestonesUnbalanced',
        value: 10_000_000,
        milestonesTotal: 9_999_999,
        difference: -1,
      }),
      {
        kind: 'milestonesUnbalanced',
        severity: 'error',
        ruleId: 'N-3',
        path: '/terms/milestones',
        amounts: { value: 10_000_000, milestonesTotal: 9_999_999, difference: -1 },
      },
    ],
  ])('reads %s', (_, stored, expected) => {
    const upgraded = upgradeFinding(stored);
    expect(upgraded).toEqual({ ...expected, message: findingText(upgraded, 'en') });
  });

  it('writes the message anew, so it says what findingText says', () => {
    const upgraded = upgradeFinding(
      old(
        'error',
        'P-W3',
        '/plan/posts/0/monthlyPay',
        'Post 1 pays 300000 fen a month, 20000 fen below the assistant floor of 320000 fen.',
        {
          check: 'payBelowFloor',
          pay: 300_000,
          floor: 320_000,
          shortfallPerMonth: 20_000,
        },
      ),
    );
    expect(upgraded.message).toBe(
      'Pay of ¥3,000.00 a month is below the guideline of ¥3,200.00: ¥200.00 short each month.',
    );
  });
});

describe('upgradeFinding: findings told apart by rule id', () => {
  it('reads the ladder and registry findings, which carried no check', () => {
    expect(
      upgradeFinding(
        old('warning', 'P-C2', '/levels/2/requirements/minEducation', '…', { has: 'associate', below: 'bachelor' }),
      ),
    ).toMatchObject({
      kind: 'levelBelowPrevious',
      amounts: { requirement: 'minEducation', has: 'associate', below: 'bachelor' },
    });
    expect(
      upgradeFinding(
        old('error', 'N-4', '/certificates/0/registrationExpiresOn', '…', {
          status: 'expired',
          number: 'A1',
          level: 'assistant',
          expiresOn: '2026-04-30',
          daysLeft: -1,
        }),
      ),
    ).toMatchObject({ kind: 'registrationExpired', severity: 'error', ruleId: 'N-4' });
    expect(
      upgradeFinding(old('warning', 'P-W3', '/levels', '…', { region: '450600', date: '2026-03-01' })),
    ).toMatchObject({ kind: 'ladderUnchecked', amounts: { region: '450600', date: '2026-03-01' } });
  });
});

describe('upgradeFinding: today’s findings and what was never written', () => {
  it('passes a finding with a kind through as it is', () => {
    const today = payBelowFloor({ path: '/posts/0/monthlyPay', pay: 1, floor: 2, certLevel: 'none' });
    expect(upgradeFinding(JSON.parse(JSON.stringify(today)))).toEqual(today);
  });

  it('refuses a shape no version of the code wrote, rather than guess', () => {
    expect(() => upgradeFinding(old('error', 'X-9', '/x', '…', {}))).toThrow(/rule X-9/);
    expect(() => upgradeFinding({ kind: 'somethingElse' })).toThrow();
    expect(() => upgradeFinding('P-W3')).toThrow();
  });
});
