import { createHash, randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys.ts';
import type { Mutation } from './mutation.ts';

/** A signed-in browser: whose, in which tenant, until when. Only the hash of its secret is a key. */
export interface PageSession {
  tenantId: string;
  userId: string;
  createdAt: string;
  /** Epoch seconds: the session ends then (and the table's TTL removes it some time after). */
  expiresAt: number;
}

const SECRET = /^[A-Za-z0-9_-]{43}$/;

function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** The session cookie's value: 32 random bytes, base64url (43 characters). */
export function newSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Page sessions, server-side: the cookie holds a random secret, the table the session it names,
 * under a global lookup key like an invitation token's (it holds ids only). Ending one deletes it,
 * so a cookie kept after sign-out opens nothing.
 */
export const sessions = {
  /** Adds a session to a mutation (the caller audits it in the member's tenant). */
  start(mutation: Mutation, secret: string, session: PageSession): void {
    mutation.create('Session', { ...keys.session(secretHash(secret)), ...session });
  },

  /** Removes a session in a mutation (version 1: sessions are never changed, only ended). */
  end(mutation: Mutation, secret: string): void {
    mutation.remove('Session', keys.session(secretHash(secret)), 1);
  },

  /**
   * The live session a cookie names: one strongly consistent GetItem, so an ended session is gone
   * for every instance at once. A malformed secret is not looked up; an expired session that TTL
   * has not yet removed reads as none.
   */
  async find(client: DynamoDBDocumentClient, tableName: string, secret: string): Promise<PageSession | undefined> {
    if (!SECRET.test(secret)) return undefined;
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: keys.session(secretHash(secret)), ConsistentRead: true }),
    );
    if (!Item || (Item.expiresAt as number) <= Date.now() / 1000) return undefined;
    return {
      tenantId: Item.tenantId as string,
      userId: Item.userId as string,
      createdAt: Item.createdAt as string,
      expiresAt: Item.expiresAt as number,
    };
  },
};
