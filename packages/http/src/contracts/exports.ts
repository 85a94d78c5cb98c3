import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { loadWorkbooks, XLSX_TYPE } from '@shegong/sheets/light';
import type { StoredContract, TenantRepositories } from '@shegong/store';
import type { Context } from 'hono';
import { budgetVsActualView } from '../actuals/operations.ts';
import { authorize } from '../auth/access.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { errorResponses, IdParam } from '../schemas.ts';
import { CONTRACT_READERS, contractView } from './operations.ts';
import { priceFloorRoutes } from './price-floor.ts';

/**
 * xlsx exports of a contract (issue 4, point 5): the costing sheet of a version and budget against
 * actual, laid out as a bureau files them, from the same stored objects the API returns — so the
 * numbers in the file are the numbers on the page. Also mounts the price-floor calculator, whose
 * path (/contracts/price-floor) must be matched before /contracts/{contractId}. OWNER: helper "exports".
 */

/** Who exports: the same people who read the contract (its figures include named persons' pay). */
export const CONTRACT_EXPORTERS = CONTRACT_READERS;

type Lang = 'zh-CN' | 'en';

/** A file name safe for any OS, from the contract number: 成本测算-GK-2026-017-v1.xlsx. */
const fileName = (kind: string, contract: StoredContract, version?: number) =>
  `${kind}-${contract.number.replace(/[\\/:*?"<>|\s]+/g, '_')}${version ? `-v${version}` : ''}.xlsx`;

/** The costing sheet of a version, as an xlsx, and the name to save it under. */
export async function costingExport(
  repos: TenantRepositories,
  contractId: string,
  versionNumber: number | undefined,
  lang: Lang,
): Promise<{ buffer: Buffer; fileName: string }> {
  const view = await contractView(repos, contractId, versionNumber);
  const buffer = await (await loadWorkbooks()).costingWorkbook(view, lang);
  return { buffer, fileName: fileName('成本测算', view.contract, view.version.number) };
}

/** Budget against actual (current version, every recorded month), as an xlsx. */
export async function budgetVsActualExport(
  deps: AppDeps,
  repos: TenantRepositories,
  contractId: string,
  lang: Lang,
): Promise<{ buffer: Buffer; fileName: string }> {
  const view = await budgetVsActualView(deps, repos, contractId);
  const buffer = await (await loadWorkbooks()).budgetVsActualWorkbook(view, lang);
  return { buffer, fileName: fileName('预算执行', view.contract) };
}

/**
 * The download: the xlsx type, and Content-Disposition with an ASCII fallback name (non-ASCII as
 * `_`) and the UTF-8 name (RFC 6266 / 5987), as the staff and ladder exports send.
 */
export function xlsxAttachment(c: Context, file: { buffer: Buffer; fileName: string }) {
  return c.body(new Uint8Array(file.buffer), 200, {
    'Content-Type': XLSX_TYPE,
    'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'Cache-Control': 'private, no-store',
  });
}

const xlsxResponse = (description: string) => ({
  description,
  content: { [XLSX_TYPE]: { schema: { type: 'string' as const, format: 'binary' } } },
});

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
      const file = await costingExport(
        c.var.repos,
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
      const file = await budgetVsActualExport(
        c.var.deps,
        c.var.repos,
        contractId as string,
        c.req.valid('query').lang ?? 'zh-CN',
      );
      return xlsxAttachment(c, file) as never;
    },
  );
