import { createHash } from 'node:crypto';

/**
 * The canonical JSON of a value, so that equal content always hashes equally wherever it is
 * written from: object keys sorted by UTF-16 code unit, no whitespace, undefined members left out
 * (DynamoDB stores none), arrays in their order, strings and numbers as JSON.stringify writes them.
 * Numbers must be finite (JSON has no NaN); a non-plain value (a Date, a Buffer) is refused rather
 * than hashed by whatever its toJSON happens to say.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error('canonical JSON holds finite numbers only');
      return JSON.stringify(value);
    case 'object': {
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null)
        throw new Error('canonical JSON holds plain objects, arrays, strings, numbers, booleans and null');
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new Error(`canonical JSON cannot hold a ${typeof value}`);
  }
}

/** SHA-256 (lower-case hex) of a value's canonical JSON, in UTF-8. */
export function canonicalHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
