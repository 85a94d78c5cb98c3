import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { calculatePriceFloor, PRICE_FLOOR_USERS } from '@shegong/core';
import {
  PriceFloorCalculation,
  type PriceFloorRequest,
  PriceFloorRequest as PriceFloorRequestSchema,
} from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { bodyResponses, errorResponses, jsonBody, problemContent } from '../schemas.ts';

/**
 * POST /v1/contracts/price-floor: the core's price-floor calculator (stateless: it reads the rule
 * set and the named persons and writes nothing), with the floor explained.
 */

/** A realistic request (Fangchenggang 2023): two frontline posts and a part-time supervisor. */
export const PRICE_FLOOR_EXAMPLE: PriceFloorRequest = {
  region: '450602',
  startDate: '2026-01-01',
  posts: [
    { title: '社工', role: 'frontline', certLevel: 'social_worker', ftePercent: 100, months: 12 },
    { title: '社工助理', role: 'frontline', certLevel: 'assistant', ftePercent: 100, months: 12, monthlyPay: 350_000 },
    { title: '督导', role: 'supervisor', certLevel: 'senior', ftePercent: 20, months: 12 },
  ],
  fixed: { supervision: 300_000, activities: 1_200_000, other: 100_000 },
  managementShare: 800,
};

const PriceFloorBody = PriceFloorRequestSchema.meta({ id: 'PriceFloorInput' });

/** POST /v1/contracts/price-floor, mounted on the exports router (before /contracts/{contractId}). */
export const priceFloorRoutes = new OpenAPIHono<AppEnv>().openapi(
  createRoute({
    method: 'post',
    path: '/contracts/price-floor',
    summary: 'The minimum contract value for a staffing plan (price floor), with why it is the smallest',
    description:
      'Stateless: costs the posts with the rule set in force for the purchaser’s region on the start date and finds the smallest whole-fen value whose personnel line covers the labour cost and the local labour share (P-W2), with tax and management derived from the value. Nothing is written. Posts with `personId` take the person’s pay and highest certificate. `managementShare` defaults to the local cap.',
    tags: ['contracts'],
    middleware: [authorize(PRICE_FLOOR_USERS)] as const,
    request: { body: jsonBody(PriceFloorBody, PRICE_FLOOR_EXAMPLE) },
    responses: {
      200: {
        description: 'The price floor and its explanation (or why no value exists)',
        content: { 'application/json': { schema: PriceFloorCalculation } },
      },
      422: {
        description: 'No rule set in force, an unknown person, or a management share above the cap',
        content: problemContent,
      },
      ...errorResponses,
      ...bodyResponses,
    },
  }),
  async (c) => c.json(await calculatePriceFloor(c.var.ctx, c.req.valid('json')), 200),
);
