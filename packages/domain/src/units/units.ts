import { z } from 'zod';

/**
 * The units every figure is kept and sent in (DESIGN.md "API conventions"): money in integer fen,
 * rates in integer basis points, hours in tenths, dates as ISO 8601. The schemas of records and
 * computed results build their figures from these, so the OpenAPI document says each unit once.
 */

/** Money: integer fen (分). */
export const fen = z.number().int().meta({ description: 'Integer fen (分)' });
/** A rate or share: integer basis points (100 bp = 1 %). */
export const bp = z.number().int().meta({ description: 'Basis points (100 bp = 1 %)' });
/** Hours in tenths (2.5 hours is 25), so sums stay exact. */
export const tenthHours = z.number().int().meta({ description: 'Tenths of an hour' });
/** A whole number of something: months, days, years, people, versions. */
export const count = z.number().int();
/** A calendar day, `YYYY-MM-DD`. */
export const date = z.string().meta({ description: 'A calendar day, YYYY-MM-DD' });
/** A calendar month, `YYYY-MM`. */
export const month = z.string().meta({ description: 'A calendar month, YYYY-MM' });
/** A moment, as an ISO 8601 time in UTC (`2026-03-01T08:00:00.000Z`). */
export const instant = z.string().meta({ description: 'An ISO 8601 time (UTC)' });
