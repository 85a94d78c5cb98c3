import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  acceptInvitation,
  inviteMember,
  listInvitations,
  previewInvitation,
  revokeInvitation,
  TENANT_ADMINS,
} from '@shegong/core';
import { Acceptance, NewInvitation } from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { idempotencyKey, replayHeaders } from '../idempotency.ts';
import {
  errorResponses,
  IdParam,
  idempotencyHeader,
  ifMatchHeader,
  Page,
  PageQuery,
  updateResponses,
} from '../schemas.ts';
import { etag, expectedVersion } from '../versioning.ts';

export const Invitation = z
  .object({
    id: z.string(),
    email: z.string(),
    roles: z.array(z.string()),
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
    invitedBy: z.string(),
    createdAt: z.string(),
    expiresOn: z.string(),
    acceptedUserId: z.string().optional(),
    version: z.number().int(),
  })
  .openapi('Invitation');

const NewInvitationBody = NewInvitation.meta({
  id: 'NewInvitation',
  example: { email: 'li.na@example.cn', roles: ['hr'] },
});
const CreatedInvitation = z
  .object({
    invitation: Invitation,
    link: z.string().openapi({ description: 'Single-use link for the invitee; valid 7 days. Shown once.' }),
    mailed: z.boolean(),
  })
  .openapi('CreatedInvitation');

const TokenParam = z.object({
  token: z
    .string()
    .openapi({ param: { name: 'token', in: 'path' }, example: 'Vq3mB0yH6l2rX8sZk1pT9aW4cE7dN5fJ0gL3uR6tY2o' }),
});
const InvitationPreview = z
  .object({
    tenant: z.object({ name: z.string(), nameEn: z.string().optional(), kind: z.string() }),
    email: z.string(),
    roles: z.array(z.string()),
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
    expiresOn: z.string(),
  })
  .openapi('InvitationPreview');
const AcceptanceBody = Acceptance.meta({ id: 'Acceptance', example: { name: '李娜', password: 'Correct-horse-9' } });

export const invitations = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/invitations',
      summary: 'List the invitations of my tenant',
      tags: ['users'],
      middleware: [authorize(TENANT_ADMINS)] as const,
      request: { query: PageQuery },
      responses: {
        200: { description: 'A page of invitations', content: { 'application/json': { schema: Page(Invitation) } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listInvitations(c.var.ctx, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/invitations',
      summary: 'Invite someone to my tenant with roles',
      tags: ['users'],
      middleware: [authorize(TENANT_ADMINS)] as const,
      request: {
        headers: idempotencyHeader,
        body: { required: true, content: { 'application/json': { schema: NewInvitationBody } } },
      },
      responses: {
        201: { description: 'Invited', content: { 'application/json': { schema: CreatedInvitation } } },
        ...updateResponses,
      },
    }),
    async (c) => {
      const { replayed, ...sent } = await inviteMember(c.var.ctx, c.var.deps, c.req.valid('json'), idempotencyKey(c));
      return c.json(sent, 201, { ETag: etag(sent.invitation.version), ...replayHeaders(replayed) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/invitations/{invitationId}/revoke',
      summary: 'Revoke a pending invitation',
      tags: ['users'],
      middleware: [authorize(TENANT_ADMINS)] as const,
      request: { params: IdParam('invitationId', '4b0c1c36-3b9e-4a47-8f6e-1f3f0a9a2b10'), headers: ifMatchHeader },
      responses: {
        200: { description: 'Revoked', content: { 'application/json': { schema: Invitation } } },
        ...updateResponses,
      },
    }),
    async (c) => {
      const revoked = await revokeInvitation(
        c.var.ctx,
        c.req.valid('param').invitationId as string,
        expectedVersion(c),
      );
      return c.json(revoked, 200, { ETag: etag(revoked.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/invitations/{token}',
      summary: 'What an invitation link offers (no sign-in needed)',
      tags: ['users'],
      middleware: [
        authorize({ public: true, reason: 'the invitee has no account yet; the link’s token is the credential' }),
      ] as const,
      request: { params: TokenParam },
      responses: {
        200: { description: 'The invitation', content: { 'application/json': { schema: InvitationPreview } } },
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { invitation, tenant } = await previewInvitation(c.var.deps, c.req.valid('param').token);
      return c.json(
        {
          tenant: { name: tenant.name, ...(tenant.nameEn ? { nameEn: tenant.nameEn } : {}), kind: tenant.kind },
          email: invitation.email,
          roles: invitation.roles,
          status: invitation.status,
          expiresOn: invitation.expiresOn,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/invitations/{token}/accept',
      summary: 'Accept an invitation: create my sign-in and join the tenant',
      tags: ['users'],
      middleware: [
        authorize({ public: true, reason: 'the invitee has no account yet; the link’s token is the credential' }),
      ] as const,
      request: {
        params: TokenParam,
        body: { required: true, content: { 'application/json': { schema: AcceptanceBody } } },
      },
      responses: {
        201: {
          description: 'Joined',
          content: { 'application/json': { schema: z.object({ userId: z.string(), email: z.string() }) } },
        },
        400: errorResponses[400],
        404: errorResponses[404],
        409: updateResponses[409],
      },
    }),
    async (c) => {
      const { user } = await acceptInvitation(c.var.deps, c.req.valid('param').token, c.req.valid('json'));
      return c.json({ userId: user.id, email: user.email }, 201);
    },
  );
