import { describe, expect, it } from 'vitest';
import { FINDING_RULE_IDS, type Finding } from './finding.ts';
import { EXAMPLES, PAYROLL_ROW_BELOW_FLOOR, PERSON_BELOW_FLOOR } from './test-fixtures.ts';
import { findingText } from './text.ts';

/** What a builder decides: everything but the message (which findingText writes, tested apart). */
const facts = ({ message: _m, ...f }: Finding) => f;

describe('the costing builders (COSTING.md "The budget and its checks")', () => {
  it('payBelowFloor: P-W3, an error, the shortfall per month, for a post, a payroll row and a person', () => {
    expect(facts(EXAMPLES.payBelowFloor)).toEqual({
      kind: 'payBelowFloor',
      severity: 'error',
      ruleId: 'P-W3',
      path: '/posts/1/monthlyPay',
      amounts: { pay: 3_000_00, floor: 3_200_00, shortfall: 200_00, certLevel: 'assistant' },
    });
    const row = PAYROLL_ROW_BELOW_FLOOR;
    expect(row.amounts).toEqual({
      pay: 3_700_00,
      floor: 3_800_00,
      shortfall: 100_00,
      certLevel: 'social_worker',
      month: '2026-01',
      name: '王芳',
    });
    const person = PERSON_BELOW_FLOOR;
    expect([person.ruleId, person.path, person.amounts]).toEqual([
      'P-W3',
      '/monthlyPay',
      { pay: 2_999_99, floor: 3_000_00, shortfall: 1, certLevel: 'none', name: '韦低薪' },
    ]);
  });

  it('personnelBelowLabourCost: P-W2, an error at the personnel line, with the shortfall', () => {
    expect(facts(EXAMPLES.personnelBelowLabourCost)).toEqual({
      kind: 'personnelBelowLabourCost',
      severity: 'error',
      ruleId: 'P-W2',
      path: '/budget/lines/personnel',
      amounts: { personnel: 69_000_00, labourCost: 75_227_25, shortfall: 6_227_25 },
    });
  });

  it('labourShareBelowMin: P-W2, an error at the personnel line, short of the least line the share allows', () => {
    expect(facts(EXAMPLES.labourShareBelowMin)).toEqual({
      kind: 'labourShareBelowMin',
      severity: 'error',
      ruleId: 'P-W2',
      path: '/budget/lines/personnel',
      amounts: {
        personnel: 69_000_00,
        value: 100_000_00,
        shareBp: 6900,
        minLabourShare: 7000,
        required: 70_000_00,
        shortfall: 1_000_00,
      },
    });
  });

  it('managementOverCap: N-7, an error at the management line, with the excess over the rounded cap', () => {
    expect(facts(EXAMPLES.managementOverCap)).toEqual({
      kind: 'managementOverCap',
      severity: 'error',
      ruleId: 'N-7',
      path: '/budget/lines/management',
      amounts: {
        management: 12_000_00,
        value: 100_000_00,
        maxManagementShare: 1000,
        allowed: 10_000_00,
        excess: 2_000_00,
      },
    });
  });

  it('taxUnderBudgeted: P-W2, a warning at the tax line', () => {
    expect(facts(EXAMPLES.taxUnderBudgeted)).toEqual({
      kind: 'taxUnderBudgeted',
      severity: 'warning',
      ruleId: 'P-W2',
      path: '/budget/lines/tax',
      amounts: { tax: 2_999_99, expected: 3_000_00, taxRate: 300, shortfall: 1 },
    });
  });

  it('budgetUnbalanced: P-W2, an error at the value, the difference signed (negative when short)', () => {
    expect(facts(EXAMPLES.budgetUnbalanced)).toEqual({
      kind: 'budgetUnbalanced',
      severity: 'error',
      ruleId: 'P-W2',
      path: '/budget/value',
      amounts: { value: 100_000_00, linesTotal: 96_999_99, difference: -3_000_01 },
    });
  });
});

describe('the contract builders (P-W2 price floor, N-1, N-3)', () => {
  it('belowPriceFloor and noPriceFloor: P-W2 errors at /terms/value', () => {
    expect(facts(EXAMPLES.belowPriceFloor)).toEqual({
      kind: 'belowPriceFloor',
      severity: 'error',
      ruleId: 'P-W2',
      path: '/terms/value',
      amounts: {
        value: 78_000_00,
        priceFloor: 78_617_39,
        shortfall: 617_39,
        managementShare: 500,
        labourCost: 50_000_00,
        bindsOn: 'labourShare',
      },
    });
    expect(facts(EXAMPLES.noPriceFloor)).toEqual({
      kind: 'noPriceFloor',
      severity: 'error',
      ruleId: 'P-W2',
      path: '/terms/value',
      amounts: { value: 80_000_00, managementShare: 1000 },
    });
  });

  it('termTooLong and termNeedsStableMark: N-1 errors at the field to change', () => {
    expect(facts(EXAMPLES.termTooLong)).toEqual({
      kind: 'termTooLong',
      severity: 'error',
      ruleId: 'N-1',
      path: '/terms/endDate',
      amounts: { months: 37, limit: 36 },
    });
    expect(facts(EXAMPLES.termNeedsStableMark)).toEqual({
      kind: 'termNeedsStableMark',
      severity: 'error',
      ruleId: 'N-1',
      path: '/terms/stableRecurring',
      amounts: { months: 13, limit: 12 },
    });
  });

  it('noMilestones and milestonesUnbalanced: N-3 errors at /terms/milestones', () => {
    expect(facts(EXAMPLES.noMilestones)).toEqual({
      kind: 'noMilestones',
      severity: 'error',
      ruleId: 'N-3',
      path: '/terms/milestones',
      amounts: { value: 100_000_00 },
    });
    expect(facts(EXAMPLES.milestonesUnbalanced)).toEqual({
      kind: 'milestonesUnbalanced',
      severity: 'error',
      ruleId: 'N-3',
      path: '/terms/milestones',
      amounts: { value: 280_000_00, milestonesTotal: 276_000_00, difference: -4_000_00 },
    });
  });
});

describe('the actuals builders', () => {
  it('actualOverBudget: an error citing the line’s rule (P-W2 but for management)', () => {
    expect(facts(EXAMPLES.actualOverBudget)).toEqual({
      kind: 'actualOverBudget',
      severity: 'error',
      ruleId: 'P-W2',
      path: '/lines/other',
      amounts: { line: 'other', budget: 1_000_00, actual: 1_500_00, excess: 500_00 },
    });
  });

  it('projectedOverBudget: a warning citing N-7 for the management line, the excess of the projection', () => {
    expect(facts(EXAMPLES.projectedOverBudget)).toEqual({
      kind: 'projectedOverBudget',
      severity: 'warning',
      ruleId: 'N-7',
      path: '/lines/management',
      amounts: {
        line: 'management',
        budget: 3_000_00,
        actual: 1_100_00,
        projected: 4_400_00,
        excess: 1_400_00,
        monthsElapsed: 3,
        termMonths: 12,
        tolerance: 100_00,
      },
    });
  });
});

describe('the ladder builders (P-W3, P-C1, P-C2)', () => {
  it('bandBelowFloor: P-W3, an error at the band minimum', () => {
    expect(facts(EXAMPLES.bandBelowFloor)).toEqual({
      kind: 'bandBelowFloor',
      severity: 'error',
      ruleId: 'P-W3',
      path: '/levels/1/payBand/min',
      amounts: { min: 3_199_99, floor: 3_200_00, shortfall: 1, certLevel: 'assistant' },
    });
  });

  it('levelBelowPostClass: P-C1, an error at the minimum certificate', () => {
    expect(facts(EXAMPLES.levelBelowPostClass)).toEqual({
      kind: 'levelBelowPostClass',
      severity: 'error',
      ruleId: 'P-C1',
      path: '/levels/1/requirements/minCertificate',
      amounts: { postClass: 'intermediate', needed: 'social_worker', has: 'assistant' },
    });
  });

  it('duplicateLevelId: P-C2, an error at the second use of the id', () => {
    expect(facts(EXAMPLES.duplicateLevelId)).toEqual({
      kind: 'duplicateLevelId',
      severity: 'error',
      ruleId: 'P-C2',
      path: '/levels/2/id',
      amounts: { id: 'junior-1' },
    });
  });

  it('levelBelowPrevious: P-C2, a warning at the requirement it names', () => {
    expect(facts(EXAMPLES.levelBelowPrevious)).toEqual({
      kind: 'levelBelowPrevious',
      severity: 'warning',
      ruleId: 'P-C2',
      path: '/levels/2/requirements/minEducation',
      amounts: { requirement: 'minEducation', has: 'associate', below: 'bachelor' },
    });
  });

  it('ladderUnchecked: a P-W3 warning on the whole ladder, with the region and the date', () => {
    expect(facts(EXAMPLES.ladderUnchecked)).toEqual({
      kind: 'ladderUnchecked',
      severity: 'warning',
      ruleId: 'P-W3',
      path: '/levels',
      amounts: { region: '450600', date: '2026-03-01' },
    });
  });
});

describe('the registry builders (N-4, P-R2, N-5)', () => {
  it('registrationExpired and registrationExpiring: N-4, an error and a warning at the expiry date', () => {
    expect(facts(EXAMPLES.registrationExpired)).toEqual({
      kind: 'registrationExpired',
      severity: 'error',
      ruleId: 'N-4',
      path: '/certificates/0/registrationExpiresOn',
      amounts: { status: 'expired', number: 'ZL2023-001', level: 'assistant', expiresOn: '2026-04-30', daysLeft: -1 },
    });
    expect(facts(EXAMPLES.registrationExpiring)).toEqual({
      kind: 'registrationExpiring',
      severity: 'warning',
      ruleId: 'N-4',
      path: '/certificates/1/registrationExpiresOn',
      amounts: {
        status: 'expiring',
        number: 'SG2024-007',
        level: 'social_worker',
        expiresOn: '2026-04-30',
        daysLeft: 60,
      },
    });
  });

  it('registrationOverdue: N-4, an error at the certificate’s registration date', () => {
    expect(facts(EXAMPLES.registrationOverdue)).toEqual({
      kind: 'registrationOverdue',
      severity: 'error',
      ruleId: 'N-4',
      path: '/certificates/0/registeredOn',
      amounts: { number: 'ZL2025-003', level: 'assistant', obtainedOn: '2025-02-28', registerBy: '2026-02-28' },
    });
  });

  it('ceHoursShort (P-R2) and cePeriodShort (N-5): warnings in tenth-hours', () => {
    expect(facts(EXAMPLES.ceHoursShort)).toEqual({
      kind: 'ceHoursShort',
      severity: 'warning',
      ruleId: 'P-R2',
      path: '/continuingEducation',
      amounts: { year: 2026, tenthHours: 385, requiredTenthHours: 500, shortfallTenthHours: 115 },
    });
    expect(facts(EXAMPLES.cePeriodShort)).toEqual({
      kind: 'cePeriodShort',
      severity: 'warning',
      ruleId: 'N-5',
      path: '/continuingEducation',
      amounts: {
        from: '2025-01-01',
        to: '2027-12-31',
        level: 'social_worker',
        tenthHours: 500,
        requiredTenthHours: 900,
        shortfallTenthHours: 400,
      },
    });
  });
});

describe('every builder', () => {
  it.each(Object.values(EXAMPLES).map((f) => [f.kind, f] as const))(
    '%s: its message is findingText in English, so the two never disagree',
    (_, finding) => {
      expect(finding.message).toBe(findingText(finding, 'en'));
    },
  );

  it('cites only rule ids the findings declare', () => {
    expect([...FINDING_RULE_IDS].sort()).toEqual([
      'N-1',
      'N-3',
      'N-4',
      'N-5',
      'N-7',
      'P-C1',
      'P-C2',
      'P-R2',
      'P-W2',
      'P-W3',
    ]);
    for (const f of Object.values(EXAMPLES)) expect(FINDING_RULE_IDS).toContain(f.ruleId);
  });
});
