import { isWithin } from '../tenancy/region.ts';
import { RULE_SET_FIELDS } from './parameter-rules.ts';
import type { NewRuleSet } from './rule-set.ts';

/** A value a bureau should correct: a JSON pointer into the rule set sent, and why. */
export interface RuleSetProblem {
  path: string;
  message: string;
  /** A stable name, for a page's own words (where it has them). */
  code?: string;
}

const KNOWN_PATHS = new Set(RULE_SET_FIELDS.map((f) => f.path));

/**
 * What the schema cannot say on its own: values of a rule set that contradict each other (a base
 * cap below its floor, N-1's terms out of order, N-6's grades out of order, shares over 100 %).
 */
export function ruleSetInconsistencies(input: NewRuleSet): RuleSetProblem[] {
  const p = input.parameters;
  const problems: RuleSetProblem[] = [];
  if (p.socialInsurance.baseFloor > p.socialInsurance.baseCap)
    problems.push({ path: '/parameters/socialInsurance/baseCap', message: 'must not be below the base floor' });
  if (p.housingFund.baseFloor > p.housingFund.baseCap)
    problems.push({ path: '/parameters/housingFund/baseCap', message: 'must not be below the base floor' });
  if (p.national.maxStableContractMonths < p.national.maxContractMonths)
    problems.push({
      path: '/parameters/national/maxStableContractMonths',
      message: 'must be at least the ordinary contract term (N-1)',
    });
  const grades = p.national.evaluationGrades;
  if (!(grades.excellent > grades.good && grades.good > grades.pass && grades.excellent <= 100 && grades.pass >= 0))
    problems.push({
      path: '/parameters/national/evaluationGrades',
      message: 'must fall from excellent to good to pass, within 0–100 (N-6)',
    });
  if (p.minLabourShare + p.maxManagementShare + p.taxRate > 10_000)
    problems.push({ path: '/parameters/minLabourShare', message: 'with management and tax exceeds 100 %' });
  const area = p.awards.continuityRegion;
  if (area && !isWithin(input.region, area))
    problems.push({
      path: '/parameters/awards/continuityRegion',
      message: `must be ${input.region} or a region containing it: the run is counted where the rules apply (P-A3)`,
      code: 'continuityRegionOutside',
    });
  input.illustrative.forEach((path, i) => {
    if (!KNOWN_PATHS.has(path)) problems.push({ path: `/illustrative/${i}`, message: 'is not a parameter path' });
  });
  return problems;
}
