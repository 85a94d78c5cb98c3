import type { z } from '@hono/zod-openapi';
import type {
  ExamCostClaim,
  Intern,
  InternshipBase,
  InternshipDecision,
  InternshipPayment,
  NewInternshipClaim,
  RecognitionInput,
} from '@shegong/domain';

/** Examples of the incentive routes' bodies (P-A1, P-A8, P-A9): a client's and the isolation matrix's. */
export const EXAM_COST_EXAMPLE: z.input<typeof ExamCostClaim> = {
  examDate: '2025-06-14',
  level: 'social_worker',
  registrationFee: 180_00,
  textbooks: 236_00,
  travel: 312_50,
};
export const INTERNSHIP_BASE_EXAMPLE: z.input<typeof InternshipBase> = {
  name: '社会工作实习见习基地',
  recognisedBy: '防城港市人力资源和社会保障局',
  recognisedOn: '2025-03-01',
  reference: '防人社函〔2025〕12号',
};
export const INTERN_EXAMPLE: z.input<typeof Intern> = {
  name: '黄小雨',
  graduationDate: '2026-06-30',
  fullTimeStudent: true,
};
/** The internId is the matrix's fixture intern (its own in each world); a client sends its own. */
export const INTERNSHIP_CLAIM_EXAMPLE: z.input<typeof NewInternshipClaim> = {
  internId: '0193a7c2-5a00-7c1d-8e2f-000000000001',
  months: ['2026-07', '2026-08'],
};
export const INTERNSHIP_DECISION_EXAMPLE: z.input<typeof InternshipDecision> = { approved: true };
export const INTERNSHIP_PAYMENT_EXAMPLE: z.input<typeof InternshipPayment> = {
  paidOn: '2026-11-20',
  reference: '防民财拨〔2026〕88号',
};
export const RECOGNITION_EXAMPLE: z.input<typeof RecognitionInput> = {
  authority: 'regional',
  kind: 'advanced_unit',
  year: 2025,
  reference: '桂民函〔2025〕31号',
};
