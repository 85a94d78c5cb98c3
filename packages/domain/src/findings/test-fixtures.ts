import { actualOverBudget, projectedOverBudget } from './actuals.ts';
import {
  belowPriceFloor,
  milestonesUnbalanced,
  noMilestones,
  noPriceFloor,
  termNeedsStableMark,
  termTooLong,
} from './contract.ts';
import {
  budgetUnbalanced,
  labourShareBelowMin,
  managementOverCap,
  payBelowFloor,
  personnelBelowLabourCost,
  taxUnderBudgeted,
} from './costing.ts';
import type { FindingKind, FindingOf } from './finding.ts';
import {
  bandBelowFloor,
  duplicateLevelId,
  ladderUnchecked,
  levelBelowPostClass,
  levelBelowPrevious,
} from './ladder.ts';
import {
  ceHoursShort,
  cePeriodShort,
  registrationExpired,
  registrationExpiring,
  registrationOverdue,
} from './registry.ts';

/** One finding of every kind, built by its builder (TypeScript refuses the table if a kind is missing). */
export const EXAMPLES: { [K in FindingKind]: FindingOf<K> } = {
  // A planned post: no month, no name.
  payBelowFloor: payBelowFloor({ path: '/posts/1/monthlyPay', pay: 3_000_00, floor: 3_200_00, certLevel: 'assistant' }),
  personnelBelowLabourCost: personnelBelowLabourCost({ personnel: 69_000_00, labourCost: 75_227_25 }),
  labourShareBelowMin: labourShareBelowMin({
    personnel: 69_000_00,
    value: 100_000_00,
    shareBp: 6900,
    minLabourShare: 7000,
    required: 70_000_00,
  }),
  managementOverCap: managementOverCap({
    management: 12_000_00,
    value: 100_000_00,
    maxManagementShare: 1000,
    allowed: 10_000_00,
  }),
  taxUnderBudgeted: taxUnderBudgeted({ tax: 2_999_99, expected: 3_000_00, taxRate: 300 }),
  budgetUnbalanced: budgetUnbalanced({ value: 100_000_00, linesTotal: 96_999_99 }),
  belowPriceFloor: belowPriceFloor({
    value: 78_000_00,
    priceFloor: 78_617_39,
    managementShare: 500,
    labourCost: 50_000_00,
    binding: ['labourShare'],
  }),
  noPriceFloor: noPriceFloor({ value: 80_000_00, managementShare: 1000 }),
  termTooLong: termTooLong({ months: 37, limit: 36 }),
  termNeedsStableMark: termNeedsStableMark({ months: 13, limit: 12 }),
  noMilestones: noMilestones({ value: 100_000_00 }),
  milestonesUnbalanced: milestonesUnbalanced({ value: 280_000_00, milestonesTotal: 276_000_00 }),
  actualOverBudget: actualOverBudget({ line: 'other', budget: 1_000_00, actual: 1_500_00 }),
  projectedOverBudget: projectedOverBudget({
    line: 'management',
    budget: 3_000_00,
    actual: 1_100_00,
    projected: 4_400_00,
    monthsElapsed: 3,
    termMonths: 12,
    tolerance: 100_00,
  }),
  bandBelowFloor: bandBelowFloor({ level: 1, min: 3_199_99, floor: 3_200_00, certLevel: 'assistant' }),
  levelBelowPostClass: levelBelowPostClass({
    level: 1,
    postClass: 'intermediate',
    needed: 'social_worker',
    has: 'assistant',
  }),
  duplicateLevelId: duplicateLevelId({ level: 2, id: 'junior-1' }),
  levelBelowPrevious: levelBelowPrevious({
    level: 2,
    requirement: 'minEducation',
    has: 'associate',
    below: 'bachelor',
  }),
  ladderUnchecked: ladderUnchecked({ region: '450600', date: '2026-03-01' }),
  registrationExpired: registrationExpired({
    certificate: 0,
    number: 'ZL2023-001',
    level: 'assistant',
    expiresOn: '2026-04-30',
    daysLeft: -1,
  }),
  registrationExpiring: registrationExpiring({
    certificate: 1,
    number: 'SG2024-007',
    level: 'social_worker',
    expiresOn: '2026-04-30',
    daysLeft: 60,
  }),
  registrationOverdue: registrationOverdue({
    certificate: 0,
    number: 'ZL2025-003',
    level: 'assistant',
    obtainedOn: '2025-02-28',
    registerBy: '2026-02-28',
  }),
  ceHoursShort: ceHoursShort({ year: 2026, tenthHours: 385, requiredTenthHours: 500 }),
  cePeriodShort: cePeriodShort({
    from: '2025-01-01',
    to: '2027-12-31',
    level: 'social_worker',
    tenthHours: 500,
    requiredTenthHours: 900,
  }),
};

/** P-W3 of a month's payroll row (with its month and name) and of a person in the registry (with a name). */
export const PAYROLL_ROW_BELOW_FLOOR = payBelowFloor({
  path: '/payroll/1/grossPay',
  pay: 3_700_00,
  floor: 3_800_00,
  certLevel: 'social_worker',
  month: '2026-01',
  name: '王芳',
});
export const PERSON_BELOW_FLOOR = payBelowFloor({
  path: '/monthlyPay',
  pay: 2_999_99,
  floor: 3_000_00,
  certLevel: 'none',
  name: '韦低薪',
});
