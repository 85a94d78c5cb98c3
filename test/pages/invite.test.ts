import { beforeAll, describe, expect, it } from 'vitest';
import { Browser, createWorld, hiddenField, type SeededUser, validUscc, type World } from './support.ts';

let world: World;
let admin: SeededUser;

beforeAll(async () => {
  world = await createWorld();
  const org = await world.addTenant('org', '防城区明德社工服务中心', '450603', validUscc(21));
  admin = await world.addUser(org, '黄丽', ['admin']);
});

/** An admin invites someone through the pages and reads the link off the result page. */
async function invite(email: string, roles: string[]): Promise<string> {
  const browser = new Browser(world.app);
  await browser.signIn(world, admin);
  const form = await (await browser.get('/my/organisation/invite')).text();
  await browser.post('/my/organisation/invite', { _key: hiddenField(form, '_key') ?? '', email, roles });
  const html = await (await browser.get('/my/organisation/invite/sent')).text();
  const link = /value="(http:\/\/localhost\/invite\/[A-Za-z0-9_-]{43})"/.exec(html)?.[1];
  if (!link) throw new Error('no invitation link on the page');
  return new URL(link).pathname;
}

describe('accepting an invitation', () => {
  it('says so plainly when the link is not valid', async () => {
    for (const path of ['/invite/not-a-token', `/invite/${'A'.repeat(43)}`]) {
      const response = await new Browser(world.app).get(path);
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain('邀请链接无效');
      expect(html).not.toContain('<form class="form"');
    }
  });

  it('shows who invites whom, checks the password, and joins the invitee', async () => {
    const path = await invite('new.member@example.cn', ['finance']);
    const browser = new Browser(world.app);
    const page = await browser.get(path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('防城区明德社工服务中心 邀请你加入');
    expect(html).toContain('new.member@example.cn');
    expect(html).toContain('财务');
    expect(html).toContain('<label class="label" for="password">');

    const mismatch = await browser.post(path, {
      name: '周杰',
      password: 'Correct-horse-9',
      confirm: 'Correct-horse-8',
    });
    expect(mismatch.status).toBe(400);
    const mismatchHtml = await mismatch.text();
    expect(mismatchHtml).toContain('两次输入的密码不一致');
    expect(mismatchHtml).toContain('href="#confirm"');
    expect(mismatchHtml).toContain('value="周杰"');
    expect(mismatchHtml).not.toContain('Correct-horse');

    const weak = await browser.post(path, { name: '', password: 'short', confirm: 'short' });
    expect(weak.status).toBe(400);
    const weakHtml = await weak.text();
    expect(weakHtml).toContain('请输入姓名');
    expect(weakHtml).toContain('密码至少 12 个字符');
    expect(world.identity.created).toHaveLength(0);

    const accepted = await browser.post(path, {
      name: '周杰',
      password: 'Correct-horse-9',
      confirm: 'Correct-horse-9',
    });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('Location')).toBe('/invite/joined');
    const joined = await (await browser.get('/invite/joined')).text();
    expect(joined).toContain('你已加入 防城区明德社工服务中心');
    expect(joined).toContain('href="/auth/login"');
    expect(world.identity.created.at(-1)).toMatchObject({
      email: 'new.member@example.cn',
      name: '周杰',
      roles: ['finance'],
      tenantId: admin.tenant.id,
    });

    const users = await world.store.tenant({ tenantId: admin.tenant.id, userId: 'test' }).users.list({ limit: 100 });
    expect(users.items.map((u) => u.email)).toContain('new.member@example.cn');

    // The link is single-use.
    const used = await new Browser(world.app).get(path);
    expect(used.status).toBe(410);
    expect(await used.text()).toContain('邀请已被使用');
  });

  it('says a revoked invitation was revoked', async () => {
    const path = await invite('gone@example.cn', ['staff']);
    const repos = world.store.tenant({ tenantId: admin.tenant.id, userId: admin.id });
    const invitation = (await repos.invitations.list({ limit: 100 })).items.find((i) => i.email === 'gone@example.cn');
    await repos.invitations.revoke(invitation?.id ?? '', invitation?.version ?? 0);
    const browser = new Browser(world.app);
    const response = await browser.get(path);
    expect(response.status).toBe(410);
    expect(await response.text()).toContain('邀请已撤销');
    const post = await browser.post(path, { name: '某人', password: 'Correct-horse-9', confirm: 'Correct-horse-9' });
    expect(post.status).toBe(410);
  });

  it('needs the CSRF token here too', async () => {
    const path = await invite('csrf.invitee@example.cn', ['staff']);
    const browser = new Browser(world.app);
    await browser.get(path);
    const response = await browser.post(
      path,
      { name: '某人', password: 'Correct-horse-9', confirm: 'Correct-horse-9' },
      { csrf: false },
    );
    expect(response.status).toBe(403);
    expect(world.identity.created.some((u) => u.email === 'csrf.invitee@example.cn')).toBe(false);
  });

  it('says the same to the link’s holder whether the address signs in here or to another organisation', async () => {
    // Issue 10, point 13: the inviter holds the link too, so the page must not tell them more than
    // they know already (their own members): both answers are one, and it names no other organisation.
    const other = await world.addTenant('org', '东兴市另一家社工服务中心', '450681', validUscc(22));
    const elsewhere = await world.addUser(other, '外机构成员', ['staff']);
    const here = await world.addUser(admin.tenant, '本机构成员', ['staff']);
    const answers: string[] = [];
    for (const user of [elsewhere, here]) {
      const path = await invite(user.email, ['staff']);
      const browser = new Browser(world.app);
      await browser.get(path);
      const response = await browser.post(path, {
        name: '某人',
        password: 'Correct-horse-9',
        confirm: 'Correct-horse-9',
      });
      expect(response.status).toBe(409);
      const main = /<main[\s\S]*<\/main>/.exec(await response.text())?.[0] ?? '';
      answers.push(main.replace(/\/invite\/[A-Za-z0-9_-]{43}/g, '/invite/…').replace(user.email, '…'));
    }
    expect(answers[0]).toBe(answers[1]);
    expect(answers[0]).toContain('这个邮箱已经可以登录社工平台');
    expect(answers[0]).not.toMatch(/其他机构|另一|another/);
  });
});
