import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { InvitationRecord } from '@shegong/domain';
import type { Page } from './cursor.ts';
import { conflict, notFound, staleVersion } from './errors.ts';
import { keys } from './keys.ts';
import type { Mutation } from './mutation.ts';
import { type PageRequest, queryPage } from './query.ts';
import { type TenantScope, toRecord } from './scope.ts';

export const INVITATION_LIFETIME_MS = 7 * 24 * 3600 * 1000;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A pending invitation whose link has passed its expiry reads as expired. */
function withLiveStatus(record: InvitationRecord, now = Date.now()): InvitationRecord {
  return record.status === 'pending' && Date.parse(record.expiresOn) <= now ? { ...record, status: 'expired' } : record;
}

/**
 * Invitations to join a tenant. The link carries a random token; only its hash is stored, in a
 * lookup item that also expires through the table's TTL.
 */
export class Invitations {
  constructor(private readonly scope: TenantScope) {}

  /** Adds an invitation to a mutation and returns it with the token for the link (shown once). */
  create(
    mutation: Mutation,
    input: { email: string; roles: string[] },
  ): { invitation: InvitationRecord; token: string } {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    const invitation: InvitationRecord = {
      id: randomUUID(),
      tenantId: this.scope.tenantId,
      email: input.email.toLowerCase(),
      roles: input.roles,
      status: 'pending',
      invitedBy: this.scope.actorId,
      createdAt: new Date(now).toISOString(),
      expiresOn: new Date(now + INVITATION_LIFETIME_MS).toISOString(),
      version: 1,
    };
    mutation.create('Invitation', { ...keys.invitation(this.scope.tenantId, invitation.id), ...invitation }).guard(
      keys.invitationToken(tokenHash(token)),
      {
        tenantId: this.scope.tenantId,
        invitationId: invitation.id,
        expiresAt: Math.floor((now + INVITATION_LIFETIME_MS) / 1000),
      },
      () => conflict('invitation token collision; try again'),
    );
    return { invitation, token };
  }

  async get(invitationId: string): Promise<InvitationRecord> {
    const { Item } = await this.scope.client.send(
      new GetCommand({
        TableName: this.scope.tableName,
        Key: keys.invitation(this.scope.tenantId, invitationId),
        ConsistentRead: true,
      }),
    );
    if (!Item) throw notFound('Invitation');
    return withLiveStatus(toRecord<InvitationRecord>(Item));
  }

  async list(page: PageRequest): Promise<Page<InvitationRecord>> {
    const found = await queryPage<InvitationRecord>(
      this.scope,
      { partition: `T#${this.scope.tenantId}`, sortPrefix: keys.invitationPrefix },
      page,
    );
    return { ...found, items: found.items.map((i) => withLiveStatus(i)) };
  }

  /** Moves an invitation to a new status in a mutation, checking its version. */
  transition(mutation: Mutation, invitation: InvitationRecord, change: Partial<InvitationRecord>): InvitationRecord {
    const { version, ...stored } = { ...invitation, ...change };
    // The stored status of an expired invitation is still 'pending'; keep what is stored.
    const status = change.status ?? (invitation.status === 'expired' ? 'pending' : invitation.status);
    mutation.replace(
      'Invitation',
      { ...keys.invitation(this.scope.tenantId, invitation.id), ...stored, status },
      version,
    );
    return { ...invitation, ...change, version: version + 1 };
  }

  /**
   * Replaces a lost invitation in a mutation: the old one is revoked (its link stops working) and
   * a new one for the same address and roles is created, with a new link and a new week.
   */
  reissue(mutation: Mutation, current: InvitationRecord): { invitation: InvitationRecord; token: string } {
    if (current.status !== 'pending' && current.status !== 'expired') {
      throw conflict(`This invitation is ${current.status} and cannot be reissued`, { reason: current.status });
    }
    this.transition(mutation, current, { status: 'revoked' });
    return this.create(mutation, { email: current.email, roles: current.roles });
  }

  async revoke(invitationId: string, expectedVersion: number): Promise<InvitationRecord> {
    const current = await this.get(invitationId);
    if (current.status !== 'pending') throw conflict(`This invitation is ${current.status} and cannot be revoked`);
    // The revoked record is built from what was read; it must be the version the caller expects, or
    // a change landing between the read and the write (an acceptance) would be overwritten.
    if (current.version !== expectedVersion) throw staleVersion('Invitation');
    const mutation = this.scope.mutation();
    const next = this.transition(mutation, { ...current, version: expectedVersion }, { status: 'revoked' });
    await mutation.audited('invitation.revoke', 'Invitation', invitationId, next.version, next).commit();
    return next;
  }
}

/** Finds which tenant and invitation a link's token belongs to, without any tenant context. */
export async function findInvitationByToken(
  client: DynamoDBDocumentClient,
  tableName: string,
  token: string,
): Promise<{ tenantId: string; invitationId: string } | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName, Key: keys.invitationToken(tokenHash(token)), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  return { tenantId: Item.tenantId as string, invitationId: Item.invitationId as string };
}
