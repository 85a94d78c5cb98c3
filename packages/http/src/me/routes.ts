import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { findRegion, regionLevel } from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { errorResponses } from '../schemas.ts';

export const Me = z
  .object({
    user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    tenant: z.object({
      id: z.string(),
      kind: z.enum(['platform', 'bureau', 'incubator', 'org']),
      name: z.string(),
      nameEn: z.string().optional(),
      region: z.object({ code: z.string(), zh: z.string(), en: z.string(), level: z.string() }),
    }),
    roles: z.array(z.string()),
  })
  .openapi('Me');

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
  async (c) => {
    const { principal, user, tenant } = c.var;
    const region = findRegion(tenant.region) ?? { code: tenant.region, zh: tenant.region, en: tenant.region };
    return c.json(
      {
        user: { id: user.id, name: user.name, email: user.email },
        tenant: {
          id: tenant.id,
          kind: tenant.kind,
          name: tenant.name,
          ...(tenant.nameEn ? { nameEn: tenant.nameEn } : {}),
          region: { ...region, level: regionLevel(region.code) },
        },
        roles: [...principal.roles],
      },
      200,
    );
  },
);
