import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { endPosting, POSTING_READERS, POSTING_WRITERS, personPostings, postStaff } from '@shegong/core';
import { EndPosting, NewPosting, PostingView } from '@shegong/domain';
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
  reusedKeyResponse,
  updateResponses,
} from '../schemas.ts';
import { etag, expectedVersion } from '../versioning.ts';

/**
 * Where an organisation's staff serve (issue 13, P-T2 and P-T7): a person's postings to
 * communities of the city's map.
 */

export const POSTING_EXAMPLE: z.input<typeof NewPosting> = { community: '450602001001', from: '2026-03-01' };
export const END_POSTING_EXAMPLE: z.input<typeof EndPosting> = { until: '2026-12-31' };

const personId = IdParam('personId', '5b7a4c1e-2f3d-4e5a-9b8c-7d6e5f4a3b2c');
const postingParams = personId.extend(IdParam('postingId', '0193a7c2-5a00-7c1d-8e2f-3a4b5c6d7e91').shape);

const json = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { 'application/json': { schema } },
});

const tags = ['targets'];

export const postingRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/people/{personId}/postings',
      summary: 'A person’s postings to communities, the latest first',
      description: 'Each names its community, township and county from the city’s map.',
      tags,
      middleware: [authorize(POSTING_READERS)] as const,
      request: { params: personId },
      responses: { 200: json('The postings', z.object({ items: z.array(PostingView) })), ...errorResponses },
    }),
    async (c) => c.json({ items: await personPostings(c.var.ctx, c.req.valid('param').personId as string) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/people/{personId}/postings',
      summary: 'Post a person to a community of the city’s map (where they serve)',
      description:
        'The community must be on the map of the organisation’s city (400 naming `community` otherwise). Send an Idempotency-Key so a retry posts once.',
      tags,
      middleware: [authorize(POSTING_WRITERS)] as const,
      request: { params: personId, headers: idempotencyHeader, body: jsonBody(NewPosting, POSTING_EXAMPLE) },
      responses: {
        201: json('Posted', PostingView),
        ...errorResponses,
        ...bodyResponses,
        ...keyInFlightResponse(),
        ...reusedKeyResponse,
        412: updateResponses[412],
      },
    }),
    async (c) => {
      const { posting, replayed } = await postStaff(
        c.var.ctx,
        c.req.valid('param').personId as string,
        c.req.valid('json'),
        idempotencyKey(c),
      );
      return c.json(posting, 201, { ...replayHeaders(replayed), ETag: etag(posting.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/people/{personId}/postings/{postingId}/end',
      summary: 'End a posting (or correct its last day); If-Match the posting’s version',
      tags,
      middleware: [authorize(POSTING_WRITERS)] as const,
      request: { params: postingParams, headers: ifMatchHeader, body: jsonBody(EndPosting, END_POSTING_EXAMPLE) },
      responses: { 200: json('Ended', PostingView), ...updateResponses, ...bodyResponses },
    }),
    async (c) => {
      const version = expectedVersion(c);
      const { personId: person, postingId } = c.req.valid('param') as { personId: string; postingId: string };
      const posting = await endPosting(c.var.ctx, person, postingId, c.req.valid('json'), version);
      return c.json(posting, 200, { ETag: etag(posting.version) });
    },
  );
