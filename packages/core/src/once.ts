import { setTimeout as sleep } from 'node:timers/promises';
import { IdempotencyRecords, type Mutation, StoreError, type TenantRepositories } from '@shegong/store';
import { Conflict } from './refusals.ts';

/** A staged change and what to answer once it is committed. */
export interface Staged<T> {
  body: T;
  mutation: Mutation;
}

/** How many times a try waits for another try of the same key that is still committing. */
const TRIES = 5;

/** The refusal's reason when the other try was still committing after every wait. */
export const KEY_IN_FLIGHT = 'keyInFlight';

/** A short, growing, jittered wait (about 25, 50, 100, 200 ms), so tries that collided drift apart. */
const backOff = (attempt: number) => sleep(25 * 2 ** (attempt - 1) * (0.5 + Math.random()));

/**
 * Runs a creating use case at most once per key and tenant: a retry gets the first body back
 * (`replayed`). The record is written in the same transaction as the change itself, so only a
 * change that happened is ever replayed. Without a key the change simply commits. `operation`
 * names what is being done (the API's method and route; a form's own name), so one key reused
 * for another request is refused instead of answered with the wrong body.
 *
 * Tries of one key that arrive together (a client's retry while the first is in flight, a form
 * posted twice) each stage the change, and the record's condition lets exactly one commit. Every
 * other try learns from the store that the key was taken (Mutation.commit reports that before any
 * guard of the winner's, such as a number it claimed) and answers with the winner's body; when the
 * winner is still committing, it waits a little and looks again, and after TRIES answers Conflict
 * with a Retry-After, never the winner's guard.
 */
export async function commitOnce<T>(
  repos: TenantRepositories,
  key: string | undefined,
  request: { operation: string; input: unknown },
  create: () => Staged<T> | Promise<Staged<T>>,
  wait: (attempt: number) => Promise<unknown> = backOff,
): Promise<{ body: T; replayed: boolean }> {
  const hash = IdempotencyRecords.requestHash('USE', request.operation, request.input);
  for (let attempt = 1; ; attempt++) {
    const earlier = key ? await repos.idempotency.replay(key, hash) : undefined;
    if (earlier) return { body: earlier.body as T, replayed: true };
    const { body, mutation } = await create();
    if (key) mutation.idempotent(key, hash, { status: 201, body });
    try {
      await mutation.commit();
      return { body, replayed: false };
    } catch (error) {
      if (!key || !(error instanceof StoreError) || error.detail.idempotencyKey !== key) throw error;
      if (attempt >= TRIES) {
        throw new Conflict('Another request with this Idempotency-Key is still being processed; retry it shortly', {
          reason: KEY_IN_FLIGHT,
          retryAfter: 1,
        });
      }
      // Committed: the next turn replays it at once. Still committing: give it a moment first.
      if (error.detail.inFlight) await wait(attempt);
    }
  }
}
