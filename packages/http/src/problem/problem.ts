import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** RFC 9457 problem details, with the failing fields of a bad request. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .openapi({
        description: 'One entry per failing field; `path` is a JSON pointer into the body (or the parameter name).',
      }),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof Problem>;

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  412: 'Stale version',
  413: 'Body too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal error',
};

export function problem(
  c: Context,
  status: ContentfulStatusCode,
  detail?: string,
  extra: Partial<Pick<Problem, 'errors' | 'type' | 'title'>> = {},
) {
  const body: Problem = {
    type: extra.type ?? `https://shegong.cn/problems/${status}`,
    title: extra.title ?? TITLES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    instance: new URL(c.req.url).pathname.replace(/\/invitations\/[A-Za-z0-9_-]{43}/, '/invitations/…'),
    requestId: c.get('requestId'),
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json' });
}

/**
 * Turns zod issues into field errors with JSON-pointer paths (`/roles/0`). An unknown field (zod's
 * `unrecognized_keys`, reported on the object holding it) is named by its own path (`/tenantId`).
 */
export function fieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] }[],
  prefix = '',
) {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys?.length
      ? issue.keys.map((key) => ({
          path: `${prefix}/${[...issue.path, key].map(String).join('/')}`,
          message: 'is not a known field',
        }))
      : [{ path: `${prefix}/${issue.path.map(String).join('/')}`, message: issue.message }],
  );
}

/** An error a handler throws to answer with a problem. */
export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly errors?: Problem['errors'],
  ) {
    super(message);
    this.name = 'ProblemError';
  }
}
