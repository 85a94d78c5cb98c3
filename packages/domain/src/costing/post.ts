import { z } from 'zod';
import { CERT_LEVELS, type RuleSetParameters } from '../rules/rule-set.ts';
import { count, fen } from '../units/units.ts';
import { product, roundHalfUp } from './rounding.ts';

/**
 * One post of a staffing plan, costed per COSTING.md "One post of a staffing plan", steps 1–5.
 * Every intermediate figure is returned so pages and exports can show the same fen.
 */

/** The five employer social-insurance items, in the order COSTING.md lists them. */
export const SOCIAL_INSURANCE_ITEMS = ['pension', 'medical', 'unemployment', 'workInjury', 'maternity'] as const;
export type SocialInsuranceItem = (typeof SOCIAL_INSURANCE_ITEMS)[number];

/** The longest term a post can be planned for (the rule-set schema's own ceiling for N-1). */
export const MAX_POST_MONTHS = 120;

export const Post = z.strictObject({
  certLevel: z.enum(CERT_LEVELS, { error: `must be one of ${CERT_LEVELS.join(', ')}` }),
  /** Full-time equivalent in whole percent. */
  ftePercent: z
    .number({ error: 'must be a number' })
    .int('must be a whole percent')
    .min(1, 'must be at least 1 %')
    .max(100, 'cannot exceed 100 %'),
  /** Months of the contract term the post is staffed. */
  months: z
    .number({ error: 'must be a number' })
    .int('must be whole months')
    .min(1, 'must be at least 1 month')
    .max(MAX_POST_MONTHS, `cannot exceed ${MAX_POST_MONTHS} months`),
  /** Monthly gross pay G, fen (a named person's pay or the ladder band); the floor when absent. */
  monthlyPay: z
    .number({ error: 'must be a number' })
    .int('must be whole fen')
    .min(0, 'cannot be negative')
    .max(100_000_000_00, 'is implausibly large')
    .optional(),
});
export type PostInput = z.infer<typeof Post>;

/** A figure of a post's costing, fen. */
const amount = fen;

export const PostCost = z
  .object({
    certLevel: z.enum(CERT_LEVELS),
    ftePercent: count.describe('Full-time equivalent, whole percent'),
    months: count,
    floor: amount.describe('P-W3 pay floor of the level, fen a month'),
    pay: amount.describe('Step 1, G: the given monthly pay, else the floor'),
    payFrom: z.enum(['given', 'floor']),
    siBase: amount.describe('Step 2: min(max(G, baseFloor), baseCap)'),
    siItems: z
      .object({ pension: amount, medical: amount, unemployment: amount, workInjury: amount, maternity: amount })
      .describe('Step 2: each item round(siBase × rate / 10000)'),
    si: amount.describe('Step 2: SI, the sum of the items'),
    hfBase: amount.describe('Step 3: min(max(G, hf.baseFloor), hf.baseCap)'),
    hf: amount.describe('Step 3: HF = round(hfBase × hf.rate / 10000)'),
    monthly: amount.describe('Step 4: M = G + SI + HF, one full-time post for a month'),
    cost: amount.describe('Step 5: round(M × fte × months / 100)'),
    ruleIds: z
      .object({
        pay: z.literal('P-W3').optional(),
        siBase: z.literal('P-W1'),
        si: z.literal('P-W1'),
        hfBase: z.literal('P-W1'),
        hf: z.literal('P-W1'),
      })
      .describe('The rule each figure follows: P-W3 for a pay taken from the floor, P-W1 for SI and HF'),
  })
  .meta({ id: 'PostCost', description: 'One post costed by COSTING.md steps 1–5, every figure in fen' });
export type PostCost = z.infer<typeof PostCost>;

const clamp = (value: number, floor: number, cap: number) => Math.min(Math.max(value, floor), cap);

/** COSTING.md steps 1–5 for one post (the input is assumed valid per `Post`). */
export function costPost(post: PostInput, rules: RuleSetParameters): PostCost {
  const floor = rules.payFloor[post.certLevel];
  const payFrom = post.monthlyPay === undefined ? 'floor' : 'given';
  const pay = post.monthlyPay ?? floor;

  const si = rules.socialInsurance;
  const siBase = clamp(pay, si.baseFloor, si.baseCap);
  const siItems = {
    pension: roundHalfUp(siBase * si.pension, 10_000),
    medical: roundHalfUp(siBase * si.medical, 10_000),
    unemployment: roundHalfUp(siBase * si.unemployment, 10_000),
    workInjury: roundHalfUp(siBase * si.workInjury, 10_000),
    maternity: roundHalfUp(siBase * si.maternity, 10_000),
  };
  const siTotal = siItems.pension + siItems.medical + siItems.unemployment + siItems.workInjury + siItems.maternity;

  const hf = rules.housingFund;
  const hfBase = clamp(pay, hf.baseFloor, hf.baseCap);
  const hfAmount = roundHalfUp(hfBase * hf.rate, 10_000);

  const monthly = pay + siTotal + hfAmount;
  const cost = roundHalfUp(product(monthly, post.ftePercent, post.months), 100);

  return {
    certLevel: post.certLevel,
    ftePercent: post.ftePercent,
    months: post.months,
    floor,
    pay,
    payFrom,
    siBase,
    siItems,
    si: siTotal,
    hfBase,
    hf: hfAmount,
    monthly,
    cost,
    ruleIds: {
      ...(payFrom === 'floor' ? { pay: 'P-W3' as const } : {}),
      siBase: 'P-W1',
      si: 'P-W1',
      hfBase: 'P-W1',
      hf: 'P-W1',
    },
  };
}
