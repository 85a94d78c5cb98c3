import { beforeAll, describe, expect, it } from 'vitest';
import { Browser, createWorld, hiddenField, type SeededUser, validUscc, type World } from './support.ts';

let world: World;
let admin: SeededUser;
let staff: SeededUser;
let otherAdmin: SeededUser;
let otherStaff: SeededUser;

beforeAll(async () => {
  world = await createWorld();
  const org = await world.addTenant('org', '东兴市阳光社工服务中心', '450681', validUscc(11));
  admin = await world.addUser(org, '李娜', ['admin']);
  staff = await world.addUser(org, '王芳', ['staff']);
  const other = await world.addTenant('org', '港口区启航社工服务站', '450602', validUscc(12));
  otherAdmin = await world.addUser(other, '陈伟', ['admin']);
  otherStaff = await world.addUser(other, '赵敏', ['hr']);
});

async function invitationsOf(user: SeededUser) {
  return (await world.store.tenant({ tenantId: user.tenant.id, userId: 'test' }).invitations.list({ limit: 100 }))
    .items;
}

async function signedIn(user: SeededUser) {
  const browser = new Browser(world.app);
  await browser.signIn(world, user);
  return browser;
}

describe('my organisation', () => {
  it('shows the tenant’s details, its users and invitations, and to an admin the invite action', async () => {
    const browser = await signedIn(admin);
    const html = await (await browser.get('/my/organisation')).text();
    expect(html).toContain('东兴市阳光社工服务中心');
    expect(html).toContain('统一社会信用代码');
    expect(html).toContain(validUscc(11));
    expect(html).toContain('东兴市');
    expect(html).toContain(staff.email);
    expect(html).toContain('管理员');
    expect(html).toContain('href="/my/organisation/invite"');
    expect(html).not.toContain(otherAdmin.email);
  });

  it('shows a non-admin the same lists but no invite form, and refuses their posts with 403', async () => {
    const browser = await signedIn(staff);
    const page = await browser.get('/my/organisation');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(admin.email);
    expect(html).not.toContain('href="/my/organisation/invite"');
    expect(html).not.toContain('/revoke');
    expect((await browser.get('/my/organisation/invite')).status).toBe(403);
    const before = (await invitationsOf(admin)).length;
    const post = await browser.post('/my/organisation/invite', {
      email: 'x@example.cn',
      roles: ['staff'],
      _key: 'k'.repeat(43),
    });
    expect(post.status).toBe(403);
    expect(await post.text()).toContain('没有权限');
    expect((await invitationsOf(admin)).length).toBe(before);
  });
});

describe('inviting', () => {
  it('refuses a post without the CSRF token (403 page, nothing written)', async () => {
    const browser = await signedIn(admin);
    await browser.get('/my/organisation/invite');
    const before = (await invitationsOf(admin)).length;
    const response = await browser.post(
      '/my/organisation/invite',
      { email: 'csrf@example.cn', roles: 'staff' },
      { csrf: false },
    );
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('无法确认这次提交');
    expect((await invitationsOf(admin)).length).toBe(before);
  });

  it('refuses a post from another site even with the token', async () => {
    const browser = await signedIn(admin);
    await browser.get('/my/organisation/invite');
    const before = (await invitationsOf(admin)).length;
    const attempts: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': '', Origin: 'https://evil.example' },
    ];
    for (const headers of attempts) {
      const response = await browser.post(
        '/my/organisation/invite',
        { email: 'evil@example.cn', roles: 'staff' },
        { headers },
      );
      expect(response.status).toBe(403);
    }
    expect((await invitationsOf(admin)).length).toBe(before);
  });

  it('lets an admin invite: the link is shown once to copy, and the invitation is listed', async () => {
    const browser = await signedIn(admin);
    const form = await (await browser.get('/my/organisation/invite')).text();
    expect(form).toContain('<label class="label" for="email">');
    for (const role of ['admin', 'finance', 'project_manager', 'hr', 'staff'])
      expect(form).toContain(`id="roles-${role}"`);
    expect(form).not.toContain('roles-operator');
    const key = hiddenField(form, '_key') ?? '';
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const fields = { _key: key, email: 'Zhang.Wei@Example.cn', roles: ['hr', 'staff'] };
    const response = await browser.post('/my/organisation/invite', fields);
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/my/organisation/invite/sent');
    // A double submit of the same form creates nothing more.
    const again = await browser.post('/my/organisation/invite', fields);
    expect(again.status).toBe(303);

    const sent = await browser.get('/my/organisation/invite/sent');
    expect(sent.status).toBe(200);
    const html = await sent.text();
    expect(html).toContain('已邀请 zhang.wei@example.cn');
    expect(html).toMatch(/value="http:\/\/localhost\/invite\/[A-Za-z0-9_-]{43}"/);
    expect(html).toContain('没有配置邮件发送');

    const invited = (await invitationsOf(admin)).filter((i) => i.email === 'zhang.wei@example.cn');
    expect(invited).toHaveLength(1);
    expect(invited[0]?.roles).toEqual(['hr', 'staff']);
    const list = await (await browser.get('/my/organisation')).text();
    expect(list).toContain('zhang.wei@example.cn');
    expect(list).toContain('待接受');
  });

  it('explains each mistake beside its field and in a summary at the top', async () => {
    const browser = await signedIn(admin);
    const form = await (await browser.get('/my/organisation/invite')).text();
    const response = await browser.post('/my/organisation/invite', {
      _key: hiddenField(form, '_key') ?? '',
      email: 'not-an-email',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('href="#email"');
    expect(html).toContain('href="#roles-admin"');
    expect(html).toContain('id="email-error"');
    expect(html).toContain('请至少选择一个角色');
    expect(html).toContain('value="not-an-email"');
  });

  it('revokes a pending invitation', async () => {
    const browser = await signedIn(admin);
    const form = await (await browser.get('/my/organisation/invite')).text();
    await browser.post('/my/organisation/invite', {
      _key: hiddenField(form, '_key') ?? '',
      email: 'revoke.me@example.cn',
      roles: 'staff',
    });
    const invitation = (await invitationsOf(admin)).find((i) => i.email === 'revoke.me@example.cn');
    expect(invitation?.status).toBe('pending');
    const response = await browser.post(`/my/organisation/invitations/${invitation?.id}/revoke`, {
      version: String(invitation?.version),
    });
    expect(response.status).toBe(303);
    const html = await (await browser.get('/my/organisation')).text();
    expect(html).toContain('已撤销发给 revoke.me@example.cn 的邀请');
    expect((await invitationsOf(admin)).find((i) => i.id === invitation?.id)?.status).toBe('revoked');
  });
});

describe('managing users', () => {
  it('changes roles with the version read, and says so when someone else changed them first', async () => {
    const browser = await signedIn(admin);
    const repos = world.store.tenant({ tenantId: admin.tenant.id, userId: 'test' });
    const page = await (await browser.get(`/my/organisation/users/${staff.id}`)).text();
    const version = hiddenField(page, 'version') ?? '';
    const saved = await browser.post(`/my/organisation/users/${staff.id}`, { version, roles: ['staff', 'finance'] });
    expect(saved.status).toBe(303);
    expect((await repos.users.get(staff.id)).roles).toEqual(['staff', 'finance']);
    expect(world.identity.roleUpdates.at(-1)).toEqual({ email: staff.email, roles: ['staff', 'finance'] });

    // The same (now old) version again: stale.
    const stale = await browser.post(`/my/organisation/users/${staff.id}`, { version, roles: ['staff'] });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('这条记录刚被其他人修改过');
    expect((await repos.users.get(staff.id)).roles).toEqual(['staff', 'finance']);
  });

  it('does not let an admin disable themselves', async () => {
    const browser = await signedIn(admin);
    const page = await (await browser.get(`/my/organisation/users/${admin.id}`)).text();
    const response = await browser.post(`/my/organisation/users/${admin.id}/status`, {
      version: hiddenField(page, 'version') ?? '',
      status: 'disabled',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('你不能停用自己的账号');
  });

  it('disables and enables another user', async () => {
    const browser = await signedIn(admin);
    const repos = world.store.tenant({ tenantId: admin.tenant.id, userId: 'test' });
    const target = await world.addUser(admin.tenant, '刘洋', ['staff']);
    let page = await (await browser.get(`/my/organisation/users/${target.id}`)).text();
    expect(
      (
        await browser.post(`/my/organisation/users/${target.id}/status`, {
          version: hiddenField(page, 'version') ?? '',
          status: 'disabled',
        })
      ).status,
    ).toBe(303);
    expect((await repos.users.get(target.id)).status).toBe('disabled');
    page = await (await browser.get(`/my/organisation/users/${target.id}`)).text();
    expect(
      (
        await browser.post(`/my/organisation/users/${target.id}/status`, {
          version: hiddenField(page, 'version') ?? '',
          status: 'active',
        })
      ).status,
    ).toBe(303);
    expect((await repos.users.get(target.id)).status).toBe('active');
  });

  it('answers 404 for another tenant’s user or invitation, and changes nothing', async () => {
    const browser = await signedIn(admin);
    const page = await browser.get(`/my/organisation/users/${otherStaff.id}`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('找不到页面');
    const post = await browser.post(`/my/organisation/users/${otherStaff.id}/status`, {
      version: '1',
      status: 'disabled',
    });
    expect(post.status).toBe(404);
    const otherRepos = world.store.tenant({ tenantId: otherStaff.tenant.id, userId: 'test' });
    expect((await otherRepos.users.get(otherStaff.id)).status).toBe('active');

    const mutation = otherRepos.scope.mutation();
    const { invitation } = otherRepos.invitations.create(mutation, { email: 'theirs@example.cn', roles: ['staff'] });
    await mutation.audited('invitation.create', 'Invitation', invitation.id, 1, invitation).commit();
    const revoke = await browser.post(`/my/organisation/invitations/${invitation.id}/revoke`, { version: '1' });
    expect(revoke.status).toBe(404);
    expect((await otherRepos.invitations.get(invitation.id)).status).toBe('pending');
  });
});
