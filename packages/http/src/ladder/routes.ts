import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  currentLadder,
  LADDER_EDITORS,
  LADDER_MANAGERS,
  LADDER_READERS,
  ladderStandings,
  ladderVersion,
  ladderVersions,
  promote,
  promotionsOf,
  saveLadder,
} from '@shegong/core';
import {
  CheckedLadder,
  LADDER_EXAMPLE,
  LadderInput,
  LadderStandings,
  NewPromotion,
  PromotionRecord,
  SavedLadder,
} from '@shegong/domain';
import type { LadderPrecondition } from '@shegong/store';
import type { Context } from 'hono';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { idempotencyKey, replayHeaders } from '../idempotency.ts';
import { ProblemError } from '../problem/problem.ts';
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

export { LADDER_EXAMPLE };

export const PROMOTION_EXAMPLE = { toLevelId: 'trainee', date: '2026-01-05' };

const LadderBody = LadderInput.meta({ id: 'LadderInput' });
const NewPromotionBody = NewPromotion.meta({ id: 'NewPromotion' });

const VersionParam = z.object({
  ladderVersion: z
    .string()
    .regex(/^[1-9]\d{0,3}$/)
    .openapi({ param: { name: 'ladderVersion', in: 'path' }, example: '1' }),
});

const personId = IdParam('personId', '6f1c2a4e-8b3d-4e5f-9a0b-1c2d3e4f5a6b');

const saveHeaders = ifMatchHeader.extend({
  'if-none-match': z
    .string()
    .optional()
    .openapi({ param: { in: 'header' }, description: '`*` for the first save, when there is no ladder yet' }),
});

/**
 * The precondition of a save: `If-Match` with the ETag last read, or `If-None-Match: *` for the
 * very first save (RFC 9110: only if there is none yet). Neither: 428.
 */
function savePrecondition(c: Context): LadderPrecondition {
  if (c.req.header('If-None-Match')?.trim() === '*') {
    if (c.req.header('If-Match')) {
      throw new ProblemError(400, 'Send either If-Match (a change) or If-None-Match: * (the first save), not both');
    }
    return { firstSave: true };
  }
  return { expectedVersion: expectedVersion(c) };
}

export const ladder = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/ladder',
      summary: 'My organisation’s career ladder, checked against the rule set in force today',
      description:
        'The current version with its ETag, and the findings (P-W3 pay floors, P-C1 certificates) of checking it against the rule set in force today for the organisation’s region. 404 before the first save.',
      tags: ['ladder'],
      middleware: [authorize(LADDER_READERS)] as const,
      responses: {
        200: { description: 'The ladder', content: { 'application/json': { schema: CheckedLadder } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const current = await currentLadder(c.var.ctx);
      return c.json(current, 200, { ETag: etag(current.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/ladder',
      summary: 'Save a new version of the ladder',
      description:
        'Checks the ladder against the rule set in force today for the organisation’s region first. A band minimum below the pay floor of its minimum certificate (P-W3) or a post class needing a higher certificate (P-C1) refuses the save with **422**, each finding an entry of `errors` with its `path`, `ruleId` and `amounts`; nothing is written. Warnings come back with the saved ladder (also when no rule set is in force: then it says the ladder could not be checked). Send `If-Match` with the ETag last read, or `If-None-Match: *` for the first save; a stale version answers 412.',
      tags: ['ladder'],
      middleware: [authorize(LADDER_EDITORS)] as const,
      request: {
        headers: saveHeaders,
        body: jsonBody(LadderBody, LADDER_EXAMPLE),
      },
      responses: {
        200: { description: 'Saved as a new version', content: { 'application/json': { schema: CheckedLadder } } },
        ...updateResponses,
        ...bodyResponses,
        422: { description: 'The ladder breaks a rule (P-W3, P-C1): each in `errors`', content: problemContent },
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const precondition = savePrecondition(c);
      const { ladder: saved, check } = await saveLadder(c.var.ctx, input, precondition);
      return c.json({ ...saved, ...check }, 200, { ETag: etag(saved.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/ladder/versions',
      summary: 'The saved versions of the ladder, newest first',
      tags: ['ladder'],
      middleware: [authorize(LADDER_READERS)] as const,
      request: { query: PageQuery },
      responses: {
        200: { description: 'A page of versions', content: { 'application/json': { schema: Page(SavedLadder) } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await ladderVersions(c.var.ctx, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/ladder/versions/{ladderVersion}',
      summary: 'One saved version of the ladder, as it was saved',
      tags: ['ladder'],
      middleware: [authorize(LADDER_READERS)] as const,
      request: { params: VersionParam },
      responses: {
        200: { description: 'The version', content: { 'application/json': { schema: SavedLadder } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await ladderVersion(c.var.ctx, Number(c.req.valid('param').ladderVersion)), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/ladder/standings',
      summary: 'Everyone’s standing on the ladder today',
      description:
        'For each person: the level held, the highest level they qualify for, what they lack for the next one, and whether their pay lies inside their held level’s band (P-C2).',
      tags: ['ladder'],
      middleware: [authorize(LADDER_MANAGERS)] as const,
      responses: {
        200: { description: 'The standings', content: { 'application/json': { schema: LadderStandings } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const result = await ladderStandings(c.var.ctx);
      return c.json(
        {
          ladderVersion: result.ladder.version,
          date: result.date,
          ...(result.ruleSet ? { ruleSet: result.ruleSet } : {}),
          items: result.people,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/people/{personId}/promotions',
      summary: 'Record a promotion',
      description:
        'Moves the person to a higher level of the current ladder on a date (not in the future). Refused with 422, citing each failing requirement, when the person does not qualify for the level on that date; 409 when they already hold it or a higher one. The promotion and the person’s new level are written in one transaction. Send an Idempotency-Key so a retry records it once.',
      tags: ['ladder'],
      middleware: [authorize(LADDER_EDITORS)] as const,
      request: {
        params: personId,
        headers: idempotencyHeader,
        body: jsonBody(NewPromotionBody, PROMOTION_EXAMPLE),
      },
      responses: {
        201: { description: 'Recorded', content: { 'application/json': { schema: PromotionRecord } } },
        ...updateResponses,
        ...keyInFlightResponse('The person already holds the level or a higher one'),
        ...bodyResponses,
        422: {
          description: `The person does not qualify for the level on that date, or ${REUSED_KEY}`,
          content: problemContent,
        },
      },
    }),
    async (c) => {
      const id = c.req.valid('param').personId as string;
      const { promotion, replayed } = await promote(c.var.ctx, id, c.req.valid('json'), idempotencyKey(c));
      return c.json(promotion, 201, replayHeaders(replayed));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/people/{personId}/promotions',
      summary: 'A person’s promotions, oldest first',
      tags: ['ladder'],
      middleware: [authorize(LADDER_MANAGERS)] as const,
      request: { params: personId, query: PageQuery },
      responses: {
        200: {
          description: 'A page of promotions',
          content: { 'application/json': { schema: Page(PromotionRecord) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      // Another organisation's person answers 404, not an empty list.
      return c.json(await promotionsOf(c.var.ctx, c.req.valid('param').personId as string, c.req.valid('query')), 200);
    },
  );
