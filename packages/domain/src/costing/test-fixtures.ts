import { withRules } from '../people/test-fixtures.ts';
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
export const COSTING_RULES: RuleSetParameters = withRules((r) => {
  // Only the costing parameters differ from the people tests' rule set; the rest is shared.
  r.payFloor = { none: 200_000, assistant: 300_000, social_worker: 400_000, senior: 500_000 };
  r.socialInsurance = {
    pension: 1600,
    medical: 800,
    unemployment: 50,
    workInjury: 25,
    maternity: 10,
    baseFloor: 300_000,
    baseCap: 1_000_000,
  };
  r.housingFund = { rate: 500, baseFloor: 250_000, baseCap: 1_200_000 };
  r.minLabourShare = 7000;
  r.maxManagementShare = 1000;
  r.taxRate = 300;
});

export function costingRules(change: (r: RuleSetParameters) => void): RuleSetParameters {
  const copy = structuredClone(COSTING_RULES);
  change(copy);
  return copy;
}
