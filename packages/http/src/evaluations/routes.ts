import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  contractEvaluations,
  createTemplate,
  drawSpotCheck,
  EVALUATORS,
  evaluationFile,
  fileEvaluation,
  getEvaluation,
  getSpotCheck,
  getTemplate,
  JURISDICTION_READERS,
  listEvaluations,
  listSpotChecks,
  listTemplates,
  OWN_EVALUATION_READERS,
  overdueFinalEvaluations,
  ownEvaluation,
  ownEvaluations,
  removeTemplate,
  ruleSetImpact,
  updateTemplate,
  verifySpotCheck,
} from '@shegong/core';
import {
  Evaluation,
  EvaluationTemplate,
  EvaluationTemplateInput,
  FANGCHENGGANG_2023,
  GuidelineImpact,
  NewEvaluation,
  NewRuleSet,
  NewSpotCheck,
  SpotCheck,
  SpotCheckVerification,
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
  Page,
  PageQuery,
  reusedKeyResponse,
  updateResponses,
} from '../schemas.ts';
import { etag, expectedVersion } from '../versioning.ts';

/**
 * N-6 spot checks and evaluations (bureaus), the organisation's own evaluations, and the impact
 * of a draft rule set on the jurisdiction's contracts.
 */

const SpotCheckIdParam = z.object({
  spotCheckId: z
    .string()
    .regex(/^\d{4}$/, 'must be a year')
    .openapi({ param: { name: 'spotCheckId', in: 'path' }, example: '2026', description: 'The year drawn' }),
});
const TemplateIdParam = z.object({
  templateId: z
    .string()
    .max(40)
    .openapi({ param: { name: 'templateId', in: 'path' }, example: 'default' }),
});
const ContractParams = z.object({
  organisationId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'organisationId', in: 'path' }, example: '0b7e5f0c-3c2a-4f7e-9d1a-2f4c6b8a9e10' }),
  contractId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'contractId', in: 'path' }, example: '5c0f4e2a-8b1d-4c3e-9f60-7a2b1c0d9e8f' }),
});
const EvaluationParams = ContractParams.extend({
  evaluationId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'evaluationId', in: 'path' }, example: '4f1c1e9a-0d2b-4b8a-9a51-3c7e2d1f0a66' }),
});
const OwnEvaluationParam = IdParam('evaluationId', '4f1c1e9a-0d2b-4b8a-9a51-3c7e2d1f0a66');
const LangQuery = z.object({ lang: z.enum(['zh-CN', 'en']).optional() });
const SpotCheckSummary = SpotCheck.omit({ population: true }).meta({ id: 'SpotCheckSummary' });
const OverdueFinals = z
  .object({
    count: z.number().int(),
    contracts: z.array(
      z.object({
        organisationId: z.string(),
        contractId: z.string(),
        number: z.string(),
        title: z.string(),
        county: z.string(),
        endDate: z.string(),
      }),
    ),
  })
  .meta({ id: 'OverdueFinalEvaluations', description: 'Final evaluations overdue in the jurisdiction (N-6)' });

const TEMPLATE_EXAMPLE: EvaluationTemplateInput = {
  name: '2026年度项目评估模板',
  indicators: [
    { name: '项目管理', weight: 30, maxScore: 30 },
    { name: '服务成效', weight: 50, maxScore: 50 },
    { name: '财务管理', weight: 20, maxScore: 20 },
  ],
};

const page = (q: { limit: number; cursor?: string | undefined }) => ({
  limit: q.limit,
  ...(q.cursor ? { cursor: q.cursor } : {}),
});

export const evaluations = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'post',
      path: '/spot-checks',
      summary: 'Draw the year’s reproducible spot-check sample (N-6)',
      description:
        'Population: the running contracts of the jurisdiction whose term exceeds 12 months and touches the year, ids `<organisationId>/<contractId>` sorted ascending. ' +
        'Sample: the ceil(share × n) ids with the smallest SHA-256(seed ‖ "\\n" ‖ id) (per county when stratified), share from the rule set in force (N-6). ' +
        'One draw per year: a second answers 409. Without a seed, 128 random bits are drawn and recorded.',
      tags: ['evaluations'],
      middleware: [authorize(EVALUATORS)] as const,
      request: {
        headers: idempotencyHeader,
        body: jsonBody(NewSpotCheck, { year: 2026, stratified: true, seed: '2026年度抽查' }),
      },
      responses: {
        201: { description: 'Drawn', content: { 'application/json': { schema: SpotCheck } } },
        ...errorResponses,
        ...keyInFlightResponse('The year has been drawn already'),
        ...bodyResponses,
        ...reusedKeyResponse,
      },
    }),
    async (c) => {
      const { spotCheck, replayed } = await drawSpotCheck(c.var.ctx, c.req.valid('json'), idempotencyKey(c));
      return c.json(spotCheck, 201, { Location: `/v1/spot-checks/${spotCheck.id}`, ...replayHeaders(replayed) });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/spot-checks',
      summary: 'The bureau’s draws, newest year first (without their populations)',
      tags: ['evaluations'],
      middleware: [authorize(EVALUATORS)] as const,
      request: { query: PageQuery },
      responses: {
        200: { description: 'A page of draws', content: { 'application/json': { schema: Page(SpotCheckSummary) } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listSpotChecks(c.var.ctx, page(c.req.valid('query'))), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/spot-checks/{spotCheckId}',
      summary: 'One draw, with its population, seed and algorithm',
      tags: ['evaluations'],
      middleware: [authorize(EVALUATORS)] as const,
      request: { params: SpotCheckIdParam },
      responses: {
        200: { description: 'The draw', content: { 'application/json': { schema: SpotCheck } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await getSpotCheck(c.var.ctx, c.req.valid('param').spotCheckId), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/spot-checks/{spotCheckId}/verify',
      summary: 'Draw the recorded sample again from its population and seed, and compare',
      tags: ['evaluations'],
      middleware: [authorize(EVALUATORS)] as const,
      request: { params: SpotCheckIdParam },
      responses: {
        200: { description: 'The comparison', content: { 'application/json': { schema: SpotCheckVerification } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await verifySpotCheck(c.var.ctx, c.req.valid('param').spotCheckId), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/evaluation-templates',
      summary: 'The bureau’s evaluation templates, the default one first',
      tags: ['evaluations'],
      middleware: [authorize(EVALUATORS)] as const,
      request: { query: PageQuery },
      responses: {
        200: {
          description: 'A page of templates',
          content: { 'application/json': { schema: Page(EvaluationTemplate) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listTemplates(c.var.ctx, page(c.req.valid('query'))), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/evaluation-templates',
      summary: 'Keep an evaluation template (weights add up to 100)',
      tags: ['evaluations'],
      middleware: [authorize(EVALUATORS)] as const,
      request: { headers: idempotencyHeader, body: jsonBody(EvaluationTemplateInput, TEMPLATE_EXAMPLE) },
      responses: {
        201: { description: 'Kept', content: { 'application/json': { schema: EvaluationTemplate } } },
        ...errorResponses,
        ...keyInFlightResponse(),
        ...bodyResponses,
        ...reusedKeyResponse,
      },
    }),
    async (c) => {
      const { body, replayed } = await createTemplate(c.var.ctx, c.req.valid('json'), idempotencyKey(c));
      return c.json(body, 201, {
        ETag: etag(body.version),
        Location: `/v1/evaluation-templates/${body.id}`,
        ...replayHeaders(replayed),
      });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/evaluation-templates/{templateId}',
      summary: 'One template (`default` is the one that ships)',
      tags: ['evaluations'],
      middleware: [authorize(EVALUATORS)] as const,
      request: { params: TemplateIdParam },
      responses: {
        200: { description: 'The template', content: { 'application/json': { schema: EvaluationTemplate } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const template = await getTemplate(c.var.ctx, c.req.valid('param').templateId);
      return c.json(template, 200, { ETag: etag(template.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/evaluation-templates/{templateId}',
      summary: 'Change a template (If-Match); evaluations filed with it keep what they were scored on',
      tags: ['evaluations'],
      middleware: [authorize(EVALUATORS)] as const,
      request: {
        params: TemplateIdParam,
        headers: ifMatchHeader,
        body: jsonBody(EvaluationTemplateInput, TEMPLATE_EXAMPLE),
      },
      responses: {
        200: { description: 'Changed', content: { 'application/json': { schema: EvaluationTemplate } } },
        ...updateResponses,
        ...bodyResponses,
      },
    }),
    async (c) => {
      const template = await updateTemplate(
        c.var.ctx,
        c.req.valid('param').templateId,
        c.req.valid('json'),
        expectedVersion(c),
      );
      return c.json(template, 200, { ETag: etag(template.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/evaluation-templates/{templateId}',
      summary: 'Remove a template (If-Match)',
      tags: ['evaluations'],
      middleware: [authorize(EVALUATORS)] as const,
      request: { params: TemplateIdParam, headers: ifMatchHeader },
      responses: { 204: { description: 'Removed' }, ...updateResponses },
    }),
    async (c) => {
      await removeTemplate(c.var.ctx, c.req.valid('param').templateId, expectedVersion(c));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/jurisdiction/contracts/{organisationId}/{contractId}/evaluations',
      summary: 'Evaluate a contract of the jurisdiction: scores per indicator, total and grade (N-6)',
      description:
        'A spot check names the year of the sample the contract was drawn in; a final evaluation falls in the contract’s last month or later, once per contract. ' +
        'The total is out of 100 in hundredths of a point; the grade uses the thresholds of the rule set in force for the contract’s region on the day evaluated.',
      tags: ['evaluations'],
      middleware: [authorize(EVALUATORS)] as const,
      request: {
        params: ContractParams,
        headers: idempotencyHeader,
        body: jsonBody(NewEvaluation, { kind: 'final', templateId: 'default', scores: [18, 36, 17, 18] }),
      },
      responses: {
        201: { description: 'Filed', content: { 'application/json': { schema: Evaluation } } },
        ...errorResponses,
        ...keyInFlightResponse('A final evaluation of the contract has been filed already'),
        ...bodyResponses,
        422: {
          description: 'The contract cannot be evaluated so (`errors` says why)',
          content: errorResponses[400].content,
        },
      },
    }),
    async (c) => {
      const { organisationId, contractId } = c.req.valid('param');
      const { evaluation, replayed } = await fileEvaluation(
        c.var.ctx,
        organisationId,
        contractId,
        c.req.valid('json'),
        idempotencyKey(c),
      );
      return c.json(evaluation, 201, {
        Location: `/v1/jurisdiction/contracts/${organisationId}/${contractId}/evaluations/${evaluation.id}`,
        ...replayHeaders(replayed),
      });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/contracts/{organisationId}/{contractId}/evaluations',
      summary: 'The bureau’s evaluations of one contract of the jurisdiction',
      tags: ['evaluations'],
      middleware: [authorize(JURISDICTION_READERS)] as const,
      request: { params: ContractParams },
      responses: {
        200: {
          description: 'Its evaluations',
          content: { 'application/json': { schema: z.object({ items: z.array(Evaluation) }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { organisationId, contractId } = c.req.valid('param');
      return c.json({ items: await contractEvaluations(c.var.ctx, organisationId, contractId) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/contracts/{organisationId}/{contractId}/evaluations/{evaluationId}',
      summary: 'One evaluation',
      tags: ['evaluations'],
      middleware: [authorize(JURISDICTION_READERS)] as const,
      request: { params: EvaluationParams },
      responses: {
        200: { description: 'The evaluation', content: { 'application/json': { schema: Evaluation } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { organisationId, contractId, evaluationId } = c.req.valid('param');
      return c.json(await getEvaluation(c.var.ctx, organisationId, contractId, evaluationId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/contracts/{organisationId}/{contractId}/evaluations/{evaluationId}/report.xlsx',
      summary: 'One evaluation as xlsx (评估报告: indicators, scores, total, grade, rule id)',
      tags: ['evaluations'],
      middleware: [authorize(JURISDICTION_READERS)] as const,
      request: { params: EvaluationParams, query: LangQuery },
      responses: { 200: xlsxResponse('The evaluation report'), ...errorResponses },
    }),
    async (c) => {
      const { organisationId, contractId, evaluationId } = c.req.valid('param');
      const evaluation = await getEvaluation(c.var.ctx, organisationId, contractId, evaluationId);
      return xlsxAttachment(c, await evaluationFile(evaluation, c.req.valid('query').lang ?? 'zh-CN')) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/evaluations',
      summary: 'The bureau’s evaluations, by organisation and contract',
      tags: ['evaluations'],
      middleware: [authorize(JURISDICTION_READERS)] as const,
      request: { query: PageQuery },
      responses: {
        200: { description: 'A page of evaluations', content: { 'application/json': { schema: Page(Evaluation) } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listEvaluations(c.var.ctx, page(c.req.valid('query'))), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/overdue-finals',
      summary: 'Final evaluations overdue in the jurisdiction: the contract’s last month passed, none filed (N-6)',
      tags: ['evaluations'],
      middleware: [authorize(JURISDICTION_READERS)] as const,
      responses: {
        200: { description: 'The overdue contracts', content: { 'application/json': { schema: OverdueFinals } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await overdueFinalEvaluations(c.var.ctx), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/org/evaluations',
      summary: 'The evaluations of my organisation’s contracts, by any bureau, newest first',
      tags: ['evaluations'],
      middleware: [authorize(OWN_EVALUATION_READERS)] as const,
      request: { query: PageQuery },
      responses: {
        200: { description: 'A page of evaluations', content: { 'application/json': { schema: Page(Evaluation) } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await ownEvaluations(c.var.ctx, page(c.req.valid('query'))), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/org/evaluations/{evaluationId}',
      summary: 'One evaluation of my organisation’s contracts',
      tags: ['evaluations'],
      middleware: [authorize(OWN_EVALUATION_READERS)] as const,
      request: { params: OwnEvaluationParam },
      responses: {
        200: { description: 'The evaluation', content: { 'application/json': { schema: Evaluation } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await ownEvaluation(c.var.ctx, c.req.valid('param').evaluationId as string), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/org/evaluations/{evaluationId}/report.xlsx',
      summary: 'One evaluation of my organisation’s contracts as xlsx',
      tags: ['evaluations'],
      middleware: [authorize(OWN_EVALUATION_READERS)] as const,
      request: { params: OwnEvaluationParam, query: LangQuery },
      responses: { 200: xlsxResponse('The evaluation report'), ...errorResponses },
    }),
    async (c) => {
      const evaluation = await ownEvaluation(c.var.ctx, c.req.valid('param').evaluationId as string);
      return xlsxAttachment(c, await evaluationFile(evaluation, c.req.valid('query').lang ?? 'zh-CN')) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/rule-sets/impact',
      summary: 'What a draft rule set would do to the jurisdiction’s contracts it would govern (writes nothing)',
      description:
        'Per county and in total, for drafts (draft, submitted) and running contracts (signed, running): how many would have someone paid below the draft’s floor (P-W3), ' +
        'fall under its labour-share minimum or below their price floor (P-W2), and the extra funding: the sum of (new price floor − value) over those below it (P-W2). ' +
        'A contract is counted only where the draft would be in force for it (county before city, P-U1).',
      tags: ['rule sets'],
      middleware: [authorize(JURISDICTION_READERS)] as const,
      request: {
        body: jsonBody(NewRuleSet.meta({ id: 'NewRuleSet' }), {
          ...FANGCHENGGANG_2023,
          effectiveFrom: '2026-07-01',
          title: '防城港市社会工作人才激励保障参数（2026年7月）',
        }),
      },
      responses: {
        200: { description: 'The impact', content: { 'application/json': { schema: GuidelineImpact } } },
        ...errorResponses,
        ...bodyResponses,
      },
    }),
    async (c) => c.json(await ruleSetImpact(c.var.ctx, c.req.valid('json')), 200),
  );
