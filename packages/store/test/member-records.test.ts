import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { SubmissionInput } from '@shegong/domain';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTableInput, keys, Store, StoreError } from '../src/index.ts';

const tableName = `store-member-records-${randomUUID()}`;
const store = new Store({ tableName, endpoint: inject('dynamoEndpoint'), region: 'ap-southeast-1' });
const a = store.tenant({ tenantId: 'org-a', userId: 'a-hr' });
const b = store.tenant({ tenantId: 'org-b', userId: 'b-hr' });

beforeAll(async () => {
  await store.client.send(new CreateTableCommand(createTableInput(tableName)));
});

const CE: SubmissionInput = {
  kind: 'continuing-education',
  entry: { date: '2026-05-20', tenthHours: 65, provider: '广西社会工作协会', topic: '社区矛盾调解' },
};

async function commit(build: (m: ReturnType<typeof a.scope.mutation>) => void, repos = a) {
  const mutation = repos.scope.mutation();
  build(mutation);
  await mutation.audited('test', 'Test', 'x', 1, {}).commit();
}

describe('member record keys', () => {
  it('keep links in their own tenant partitions and submissions under the person in the tenant’s', () => {
    expect(keys.memberLink('t1', 'u1')).toEqual({ pk: 'T#t1#MEMBER', sk: 'u1' });
    expect(keys.personMember('t1', 'p1')).toEqual({ pk: 'T#t1#PERSONMEMBER', sk: 'p1' });
    expect(keys.submission('t1', 'p1', 's1')).toEqual({ pk: 'T#t1', sk: 'SUBMISSION#p1#s1' });
    expect(keys.submission('t1', 'p1', 's1').sk.startsWith(keys.personSubmissionPrefix('p1'))).toBe(true);
    expect(keys.personSubmissionPrefix('p1').startsWith(keys.submissionPrefix)).toBe(true);
    // Every contract's months, never their revisions.
    expect(keys.actualMonth('t1', 'c1', '2026-03').sk.startsWith(keys.actualMonthPrefixAll)).toBe(true);
    expect(keys.actualRevision('t1', 'c1', '2026-03', 1).sk.startsWith(keys.actualMonthPrefixAll)).toBe(false);
    // Neither prefix catches the registry's own items.
    expect(keys.person('t1', 'p1').sk.startsWith(keys.submissionPrefix)).toBe(false);
  });
});

describe('MemberRecords', () => {
  it('links one member to one person, both ways, and only in its own tenant', async () => {
    await commit((m) => a.memberRecords.stageLink(m, { userId: 'u1', personId: 'p1' }));
    expect(await a.memberRecords.linkOf('u1')).toEqual({ userId: 'u1', personId: 'p1' });
    expect(await a.memberRecords.memberOf('p1')).toEqual({ userId: 'u1', personId: 'p1' });
    expect(await b.memberRecords.linkOf('u1')).toBeUndefined();

    const twice = commit((m) => a.memberRecords.stageLink(m, { userId: 'u1', personId: 'p2' }));
    await expect(twice).rejects.toBeInstanceOf(StoreError);
    const shared = commit((m) => a.memberRecords.stageLink(m, { userId: 'u2', personId: 'p1' }));
    await expect(shared).rejects.toBeInstanceOf(StoreError);
    expect(await a.memberRecords.linkOf('u2')).toBeUndefined();

    await commit((m) => a.memberRecords.stageUnlink(m, { userId: 'u1', personId: 'p1' }));
    expect(await a.memberRecords.linkOf('u1')).toBeUndefined();
    expect(await a.memberRecords.memberOf('p1')).toBeUndefined();
  });

  it('lists a person’s submissions newest first and hr’s queue of pending ones only', async () => {
    const about = { personId: 'p9', personName: '韦小宝', submittedBy: 'u9' };
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      await commit((m) => ids.push(a.memberRecords.stageSubmission(m, CE, about).id));
    }
    const listed = await a.memberRecords.ofPerson('p9', { limit: 10 });
    // Newest first is the ids' (UUIDv7, time first) order, backwards.
    expect(listed.items.map((s) => s.id)).toEqual([...ids].sort().reverse());
    expect(listed.items[0]).toMatchObject({ status: 'pending', version: 1, kind: 'continuing-education' });

    const first = await a.memberRecords.get('p9', ids[0]!);
    const rest = ids.slice(1).sort();
    await commit((m) =>
      a.memberRecords.stageDecision(m, first, { status: 'refused', decidedBy: 'a-hr', reason: '不清晰' }),
    );
    const pending = await a.memberRecords.pending({ limit: 100 });
    expect(pending.items.map((s) => s.id)).toEqual(rest);
    expect(await a.memberRecords.get('p9', ids[0]!)).toMatchObject({ status: 'refused', reason: '不清晰', version: 2 });
    // A decision made on a stale read is refused.
    const stale = commit((m) => a.memberRecords.stageDecision(m, first, { status: 'confirmed', decidedBy: 'a-hr' }));
    await expect(stale).rejects.toBeInstanceOf(StoreError);

    expect((await b.memberRecords.pending({ limit: 100 })).items).toEqual([]);
    expect(await b.memberRecords.find('p9', ids[1]!)).toBeUndefined();
    const { Item } = await store.client.send(
      new GetCommand({ TableName: tableName, Key: keys.submission('org-a', 'p9', ids[1]!), ConsistentRead: true }),
    );
    expect(Item?.itemType).toBe('Submission');
  });
});
