import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { ProblemError } from './problem/problem.ts';
import { etag, expectedVersion } from './versioning.ts';

const app = new Hono()
  .get('/', (c) => c.json({ version: expectedVersion(c) }))
  .onError((error, c) => c.json({ status: (error as ProblemError).status }, 200));

const ask = async (ifMatch?: string) =>
  (await (await app.request('/', ifMatch ? { headers: { 'If-Match': ifMatch } } : {})).json()) as {
    version?: number;
    status?: number;
  };

describe('If-Match', () => {
  it('reads the version of a strong or weak ETag', async () => {
    expect(await ask(etag(7))).toEqual({ version: 7 });
    expect(await ask('W/"12"')).toEqual({ version: 12 });
  });
  it('answers 428 without If-Match and 400 for a tag this API never gave', async () => {
    expect(await ask()).toEqual({ status: 428 });
    expect(await ask('"abc"')).toEqual({ status: 400 });
    expect(await ask('*')).toEqual({ status: 400 });
  });
});
