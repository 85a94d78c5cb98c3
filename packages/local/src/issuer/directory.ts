import { randomUUID } from 'node:crypto';
import { type IdentityDirectory, type NewIdentity, SignInExists } from '@shegong/core';
import type { TenantKind } from '@shegong/domain';
import { GetCommand, PutCommand, type Store, StoreError, UpdateCommand } from '@shegong/store';
import { DECOY_HASH, hashPassword, verifyPassword } from './passwords.ts';

/** One sign-in of the local issuer: what Cognito would hold for a user in AWS. */
export interface LocalIdentity {
  sub: string;
  email: string;
  name: string;
  tenantId: string;
  kind: TenantKind;
  roles: string[];
  region: string;
  enabled: boolean;
  createdAt: string;
}

interface StoredIdentity extends LocalIdentity {
  passwordHash: string;
}

/**
 * The issuer's own user records, kept in the same table under keys of their own (`IDP#<e-mail>`),
 * apart from Shegong's tenant data: they stand for the external identity provider. Never deployed.
 */
export class LocalIdentityDirectory implements IdentityDirectory {
  constructor(private readonly store: Store) {}

  private key(email: string) {
    return { pk: `IDP#${normalizeEmail(email)}`, sk: 'IDP' };
  }

  async createUser(input: NewIdentity): Promise<{ userId: string }> {
    const email = normalizeEmail(input.email);
    const record: StoredIdentity = {
      sub: randomUUID(),
      email,
      name: input.name,
      tenantId: input.tenantId,
      kind: input.kind,
      roles: input.roles,
      region: input.region,
      enabled: true,
      createdAt: new Date().toISOString(),
      passwordHash: await hashPassword(input.password),
    };
    try {
      await this.store.client.send(
        new PutCommand({
          TableName: this.store.tableName,
          Item: { ...this.key(email), itemType: 'LocalIdentity', ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { userId: record.sub };
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
    // Already there: the same person in the same tenant is a retry (say, of an invitation's
    // acceptance); the same address in another tenant is someone else's sign-in.
    const existing = await this.find(email);
    if (existing?.tenantId === input.tenantId) return { userId: existing.sub };
    throw new SignInExists();
  }

  async updateRoles(email: string, roles: string[]): Promise<void> {
    await this.update(email, 'SET #roles = :roles', { '#roles': 'roles' }, { ':roles': roles });
  }

  async setEnabled(email: string, enabled: boolean): Promise<void> {
    await this.update(email, 'SET #enabled = :enabled', { '#enabled': 'enabled' }, { ':enabled': enabled });
  }

  async find(email: string): Promise<LocalIdentity | undefined> {
    const stored = await this.findStored(email);
    if (!stored) return undefined;
    const { passwordHash: _, ...identity } = stored;
    return identity;
  }

  /**
   * The identity behind an e-mail and password, or why not. Unknown addresses and wrong passwords
   * answer alike (and take as long), so the answer does not tell whether an address exists.
   */
  async authenticate(
    email: string,
    password: string,
  ): Promise<{ identity: LocalIdentity } | { refused: 'credentials' | 'disabled' }> {
    const stored = await this.findStored(email);
    const matches = await verifyPassword(password, stored?.passwordHash ?? DECOY_HASH);
    if (!stored || !matches) return { refused: 'credentials' };
    const { passwordHash: _, ...identity } = stored;
    // Said only to someone who knows the password: it tells them nothing they could not find out.
    if (!identity.enabled) return { refused: 'disabled' };
    return { identity };
  }

  private async findStored(email: string): Promise<StoredIdentity | undefined> {
    const { Item } = await this.store.client.send(
      new GetCommand({ TableName: this.store.tableName, Key: this.key(email), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, itemType: _itemType, ...record } = Item;
    return record as StoredIdentity;
  }

  private async update(
    email: string,
    expression: string,
    names: Record<string, string>,
    values: Record<string, unknown>,
  ): Promise<void> {
    try {
      await this.store.client.send(
        new UpdateCommand({
          TableName: this.store.tableName,
          Key: this.key(email),
          UpdateExpression: `${expression}, #updatedAt = :now`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { ...names, '#updatedAt': 'updatedAt' },
          ExpressionAttributeValues: { ...values, ':now': new Date().toISOString() },
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') {
        throw new StoreError('not_found', 'This user has no sign-in in the local issuer');
      }
      throw error;
    }
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
