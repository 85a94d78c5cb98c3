import type { Context } from 'hono';
import { ProblemError } from './problem/problem.ts';

/** The ETag of a stored version: a strong tag of the version number. */
export function etag(version: number): string {
  return `"${version}"`;
}

/** The version an update expects, from If-Match; without one the update is refused (428). */
export function expectedVersion(c: Context): number {
  const header = c.req.header('If-Match');
  if (!header)
    throw new ProblemError(428, 'Send If-Match with the ETag you last read, so no one else’s change is lost');
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!match)
    throw new ProblemError(400, 'If-Match must be an ETag this API gave out, like "3"', [
      { path: 'If-Match', message: 'is not an ETag this API gave out' },
    ]);
  return Number(match[1]);
}
