import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { NewTenant, type Principal } from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { createOnce, replayHeaders } from '../idempotency.ts';
import { invitationLink } from '../invitations/operations.ts';
import { errorResponses, IdParam, idempotencyHeader, Page, PageQuery, updateResponses } from '../schemas.ts';

const PLATFORM = { kinds: ['platform'], roles: ['platform_admin'] } as const;

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

/** The platform creates a tenant and, in the same transaction, invites its first administrator. */
export function prepareTenant(deps: AppDeps, principal: Principal, input: NewTenant) {
  const platform = deps.store.platform(principal);
  const mutation = platform.scope.mutation();
  const { adminEmail, ...fields } = input;
  const tenant = platform.directory.create(mutation, fields);
  const inTenant = deps.store.tenant({ tenantId: tenant.id, userId: principal.userId });
  const { invitation, token } = inTenant.invitations.create(mutation, { email: adminEmail, roles: ['admin'] });
  mutation.audited('tenant.create', 'Tenant', tenant.id, tenant.version, tenant);
  return { mutation, tenant, invitation, link: invitationLink(deps, token) };
}

export const tenants = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants',
      summary: 'List all tenants (platform)',
      tags: ['platform'],
      middleware: [authorize(PLATFORM)] as const,
      request: { query: PageQuery },
      responses: {
        200: { description: 'A page of tenants', content: { 'application/json': { schema: Page(Tenant) } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await c.var.deps.store.platform(c.var.principal).directory.list(c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants',
      summary: 'Create a bureau, incubation base or organisation and invite its first administrator',
      tags: ['platform'],
      middleware: [authorize(PLATFORM)] as const,
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
      const input = c.req.valid('json');
      const { body, replayed } = await createOnce(c, c.var.repos, input, async () => {
        const { mutation, tenant, link } = prepareTenant(c.var.deps, c.var.principal, input);
        return { mutation, body: { tenant, adminInvitationLink: link } };
      });
      return c.json(body, 201, replayHeaders(replayed));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenantId}',
      summary: 'One tenant (platform)',
      tags: ['platform'],
      middleware: [authorize(PLATFORM)] as const,
      request: { params: IdParam('tenantId', '0e6f6b1e-1d0c-4c8e-9d8f-3a2b1c0d9e8f') },
      responses: {
        200: { description: 'The tenant', content: { 'application/json': { schema: Tenant } } },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await c.var.deps.store.platform(c.var.principal).directory.get(c.req.valid('param').tenantId as string),
        200,
      ),
  );
