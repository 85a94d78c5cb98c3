import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  decideReview,
  JURISDICTION_READERS,
  jurisdictionBudgetVsActual,
  jurisdictionContractView,
  REVIEWERS,
  reviewQueue,
  reviewsWaiting,
} from '@shegong/core';
import {
  ActualMonthSummary,
  ContractBudgetVsActual,
  ContractVersion,
  monthSummary,
  PriceFloorExplanation,
  ReviewDecision,
  ReviewRecord,
  StoredContract,
} from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import {
  bodyResponses,
  errorResponses,
  ifMatchHeader,
  jsonBody,
  Page,
  PageQuery,
  updateResponses,
} from '../schemas.ts';
import { etag, expectedVersion } from '../versioning.ts';

/**
 * A bureau's side of review before signing (P-U1): its queue, its read of a contract in its
 * jurisdiction (the audit view), and its decision. Everything is read through the jurisdiction: a
 * contract outside it answers 404, as one that does not exist.
 */

const uuid = (name: string, example: string) =>
  z
    .string()
    .uuid()
    .openapi({ param: { name, in: 'path' }, example });
const ContractParams = z.object({
  organisationId: uuid('organisationId', '0e2f4a56-de5d-4f54-8322-9f0e0c17e48f'),
  contractId: uuid('contractId', '0193a7c2-4f1e-7b3a-9c4d-5e6f7a8b9c0d'),
});
const VersionParams = ContractParams.extend({
  number: z
    .string()
    .regex(/^[1-9]\d{0,3}$/)
    .openapi({ param: { name: 'number', in: 'path' }, example: '1' }),
});

const QueuedContract = z
  .object({
    organisationId: z.string(),
    contract: StoredContract,
    decides: z.boolean().describe('Whether the signed-in bureau is the one responsible for deciding it'),
  })
  .meta({ id: 'QueuedContract' });

const ReviewQueuePage = Page(QueuedContract).extend({
  waiting: z.number().int().describe('How many contracts wait for this bureau’s own decision (the menu’s badge)'),
});

const JurisdictionContract = z
  .object({
    organisation: z.object({ id: z.string(), name: z.string() }),
    contract: StoredContract,
    version: ContractVersion,
    floor: PriceFloorExplanation.describe('The version’s price floor (P-W2) and why it is the smallest value'),
    reviews: z.array(ReviewRecord).describe('Every decision on the contract, oldest first'),
    decidable: z.boolean().describe('Whether the signed-in bureau may decide it now'),
  })
  .meta({
    id: 'JurisdictionContract',
    description:
      'A contract of the jurisdiction as a bureau audits it: the head, the version with its costing (every finding with its rule id, the price floor, the named posts’ names, certificate levels and pay — never an ID-card or phone number), the status history and the reviews',
  });

const DecisionBody = ReviewDecision;
const DECISION_EXAMPLE: ReviewDecision = { decision: 'approve', reasons: [] };

const Decided = z.object({ contract: StoredContract, review: ReviewRecord }).meta({ id: 'ReviewDecided' });

const JurisdictionActuals = z
  .object({
    months: z.array(ActualMonthSummary).describe('Every recorded month, oldest first, with its P-W3 findings'),
    budgetVsActual: ContractBudgetVsActual,
  })
  .meta({ id: 'JurisdictionActuals' });

export const reviews = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/reviews',
      summary: 'The contracts waiting for review in my jurisdiction',
      description:
        'Submitted contracts whose purchaser’s region is in the bureau’s jurisdiction, by region then oldest submission first (one Query of the sparse `review` index). A city bureau sees its counties’ too, read-only: `decides` says which are its own to decide (a county with its own bureau on the platform decides its contracts). `waiting` counts those this bureau decides.',
      tags: ['reviews'],
      middleware: [authorize(JURISDICTION_READERS)] as const,
      request: { query: PageQuery },
      responses: {
        200: { description: 'A page of the queue', content: { 'application/json': { schema: ReviewQueuePage } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const [page, waiting] = await Promise.all([
        reviewQueue(c.var.ctx, c.req.valid('query')),
        reviewsWaiting(c.var.ctx),
      ]);
      return c.json({ ...page, waiting }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/reviews/{organisationId}/{contractId}/decision',
      summary: 'Approve a submitted contract, or return it to draft with reasons',
      description:
        'Only the responsible bureau decides (403 for another bureau whose jurisdiction covers the contract, such as the city for a county with its own bureau). `If-Match` with the contract’s ETag as read (412 when stale); a contract no longer waiting answers 409. A return names at least one reason; each may cite a rule id and a field. The decision, the contract’s new status and both audit events are one transaction.',
      tags: ['reviews'],
      middleware: [authorize(REVIEWERS)] as const,
      request: { params: ContractParams, headers: ifMatchHeader, body: jsonBody(DecisionBody, DECISION_EXAMPLE) },
      responses: {
        200: { description: 'Decided', content: { 'application/json': { schema: Decided } } },
        ...updateResponses,
        ...bodyResponses,
      },
    }),
    async (c) => {
      const expected = expectedVersion(c);
      const { organisationId, contractId } = c.req.valid('param');
      const decided = await decideReview(c.var.ctx, organisationId, contractId, c.req.valid('json'), expected);
      return c.json(decided, 200, { ETag: etag(decided.contract.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/contracts/{organisationId}/{contractId}',
      summary: 'A contract of my jurisdiction, as a bureau audits it',
      tags: ['reviews'],
      middleware: [authorize(JURISDICTION_READERS)] as const,
      request: { params: ContractParams },
      responses: {
        200: { description: 'The contract', content: { 'application/json': { schema: JurisdictionContract } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { organisationId, contractId } = c.req.valid('param');
      const view = await jurisdictionContractView(c.var.ctx, organisationId, contractId);
      return c.json(view, 200, { ETag: etag(view.contract.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/contracts/{organisationId}/{contractId}/versions/{number}',
      summary: 'One version of a contract of my jurisdiction, as saved and costed',
      tags: ['reviews'],
      middleware: [authorize(JURISDICTION_READERS)] as const,
      request: { params: VersionParams },
      responses: {
        200: { description: 'The version', content: { 'application/json': { schema: ContractVersion } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { organisationId, contractId, number } = c.req.valid('param');
      const view = await jurisdictionContractView(c.var.ctx, organisationId, contractId, Number(number));
      return c.json(view.version, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/contracts/{organisationId}/{contractId}/actuals',
      summary: 'The actuals of a contract of my jurisdiction, and its budget against actual',
      description:
        'The months recorded (each with its P-W3 findings) and the budget against actual per line with the projection, as the organisation sees them (`/v1/contracts/{contractId}/budget-vs-actual`).',
      tags: ['reviews'],
      middleware: [authorize(JURISDICTION_READERS)] as const,
      request: { params: ContractParams },
      responses: {
        200: { description: 'Actuals', content: { 'application/json': { schema: JurisdictionActuals } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { organisationId, contractId } = c.req.valid('param');
      const view = await jurisdictionBudgetVsActual(c.var.ctx, organisationId, contractId);
      return c.json(
        {
          months: view.months.map(monthSummary),
          budgetVsActual: { contractId, version: view.version.number, ...view.budgetVsActual },
        },
        200,
      );
    },
  );
