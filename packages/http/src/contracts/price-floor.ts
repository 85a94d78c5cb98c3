import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { calculatePriceFloor, PRICE_FLOOR_USERS, type PriceFloorCalculation } from '@shegong/core';
import { type PriceFloorRequest, PriceFloorRequest as PriceFloorRequestSchema } from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import {
  BudgetLines as BudgetLinesSchema,
  errorResponses,
  Finding as FindingSchema,
  PostCost as PostCostSchema,
  RuleSetRef as RuleSetRefSchema,
} from '../schemas.ts';

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

const Conditions = z.object({
  value: z.number().int(),
  lines: BudgetLinesSchema,
  labourCost: z.object({
    holds: z.boolean(),
    personnel: z.number().int(),
    required: z.number().int(),
    ruleId: z.literal('P-W2'),
  }),
  labourShare: z.object({
    holds: z.boolean(),
    personnel: z.number().int(),
    required: z.number().int(),
    shareBp: z.number().int(),
    minLabourShare: z.number().int(),
    ruleId: z.literal('P-W2'),
  }),
});

const PriceFloorResult = z
  .object({
    region: z.string(),
    startDate: z.string(),
    ruleSet: RuleSetRefSchema,
    rules: z.object({
      taxRate: z.number().int(),
      minLabourShare: z.number().int(),
      maxManagementShare: z.number().int(),
    }),
    managementShare: z.number().int(),
    fixed: z.object({ supervision: z.number().int(), activities: z.number().int(), other: z.number().int() }),
    posts: z.array(
      PostCostSchema.extend({
        title: z.string(),
        role: z.string(),
        personId: z.string().optional(),
        personName: z.string().optional(),
      }),
    ),
    labourCost: z.number().int().openapi({ description: 'L, the sum of the post costs (fen)' }),
    findings: z.array(FindingSchema),
    priceFloor: z.union([
      z.object({
        feasible: z.literal(true),
        value: z.number().int().openapi({ description: 'The minimum contract value V, fen' }),
        lines: BudgetLinesSchema,
        labourCost: z.number().int(),
        ruleId: z.literal('P-W2'),
      }),
      z.object({
        feasible: z.literal(false),
        reason: z.enum(['management_above_cap', 'invalid_input', 'no_value']),
        message: z.string(),
        labourCost: z.number().int(),
        ruleId: z.literal('P-W2'),
      }),
    ]),
    conditions: z
      .object({ atFloor: Conditions, belowFloor: Conditions.optional() })
      .optional()
      .openapi({ description: 'The two P-W2 conditions at the floor and one fen below it' }),
    binding: z
      .array(z.enum(['labourCost', 'labourShare']))
      .openapi({ description: 'The conditions that fail one fen below the floor: why it is the smallest' }),
  })
  .openapi('PriceFloorCalculation');

const PriceFloorBody = PriceFloorRequestSchema.meta({ id: 'PriceFloorInput', example: PRICE_FLOOR_EXAMPLE });

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
    request: { body: { required: true, content: { 'application/json': { schema: PriceFloorBody } } } },
    responses: {
      200: {
        description: 'The price floor and its explanation (or why no value exists)',
        content: { 'application/json': { schema: PriceFloorResult } },
      },
      422: { description: 'No rule set in force, an unknown person, or a management share above the cap' },
      ...errorResponses,
    },
  }),
  async (c) => {
    const result: PriceFloorCalculation = await calculatePriceFloor(c.var.ctx, c.req.valid('json'));
    return c.json(result as z.infer<typeof PriceFloorResult>, 200);
  },
);
