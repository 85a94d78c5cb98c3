import type { Finding, FindingKind, FindingOf } from './finding.ts';

/**
 * What each amount of each kind measures, so a table of amounts (a sheet's 金额明细) shows fen as
 * money, basis points as a percent and a level code as its label without guessing from the key's
 * name: the same key means different things in different kinds (`has` is a certificate level in
 * one and a number of years in another).
 */
export type AmountUnit =
  | 'fen'
  | 'bp'
  /** Whole percent (a working time). */
  | 'percent'
  | 'months'
  | 'days'
  | 'year'
  | 'tenthHours'
  | 'date'
  | 'month'
  | 'certLevel'
  | 'postClass'
  | 'budgetLine'
  | 'ladderRequirement'
  /** What sets a price floor: labourCost, labourShare or both. */
  | 'floorBinding'
  /** A ladder requirement's value: a certificate level, a number of years or an education level. */
  | 'requirementValue'
  | 'text';

type AmountsOf<K extends FindingKind> = FindingOf<K>['amounts'];

export const AMOUNT_UNITS: { [K in FindingKind]: { [A in keyof AmountsOf<K>]-?: AmountUnit } } = {
  payBelowFloor: {
    pay: 'fen',
    floor: 'fen',
    shortfall: 'fen',
    certLevel: 'certLevel',
    month: 'month',
    name: 'text',
    ftePercent: 'percent',
  },
  personnelBelowLabourCost: { personnel: 'fen', labourCost: 'fen', shortfall: 'fen' },
  labourShareBelowMin: {
    personnel: 'fen',
    value: 'fen',
    shareBp: 'bp',
    minLabourShare: 'bp',
    required: 'fen',
    shortfall: 'fen',
  },
  managementOverCap: { management: 'fen', value: 'fen', maxManagementShare: 'bp', allowed: 'fen', excess: 'fen' },
  taxUnderBudgeted: { tax: 'fen', expected: 'fen', taxRate: 'bp', shortfall: 'fen' },
  budgetUnbalanced: { value: 'fen', linesTotal: 'fen', difference: 'fen' },
  belowPriceFloor: {
    value: 'fen',
    priceFloor: 'fen',
    shortfall: 'fen',
    managementShare: 'bp',
    labourCost: 'fen',
    bindsOn: 'floorBinding',
  },
  noPriceFloor: { value: 'fen', managementShare: 'bp' },
  termTooLong: { months: 'months', limit: 'months' },
  termNeedsStableMark: { months: 'months', limit: 'months' },
  noMilestones: { value: 'fen' },
  milestonesUnbalanced: { value: 'fen', milestonesTotal: 'fen', difference: 'fen' },
  actualOverBudget: { line: 'budgetLine', budget: 'fen', actual: 'fen', excess: 'fen' },
  projectedOverBudget: {
    line: 'budgetLine',
    budget: 'fen',
    actual: 'fen',
    projected: 'fen',
    excess: 'fen',
    monthsElapsed: 'months',
    termMonths: 'months',
    tolerance: 'fen',
  },
  bandBelowFloor: { min: 'fen', floor: 'fen', shortfall: 'fen', certLevel: 'certLevel' },
  levelBelowPostClass: { postClass: 'postClass', needed: 'certLevel', has: 'certLevel' },
  duplicateLevelId: { id: 'text' },
  levelBelowPrevious: { requirement: 'ladderRequirement', has: 'requirementValue', below: 'requirementValue' },
  ladderUnchecked: { region: 'text', date: 'date' },
  registrationExpired: { status: 'text', number: 'text', level: 'certLevel', expiresOn: 'date', daysLeft: 'days' },
  registrationExpiring: { status: 'text', number: 'text', level: 'certLevel', expiresOn: 'date', daysLeft: 'days' },
  registrationOverdue: { number: 'text', level: 'certLevel', obtainedOn: 'date', registerBy: 'date' },
  ceHoursShort: {
    year: 'year',
    tenthHours: 'tenthHours',
    requiredTenthHours: 'tenthHours',
    shortfallTenthHours: 'tenthHours',
  },
  cePeriodShort: {
    from: 'date',
    to: 'date',
    level: 'certLevel',
    tenthHours: 'tenthHours',
    requiredTenthHours: 'tenthHours',
    shortfallTenthHours: 'tenthHours',
  },
};

/** Each amount of a finding with what it measures, in the order the finding holds them. */
export function amountsWithUnits(finding: Finding): { key: string; value: string | number; unit: AmountUnit }[] {
  const units: Record<string, AmountUnit> = AMOUNT_UNITS[finding.kind];
  return Object.entries(finding.amounts).flatMap(([key, value]) => {
    const unit = units[key];
    return unit && (typeof value === 'string' || typeof value === 'number') ? [{ key, value, unit }] : [];
  });
}

/**
 * The money a finding turns on: what is short, over or off, in fen (a difference without its
 * sign); none for the kinds about something other than money.
 */
const KEY_AMOUNT: { [K in FindingKind]?: keyof AmountsOf<K> } = {
  payBelowFloor: 'shortfall',
  personnelBelowLabourCost: 'shortfall',
  labourShareBelowMin: 'shortfall',
  managementOverCap: 'excess',
  taxUnderBudgeted: 'shortfall',
  budgetUnbalanced: 'difference',
  belowPriceFloor: 'shortfall',
  milestonesUnbalanced: 'difference',
  actualOverBudget: 'excess',
  projectedOverBudget: 'excess',
  bandBelowFloor: 'shortfall',
};

export function keyAmount(finding: Finding): number | undefined {
  const key: string | undefined = KEY_AMOUNT[finding.kind];
  const value = Object.entries(finding.amounts).find(([k]) => k === key)?.[1];
  return typeof value === 'number' ? Math.abs(value) : undefined;
}
