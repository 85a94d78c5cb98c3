import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  acceptFinding,
  answerFinding,
  bureauRectification,
  bureauRectifications,
  jurisdictionContractRectifications,
  organisationRectification,
  organisationRectifications,
  RECTIFICATION_ANSWERERS,
  RECTIFICATION_READERS,
  RECTIFICATION_SUPERVISORS,
  raiseFinding,
  reopenFinding,
} from '@shegong/core';
import { AnswerFinding, RaiseFinding, RECTIFICATION_FILTERS, RectificationView, ReopenFinding } from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { JurisdictionContractParams } from '../history/routes.ts';
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
  problemContent,
  REUSED_KEY,
  updateResponses,
} from '../schemas.ts';
import { etag, expectedVersion } from '../versioning.ts';

/** Examples: a finding on pay below the guideline, the organisation's answer, a reason to reopen. */
export const RAISE_FINDING_EXAMPLE: z.input<typeof RaiseFinding> = {
  text: '一线社工月薪低于本地薪酬指导标准（助理社会工作师下限 ¥3,200）',
  ruleId: 'P-W3',
  severity: 'error',
  deadline: '2029-06-30',
};
export const ANSWER_FINDING_EXAMPLE: z.input<typeof AnswerFinding> = {
  text: '已通过合同修订将一线社工月薪调整为 ¥3,600',
  version: 1,
};
export const REOPEN_FINDING_EXAMPLE: z.input<typeof ReopenFinding> = {
  reason: '修订版本仍有一名社工月薪低于下限',
};

const RaiseBody = RaiseFinding.meta({ id: 'RaiseFinding' });
const AnswerBody = AnswerFinding.meta({ id: 'AnswerFinding' });
const ReopenBody = ReopenFinding.meta({ id: 'ReopenFinding' });

const RectificationParams = IdParam('rectificationId', '0193a7c2-4f1e-7b3a-9c4d-5e6f7a8b9c0d');
const ListQuery = PageQuery.extend({
  state: z
    .enum(RECTIFICATION_FILTERS)
    .optional()
    .openapi({ description: 'open: not closed; overdue: open with the deadline passed; closed. All when absent.' }),
});
const Found = { 200: { description: 'The finding', content: { 'application/json': { schema: RectificationView } } } };
const Listed = {
  200: { description: 'A page of findings', content: { 'application/json': { schema: Page(RectificationView) } } },
};
const moved = (what: string) => ({
  200: { description: what, content: { 'application/json': { schema: RectificationView } } },
});

export const rectifications = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'post',
      path: '/jurisdiction/contracts/{organisationId}/{contractId}/findings',
      summary: 'Raise a finding on a contract in the bureau’s jurisdiction (404 outside it)',
      description:
        'What was found, the POLICY.md rule it breaks, error or warning, the deadline for rectification (today or later, China time) and, optionally, the version or month of actuals concerned. Stored in the bureau’s records; the organisation sees it at once. Appended to the contract’s history. Send an Idempotency-Key so a retry raises it once.',
      tags: ['rectification'],
      middleware: [authorize(RECTIFICATION_SUPERVISORS)] as const,
      request: {
        params: JurisdictionContractParams,
        headers: idempotencyHeader,
        body: jsonBody(RaiseBody, RAISE_FINDING_EXAMPLE),
      },
      responses: {
        201: {
          description: 'Raised; `ETag` its version',
          content: { 'application/json': { schema: RectificationView } },
        },
        ...errorResponses,
        ...bodyResponses,
        ...keyInFlightResponse('Another request with this Idempotency-Key is still being processed'),
        422: {
          description: `When ${REUSED_KEY}`,
          content: problemContent,
        },
      },
    }),
    async (c) => {
      const { organisationId, contractId } = c.req.valid('param');
      const { finding, replayed } = await raiseFinding(
        c.var.ctx,
        organisationId,
        contractId as string,
        c.req.valid('json'),
        idempotencyKey(c),
      );
      return c.json(finding, 201, {
        ETag: etag(finding.version),
        Location: `/v1/rectifications/${finding.id}`,
        ...replayHeaders(replayed),
      });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/contracts/{organisationId}/{contractId}/findings',
      summary: 'The findings raised on a contract in the bureau’s jurisdiction, newest first (404 outside it)',
      tags: ['rectification'],
      middleware: [authorize(RECTIFICATION_SUPERVISORS)] as const,
      request: { params: JurisdictionContractParams },
      responses: {
        200: {
          description: 'Every finding on the contract',
          content: { 'application/json': { schema: z.object({ items: z.array(RectificationView) }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { organisationId, contractId } = c.req.valid('param');
      const items = await jurisdictionContractRectifications(c.var.ctx, organisationId, contractId as string);
      return c.json({ items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/rectifications',
      summary: 'The bureau’s findings: all (newest first), open or overdue (soonest deadline first), closed',
      tags: ['rectification'],
      middleware: [authorize(RECTIFICATION_SUPERVISORS)] as const,
      request: { query: ListQuery },
      responses: { ...Listed, ...errorResponses },
    }),
    async (c) => {
      const { state, ...page } = c.req.valid('query');
      return c.json(await bureauRectifications(c.var.ctx, state, page), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/rectifications/{rectificationId}',
      summary: 'One of the bureau’s findings',
      tags: ['rectification'],
      middleware: [authorize(RECTIFICATION_SUPERVISORS)] as const,
      request: { params: RectificationParams },
      responses: { ...Found, ...errorResponses },
    }),
    async (c) => {
      const finding = await bureauRectification(c.var.ctx, c.req.valid('param').rectificationId as string);
      return c.json(finding, 200, { ETag: etag(finding.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/rectifications/{rectificationId}/accept',
      summary: 'Accept the organisation’s answer: the finding is closed',
      description: 'Only an answered finding is accepted (409 otherwise). `If-Match` with the finding’s ETag.',
      tags: ['rectification'],
      middleware: [authorize(RECTIFICATION_SUPERVISORS)] as const,
      request: { params: RectificationParams, headers: ifMatchHeader },
      responses: { ...moved('The finding, closed'), ...updateResponses },
    }),
    async (c) => {
      const expected = expectedVersion(c);
      const finding = await acceptFinding(c.var.ctx, c.req.valid('param').rectificationId as string, expected);
      return c.json(finding, 200, { ETag: etag(finding.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/rectifications/{rectificationId}/reopen',
      summary: 'Reopen an answered finding, saying why; the organisation answers again',
      description: 'Only an answered finding is reopened (409 otherwise). `If-Match` with the finding’s ETag.',
      tags: ['rectification'],
      middleware: [authorize(RECTIFICATION_SUPERVISORS)] as const,
      request: {
        params: RectificationParams,
        headers: ifMatchHeader,
        body: jsonBody(ReopenBody, REOPEN_FINDING_EXAMPLE),
      },
      responses: { ...moved('The finding, reopened'), ...updateResponses, ...bodyResponses },
    }),
    async (c) => {
      const expected = expectedVersion(c);
      const finding = await reopenFinding(
        c.var.ctx,
        c.req.valid('param').rectificationId as string,
        c.req.valid('json'),
        expected,
      );
      return c.json(finding, 200, { ETag: etag(finding.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/org/rectifications',
      summary: 'The findings bureaus raised on the organisation’s contracts, newest first',
      tags: ['rectification'],
      middleware: [authorize(RECTIFICATION_READERS)] as const,
      request: { query: ListQuery },
      responses: { ...Listed, ...errorResponses },
    }),
    async (c) => {
      const { state, ...page } = c.req.valid('query');
      return c.json(await organisationRectifications(c.var.ctx, state, page), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/org/rectifications/{rectificationId}',
      summary: 'One finding raised on the organisation',
      tags: ['rectification'],
      middleware: [authorize(RECTIFICATION_READERS)] as const,
      request: { params: RectificationParams },
      responses: { ...Found, ...errorResponses },
    }),
    async (c) => {
      const finding = await organisationRectification(c.var.ctx, c.req.valid('param').rectificationId as string);
      return c.json(finding, 200, { ETag: etag(finding.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/org/rectifications/{rectificationId}/answer',
      summary: 'Answer a finding: what was done, and the amended version or month of actuals that shows it',
      description:
        'An open or reopened finding is answered (409 otherwise); the version or month must exist (400 naming the field otherwise). `If-Match` with the finding’s ETag.',
      tags: ['rectification'],
      middleware: [authorize(RECTIFICATION_ANSWERERS)] as const,
      request: {
        params: RectificationParams,
        headers: ifMatchHeader,
        body: jsonBody(AnswerBody, ANSWER_FINDING_EXAMPLE),
      },
      responses: { ...moved('The finding, answered'), ...updateResponses, ...bodyResponses },
    }),
    async (c) => {
      const expected = expectedVersion(c);
      const finding = await answerFinding(
        c.var.ctx,
        c.req.valid('param').rectificationId as string,
        c.req.valid('json'),
        expected,
      );
      return c.json(finding, 200, { ETag: etag(finding.version) });
    },
  );
