import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  amendContract,
  CONTRACT_READERS,
  CONTRACT_WRITERS,
  changeContractStatus,
  contractVersions,
  contractView,
  createContract,
  editContract,
  listContracts,
  previewContract,
} from '@shegong/core';
import { Amendment, CONTRACT_STATUSES, ContractDraft, Transition } from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { idempotencyKey, replayHeaders } from '../idempotency.ts';
import {
  errorResponses,
  Finding,
  IdParam,
  idempotencyHeader,
  ifMatchHeader,
  Page,
  PageQuery,
  PostCost,
  RuleSetRef,
  updateResponses,
} from '../schemas.ts';
import { etag, expectedVersion } from '../versioning.ts';
import { AMENDMENT_EXAMPLE, CONTRACT_EXAMPLE, DRAFT_EDIT_EXAMPLE, TRANSITION_EXAMPLE } from './examples.ts';

const DraftBody = ContractDraft.meta({ id: 'ContractDraft', example: CONTRACT_EXAMPLE });
/** The same schema for a draft's replacement, with an example of its own (the draft it replaces keeps its number). */
const DraftEditBody = ContractDraft.meta({ id: 'ContractDraftEdit', example: DRAFT_EDIT_EXAMPLE });
const AmendmentBody = Amendment.meta({ id: 'Amendment', example: AMENDMENT_EXAMPLE });
const TransitionBody = Transition.meta({ id: 'Transition', example: TRANSITION_EXAMPLE });

const Assessment = z
  .object({
    termMonths: z.number().int(),
    costing: z.object({
      posts: z.array(PostCost),
      labourCost: z.number().int().openapi({ description: 'L, the sum of the post costs (P-W2)' }),
      thresholds: z.object({
        minPersonnelByShare: z.number().int(),
        maxManagement: z.number().int(),
        expectedTax: z.number().int(),
        linesTotal: z.number().int(),
      }),
      findings: z.array(Finding),
    }),
    priceFloor: z
      .object({
        feasible: z.boolean(),
        value: z.number().int().optional(),
        lines: z.record(z.string(), z.number().int()).optional(),
        labourCost: z.number().int(),
        reason: z.string().optional(),
        message: z.string().optional(),
        managementShare: z.number().int(),
        fixed: z.object({ supervision: z.number().int(), activities: z.number().int(), other: z.number().int() }),
        ruleId: z.literal('P-W2'),
      })
      .openapi({ description: 'The smallest contract value that pays this plan at the guideline (P-W2)' }),
    findings: z
      .array(Finding)
      .openapi({ description: 'Every finding (N-1, N-3, P-W2, P-W3, N-7), paths into the draft' }),
  })
  .openapi('ContractAssessment');

const StatusChange = z.object({
  from: z.enum(CONTRACT_STATUSES).optional(),
  to: z.enum(CONTRACT_STATUSES),
  date: z.string(),
  note: z.string().optional(),
  at: z.string(),
  by: z.string(),
});

const Contract = z
  .object({
    id: z.string(),
    status: z.enum(CONTRACT_STATUSES),
    number: z.string(),
    title: z.string(),
    purchaser: z.object({ name: z.string(), region: z.string() }),
    startDate: z.string(),
    endDate: z.string(),
    value: z.number().int(),
    currentVersion: z.number().int(),
    findingCounts: z.object({ errors: z.number().int(), warnings: z.number().int() }),
    findingRuleIds: z.array(z.string()),
    labourCost: z.number().int().openapi({ description: 'L of the current version, fen (P-W2)' }),
    priceFloor: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'The current version’s price floor, fen; absent when no value is feasible (P-W2)' }),
    ruleIds: z.object({ labourCost: z.literal('P-W2'), priceFloor: z.literal('P-W2') }),
    history: z.array(StatusChange),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    version: z.number().int().openapi({ description: 'The ETag’s number: send it back in If-Match' }),
  })
  .openapi('Contract');

const CostedPost = z.object({}).passthrough().openapi({
  description: 'A post as costed: a named person’s pay, highest certificate and name filled in',
});

const ContractVersion = z
  .object({
    contractId: z.string(),
    number: z.number().int(),
    draft: z.object({}).passthrough().openapi({ description: 'The ContractDraft as saved' }),
    costedPosts: z.array(CostedPost),
    ruleSet: RuleSetRef,
    rules: z.object({}).passthrough().openapi({ description: 'The rule set’s parameters as used' }),
    assessment: Assessment,
    amendment: z
      .object({
        reason: z.string(),
        effectiveDate: z.string(),
        changes: z.array(z.object({ path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })),
      })
      .optional(),
    savedAt: z.string(),
    savedBy: z.string(),
  })
  .openapi('ContractVersion');

const ContractWithVersion = z.object({ contract: Contract, version: ContractVersion }).openapi('ContractWithVersion');

const Preview = z
  .object({ ruleSet: RuleSetRef, costedPosts: z.array(CostedPost), assessment: Assessment })
  .openapi('ContractPreview');

const contractId = IdParam('contractId', '0193a7c2-4f1e-7b3a-9c4d-5e6f7a8b9c0d');
const VersionParams = contractId.extend({
  number: z
    .string()
    .regex(/^[1-9]\d{0,3}$/)
    .openapi({ param: { name: 'number', in: 'path' }, example: '1' }),
});

const ListQuery = PageQuery.extend({
  status: z.enum(CONTRACT_STATUSES).optional().openapi({ example: 'running' }),
});

const refused = {
  422: {
    description:
      'The rules refuse it: no rule set in force (`/terms/startDate`), an unknown person, a term N-1 forbids, or a submission the terms (N-1, N-3) block. Each in `errors` with its `ruleId` and `amounts`.',
    content: { 'application/problem+json': { schema: z.object({}).passthrough() } },
  },
} as const;

const location = (id: string) => `/v1/contracts/${id}`;

export const contracts = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/contracts',
      summary: 'My organisation’s purchase contracts, newest first',
      description:
        'Each with its status, value, labour cost, price floor and the current version’s findings counted with their rule ids (the list’s flags). `status` keeps one status.',
      tags: ['contracts'],
      middleware: [authorize(CONTRACT_READERS)] as const,
      request: { query: ListQuery },
      responses: {
        200: { description: 'A page of contracts', content: { 'application/json': { schema: Page(Contract) } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { status, ...page } = c.req.valid('query');
      return c.json(await listContracts(c.var.ctx, page, status ? { status } : {}), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/contracts',
      summary: 'Record a purchase contract (a draft, version 1)',
      description:
        'Costs the draft with the rule set in force for the purchaser’s region on its start date (COSTING.md) and stores it with that costing. Refused with **422** when no rule set is in force, a post names someone not in the staff registry, or the term breaks N-1; costing findings (P-W2, P-W3, N-7) and N-3 are stored and shown, not refused. A contract number already used in the organisation answers 409. Send an Idempotency-Key so a retry records it once.',
      tags: ['contracts'],
      middleware: [authorize(CONTRACT_WRITERS)] as const,
      request: {
        headers: idempotencyHeader,
        body: { required: true, content: { 'application/json': { schema: DraftBody } } },
      },
      responses: {
        201: {
          description: 'Recorded; `Location` names it, `ETag` its version',
          content: { 'application/json': { schema: ContractWithVersion } },
        },
        ...errorResponses,
        409: { ...updateResponses[409], description: 'The organisation already has a contract with this number' },
        ...refused,
      },
    }),
    async (c) => {
      const { replayed, ...body } = await createContract(c.var.ctx, c.req.valid('json'), idempotencyKey(c));
      return c.json(body, 201, {
        ETag: etag(body.contract.version),
        Location: location(body.contract.id),
        ...replayHeaders(replayed),
      });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/contracts/preview',
      summary: 'Cost a draft without saving it',
      description:
        'The same costing a save would store — every post’s pay, insurance items and housing fund, the labour cost, every finding with its rule id and amounts, and the price floor — for an organisation trying prices before it bids. Writes nothing.',
      tags: ['contracts'],
      middleware: [authorize(CONTRACT_WRITERS)] as const,
      request: { body: { required: true, content: { 'application/json': { schema: DraftBody } } } },
      responses: {
        200: { description: 'The costing', content: { 'application/json': { schema: Preview } } },
        ...errorResponses,
        ...refused,
      },
    }),
    async (c) => c.json(await previewContract(c.var.ctx, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/contracts/{contractId}',
      summary: 'A contract and its current version, costed',
      tags: ['contracts'],
      middleware: [authorize(CONTRACT_READERS)] as const,
      request: { params: contractId },
      responses: {
        200: { description: 'The contract', content: { 'application/json': { schema: ContractWithVersion } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const view = await contractView(c.var.ctx, c.req.valid('param').contractId as string);
      return c.json(view, 200, { ETag: etag(view.contract.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/contracts/{contractId}',
      summary: 'Replace a draft',
      description:
        'Only a draft is edited in place (409 otherwise: a signed or running contract changes by amendment). Recosted as on create. Send `If-Match` with the ETag last read; a stale one answers 412 and nothing is written.',
      tags: ['contracts'],
      middleware: [authorize(CONTRACT_WRITERS)] as const,
      request: {
        params: contractId,
        headers: ifMatchHeader,
        body: { required: true, content: { 'application/json': { schema: DraftEditBody } } },
      },
      responses: {
        200: { description: 'Saved', content: { 'application/json': { schema: ContractWithVersion } } },
        ...updateResponses,
        ...refused,
      },
    }),
    async (c) => {
      const expected = expectedVersion(c);
      const saved = await editContract(
        c.var.ctx,
        c.req.valid('param').contractId as string,
        c.req.valid('json'),
        expected,
      );
      return c.json(saved, 200, { ETag: etag(saved.contract.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/contracts/{contractId}/amendments',
      summary: 'Amend a signed or running contract',
      description:
        'Adds version n+1 with its own costing (the rule set in force on its start date), the reason, the date it takes effect and every field that changed; earlier versions stay readable as they were. 409 unless signed or running; `If-Match` with the contract’s ETag (412 when stale).',
      tags: ['contracts'],
      middleware: [authorize(CONTRACT_WRITERS)] as const,
      request: {
        params: contractId,
        headers: ifMatchHeader,
        body: { required: true, content: { 'application/json': { schema: AmendmentBody } } },
      },
      responses: {
        201: { description: 'The new version', content: { 'application/json': { schema: ContractWithVersion } } },
        ...updateResponses,
        ...refused,
      },
    }),
    async (c) => {
      const expected = expectedVersion(c);
      const id = c.req.valid('param').contractId as string;
      const saved = await amendContract(c.var.ctx, id, c.req.valid('json'), expected);
      return c.json(saved, 201, {
        ETag: etag(saved.contract.version),
        Location: `${location(id)}/versions/${saved.version.number}`,
      });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/contracts/{contractId}/transitions',
      summary: 'Move a contract to its next status',
      description:
        'draft → submitted (refused with 422 while the terms break N-1 or N-3), submitted → draft (withdraw) or signed, signed → running, running → closed; any other move answers 409 naming the statuses allowed. `date` (signed on, started on…) defaults to today, China time. `If-Match` with the contract’s ETag.',
      tags: ['contracts'],
      middleware: [authorize(CONTRACT_WRITERS)] as const,
      request: {
        params: contractId,
        headers: ifMatchHeader,
        body: { required: true, content: { 'application/json': { schema: TransitionBody } } },
      },
      responses: {
        200: { description: 'The contract in its new status', content: { 'application/json': { schema: Contract } } },
        ...updateResponses,
        ...refused,
      },
    }),
    async (c) => {
      const expected = expectedVersion(c);
      const contract = await changeContractStatus(
        c.var.ctx,
        c.req.valid('param').contractId as string,
        c.req.valid('json'),
        expected,
      );
      return c.json(contract, 200, { ETag: etag(contract.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/contracts/{contractId}/versions',
      summary: 'Every version of a contract, oldest first, each with its own costing',
      tags: ['contracts'],
      middleware: [authorize(CONTRACT_READERS)] as const,
      request: { params: contractId, query: PageQuery },
      responses: {
        200: { description: 'A page of versions', content: { 'application/json': { schema: Page(ContractVersion) } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      // Another organisation's contract answers 404, not an empty list.
      const id = c.req.valid('param').contractId as string;
      return c.json(await contractVersions(c.var.ctx, id, c.req.valid('query')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/contracts/{contractId}/versions/{number}',
      summary: 'One version of a contract, as it was saved and costed',
      tags: ['contracts'],
      middleware: [authorize(CONTRACT_READERS)] as const,
      request: { params: VersionParams },
      responses: {
        200: { description: 'The version', content: { 'application/json': { schema: ContractVersion } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { contractId: id, number } = c.req.valid('param');
      const { version } = await contractView(c.var.ctx, id as string, Number(number));
      return c.json(version, 200);
    },
  );
