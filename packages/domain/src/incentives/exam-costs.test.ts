import { describe, expect, it } from 'vitest';
import { assessExamCostClaim, ExamCostClaim } from './exam-costs.ts';
import { FANGCHENGGANG_AWARD_PARAMETERS as P } from './parameters.ts';

const claim = {
  examDate: '2023-06-17',
  level: 'assistant' as const,
  registrationFee: 130_00,
  textbooks: 268_50,
  travel: 86_00,
};

describe('assessExamCostClaim (P-A1)', () => {
  it('reimburses an exam of the first year: 130.00 + 268.50 + 86.00 = 484.50 yuan', () => {
    expect(assessExamCostClaim(ExamCostClaim.parse(claim), P)).toMatchObject({
      eligible: true,
      ruleId: 'P-A1',
      examYear: 2023,
      firstYear: 2023,
      total: 484_50,
    });
  });

  it('refuses an exam of 31 December 2022 with P-A1, and accepts one of 1 January 2023', () => {
    expect(assessExamCostClaim({ ...claim, examDate: '2022-12-31' }, P)).toMatchObject({
      eligible: false,
      ruleId: 'P-A1',
      total: 0,
    });
    expect(assessExamCostClaim({ ...claim, examDate: '2023-01-01' }, P).eligible).toBe(true);
  });

  it('follows the parameter, and a claim of zero costs is valid and totals zero', () => {
    expect(assessExamCostClaim(claim, { examFirstYear: 2024 }).eligible).toBe(false);
    const zero = { ...claim, registrationFee: 0, textbooks: 0, travel: 0 };
    expect(assessExamCostClaim(ExamCostClaim.parse(zero), P)).toMatchObject({ eligible: true, total: 0 });
  });

  it('rejects negative, fractional and unknown fields', () => {
    expect(ExamCostClaim.safeParse({ ...claim, travel: -1 }).success).toBe(false);
    expect(ExamCostClaim.safeParse({ ...claim, textbooks: 1.5 }).success).toBe(false);
    expect(ExamCostClaim.safeParse({ ...claim, examDate: '2023-02-29' }).success).toBe(false);
    expect(ExamCostClaim.safeParse({ ...claim, hotel: 100 }).success).toBe(false);
  });
});
