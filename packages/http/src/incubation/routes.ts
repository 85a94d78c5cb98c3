import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  addApplicationNote,
  admissionInvitations,
  admitApplication,
  CREDIT_CODE_RECORDERS,
  declineApplication,
  getApplication,
  getIncubation,
  INCUBATION_STAFF,
  listApplications,
  listIncubations,
  PUBLIC_APPLICATION,
  recordApplication,
  recordCreditCode,
  reissueAdmissionInvitation,
  submitApplication,
  transitionIncubation,
} from '@shegong/core';
import {
  AdmitApplication,
  APPLICATION_STATUSES,
  Application,
  ApplicationNote,
  ApplicationReceipt,
  CreditCode,
  DeclineApplication,
  INCUBATION_STAGES,
  Incubation,
  IncubationTransition,
  Invitation,
  NewApplication,
  NewApplicationNote,
  SentInvitation,
  TenantRecord,
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
  problemContent,
  REUSED_KEY,
  reusedKeyResponse,
  updateResponses,
} from '../schemas.ts';
import { etag, expectedVersion } from '../versioning.ts';

/** Examples: an organisation to be registered applies; the base notes, admits, declines, reviews. */
export const APPLICATION_EXAMPLE: z.input<typeof NewApplication> = {
  name: '港口区青苗社会工作服务中心',
  kind: 'social_service_agency',
  founders: [{ name: '黄青', role: '发起人' }],
  contact: { name: '黄青', phone: '13907701234', email: 'huang.qing@example.cn' },
  serviceArea: '港口区白沙万街道',
  services: ['helping_needy', 'capacity_building'],
  toBeRegistered: true,
};
export const APPLICATION_NOTE_EXAMPLE: z.input<typeof NewApplicationNote> = {
  text: '已电话核实发起人情况，材料齐全',
};
export const ADMIT_EXAMPLE: z.input<typeof AdmitApplication> = {
  agreement: { startDate: '2026-09-01', periodMonths: 12, mode: 'physical', space: 'A-203 工位' },
};
export const DECLINE_EXAMPLE: z.input<typeof DeclineApplication> = { reason: '服务领域与基地定位不符' };
export const INCUBATION_TRANSITION_EXAMPLE: z.input<typeof IncubationTransition> = {
  move: 'midterm_review',
  on: '2026-09-15',
  note: '中期评估通过',
};
/** Organisation A's code in the tests' world: recording the code it has answers 200 and changes nothing. */
export const CREDIT_CODE_EXAMPLE: z.input<typeof CreditCode> = { uscc: '52450602MJY000001G' };

const ApplicationParams = IdParam('applicationId', '0193a7c2-4f1e-7b3a-9c4d-5e6f7a8b9c0d');
const IncubationParams = IdParam('incubationId', '0193a7c2-5a00-7c1d-8e2f-3a4b5c6d7e8f');
const BaseParams = IdParam('incubatorId', '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f');
const ReissueParams = IncubationParams.extend(IdParam('invitationId', '4b0c1c36-3b9e-4a47-8f6e-1f3f0a9a2b10').shape);

const ApplicationDetail = z
  .object({ application: Application, notes: z.array(ApplicationNote).describe('Oldest first; append-only') })
  .meta({ id: 'IncubationApplicationDetail' });
const Admission = z
  .object({
    application: Application,
    incubation: Incubation,
    tenant: TenantRecord,
    invitation: Invitation,
    adminInvitationLink: z.string().describe('The first administrator’s invitation link, to pass on. Shown once.'),
    mailed: z.boolean().describe('Whether the link went out by mail'),
  })
  .meta({ id: 'IncubationAdmission' });

const json = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { 'application/json': { schema } },
});

const tags = ['incubation'];

export const incubation = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/incubation/applications',
      summary: 'The base’s applications, newest first: all, or one status’s',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: {
        query: PageQuery.extend({
          status: z.enum(APPLICATION_STATUSES).optional().openapi({ description: 'applied, admitted or declined' }),
        }),
      },
      responses: { 200: json('A page of applications', Page(Application)), ...errorResponses },
    }),
    async (c) => {
      const { status, ...page } = c.req.valid('query');
      return c.json(await listApplications(c.var.ctx, { status }, page), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/incubation/applications',
      summary: 'Record an application (申请入驻) on behalf of an organisation',
      description:
        'Registered (its unified social credit code, GB 32100; 409 naming `uscc` when a tenant of the platform already holds it) or to be registered (拟登记, `toBeRegistered: true`, no code). Stored as `applied` for review. Send an Idempotency-Key so a retry records it once.',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: { headers: idempotencyHeader, body: jsonBody(NewApplication, APPLICATION_EXAMPLE) },
      responses: {
        201: json('Recorded; `ETag` its version', Application),
        ...errorResponses,
        ...bodyResponses,
        ...keyInFlightResponse('The credit code is already on the platform'),
        ...reusedKeyResponse,
      },
    }),
    async (c) => {
      const { application, replayed } = await recordApplication(c.var.ctx, c.req.valid('json'), idempotencyKey(c));
      return c.json(application, 201, {
        ETag: etag(application.version),
        Location: `/v1/incubation/applications/${application.id}`,
        ...replayHeaders(replayed),
      });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/incubation/bases/{incubatorId}/applications',
      summary: 'Apply to an incubation base through the link it shares (no sign-in)',
      description:
        'The same body an operator records; stored in the base’s records as `applied`, for its operators to review. The answer says only that it arrived. A base id that is no active base answers 404. Send an Idempotency-Key so a retry submits once.',
      tags,
      security: [],
      middleware: [authorize(PUBLIC_APPLICATION)] as const,
      request: { params: BaseParams, headers: idempotencyHeader, body: jsonBody(NewApplication, APPLICATION_EXAMPLE) },
      responses: {
        201: json('Received', ApplicationReceipt),
        400: errorResponses[400],
        404: errorResponses[404],
        ...bodyResponses,
        ...keyInFlightResponse('The credit code is already on the platform'),
        ...reusedKeyResponse,
      },
    }),
    async (c) => {
      const { receipt, replayed } = await submitApplication(
        c.var.deps,
        c.req.valid('param').incubatorId as string,
        c.req.valid('json'),
        idempotencyKey(c),
      );
      return c.json(receipt, 201, replayHeaders(replayed));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/incubation/applications/{applicationId}',
      summary: 'One application with its review notes',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: { params: ApplicationParams },
      responses: { 200: json('The application', ApplicationDetail), ...errorResponses },
    }),
    async (c) => {
      const detail = await getApplication(c.var.ctx, c.req.valid('param').applicationId as string);
      return c.json(detail, 200, { ETag: etag(detail.application.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/incubation/applications/{applicationId}/notes',
      summary: 'Add a review note (append-only) to an application waiting for its decision',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: {
        params: ApplicationParams,
        headers: idempotencyHeader,
        body: jsonBody(NewApplicationNote, APPLICATION_NOTE_EXAMPLE),
      },
      responses: {
        201: json('Noted', ApplicationNote),
        ...errorResponses,
        ...bodyResponses,
        ...keyInFlightResponse('The application is already decided'),
        ...reusedKeyResponse,
      },
    }),
    async (c) => {
      const { note, replayed } = await addApplicationNote(
        c.var.ctx,
        c.req.valid('param').applicationId as string,
        c.req.valid('json'),
        idempotencyKey(c),
      );
      return c.json(note, 201, replayHeaders(replayed));
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/incubation/applications/{applicationId}/admit',
      summary:
        'Admit an application: the organisation’s tenant, its first admin’s invitation and its incubation record',
      description:
        'One transaction: creates the organisation as a tenant in the base’s region (marked 未登记 when to be registered), invites the application’s contact e-mail as its administrator, opens the incubation record at `incubating` under the agreement, and marks the application admitted. `If-Match` with the application’s ETag; an Idempotency-Key makes a retry answer as the first.',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: {
        params: ApplicationParams,
        headers: ifMatchHeader.extend(idempotencyHeader.shape),
        body: jsonBody(AdmitApplication, ADMIT_EXAMPLE),
      },
      responses: {
        201: json('Admitted; `ETag` the incubation record’s version', Admission),
        ...updateResponses,
        ...bodyResponses,
        ...keyInFlightResponse('The application is already decided, or its credit code is on the platform'),
        422: { description: `When ${REUSED_KEY}`, content: problemContent },
      },
    }),
    async (c) => {
      const expected = expectedVersion(c);
      const { replayed, ...admission } = await admitApplication(
        c.var.ctx,
        c.var.deps,
        c.req.valid('param').applicationId as string,
        c.req.valid('json'),
        expected,
        idempotencyKey(c),
      );
      return c.json(admission, 201, {
        ETag: etag(admission.incubation.version),
        Location: `/v1/incubation/incubations/${admission.incubation.id}`,
        ...replayHeaders(replayed),
      });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/incubation/applications/{applicationId}/decline',
      summary: 'Decline an application, saying why (nothing else is created)',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: {
        params: ApplicationParams,
        headers: ifMatchHeader,
        body: jsonBody(DeclineApplication, DECLINE_EXAMPLE),
      },
      responses: { 200: json('Declined', Application), ...updateResponses, ...bodyResponses },
    }),
    async (c) => {
      const expected = expectedVersion(c);
      const application = await declineApplication(
        c.var.ctx,
        c.req.valid('param').applicationId as string,
        c.req.valid('json'),
        expected,
      );
      return c.json(application, 200, { ETag: etag(application.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/incubation/incubations',
      summary: 'The base’s incubation records, newest admission first: all, or one stage’s',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: {
        query: PageQuery.extend({
          stage: z
            .enum(INCUBATION_STAGES)
            .optional()
            .openapi({ description: 'incubating, midterm_reviewed, extended, graduated or left' }),
        }),
      },
      responses: { 200: json('A page of incubation records', Page(Incubation)), ...errorResponses },
    }),
    async (c) => {
      const { stage, ...page } = c.req.valid('query');
      return c.json(await listIncubations(c.var.ctx, { stage }, page), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/incubation/incubations/{incubationId}',
      summary: 'One organisation’s incubation record (its id is the organisation’s tenant id)',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: { params: IncubationParams },
      responses: { 200: json('The record', Incubation), ...errorResponses },
    }),
    async (c) => {
      const record = await getIncubation(c.var.ctx, c.req.valid('param').incubationId as string);
      return c.json(record, 200, { ETag: etag(record.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/incubation/incubations/{incubationId}/transitions',
      summary: 'Move the record on: mid-term review, extension (new end date, reason), graduation, leaving (reason)',
      description:
        'Dated (today or earlier, not before the last step). Graduation needs the mid-term review; a graduated or departed record is kept but moves no more (409). `If-Match` with the record’s ETag.',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: {
        params: IncubationParams,
        headers: ifMatchHeader,
        body: jsonBody(IncubationTransition, INCUBATION_TRANSITION_EXAMPLE),
      },
      responses: { 200: json('The record, moved', Incubation), ...updateResponses, ...bodyResponses },
    }),
    async (c) => {
      const expected = expectedVersion(c);
      const record = await transitionIncubation(
        c.var.ctx,
        c.req.valid('param').incubationId as string,
        c.req.valid('json'),
        expected,
      );
      return c.json(record, 200, { ETag: etag(record.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/incubation/incubations/{incubationId}/invitations',
      summary: 'The admitted organisation’s administrator invitations, newest first (to reissue a lost one)',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: { params: IncubationParams },
      responses: {
        200: json('Its administrator invitations', z.object({ items: z.array(Invitation) })),
        ...errorResponses,
      },
    }),
    async (c) => {
      const items = await admissionInvitations(c.var.ctx, c.req.valid('param').incubationId as string);
      return c.json({ items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/incubation/incubations/{incubationId}/invitations/{invitationId}/reissue',
      summary: 'Reissue the admitted organisation’s first administrator’s invitation (the old link stops working)',
      description:
        'Only the admin invitation of an organisation this base admitted, pending or expired (409 otherwise); any other id answers 404.',
      tags,
      middleware: [authorize(INCUBATION_STAFF)] as const,
      request: { params: ReissueParams },
      responses: {
        201: json('The new invitation and its link', SentInvitation),
        ...errorResponses,
        409: updateResponses[409],
      },
    }),
    async (c) => {
      const { incubationId, invitationId } = c.req.valid('param');
      return c.json(
        await reissueAdmissionInvitation(c.var.ctx, c.var.deps, incubationId as string, invitationId as string),
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/organisation',
      summary: 'My organisation’s record (with 未登记 while it has no credit code); `ETag` its version',
      tags,
      middleware: [authorize({ kinds: ['org'], roles: 'any' })] as const,
      responses: { 200: json('The organisation', TenantRecord), ...errorResponses },
    }),
    async (c) => {
      const tenant = c.var.ctx.tenant;
      return c.json(tenant, 200, { ETag: etag(tenant.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/organisation/credit-code',
      summary: 'Record the organisation’s unified social credit code once registered (admin)',
      description:
        'For an organisation admitted to be registered (未登记): the mark goes, the code becomes unique platform-wide (409 naming `uscc` when another tenant holds it), and the incubation base’s record says so. The code already recorded answers 200 and changes nothing; another code is refused (409). `If-Match` with the organisation’s ETag.',
      tags,
      middleware: [authorize(CREDIT_CODE_RECORDERS)] as const,
      request: { headers: ifMatchHeader, body: jsonBody(CreditCode, CREDIT_CODE_EXAMPLE) },
      responses: { 200: json('The organisation', TenantRecord), ...updateResponses, ...bodyResponses },
    }),
    async (c) => {
      const expected = expectedVersion(c);
      const tenant = await recordCreditCode(c.var.ctx, c.req.valid('json'), expected);
      return c.json(tenant, 200, { ETag: etag(tenant.version) });
    },
  );
