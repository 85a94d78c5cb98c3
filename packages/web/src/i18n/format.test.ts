import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatMonth } from './format.ts';

describe('formatDate', () => {
  it('writes dates the Chinese way and the English way', () => {
    expect(formatDate('2026-11-25', 'zh-CN')).toBe('2026年11月25日');
    expect(formatDate('2026-11-25', 'en')).toBe('25 Nov 2026');
  });

  it('shows an ISO time on its date in China (UTC+8)', () => {
    expect(formatDate('2026-11-24T17:30:00.000Z', 'zh-CN')).toBe('2026年11月25日');
    expect(formatDate('2026-11-24T15:59:59.000Z', 'en')).toBe('24 Nov 2026');
  });

  it('leaves what is not a date as it is', () => {
    expect(formatDate('soon', 'en')).toBe('soon');
  });
});

describe('formatMonth', () => {
  it('writes months as 2026年11月 / Nov 2026', () => {
    expect(formatMonth('2026-11', 'zh-CN')).toBe('2026年11月');
    expect(formatMonth('2026-01', 'en')).toBe('Jan 2026');
    expect(formatMonth('2026-13', 'en')).toBe('2026-13');
  });
});

describe('formatMoney', () => {
  it('turns fen into yuan with thousands separators', () => {
    expect(formatMoney(1234567)).toBe('¥12,345.67');
    expect(formatMoney(5)).toBe('¥0.05');
    expect(formatMoney(100000000)).toBe('¥1,000,000.00');
    expect(formatMoney(-250)).toBe('-¥2.50');
  });

  it('refuses fractions of a fen', () => {
    expect(() => formatMoney(1.5)).toThrow(RangeError);
  });
});
