import { z } from 'zod';
import { CERTIFICATE_LEVELS, isoDate } from '../rules/rule-set.ts';
import { count, date, fen } from '../units/units.ts';
import type { AwardParameters } from './parameters.ts';

/**
 * P-A1: from exam year 2023 (a parameter), the employer reimburses a candidate's registration fee,
 * textbook fee and round-trip travel "as for a business trip" (出差待遇). The amounts are what the
 * employer paid; the business-trip scale itself is the employer's own rule, so it is not checked
 * here (choice: the record carries the travel as one amount).
 * The exam year is the year of the exam date (choice: a date, not a bare year, so the person's
 * record can show which sitting; the rule compares only its year).
 */

const MAX_ITEM = 100_000_00; // ¥100,000 per item: far above any exam's costs, catches a slipped digit.
const item = z
  .number({ error: 'must be an amount in fen' })
  .int('must be whole fen')
  .min(0, 'cannot be negative')
  .max(MAX_ITEM, 'cannot exceed ¥100,000.00');

export const ExamCostClaim = z
  .strictObject({
    examDate: isoDate.describe('The day of the exam sitting'),
    level: z.enum(CERTIFICATE_LEVELS).describe('The certificate level examined'),
    registrationFee: item.describe('Registration fee (报名费), fen'),
    textbooks: item.describe('Textbooks (教材费), fen'),
    travel: item.describe('Round-trip travel as for a business trip (往返交通, 出差待遇), fen'),
  })
  .meta({ id: 'ExamCostClaim', description: 'P-A1: an exam’s costs reimbursed by the employer (fen)' });
export type ExamCostClaim = z.infer<typeof ExamCostClaim>;

export const ExamCostAssessment = z
  .object({
    eligible: z.boolean(),
    ruleId: z.literal('P-A1'),
    examYear: count,
    firstYear: count.describe('Exams from this year on are reimbursed'),
    total: fen.describe('registration + textbooks + travel, fen (0 when refused)'),
    items: z.object({ registrationFee: fen, textbooks: fen, travel: fen }),
    examDate: date,
  })
  .meta({ id: 'ExamCostAssessment' });
export type ExamCostAssessment = z.infer<typeof ExamCostAssessment>;

/** P-A1: whether the exam's costs are reimbursable, and the total (refused for an exam before the first year). */
export function assessExamCostClaim(
  claim: ExamCostClaim,
  params: Pick<AwardParameters, 'examFirstYear'>,
): ExamCostAssessment {
  const examYear = Number(claim.examDate.slice(0, 4));
  const eligible = examYear >= params.examFirstYear;
  const items = { registrationFee: claim.registrationFee, textbooks: claim.textbooks, travel: claim.travel };
  return {
    eligible,
    ruleId: 'P-A1',
    examYear,
    firstYear: params.examFirstYear,
    total: eligible ? items.registrationFee + items.textbooks + items.travel : 0,
    items,
    examDate: claim.examDate,
  };
}
