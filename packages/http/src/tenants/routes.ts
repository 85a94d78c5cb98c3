import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  createTenant,
  getTenant,
  listTenantInvitations,
  listTenantMembers,
  listTenants,
  PLATFORM_ADMINS,
  reissueInvitation,
  restoreTenant,
  suspendTenant,
} from '@shegong/core';
import {
  CreatedTenant,
  Invitation,
  Member,
  NEW_BUREAU_EXAMPLE,
  NewTenant,
  SentInvitation,
  SuspensionRequest,
  TENANT_KINDS,
  TENANT_SORTS,
  TENANT_STATUSES,
  TenantRecord,
} from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { idempotencyKey, replayHeaders } from '../idempotency.ts';
import {
  bodyResponses,
  errorResponses,
  IdParam,
  idempotencyHeader,
  ifMatchHeader,
  jsonBody,
  keyInFlightResponse,
  listQuery,
  Page,
  PageQuery,
  reusedKeyResponse,
  updateResponses,
} from '../schemas.ts';
import { etag, expectedVersion } from '../versioning.ts';

const tenantId = IdParam('tenantId', '0e6f6b1e-1d0c-4c8e-9d8f-3a2b1c0d9e8f');
const tenantAndInvitation = tenantId.extend(IdParam('invitationId', '4b0c1c36-3b9e-4a47-8f6e-1f3f0a9a2b10').shape);

const NewTenantBody = NewTenant.meta({ id: 'NewTenant' });

const ListQuery = listQuery(TENANT_SORTS, 'the name, the English name or the credit code').extend({
  status: z.enum(TENANT_STATUSES).optional().openapi({ description: 'Only tenants of this status (pages stay full)' }),
  kind: z.enum(TENANT_KINDS).optional().openapi({ description: 'Only tenants of this kind (pages stay full)' }),
});

export const tenants = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants',
      summary: 'List all tenants (platform)',
      description:
        'Newest first unless `sort=name`. `q` searches the name, English name and credit code; `status` and `kind` keep one of each. Every page but the last is full; follow `cursor` with the same `q`, `status`, `kind`, `sort` and `order`.',
      tags: ['platform'],
      middleware: [authorize(PLATFORM_ADMINS)] as const,
      request: { query: ListQuery },
      responses: {
        200: { description: 'A page of tenants', content: { 'application/json': { schema: Page(TenantRecord) } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { q, status, kind, sort, order, ...page } = c.req.valid('query');
      const filter = {
        ...(q ? { search: q } : {}),
        ...(status ? { status } : {}),
        ...(kind ? { kind } : {}),
        ...(sort ? { sort } : {}),
        ...(order ? { order } : {}),
      };
      return c.json(await listTenants(c.var.ctx, page, filter), 200);
    },
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
      request: { params: tenantId },
      responses: {
        200: { description: 'The tenant', content: { 'application/json': { schema: TenantRecord } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const tenant = await getTenant(c.var.ctx, c.req.valid('param').tenantId as string);
      return c.json(tenant, 200, { ETag: etag(tenant.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenantId}/users',
      summary: 'The members of a tenant (platform)',
      tags: ['platform'],
      middleware: [authorize(PLATFORM_ADMINS)] as const,
      request: { params: tenantId, query: PageQuery },
      responses: {
        200: { description: 'A page of the tenant’s users', content: { 'application/json': { schema: Page(Member) } } },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await listTenantMembers(c.var.ctx, c.req.valid('param').tenantId as string, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenantId}/invitations',
      summary: 'The invitations of a tenant, its first administrator’s among them (platform)',
      tags: ['platform'],
      middleware: [authorize(PLATFORM_ADMINS)] as const,
      request: { params: tenantId, query: PageQuery },
      responses: {
        200: {
          description: 'A page of the tenant’s invitations',
          content: { 'application/json': { schema: Page(Invitation) } },
        },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await listTenantInvitations(c.var.ctx, c.req.valid('param').tenantId as string, c.req.valid('query')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenantId}/invitations/{invitationId}/reissue',
      summary: 'Reissue a lost invitation: the old link stops working, a new one is made (platform)',
      description:
        'One transaction revokes the invitation and creates a new one for the same address and roles, valid 7 days, recorded in the platform’s audit trail. Only a pending or expired invitation can be reissued (409 otherwise); an invitation of another tenant answers 404.',
      tags: ['platform'],
      middleware: [authorize(PLATFORM_ADMINS)] as const,
      request: { params: tenantAndInvitation },
      responses: {
        201: {
          description: 'The new invitation and its link',
          content: { 'application/json': { schema: SentInvitation } },
        },
        ...errorResponses,
        409: updateResponses[409],
      },
    }),
    async (c) => {
      const { tenantId, invitationId } = c.req.valid('param');
      return c.json(await reissueInvitation(c.var.ctx, c.var.deps, tenantId as string, invitationId as string), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenantId}/suspend',
      summary: 'Suspend a tenant: its members cannot sign in or call the API; nothing is deleted (platform)',
      description:
        'Takes effect at once: the tenant’s members are answered 403 (`tenant-suspended`) on every request and their page sessions end. The tenant records who suspended it, when and why, until it is restored. The platform’s own tenant cannot be suspended.',
      tags: ['platform'],
      middleware: [authorize(PLATFORM_ADMINS)] as const,
      request: {
        params: tenantId,
        headers: ifMatchHeader,
        body: jsonBody(SuspensionRequest, {
          reason: '机构申请注销，待核实 · The organisation asked to close; checking',
        }),
      },
      responses: {
        200: { description: 'Suspended', content: { 'application/json': { schema: TenantRecord } } },
        ...updateResponses,
        ...bodyResponses,
      },
    }),
    async (c) => {
      const id = c.req.valid('param').tenantId as string;
      const tenant = await suspendTenant(c.var.ctx, id, expectedVersion(c), c.req.valid('json').reason);
      return c.json(tenant, 200, { ETag: etag(tenant.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenantId}/restore',
      summary: 'Restore a suspended tenant: its members sign in again as before (platform)',
      tags: ['platform'],
      middleware: [authorize(PLATFORM_ADMINS)] as const,
      request: { params: tenantId, headers: ifMatchHeader },
      responses: {
        200: { description: 'Restored', content: { 'application/json': { schema: TenantRecord } } },
        ...updateResponses,
      },
    }),
    async (c) => {
      const tenant = await restoreTenant(c.var.ctx, c.req.valid('param').tenantId as string, expectedVersion(c));
      return c.json(tenant, 200, { ETag: etag(tenant.version) });
    },
  );
