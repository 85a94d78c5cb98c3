import { createHash } from 'node:crypto';
import { StoreError } from './errors.ts';

/**
 * Cursors are opaque to clients: base64url of the last key. On the way back in a cursor must
 * belong to the partition being read, so one tenant's cursor cannot walk another's data.
 */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : undefined;
}

export function decodeCursor(
  cursor: string | undefined,
  expected: {
    attribute: string;
    value: string;
    /** The key attributes of the query's last key: a cursor with others would make DynamoDB fail. */
    keys?: readonly string[];
    /** The query's begins_with on the sort key: a cursor outside it would make DynamoDB fail. */
    sortPrefix?: { attribute: string; prefix: string };
  },
): Record<string, string> | undefined {
  if (!cursor) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new StoreError('bad_cursor', 'The cursor is not one this API gave out');
  }
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    Object.values(parsed).every((v) => typeof v === 'string') &&
    (parsed as Record<string, string>)[expected.attribute] === expected.value &&
    (!expected.keys || [...Object.keys(parsed)].sort().join() === [...expected.keys].sort().join()) &&
    (!expected.sortPrefix ||
      ((parsed as Record<string, string>)[expected.sortPrefix.attribute] ?? '').startsWith(expected.sortPrefix.prefix));
  if (!valid) throw new StoreError('bad_cursor', 'The cursor is not one this API gave out');
  return parsed as Record<string, string>;
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** A position in a list sorted in memory (window.ts): the last row's sort value and id. */
export interface WindowPosition {
  value: string | number | undefined;
  id: string;
}

/** What the cursor carries of its list: a digest, so it stays short and repeats no search text. */
const bindingDigest = (binding: string) => createHash('sha256').update(binding).digest('base64url').slice(0, 16);

export function encodeWindowCursor(binding: string, position: WindowPosition): string {
  const body = {
    w: bindingDigest(binding),
    i: position.id,
    ...(position.value === undefined ? {} : { v: position.value }),
  };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** The position a cursor names; a cursor of another list (search, sort, filter) is refused. */
export function decodeWindowCursor(cursor: string | undefined, binding: string): WindowPosition | undefined {
  if (!cursor) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new StoreError('bad_cursor', 'The cursor is not one this API gave out');
  }
  const { w, i, v } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const valid =
    w === bindingDigest(binding) &&
    typeof i === 'string' &&
    (v === undefined || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)));
  if (!valid)
    throw new StoreError('bad_cursor', 'The cursor is not one this API gave out for this list, search and sort');
  return { id: i, value: v as string | number | undefined };
}
