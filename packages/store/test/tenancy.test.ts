import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTableInput, IdempotencyRecords, Store, StoreError } from '../src/index.ts';

const tableName = `store-tenancy-${randomUUID()}`;
const store = new Store({ tableName, endpoint: inject('dynamoEndpoint'), region: 'ap-southeast-1' });
const platformContext = { tenantId: 'platform', userId: 'root', kind: 'platform' };

/** What the platform made, and what each tenant did, for the checks below. */
const made = {
  tenantA: '',
  tenantB: '',
  tenantC: '',
  userA: 'user-of-a',
  userB: 'user-of-b',
  invitationA: '',
  invitationB: '',
};

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

/** The platform creates a tenant and invites its first admin in one transaction (as the API does). */
async function createTenant(input: {
  kind: 'org' | 'bureau' | 'incubator';
  name: string;
  region: string;
  uscc?: string;
}) {
  const platform = store.platform(platformContext);
  const mutation = platform.scope.mutation();
  const tenant = platform.directory.create(mutation, input);
  const inTenant = store.tenant({ tenantId: tenant.id, userId: platformContext.userId });
  const { invitation } = inTenant.invitations.create(mutation, {
    email: `admin@${tenant.id}.example.cn`,
    roles: ['admin'],
  });
  mutation.idempotent(`create-${tenant.id}`, IdempotencyRecords.requestHash('POST', '/v1/tenants', input), {
    status: 201,
    body: { tenant },
  });
  await mutation.audited('tenant.create', 'Tenant', tenant.id, tenant.version, tenant).commit();
  return { tenant, invitation };
}

beforeAll(async () => {
  await store.client.send(new CreateTableCommand(createTableInput(tableName)));

  const orgA = await createTenant({
    kind: 'org',
    name: '东兴市阳光社工中心',
    region: '450681',
    uscc: '52450681MJ4H2K7P37',
  });
  const bureauB = await createTenant({ kind: 'bureau', name: '防城港市民政局', region: '450600' });
  // An incubation base: its listing for the bureaus (keys.baseListing) is the other tenant item with an index key.
  const baseC = await createTenant({ kind: 'incubator', name: '东兴市社会组织孵化基地', region: '450681' });
  made.tenantA = orgA.tenant.id;
  made.tenantB = bureauB.tenant.id;
  made.tenantC = baseC.tenant.id;

  for (const [tenantId, userId] of [
    [made.tenantA, made.userA],
    [made.tenantB, made.userB],
  ] as const) {
    const repos = store.tenant({ tenantId, userId: 'admin' });
    const mutation = repos.scope.mutation();
    const user = repos.users.add(mutation, {
      id: userId,
      email: `${userId}@example.cn`,
      name: userId,
      roles: ['admin'],
    });
    const { invitation } = repos.invitations.create(mutation, {
      email: `invitee-${userId}@example.cn`,
      roles: ['staff'],
    });
    mutation.idempotent('same-key-in-both', 'hash', { status: 201, body: { invitation } });
    await mutation.audited('user.create', 'User', user.id, 1, user).commit();
    await repos.users.update(userId, 1, { roles: ['admin', 'staff'] }, 'user.update');
    if (tenantId === made.tenantA) made.invitationA = invitation.id;
    else made.invitationB = invitation.id;
  }
  await store.tenant({ tenantId: made.tenantB, userId: 'admin' }).invitations.revoke(made.invitationB, 1);
});

describe('tenancy of keys', () => {
  it('writes every item under its tenant (T#<tenantId>), except the documented global lookups', async () => {
    const { Items = [] } = await store.client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
    const tenants = new Set(['platform', made.tenantA, made.tenantB, made.tenantC]);
    expect(Items.length).toBeGreaterThan(15);

    const kinds = new Set<string>();
    for (const item of Items) {
      const pk = item.pk as string;
      const where = JSON.stringify({ pk, sk: item.sk });
      const owned = /^T#([^#]+)(#AUDIT|#IDEM)?$/.exec(pk);
      if (owned) {
        const tenantId = owned[1] as string;
        expect(tenants.has(tenantId), where).toBe(true);
        // A record that names its tenant names the one whose partition holds it.
        if ('tenantId' in item) expect(item.tenantId, where).toBe(tenantId);
        if (!owned[2] && item.itemType === 'Tenant') {
          expect(item.id, where).toBe(tenantId);
          // The directory's GSI key is the only global key a tenant item carries.
          expect(item.gsi1pk, where).toBe('P#TENANT');
        } else if (!owned[2] && item.itemType === 'BaseListing') {
          // A base's listing is indexed for the bureaus of its region's city, by region and base.
          expect(item.gsi1pk, where).toBe('R#450600#BASE');
          expect(item.gsi1sk, where).toBe(`450681#${tenantId}`);
          expect(Object.keys(item).sort(), where).toEqual([
            'createdAt',
            'gsi1pk',
            'gsi1sk',
            'itemType',
            'name',
            'pk',
            'region',
            'sk',
            'status',
            'tenantId',
            'version',
          ]);
        } else if (!owned[2] && item.itemType === 'OrganisationListing') {
          // An organisation's listing is indexed for the bureaus of its city (the targets, P-T3): its
          // name, region and whether it is registered, nothing of its people.
          expect(item.gsi1pk, where).toBe('R#450600#ORG');
          expect(item.gsi1sk, where).toBe(`450681#${tenantId}`);
          expect(Object.keys(item).sort(), where).toEqual([
            'gsi1pk',
            'gsi1sk',
            'itemType',
            'name',
            'organisationId',
            'pk',
            'region',
            'registered',
            'sk',
            'status',
          ]);
        } else {
          expect(item, where).not.toHaveProperty('gsi1pk');
          expect(item, where).not.toHaveProperty('gsi1sk');
        }
        kinds.add(`T${owned[2] ?? ''}`);
        continue;
      }
      // Global lookups hold nothing but the ids they point to; a region's bureau also its public
      // name and region (a contract's review names the bureau it went to).
      expect(pk, where).toMatch(
        /^(EMAIL#[^#]+@[^#]+|USCC#[0-9A-HJ-NPQRTUWXY]{18}|INVITE#[A-Za-z0-9_-]{43}|REGION#[0-9]{6})$/,
      );
      expect(item.itemType, where).toBe('Guard');
      expect(tenants.has(item.tenantId as string), where).toBe(true);
      const allowed = ['pk', 'sk', 'itemType', 'tenantId', 'userId', 'invitationId', 'expiresAt'];
      if (pk.startsWith('REGION#')) allowed.push('bureauId', 'name', 'region');
      expect(
        Object.keys(item).every((k) => allowed.includes(k)),
        where,
      ).toBe(true);
      kinds.add(pk.split('#')[0] as string);
    }
    // The mix above really wrote every kind of item.
    expect([...kinds].sort()).toEqual(['EMAIL', 'INVITE', 'REGION', 'T', 'T#AUDIT', 'T#IDEM', 'USCC']);
  });

  it('will not build repositories without a tenant', () => {
    expect(() => store.tenant({ tenantId: '', userId: 'someone' })).toThrow();
  });
});

describe('one tenant cannot reach another’s data', () => {
  const asB = () => store.tenant({ tenantId: made.tenantB, userId: made.userB });

  it('answers not_found when B asks for A’s user or invitation by its real id', async () => {
    expect((await rejection(asB().users.get(made.userA))).code).toBe('not_found');
    expect(await asB().users.find(made.userA)).toBeUndefined();
    expect((await rejection(asB().invitations.get(made.invitationA))).code).toBe('not_found');
    // A itself can read them.
    const asA = store.tenant({ tenantId: made.tenantA, userId: made.userA });
    expect((await asA.users.get(made.userA)).id).toBe(made.userA);
    expect((await asA.invitations.get(made.invitationA)).id).toBe(made.invitationA);
  });

  it('refuses B’s changes to A’s user and invitation as not_found, and A’s data stays as it was', async () => {
    const asA = store.tenant({ tenantId: made.tenantA, userId: made.userA });
    const userBefore = await asA.users.get(made.userA);
    const invitationBefore = await asA.invitations.get(made.invitationA);

    expect(
      (await rejection(asB().users.update(made.userA, userBefore.version, { status: 'disabled' }, 'user.disable')))
        .code,
    ).toBe('not_found');
    expect((await rejection(asB().invitations.revoke(made.invitationA, invitationBefore.version))).code).toBe(
      'not_found',
    );

    expect(await asA.users.get(made.userA)).toEqual(userBefore);
    expect(await asA.invitations.get(made.invitationA)).toEqual(invitationBefore);
  });

  it('lists only B’s own users, invitations, audit events and tenant', async () => {
    const users = await asB().users.list({ limit: 100 });
    expect(users.items.map((u) => u.id)).toEqual([made.userB]);
    const invitations = await asB().invitations.list({ limit: 100 });
    // B's first admin's invitation (made with the tenant) and the one B made.
    expect(invitations.items).toHaveLength(2);
    expect(invitations.items.map((i) => i.id)).toContain(made.invitationB);
    expect(invitations.items.map((i) => i.id)).not.toContain(made.invitationA);
    expect(invitations.items.every((i) => i.tenantId === made.tenantB)).toBe(true);
    const audit = await asB().audit.list({ limit: 100 });
    expect(audit.items.length).toBeGreaterThan(0);
    expect(audit.items.map((e) => e.entityId)).not.toContain(made.userA);
    expect(audit.items.map((e) => e.entityId)).not.toContain(made.tenantA);
    expect((await asB().tenant.get()).id).toBe(made.tenantB);
  });

  it('keeps idempotency records apart: the same key in both tenants replays each tenant’s own response', async () => {
    const replayA = await store
      .tenant({ tenantId: made.tenantA, userId: 'x' })
      .idempotency.replay('same-key-in-both', 'hash');
    const replayB = await asB().idempotency.replay('same-key-in-both', 'hash');
    expect((replayA!.body as { invitation: { id: string } }).invitation.id).toBe(made.invitationA);
    expect((replayB!.body as { invitation: { id: string } }).invitation.id).toBe(made.invitationB);
  });

  it('refuses A’s cursor in B’s list', async () => {
    const asA = store.tenant({ tenantId: made.tenantA, userId: made.userA });
    const pageOfA = await asA.audit.list({ limit: 1 });
    expect(pageOfA.cursor).toBeDefined();
    expect((await rejection(asB().audit.list({ limit: 1, cursor: pageOfA.cursor as string }))).code).toBe('bad_cursor');
  });
});
