import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type BudgetLines,
  ContractPost,
  type CostedPostInput,
  ceilDiv,
  compareProducts,
  costPlan,
  type Finding,
  floorDiv,
  isoDate,
  linesForValue,
  type NamedPerson,
  type PostCost,
  type PriceFloor,
  priceFloor,
  product,
  type RuleSetParameters,
  regionCode,
  resolveNamedPosts,
} from '@shegong/domain';
import { type RuleSetRef, ruleSetRefOf, type TenantRepositories } from '@shegong/store';
import { authorize } from '../auth/access.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { ProblemError } from '../problem/problem.ts';
import {
  BudgetLines as BudgetLinesSchema,
  errorResponses,
  Finding as FindingSchema,
  PostCost as PostCostSchema,
  RuleSetRef as RuleSetRefSchema,
} from '../schemas.ts';

/**
 * The price-floor calculator (issue 4, points 3 and 6): what a contract must be worth for a staffing
 * plan to be paid at the guideline, before the organisation bids. Stateless: it reads the rule set
 * and the named persons and writes nothing. The figures are the domain's (COSTING.md "The price
 * floor"); this module adds the explanation a user needs to trust the number — at the floor and one
 * fen below it, which of the two P-W2 conditions holds.
 */

/**
 * Who may try prices: the contract writers and hr. It writes nothing, but a named person's pay is
 * read from the registry, which staff do not see of others.
 */
export const PRICE_FLOOR_USERS = { kinds: ['org'], roles: ['admin', 'project_manager', 'finance', 'hr'] } as const;

const fen = z
  .number({ error: 'must be a number' })
  .int('must be whole fen')
  .min(0, 'cannot be negative')
  .max(100_000_000_000_00, 'is implausibly large');

export const PriceFloorInput = z.strictObject({
  /** The purchaser's region: its rule set in force on the start date applies. */
  region: regionCode,
  startDate: isoDate,
  posts: z.array(ContractPost).max(500, 'at most 500 posts'),
  fixed: z.strictObject({ supervision: fen, activities: fen, other: fen }),
  /** m, bp; the rule set's cap when absent. */
  managementShare: z
    .number({ error: 'must be a number' })
    .int('must be whole basis points')
    .min(0, 'cannot be negative')
    .max(10_000, 'cannot exceed 10000 bp')
    .optional(),
});
export type PriceFloorInput = z.infer<typeof PriceFloorInput>;

/** A realistic request (Fangchenggang 2023): two frontline posts and a part-time supervisor. */
export const PRICE_FLOOR_EXAMPLE: PriceFloorInput = {
  region: '450602',
  startDate: '2026-01-01',
  posts: [
    { title: '社工', role: 'frontline', certLevel: 'social_worker', ftePercent: 100, months: 12 },
    { title: '社工助理', role: 'frontline', certLevel: 'assistant', ftePercent: 100, months: 12, monthlyPay: 350_000 },
    { title: '督导', role: 'supervisor', certLevel: 'senior', ftePercent: 20, months: 12 },
  ],
  fixed: { supervision: 300_000, activities: 1_200_000, other: 100_000 },
  managementShare: 800,
};

export type FloorCondition = 'labourCost' | 'labourShare';

/** The two P-W2 conditions for one value V, with the lines COSTING.md derives from it. */
export interface FloorConditions {
  value: number;
  lines: BudgetLines;
  /** personnel ≥ L. */
  labourCost: { holds: boolean; personnel: number; required: number; ruleId: 'P-W2' };
  /** personnel × 10000 ≥ V × minLabourShare; `required` = ⌈V × minLabourShare / 10000⌉. */
  labourShare: {
    holds: boolean;
    personnel: number;
    required: number;
    /** personnel as a share of V, bp rounded down (0 when personnel is not positive). */
    shareBp: number;
    minLabourShare: number;
    ruleId: 'P-W2';
  };
}

export interface PriceFloorCalculation {
  region: string;
  startDate: string;
  ruleSet: RuleSetRef;
  /** The rule-set figures the floor turns on, bp. */
  rules: Pick<RuleSetParameters, 'taxRate' | 'minLabourShare' | 'maxManagementShare'>;
  managementShare: number;
  fixed: PriceFloorInput['fixed'];
  /** Each post as costed (named persons' pay and certificate filled in), with its title and role. */
  posts: (PostCost & { title: string; role: string; personId?: string; personName?: string })[];
  labourCost: number;
  /** P-W3: posts paid under the floor (the floor still pays them as given). */
  findings: Finding[];
  priceFloor: PriceFloor & { ruleId: 'P-W2' };
  /** At the floor and one fen below it: which condition holds (absent when there is no value). */
  conditions?: { atFloor: FloorConditions; belowFloor?: FloorConditions };
  /** The conditions that fail one fen below the floor: why it is the smallest. */
  binding: FloorCondition[];
}

export function conditionsAt(
  value: number,
  labourCost: number,
  fixed: PriceFloorInput['fixed'],
  managementShare: number,
  rules: RuleSetParameters,
): FloorConditions {
  const { lines } = linesForValue(value, labourCost, fixed, managementShare, rules);
  const { personnel } = lines;
  return {
    value,
    lines,
    labourCost: { holds: personnel >= labourCost, personnel, required: labourCost, ruleId: 'P-W2' },
    labourShare: {
      holds: compareProducts(personnel, 10_000, value, rules.minLabourShare) >= 0,
      personnel,
      required: ceilDiv(product(value, rules.minLabourShare), 10_000),
      shareBp: personnel > 0 && value > 0 ? floorDiv(product(personnel, 10_000), value) : 0,
      minLabourShare: rules.minLabourShare,
      ruleId: 'P-W2',
    },
  };
}

/** The calculation for posts already resolved (pure: the page's preview and the API share it). */
export function explainPriceFloor(
  posts: readonly CostedPostInput[],
  fixed: PriceFloorInput['fixed'],
  managementShare: number,
  rules: RuleSetParameters,
): Pick<PriceFloorCalculation, 'posts' | 'labourCost' | 'findings' | 'priceFloor' | 'conditions' | 'binding'> {
  // costPlan with an empty budget: the post costs, L and the P-W3 findings, and nothing else of the budget.
  const zero = { personnel: 0, supervision: 0, activities: 0, management: 0, tax: 0, other: 0 };
  const costing = costPlan({ posts, budget: { value: 0, lines: zero }, rules });
  const floor = priceFloor({ posts, fixed, managementShare, rules });
  const costed = costing.posts.map((cost, i) => {
    const post = posts[i]!;
    return {
      ...cost,
      title: post.title,
      role: post.role,
      ...(post.personId ? { personId: post.personId } : {}),
      ...(post.personName ? { personName: post.personName } : {}),
    };
  });
  const base = {
    posts: costed,
    labourCost: costing.labourCost,
    findings: costing.findings.filter((f) => f.kind === 'payBelowFloor'),
    priceFloor: { ...floor, ruleId: 'P-W2' as const },
  };
  if (!floor.feasible) return { ...base, binding: [] };
  const atFloor = conditionsAt(floor.value, costing.labourCost, fixed, managementShare, rules);
  if (floor.value === 0) return { ...base, conditions: { atFloor }, binding: [] };
  const belowFloor = conditionsAt(floor.value - 1, costing.labourCost, fixed, managementShare, rules);
  const binding = (['labourCost', 'labourShare'] as const).filter((c) => !belowFloor[c].holds);
  return { ...base, conditions: { atFloor, belowFloor }, binding };
}

/** Named persons of the registry by id (only the ones the posts name), as the costing needs them. */
export async function namedPeople(
  repos: TenantRepositories,
  posts: readonly { personId?: string | undefined }[],
): Promise<Map<string, NamedPerson>> {
  const ids = [...new Set(posts.map((p) => p.personId).filter((id): id is string => !!id))];
  const people = await Promise.all(ids.map((id) => repos.people.find(id)));
  return new Map(
    people
      .filter((p) => p !== undefined)
      .map((p) => [p.id, { id: p.id, name: p.name, monthlyPay: p.monthlyPay, certificates: p.certificates }]),
  );
}

/**
 * The calculator: the rule set in force for the purchaser's region on the start date (none → 422
 * at /startDate), named persons' pay and certificate (an unknown one → 422 at /posts/i/personId),
 * then the floor explained. Writes nothing.
 */
export async function calculatePriceFloor(
  deps: AppDeps,
  repos: TenantRepositories,
  input: PriceFloorInput,
): Promise<PriceFloorCalculation> {
  const [ruleSet, people] = await Promise.all([
    deps.store.ruleSetInForce(input.region, input.startDate),
    namedPeople(repos, input.posts),
  ]);
  if (!ruleSet)
    throw new ProblemError(422, 'No rule set is in force for the purchaser’s region on the start date', [
      {
        path: '/startDate',
        message: `no bureau has published a rule set for region ${input.region} in force on ${input.startDate}`,
      },
    ]);
  const rules = ruleSet.parameters;
  const { posts, unknown } = resolveNamedPosts(input.posts, people, input.startDate);
  if (unknown.length)
    throw new ProblemError(
      422,
      'A post names someone who is not in your staff registry',
      unknown.map((i) => ({ path: `/posts/${i}/personId`, message: 'is not a person in your staff registry' })),
    );
  const managementShare = input.managementShare ?? rules.maxManagementShare;
  if (managementShare > rules.maxManagementShare)
    throw new ProblemError(422, 'The management share is above the local cap', [
      {
        path: '/managementShare',
        message: `cannot exceed the local cap of ${rules.maxManagementShare} bp (N-7)`,
      },
    ]);
  return {
    region: input.region,
    startDate: input.startDate,
    ruleSet: ruleSetRefOf(ruleSet),
    rules: {
      taxRate: rules.taxRate,
      minLabourShare: rules.minLabourShare,
      maxManagementShare: rules.maxManagementShare,
    },
    managementShare,
    fixed: input.fixed,
    ...explainPriceFloor(posts, input.fixed, managementShare, rules),
  };
}

const Conditions = z.object({
  value: z.number().int(),
  lines: BudgetLinesSchema,
  labourCost: z.object({
    holds: z.boolean(),
    personnel: z.number().int(),
    required: z.number().int(),
    ruleId: z.literal('P-W2'),
  }),
  labourShare: z.object({
    holds: z.boolean(),
    personnel: z.number().int(),
    required: z.number().int(),
    shareBp: z.number().int(),
    minLabourShare: z.number().int(),
    ruleId: z.literal('P-W2'),
  }),
});

const PriceFloorResult = z
  .object({
    region: z.string(),
    startDate: z.string(),
    ruleSet: RuleSetRefSchema,
    rules: z.object({
      taxRate: z.number().int(),
      minLabourShare: z.number().int(),
      maxManagementShare: z.number().int(),
    }),
    managementShare: z.number().int(),
    fixed: z.object({ supervision: z.number().int(), activities: z.number().int(), other: z.number().int() }),
    posts: z.array(
      PostCostSchema.extend({
        title: z.string(),
        role: z.string(),
        personId: z.string().optional(),
        personName: z.string().optional(),
      }),
    ),
    labourCost: z.number().int().openapi({ description: 'L, the sum of the post costs (fen)' }),
    findings: z.array(FindingSchema),
    priceFloor: z.union([
      z.object({
        feasible: z.literal(true),
        value: z.number().int().openapi({ description: 'The minimum contract value V, fen' }),
        lines: BudgetLinesSchema,
        labourCost: z.number().int(),
        ruleId: z.literal('P-W2'),
      }),
      z.object({
        feasible: z.literal(false),
        reason: z.enum(['management_above_cap', 'invalid_input', 'no_value']),
        message: z.string(),
        labourCost: z.number().int(),
        ruleId: z.literal('P-W2'),
      }),
    ]),
    conditions: z
      .object({ atFloor: Conditions, belowFloor: Conditions.optional() })
      .optional()
      .openapi({ description: 'The two P-W2 conditions at the floor and one fen below it' }),
    binding: z
      .array(z.enum(['labourCost', 'labourShare']))
      .openapi({ description: 'The conditions that fail one fen below the floor: why it is the smallest' }),
  })
  .openapi('PriceFloorCalculation');

const PriceFloorBody = PriceFloorInput.meta({ id: 'PriceFloorInput', example: PRICE_FLOOR_EXAMPLE });

/** POST /v1/contracts/price-floor, mounted on the exports router (before /contracts/{contractId}). */
export const priceFloorRoutes = new OpenAPIHono<AppEnv>().openapi(
  createRoute({
    method: 'post',
    path: '/contracts/price-floor',
    summary: 'The minimum contract value for a staffing plan (price floor), with why it is the smallest',
    description:
      'Stateless: costs the posts with the rule set in force for the purchaser’s region on the start date and finds the smallest whole-fen value whose personnel line covers the labour cost and the local labour share (P-W2), with tax and management derived from the value. Nothing is written. Posts with `personId` take the person’s pay and highest certificate. `managementShare` defaults to the local cap.',
    tags: ['contracts'],
    middleware: [authorize(PRICE_FLOOR_USERS)] as const,
    request: { body: { required: true, content: { 'application/json': { schema: PriceFloorBody } } } },
    responses: {
      200: {
        description: 'The price floor and its explanation (or why no value exists)',
        content: { 'application/json': { schema: PriceFloorResult } },
      },
      422: { description: 'No rule set in force, an unknown person, or a management share above the cap' },
      ...errorResponses,
    },
  }),
  async (c) => {
    const result = await calculatePriceFloor(c.var.deps, c.var.repos, c.req.valid('json'));
    return c.json(result as z.infer<typeof PriceFloorResult>, 200);
  },
);
