import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { StoreError } from './errors.ts';

const usersOfA = { attribute: 'pk', value: 'T#tenant-a' };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return (error as StoreError).code;
  }
  return undefined;
}

describe('cursors', () => {
  it('gives back the key it was made from, and nothing without a key', () => {
    const key = { pk: 'T#tenant-a', sk: 'USER#u-1' };
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, usersOfA)).toEqual(key);
    expect(encodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor(undefined, usersOfA)).toBeUndefined();
    expect(decodeCursor('', usersOfA)).toBeUndefined();
  });

  it('refuses a cursor from another partition (another tenant)', () => {
    const fromB = encodeCursor({ pk: 'T#tenant-b', sk: 'USER#u-9' });
    expect(codeOf(() => decodeCursor(fromB, usersOfA))).toBe('bad_cursor');
  });

  it('refuses a cursor from a collection of the same tenant under another key (audit partition)', () => {
    const fromAudit = encodeCursor({ pk: 'T#tenant-a#AUDIT', sk: '2024-01-01T00:00:00.000Z#x' });
    expect(codeOf(() => decodeCursor(fromAudit, usersOfA))).toBe('bad_cursor');
  });

  it('refuses garbage', () => {
    for (const garbage of [
      'not a cursor!',
      'eyJwayI6',
      Buffer.from('null').toString('base64url'),
      Buffer.from('42').toString('base64url'),
      Buffer.from('["T#tenant-a"]').toString('base64url'),
      Buffer.from(JSON.stringify({ pk: 'T#tenant-a', sk: { S: 'x' } })).toString('base64url'),
      Buffer.from(JSON.stringify({ sk: 'USER#u-1' })).toString('base64url'),
    ]) {
      expect(
        codeOf(() => decodeCursor(garbage, usersOfA)),
        garbage,
      ).toBe('bad_cursor');
    }
  });

  it('refuses, when the query says so, a key with other attributes or outside the sort-key prefix', () => {
    const users = { ...usersOfA, keys: ['pk', 'sk'], sortPrefix: { attribute: 'sk', prefix: 'USER#' } };
    expect(decodeCursor(encodeCursor({ sk: 'USER#u-1', pk: 'T#tenant-a' }), users)).toEqual({
      pk: 'T#tenant-a',
      sk: 'USER#u-1',
    });
    for (const key of [
      { pk: 'T#tenant-a' },
      { pk: 'T#tenant-a', sk: 'USER#u-1', gsi1pk: 'P#TENANT' },
      { pk: 'T#tenant-a', sk: 'INVITE#i-1' },
      { pk: 'T#tenant-a', sk: 'TENANT' },
    ]) {
      expect(
        codeOf(() => decodeCursor(encodeCursor(key), users)),
        JSON.stringify(key),
      ).toBe('bad_cursor');
    }
  });
});
