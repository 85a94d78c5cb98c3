import type { RuleSetParameters } from './rule-set.ts';

/**
 * Every leaf of RuleSetParameters: its path, the rule it serves (POLICY.md id) and its unit, so the
 * API can say which rule each stored value belongs to and the pages can show and edit it (money in
 * yuan, rates in percent) without a list of their own that could drift from the schema.
 */
export type ParameterUnit =
  | 'fen'
  | 'bp'
  | 'hours'
  | 'months'
  | 'years'
  | 'days'
  | 'year'
  | 'score'
  | 'boolean'
  /** A GB/T 2260 region code. */
  | 'region';

export interface ParameterField {
  /** Dotted path into RuleSetParameters: `socialInsurance.pension`. */
  path: string;
  rule: string;
  unit: ParameterUnit;
  /**
   * The rule set may lack it (added after versions were published): a form left empty leaves it
   * absent, and its reader falls back to its default (or, for P-A9's rates, to none).
   */
  optional?: true;
}

const field = (path: string, rule: string, unit: ParameterUnit, optional?: true): ParameterField =>
  optional ? { path, rule, unit, optional } : { path, rule, unit };

export const RULE_SET_FIELDS: readonly ParameterField[] = [
  field('payFloor.none', 'P-W3', 'fen'),
  field('payFloor.assistant', 'P-W3', 'fen'),
  field('payFloor.social_worker', 'P-W3', 'fen'),
  field('payFloor.senior', 'P-W3', 'fen'),
  field('socialInsurance.pension', 'P-W1', 'bp'),
  field('socialInsurance.medical', 'P-W1', 'bp'),
  field('socialInsurance.unemployment', 'P-W1', 'bp'),
  field('socialInsurance.workInjury', 'P-W1', 'bp'),
  field('socialInsurance.maternity', 'P-W1', 'bp'),
  field('socialInsurance.baseFloor', 'P-W1', 'fen'),
  field('socialInsurance.baseCap', 'P-W1', 'fen'),
  field('housingFund.rate', 'P-W1', 'bp'),
  field('housingFund.baseFloor', 'P-W1', 'fen'),
  field('housingFund.baseCap', 'P-W1', 'fen'),
  // The budget checks of COSTING.md rest on the cost accounting of P-W2; the management cap is N-7 practice.
  field('minLabourShare', 'P-W2', 'bp'),
  field('maxManagementShare', 'N-7', 'bp'),
  field('taxRate', 'P-W2', 'bp'),
  field('projectionTolerance.share', 'P-W2', 'bp'),
  field('projectionTolerance.amount', 'P-W2', 'fen'),
  field('continuingEducationHoursPerYear', 'P-R2', 'hours'),
  field('awards.amounts.assistant', 'P-A2', 'fen'),
  field('awards.amounts.social_worker', 'P-A2', 'fen'),
  field('awards.amounts.senior', 'P-A2', 'fen'),
  field('awards.continuityYears', 'P-A3', 'years'),
  field('awards.gapToleranceDays', 'P-A3', 'days'),
  field('awards.continuityRegion', 'P-A3', 'region'),
  field('awards.legacyCutoffYear', 'P-A4', 'year'),
  field('awards.excludeCivilServants', 'P-A6', 'boolean'),
  field('awards.examFirstYear', 'P-A1', 'year', true),
  field('awards.organisationAwards.national', 'P-A8', 'fen', true),
  field('awards.organisationAwards.regional', 'P-A8', 'fen', true),
  field('awards.internshipGraduateYears', 'P-A9', 'years', true),
  field('awards.internshipRates.internship', 'P-A9', 'fen', true),
  field('awards.internshipRates.insurance', 'P-A9', 'fen', true),
  field('national.maxContractMonths', 'N-1', 'months'),
  field('national.maxStableContractMonths', 'N-1', 'months'),
  field('national.registrationValidityYears', 'N-4', 'years'),
  field('national.renewalWindowMonths', 'N-4', 'months'),
  field('national.firstRegistrationYears', 'N-4', 'years'),
  field('national.cePerRegistrationPeriod.assistant', 'N-5', 'hours'),
  field('national.cePerRegistrationPeriod.social_worker', 'N-5', 'hours'),
  field('national.cePerRegistrationPeriod.senior', 'N-5', 'hours'),
  field('national.evaluationGrades.excellent', 'N-6', 'score'),
  field('national.evaluationGrades.good', 'N-6', 'score'),
  field('national.evaluationGrades.pass', 'N-6', 'score'),
  field('national.spotCheckShare', 'N-6', 'bp'),
];

/** Parameter path → rule id, for a client to cite the rule beside each value. */
export function parameterRules(): Record<string, string> {
  return Object.fromEntries(RULE_SET_FIELDS.map((f) => [f.path, f.rule]));
}

/** The value at a dotted path of a rule set's parameters. */
export function parameterAt(parameters: RuleSetParameters, path: string): number | boolean | string | undefined {
  let value: unknown = parameters;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? value : undefined;
}
