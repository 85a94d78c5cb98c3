import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { changeMember, getMember, listMembers, TENANT_ADMINS } from '@shegong/core';
import { Member, RoleChange, USER_STATUSES } from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { bodyResponses, errorResponses, IdParam, ifMatchHeader, Page, PageQuery, updateResponses } from '../schemas.ts';
import { etag, expectedVersion } from '../versioning.ts';

const UserChange = z
  .strictObject({
    roles: RoleChange.shape.roles.optional(),
    status: z.enum(USER_STATUSES).optional(),
  })
  .refine((v) => v.roles !== undefined || v.status !== undefined, {
    message: 'change roles or status',
    path: ['roles'],
  })
  .openapi('UserChange', { example: { roles: ['hr', 'staff'] } });

const userId = IdParam('userId', '9f1d2c3b-4a5e-4f60-8a7b-1c2d3e4f5a6b');

export const users = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/users',
      summary: 'List the users of my tenant',
      tags: ['users'],
      middleware: [authorize(TENANT_ADMINS)] as const,
      request: { query: PageQuery },
      responses: {
        200: { description: 'A page of users', content: { 'application/json': { schema: Page(Member) } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listMembers(c.var.ctx, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/users/{userId}',
      summary: 'One user of my tenant',
      tags: ['users'],
      middleware: [authorize(TENANT_ADMINS)] as const,
      request: { params: userId },
      responses: {
        200: { description: 'The user', content: { 'application/json': { schema: Member } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const user = await getMember(c.var.ctx, c.req.valid('param').userId as string);
      return c.json(user, 200, { ETag: etag(user.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/users/{userId}',
      summary: 'Change a user’s roles, or disable or enable them',
      tags: ['users'],
      middleware: [authorize(TENANT_ADMINS)] as const,
      request: {
        params: userId,
        headers: ifMatchHeader,
        body: { required: true, content: { 'application/json': { schema: UserChange } } },
      },
      responses: {
        200: { description: 'Changed', content: { 'application/json': { schema: Member } } },
        ...updateResponses,
        ...bodyResponses,
      },
    }),
    async (c) => {
      const id = c.req.valid('param').userId as string;
      const version = expectedVersion(c);
      const user = await changeMember(c.var.ctx, c.var.deps.identity, id, version, c.req.valid('json'));
      return c.json(user, 200, { ETag: etag(user.version) });
    },
  );
