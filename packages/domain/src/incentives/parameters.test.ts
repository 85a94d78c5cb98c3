import { describe, expect, it } from 'vitest';
import { DONGXING_2026, FANGCHENGGANG_2023 } from '../rules/fangchenggang.ts';
import { AwardParameters, awardParametersOf, FANGCHENGGANG_AWARD_PARAMETERS } from './parameters.ts';

describe('award parameters', () => {
  it('reads Fangchenggang’s rule set as POLICY.md states it', () => {
    expect(AwardParameters.parse(FANGCHENGGANG_AWARD_PARAMETERS)).toEqual(FANGCHENGGANG_AWARD_PARAMETERS);
    expect(awardParametersOf(FANGCHENGGANG_2023)).toEqual(FANGCHENGGANG_AWARD_PARAMETERS);
  });

  it('counts P-A3 in the city for a county’s rule set without its own area', () => {
    const p = awardParametersOf(DONGXING_2026);
    expect(p.continuityRegion).toBe(DONGXING_2026.parameters.awards.continuityRegion ?? '450600');
  });
});

describe('award parameters published in the rule set (P-A1, P-A8, P-A9)', () => {
  const awards = FANGCHENGGANG_2023.parameters.awards;
  const published = {
    ...FANGCHENGGANG_2023,
    parameters: {
      ...FANGCHENGGANG_2023.parameters,
      awards: {
        ...awards,
        examFirstYear: 2024,
        organisationAwards: { national: 30_000_00, regional: 15_000_00 },
        internshipGraduateYears: 3,
        internshipRates: { internship: 1_500_00, insurance: 50_00 },
      },
    },
  };

  it('reads the values a bureau published', () => {
    const p = awardParametersOf(published);
    expect(p.examFirstYear).toBe(2024);
    expect(p.organisationAwards).toEqual({ national: 30_000_00, regional: 15_000_00 });
    expect(p.internshipGraduateYears).toBe(3);
    expect(p.internshipRates).toEqual({ internship: 1_500_00, insurance: 50_00 });
  });

  it('falls back to POLICY.md for a version published before them, with no P-A9 rates', () => {
    const p = awardParametersOf(FANGCHENGGANG_2023);
    expect(p.examFirstYear).toBe(2023);
    expect(p.organisationAwards).toEqual({ national: 20_000_00, regional: 10_000_00 });
    expect(p.internshipGraduateYears).toBe(2);
    expect(p.internshipRates).toBeUndefined();
  });
});
