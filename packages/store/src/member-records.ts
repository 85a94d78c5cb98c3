import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Submission, SubmissionInput } from '@shegong/domain';
import { getInOrder } from './batch.ts';
import { timeOrderedId } from './contracts.ts';
import type { Page } from './cursor.ts';
import { conflict, notFound } from './errors.ts';
import { keys } from './keys.ts';
import type { Mutation } from './mutation.ts';
import { type PageRequest, queryItems, queryPage } from './query.ts';
import { type TenantScope, toRecord } from './scope.ts';

/** The link of a member to the person on the registry they are. */
export interface MemberLink {
  userId: string;
  personId: string;
}

/**
 * A member's own record (我的档案): which person they are, and what they submitted about themselves
 * for hr to confirm. Submissions live in the organisation's partition under `SUBMISSION#<person>#`,
 * so a member's own list is one Query of their person's prefix; hr's queue is one Query of every
 * submission filtered to the pending ones (bounded by the organisation's size).
 */
export class MemberRecords {
  constructor(readonly scope: TenantScope) {}

  async linkOf(userId: string): Promise<MemberLink | undefined> {
    const { Item } = await this.scope.client.send(
      new GetCommand({
        TableName: this.scope.tableName,
        Key: keys.memberLink(this.scope.tenantId, userId),
        ConsistentRead: true,
      }),
    );
    return typeof Item?.personId === 'string' ? { userId, personId: Item.personId } : undefined;
  }

  /** Which member a person is linked to, if any. */
  async memberOf(personId: string): Promise<MemberLink | undefined> {
    const { Item } = await this.scope.client.send(
      new GetCommand({
        TableName: this.scope.tableName,
        Key: keys.personMember(this.scope.tenantId, personId),
        ConsistentRead: true,
      }),
    );
    return typeof Item?.userId === 'string' ? { userId: Item.userId, personId } : undefined;
  }

  /**
   * Links a member to a person, in a mutation: one person per member and one member per person,
   * each a guard, so two links cannot race. A member linked already is unlinked first.
   */
  stageLink(mutation: Mutation, link: MemberLink): void {
    const holder = { tenantId: this.scope.tenantId, ...link };
    mutation
      .guard(keys.memberLink(this.scope.tenantId, link.userId), holder, () =>
        conflict('This member is linked to a person already', { field: 'userId' }),
      )
      .guard(keys.personMember(this.scope.tenantId, link.personId), holder, () =>
        conflict('This person is linked to a member already', { field: 'userId' }),
      );
  }

  /** Removes a link, in a mutation. */
  stageUnlink(mutation: Mutation, link: MemberLink): void {
    mutation
      .release(keys.memberLink(this.scope.tenantId, link.userId))
      .release(keys.personMember(this.scope.tenantId, link.personId));
  }

  /** Adds a new pending submission to a mutation. */
  stageSubmission(
    mutation: Mutation,
    input: SubmissionInput,
    about: { personId: string; personName: string; submittedBy: string },
    id: string = timeOrderedId(),
  ): Submission {
    const submission = {
      ...input,
      ...about,
      id,
      submittedAt: new Date().toISOString(),
      status: 'pending',
      version: 1,
    } as Submission;
    const { version: _v, ...stored } = submission;
    mutation.create('Submission', {
      ...keys.submission(this.scope.tenantId, about.personId, id),
      ...keys.pendingSubmission(this.scope.tenantId, about.personId, id),
      ...stored,
    });
    return submission;
  }

  async find(personId: string, id: string): Promise<Submission | undefined> {
    const { Item } = await this.scope.client.send(
      new GetCommand({
        TableName: this.scope.tableName,
        Key: keys.submission(this.scope.tenantId, personId, id),
        ConsistentRead: true,
      }),
    );
    return Item ? toRecord<Submission>(Item) : undefined;
  }

  async get(personId: string, id: string): Promise<Submission> {
    const found = await this.find(personId, id);
    if (!found) throw notFound('Submission');
    return found;
  }

  /** Records hr's decision on a submission read at its version, in a mutation. */
  stageDecision(
    mutation: Mutation,
    current: Submission,
    decision: { status: 'confirmed' | 'refused'; decidedBy: string; reason?: string },
  ): Submission {
    const next = {
      ...current,
      ...decision,
      decidedAt: new Date().toISOString(),
      version: current.version + 1,
    } as Submission;
    const { version: _v, ...stored } = next;
    mutation.replace(
      'Submission',
      { ...keys.submission(this.scope.tenantId, current.personId, current.id), ...stored },
      current.version,
    );
    return next;
  }

  /** One person's submissions, newest first. */
  ofPerson(personId: string, page: PageRequest): Promise<Page<Submission>> {
    return queryPage(
      this.scope,
      { partition: `T#${this.scope.tenantId}`, sortPrefix: keys.personSubmissionPrefix(personId), newestFirst: true },
      page,
    );
  }

  /**
   * The submissions waiting for hr, oldest first: one Query of the sparse pending list, then the
   * items by key. The index follows a decision a moment later; one decided meanwhile is left out.
   */
  async pending(page: PageRequest): Promise<Page<Submission>> {
    const found = await queryItems(
      this.scope,
      { partition: keys.pendingSubmissionPartition(this.scope.tenantId), index: 'status' },
      page,
    );
    const items = await getInOrder(
      this.scope,
      found.items.map((row) => {
        const [id = '', personId = ''] = String(row.gsi2sk).split('#');
        return keys.submission(this.scope.tenantId, personId, id);
      }),
    );
    return {
      items: items.map((item) => toRecord<Submission>(item)).filter((s) => s.status === 'pending'),
      ...(found.cursor ? { cursor: found.cursor } : {}),
    };
  }
}
