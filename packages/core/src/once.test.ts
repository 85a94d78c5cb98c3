import { type Mutation, StoreError, type TenantRepositories } from '@shegong/store';
import { describe, expect, it, vi } from 'vitest';
import { commitOnce, KEY_IN_FLIGHT } from './once.ts';
import { Conflict } from './refusals.ts';

/**
 * commitOnce's answer to tries of one key that collide. DynamoDB Local commits transactions one
 * at a time, so the case where the other try is still committing (TransactionConflict on the
 * key's record, reported by Mutation.commit as `inFlight`) is played here with a fake store.
 */

const KEY = 'retry-key-1';
const keyTaken = (inFlight: boolean) =>
  new StoreError('conflict', 'idempotency key in use', { idempotencyKey: KEY, inFlight });

/** A store whose replay answers from `stored` (set by the test), and mutations that fail as told. */
function fakeStore(commits: (() => Promise<void>)[]) {
  const state: { stored?: unknown } = {};
  const repos = {
    idempotency: { replay: vi.fn(async () => (state.stored ? { status: 201, body: state.stored } : undefined)) },
  } as unknown as TenantRepositories;
  let made = 0;
  const create = vi.fn(() => {
    const commit = commits[made++] ?? (async () => undefined);
    const mutation = { idempotent: vi.fn(), commit: vi.fn(commit) } as unknown as Mutation;
    return { body: { id: `mine-${made}` }, mutation };
  });
  return { state, repos, create };
}

describe('commitOnce with another try of the same key', () => {
  it('waits while the other try is committing, then answers with its body', async () => {
    const { state, repos, create } = fakeStore([
      async () => {
        throw keyTaken(true);
      },
      async () => {
        state.stored = { id: 'theirs' };
        throw keyTaken(false);
      },
    ]);
    const wait = vi.fn(async () => undefined);
    const result = await commitOnce(repos, KEY, { operation: 'person.create', input: {} }, create, wait);
    expect(result).toEqual({ body: { id: 'theirs' }, replayed: true });
    expect(wait).toHaveBeenCalledTimes(1);
  });

  it('answers with the other try’s body at once when it has committed', async () => {
    const { state, repos, create } = fakeStore([
      async () => {
        state.stored = { id: 'theirs' };
        throw keyTaken(false);
      },
    ]);
    const wait = vi.fn(async () => undefined);
    const result = await commitOnce(repos, KEY, { operation: 'person.create', input: {} }, create, wait);
    expect(result).toEqual({ body: { id: 'theirs' }, replayed: true });
    expect(wait).not.toHaveBeenCalled();
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('commits its own change when the other try gave up (nothing stored) and the key is free again', async () => {
    const { repos, create } = fakeStore([
      async () => {
        throw keyTaken(true);
      },
    ]);
    const result = await commitOnce(repos, KEY, { operation: 'person.create', input: {} }, create, async () => {});
    expect(result).toEqual({ body: { id: 'mine-2' }, replayed: false });
  });

  it('refuses with a Conflict that says when to retry, after a bounded number of tries', async () => {
    const { repos, create } = fakeStore(
      Array.from({ length: 10 }, () => async () => {
        throw keyTaken(true);
      }),
    );
    const wait = vi.fn(async () => undefined);
    const error = await commitOnce(repos, KEY, { operation: 'person.create', input: {} }, create, wait).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Conflict);
    expect(error).toMatchObject({ reason: KEY_IN_FLIGHT, retryAfter: 1 });
    expect(create).toHaveBeenCalledTimes(5);
    expect(wait).toHaveBeenCalledTimes(4);
  });

  it('passes on any other failure unchanged (a number another record holds)', async () => {
    const taken = new StoreError('conflict', 'number taken', { field: 'number' });
    const { repos, create } = fakeStore([
      async () => {
        throw taken;
      },
    ]);
    await expect(commitOnce(repos, KEY, { operation: 'contract.create', input: {} }, create)).rejects.toBe(taken);
  });
});
