import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, chinaToday, daysBetween, isRealIsoDate, wholeYearsThrough } from './dates.ts';

describe('calendar arithmetic on ISO dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29'); // 2024 is a leap year
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('counts days between dates: 0 for the same day, 366 across leap 2024', () => {
    expect(daysBetween('2026-03-01', '2026-03-01')).toBe(0);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-12-31')).toBe(-1);
  });

  it('keeps the day of the month, or takes the month end when it does not exist', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2026-07-01', -3)).toBe('2026-04-01');
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('counts whole years with both ends included', () => {
    expect(wholeYearsThrough('2021-01-01', '2023-12-31')).toBe(3); // 2021-01-01 + 3 y − 1 d = 2023-12-31
    expect(wholeYearsThrough('2021-01-01', '2023-12-30')).toBe(2);
    expect(wholeYearsThrough('2021-01-01', '2021-01-01')).toBe(0);
    expect(wholeYearsThrough('2024-02-29', '2025-02-27')).toBe(1); // 2025-02-28 − 1 d
    expect(wholeYearsThrough('2024-02-29', '2025-02-26')).toBe(0);
    expect(wholeYearsThrough('2025-01-01', '2024-12-31')).toBe(0);
  });

  it('tells real dates from impossible ones', () => {
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    expect(isRealIsoDate('2025-02-29')).toBe(false);
    expect(isRealIsoDate('2025-13-01')).toBe(false);
    expect(isRealIsoDate('20250101')).toBe(false);
  });

  it('gives the date in China: 16:00 UTC is already the next day in Beijing', () => {
    expect(chinaToday(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(chinaToday(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
});
