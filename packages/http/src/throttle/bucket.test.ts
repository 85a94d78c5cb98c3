import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './bucket.ts';

/** A clock the test moves by hand, so nothing depends on how fast the machine runs. */
function clock() {
  let ms = 0;
  return { now: () => ms, advance: (s: number) => (ms += s * 1000) };
}

describe('token buckets', () => {
  it('allows the burst at once, then refuses with the seconds until the next token', () => {
    const time = clock();
    const buckets = new TokenBuckets({ rate: 2, burst: 3 }, time.now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBeCloseTo(0.5);
    time.advance(0.25);
    expect(buckets.take('a')).toBeCloseTo(0.25);
    time.advance(0.25);
    expect(buckets.take('a')).toBe(0);
  });

  it('keeps each key its own bucket', () => {
    const time = clock();
    const buckets = new TokenBuckets({ rate: 1, burst: 1 }, time.now);
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBeGreaterThan(0);
    expect(buckets.take('b')).toBe(0);
  });

  it('refills at the rate up to the burst, no more', () => {
    const time = clock();
    const buckets = new TokenBuckets({ rate: 10, burst: 2 }, time.now);
    buckets.take('a');
    buckets.take('a');
    time.advance(60);
    expect([buckets.take('a'), buckets.take('a')]).toEqual([0, 0]);
    expect(buckets.take('a')).toBeGreaterThan(0);
  });

  it('refuses settings that would never admit a request', () => {
    expect(() => new TokenBuckets({ rate: 0, burst: 5 })).toThrow(/positive rate/);
    expect(() => new TokenBuckets({ rate: 1, burst: 0 })).toThrow(/burst/);
  });
});
