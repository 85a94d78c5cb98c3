import { describe, expect, it } from 'vitest';
import { ceilDiv, compareProducts, floorDiv, product, roundHalfUp } from './rounding.ts';

describe('roundHalfUp: half-up to a whole fen, in integers', () => {
  it.each([
    // numerator / denominator = exact value → rounded
    [15_005_000, 10_000, 1501], // 1500.5 → 1501 (x.5 goes up)
    [15_004_999, 10_000, 1500], // 1500.4999 → 1500
    [15_005_001, 10_000, 1501], // 1500.5001 → 1501
    [1, 2, 1], // 0.5 → 1
    [1, 3, 0], // 0.333… → 0
    [2, 3, 1], // 0.666… → 1
    [0, 7, 0],
    [899_860_50, 100, 899_861], // the post-cost rounding of post.test.ts: 899 860.50 → 899 861
    [12_345_600, 100, 123_456], // exact
  ])('rounds %d / %d to %d', (n, d, expected) => {
    expect(roundHalfUp(n, d)).toBe(expected);
    expect(roundHalfUp(BigInt(n), BigInt(d))).toBe(expected);
  });

  it('is exact beyond 2^53 with bigints: (2^60 + 2^59) / 2^60 = 1.5 → 2, and 2^60 − 1 over 2^61 → 0', () => {
    expect(roundHalfUp(2n ** 60n + 2n ** 59n, 2n ** 60n)).toBe(2);
    expect(roundHalfUp(2n ** 60n - 1n, 2n ** 61n)).toBe(0);
    // 9 007 199 254 740 993 (= 2^53 + 1, not a double) × 1 / 2 = 4 503 599 627 370 496.5 → …497
    expect(roundHalfUp(2n ** 53n + 1n, 2n)).toBe(4_503_599_627_370_497);
  });

  it('refuses a negative numerator, a zero denominator and a number that is not a safe integer', () => {
    expect(() => roundHalfUp(-1, 2)).toThrow(RangeError);
    expect(() => roundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => roundHalfUp(2 ** 53 + 2, 10)).toThrow(RangeError);
    expect(() => roundHalfUp(1.5, 10)).toThrow(RangeError);
  });
});

describe('product, ceilDiv, floorDiv, compareProducts', () => {
  it('keeps a safe product a number and turns a larger one into an exact bigint', () => {
    expect(product(389_550, 33, 7)).toBe(89_986_050);
    // A month's cost of 70 000 000 000 fen × 100 % × 120 months = 8.4 × 10^14: still a number.
    expect(product(70_000_000_000, 100, 120)).toBe(840_000_000_000_000);
    // 10^13 fen × 10 000 bp = 10^17 > 2^53: a bigint, exact.
    expect(product(10_000_000_000_000, 10_000)).toBe(100_000_000_000_000_000n);
  });

  it('rounds up and down exactly', () => {
    // 10 000 001 × 7000 / 10 000 = 7 000 000.7 → ⌈⌉ 7 000 001, ⌊⌋ 7 000 000
    expect(ceilDiv(10_000_001 * 7000, 10_000)).toBe(7_000_001);
    expect(floorDiv(10_000_001 * 7000, 10_000)).toBe(7_000_000);
    expect(ceilDiv(70_000_000_000, 10_000)).toBe(7_000_000);
    expect(ceilDiv(10n ** 17n + 1n, 100n)).toBe(10 ** 15 + 1); // 10^15 + 0.01 → 10^15 + 1
  });

  it('compares products exactly, even past 2^53', () => {
    expect(compareProducts(7_000_000, 10_000, 10_000_000, 7000)).toBe(0);
    expect(compareProducts(6_999_999, 10_000, 10_000_000, 7000)).toBe(-1);
    // (2^53 − 1) × 3 vs (2^53 − 2) × 3: doubles would round both to the same value.
    expect(compareProducts(2 ** 53 - 1, 3, 2 ** 53 - 2, 3)).toBe(1);
  });
});
