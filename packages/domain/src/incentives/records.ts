import { z } from 'zod';
import { CERTIFICATE_LEVELS, isoDate } from '../rules/rule-set.ts';
import { plainLine } from '../text/plain-text.ts';
import { count, date, fen, instant } from '../units/units.ts';
import { ExamCostAssessment } from './exam-costs.ts';
import { Intern, InternMonth, InternshipBase } from './internships.ts';
import { RECOGNITION_KINDS } from './organisation-awards.ts';
import { RECOGNITION_AUTHORITIES } from './parameters.ts';

/**
 * What the product stores and answers for P-A1, P-A8 and P-A9: the rules' inputs with their
 * assessments (each carrying its rule id), who recorded them and when. Money is integer fen.
 */

const recorded = { recordedAt: instant, by: z.object({ userId: z.string() }) };

/** P-A1: an exam's costs the employer reimbursed, with the rule's assessment (always eligible: refused ones are not stored). */
export const ExamCostRecord = z
  .object({
    id: z.string(),
    personId: z.string(),
    personName: z.string(),
    examDate: date,
    level: z.enum(CERTIFICATE_LEVELS),
    registrationFee: fen,
    textbooks: fen,
    travel: fen,
    assessment: ExamCostAssessment,
    ...recorded,
  })
  .meta({ id: 'ExamCostRecord', description: 'P-A1: an exam’s reimbursed costs (fen)' });
export type ExamCostRecord = z.infer<typeof ExamCostRecord>;

/** P-A1: an organisation's reimbursements by year and person. */
export const ExamCostReport = z
  .object({
    ruleId: z.literal('P-A1'),
    years: z.array(
      z.object({
        year: count,
        total: fen,
        people: z.array(z.object({ personId: z.string(), personName: z.string(), exams: count, total: fen })),
      }),
    ),
    total: fen,
  })
  .meta({ id: 'ExamCostReport', description: 'P-A1: reimbursed exam costs by year and person, fen' });
export type ExamCostReport = z.infer<typeof ExamCostReport>;

/** P-A1: the report of a list of records: by exam year (newest first), then person (by name). */
export function examCostReport(records: readonly ExamCostRecord[]): ExamCostReport {
  const years = new Map<number, Map<string, { personId: string; personName: string; exams: number; total: number }>>();
  for (const r of records) {
    const year = r.assessment.examYear;
    const people = years.get(year) ?? new Map();
    years.set(year, people);
    const row = people.get(r.personId) ?? { personId: r.personId, personName: r.personName, exams: 0, total: 0 };
    row.exams += 1;
    row.total += r.assessment.total;
    people.set(r.personId, row);
  }
  const rows = [...years.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, people]) => {
      const list = [...people.values()].sort((a, b) => a.personName.localeCompare(b.personName, 'zh-CN'));
      return { year, total: list.reduce((s, p) => s + p.total, 0), people: list };
    });
  return { ruleId: 'P-A1', years: rows, total: rows.reduce((s, y) => s + y.total, 0) };
}

/** P-A9: an organisation's record as an internship base, with where it is (for the bureau's lists). */
export const InternshipBaseRecord = InternshipBase.extend({
  organisationId: z.string(),
  organisationName: z.string(),
  region: z.string(),
  version: count,
  ...recorded,
}).meta({ id: 'InternshipBaseRecord', description: 'P-A9: an organisation recorded as an internship base' });
export type InternshipBaseRecord = z.infer<typeof InternshipBaseRecord>;

export const InternRecord = Intern.extend({ id: z.string(), ...recorded }).meta({
  id: 'InternRecord',
  description: 'P-A9: an intern the base hosts',
});
export type InternRecord = z.infer<typeof InternRecord>;

export const NewInternshipClaim = z
  .strictObject({
    internId: z.string().trim().min(1).max(60),
    months: z
      .array(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM'))
      .min(1, 'choose at least one month')
      .max(24, 'at most 24 months in one claim'),
  })
  .meta({ id: 'NewInternshipClaim', description: 'P-A9: a claim for chosen months of one intern' });
export type NewInternshipClaim = z.infer<typeof NewInternshipClaim>;

export const INTERNSHIP_CLAIM_STATUSES = ['submitted', 'approved', 'refused', 'paid'] as const;
export type InternshipClaimStatus = (typeof INTERNSHIP_CLAIM_STATUSES)[number];

export const InternshipClaim = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    region: z.string(),
    intern: InternRecord.pick({ id: true, name: true, graduationDate: true, fullTimeStudent: true }),
    ruleId: z.literal('P-A9'),
    /** Only the eligible months are claimed (the preview shows the rest with their reasons). */
    months: z.array(InternMonth),
    total: fen,
    status: z.enum(INTERNSHIP_CLAIM_STATUSES),
    bureau: z.object({ id: z.string(), name: z.string(), region: z.string() }),
    submittedAt: instant,
    decision: z
      .object({ approved: z.boolean(), reason: z.string().optional(), at: instant, by: z.string() })
      .optional(),
    payment: z.object({ paidOn: date, reference: z.string(), at: instant, by: z.string() }).optional(),
    version: count,
  })
  .meta({ id: 'InternshipClaim', description: 'P-A9: a claim of internship subsidies for intern-months (fen)' });
export type InternshipClaim = z.infer<typeof InternshipClaim>;

export const InternshipDecision = z
  .strictObject({
    approved: z.boolean(),
    reason: plainLine(z.string().trim().min(1).max(300)).optional(),
  })
  .refine((d) => d.approved || d.reason, { message: 'say why the claim is refused', path: ['reason'] })
  .meta({
    id: 'InternshipDecision',
    description: 'A bureau’s decision on an internship claim; a refusal gives a reason',
  });
export type InternshipDecision = z.infer<typeof InternshipDecision>;

export const InternshipPayment = z
  .strictObject({
    paidOn: isoDate,
    reference: plainLine(z.string().trim().min(1).max(100)),
  })
  .meta({ id: 'InternshipPayment', description: 'That an approved claim was paid: the day and the payment reference' });
export type InternshipPayment = z.infer<typeof InternshipPayment>;

/** P-A8: a recognition a bureau recorded, with the award it brought. */
export const RecognitionRecord = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    region: z.string(),
    authority: z.enum(RECOGNITION_AUTHORITIES),
    kind: z.enum(RECOGNITION_KINDS),
    year: count,
    recognisedOn: date.optional(),
    reference: z.string().optional(),
    key: z.string().describe('organisation#authority#kind#year: the same recognition pays once'),
    ruleId: z.literal('P-A8'),
    amount: fen.describe('The one-off award, fen'),
    bureau: z.object({ id: z.string(), name: z.string() }),
    ...recorded,
  })
  .meta({ id: 'RecognitionRecord', description: 'P-A8: a recognition of an organisation and its one-off award (fen)' });
export type RecognitionRecord = z.infer<typeof RecognitionRecord>;

/** P-A8: what a bureau sends for an organisation named in the path (OrganisationRecognition without its id). */
export const RecognitionInput = z
  .strictObject({
    authority: z
      .enum(RECOGNITION_AUTHORITIES)
      .describe('national: the national civil-affairs authority; regional: Guangxi'),
    kind: z.enum(RECOGNITION_KINDS),
    year: z.number().int().min(2000).max(2100).describe('The year the authority made the recognition'),
    recognisedOn: isoDate.optional(),
    reference: plainLine(z.string().trim().min(1).max(100)).optional().describe('The authority’s document number'),
  })
  .refine((r) => !r.recognisedOn || Number(r.recognisedOn.slice(0, 4)) === r.year, {
    message: 'must fall in the recognition’s year',
    path: ['recognisedOn'],
  })
  .meta({
    id: 'RecognitionInput',
    description: 'P-A8: a national or regional recognition of the organisation in the path',
  });
export type RecognitionInput = z.infer<typeof RecognitionInput>;
