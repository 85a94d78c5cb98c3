import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  erasePerson,
  exportOwnData,
  exportPersonData,
  OWN_DATA_EXPORTERS,
  PERSON_ERASERS,
  PERSONAL_DATA_EXPORTERS,
  personDataFile,
} from '@shegong/core';
import {
  AwardClaim,
  ExamCostRecord,
  LedgerEntryRecord,
  Member,
  PayMonth,
  Person,
  PersonErasure,
  Posting,
  PromotionRecord,
  Submission,
} from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { xlsxAttachment, xlsxResponse } from '../files.ts';
import { bodyResponses, errorResponses, IdParam, ifMatchHeader, jsonBody, updateResponses } from '../schemas.ts';
import { etag, expectedVersion } from '../versioning.ts';

/**
 * PIPL: a person's data export (JSON and xlsx) for hr/admin and for the person themself, and the
 * admin's erasure of their personal data. The use cases and their choices are in
 * core/people/privacy.ts.
 */

const AuditEventView = z
  .object({
    actor: z.string().describe('The user id who acted'),
    at: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    version: z.number().int(),
    hash: z.string().describe('SHA-256 of the new state'),
    reason: z.string().optional(),
  })
  .openapi('AuditEvent');

const PersonDataExport = z
  .object({
    exportedAt: z.string(),
    organisation: z.object({ id: z.string(), name: z.string() }),
    person: Person,
    member: Member.omit({ version: true }).optional().describe('The member account linked to the person, if any'),
    submissions: z.array(Submission),
    promotions: z.array(PromotionRecord),
    examCosts: z.array(ExamCostRecord),
    postings: z.array(Posting.extend({ id: z.string(), createdAt: z.string() })),
    awardClaims: z.array(AwardClaim),
    awardLedger: z
      .object({ total: z.number().int().describe('fen'), entries: z.array(LedgerEntryRecord) })
      .optional()
      .describe('The platform-wide award ledger (P-A5), when anything was paid to the person'),
    contractPosts: z.array(
      z.object({
        contractId: z.string(),
        contractNumber: z.string(),
        contractTitle: z.string(),
        status: z.string(),
        title: z.string(),
        role: z.string(),
        monthlyPay: z.number().int().optional().describe('fen'),
      }),
    ),
    payMonths: z.array(PayMonth.extend({ contractNumber: z.string() })),
    auditEvents: z
      .array(AuditEventView)
      .describe('The audit events that concern the person (indexed by person since issue 14), oldest first'),
  })
  .openapi('PersonDataExport', {
    description:
      'Everything Shegong holds about one person (PIPL art. 45), unmasked: for hr/admin of the organisation and the person themself',
  });

const Erased = z
  .object({ personId: z.string(), erasedAt: z.string(), version: z.number().int() })
  .openapi('PersonErased');

const personId = IdParam('personId', '5b7a4c1e-2f3d-4e5a-9b8c-7d6e5f4a3b2c');
const json = { 'application/json': { schema: PersonDataExport } };

export const privacyRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/people/{personId}/data-export',
      summary: 'Export everything held about a person (PIPL), as JSON',
      tags: ['people'],
      middleware: [authorize(PERSONAL_DATA_EXPORTERS)] as const,
      request: { params: personId },
      responses: { 200: { description: 'The export', content: json }, ...errorResponses },
    }),
    async (c) => c.json(await exportPersonData(c.var.ctx, c.req.valid('param').personId as string), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/people/{personId}/data-export.xlsx',
      summary: 'Export everything held about a person (PIPL), as xlsx: one sheet per kind of record',
      tags: ['people'],
      middleware: [authorize(PERSONAL_DATA_EXPORTERS)] as const,
      request: { params: personId },
      responses: { 200: xlsxResponse('The export'), ...errorResponses },
    }),
    async (c) =>
      xlsxAttachment(c, await personDataFile(c.var.ctx, c.req.valid('param').personId as string, 'zh-CN')) as never,
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/data-export',
      summary: 'Export everything held about me (PIPL), as JSON (404 until hr links me to the registry)',
      tags: ['my record'],
      middleware: [authorize(OWN_DATA_EXPORTERS)] as const,
      responses: { 200: { description: 'The export', content: json }, ...errorResponses },
    }),
    async (c) => c.json(await exportOwnData(c.var.ctx), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/data-export.xlsx',
      summary: 'Export everything held about me (PIPL), as xlsx',
      tags: ['my record'],
      middleware: [authorize(OWN_DATA_EXPORTERS)] as const,
      responses: { 200: xlsxResponse('The export'), ...errorResponses },
    }),
    async (c) => xlsxAttachment(c, await personDataFile(c.var.ctx, undefined, 'zh-CN')) as never,
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/people/{personId}/erasure',
      summary:
        'Erase a person’s personal data (PIPL art. 47): names and numbers pseudonymised, guards released, financial records kept',
      description:
        'Refused (409) while the person has an open award claim, or when erased already. The person’s member account is disabled and its e-mail freed. Writes the audit event `person.erased` with the reason.',
      tags: ['people'],
      middleware: [authorize(PERSON_ERASERS)] as const,
      request: {
        params: personId,
        headers: ifMatchHeader,
        body: jsonBody(PersonErasure, { reason: '本人申请删除个人信息（离职）' }),
      },
      responses: {
        200: { description: 'Erased', content: { 'application/json': { schema: Erased } } },
        ...updateResponses,
        ...bodyResponses,
      },
    }),
    async (c) => {
      const version = expectedVersion(c);
      const id = c.req.valid('param').personId as string;
      const erased = await erasePerson(c.var.ctx, id, c.req.valid('json').reason, version);
      return c.json(erased, 200, { ETag: etag(erased.version) });
    },
  );
