import { describe, expect, it } from 'vitest';
import {
  assessRecognitionAward,
  OrganisationRecognition,
  recognitionAlreadyPaid,
  recognitionKey,
} from './organisation-awards.ts';
import { FANGCHENGGANG_AWARD_PARAMETERS as P } from './parameters.ts';

const national = {
  organisationId: 'org-1',
  authority: 'national' as const,
  kind: 'advanced_unit' as const,
  year: 2025,
};

describe('organisation recognitions (P-A8)', () => {
  it('pays 20 000 yuan for a national and 10 000 for a regional recognition', () => {
    expect(assessRecognitionAward(national, [], P)).toMatchObject({
      ruleId: 'P-A8',
      eligible: true,
      amount: 20_000_00,
    });
    expect(assessRecognitionAward({ ...national, authority: 'regional' }, [], P).amount).toBe(10_000_00);
  });

  it('never pays the same recognition twice; another kind, authority or year pays its own', () => {
    const paid = [national];
    expect(recognitionAlreadyPaid(national, paid)).toBe(true);
    expect(assessRecognitionAward(national, paid, P)).toMatchObject({
      eligible: false,
      alreadyPaid: true,
      amount: 0,
      award: 20_000_00,
    });
    expect(recognitionAlreadyPaid({ ...national, kind: 'talent_training_base' }, paid)).toBe(false);
    expect(recognitionAlreadyPaid({ ...national, authority: 'regional' }, paid)).toBe(false);
    expect(recognitionAlreadyPaid({ ...national, year: 2026 }, paid)).toBe(false);
    expect(recognitionAlreadyPaid({ ...national, organisationId: 'org-2' }, paid)).toBe(false);
    expect(recognitionKey(national)).toBe('org-1#national#advanced_unit#2025');
  });

  it('checks the recognition date falls in its year', () => {
    expect(OrganisationRecognition.safeParse({ ...national, recognisedOn: '2025-11-20' }).success).toBe(true);
    expect(OrganisationRecognition.safeParse({ ...national, recognisedOn: '2024-11-20' }).success).toBe(false);
    expect(OrganisationRecognition.safeParse({ ...national, authority: 'county' }).success).toBe(false);
  });
});
