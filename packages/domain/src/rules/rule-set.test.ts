import { describe, expect, it } from 'vitest';
import { ruleSetInconsistencies } from './consistency.ts';
import { DONGXING_2026, FANGCHENGGANG_2023 } from './fangchenggang.ts';
import {
  AWARD_PARAMETER_DEFAULTS,
  continuityRegion,
  firstRegistrationYears,
  NewRuleSet,
  withParameterDefaults,
} from './rule-set.ts';

/** A rule set as stored before the parameters of P-A3's area and N-4's first year existed. */
function stored(input: NewRuleSet): NewRuleSet {
  const copy = structuredClone(input);
  delete copy.parameters.awards.continuityRegion;
  delete copy.parameters.national.firstRegistrationYears;
  return copy;
}

describe('the area of the P-A3 run', () => {
  it('is the whole city for Fangchenggang and for Dongxing’s own rules', () => {
    expect(continuityRegion(FANGCHENGGANG_2023)).toBe('450600');
    expect(continuityRegion(DONGXING_2026)).toBe('450600');
  });

  it('defaults to the city of the rule set’s region for versions stored without it', () => {
    expect(continuityRegion(stored(DONGXING_2026))).toBe('450600');
    expect(continuityRegion(stored({ ...FANGCHENGGANG_2023, region: '450000' }))).toBe('450000');
    // P-A1, P-A8 and P-A9's window read as POLICY.md's values too (P-A9's rates have none).
    const awards = { ...DONGXING_2026.parameters.awards, ...AWARD_PARAMETER_DEFAULTS };
    expect(withParameterDefaults(stored(DONGXING_2026)).parameters).toEqual({ ...DONGXING_2026.parameters, awards });
  });

  it('must hold the rule set’s own region', () => {
    const input = structuredClone(DONGXING_2026);
    input.parameters.awards.continuityRegion = '450602';
    expect(ruleSetInconsistencies(input)).toEqual([
      {
        path: '/parameters/awards/continuityRegion',
        message: 'must be 450681 or a region containing it: the run is counted where the rules apply (P-A3)',
        code: 'continuityRegionOutside',
      },
    ]);
    input.parameters.awards.continuityRegion = '450000';
    expect(ruleSetInconsistencies(input)).toEqual([]);
  });
});

describe('the first registration’s year (N-4)', () => {
  it('is 1 by default, and what a rule set says otherwise', () => {
    expect(firstRegistrationYears(stored(FANGCHENGGANG_2023).parameters)).toBe(1);
    const two = structuredClone(FANGCHENGGANG_2023);
    two.parameters.national.firstRegistrationYears = 2;
    expect(firstRegistrationYears(two.parameters)).toBe(2);
  });

  it('reads a stored version without the new parameters through the schema', () => {
    expect(NewRuleSet.safeParse(stored(FANGCHENGGANG_2023)).success).toBe(true);
  });
});
