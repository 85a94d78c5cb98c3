import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { REGISTER_READERS, registerFile, registerPage } from '@shegong/core';
import { RegisterFilter, RegisterRow, RegisterTotals } from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { xlsxAttachment, xlsxResponse } from '../files.ts';
import { errorResponses, PageQuery } from '../schemas.ts';

/**
 * The register (台账) of the signed-in bureau's jurisdiction: every contract whose purchaser's
 * region the bureau covers (a city: itself and its counties; a county: itself), and its xlsx.
 */

const filterFields = {
  county: RegisterFilter.shape.county.meta({ example: '450681', description: 'Only this county (a region code)' }),
  organisationId: RegisterFilter.shape.organisationId.meta({
    description: 'Only this organisation’s contracts (an organisation outside the jurisdiction lists none)',
  }),
  status: RegisterFilter.shape.status.meta({ example: 'running' }),
  finding: RegisterFilter.shape.finding.meta({
    example: 'belowPriceFloor',
    description:
      'Only contracts breaking this rule: below the price floor (P-W2), personnel line under the minimum share (P-W2), someone paid below the guideline in the actuals (P-W3)',
  }),
  year: RegisterFilter.shape.year.meta({ example: 2026, description: 'Only contracts whose term starts in this year' }),
  q: RegisterFilter.shape.q.meta({ description: 'Search: a part of the contract number or the organisation’s name' }),
  sort: RegisterFilter.shape.sort.meta({
    description: 'The column to sort by (default `register`: county, organisation, contract)',
  }),
  order: RegisterFilter.shape.order.meta({ description: 'asc or desc (default asc)' }),
};

const RegisterQuery = PageQuery.extend(filterFields);

const RegisterPage = z
  .object({
    items: z.array(RegisterRow),
    cursor: z.string().optional().meta({ description: 'Pass back, with the same filter, for the next page' }),
    totals: RegisterTotals.describe('The totals of every contract the filter (and search) keeps, not only this page'),
  })
  .openapi('RegisterPage');

/** The filter of a query, without its paging and empty parts. */
function filterOf(query: z.infer<typeof RegisterQuery> | z.infer<typeof ExportQuery>): RegisterFilter {
  const { limit: _l, cursor: _c, ...rest } = query as Record<string, unknown>;
  const { lang: _lang, ...filter } = rest;
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as RegisterFilter;
}

const ExportQuery = z.object({ ...filterFields, lang: z.enum(['zh-CN', 'en']).optional() });

export const registerRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/contracts',
      summary:
        'The register (台账): every contract in the bureau’s jurisdiction, filtered, searched, sorted, paged, with totals',
      description:
        'Each row: county, organisation, purchaser, number, term, value, status, labour cost, labour share, price floor (each with its rule id) and the rules it breaks. In the default order (county, organisation, contract) a page is one Query of the register’s index; every page but the last is full. `totals` are those of the whole filter, kept as aggregates written with each contract (with a search, the sum of the rows found). Follow `cursor` with the same filter.',
      tags: ['jurisdiction'],
      middleware: [authorize(REGISTER_READERS)] as const,
      request: { query: RegisterQuery },
      responses: {
        200: { description: 'A page of the register', content: { 'application/json': { schema: RegisterPage } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) };
      return c.json(await registerPage(c.var.ctx, filterOf(query), page), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/contracts/register.xlsx',
      summary: 'The register as xlsx, as a bureau files it, with the same filter, search and sort',
      description:
        'Sheet 合同台账: a title, the filter and date, Chinese headings (序号, 县（市、区）, 承接机构, … 合同金额（元）, 人员成本（元）, 人员经费占比, 价格底线（元）, 测算规则, 存在问题, 问题规则), a row per contract and a 合计 row. Amounts are yuan with two decimals; rule ids in their own columns.',
      tags: ['jurisdiction'],
      middleware: [authorize(REGISTER_READERS)] as const,
      request: { query: ExportQuery },
      responses: { 200: xlsxResponse('The register'), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return xlsxAttachment(c, await registerFile(c.var.ctx, filterOf(query), query.lang ?? 'zh-CN')) as never;
    },
  );
