import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { budgetVsActualFile, CONTRACT_EXPORTERS, costingFile } from '@shegong/core';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { xlsxAttachment, xlsxResponse } from '../files.ts';
import { errorResponses, IdParam } from '../schemas.ts';
import { priceFloorRoutes } from './price-floor.ts';

/**
 * xlsx exports of a contract (the core's costing sheet and budget against actual). Also mounts the
 * price-floor calculator, whose path (/contracts/price-floor) must be matched before
 * /contracts/{contractId}.
 */

const ContractIdParam = IdParam('contractId', '5c0f4e2a-8b1d-4c3e-9f60-7a2b1c0d9e8f');
const LangQuery = z.object({ lang: z.enum(['zh-CN', 'en']).optional() });

export const contractExports = new OpenAPIHono<AppEnv>()
  .route('/', priceFloorRoutes)
  .openapi(
    createRoute({
      method: 'get',
      path: '/contracts/{contractId}/costing.xlsx',
      summary: 'The costing sheet of a contract version as xlsx (a bureau’s budget-table layout, rule ids in a column)',
      description:
        'Sheets: 成本测算 (title block, 费用类别 | 单价 | 单位 | 数量 | 总额 | 备注 | 规则, the checks), 人员成本明细 (each post: G, base, SI items, HF, M, FTE, months, cost) and 检查结果 (every finding). Amounts are yuan with two decimals, the stored costing’s fen / 100. `version` picks a version (default: the current one).',
      tags: ['contracts'],
      middleware: [authorize(CONTRACT_EXPORTERS)] as const,
      request: {
        params: ContractIdParam,
        query: LangQuery.extend({
          version: z
            .string()
            .regex(/^[1-9]\d{0,3}$/, 'must be a version number')
            .optional()
            .openapi({ example: '1' }),
        }),
      },
      responses: { 200: xlsxResponse('The costing sheet'), ...errorResponses },
    }),
    async (c) => {
      const { contractId } = c.req.valid('param');
      const { version, lang } = c.req.valid('query');
      const file = await costingFile(
        c.var.ctx,
        contractId as string,
        version ? Number(version) : undefined,
        lang ?? 'zh-CN',
      );
      return xlsxAttachment(c, file) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/contracts/{contractId}/budget-vs-actual.xlsx',
      summary: 'Budget against actual as xlsx: per line budget, actual to date, remaining, projection, rule, flag',
      description:
        'Sheets: 预算执行 (per line, with the straight-line projection and its flags), 月度明细 (month by month), 工资明细 (each person’s pay and share), 检查结果 (every finding). Amounts are yuan with two decimals.',
      tags: ['contracts'],
      middleware: [authorize(CONTRACT_EXPORTERS)] as const,
      request: { params: ContractIdParam, query: LangQuery },
      responses: { 200: xlsxResponse('Budget against actual'), ...errorResponses },
    }),
    async (c) => {
      const { contractId } = c.req.valid('param');
      const file = await budgetVsActualFile(c.var.ctx, contractId as string, c.req.valid('query').lang ?? 'zh-CN');
      return xlsxAttachment(c, file) as never;
    },
  );
