import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  getIncubationTemplate,
  graduationCheck,
  INCUBATION_STAFF,
  listSupport,
  markMilestone,
  recordMilestones,
  recordSupport,
  saveIncubationTemplate,
  supportTotals,
  undoMilestone,
} from '@shegong/core';
import {
  CriterionResult,
  DEFAULT_TEMPLATE,
  IncubationTemplate,
  isoDate,
  MilestoneDone,
  MilestoneView,
  NewSupport,
  SUPPORT_KINDS,
  SupportEntry,
  SupportTotals,
  TemplateInput,
} from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
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

/** Examples: a training, a milestone done, the default template. */
export const SUPPORT_EXAMPLE: z.input<typeof NewSupport> = {
  kind: 'training',
  on: '2026-04-15',
  title: '社会组织财务管理入门',
  tenthHours: 35,
};
export const MILESTONE_DONE_EXAMPLE: z.input<typeof MilestoneDone> = {
  on: '2026-05-20',
  evidence: '理事会审议通过章程及议事规则（会议纪要存档）',
};
export const TEMPLATE_EXAMPLE: z.input<typeof TemplateInput> = DEFAULT_TEMPLATE;

const IncubationParams = IdParam('incubationId', '0193a7c2-5a00-7c1d-8e2f-3a4b5c6d7e8f');
const MilestoneParams = IncubationParams.extend({
  milestoneId: z
    .string()
    .regex(/^[a-z0-9_]{1,40}$/)
    .openapi({ param: { name: 'milestoneId', in: 'path' }, example: 'governance' }),
});

const Milestones = z
  .object({
    organisationId: z.string(),
    milestones: z.array(MilestoneView),
    version: z.number().int().describe('The version of the record’s milestones: If-Match to mark or undo'),
  })
  .meta({ id: 'IncubationRecordMilestones' });
const Graduation = z
  .object({
    organisationId: z.string(),
    on: z.string().describe('The day the months are counted to'),
    met: z.boolean().describe('Every criterion is met: the record may graduate'),
    criteria: z.array(CriterionResult),
  })
  .meta({ id: 'IncubationGraduationCheck' });

const json = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { 'application/json': { schema } },
});

const tags = ['incubation'];
const record = '/incubation/incubations/{incubationId}';

/** The support a base gives, its template, the records' milestones and the graduation check (P-I1). */
export const incubationSupport = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'post',
      path: `${record}/support`,
      summary: 'Record support given: a training, a mentoring session, a subsidy or registration help',
      description:
        'Hours in tenths (`tenthHours`), money in integer fen (`amount`). A training lists the other incubated organisations that attended in `alsoAttended`: it is listed under each and adds to each one’s hours. Only for this base’s records (404) still incubating (409 once graduated or left). Send an Idempotency-Key so a retry records it once.',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: { params: IncubationParams, headers: idempotencyHeader, body: jsonBody(NewSupport, SUPPORT_EXAMPLE) },
      responses: {
        201: json('Recorded', SupportEntry),
        ...errorResponses,
        ...bodyResponses,
        ...keyInFlightResponse('The incubation has ended, or an attending organisation’s has'),
        ...reusedKeyResponse,
        412: updateResponses[412],
      },
    }),
    async (c) => {
      const { entry, replayed } = await recordSupport(
        c.var.ctx,
        c.req.valid('param').incubationId as string,
        c.req.valid('json'),
        idempotencyKey(c),
      );
      return c.json(entry, 201, replayHeaders(replayed));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: `${record}/support`,
      summary: 'The support an organisation received: one kind, the latest day first (or every kind, kind by kind)',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: {
        params: IncubationParams,
        query: PageQuery.extend({
          kind: z.enum(SUPPORT_KINDS).optional().openapi({
            description: 'training, mentoring, subsidy or registration_help; every kind, kind by kind, without',
          }),
        }),
      },
      responses: { 200: json('A page of support entries', Page(SupportEntry)), ...errorResponses },
    }),
    async (c) => {
      const { kind, ...page } = c.req.valid('query');
      return c.json(await listSupport(c.var.ctx, c.req.valid('param').incubationId as string, kind, page), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: `${record}/support/totals`,
      summary: 'What an organisation received, in sums: training hours, mentoring sessions, subsidies in fen',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: { params: IncubationParams },
      responses: { 200: json('The totals', SupportTotals), ...errorResponses },
    }),
    async (c) => c.json(await supportTotals(c.var.ctx, c.req.valid('param').incubationId as string), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/incubation/template',
      summary: 'The base’s template: its milestone checklist and graduation criteria (the defaults until saved)',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      responses: {
        200: json('The template; `ETag` its version (0 for the defaults)', IncubationTemplate),
        ...errorResponses,
      },
    }),
    async (c) => {
      const template = await getIncubationTemplate(c.var.ctx);
      return c.json(template, 200, { ETag: etag(template.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/incubation/template',
      summary: 'Save the base’s template (If-Match: "0" over the defaults)',
      description:
        'Criteria: `milestone` (that milestone done), `midterm_review`, `min_months` (months incubated up to the graduation day), `min_training_hours` (`tenthHours`), `registered` (credit code recorded). A criterion may name only a milestone of the checklist.',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: { headers: ifMatchHeader, body: jsonBody(TemplateInput, TEMPLATE_EXAMPLE) },
      responses: { 200: json('Saved', IncubationTemplate), ...updateResponses, ...bodyResponses },
    }),
    async (c) => {
      const expected = expectedVersion(c);
      const template = await saveIncubationTemplate(c.var.ctx, c.req.valid('json'), expected);
      return c.json(template, 200, { ETag: etag(template.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: `${record}/milestones`,
      summary: 'The record’s milestone checklist: each done (day, evidence) or not, and what stored facts say',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: { params: IncubationParams },
      responses: { 200: json('The checklist; `ETag` the milestones’ version', Milestones), ...errorResponses },
    }),
    async (c) => {
      const milestones = await recordMilestones(c.var.ctx, c.req.valid('param').incubationId as string);
      return c.json(milestones, 200, { ETag: etag(milestones.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: `${record}/milestones/{milestoneId}`,
      summary: 'Mark a milestone done, with its day and the base’s evidence note (or new evidence for one done)',
      description:
        '`If-Match` with the milestones’ ETag ("0" before any is marked). 404 for a milestone not in the base’s checklist; 409 once the incubation has ended.',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: {
        params: MilestoneParams,
        headers: ifMatchHeader,
        body: jsonBody(MilestoneDone, MILESTONE_DONE_EXAMPLE),
      },
      responses: { 200: json('The checklist', Milestones), ...updateResponses, ...bodyResponses },
    }),
    async (c) => {
      const expected = expectedVersion(c);
      const { incubationId, milestoneId } = c.req.valid('param');
      const milestones = await markMilestone(
        c.var.ctx,
        incubationId as string,
        milestoneId as string,
        c.req.valid('json'),
        expected,
      );
      return c.json(milestones, 200, { ETag: etag(milestones.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: `${record}/milestones/{milestoneId}`,
      summary: 'Undo a milestone marked done by mistake (409 when it is not done)',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: { params: MilestoneParams, headers: ifMatchHeader },
      responses: { 200: json('The checklist', Milestones), ...updateResponses },
    }),
    async (c) => {
      const expected = expectedVersion(c);
      const { incubationId, milestoneId } = c.req.valid('param');
      const milestones = await undoMilestone(c.var.ctx, incubationId as string, milestoneId as string, expected);
      return c.json(milestones, 200, { ETag: etag(milestones.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: `${record}/graduation`,
      summary: 'Whether the organisation may graduate: each of the base’s criteria met or unmet, and why',
      description:
        'As of `on` (today by default; for a record that graduated or left, the day it closed): e.g. "12 of 18 months incubated", "3.5 of 8 training hours", "milestone 首个政府购买服务项目 not done". The graduate transition refuses (409) with the unmet criteria in `errors` while any is unmet.',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: {
        params: IncubationParams,
        query: z.object({ on: isoDate.optional().openapi({ description: 'The graduation day (YYYY-MM-DD)' }) }),
      },
      responses: { 200: json('The check', Graduation), ...errorResponses },
    }),
    async (c) => {
      const { on } = c.req.valid('query');
      return c.json(await graduationCheck(c.var.ctx, c.req.valid('param').incubationId as string, on), 200);
    },
  );
