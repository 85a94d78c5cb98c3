import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth } from './dates.ts';

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
