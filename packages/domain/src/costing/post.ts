import { z } from 'zod';
import { CERT_LEVELS, type CertLevel, type RuleSetParameters } from '../rules/rule-set.ts';
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

export interface PostCost {
  certLevel: CertLevel;
  ftePercent: number;
  months: number;
  /** The guideline floor for the level, fen a month (P-W3). */
  floor: number;
  /** Step 1, G: the given pay, else the floor. */
  pay: number;
  payFrom: 'given' | 'floor';
  /** Step 2: min(max(G, baseFloor), baseCap). */
  siBase: number;
  /** Step 2: each item round(siBase × rate / 10000). */
  siItems: Record<SocialInsuranceItem, number>;
  /** Step 2: SI, the sum of the items. */
  si: number;
  /** Step 3: min(max(G, hf.baseFloor), hf.baseCap). */
  hfBase: number;
  /** Step 3: HF = round(hfBase × hf.rate / 10000). */
  hf: number;
  /** Step 4: M = G + SI + HF, one full-time post for a month. */
  monthly: number;
  /** Step 5: round(M × fte × months / 100). */
  cost: number;
  /** The rule each figure follows, where one applies: P-W3 for a pay taken from the floor, P-W1 for SI and HF. */
  ruleIds: { pay?: 'P-W3'; siBase: 'P-W1'; si: 'P-W1'; hfBase: 'P-W1'; hf: 'P-W1' };
}

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
