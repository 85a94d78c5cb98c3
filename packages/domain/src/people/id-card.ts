import { chinaToday, isRealIsoDate } from './dates.ts';

/**
 * Citizen identity number (公民身份号码), GB 11643-1999: 6 digits of the registering region,
 * 8 digits of birth date (YYYYMMDD), 3 digits of sequence and a check character computed from the
 * first 17 with the weights 2^(17−i) mod 11; sum mod 11 indexes '10X98765432'.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character for the first 17 digits, or undefined when they are not 17 digits. */
export function idCardCheckCharacter(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK[sum % 11];
}

/** The birth date written in an 18-character number, as 'YYYY-MM-DD' (not checked). */
export function idCardBirthDate(value: string): string {
  return `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
}

/**
 * Whether `value` is a well-formed 18-character citizen ID number: 17 digits and the right check
 * character, a birth date that is a real day from 1900 on and not after `today` (China time by
 * default). A lower-case 'x' is accepted as the check character, since people type it; the person
 * schema stores the number upper-cased. The old 15-digit numbers are not accepted.
 */
export function isValidIdCardNumber(value: string, today: string = chinaToday()): boolean {
  const number = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(number)) return false;
  const born = idCardBirthDate(number);
  if (!isRealIsoDate(born) || born < '1900-01-01' || born > today) return false;
  return idCardCheckCharacter(number.slice(0, 17)) === number[17];
}

/** Keeps `head` characters at the start and `tail` at the end and stars the rest. */
function mask(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) {
    // Too short to keep both ends: show only what the tail would show, if anything remains hidden.
    const shown = Math.max(0, Math.min(tail, value.length - 1));
    return '*'.repeat(value.length - shown) + value.slice(value.length - shown);
  }
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(value.length - tail);
}

/** '450602199001011239' → '450602********1239': the region and the last four stay visible. */
export function maskIdCard(value: string): string {
  return mask(value, 6, 4);
}

/** '13812345678' → '138****5678'. */
export function maskPhone(value: string): string {
  return mask(value, 3, 4);
}
