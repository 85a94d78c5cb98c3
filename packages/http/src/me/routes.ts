import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { describeMe, Me } from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { errorResponses } from '../schemas.ts';

export const me = new OpenAPIHono<AppEnv>().openapi(
  createRoute({
    method: 'get',
    path: '/me',
    summary: 'Who I am: my user, my tenant and my roles',
    tags: ['identity'],
    middleware: [authorize({ kinds: ['platform', 'bureau', 'incubator', 'org'], roles: 'any' })] as const,
    responses: {
      200: { description: 'The signed-in user', content: { 'application/json': { schema: Me } } },
      ...errorResponses,
    },
  }),
  async (c) => c.json(describeMe(c.var.user, c.var.tenant, c.var.principal.roles), 200),
);
