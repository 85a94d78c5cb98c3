import { randomBytes, randomUUID } from 'node:crypto';
import { usccCheckCharacter } from '@shegong/domain';
import { keys } from '@shegong/store';
import type { JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingDirectory } from '../../../test/support/identity.ts';
import {
  acceptInvitation,
  admit,
  changeMember,
  contextOf,
  createTenant,
  getMember,
  inviteMember,
  listInvitations,
  type Mailer,
  openSession,
  previewInvitation,
  revokeInvitation,
  TENANCY_CLAIMS,
  type UseCaseContext,
} from '../src/index.ts';
import { CoreWorld, refusalOf, type TestTenant } from './fixtures.ts';

/** Invitations, members, tenants and sessions of the platform and an organisation in 港口区. */
const publicBaseUrl = 'https://shegong.test';

/** A mail service that keeps what it was asked to send, and fails when told to. */
class RecordingMailer implements Mailer {
  readonly sent: Parameters<Mailer['sendInvitation']>[0][] = [];
  failing = false;

  async sendInvitation(input: Parameters<Mailer['sendInvitation']>[0]): Promise<void> {
    this.sent.push(input);
    if (this.failing) throw new Error('the mail service is down');
  }
}

const tokenOf = (link: string) => link.slice(`${publicBaseUrl}/invite/`.length);
const acceptance = { name: '新同事', password: 'Shegong-2026-pass' };

let world: CoreWorld;
let org: TestTenant;
let admin: UseCaseContext;

beforeAll(async () => {
  world = await CoreWorld.open('tenancy');
  org = await world.tenant('org', '450602', '港口区阳光社会工作服务中心');
  admin = await world.as(org, 'admin');
});

afterAll(() => world?.close());

describe('inviteMember', () => {
  it('mails the link once; a retry with the key answers the first invitation without mailing again', async () => {
    const mailer = new RecordingMailer();
    const key = randomUUID();
    const input = { email: 'New.Hire@Example.cn', roles: ['finance'] };
    const first = await inviteMember(admin, { publicBaseUrl, mailer }, input, key);
    expect(first).toMatchObject({
      mailed: true,
      replayed: false,
      invitation: { email: 'new.hire@example.cn', roles: ['finance'], status: 'pending' },
    });
    // Members see an invitation without its tenant id (it is theirs), as they see a user.
    expect(first.invitation).not.toHaveProperty('tenantId');
    expect(first.link).toMatch(/^https:\/\/shegong\.test\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(mailer.sent).toEqual([
      {
        to: 'new.hire@example.cn',
        link: first.link,
        tenantName: '港口区阳光社会工作服务中心',
        expiresOn: first.invitation.expiresOn,
      },
    ]);
    const before = await world.snapshot();
    const retry = await inviteMember(admin, { publicBaseUrl, mailer }, input, key);
    expect(retry).toEqual({ ...first, mailed: false, replayed: true });
    expect(mailer.sent).toHaveLength(1);
    expect(await world.snapshot()).toBe(before);
    // The link opens this invitation of this organisation.
    const preview = await previewInvitation(world, tokenOf(first.link));
    expect([preview.invitation.id, preview.tenant.id]).toEqual([first.invitation.id, org.record.id]);
  });

  it('keeps the invitation when the mail fails, and says it was not mailed', async () => {
    const mailer = new RecordingMailer();
    mailer.failing = true;
    const sent = await inviteMember(admin, { publicBaseUrl, mailer }, { email: 'unmailed@example.cn', roles: ['hr'] });
    expect(sent.mailed).toBe(false);
    const listed = await listInvitations(admin, { limit: 100 });
    expect(listed.items.map((i) => i.id)).toContain(sent.invitation.id);
    // Without mail in the deployment the link is only handed back.
    expect((await inviteMember(admin, { publicBaseUrl }, { email: 'nomail@example.cn', roles: ['hr'] })).mailed).toBe(
      false,
    );
  });

  it('refuses roles of another kind of tenant, naming each, mailing and writing nothing', async () => {
    const mailer = new RecordingMailer();
    const refusal = await world.refusedWithoutWriting(() =>
      inviteMember(admin, { publicBaseUrl, mailer }, { email: 'x@example.cn', roles: ['finance', 'reviewer'] }),
    );
    expect(refusal.kind).toBe('invalid');
    expect(refusal.fields).toEqual([
      { path: '/roles/1', message: 'is not a role of an org tenant', code: 'roleOfOtherKind' },
    ]);
    expect(mailer.sent).toEqual([]);
  });
});

describe('acceptInvitation', () => {
  const invite = async (email: string) =>
    (await inviteMember(admin, { publicBaseUrl }, { email, roles: ['finance', 'staff'] })).link;

  it('makes the invitee a member with the invitation’s roles, once: a second acceptance is a Conflict', async () => {
    const identity = new RecordingDirectory();
    const token = tokenOf(await invite('accepts@example.cn'));
    const accepted = await acceptInvitation({ store: world.store, identity }, token, acceptance);
    expect(accepted.user).toMatchObject({ email: 'accepts@example.cn', name: '新同事', roles: ['finance', 'staff'] });
    expect(accepted.invitation).toMatchObject({ status: 'accepted', acceptedUserId: accepted.user.id });
    expect(await getMember(admin, accepted.user.id)).toMatchObject({ status: 'active', roles: ['finance', 'staff'] });
    expect(identity.callsOf('createUser').map((c) => c.input)).toEqual([
      {
        email: 'accepts@example.cn',
        name: '新同事',
        password: acceptance.password,
        tenantId: org.record.id,
        kind: 'org',
        roles: ['finance', 'staff'],
        region: '450602',
      },
    ]);
    const again = await world.refusedWithoutWriting(() =>
      acceptInvitation({ store: world.store, identity }, token, acceptance),
    );
    expect(again).toMatchObject({ kind: 'conflict', reason: 'accepted' });
    expect(again.message).toBe('This invitation is accepted; ask for a new one');
    expect(identity.callsOf('createUser')).toHaveLength(1);
  });

  it('refuses a revoked or expired invitation as a Conflict, and an unknown link as NotFound', async () => {
    const identity = new RecordingDirectory();
    const revokedToken = tokenOf(await invite('revoked@example.cn'));
    const { invitation } = await previewInvitation(world, revokedToken);
    await revokeInvitation(admin, invitation.id, invitation.version);
    const revoked = await world.refusedWithoutWriting(() =>
      acceptInvitation({ store: world.store, identity }, revokedToken, acceptance),
    );
    expect(revoked).toMatchObject({ kind: 'conflict', reason: 'revoked' });

    const expiredToken = tokenOf(await invite('late@example.cn'));
    const late = (await previewInvitation(world, expiredToken)).invitation;
    await world.table.set(keys.invitation(org.record.id, late.id), { expiresOn: '2026-01-01T00:00:00.000Z' });
    const expired = await world.refusedWithoutWriting(() =>
      acceptInvitation({ store: world.store, identity }, expiredToken, acceptance),
    );
    expect(expired).toMatchObject({ kind: 'conflict', reason: 'expired' });

    const unknown = await refusalOf(
      acceptInvitation({ store: world.store, identity }, randomBytes(32).toString('base64url'), acceptance),
    );
    expect(unknown).toMatchObject({ kind: 'notFound', message: 'This invitation link is not valid' });
    expect(identity.calls).toEqual([]);
  });
});

describe('changeMember', () => {
  it('refuses an admin dropping their own admin role or disabling themselves, asking the provider nothing', async () => {
    const identity = new RecordingDirectory();
    const self = await getMember(admin, admin.actor.userId);
    const dropAdmin = await world.refusedWithoutWriting(() =>
      changeMember(admin, identity, self.id, self.version, { roles: ['finance'] }),
    );
    expect(dropAdmin).toMatchObject({ kind: 'conflict', reason: 'selfAdmin' });
    expect(dropAdmin.fields.map((f) => [f.path, f.code])).toEqual([['/roles', 'selfAdmin']]);
    const disableSelf = await world.refusedWithoutWriting(() =>
      changeMember(admin, identity, self.id, self.version, { status: 'disabled' }),
    );
    expect(disableSelf).toMatchObject({ kind: 'conflict', reason: 'selfDisable' });
    expect(identity.calls).toEqual([]);
  });

  it('changes another member on record first, then in the identity provider; a stale version is Stale', async () => {
    const identity = new RecordingDirectory();
    const member = await getMember(admin, org.members.project_manager!);
    const promoted = await changeMember(admin, identity, member.id, member.version, {
      roles: ['project_manager', 'finance'],
    });
    expect(promoted).toMatchObject({ roles: ['project_manager', 'finance'], version: member.version + 1 });
    const disabled = await changeMember(admin, identity, member.id, promoted.version, { status: 'disabled' });
    expect(disabled.status).toBe('disabled');
    expect(identity.calls).toEqual([
      { method: 'updateRoles', email: member.email, roles: ['project_manager', 'finance'] },
      { method: 'setEnabled', email: member.email, enabled: false },
    ]);
    const stale = await world.refusedWithoutWriting(() =>
      changeMember(admin, identity, member.id, member.version, { status: 'active' }),
    );
    expect(stale.kind).toBe('stale');
    expect(identity.calls).toHaveLength(2);
  });
});

describe('createTenant', () => {
  /** An organisation of 防城区 to create, with the credit code of this serial. */
  const newOrg = (serial: number, name: string, adminEmail: string) => {
    const first17 = `52450603MJY${String(serial).padStart(6, '0')}`;
    return {
      kind: 'org' as const,
      name,
      region: '450603',
      uscc: `${first17}${usccCheckCharacter(first17)}`,
      adminEmail,
    };
  };

  it('creates the tenant and its first admin’s invitation in one go, once per key', async () => {
    const platform = await world.as(await world.platform(), 'platform_admin');
    const input = newOrg(901, '防城区同心社会工作服务社', 'first.admin@example.cn');
    const key = randomUUID();
    const created = await createTenant(platform, { publicBaseUrl }, input, key);
    expect(created.replayed).toBe(false);
    expect(created.tenant).toMatchObject({ kind: 'org', name: input.name, region: '450603', status: 'active' });
    expect(created.invitation).toMatchObject({
      tenantId: created.tenant.id,
      email: 'first.admin@example.cn',
      roles: ['admin'],
      status: 'pending',
    });
    const preview = await previewInvitation(world, tokenOf(created.adminInvitationLink));
    expect(preview).toEqual({ invitation: created.invitation, tenant: created.tenant });
    const before = await world.snapshot();
    expect(await createTenant(platform, { publicBaseUrl }, input, key)).toEqual({ ...created, replayed: true });
    expect(await world.snapshot()).toBe(before);
  });

  it('writes neither the tenant nor the invitation when the credit code is taken', async () => {
    const platform = await world.as(await world.platform(), 'platform_admin');
    const taken = newOrg(902, '甲社工', 'a@example.cn');
    await createTenant(platform, { publicBaseUrl }, taken);
    const refusal = await world.refusedWithoutWriting(() =>
      createTenant(platform, { publicBaseUrl }, { ...taken, name: '乙社工', adminEmail: 'b@example.cn' }),
    );
    expect(refusal.kind).toBe('conflict');
    expect(refusal.fields.map((f) => f.path)).toEqual(['/uscc']);
  });
});

describe('openSession against the records', () => {
  /** A verifier that answers the claims of a member of the organisation, with these changes. */
  const claimsOf = (userId: string, change: JWTPayload = {}) => ({
    store: world.store,
    today: () => '2026-04-01',
    verifyToken: async (): Promise<JWTPayload> => ({
      sub: userId,
      [TENANCY_CLAIMS.tenant]: org.record.id,
      [TENANCY_CLAIMS.kind]: 'org',
      [TENANCY_CLAIMS.region]: '450602',
      [TENANCY_CLAIMS.roles]: 'admin',
      ...change,
    }),
  });

  it("counts the member record's roles, not the token's, and runs use cases on the deps' clock", async () => {
    const deps = claimsOf(org.members.hr!);
    const session = await openSession(deps, 'token');
    expect(session.principal).toEqual({
      userId: org.members.hr,
      tenantId: org.record.id,
      kind: 'org',
      region: '450602',
      roles: ['hr'],
    });
    expect(contextOf(deps, session).clock.today()).toBe('2026-04-01');
    const refusal = await refusalOf(admit(deps, 'token', { kinds: ['org'], roles: ['admin'] }));
    expect(refusal).toMatchObject({ kind: 'forbidden', message: 'This needs one of the roles: admin' });
  });

  it('refuses a disabled member, an unknown one, and a token whose kind or region the tenant does not have', async () => {
    const identity = new RecordingDirectory();
    const staff = await getMember(admin, org.members.staff!);
    await changeMember(admin, identity, staff.id, staff.version, { status: 'disabled' });
    const cases: [ReturnType<typeof claimsOf>, string][] = [
      [claimsOf(staff.id), 'This account is not active in its organisation'],
      [claimsOf(randomUUID()), 'This account is not active in its organisation'],
      [
        claimsOf(org.members.hr!, { [TENANCY_CLAIMS.kind]: 'bureau' }),
        'Sign in again: the token does not match your organisation',
      ],
      [
        claimsOf(org.members.hr!, { [TENANCY_CLAIMS.region]: '450600' }),
        'Sign in again: the token does not match your organisation',
      ],
    ];
    for (const [deps, message] of cases) {
      expect(await refusalOf(openSession(deps, 'token'))).toMatchObject({ kind: 'unauthenticated', message });
    }
  });
});
