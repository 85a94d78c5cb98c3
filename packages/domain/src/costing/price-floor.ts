import { z } from 'zod';
import type { RuleSetParameters } from '../rules/rule-set.ts';
import { fen } from '../units/units.ts';
import { BudgetLines } from './lines.ts';
import { costPost, type PostInput } from './post.ts';
import { compareProducts, product, roundHalfUp } from './rounding.ts';

/**
 * COSTING.md "The price floor": the smallest whole-fen contract value V such that, with
 *   tax(V) = round(V × t / 10000), mgmt(V) = round(V × m / 10000),
 *   P(V) = V − tax(V) − mgmt(V) − F          (F = supervision + activities + other),
 * both (A) P(V) ≥ L and (B) P(V) × 10000 ≥ V × s hold (t = taxRate, m = the management share
 * asked for, s = minLabourShare, L = labour cost).
 *
 * Why a short search and not a formula. Write k = 10000 − t − m and d = k − s, and the unrounded
 * P*(V) = V × k / 10000 − F. Half-up rounding moves each of the two rounded lines by δ with
 * −½ < δ ≤ ½, so tax + mgmt lies in (exact − 1, exact + 1] and
 *   P*(V) − 1 ≤ P(V) < P*(V) + 1.
 * P is not monotone in V (one more fen of value can add a fen to a rounded line), so the smallest V
 * is found by scanning, between bounds that follow from that inequality:
 *   necessary  (A) needs P* + 1 > L:          V × k > 10000 × (L + F − 1)
 *              (B) needs (P* + 1) × 10000 > V × s:  V × d > 10000 × (F − 1)
 *   sufficient (A) holds when P* − 1 ≥ L:     V × k ≥ 10000 × (L + F + 1)
 *              (B) holds when (P* − 1) × 10000 ≥ V × s:  V × d ≥ 10000 × (F + 1)
 * When d > 0 (so k ≥ d > 0) every V below the larger necessary bound fails and every V from the
 * larger sufficient bound on passes, so scanning upwards from the one, the first V that passes is
 * the answer and the scan stops at the other at the latest: at most 2 × 10000 / d + 2 values
 * (about a dozen for shares like 3 % + 10 % + 70 %).
 *
 * When d ≤ 0 (t + m + s ≥ 10000) the labour share eats everything tax and management leave:
 *  - d < 0: (B) needs V × |d| < 10000 × (1 − F). With F ≥ 1 no V ≥ 0 satisfies it; with F = 0 only
 *    V < 10000 / |d| can, and those few values are scanned (a tiny L may still fit by rounding).
 *  - d = 0: (B) needs F < 1, so F ≥ 1 is infeasible. With F = 0, (B) reads 10000 × (tax + mgmt) ≤
 *    V × (t + m), true at every multiple of 10000 (no rounding there), where P = V × k / 10000; so
 *    if k > 0 the multiple 10000 × ⌈L / k⌉ passes and bounds the scan. If k = 0 (t + m = 10000,
 *    s = 0), P < 1 for every V, so any L > 0 is infeasible.
 * With L = 0 and F = 0, V = 0 passes and is the floor.
 */

export interface PriceFloorInput {
  posts: readonly PostInput[];
  fixed: Pick<BudgetLines, 'supervision' | 'activities' | 'other'>;
  /** m: the management share asked for, bp, at most the rule set's `maxManagementShare`. */
  managementShare: number;
  rules: RuleSetParameters;
}

export const PRICE_FLOOR_REFUSALS = ['management_above_cap', 'invalid_input', 'no_value'] as const;
export type PriceFloorRefusal = (typeof PRICE_FLOOR_REFUSALS)[number];

const FeasibleFloor = z.object({
  feasible: z.literal(true),
  value: fen.describe('The minimum contract value V, fen'),
  lines: BudgetLines,
  labourCost: fen.describe('L, the sum of the post costs'),
});
const NoFloor = z.object({
  feasible: z.literal(false),
  reason: z.enum(PRICE_FLOOR_REFUSALS),
  message: z.string(),
  labourCost: fen.describe('L, the sum of the post costs'),
});

/**
 * The price floor with what a caller adds to both of its outcomes (the rule it applies, the shares
 * it was found with): one union, so a reader narrows on `feasible` whatever was added.
 */
export const priceFloorWith = <S extends z.ZodRawShape>(shape: S) =>
  z.discriminatedUnion('feasible', [FeasibleFloor.extend(shape), NoFloor.extend(shape)]);

export const PriceFloor = priceFloorWith({});
export type PriceFloor = z.infer<typeof PriceFloor>;

/** The budget lines COSTING.md derives from a value V, and whether they meet both conditions. */
export function linesForValue(
  value: number,
  labourCost: number,
  fixed: PriceFloorInput['fixed'],
  managementShare: number,
  rules: RuleSetParameters,
): { lines: BudgetLines; ok: boolean } {
  const tax = roundHalfUp(product(value, rules.taxRate), 10_000);
  const management = roundHalfUp(product(value, managementShare), 10_000);
  const personnel = value - tax - management - fixed.supervision - fixed.activities - fixed.other;
  const ok = personnel >= labourCost && compareProducts(personnel, 10_000, value, rules.minLabourShare) >= 0;
  return {
    lines: {
      personnel,
      supervision: fixed.supervision,
      activities: fixed.activities,
      management,
      tax,
      other: fixed.other,
    },
    ok,
  };
}

/** ⌊a / b⌋ + 1 for bigints with b > 0: the smallest whole x with x × b > a (a may be negative). */
function firstAbove(a: bigint, b: bigint): bigint {
  const q = a / b; // truncates towards zero
  const floor = a < 0n && q * b !== a ? q - 1n : q;
  return floor + 1n;
}

/** ⌈a / b⌉ for bigints with b > 0 and a ≥ 0. */
function ceilBig(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** The largest of some bigints (Math.max takes numbers only). */
function max(first: bigint, ...rest: bigint[]): bigint {
  let largest = first;
  for (const x of rest) if (x > largest) largest = x;
  return largest;
}

export function priceFloor({ posts, fixed, managementShare, rules }: PriceFloorInput): PriceFloor {
  const labourCost = posts.reduce((sum, post) => sum + costPost(post, rules).cost, 0);
  const refuse = (reason: PriceFloorRefusal, message: string): PriceFloor => ({
    feasible: false,
    reason,
    message,
    labourCost,
  });

  if (!Number.isInteger(managementShare) || managementShare < 0)
    return refuse('invalid_input', `The management share must be whole basis points, got ${managementShare}.`);
  if (managementShare > rules.maxManagementShare)
    return refuse(
      'management_above_cap',
      `A management share of ${managementShare} bp is above the local cap of ${rules.maxManagementShare} bp.`,
    );
  for (const line of ['supervision', 'activities', 'other'] as const)
    if (!Number.isSafeInteger(fixed[line]) || fixed[line] < 0)
      return refuse('invalid_input', `The ${line} line must be whole fen, not negative.`);

  const F = fixed.supervision + fixed.activities + fixed.other;
  const t = rules.taxRate;
  const s = rules.minLabourShare;
  const k = 10_000 - t - managementShare;
  const d = k - s;
  const noValue = refuse(
    'no_value',
    `No contract value works: tax ${t} bp, management ${managementShare} bp and the labour-share minimum ${s} bp leave nothing for the fixed lines (${F} fen) and the labour cost (${labourCost} fen).`,
  );

  const passes = (v: number) => linesForValue(v, labourCost, fixed, managementShare, rules).ok;
  const found = (v: number): PriceFloor => ({
    feasible: true,
    value: v,
    lines: linesForValue(v, labourCost, fixed, managementShare, rules).lines,
    labourCost,
  });
  const scan = (from: bigint, to: bigint): number | undefined => {
    if (to > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('the price floor is beyond a safe integer');
    for (let v = Number(from < 0n ? 0n : from); v <= Number(to); v++) if (passes(v)) return v;
    return undefined;
  };

  if (labourCost === 0 && F === 0) return found(0);

  const bL = BigInt(labourCost);
  const bF = BigInt(F);
  const TEN_K = 10_000n;

  if (d > 0) {
    const bk = BigInt(k);
    const bd = BigInt(d);
    const from = max(firstAbove(TEN_K * (bL + bF - 1n), bk), firstAbove(TEN_K * (bF - 1n), bd), 0n);
    const to = max(ceilBig(TEN_K * (bL + bF + 1n), bk), ceilBig(TEN_K * (bF + 1n), bd));
    const v = scan(from, to);
    if (v === undefined) throw new Error(`price floor: no value in [${from}, ${to}] although ${to} is sufficient`);
    return found(v);
  }
  if (F > 0) return noValue;
  // F = 0 and L > 0 from here.
  if (d < 0) {
    const v = scan(0n, (TEN_K - 1n) / BigInt(-d));
    return v === undefined ? noValue : found(v);
  }
  // d = 0
  if (k <= 0) return noValue;
  const bk = BigInt(k);
  const v = scan(firstAbove(TEN_K * (bL - 1n), bk), TEN_K * ceilBig(bL, bk));
  return v === undefined ? noValue : found(v);
}
