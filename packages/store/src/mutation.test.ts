import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { conflict, StoreError } from './errors.ts';
import { Mutation, stateHash } from './mutation.ts';

describe('stateHash', () => {
  it('is SHA-256 hex of the state and does not depend on key order, at any depth', () => {
    const a = stateHash({ id: 'u-1', roles: ['admin', 'hr'], profile: { name: '李明', city: '450600' } });
    const b = stateHash({ profile: { city: '450600', name: '李明' }, roles: ['admin', 'hr'], id: 'u-1' });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
  });

  it('changes when a value changes, and when the order of an array changes', () => {
    const base = stateHash({ id: 'u-1', roles: ['admin', 'hr'], version: 1 });
    expect(stateHash({ id: 'u-1', roles: ['admin', 'hr'], version: 2 })).not.toBe(base);
    expect(stateHash({ id: 'u-1', roles: ['hr', 'admin'], version: 1 })).not.toBe(base);
  });

  it('treats an undefined field as absent (it is not stored either)', () => {
    expect(stateHash({ id: 'u-1', nameEn: undefined })).toBe(stateHash({ id: 'u-1' }));
  });

  it('matches the SHA-256 of the canonical JSON', () => {
    // sha256('{"a":1,"b":[true,null]}'), computed with `printf %s '…' | sha256sum`.
    expect(stateHash({ b: [true, null], a: 1 })).toBe(
      '1cc69c7fa23616ca2ec3ee70d24390a6225c8832db8a4c814c7e0e7f942f8668',
    );
  });
});

describe('Mutation.commit', () => {
  it('refuses to commit a mutation that does not say what it audits, and sends nothing', async () => {
    const send = vi.fn();
    const client = { send } as unknown as DynamoDBDocumentClient;
    const mutation = new Mutation(client, 'table', { tenantId: 't-1', userId: 'u-1' }).create('User', {
      pk: 'T#t-1',
      sk: 'USER#u-2',
    });
    await expect(mutation.commit()).rejects.toThrow(/audit/);
    expect(send).not.toHaveBeenCalled();
  });
});

describe('Mutation.commit when DynamoDB cancels the transaction', () => {
  /** A client whose TransactWriteItems is cancelled with these reasons, one per item in order. */
  const cancelledWith = (...codes: string[]) =>
    ({
      send: vi.fn(async () => {
        throw Object.assign(new Error('Transaction cancelled'), {
          name: 'TransactionCanceledException',
          CancellationReasons: codes.map((Code) => ({ Code })),
        });
      }),
    }) as unknown as DynamoDBDocumentClient;

  /** A person's create with its ID-card guard, recorded under an Idempotency-Key. */
  const personCreate = (client: DynamoDBDocumentClient) =>
    new Mutation(client, 'table', { tenantId: 't-1', userId: 'u-1' })
      .create('Person', { pk: 'T#t-1', sk: 'PERSON#p-1' })
      .guard({ pk: 'T#t-1#IDCARD', sk: '450602199003070021' }, {}, () => conflict('ID card taken', { field: 'idCard' }))
      .idempotent('retry-key-1', 'hash', { status: 201, body: { id: 'p-1' } })
      .audited('person.create', 'Person', 'p-1', 1, {});

  it('names the key, not the guard, when the key’s record already exists (the other try committed)', async () => {
    const error = await personCreate(cancelledWith('None', 'ConditionalCheckFailed', 'ConditionalCheckFailed', 'None'))
      .commit()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).detail).toEqual({ idempotencyKey: 'retry-key-1', inFlight: false });
  });

  it('says the other try is in flight when the key’s record is being written by another transaction', async () => {
    const error = await personCreate(cancelledWith('None', 'TransactionConflict', 'TransactionConflict', 'None'))
      .commit()
      .catch((e: unknown) => e);
    expect((error as StoreError).detail).toEqual({ idempotencyKey: 'retry-key-1', inFlight: true });
  });

  it('names the guard when the key was free and only the guard failed (another person holds the number)', async () => {
    const error = await personCreate(cancelledWith('None', 'ConditionalCheckFailed', 'None', 'None'))
      .commit()
      .catch((e: unknown) => e);
    expect((error as StoreError).detail).toEqual({ field: 'idCard' });
  });
});
