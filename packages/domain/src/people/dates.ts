/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD', a day in China time). The strings are read as
 * UTC midnights, so no daylight-saving or host time zone can shift a day.
 *
 * Convention for months and years: add to the month (or year) and keep the day of the month, and
 * where that day does not exist, take the last day of the target month. So 2024-01-31 + 1 month is
 * 2024-02-29, and 2024-02-29 + 1 year is 2025-02-28. Subtracting works the same way.
 */

const DAY_MS = 86_400_000;

/** Whether `value` is a real calendar date written 'YYYY-MM-DD' (2025-02-29 is not). */
export function isRealIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Days since 1970-01-01 (a whole number; 1970-01-02 is 1). */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** `to − from` in days: 0 for the same day, 1 for the next. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** Adds whole months, clamping the day to the end of a shorter month (see the convention above). */
export function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month0 = Number(date.slice(5, 7)) - 1;
  const day = Number(date.slice(8, 10));
  const total = year * 12 + month0 + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth0 = total - targetYear * 12;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth0));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth0 + 1).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/**
 * Whole years from `start` through `end`, both days included: n years are complete once
 * `end` reaches start + n years − 1 day. 2021-01-01 … 2023-12-31 is 3 years; … 2023-12-30 is 2.
 */
export function wholeYearsThrough(start: string, end: string): number {
  if (end < start) return 0;
  let years = Number(end.slice(0, 4)) - Number(start.slice(0, 4)) + 1;
  while (years > 0 && addDays(addYears(start, years), -1) > end) years--;
  return years;
}

/** Today's date in China (UTC+8, no daylight saving). The only impure helper: pass `now` in tests. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
