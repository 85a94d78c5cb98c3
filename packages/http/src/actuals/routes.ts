import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ACTUALS_READERS,
  ACTUALS_WRITERS,
  actualMonths,
  actualMonthView,
  budgetVsActualView,
  recordActualMonth,
} from '@shegong/core';
import {
  ActualMonthInput,
  type ActualMonthInput as ActualMonthInputType,
  ActualMonthSummary,
  ActualMonthWithHistory,
  ContractBudgetVsActual,
  monthSummary,
  RecordedMonth,
  shownMonth,
} from '@shegong/domain';
import type { Context } from 'hono';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import {
  bodyResponses,
  errorResponses,
  IdParam,
  ifMatchHeader,
  jsonBody,
  problemContent,
  updateResponses,
} from '../schemas.ts';
import { etag, expectedVersion } from '../versioning.ts';

/**
 * A month of actuals as a bureau would see it on a payroll sheet: two people, one half on this
 * contract, paid above Fangchenggang's 2023 floors (assistant ¥3,200, social worker ¥3,800), and
 * the month's spending on the other lines. The OpenAPI example of a PUT.
 */
export const ACTUAL_MONTH_EXAMPLE: ActualMonthInputType = {
  payroll: [
    { name: '李明', certLevel: 'assistant', grossPay: 3_600_00, sharePercent: 100 },
    { name: '王芳', certLevel: 'social_worker', grossPay: 4_200_00, sharePercent: 50 },
  ],
  expenses: { supervision: 2_000_00, activities: 8_000_00, management: 3_000_00, tax: 1_500_00, other: 500_00 },
  note: '3月份工资与活动支出',
};

const contractId = IdParam('contractId', '3b0f7c52-6a4e-4d1b-9e2f-8c7d6b5a4f3e');
const MonthParams = contractId.extend({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-03')
    .openapi({ param: { name: 'month', in: 'path' }, example: '2026-03' }),
});

/** If-Match is optional here: a month is replaced as a whole, and the first record has nothing to match. */
function optionalRevision(c: Context): number | undefined {
  return c.req.header('If-Match') ? expectedVersion(c) : undefined;
}

export const actuals = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'put',
      path: '/contracts/{contractId}/actuals/{month}',
      summary: 'Record a month of actuals (replaces the month)',
      description:
        'The month’s payroll (each person’s gross pay and the share of their time on this contract) and its spending on the other budget lines. Each row is costed as COSTING.md costs one month of a post at that share, employer social insurance and housing fund included, with the rule set in force for the purchaser’s region on the month’s first day. A person paid below the floor of their level is flagged with P-W3 (not refused). A row with `personId` takes the person’s name and highest certificate from the staff registry (unknown id: 422 at `/payroll/i/personId`). Recording the same content again changes nothing and answers the same revision; different content makes a new revision and keeps the old one in the history. `If-Match` with the month’s ETag is optional and answers 412 when stale. A month outside the term: 422; a contract not yet signed: 409.',
      tags: ['actuals'],
      middleware: [authorize(ACTUALS_WRITERS)] as const,
      request: {
        params: MonthParams,
        headers: ifMatchHeader,
        body: jsonBody(ActualMonthInput, ACTUAL_MONTH_EXAMPLE),
      },
      responses: {
        200: { description: 'Recorded (or unchanged)', content: { 'application/json': { schema: RecordedMonth } } },
        ...updateResponses,
        ...bodyResponses,
        422: {
          description: 'The month is outside the term, or a person is not in the registry: each in `errors`',
          content: problemContent,
        },
      },
    }),
    async (c) => {
      const { contractId: id, month } = c.req.valid('param');
      const { month: recorded } = await recordActualMonth(
        c.var.ctx,
        id as string,
        month as string,
        c.req.valid('json'),
        optionalRevision(c),
      );
      return c.json(shownMonth(recorded), 200, { ETag: etag(recorded.revision) });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/contracts/{contractId}/actuals',
      summary: 'The months recorded for a contract, with their totals and findings',
      tags: ['actuals'],
      middleware: [authorize(ACTUALS_READERS)] as const,
      request: { params: contractId },
      responses: {
        200: {
          description: 'Every recorded month, oldest first',
          content: { 'application/json': { schema: z.object({ items: z.array(ActualMonthSummary) }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const months = await actualMonths(c.var.ctx, c.req.valid('param').contractId as string);
      return c.json({ items: months.map(monthSummary) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/contracts/{contractId}/actuals/{month}',
      summary: 'One recorded month, with its revision history',
      tags: ['actuals'],
      middleware: [authorize(ACTUALS_READERS)] as const,
      request: { params: MonthParams },
      responses: {
        200: { description: 'The month', content: { 'application/json': { schema: ActualMonthWithHistory } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { contractId: id, month } = c.req.valid('param');
      const view = await actualMonthView(c.var.ctx, id as string, month as string);
      return c.json({ ...shownMonth(view.month), history: view.history.map(shownMonth) }, 200, {
        ETag: etag(view.month.revision),
      });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/contracts/{contractId}/budget-vs-actual',
      summary: 'Budget against actual per line, with a straight-line projection',
      description:
        'For each budget line of the current version: the budget, the actual to date (the sum of the recorded months), what remains, and the projection to the end of the term, `round(actual × termMonths / monthsElapsed)` in calendar months. A line already over its budget is an error, a line projected over it a warning, each with its rule id (management N-7, the others P-W2); each month’s P-W3 findings are included with the month in their path.',
      tags: ['actuals'],
      middleware: [authorize(ACTUALS_READERS)] as const,
      request: { params: contractId },
      responses: {
        200: {
          description: 'Budget against actual',
          content: { 'application/json': { schema: ContractBudgetVsActual } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const id = c.req.valid('param').contractId as string;
      const view = await budgetVsActualView(c.var.ctx, id);
      return c.json({ contractId: id, version: view.version.number, ...view.budgetVsActual }, 200);
    },
  );
