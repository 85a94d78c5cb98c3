import { randomBytes, randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import {
  createTableInput,
  INVITATION_LIFETIME_MS,
  Invitations,
  Store,
  StoreError,
  stateHash,
  TenantScope,
  tokenHash,
} from '../src/index.ts';

const tableName = `store-invitations-${randomUUID()}`;
const store = new Store({ tableName, endpoint: inject('dynamoEndpoint'), region: 'ap-southeast-1' });
const a = store.tenant({ tenantId: 'tenant-a', userId: 'a-admin' });

beforeAll(async () => {
  await store.client.send(new CreateTableCommand(createTableInput(tableName)));
});

afterEach(() => {
  vi.useRealTimers();
});

async function read(key: { pk: string; sk: string }) {
  const { Item } = await store.client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  return Item;
}

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

async function invite(email = `${randomUUID()}@example.cn`, roles = ['staff']) {
  const mutation = a.scope.mutation();
  const { invitation, token } = a.invitations.create(mutation, { email, roles });
  await mutation.audited('invitation.create', 'Invitation', invitation.id, invitation.version, invitation).commit();
  return { invitation, token };
}

describe('Invitations', () => {
  it('creates a pending invitation valid for 7 days, with a 43-character url-safe token', async () => {
    const before = Date.now();
    const { invitation, token } = await invite('Zhou.Min@Example.CN', ['finance', 'hr']);

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invitation).toMatchObject({
      tenantId: 'tenant-a',
      email: 'zhou.min@example.cn',
      roles: ['finance', 'hr'],
      status: 'pending',
      invitedBy: 'a-admin',
      version: 1,
    });
    expect(Date.parse(invitation.expiresOn) - Date.parse(invitation.createdAt)).toBe(7 * 24 * 3600 * 1000);
    expect(Date.parse(invitation.createdAt)).toBeGreaterThanOrEqual(before);
    expect(await a.invitations.get(invitation.id)).toEqual(invitation);
    expect((await a.audit.list({ limit: 1 })).items[0]).toMatchObject({
      action: 'invitation.create',
      entity: 'Invitation',
      entityId: invitation.id,
      hash: stateHash(invitation),
    });
  });

  it('stores only the token’s hash: the token itself appears nowhere in the table', async () => {
    const { invitation, token } = await invite();
    const { Items = [] } = await store.client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
    const everything = JSON.stringify(Items);

    expect(everything).not.toContain(token);
    expect(everything).toContain(invitation.id);
    expect(await read({ pk: `INVITE#${tokenHash(token)}`, sk: 'INVITE' })).toMatchObject({
      tenantId: 'tenant-a',
      invitationId: invitation.id,
    });
    expect(tokenHash(token)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenHash(token)).not.toBe(token);
  });

  it('finds the tenant and invitation by the link’s token, and nothing for an unknown or malformed one', async () => {
    const { invitation, token } = await invite();

    expect(await store.invitationByToken(token)).toEqual({ tenantId: 'tenant-a', invitationId: invitation.id });
    expect(await store.invitationByToken(randomBytes(32).toString('base64url'))).toBeUndefined();
    for (const malformed of [
      '',
      'abc',
      `${token}A`,
      token.slice(1),
      `${token.slice(0, 42)}=`,
      `${token.slice(0, 42)}/`,
    ]) {
      expect(await store.invitationByToken(malformed), malformed).toBeUndefined();
    }
    // The hash is not a token: knowing the stored key does not open the invitation.
    expect(await store.invitationByToken(tokenHash(token))).toBeUndefined();
  });

  it('gives the token lookup item an expiresAt in epoch seconds about 7 days ahead, for the table’s TTL', async () => {
    const { token } = await invite();
    const lookup = await read({ pk: `INVITE#${tokenHash(token)}`, sk: 'INVITE' });
    const inSevenDays = (Date.now() + INVITATION_LIFETIME_MS) / 1000;
    expect(typeof lookup?.expiresAt).toBe('number');
    expect(Number.isInteger(lookup?.expiresAt)).toBe(true);
    expect(Math.abs((lookup?.expiresAt as number) - inSevenDays)).toBeLessThan(60);
  });

  it('reads a pending invitation whose expiry has passed as expired, in get and in list, and will not revoke it', async () => {
    // Made eight days ago.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 8 * 24 * 3600 * 1000);
    const mutation = a.scope.mutation();
    const { invitation } = a.invitations.create(mutation, { email: 'late@example.cn', roles: ['staff'] });
    vi.useRealTimers();
    await mutation.audited('invitation.create', 'Invitation', invitation.id, 1, invitation).commit();

    expect(invitation.status).toBe('pending');
    expect(await read({ pk: 'T#tenant-a', sk: `INVITE#${invitation.id}` })).toMatchObject({ status: 'pending' });
    expect((await a.invitations.get(invitation.id)).status).toBe('expired');
    const listed = (await a.invitations.list({ limit: 100 })).items.find((i) => i.id === invitation.id);
    expect(listed?.status).toBe('expired');

    const error = await rejection(a.invitations.revoke(invitation.id, 1));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/expired/);
  });

  it('revokes a pending invitation given its version; revoking it again is a conflict', async () => {
    const { invitation, token } = await invite();

    const revoked = await a.invitations.revoke(invitation.id, 1);

    expect(revoked).toMatchObject({ id: invitation.id, status: 'revoked', version: 2 });
    expect(await a.invitations.get(invitation.id)).toEqual(revoked);
    expect((await a.audit.list({ limit: 1 })).items[0]).toMatchObject({
      action: 'invitation.revoke',
      entity: 'Invitation',
      entityId: invitation.id,
      version: 2,
      hash: stateHash(revoked),
    });

    const again = await rejection(a.invitations.revoke(invitation.id, 2));
    expect(again.code).toBe('conflict');
    expect((await a.invitations.get(invitation.id)).version).toBe(2);
    // The link still resolves (the invitation says it is revoked); accepting is refused by its status.
    expect(await store.invitationByToken(token)).toEqual({ tenantId: 'tenant-a', invitationId: invitation.id });
  });

  it('refuses to revoke from a stale version, leaving the invitation pending', async () => {
    const { invitation } = await invite();
    const error = await rejection(a.invitations.revoke(invitation.id, 7));
    expect(error.code).toBe('stale_version');
    expect(await a.invitations.get(invitation.id)).toEqual(invitation);
  });

  it('does not revoke over an acceptance that lands between its read and its write', async () => {
    const { invitation } = await invite();
    // Right after revoke() has read the invitation (version 1, pending), the invitee accepts it.
    const racingClient = {
      send: async (command: unknown) => {
        const result = await store.client.send(command as never);
        if (command instanceof GetCommand) {
          const mutation = a.scope.mutation();
          const accepted = a.invitations.transition(mutation, invitation, {
            status: 'accepted',
            acceptedUserId: 'u-new',
          });
          await mutation.audited('invitation.accept', 'Invitation', invitation.id, accepted.version, accepted).commit();
        }
        return result;
      },
    } as unknown as DynamoDBDocumentClient;
    const invitations = new Invitations(new TenantScope(racingClient, tableName, 'tenant-a', 'a-admin'));

    // A caller that sends version 2 (it must not have seen it: the invitation was at 1 when read).
    const error = await rejection(invitations.revoke(invitation.id, 2));

    expect(error.code).toBe('stale_version');
    expect(await a.invitations.get(invitation.id)).toMatchObject({
      status: 'accepted',
      acceptedUserId: 'u-new',
      version: 2,
    });
  });

  it('answers not_found for an invitation that does not exist', async () => {
    expect((await rejection(a.invitations.get(randomUUID()))).code).toBe('not_found');
    expect((await rejection(a.invitations.revoke(randomUUID(), 1))).code).toBe('not_found');
  });
});
