import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { createTenant, getTenant, listTenants, PLATFORM_ADMINS } from '@shegong/core';
import { CreatedTenant, NEW_BUREAU_EXAMPLE, NewTenant, TenantRecord } from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { idempotencyKey, replayHeaders } from '../idempotency.ts';
import {
  bodyResponses,
  errorResponses,
  IdParam,
  idempotencyHeader,
  jsonBody,
  keyInFlightResponse,
  Page,
  PageQuery,
  reusedKeyResponse,
  updateResponses,
} from '../schemas.ts';

const NewTenantBody = NewTenant.meta({ id: 'NewTenant' });

export const tenants = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants',
      summary: 'List all tenants (platform)',
      tags: ['platform'],
      middleware: [authorize(PLATFORM_ADMINS)] as const,
      request: { query: PageQuery },
      responses: {
        200: { description: 'A page of tenants', content: { 'application/json': { schema: Page(TenantRecord) } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listTenants(c.var.ctx, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants',
      summary: 'Create a bureau, incubation base or organisation and invite its first administrator',
      tags: ['platform'],
      middleware: [authorize(PLATFORM_ADMINS)] as const,
      request: {
        headers: idempotencyHeader,
        body: jsonBody(NewTenantBody, NEW_BUREAU_EXAMPLE),
      },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: CreatedTenant } } },
        ...updateResponses,
        ...keyInFlightResponse('An organisation with this unified social credit code already exists'),
        ...bodyResponses,
        ...reusedKeyResponse,
      },
    }),
    async (c) => {
      const created = await createTenant(c.var.ctx, c.var.deps, c.req.valid('json'), idempotencyKey(c));
      return c.json(
        { tenant: created.tenant, adminInvitationLink: created.adminInvitationLink },
        201,
        replayHeaders(created.replayed),
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenantId}',
      summary: 'One tenant (platform)',
      tags: ['platform'],
      middleware: [authorize(PLATFORM_ADMINS)] as const,
      request: { params: IdParam('tenantId', '0e6f6b1e-1d0c-4c8e-9d8f-3a2b1c0d9e8f') },
      responses: {
        200: { description: 'The tenant', content: { 'application/json': { schema: TenantRecord } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await getTenant(c.var.ctx, c.req.valid('param').tenantId as string), 200),
  );
