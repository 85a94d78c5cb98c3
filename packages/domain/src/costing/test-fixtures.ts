import type { RuleSetParameters } from '../rules/rule-set.ts';

/**
 * The costing tests' rule set (not exported from the package): round, illustrative numbers chosen
 * so every figure in the tests can be checked by hand.
 *   pay floors          none ¥2,000 · assistant ¥3,000 · social worker ¥4,000 · senior ¥5,000
 *   social insurance    pension 16 % · medical 8 % · unemployment 0.5 % · work injury 0.25 %
 *                       · maternity 0.1 % (2485 bp in all), base ¥3,000 … ¥10,000
 *   housing fund        5 %, base ¥2,500 … ¥12,000
 *   shares              personnel ≥ 70 %, management ≤ 10 %, tax 3 %
 */
export const COSTING_RULES: RuleSetParameters = {
  payFloor: { none: 200_000, assistant: 300_000, social_worker: 400_000, senior: 500_000 },
  socialInsurance: {
    pension: 1600,
    medical: 800,
    unemployment: 50,
    workInjury: 25,
    maternity: 10,
    baseFloor: 300_000,
    baseCap: 1_000_000,
  },
  housingFund: { rate: 500, baseFloor: 250_000, baseCap: 1_200_000 },
  minLabourShare: 7000,
  maxManagementShare: 1000,
  taxRate: 300,
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

export function costingRules(change: (r: RuleSetParameters) => void): RuleSetParameters {
  const copy = structuredClone(COSTING_RULES);
  change(copy);
  return copy;
}
