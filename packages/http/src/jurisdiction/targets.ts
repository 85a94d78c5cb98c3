import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bureauTargets, TARGET_READERS, targetsFile } from '@shegong/core';
import { CertifiedSeries, TargetsDashboard } from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { xlsxAttachment, xlsxResponse } from '../files.ts';
import { errorResponses } from '../schemas.ts';
import { TARGETS_EXAMPLE } from './targets-example.ts';

/**
 * The targets of the signed-in bureau (issue 13, P-T1..P-T7): its dashboard on today, the P-T5
 * certified count over time, and their xlsx. A city bureau sees its city and every county of it; a
 * county bureau its own county only (P-U1).
 */

const TargetsOverview = z
  .object({
    dashboard: TargetsDashboard,
    series: CertifiedSeries.describe('P-T5: certified social workers at each year’s end since the base year'),
    hasPlaces: z
      .boolean()
      .describe('Whether the map holds any township or community yet; until it does, P-T2, P-T4 and P-T7 have no data'),
  })
  .openapi('TargetsOverview');

const CountyParam = z.object({
  county: z
    .string()
    .regex(/^\d{4}(?!00)\d{2}$/, 'must be a six-digit county code')
    .openapi({ param: { name: 'county', in: 'path' }, example: '450602' }),
});

const LangQuery = z.object({ lang: z.enum(['zh-CN', 'en']).optional() });

const overviewResponse = (description: string) => ({
  200: {
    description,
    content: { 'application/json': { schema: TargetsOverview, example: TARGETS_EXAMPLE } },
  },
  ...errorResponses,
});

const FIGURES =
  'Each figure: the target (`key`) and its rule id, value / goal in its unit, the deadline year, its status (met; not_met before 31 December of the deadline year; overdue after it; no_data where the map lacks what it is counted over) and `gaps`, the places behind the shortfall with what each has and needs. Worked out when read from the city’s map and the organisations’ registries (4 + one Query per organisation; no Scan).';

export const targetRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/targets',
      summary:
        'The bureau’s targets (P-T1..P-T7) on today: city-wide and per county, with the lists behind each number',
      description: `A city bureau: the city's figures (P-T6 city-wide only) and every county's. A county bureau: its own county's. ${FIGURES}`,
      tags: ['jurisdiction'],
      middleware: [authorize(TARGET_READERS)] as const,
      responses: overviewResponse('The targets of the bureau’s scope'),
    }),
    async (c) => c.json(await bureauTargets(c.var.ctx), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/targets.xlsx',
      summary: 'The bureau’s targets as xlsx: 目标汇总, 分县情况, 缺口清单',
      description:
        'Three sheets under a title, the bureau and the date: the scope’s figures (target, rule, value, goal, unit, deadline, status), a row per county and target, and every place behind a shortfall (rule, target, county, level, code, name, kind, has, needs, what it lacks). Counts are numbers; rule ids in their own column.',
      tags: ['jurisdiction'],
      middleware: [authorize(TARGET_READERS)] as const,
      request: { query: LangQuery },
      responses: { 200: xlsxResponse('The targets'), ...errorResponses },
    }),
    async (c) => xlsxAttachment(c, await targetsFile(c.var.ctx, c.req.valid('query').lang ?? 'zh-CN')) as never,
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/targets/counties/{county}',
      summary: 'One county’s targets (P-T1..P-T5, P-T7) with the lists behind each number',
      description: `A county of the bureau's view: any of its city's for a city bureau, its own for a county bureau; 404 for any other. ${FIGURES}`,
      tags: ['jurisdiction'],
      middleware: [authorize(TARGET_READERS)] as const,
      request: { params: CountyParam },
      responses: overviewResponse('The county’s targets'),
    }),
    async (c) => c.json(await bureauTargets(c.var.ctx, c.req.valid('param').county), 200),
  );
