import { z } from '@hono/zod-openapi';
import { type FieldProblem, type Refusal, type RefusalKind, Refused } from '@shegong/core';
import { ImportRowError } from '@shegong/domain';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One failing field of a problem: where (a JSON pointer into the body, or a parameter name) and why. */
export const FieldError = z
  .object({
    path: z.string(),
    message: z.string(),
    code: z.string().optional().openapi({ description: 'A stable name for the problem, e.g. `noRuleSet`' }),
    ruleId: z.string().optional().openapi({ description: 'The policy rule that refuses it (POLICY.md)' }),
    kind: z.string().optional().openapi({ description: 'The kind of finding, where a finding refuses it' }),
    amounts: z
      .record(z.string(), z.union([z.number(), z.string()]))
      .optional()
      .openapi({ description: 'The figures that went into the rule (fen, bp, …)' }),
  })
  .openapi('FieldError');

/** The members of RFC 9457 problem details every problem of the API has, with its failing fields. */
const problemMembers = {
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(FieldError).optional().openapi({ description: 'One entry per failing field or broken rule' }),
};

/** RFC 9457 problem details, with the failing fields of a bad request. */
export const Problem = z.object(problemMembers).openapi('Problem');
export type Problem = z.infer<typeof Problem>;

/**
 * A roster that has errors (422 of POST /v1/imports): a problem with the job that recorded it and
 * every error of the file by row and column. Built from the problem's own members rather than
 * extended from it, so the document describes it in one piece.
 */
export const RosterInvalidProblem = z
  .object({
    ...problemMembers,
    importId: z.string().openapi({ description: 'The import job that recorded the errors' }),
    rowErrors: z.array(ImportRowError).openapi({ description: 'The errors by row and column (the first 500)' }),
    errorCount: z.number().int().openapi({ description: 'How many errors the file has in all' }),
  })
  .openapi('RosterInvalidProblem');
export type RosterInvalidProblem = z.infer<typeof RosterInvalidProblem>;

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
  501: 'Not implemented',
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
    ...(extra.errors?.length ? { errors: extra.errors } : {}),
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
): FieldProblem[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys?.length
      ? issue.keys.map((key) => ({
          path: `${prefix}/${[...issue.path, key].map(String).join('/')}`,
          message: 'is not a known field',
        }))
      : [{ path: `${prefix}/${issue.path.map(String).join('/')}`, message: issue.message }],
  );
}

/** The status of each kind of refusal: the one place the core's refusals become HTTP. */
const STATUS: Record<RefusalKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  stale: 412,
  refused: 422,
  unsupported: 501,
};

/** Refusals a client must tell apart from others of their status, by their problem type. */
const PROBLEM_TYPES: Record<string, string> = {
  tenantSuspended: 'https://shegong.cn/problems/tenant-suspended',
  signInsNotManaged: 'https://shegong.cn/problems/sign-ins-not-managed',
};

/** A refusal as problem+json: its fields, and for a rules' refusal each finding at its path in the body. */
export function refusalProblem(c: Context, refusal: Refusal) {
  const findings =
    refusal instanceof Refused
      ? refusal.findings.map((f) => ({
          path: `${refusal.at}${f.path}`,
          message: `${f.ruleId}: ${f.message}`,
          ruleId: f.ruleId,
          kind: f.kind,
          amounts: f.amounts,
        }))
      : [];
  // A refusal that passes with time (another try of the same key still in flight) says when.
  if (refusal.retryAfter !== undefined) c.header('Retry-After', String(refusal.retryAfter));
  return problem(c, STATUS[refusal.kind], refusal.message, {
    errors: [...refusal.fields, ...findings],
    ...(refusal.reason && PROBLEM_TYPES[refusal.reason] ? { type: PROBLEM_TYPES[refusal.reason] } : {}),
  });
}

/** An HTTP-level problem a route throws itself (a missing If-Match, a file of the wrong type). */
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
