import { describe, expect, it } from 'vitest';
import { bpToPercent, percentToBp } from './form.ts';

describe('the management share as typed', () => {
  it('turns a percent with up to two decimals into basis points exactly, and back', () => {
    expect(percentToBp('10')).toBe(1000);
    expect(percentToBp('8.5')).toBe(850);
    expect(percentToBp('8.25%')).toBe(825);
    expect(percentToBp('0')).toBe(0);
    expect(percentToBp('100')).toBe(10_000);
    expect([1000, 850, 825, 0, 1].map(bpToPercent)).toEqual(['10', '8.5', '8.25', '0', '0.01']);
  });

  it('refuses more than two decimals, more than 100 % and anything that is not a number', () => {
    for (const text of ['8.125', '100.01', '-1', 'ten', '']) expect(percentToBp(text)).toBeUndefined();
  });
});
