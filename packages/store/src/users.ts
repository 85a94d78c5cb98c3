import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { UserRecord } from '@shegong/domain';
import type { Page } from './cursor.ts';
import { conflict, notFound, staleVersion } from './errors.ts';
import { keys } from './keys.ts';
import type { Mutation } from './mutation.ts';
import { type PageRequest, queryPage } from './query.ts';
import { type TenantScope, toRecord } from './scope.ts';

/** A tenant's users (members). The record is the authority on roles and on being enabled. */
export class Users {
  constructor(private readonly scope: TenantScope) {}

  async find(userId: string): Promise<UserRecord | undefined> {
    const { Item } = await this.scope.client.send(
      new GetCommand({ TableName: this.scope.tableName, Key: keys.user(this.scope.tenantId, userId) }),
    );
    return Item ? toRecord<UserRecord>(Item) : undefined;
  }

  async get(userId: string): Promise<UserRecord> {
    const user = await this.find(userId);
    if (!user) throw notFound('User');
    return user;
  }

  list(page: PageRequest): Promise<Page<UserRecord>> {
    return queryPage(this.scope, { partition: `T#${this.scope.tenantId}`, sortPrefix: keys.userPrefix }, page);
  }

  /** Adds a user to a mutation, claiming the e-mail address across the whole platform. */
  add(mutation: Mutation, input: { id: string; email: string; name: string; roles: string[] }): UserRecord {
    const record: UserRecord = {
      id: input.id,
      tenantId: this.scope.tenantId,
      email: input.email.toLowerCase(),
      name: input.name,
      roles: input.roles,
      status: 'active',
      createdAt: new Date().toISOString(),
      version: 1,
    };
    mutation
      .create('User', { ...keys.user(this.scope.tenantId, input.id), ...record })
      .guard(keys.emailGuard(record.email), { tenantId: this.scope.tenantId, userId: input.id }, () =>
        conflict('A user with this e-mail address already exists', { field: 'email' }),
      );
    return record;
  }

  async update(
    userId: string,
    expectedVersion: number,
    change: Partial<Pick<UserRecord, 'roles' | 'status' | 'name'>>,
    action: string,
  ): Promise<UserRecord> {
    const current = await this.get(userId);
    // The new record is built from what was read: if that is not the version the caller expects
    // (a change since, or a lagging eventually consistent read), writing it would undo a change.
    if (current.version !== expectedVersion) throw staleVersion('User');
    const next: UserRecord = { ...current, ...change, version: expectedVersion + 1 };
    const { version: _v, ...stored } = next;
    await this.scope
      .mutation()
      .replace('User', { ...keys.user(this.scope.tenantId, userId), ...stored }, expectedVersion)
      .audited(action, 'User', userId, next.version, next)
      .commit();
    return next;
  }
}
