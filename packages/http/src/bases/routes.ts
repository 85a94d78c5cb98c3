import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { BASE_READERS, jurisdictionBaseCoverage, jurisdictionBases } from '@shegong/core';
import { BaseCoverage, IncubationBaseListing } from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { errorResponses, Page, PageQuery } from '../schemas.ts';

/**
 * The incubation bases of the signed-in bureau's jurisdiction (a city: its own and its counties';
 * a county: its own), and per county whether one exists (P-T1).
 */

const BasePage = Page(IncubationBaseListing).openapi('IncubationBasePage');

export const baseRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/bases',
      summary: 'The incubation bases in the bureau’s jurisdiction',
      description:
        'Each base’s public name, region and status, and its incubation records counted per stage (`byStage`, kept by the base’s own transactions: the bureau reads no record), by region then base: one Query of the bases’ index under the bureau’s city (a county: its own code). Follow `cursor` for the next page.',
      tags: ['jurisdiction'],
      middleware: [authorize(BASE_READERS)] as const,
      request: { query: PageQuery },
      responses: {
        200: { description: 'A page of bases', content: { 'application/json': { schema: BasePage } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) };
      return c.json(await jurisdictionBases(c.var.ctx, page), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/bases/coverage',
      summary: 'Per county-level region of the jurisdiction, whether an incubation base exists (P-T1)',
      description:
        'P-T1: every county-level region has a social-organisation incubation base. A base registered at city level serves the city and counts for no county (listed in `cityBases`); a base the platform suspended still counts (its status is named). A county bureau sees its own county only.',
      tags: ['jurisdiction'],
      middleware: [authorize(BASE_READERS)] as const,
      responses: {
        200: {
          description: 'The coverage, rule P-T1',
          content: { 'application/json': { schema: BaseCoverage } },
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await jurisdictionBaseCoverage(c.var.ctx), 200),
  );
