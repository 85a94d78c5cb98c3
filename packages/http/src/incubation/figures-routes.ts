import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  INCUBATION_REGISTER_READERS,
  incubatedOrganisationFigures,
  incubationRegister,
  incubationRegisterFile,
  OWN_INCUBATION_READERS,
  ownIncubation,
  type RegisterQuery,
} from '@shegong/core';
import {
  INCUBATION_REGISTER_SORTS,
  INCUBATION_STAGES,
  IncubatedFigures,
  IncubationRegisterRow,
  OwnIncubation,
  SEARCH_MAX_LENGTH,
} from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { xlsxAttachment, xlsxResponse } from '../files.ts';
import { errorResponses, IdParam, Page, PageQuery } from '../schemas.ts';

/**
 * The base's consolidated view of the organisations it incubates (aggregates only), its xlsx, one
 * organisation's figures, and what an organisation sees of its own incubation (the same figures).
 */

const filterFields = {
  q: z.string().max(SEARCH_MAX_LENGTH).optional().openapi({ description: 'Found in the organisation’s name' }),
  stage: z.enum(INCUBATION_STAGES).optional().openapi({ description: 'Only the records in this stage' }),
  sort: z.enum(INCUBATION_REGISTER_SORTS).optional().openapi({
    description:
      'created (the order admitted: default, newest first), name (pinyin order), months in incubation; `order` defaults to desc for created, asc otherwise',
  }),
  order: z.enum(['asc', 'desc']).optional(),
};
const RegisterListQuery = PageQuery.extend(filterFields);
const ExportQuery = z.object({ ...filterFields, lang: z.enum(['zh-CN', 'en']).optional() });

function queryOf(query: z.infer<typeof ExportQuery>): RegisterQuery {
  return { stage: query.stage, search: query.q, sort: query.sort, order: query.order };
}

const RegisterPage = Page(IncubationRegisterRow).openapi('IncubationRegisterPage');
const IncubationParams = IdParam('incubationId', '0193a7c2-5a00-7c1d-8e2f-3a4b5c6d7e8f');

const json = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { 'application/json': { schema } },
});

const FIGURES_NOTE =
  'Aggregates only: members, staff on the registry, certified staff, contracts won (approved, signed, running or closed: count and value in fen) and whether any won contract’s current version has an error finding, with the rule ids. After graduation or exit `followsCurrentFigures` is false, `closed` says when, and there is no `current`.';

export const incubationFigures = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/incubation/register',
      summary: 'The base’s register: every organisation it incubates, with its stage, dates and figures',
      description: `${FIGURES_NOTE} Filter by stage, find by name (\`q\`); sort by admission, name or months. Follow \`cursor\` with the same filter and sort.`,
      tags: ['incubation'],
      middleware: [authorize(INCUBATION_REGISTER_READERS)] as const,
      request: { query: RegisterListQuery },
      responses: { 200: json('A page of the register', RegisterPage), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) };
      return c.json(await incubationRegister(c.var.ctx, queryOf(query), page), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/incubation/register.xlsx',
      summary: 'The base’s register as xlsx, for its annual report, with the same filter and sort',
      description:
        'Sheet 在孵机构台账: a title, the filter and date, a heading row, a row per organisation with the register’s columns (contract value in yuan with two decimals) and its history: admitted, mid-term review, extension, agreement end, graduated, left.',
      tags: ['incubation'],
      middleware: [authorize(INCUBATION_REGISTER_READERS)] as const,
      request: { query: ExportQuery },
      responses: { 200: xlsxResponse('The register'), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return xlsxAttachment(c, await incubationRegisterFile(c.var.ctx, queryOf(query), query.lang ?? 'zh-CN')) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/incubation/incubations/{incubationId}/figures',
      summary: 'The figures of one organisation the base admitted',
      description: `${FIGURES_NOTE} Another base’s organisation answers 404.`,
      tags: ['incubation'],
      middleware: [authorize(INCUBATION_REGISTER_READERS)] as const,
      request: { params: IncubationParams },
      responses: { 200: json('The figures', IncubatedFigures), ...errorResponses },
    }),
    async (c) => {
      const { incubationId } = c.req.valid('param');
      return c.json(await incubatedOrganisationFigures(c.var.ctx, incubationId as string), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/organisation/incubation',
      summary: 'My organisation’s incubation: the base, the stage and dates, and what the base sees of us',
      description: `Any member of an organisation a base admitted. \`figures\` is exactly the object the base reads. The base’s notes and reasons are not included. An organisation no base admitted is told \`incubated: false\`. ${FIGURES_NOTE}`,
      tags: ['incubation'],
      middleware: [authorize(OWN_INCUBATION_READERS)] as const,
      responses: { 200: json('The incubation, or that it is not incubated', OwnIncubation), ...errorResponses },
    }),
    async (c) => c.json(await ownIncubation(c.var.ctx), 200),
  );
