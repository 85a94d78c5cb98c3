import { IdempotencyRecords, type Mutation, StoreError, type TenantRepositories } from '@shegong/store';
import type { Context } from 'hono';
import { ProblemError } from './problem/problem.ts';

/**
 * Runs a creating request at most once per key and tenant: a retry gets the first body back
 * (`replayed`). The record is written in the same transaction as the change itself, so only a
 * change that happened is ever replayed. Without a key the change simply commits.
 * The API takes the key from Idempotency-Key (createOnce); a page form from a hidden field.
 */
export async function commitOnce<T>(
  repos: TenantRepositories,
  key: string | undefined,
  request: { method: string; route: string; input: unknown },
  create: () => { body: T; mutation: Mutation } | Promise<{ body: T; mutation: Mutation }>,
): Promise<{ body: T; replayed: boolean }> {
  const hash = IdempotencyRecords.requestHash(request.method, request.route, request.input);
  const earlier = key ? await repos.idempotency.replay(key, hash) : undefined;
  if (earlier) return { body: earlier.body as T, replayed: true };
  const { body, mutation } = await create();
  if (key) mutation.idempotent(key, hash, { status: 201, body });
  try {
    await mutation.commit();
  } catch (error) {
    // Two tries with one key raced and the other committed first: answer as it did.
    if (key && error instanceof StoreError && error.detail.idempotencyKey === key) {
      const other = await repos.idempotency.replay(key, hash);
      if (other) return { body: other.body as T, replayed: true };
    }
    throw error;
  }
  return { body, replayed: false };
}

/** commitOnce for an API route, keyed by its Idempotency-Key header. */
export async function createOnce<T>(
  c: Context,
  repos: TenantRepositories,
  input: unknown,
  create: () => { body: T; mutation: Mutation } | Promise<{ body: T; mutation: Mutation }>,
): Promise<{ body: T; replayed: boolean }> {
  const key = c.req.header('Idempotency-Key');
  if (key !== undefined && !/^[A-Za-z0-9_.:-]{8,100}$/.test(key)) {
    throw new ProblemError(400, 'Idempotency-Key must be 8–100 letters, digits or _.:-', [
      { path: 'Idempotency-Key', message: 'must be 8–100 letters, digits or _.:-' },
    ]);
  }
  return commitOnce(repos, key, { method: c.req.method, route: c.req.routePath, input }, create);
}

export const replayHeaders = (replayed: boolean): Record<string, string> =>
  replayed ? { 'Idempotent-Replayed': 'true' } : {};
