import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isolationMatrix, MATRIX_FAMILIES } from './matrix.ts';

/** The isolation matrix (matrix.ts): the route table, and no way in without a good credential. */
await isolationMatrix('isolation-tokens', ['routeTable', 'badTokens', 'pagesWithoutSession', 'forgedPosts']);

describe('the isolation matrix’s files', () => {
  it('declare every family of cases, each in exactly one file', () => {
    const declared = readdirSync(import.meta.dirname)
      .filter((name) => /^matrix-.*\.test\.ts$/.test(name))
      .flatMap((name) => {
        const call = /isolationMatrix\([^,]+,\s*\[([^\]]*)\]/.exec(
          readFileSync(`${import.meta.dirname}/${name}`, 'utf8'),
        );
        return [...(call?.[1] ?? '').matchAll(/'(\w+)'/g)].map((m) => m[1]);
      });
    expect([...declared].sort()).toEqual([...MATRIX_FAMILIES].sort());
  });
});
