import { DEFAULT_PROJECTION_TOLERANCE, type RuleSetParameters } from '../rules/rule-set.ts';
import type { PersonInput } from './person.ts';

/**
 * Test fixtures for the people logic (not exported from the package). The pay floors are round
 * illustrative numbers chosen so the sums in the tests are easy to check by hand.
 */
export const RULES: RuleSetParameters = {
  projectionTolerance: DEFAULT_PROJECTION_TOLERANCE,
  payFloor: { none: 200_000, assistant: 300_000, social_worker: 380_000, senior: 500_000 },
  socialInsurance: {
    pension: 1600,
    medical: 700,
    unemployment: 50,
    workInjury: 20,
    maternity: 0,
    baseFloor: 400_000,
    baseCap: 2_000_000,
  },
  housingFund: { rate: 500, baseFloor: 200_000, baseCap: 2_500_000 },
  minLabourShare: 7000,
  maxManagementShare: 1000,
  taxRate: 600,
  continuingEducationHoursPerYear: 50,
  awards: {
    amounts: { assistant: 100_000, social_worker: 200_000, senior: 500_000 },
    continuityYears: 2,
    gapToleranceDays: 0,
    legacyCutoffYear: 2022,
    excludeCivilServants: true,
  },
  national: {
    maxContractMonths: 12,
    maxStableContractMonths: 36,
    registrationValidityYears: 3,
    renewalWindowMonths: 3,
    cePerRegistrationPeriod: { assistant: 72, social_worker: 90, senior: 90 },
    evaluationGrades: { excellent: 90, good: 80, pass: 60 },
    spotCheckShare: 3000,
  },
};

export function withRules(change: (r: RuleSetParameters) => void): RuleSetParameters {
  const copy = structuredClone(RULES);
  change(copy);
  return copy;
}

/** A contract social worker in Gangkou with nothing on record; tests add what they need. */
export function person(overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    name: '黄小梅',
    idCardNumber: '450602199001011239',
    phone: '13812345678',
    education: { level: 'bachelor', socialWorkMajor: true },
    employmentType: 'contract',
    monthlyPay: 400_000,
    employment: [],
    certificates: [],
    continuingEducation: [],
    ...overrides,
  };
}

/** A continuing-education entry of `tenthHours` on `date`. */
export function ce(date: string, tenthHours: number): PersonInput['continuingEducation'][number] {
  return { date, tenthHours, provider: '防城港市社会工作协会', topic: '个案工作' };
}
