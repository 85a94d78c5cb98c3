import { z } from '@hono/zod-openapi';
import { LIST_ORDERS, SEARCH_MAX_LENGTH } from '@shegong/domain';
import { Problem } from './problem/problem.ts';

/**
 * What the routes share that belongs to HTTP: pages, parameters, headers and the problems every
 * route can answer. The bodies themselves are the domain's schemas (one per shape).
 */
export const Page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    cursor: z.string().optional().openapi({ description: 'Pass back to get the next page' }),
  });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25).openapi({ example: 25 }),
  cursor: z.string().max(2000).optional(),
});

/**
 * A list's search and order (domain lists.ts): `q` is found anywhere in the fields each list names,
 * after folding case, full-width forms and spaces; `order` defaults to newest first for `created`
 * and ascending for every other column. A cursor works only with the search, filter and sort it
 * came with (400 otherwise).
 */
export const listQuery = <S extends readonly [string, ...string[]]>(sorts: S, searched: string) =>
  PageQuery.extend({
    q: z
      .string()
      .trim()
      .max(SEARCH_MAX_LENGTH)
      .optional()
      .openapi({ description: `Search: a part of ${searched}` }),
    sort: z
      .enum(sorts)
      .optional()
      .openapi({ description: `The column to sort by (default \`${sorts[0]}\`)` }),
    order: z
      .enum(LIST_ORDERS)
      .optional()
      .openapi({ description: '`asc` or `desc` (default: `desc` for `created`, `asc` for any other column)' }),
  });

export const IdParam = (name: string, example: string) =>
  z.object({
    [name]: z
      .string()
      .uuid()
      .openapi({ param: { name, in: 'path' }, example }),
  });

/**
 * A JSON request body: a domain schema, with the example a client (and the isolation matrix) sends.
 * The example sits on the media type, not on the schema, so a schema that responses share keeps
 * one component in the document.
 */
export const jsonBody = <S extends z.ZodType>(schema: S, example: z.input<S>) => ({
  required: true as const,
  content: { 'application/json': { schema, example } },
});

export const problemContent = { 'application/problem+json': { schema: Problem } };

/** The error answers every protected route can give. */
export const errorResponses = {
  400: { description: 'Bad request: `errors` names each failing field', content: problemContent },
  401: { description: 'No valid token', content: problemContent },
  403: { description: 'Your role or kind of organisation may not do this', content: problemContent },
  404: { description: 'Not found (also for another tenant’s objects)', content: problemContent },
  // The per-tenant throttle (throttle/throttle.ts) answers any protected route before it runs.
  429: {
    description: 'Your organisation sends requests faster than its limit',
    headers: {
      'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait before sending again' },
    },
    content: problemContent,
  },
} as const;

export const updateResponses = {
  ...errorResponses,
  409: { description: 'Conflict with the current state', content: problemContent },
  412: { description: 'If-Match names an old version: reload and try again', content: problemContent },
  428: { description: 'If-Match is required', content: problemContent },
} as const;

/** What a route that reads a body can answer about the body itself, before any use case runs. */
export const bodyResponses = {
  413: { description: 'The body is larger than the API takes', content: problemContent },
  415: { description: 'The body is not of a media type this route reads', content: problemContent },
} as const;

/** A creating request whose Idempotency-Key was used before with another body. */
export const REUSED_KEY = 'the Idempotency-Key was used before with a different body';

/** A creating request whose Idempotency-Key another try of it is still committing (core's commitOnce). */
export const KEY_IN_FLIGHT =
  'another request with this Idempotency-Key is still being processed: retry after `Retry-After` seconds to get its result';

/**
 * The 409 of a creating route that takes an Idempotency-Key: `conflicts` says what else of the
 * route's own answers 409 (a number already taken), if anything.
 */
export const keyInFlightResponse = (conflicts?: string) =>
  ({
    409: {
      description: conflicts ? `${conflicts}; or ${KEY_IN_FLIGHT}` : `Conflict: ${KEY_IN_FLIGHT}`,
      headers: {
        'Retry-After': {
          schema: { type: 'integer' },
          description: 'Seconds to wait before sending the same request again (with an in-flight key)',
        },
      },
      content: problemContent,
    },
  }) as const;

/** The 422 of a creating route that refuses nothing else. */
export const reusedKeyResponse = {
  422: { description: `Unprocessable: ${REUSED_KEY}`, content: problemContent },
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
