import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  getRuleSet,
  publishRuleSet,
  RULE_SET_PUBLISHERS,
  RULE_SET_READERS,
  requireRuleSetInForce,
  ruleSetHistory,
  ruleSetView,
} from '@shegong/core';
import { FANGCHENGGANG_2023, isoDate, NewRuleSet, RuleSetInForce, RuleSetView } from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { idempotencyKey, replayHeaders } from '../idempotency.ts';
import {
  bodyResponses,
  errorResponses,
  idempotencyHeader,
  jsonBody,
  keyInFlightResponse,
  Page,
  reusedKeyResponse,
  updateResponses,
} from '../schemas.ts';
import { etag } from '../versioning.ts';

const NewRuleSetBody = NewRuleSet.meta({ id: 'NewRuleSet' });
/** Fangchenggang's values as a new version from mid-2026 (the example a bureau of 450600 can send). */
const NEW_RULE_SET_EXAMPLE: NewRuleSet = {
  ...FANGCHENGGANG_2023,
  effectiveFrom: '2026-07-01',
  title: '防城港市社会工作人才激励保障参数（2026年7月）',
};

const regionQuery = z
  .string()
  .regex(/^\d{6}$/, 'must be a six-digit region code')
  .optional()
  .openapi({ example: '450681', description: 'Region code (GB/T 2260); your own by default' });

const HistoryQuery = z.object({
  region: regionQuery,
  limit: z.coerce.number().int().min(1).max(100).default(25).openapi({ example: 25 }),
  cursor: z.string().max(2000).optional(),
});

const InForceQuery = z.object({
  region: regionQuery,
  date: isoDate.optional().openapi({ example: '2026-03-01', description: 'Today in China by default' }),
});

const RuleSetIdParam = z.object({
  ruleSetId: z
    .string()
    .max(40)
    .openapi({ param: { name: 'ruleSetId', in: 'path' }, example: '450600-2023-01-01-v1' }),
});

export const ruleSets = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'post',
      path: '/rule-sets',
      summary: 'Publish a version of a rule set for a region in my jurisdiction',
      description:
        'A published version is never edited: a correction is a new version of the same region and date. ' +
        'Money is integer fen, rates integer basis points.',
      tags: ['rule sets'],
      middleware: [authorize(RULE_SET_PUBLISHERS)] as const,
      request: {
        headers: idempotencyHeader,
        body: jsonBody(NewRuleSetBody, NEW_RULE_SET_EXAMPLE),
      },
      responses: {
        201: { description: 'Published', content: { 'application/json': { schema: RuleSetView } } },
        ...updateResponses,
        ...keyInFlightResponse('Another version of the region and date was published at the same moment'),
        ...bodyResponses,
        ...reusedKeyResponse,
      },
    }),
    async (c) => {
      const { ruleSet, replayed } = await publishRuleSet(c.var.ctx, c.req.valid('json'), idempotencyKey(c));
      return c.json(ruleSet, 201, {
        ETag: etag(1),
        Location: `/v1/rule-sets/${ruleSet.id}`,
        ...replayHeaders(replayed),
      });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/rule-sets',
      summary: 'The versions published for a region, newest first',
      tags: ['rule sets'],
      middleware: [authorize(RULE_SET_READERS)] as const,
      request: { query: HistoryQuery },
      responses: {
        200: { description: 'A page of rule sets', content: { 'application/json': { schema: Page(RuleSetView) } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { region, limit, cursor } = c.req.valid('query');
      return c.json(await ruleSetHistory(c.var.ctx, region, { limit, ...(cursor ? { cursor } : {}) }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/rule-sets/in-force',
      summary: 'The rule set in force for a region on a date',
      description:
        'The latest on or before the date; a county’s own before its city’s, a city’s before its province’s (P-U1).',
      tags: ['rule sets'],
      middleware: [authorize(RULE_SET_READERS)] as const,
      request: { query: InForceQuery },
      responses: {
        200: { description: 'The rule set in force', content: { 'application/json': { schema: RuleSetInForce } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { region, date } = c.req.valid('query');
      const found = await requireRuleSetInForce(c.var.ctx, {
        ...(region ? { region } : {}),
        ...(date ? { date } : {}),
      });
      return c.json({ ...found, ruleSet: ruleSetView(found.ruleSet) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/rule-sets/{ruleSetId}',
      summary: 'One published version',
      tags: ['rule sets'],
      middleware: [authorize(RULE_SET_READERS)] as const,
      request: { params: RuleSetIdParam },
      responses: {
        200: { description: 'The rule set', content: { 'application/json': { schema: RuleSetView } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await getRuleSet(c.var.ctx, c.req.valid('param').ruleSetId), 200, { ETag: etag(1) }),
  );
