import { z } from '@hono/zod-openapi';
import { Finding as DomainFinding } from '@shegong/domain';
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

/**
 * A rule check's result: the domain's union, told apart by `kind`, each kind with its rule id, a
 * JSON pointer to the figure and its own typed amounts (fen, bp, tenth-hours, months, dates).
 */
export const Finding = DomainFinding.meta({ id: 'Finding' });

/** The rule set a figure was computed with (a signed version keeps it, so its numbers never move). */
export const RuleSetRef = z
  .object({
    id: z.string(),
    region: z.string(),
    effectiveFrom: z.string(),
    version: z.number().int(),
    title: z.string(),
  })
  .openapi('RuleSetRef');

/** An amount per budget line of a contract, fen. */
export const BudgetLines = z.object({
  personnel: z.number().int(),
  supervision: z.number().int(),
  activities: z.number().int(),
  management: z.number().int(),
  tax: z.number().int(),
  other: z.number().int(),
});

/** One post costed by COSTING.md steps 1–5, every figure in fen. */
export const PostCost = z
  .object({
    certLevel: z.string(),
    ftePercent: z.number().int(),
    months: z.number().int(),
    floor: z.number().int().openapi({ description: 'P-W3 pay floor of the level, fen a month' }),
    pay: z.number().int(),
    payFrom: z.enum(['given', 'floor']),
    siBase: z.number().int(),
    siItems: z.record(z.string(), z.number().int()),
    si: z.number().int(),
    hfBase: z.number().int(),
    hf: z.number().int(),
    monthly: z.number().int(),
    cost: z.number().int(),
    ruleIds: z.record(z.string(), z.string()).openapi({ description: 'The rule each figure follows' }),
  })
  .openapi('PostCost');

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
