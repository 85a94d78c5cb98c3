import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  confirmSubmission,
  linkMember,
  MY_RECORD_USERS,
  myRecord,
  pendingSubmissions,
  refuseSubmission,
  SUBMISSION_REVIEWERS,
  submitToRecord,
  unlinkMember,
} from '@shegong/core';
import {
  LadderStanding,
  PayMonth,
  Person,
  PersonView,
  Submission,
  SubmissionInput,
  SubmissionRefusal,
} from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { idempotencyKey, replayHeaders } from '../idempotency.ts';
import {
  bodyResponses,
  errorResponses,
  IdParam,
  idempotencyHeader,
  jsonBody,
  keyInFlightResponse,
  Page,
  PageQuery,
  reusedKeyResponse,
  updateResponses,
} from '../schemas.ts';

/**
 * 我的档案 My record: a member's own record and what they submit for hr to confirm; hr's queue of
 * submissions and the link of a member to a person. A member's own routes take no person id:
 * which person they are comes from the link hr set, for the verified member only.
 */

const MyRecord = z
  .discriminatedUnion('linked', [
    z.object({ linked: z.literal(false) }),
    z.object({
      linked: z.literal(true),
      person: PersonView,
      ladder: z
        .object({
          standing: LadderStanding,
          levels: z.array(z.object({ id: z.string(), name: z.string() })),
        })
        .optional()
        .openapi({ description: 'The ladder standing; absent without a ladder or a rule set in force' }),
      submissions: z.array(Submission).openapi({ description: 'The latest submissions, newest first' }),
      payMonths: z
        .array(PayMonth.extend({ contractNumber: z.string() }))
        .openapi({ description: 'Pay month by month as the actuals record it (P-W3), newest first' }),
    }),
  ])
  .openapi('MyRecord', {
    description:
      'linked: false when hr has not linked the member to a person on the registry; otherwise the person with the registry’s summary (N-4, P-R2, N-5, P-W3) and ladder standing',
  });

const SUBMISSION_EXAMPLE: SubmissionInput = {
  kind: 'continuing-education',
  entry: { date: '2026-05-20', tenthHours: 65, provider: '广西社会工作协会', topic: '社区矛盾调解' },
};

const Decided = z.object({ submission: Submission, person: Person }).openapi('ConfirmedSubmission');

const params = IdParam('personId', '5b7a4c1e-2f3d-4e5a-9b8c-7d6e5f4a3b2c').merge(
  IdParam('submissionId', '01936b2a-7c4e-7d3a-9b8c-7d6e5f4a3b2c'),
);

export const myRecordRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/record',
      summary: 'My record: my certificates, continuing education, ladder standing and pay against the floor',
      tags: ['my record'],
      middleware: [authorize(MY_RECORD_USERS)] as const,
      responses: {
        200: { description: 'My record', content: { 'application/json': { schema: MyRecord } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await myRecord(c.var.ctx), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/me/record/submissions',
      summary: 'Submit continuing-education hours or a new certificate for hr to confirm',
      tags: ['my record'],
      middleware: [authorize(MY_RECORD_USERS)] as const,
      request: { headers: idempotencyHeader, body: jsonBody(SubmissionInput, SUBMISSION_EXAMPLE) },
      responses: {
        201: { description: 'Submitted (pending)', content: { 'application/json': { schema: Submission } } },
        ...updateResponses,
        ...keyInFlightResponse(),
        ...bodyResponses,
        ...reusedKeyResponse,
      },
    }),
    async (c) => {
      const { submission, replayed } = await submitToRecord(c.var.ctx, c.req.valid('json'), idempotencyKey(c));
      return c.json(submission, 201, replayHeaders(replayed));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/submissions',
      summary: 'The submissions waiting for hr to confirm or refuse',
      tags: ['my record'],
      middleware: [authorize(SUBMISSION_REVIEWERS)] as const,
      request: { query: PageQuery },
      responses: {
        200: {
          description: 'A page of pending submissions (may be shorter than the limit)',
          content: { 'application/json': { schema: Page(Submission).openapi('SubmissionList') } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await pendingSubmissions(c.var.ctx, { limit, ...(cursor ? { cursor } : {}) }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/people/{personId}/submissions/{submissionId}/confirm',
      summary: 'Confirm a submission: it is written to the person’s record (N-4 checked) and marked confirmed',
      tags: ['my record'],
      middleware: [authorize(SUBMISSION_REVIEWERS)] as const,
      request: { params },
      responses: {
        200: { description: 'Confirmed', content: { 'application/json': { schema: Decided } } },
        ...updateResponses,
      },
    }),
    async (c) => {
      const { personId, submissionId } = c.req.valid('param');
      return c.json(await confirmSubmission(c.var.ctx, personId as string, submissionId as string), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/people/{personId}/submissions/{submissionId}/refuse',
      summary: 'Refuse a submission with a reason the member sees (the record does not change)',
      tags: ['my record'],
      middleware: [authorize(SUBMISSION_REVIEWERS)] as const,
      request: { params, body: jsonBody(SubmissionRefusal, { reason: '证明材料不清晰，请重新提交' }) },
      responses: {
        200: { description: 'Refused', content: { 'application/json': { schema: Submission } } },
        ...updateResponses,
        ...bodyResponses,
      },
    }),
    async (c) => {
      const { personId, submissionId } = c.req.valid('param');
      const { reason } = c.req.valid('json');
      return c.json(await refuseSubmission(c.var.ctx, personId as string, submissionId as string, reason), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/people/{personId}/member/{userId}',
      summary: 'Link a member of my organisation to this person, so they see it as their own record (我的档案)',
      description:
        'One person per member and one member per person: 409 when either is linked elsewhere. Linking the same pair again changes nothing.',
      tags: ['my record'],
      middleware: [authorize(SUBMISSION_REVIEWERS)] as const,
      request: {
        params: IdParam('personId', '5b7a4c1e-2f3d-4e5a-9b8c-7d6e5f4a3b2c').merge(
          IdParam('userId', 'f1c2d3e4-5a6b-4c7d-8e9f-0a1b2c3d4e5f'),
        ),
      },
      responses: { 204: { description: 'Linked' }, ...updateResponses },
    }),
    async (c) => {
      const { personId, userId } = c.req.valid('param');
      await linkMember(c.var.ctx, personId as string, userId as string);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/people/{personId}/member/{userId}',
      summary: 'Remove the link of a member to this person (the member no longer sees it as their record)',
      tags: ['my record'],
      middleware: [authorize(SUBMISSION_REVIEWERS)] as const,
      request: {
        params: IdParam('personId', '5b7a4c1e-2f3d-4e5a-9b8c-7d6e5f4a3b2c').merge(
          IdParam('userId', 'f1c2d3e4-5a6b-4c7d-8e9f-0a1b2c3d4e5f'),
        ),
      },
      responses: { 204: { description: 'Unlinked' }, ...updateResponses },
    }),
    async (c) => {
      const { personId, userId } = c.req.valid('param');
      await unlinkMember(c.var.ctx, personId as string, userId as string);
      return c.body(null, 204);
    },
  );
