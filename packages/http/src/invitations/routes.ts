import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  acceptInvitation,
  inviteMember,
  listInvitations,
  previewInvitation,
  revokeInvitation,
  TENANT_ADMINS,
} from '@shegong/core';
import {
  Acceptance,
  AcceptedInvitation,
  Invitation,
  InvitationPreview,
  invitationPreview,
  NewInvitation,
  SentInvitation,
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
  Page,
  PageQuery,
  problemContent,
  reusedKeyResponse,
  updateResponses,
} from '../schemas.ts';
import { etag, expectedVersion } from '../versioning.ts';

const NewInvitationBody = NewInvitation.meta({ id: 'NewInvitation' });
const AcceptanceBody = Acceptance.meta({ id: 'Acceptance' });

const TokenParam = z.object({
  token: z
    .string()
    .openapi({ param: { name: 'token', in: 'path' }, example: 'Vq3mB0yH6l2rX8sZk1pT9aW4cE7dN5fJ0gL3uR6tY2o' }),
});
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
        body: jsonBody(NewInvitationBody, { email: 'li.na@example.cn', roles: ['hr'] }),
      },
      responses: {
        201: { description: 'Invited', content: { 'application/json': { schema: SentInvitation } } },
        ...updateResponses,
        ...keyInFlightResponse(),
        ...bodyResponses,
        ...reusedKeyResponse,
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
      return c.json(invitationPreview(invitation, tenant), 200);
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
        body: jsonBody(AcceptanceBody, { name: '李娜', password: 'Correct-horse-9' }),
      },
      responses: {
        201: { description: 'Joined', content: { 'application/json': { schema: AcceptedInvitation } } },
        400: errorResponses[400],
        ...bodyResponses,
        403: { description: 'The inviting tenant is suspended', content: problemContent },
        404: errorResponses[404],
        409: {
          description:
            'The invitation is used, revoked or expired; or the address can already sign in (the answer does not say where)',
          content: problemContent,
        },
        501: {
          description:
            'This deployment cannot create sign-ins yet: its identity provider has no admin client configured for Shegong. The detail says what the platform operator must set up; the invitation stays valid',
          content: problemContent,
        },
      },
    }),
    async (c) => {
      const { user } = await acceptInvitation(c.var.deps, c.req.valid('param').token, c.req.valid('json'));
      return c.json({ userId: user.id, email: user.email }, 201);
    },
  );
