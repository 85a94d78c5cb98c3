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
import {
  Amendment,
  CONTRACT_SORTS,
  CONTRACT_STATUSES,
  ContractDraft,
  ContractPreview,
  ContractVersion,
  ContractWithVersion,
  StoredContract,
  Transition,
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
  listQuery,
  Page,
  PageQuery,
  problemContent,
  REUSED_KEY,
  updateResponses,
} from '../schemas.ts';
import { etag, expectedVersion } from '../versioning.ts';
import { AMENDMENT_EXAMPLE, CONTRACT_EXAMPLE, DRAFT_EDIT_EXAMPLE, TRANSITION_EXAMPLE } from './examples.ts';

const AmendmentBody = Amendment.meta({ id: 'Amendment' });
const TransitionBody = Transition.meta({ id: 'Transition' });

const contractId = IdParam('contractId', '0193a7c2-4f1e-7b3a-9c4d-5e6f7a8b9c0d');
const VersionParams = contractId.extend({
  number: z
    .string()
    .regex(/^[1-9]\d{0,3}$/)
    .openapi({ param: { name: 'number', in: 'path' }, example: '1' }),
});

const ListQuery = listQuery(CONTRACT_SORTS, 'the number, the title or the purchaser’s name').extend({
  status: z
    .enum(CONTRACT_STATUSES)
    .optional()
    .openapi({ example: 'running', description: 'Only contracts of this status (pages stay full)' }),
});

const refusal =
  'The rules refuse it: no rule set in force (`/terms/startDate`), an unknown person, a term N-1 forbids, or a submission the terms (N-1, N-3) block. Each in `errors` with its `ruleId` and `amounts`.';
const refused = { 422: { description: refusal, content: problemContent } } as const;

const location = (id: string) => `/v1/contracts/${id}`;

export const contracts = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/contracts',
      summary: 'My organisation’s purchase contracts, newest first, or searched and sorted',
      description:
        'Each with its status, value, labour cost, price floor and the current version’s findings counted with their rule ids (the list’s flags). `status` keeps one status, `q` searches the number, title and purchaser, `sort` and `order` order the list by creation, number, title, start date or value. Every page but the last is full; follow `cursor` with the same `status`, `q`, `sort` and `order`.',
      tags: ['contracts'],
      middleware: [authorize(CONTRACT_READERS)] as const,
      request: { query: ListQuery },
      responses: {
        200: { description: 'A page of contracts', content: { 'application/json': { schema: Page(StoredContract) } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { status, q, sort, order, ...page } = c.req.valid('query');
      const filter = {
        ...(status ? { status } : {}),
        ...(q ? { search: q } : {}),
        ...(sort ? { sort } : {}),
        ...(order ? { order } : {}),
      };
      return c.json(await listContracts(c.var.ctx, page, filter), 200);
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
        body: jsonBody(ContractDraft, CONTRACT_EXAMPLE),
      },
      responses: {
        201: {
          description: 'Recorded; `Location` names it, `ETag` its version',
          content: { 'application/json': { schema: ContractWithVersion } },
        },
        ...errorResponses,
        ...bodyResponses,
        ...keyInFlightResponse('The organisation already has a contract with this number'),
        422: { description: `${refusal} Also when ${REUSED_KEY}.`, content: problemContent },
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
      request: { body: jsonBody(ContractDraft, CONTRACT_EXAMPLE) },
      responses: {
        200: { description: 'The costing', content: { 'application/json': { schema: ContractPreview } } },
        ...errorResponses,
        ...bodyResponses,
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
        body: jsonBody(ContractDraft, DRAFT_EDIT_EXAMPLE),
      },
      responses: {
        200: { description: 'Saved', content: { 'application/json': { schema: ContractWithVersion } } },
        ...updateResponses,
        ...bodyResponses,
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
        body: jsonBody(AmendmentBody, AMENDMENT_EXAMPLE),
      },
      responses: {
        201: { description: 'The new version', content: { 'application/json': { schema: ContractWithVersion } } },
        ...updateResponses,
        ...bodyResponses,
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
        'draft → submitted (refused with 422 while the terms break N-1 or N-3; it goes to the bureau whose jurisdiction covers the purchaser’s region, named in `review`), submitted → draft (withdraw), approved → draft (withdraw) or signed, signed → running, running → closed. The bureau decides submitted → approved or back to draft (`POST /v1/reviews/…/decision`): signing a submitted contract answers 409, the bureau must approve it first. Any other move answers 409 naming the statuses allowed. `date` (signed on, started on…) defaults to today, China time. `If-Match` with the contract’s ETag.',
      tags: ['contracts'],
      middleware: [authorize(CONTRACT_WRITERS)] as const,
      request: {
        params: contractId,
        headers: ifMatchHeader,
        body: jsonBody(TransitionBody, TRANSITION_EXAMPLE),
      },
      responses: {
        200: {
          description: 'The contract in its new status',
          content: { 'application/json': { schema: StoredContract } },
        },
        ...updateResponses,
        ...bodyResponses,
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
