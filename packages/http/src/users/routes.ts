import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { RoleChange } from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { checkRoles, guardSelf } from '../invitations/operations.ts';
import { errorResponses, IdParam, ifMatchHeader, Page, PageQuery, updateResponses } from '../schemas.ts';
import { etag, expectedVersion } from '../versioning.ts';

const ADMINS = { kinds: ['platform', 'bureau', 'incubator', 'org'], roles: ['admin', 'platform_admin'] } as const;

export const User = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.string()),
    status: z.enum(['active', 'disabled']),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .openapi('User');

const UserChange = z
  .strictObject({
    roles: RoleChange.shape.roles.optional(),
    status: z.enum(['active', 'disabled']).optional(),
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
      middleware: [authorize(ADMINS)] as const,
      request: { query: PageQuery },
      responses: {
        200: { description: 'A page of users', content: { 'application/json': { schema: Page(User) } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const page = await c.var.repos.users.list(c.req.valid('query'));
      return c.json({ ...page, items: page.items.map(({ tenantId, ...u }) => u) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/users/{userId}',
      summary: 'One user of my tenant',
      tags: ['users'],
      middleware: [authorize(ADMINS)] as const,
      request: { params: userId },
      responses: {
        200: { description: 'The user', content: { 'application/json': { schema: User } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { tenantId, ...user } = await c.var.repos.users.get(c.req.valid('param').userId as string);
      return c.json(user, 200, { ETag: etag(user.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/users/{userId}',
      summary: 'Change a user’s roles, or disable or enable them',
      tags: ['users'],
      middleware: [authorize(ADMINS)] as const,
      request: {
        params: userId,
        headers: ifMatchHeader,
        body: { required: true, content: { 'application/json': { schema: UserChange } } },
      },
      responses: {
        200: { description: 'Changed', content: { 'application/json': { schema: User } } },
        ...updateResponses,
      },
    }),
    async (c) => {
      const id = c.req.valid('param').userId as string;
      const change = c.req.valid('json');
      const { principal, repos, deps } = c.var;
      const version = expectedVersion(c);
      if (change.roles) checkRoles(principal, change.roles);
      guardSelf(principal, id, change);
      const action =
        change.status === 'disabled'
          ? 'user.disable'
          : change.status === 'active' && !change.roles
            ? 'user.enable'
            : 'user.update';
      const { tenantId, ...user } = await repos.users.update(id, version, change, action);
      // The record is the authority (checked on every request); the provider follows it.
      if (change.roles) await deps.identity.updateRoles(user.email, user.roles);
      if (change.status) await deps.identity.setEnabled(user.email, change.status === 'active');
      return c.json(user, 200, { ETag: etag(user.version) });
    },
  );
