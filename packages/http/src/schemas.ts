import { z } from '@hono/zod-openapi';
import { Problem } from './problem/problem.ts';

/** Shapes shared by several resources. */
export const Page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    cursor: z.string().optional().openapi({ description: 'Pass back to get the next page' }),
  });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25).openapi({ example: 25 }),
  cursor: z.string().max(2000).optional(),
});

export const IdParam = (name: string, example: string) =>
  z.object({
    [name]: z
      .string()
      .uuid()
      .openapi({ param: { name, in: 'path' }, example }),
  });

const problemContent = { 'application/problem+json': { schema: Problem } };

/** The error answers every protected route can give. */
export const errorResponses = {
  400: { description: 'Bad request: `errors` names each failing field', content: problemContent },
  401: { description: 'No valid token', content: problemContent },
  403: { description: 'Your role or kind of organisation may not do this', content: problemContent },
  404: { description: 'Not found (also for another tenant’s objects)', content: problemContent },
} as const;

export const updateResponses = {
  ...errorResponses,
  409: { description: 'Conflict with the current state', content: problemContent },
  412: { description: 'If-Match names an old version: reload and try again', content: problemContent },
  428: { description: 'If-Match is required', content: problemContent },
} as const;

// Header names are case-insensitive and Hono's header validator sees them in lower case, so the
// schema keys (and with them the parameter names in the document) are lower case. If-Match is
// optional here so that a missing one reaches `expectedVersion` and answers 428, not 400.
export const ifMatchHeader = z.object({
  'if-match': z
    .string()
    .optional()
    .openapi({ param: { in: 'header' }, example: '"1"' }),
});

export const idempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .openapi({ param: { in: 'header' }, example: 'b1946ac9-2d1e-4f43-9c3c' }),
});
