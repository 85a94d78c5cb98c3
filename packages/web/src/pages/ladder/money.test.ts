import { describe, expect, it } from 'vitest';
import { fenToYuan, yuanToFen } from './money.ts';

describe('yuan in a form ↔ fen', () => {
  it('converts exactly, where binary floating point would not (0.29 × 100 = 28.999…)', () => {
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('3199.99')).toBe(319_999);
    expect(yuanToFen('3200')).toBe(320_000);
    expect(yuanToFen('3200.5')).toBe(320_050);
    expect(yuanToFen(' ¥3,200.05 ')).toBe(320_005);
    expect(yuanToFen('1234567.89')).toBe(123_456_789);
  });

  it('refuses what is not an amount of yuan with at most two decimals', () => {
    for (const bad of ['', '3200.001', '-1', '3e3', 'abc', '32 00', '.5', '3200.'])
      expect(yuanToFen(bad)).toBeUndefined();
  });

  it('writes fen back as the yuan a person would type', () => {
    expect(fenToYuan(320_000)).toBe('3200');
    expect(fenToYuan(319_999)).toBe('3199.99');
    expect(fenToYuan(320_050)).toBe('3200.50');
    expect(fenToYuan(5)).toBe('0.05');
    for (const fen of [0, 1, 29, 319_999, 123_456_789]) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });
});
