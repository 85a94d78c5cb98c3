import { Store } from '@shegong/store';
import type { JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { Unauthenticated } from '../refusals.ts';
import { TENANCY_CLAIMS } from './claims.ts';
import { openSession } from './session.ts';
import { InvalidToken, type TokenVerifier } from './token.ts';

/**
 * What openSession refuses before it reads a record: the token's absence, the verifier's verdict and
 * claims that name no tenant. The store is a real one whose every request fails at once, so a
 * refusal that reached it would show as that fault instead (the records' checks run against
 * DynamoDB Local in test/tenancy.test.ts).
 */
const store = new Store({ tableName: 'never-read', endpoint: 'http://127.0.0.1:9', region: 'ap-southeast-1' });
store.client.middlewareStack.add(
  () => () => {
    throw new Error('the store was read');
  },
  { step: 'initialize', name: 'refuseEveryRequest' },
);

const CLAIMS: JWTPayload = {
  sub: 'user-1',
  [TENANCY_CLAIMS.tenant]: 'tenant-1',
  [TENANCY_CLAIMS.kind]: 'org',
  [TENANCY_CLAIMS.region]: '450602',
  [TENANCY_CLAIMS.roles]: 'admin',
};

/** A verifier that answers these claims for any token, or throws what it is given. */
const verifying =
  (answer: JWTPayload | Error): TokenVerifier =>
  async () => {
    if (answer instanceof Error) throw answer;
    return answer;
  };

async function refusal(verifyToken: TokenVerifier, token: string | undefined) {
  const error = await openSession({ store, verifyToken }, token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Unauthenticated);
  return error as Unauthenticated;
}

describe('openSession, before any record is read', () => {
  it('refuses a request without a token, without asking the verifier', async () => {
    const unasked = verifying(new Error('the verifier was asked'));
    expect((await refusal(unasked, undefined)).message).toBe('Sign in first: no token was sent');
    expect((await refusal(unasked, '')).message).toBe('Sign in first: no token was sent');
  });

  it("refuses a token the verifier rejects, saying why in the verifier's words", async () => {
    expect((await refusal(verifying(new InvalidToken('token expired')), 't')).message).toBe(
      'Sign in again: token expired',
    );
    expect((await refusal(verifying(new InvalidToken('token rejected')), 't')).message).toBe(
      'Sign in again: token rejected',
    );
  });

  it('lets a fault of the verifier (the key set unreachable) through as a fault, not a refusal', async () => {
    const fault = new Error('JWKS endpoint unreachable');
    await expect(openSession({ store, verifyToken: verifying(fault) }, 't')).rejects.toBe(fault);
  });

  it.each([
    ['no tenant', { [TENANCY_CLAIMS.tenant]: undefined }],
    ['a tenant id that is not a string', { [TENANCY_CLAIMS.tenant]: 42 }],
    ['an unknown kind of tenant', { [TENANCY_CLAIMS.kind]: 'ministry' }],
    ['no region', { [TENANCY_CLAIMS.region]: undefined }],
    ['no subject', { sub: undefined }],
  ])('refuses a verified token with %s', async (_, change) => {
    const claims = { ...CLAIMS, ...change };
    expect((await refusal(verifying(claims), 't')).message).toBe('Sign in again: the token does not name a tenant');
  });
});
