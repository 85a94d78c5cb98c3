import { IdempotencyRecords, type Mutation, StoreError, type TenantRepositories } from '@shegong/store';

/** A form carries a random key made when it was rendered, so a double submit creates one thing. */
export const FORM_KEY = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * The page twin of the API's createOnce: the key comes from a hidden field instead of the
 * Idempotency-Key header; the record is written in the same transaction as the change, scoped
 * to the tenant, so a retry gets the first result back (`replayed`). A key reused for a
 * different request is a StoreError('idempotency_mismatch').
 */
export async function commitOnce<T>(
  repos: TenantRepositories,
  key: string,
  request: { route: string; input: unknown },
  create: () => { body: T; mutation: Mutation },
): Promise<{ body: T; replayed: boolean }> {
  const hash = IdempotencyRecords.requestHash('POST', request.route, request.input);
  const earlier = await repos.idempotency.replay(key, hash);
  if (earlier) return { body: earlier.body as T, replayed: true };
  const { body, mutation } = create();
  mutation.idempotent(key, hash, { status: 201, body });
  try {
    await mutation.commit();
  } catch (error) {
    // Both posts of a double click raced and the other committed first: answer as it did.
    if (error instanceof StoreError && error.detail.idempotencyKey === key) {
      const other = await repos.idempotency.replay(key, hash);
      if (other) return { body: other.body as T, replayed: true };
    }
    throw error;
  }
  return { body, replayed: false };
}
