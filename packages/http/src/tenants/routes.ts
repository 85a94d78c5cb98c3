import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createTenant, getTenant, listTenants, PLATFORM_ADMINS } from '@shegong/core';
import { NewTenant } from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { idempotencyKey, replayHeaders } from '../idempotency.ts';
import { errorResponses, IdParam, idempotencyHeader, Page, PageQuery, updateResponses } from '../schemas.ts';

export const Tenant = z
  .object({
    id: z.string(),
    kind: z.enum(['platform', 'bureau', 'incubator', 'org']),
    name: z.string(),
    nameEn: z.string().optional(),
    region: z.string(),
    uscc: z.string().optional(),
    status: z.enum(['active', 'suspended']),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Tenant');

// `.meta`, not `.openapi`: the domain's schemas are built before @hono/zod-openapi extends zod,
// and zod 4 copies prototype methods only onto schemas built after the extension.
const NewTenantBody = NewTenant.meta({
  id: 'NewTenant',
  example: {
    kind: 'bureau',
    name: '上思县民政局',
    nameEn: 'Shangsi County Civil Affairs Bureau',
    region: '450621',
    adminEmail: 'admin@shangsi.example.cn',
  },
});

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
        200: { description: 'A page of tenants', content: { 'application/json': { schema: Page(Tenant) } } },
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
        body: { required: true, content: { 'application/json': { schema: NewTenantBody } } },
      },
      responses: {
        201: {
          description: 'Created',
          content: { 'application/json': { schema: z.object({ tenant: Tenant, adminInvitationLink: z.string() }) } },
        },
        ...updateResponses,
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
        200: { description: 'The tenant', content: { 'application/json': { schema: Tenant } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await getTenant(c.var.ctx, c.req.valid('param').tenantId as string), 200),
  );
