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
