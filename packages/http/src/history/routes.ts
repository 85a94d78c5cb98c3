import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { contractHistory, HISTORY_READERS, JURISDICTION_READERS, jurisdictionContractHistory } from '@shegong/core';
import { ChainEventView, ChainVerdictView } from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { errorResponses, IdParam, PageQuery } from '../schemas.ts';

/** A page of a contract's history and the verdict on its whole chain. */
const HistoryPage = z
  .object({
    verification: ChainVerdictView,
    items: z.array(ChainEventView),
    cursor: z.string().optional().openapi({ description: 'Pass back to get the next page' }),
  })
  .meta({ id: 'ContractHistory' });

const ContractParams = IdParam('contractId', '0193a7c2-4f1e-7b3a-9c4d-5e6f7a8b9c0d');
/** A contract of an organisation in the jurisdiction: the organisation's tenant id and the contract's. */
export const JurisdictionContractParams = z.object({
  organisationId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .openapi({ param: { name: 'organisationId', in: 'path' }, example: 'org-gangkou' }),
  contractId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'contractId', in: 'path' }, example: '0193a7c2-4f1e-7b3a-9c4d-5e6f7a8b9c0d' }),
});

const description =
  'Events oldest first (paged), and whether the whole chain verifies: each event’s hash is the SHA-256 of its ' +
  'content, which holds the hash of the event before; a changed or removed event is reported as the first link ' +
  'that breaks (seq, and content_changed, link_broken or event_missing).';

export const history = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/contracts/{contractId}/history',
      summary: 'A contract’s tamper-evident history, verified',
      description,
      tags: ['contracts'],
      middleware: [authorize(HISTORY_READERS)] as const,
      request: { params: ContractParams, query: PageQuery },
      responses: {
        200: {
          description: 'A page of events and the verdict',
          content: { 'application/json': { schema: HistoryPage } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const id = c.req.valid('param').contractId as string;
      return c.json(await contractHistory(c.var.ctx, id, c.req.valid('query')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/contracts/{organisationId}/{contractId}/history',
      summary: 'The history of a contract in the bureau’s jurisdiction, verified (404 outside it)',
      description,
      tags: ['jurisdiction'],
      middleware: [authorize(JURISDICTION_READERS)] as const,
      request: { params: JurisdictionContractParams, query: PageQuery },
      responses: {
        200: {
          description: 'A page of events and the verdict',
          content: { 'application/json': { schema: HistoryPage } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { organisationId, contractId } = c.req.valid('param');
      return c.json(
        await jurisdictionContractHistory(c.var.ctx, organisationId, contractId as string, c.req.valid('query')),
        200,
      );
    },
  );
