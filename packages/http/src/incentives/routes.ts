import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  addIntern,
  bureauInternshipClaim,
  bureauInternshipClaims,
  bureauRecognitions,
  decideInternshipClaim,
  EXAM_COST_KEEPERS,
  examCostFile,
  examCostReportOf,
  examCostsOfPerson,
  INTERNSHIP_BUREAU_READERS,
  INTERNSHIP_DECIDERS,
  INTERNSHIP_KEEPERS,
  INTERNSHIP_READERS,
  interns,
  internshipBase,
  jurisdictionInternshipBases,
  MY_RECORD_USERS,
  myExamCosts,
  OWN_RECOGNITION_READERS,
  ownInternshipClaim,
  ownInternshipClaims,
  ownRecognitions,
  previewInternshipClaim,
  RECOGNITION_READERS,
  RECOGNITION_RECORDERS,
  recordExamCost,
  recordInternshipPayment,
  recordRecognition,
  saveInternshipBase,
  submitInternshipClaim,
} from '@shegong/core';
import {
  ExamCostClaim,
  ExamCostRecord,
  ExamCostReport,
  INTERNSHIP_CLAIM_STATUSES,
  Intern,
  InternMonth,
  InternRecord,
  InternshipBase,
  InternshipBaseRecord,
  InternshipClaim,
  InternshipDecision,
  InternshipPayment,
  NewInternshipClaim,
  RecognitionInput,
  RecognitionRecord,
} from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { xlsxAttachment, xlsxResponse } from '../files.ts';
import { idempotencyKey, replayHeaders } from '../idempotency.ts';
import {
  bodyResponses,
  errorResponses,
  IdParam,
  idempotencyHeader,
  ifMatchHeader,
  jsonBody,
  keyInFlightResponse,
  updateResponses,
} from '../schemas.ts';
import { etag, expectedVersion } from '../versioning.ts';
import {
  EXAM_COST_EXAMPLE,
  INTERN_EXAMPLE,
  INTERNSHIP_BASE_EXAMPLE,
  INTERNSHIP_CLAIM_EXAMPLE,
  INTERNSHIP_DECISION_EXAMPLE,
  INTERNSHIP_PAYMENT_EXAMPLE,
  RECOGNITION_EXAMPLE,
} from './examples.ts';

/**
 * The incentives beyond the level award: P-A1 exam costs (the employer's records and report),
 * P-A9 internship subsidies (base, interns, claims; the bureau's decisions and payments) and P-A8
 * organisation recognitions (recorded by a bureau, read by the organisation). Money in fen, every
 * figure with its rule id.
 */

const json = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { 'application/json': { schema } },
});
const Items = <S extends z.ZodType>(id: string, item: S) => z.object({ items: z.array(item) }).meta({ id });
const refusedResponse = (what: string) =>
  ({ 422: { description: `Refused by the rules: ${what}`, content: errorResponses[400].content } }) as const;

const PersonParams = IdParam('personId', '5b7a4c1e-2f3d-4e5a-9b8c-7d6e5f4a3b2c');
const ClaimParams = IdParam('claimId', '0193a7c2-5a00-7c1d-8e2f-3a4b5c6d7e8f');
const OrganisationParams = IdParam('organisationId', '0193a7c2-5a00-7c1d-8e2f-3a4b5c6d7e90');
const BureauClaimParams = OrganisationParams.merge(ClaimParams);
const YearQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .openapi({ description: 'Only exams of this year', example: 2025 }),
});

const InternshipBaseAnswer = z
  .object({ base: InternshipBaseRecord.optional().describe('Absent until the organisation records itself') })
  .meta({ id: 'InternshipBaseAnswer' });
const ClaimPreview = z
  .object({
    ruleId: z.literal('P-A9'),
    intern: InternRecord,
    months: z.array(InternMonth),
    total: z.number().int().describe('Eligible months at the published rates, fen'),
    eligible: z.boolean().describe('Every month chosen is eligible: the claim may be submitted'),
  })
  .meta({ id: 'InternshipClaimPreview' });
const Recognitions = z
  .object({ items: z.array(RecognitionRecord), total: z.number().int().describe('Awards in fen (P-A8)') })
  .meta({ id: 'Recognitions' });

const examTags = ['exam costs'];
const internTags = ['internships'];
const recognitionTags = ['recognitions'];

export const incentiveRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'post',
      path: '/people/{personId}/exam-costs',
      summary: 'Record the exam costs reimbursed to a staff member (P-A1)',
      description:
        'Registration fee, textbooks and round-trip travel (as for a business trip), in fen. An exam before the rule set’s first year (2023 by default) is refused with 422 and P-A1 on `examDate`; nothing is stored.',
      tags: examTags,
      middleware: [authorize(EXAM_COST_KEEPERS)] as const,
      request: { params: PersonParams, headers: idempotencyHeader, body: jsonBody(ExamCostClaim, EXAM_COST_EXAMPLE) },
      responses: {
        201: json('Recorded', ExamCostRecord),
        ...errorResponses,
        ...bodyResponses,
        ...keyInFlightResponse(),
        ...refusedResponse('an exam before the first year (P-A1), or no rule set in force'),
      },
    }),
    async (c) => {
      const { record, replayed } = await recordExamCost(
        c.var.ctx,
        c.req.valid('param').personId as string,
        c.req.valid('json'),
        idempotencyKey(c),
      );
      return c.json(record, 201, replayHeaders(replayed));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/people/{personId}/exam-costs',
      summary: 'A staff member’s reimbursed exams (P-A1), by exam day',
      tags: examTags,
      middleware: [authorize(EXAM_COST_KEEPERS)] as const,
      request: { params: PersonParams },
      responses: { 200: json('The person’s exams', Items('ExamCostRecords', ExamCostRecord)), ...errorResponses },
    }),
    async (c) => c.json({ items: await examCostsOfPerson(c.var.ctx, c.req.valid('param').personId as string) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/exam-costs',
      summary: 'The organisation’s reimbursed exam costs by year and person, totals in fen (P-A1)',
      tags: examTags,
      middleware: [authorize(EXAM_COST_KEEPERS)] as const,
      request: { query: YearQuery },
      responses: { 200: json('The report', ExamCostReport), ...errorResponses },
    }),
    async (c) => c.json((await examCostReportOf(c.var.ctx, c.req.valid('query').year)).report, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/exam-costs.xlsx',
      summary: 'The exam-cost report as xlsx: one row per exam, year subtotals, the rule id (P-A1)',
      tags: examTags,
      middleware: [authorize(EXAM_COST_KEEPERS)] as const,
      request: { query: YearQuery },
      responses: { 200: xlsxResponse('The report'), ...errorResponses },
    }),
    async (c) => xlsxAttachment(c, await examCostFile(c.var.ctx, 'zh-CN', c.req.valid('query').year)) as never,
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/exam-costs',
      summary: 'My reimbursed exams (P-A1): the signed-in member’s own, through the link hr set',
      tags: examTags,
      middleware: [authorize(MY_RECORD_USERS)] as const,
      responses: {
        200: json('My exams (none when not linked)', Items('MyExamCosts', ExamCostRecord)),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await myExamCosts(c.var.ctx) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/internships/base',
      summary: 'The organisation’s record as an internship base (P-A9); `ETag` its version, "0" before it is recorded',
      tags: internTags,
      middleware: [authorize(INTERNSHIP_READERS)] as const,
      responses: { 200: json('The base, if recorded', InternshipBaseAnswer), ...errorResponses },
    }),
    async (c) => {
      const base = await internshipBase(c.var.ctx);
      return c.json(base ? { base } : {}, 200, { ETag: etag(base?.version ?? 0) });
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/internships/base',
      summary: 'Record (If-Match: "0") or update the organisation’s recognition as an internship base (P-A9)',
      tags: internTags,
      middleware: [authorize(INTERNSHIP_KEEPERS)] as const,
      request: { headers: ifMatchHeader, body: jsonBody(InternshipBase, INTERNSHIP_BASE_EXAMPLE) },
      responses: { 200: json('Saved', InternshipBaseRecord), ...updateResponses, ...bodyResponses },
    }),
    async (c) => {
      const base = await saveInternshipBase(c.var.ctx, c.req.valid('json'), expectedVersion(c));
      return c.json(base, 200, { ETag: etag(base.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/internships/interns',
      summary: 'Record an intern the base hosts (P-A9): name, graduation date, full-time student',
      tags: internTags,
      middleware: [authorize(INTERNSHIP_KEEPERS)] as const,
      request: { headers: idempotencyHeader, body: jsonBody(Intern, INTERN_EXAMPLE) },
      responses: { 201: json('Recorded', InternRecord), ...errorResponses, ...bodyResponses, ...keyInFlightResponse() },
    }),
    async (c) => {
      const { intern, replayed } = await addIntern(c.var.ctx, c.req.valid('json'), idempotencyKey(c));
      return c.json(intern, 201, replayHeaders(replayed));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/internships/interns',
      summary: 'The base’s interns (P-A9)',
      tags: internTags,
      middleware: [authorize(INTERNSHIP_READERS)] as const,
      responses: { 200: json('The interns', Items('Interns', InternRecord)), ...errorResponses },
    }),
    async (c) => c.json({ items: await interns(c.var.ctx) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/internships/claims/preview',
      summary: 'Judge chosen intern-months before claiming: each eligible or not, with its reason (P-A9)',
      description: 'Writes nothing. 422 when the organisation is not a base, or the bureau has published no rates.',
      tags: internTags,
      middleware: [authorize(INTERNSHIP_KEEPERS)] as const,
      request: { body: jsonBody(NewInternshipClaim, INTERNSHIP_CLAIM_EXAMPLE) },
      responses: {
        200: json('Each month judged, and the total', ClaimPreview),
        ...errorResponses,
        ...bodyResponses,
        ...refusedResponse('not a base, or no rates published (P-A9)'),
      },
    }),
    async (c) => c.json(await previewInternshipClaim(c.var.ctx, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/internships/claims',
      summary: 'Claim subsidies for chosen intern-months (P-A9); goes to the bureau of the organisation’s level',
      description:
        'Every month must be eligible (422 names each that is not, with its reason); a month already in another claim answers 409 naming it: a month is paid once per intern.',
      tags: internTags,
      middleware: [authorize(INTERNSHIP_KEEPERS)] as const,
      request: { headers: idempotencyHeader, body: jsonBody(NewInternshipClaim, INTERNSHIP_CLAIM_EXAMPLE) },
      responses: {
        201: json('Submitted', InternshipClaim),
        ...errorResponses,
        ...bodyResponses,
        ...keyInFlightResponse('A month is already in another claim'),
        ...refusedResponse('a month not eligible, not a base, or no rates published (P-A9)'),
      },
    }),
    async (c) => {
      const { claim, replayed } = await submitInternshipClaim(c.var.ctx, c.req.valid('json'), idempotencyKey(c));
      return c.json(claim, 201, replayHeaders(replayed));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/internships/claims',
      summary: 'The organisation’s internship claims, the newest first (P-A9)',
      tags: internTags,
      middleware: [authorize(INTERNSHIP_READERS)] as const,
      responses: { 200: json('The claims', Items('InternshipClaims', InternshipClaim)), ...errorResponses },
    }),
    async (c) => c.json({ items: await ownInternshipClaims(c.var.ctx) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/internships/claims/{claimId}',
      summary: 'One internship claim of the organisation (P-A9)',
      tags: internTags,
      middleware: [authorize(INTERNSHIP_READERS)] as const,
      request: { params: ClaimParams },
      responses: { 200: json('The claim', InternshipClaim), ...errorResponses },
    }),
    async (c) => c.json(await ownInternshipClaim(c.var.ctx, c.req.valid('param').claimId as string), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/bureau/internship-claims',
      summary: 'The internship claims the bureau decides (P-A9), oldest submitted first; one status with `status`',
      tags: internTags,
      middleware: [authorize(INTERNSHIP_BUREAU_READERS)] as const,
      request: { query: z.object({ status: z.enum(INTERNSHIP_CLAIM_STATUSES).optional() }) },
      responses: { 200: json('The claims', Items('BureauInternshipClaims', InternshipClaim)), ...errorResponses },
    }),
    async (c) => c.json({ items: await bureauInternshipClaims(c.var.ctx, c.req.valid('query').status) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/bureau/internship-claims/{organisationId}/{claimId}',
      summary: 'One internship claim the bureau decides (404 for any other)',
      tags: internTags,
      middleware: [authorize(INTERNSHIP_BUREAU_READERS)] as const,
      request: { params: BureauClaimParams },
      responses: { 200: json('The claim; `ETag` its version', InternshipClaim), ...errorResponses },
    }),
    async (c) => {
      const { organisationId, claimId } = c.req.valid('param');
      const claim = await bureauInternshipClaim(c.var.ctx, organisationId as string, claimId as string);
      return c.json(claim, 200, { ETag: etag(claim.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/bureau/internship-claims/{organisationId}/{claimId}/decision',
      summary: 'Approve or refuse (with a reason) a submitted internship claim (P-A9); If-Match its version',
      description: 'A refusal frees the claim’s months, so they can be claimed again.',
      tags: internTags,
      middleware: [authorize(INTERNSHIP_DECIDERS)] as const,
      request: {
        params: BureauClaimParams,
        headers: ifMatchHeader,
        body: jsonBody(InternshipDecision, INTERNSHIP_DECISION_EXAMPLE),
      },
      responses: { 200: json('Decided', InternshipClaim), ...updateResponses, ...bodyResponses },
    }),
    async (c) => {
      const { organisationId, claimId } = c.req.valid('param');
      const claim = await decideInternshipClaim(
        c.var.ctx,
        organisationId as string,
        claimId as string,
        c.req.valid('json'),
        expectedVersion(c),
      );
      return c.json(claim, 200, { ETag: etag(claim.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/bureau/internship-claims/{organisationId}/{claimId}/payment',
      summary: 'Record that an approved internship claim was paid: the day and the reference (P-A9)',
      tags: internTags,
      middleware: [authorize(INTERNSHIP_DECIDERS)] as const,
      request: {
        params: BureauClaimParams,
        headers: ifMatchHeader,
        body: jsonBody(InternshipPayment, INTERNSHIP_PAYMENT_EXAMPLE),
      },
      responses: { 200: json('Paid', InternshipClaim), ...updateResponses, ...bodyResponses },
    }),
    async (c) => {
      const { organisationId, claimId } = c.req.valid('param');
      const claim = await recordInternshipPayment(
        c.var.ctx,
        organisationId as string,
        claimId as string,
        c.req.valid('json'),
        expectedVersion(c),
      );
      return c.json(claim, 200, { ETag: etag(claim.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/bureau/internship-bases',
      summary: 'The internship bases recorded in the bureau’s jurisdiction (P-A9; P-T6 counts them)',
      tags: internTags,
      middleware: [authorize(INTERNSHIP_BUREAU_READERS)] as const,
      responses: { 200: json('The bases', Items('InternshipBases', InternshipBaseRecord)), ...errorResponses },
    }),
    async (c) => c.json({ items: await jurisdictionInternshipBases(c.var.ctx) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/bureau/recognitions/{organisationId}',
      summary: 'Record a national or regional recognition of an organisation and its one-off award (P-A8)',
      description:
        'The award is the rule set’s amount for the authority (¥20,000 national, ¥10,000 regional by default). The same recognition (organisation, authority, kind, year) is recorded once, by any bureau: 409 after that. 404 for an organisation outside the jurisdiction.',
      tags: recognitionTags,
      middleware: [authorize(RECOGNITION_RECORDERS)] as const,
      request: {
        params: OrganisationParams,
        headers: idempotencyHeader,
        body: jsonBody(RecognitionInput, RECOGNITION_EXAMPLE),
      },
      responses: {
        201: json('Recorded', RecognitionRecord),
        ...errorResponses,
        ...bodyResponses,
        ...keyInFlightResponse('The same recognition is already recorded (P-A8)'),
        ...refusedResponse('no rule set in force for the organisation’s region'),
      },
    }),
    async (c) => {
      const { recognition, replayed } = await recordRecognition(
        c.var.ctx,
        c.req.valid('param').organisationId as string,
        c.req.valid('json'),
        idempotencyKey(c),
      );
      return c.json(recognition, 201, replayHeaders(replayed));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/bureau/recognitions',
      summary: 'The recognitions the bureau recorded, the newest first, with the total awarded (P-A8)',
      tags: recognitionTags,
      middleware: [authorize(RECOGNITION_READERS)] as const,
      responses: { 200: json('The recognitions', Recognitions), ...errorResponses },
    }),
    async (c) => {
      const { recognitions, total } = await bureauRecognitions(c.var.ctx);
      return c.json({ items: recognitions, total }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/recognitions',
      summary: 'The organisation’s recognitions and their awards (P-A8), read only',
      tags: recognitionTags,
      middleware: [authorize(OWN_RECOGNITION_READERS)] as const,
      responses: { 200: json('The recognitions', Recognitions), ...errorResponses },
    }),
    async (c) => {
      const { recognitions, total } = await ownRecognitions(c.var.ctx);
      return c.json({ items: recognitions, total }, 200);
    },
  );
