/**
 * A date as a form posts it. A browser's date picker posts `2024-06-23`; someone typing in a
 * browser without one (or pasting from a spreadsheet) writes `2024/06/23`, `2024/6/23`,
 * `2024.6.23` or `2024年6月23日`. Each of those is read as the ISO day it names; anything else is
 * returned as typed, for the form's own check to name the field. Whether the day exists is that
 * check's business too (it is the schema's `isoDate`).
 */
const TYPED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

export function formDate(text: string): string {
  const typed = TYPED.exec(text.trim());
  if (!typed) return text;
  const [, year, month, day] = typed as unknown as [string, string, string, string];
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
