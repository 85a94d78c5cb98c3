/**
 * Integer arithmetic for the costing (COSTING.md: money is whole fen, rates whole basis points,
 * `round` is half-up). No floating-point fractions are ever rounded: a figure such as
 * `siBase × rate / 10000` is carried as the exact rational numerator / denominator and divided
 * with a remainder.
 *
 * Magnitudes: fen fields are at most 10^10 (the rule-set schema's cap), rates at most 10^4 bp,
 * FTE at most 100 and months at most 120, so `siBase × rate` ≤ 10^14 fits a double exactly, but
 * `M × fte × months` (M can reach ~7 × 10^10) is ≤ 8.4 × 10^14 only by a small margin and
 * `V × rate` for large contract values can pass 2^53 ≈ 9 × 10^15. `product` therefore returns a
 * number while the exact product is a safe integer and a bigint otherwise; the division handles
 * both, so the common case stays fast and the rare one stays exact.
 */

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function assertWhole(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
}

/**
 * The exact product of whole numbers: a number when it is a safe integer, else a bigint.
 * (A double product of safe integers is exact whenever its true value is ≤ 2^53 − 1; when the true
 * value is larger the rounded double is ≥ 2^53, so the test below never accepts an inexact one.)
 */
export function product(...factors: number[]): number | bigint {
  let p = 1;
  for (const f of factors) {
    assertWhole(f, 'a factor');
    p *= f;
  }
  if (Math.abs(p) <= Number.MAX_SAFE_INTEGER) return p;
  return factors.reduce((acc, f) => acc * BigInt(f), 1n);
}

function toBig(value: bigint | number, what: string): bigint {
  if (typeof value === 'bigint') return value;
  assertWhole(value, what);
  return BigInt(value);
}

function toNumber(value: bigint): number {
  if (value > MAX_SAFE || value < -MAX_SAFE) throw new RangeError(`result ${value} is beyond a safe integer`);
  return Number(value);
}

/** Quotient and remainder of a ≥ 0 by d > 0 for safe integers, corrected for float division. */
function divmod(n: number, d: number): [number, number] {
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return [q, r];
}

function checkOperands(numerator: bigint | number, denominator: bigint | number): void {
  if (numerator < 0) throw new RangeError(`the numerator must not be negative, got ${numerator}`);
  if (denominator <= 0) throw new RangeError(`the denominator must be positive, got ${denominator}`);
}

/**
 * `round(numerator / denominator)` half-up, for a non-negative rational: the quotient, plus one
 * when twice the remainder reaches the denominator (x.5 goes up, x.4999… goes down).
 */
export function roundHalfUp(numerator: bigint | number, denominator: bigint | number): number {
  checkOperands(numerator, denominator);
  if (typeof numerator === 'number' && typeof denominator === 'number') {
    assertWhole(numerator, 'the numerator');
    assertWhole(denominator, 'the denominator');
    const [q, r] = divmod(numerator, denominator);
    return r * 2 >= denominator ? q + 1 : q;
  }
  const n = toBig(numerator, 'the numerator');
  const d = toBig(denominator, 'the denominator');
  const q = n / d;
  return toNumber((n - q * d) * 2n >= d ? q + 1n : q);
}

/** ⌈numerator / denominator⌉ for a non-negative rational. */
export function ceilDiv(numerator: bigint | number, denominator: bigint | number): number {
  checkOperands(numerator, denominator);
  if (typeof numerator === 'number' && typeof denominator === 'number') {
    assertWhole(numerator, 'the numerator');
    assertWhole(denominator, 'the denominator');
    const [q, r] = divmod(numerator, denominator);
    return r > 0 ? q + 1 : q;
  }
  const n = toBig(numerator, 'the numerator');
  const d = toBig(denominator, 'the denominator');
  const q = n / d;
  return toNumber(q * d < n ? q + 1n : q);
}

/** ⌊numerator / denominator⌋ for a non-negative rational. */
export function floorDiv(numerator: bigint | number, denominator: bigint | number): number {
  checkOperands(numerator, denominator);
  if (typeof numerator === 'number' && typeof denominator === 'number') {
    assertWhole(numerator, 'the numerator');
    assertWhole(denominator, 'the denominator');
    return divmod(numerator, denominator)[0];
  }
  return toNumber(toBig(numerator, 'the numerator') / toBig(denominator, 'the denominator'));
}

/** a × b compared with c × d exactly: negative, zero or positive like a comparator. */
export function compareProducts(a: number, b: number, c: number, d: number): number {
  const left = product(a, b);
  const right = product(c, d);
  if (typeof left === 'number' && typeof right === 'number') return Math.sign(left - right);
  const l = BigInt(left);
  const r = BigInt(right);
  return l < r ? -1 : l > r ? 1 : 0;
}
