import { IdempotencyRecords, type Mutation, StoreError, type TenantRepositories } from '@shegong/store';

/** A staged change and what to answer once it is committed. */
export interface Staged<T> {
  body: T;
  mutation: Mutation;
}

/**
 * Runs a creating use case at most once per key and tenant: a retry gets the first body back
 * (`replayed`). The record is written in the same transaction as the change itself, so only a
 * change that happened is ever replayed. Without a key the change simply commits. `operation`
 * names what is being done (the API's method and route; a form's own name), so one key reused
 * for another request is refused instead of answered with the wrong body.
 */
export async function commitOnce<T>(
  repos: TenantRepositories,
  key: string | undefined,
  request: { operation: string; input: unknown },
  create: () => Staged<T> | Promise<Staged<T>>,
): Promise<{ body: T; replayed: boolean }> {
  const hash = IdempotencyRecords.requestHash('USE', request.operation, request.input);
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
