import type { Context } from 'hono';
import { ProblemError } from './problem/problem.ts';

/**
 * The Idempotency-Key of a creating request, for the core's commitOnce: a retry with the same key
 * answers as the first did. 8–100 letters, digits or _.:- (400 otherwise); absent is allowed.
 */
export function idempotencyKey(c: Context): string | undefined {
  const key = c.req.header('Idempotency-Key');
  if (key !== undefined && !/^[A-Za-z0-9_.:-]{8,100}$/.test(key)) {
    throw new ProblemError(400, 'Idempotency-Key must be 8–100 letters, digits or _.:-', [
      { path: 'Idempotency-Key', message: 'must be 8–100 letters, digits or _.:-' },
    ]);
  }
  return key;
}

export const replayHeaders = (replayed: boolean): Record<string, string> =>
  replayed ? { 'Idempotent-Replayed': 'true' } : {};
