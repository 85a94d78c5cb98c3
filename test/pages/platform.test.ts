import { beforeAll, describe, expect, it } from 'vitest';
import { Browser, createWorld, hiddenField, type SeededUser, validUscc, type World } from './support.ts';

let world: World;
let platformAdmin: SeededUser;
let orgAdmin: SeededUser;

beforeAll(async () => {
  world = await createWorld();
  const platform = await world.addTenant('platform', '社工平台', '450000');
  platformAdmin = await world.addUser(platform, '平台管理员', ['platform_admin']);
  const org = await world.addTenant('org', '上思县同心社工服务中心', '450621', validUscc(31));
  orgAdmin = await world.addUser(org, '蒙小燕', ['admin']);
});

describe('platform tenants', () => {
  it('are for the platform administrator only', async () => {
    const browser = new Browser(world.app);
    await browser.signIn(world, orgAdmin);
    expect((await browser.get('/platform/tenants')).status).toBe(403);
    expect(
      (
        await browser.post('/platform/tenants/new', {
          kind: 'bureau',
          name: '某局',
          region: '450621',
          adminEmail: 'a@example.cn',
        })
      ).status,
    ).toBe(403);
  });

  it('lists tenants with their kind and region', async () => {
    const browser = new Browser(world.app);
    await browser.signIn(world, platformAdmin);
    const html = await (await browser.get('/platform/tenants')).text();
    expect(html).toContain('上思县同心社工服务中心');
    expect(html).toContain('社工机构');
    expect(html).toContain('上思县');
    expect(html).toContain('href="/platform/tenants/new"');
  });

  it('creates a bureau and shows the first administrator’s invitation link', async () => {
    const browser = new Browser(world.app);
    await browser.signIn(world, platformAdmin);
    const form = await (await browser.get('/platform/tenants/new')).text();
    expect(form).toContain('<option value="450681">');
    const response = await browser.post('/platform/tenants/new', {
      _key: hiddenField(form, '_key') ?? '',
      kind: 'bureau',
      name: '上思县民政局',
      nameEn: 'Shangsi County Civil Affairs Bureau',
      region: '450621',
      uscc: '',
      adminEmail: 'admin@shangsi.example.cn',
    });
    expect(response.status).toBe(303);
    const created = await (await browser.get('/platform/tenants/created')).text();
    expect(created).toContain('已创建 上思县民政局');
    expect(created).toMatch(/value="http:\/\/localhost\/invite\/[A-Za-z0-9_-]{43}"/);
    expect(await (await browser.get('/platform/tenants')).text()).toContain('上思县民政局');
  });

  it('asks an organisation for a valid USCC and names the fields that are wrong', async () => {
    const browser = new Browser(world.app);
    await browser.signIn(world, platformAdmin);
    const form = await (await browser.get('/platform/tenants/new')).text();
    const response = await browser.post('/platform/tenants/new', {
      _key: hiddenField(form, '_key') ?? '',
      kind: 'org',
      name: '新机构',
      region: '',
      uscc: '123',
      adminEmail: 'nope',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('href="#region"');
    expect(html).toContain('href="#uscc"');
    expect(html).toContain('href="#adminEmail"');
    expect(html).toContain('请输入有效的 18 位统一社会信用代码');

    const taken = await browser.post('/platform/tenants/new', {
      _key: hiddenField(form, '_key') ?? '',
      kind: 'org',
      name: '重复机构',
      region: '450621',
      uscc: validUscc(31),
      adminEmail: 'dup@example.cn',
    });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain('已有机构使用这个统一社会信用代码');
  });
});

describe('opening a tenant, reissuing its first invitation, suspending and restoring it', () => {
  let tenantId = '';
  let firstLink = '';

  it('opens the tenant from its row: status, members and the pending invitation', async () => {
    const browser = new Browser(world.app);
    await browser.signIn(world, platformAdmin);
    const form = await (await browser.get('/platform/tenants/new')).text();
    await browser.post('/platform/tenants/new', {
      _key: hiddenField(form, '_key') ?? '',
      kind: 'incubator',
      name: '东兴市社会组织孵化基地',
      region: '450681',
      adminEmail: 'first.admin@dx-fuhua.example.cn',
    });
    const created = await (await browser.get('/platform/tenants/created')).text();
    firstLink = /value="(http:\/\/localhost\/invite\/[A-Za-z0-9_-]{43})"/.exec(created)?.[1] ?? '';
    const list = await (await browser.get('/platform/tenants')).text();
    tenantId = /href="\/platform\/tenants\/([0-9a-f-]{36})"[^>]*>东兴市社会组织孵化基地/.exec(list)?.[1] ?? '';
    expect(tenantId).not.toBe('');
    const page = await browser.get(`/platform/tenants/${tenantId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('东兴市社会组织孵化基地');
    expect(html).toContain('first.admin@dx-fuhua.example.cn');
    expect(html).toContain('待接受');
    expect(html).toContain('还没有成员');
    expect(html).toContain(`href="/platform/tenants/${tenantId}/suspend"`);
  });

  it('reissues the invitation: the old link is refused, the new one opens the form', async () => {
    const browser = new Browser(world.app);
    await browser.signIn(world, platformAdmin);
    const page = await (await browser.get(`/platform/tenants/${tenantId}`)).text();
    const action = /action="(\/platform\/tenants\/[^"]+\/reissue)"/.exec(page)?.[1] ?? '';
    const reissued = await browser.post(action, {});
    expect(reissued.status).toBe(303);
    const shown = await (await browser.get(reissued.headers.get('Location') ?? '')).text();
    expect(shown).toContain('旧链接已失效');
    const newLink = /value="(http:\/\/localhost\/invite\/[A-Za-z0-9_-]{43})"/.exec(shown)?.[1] ?? '';
    expect(newLink).not.toBe(firstLink);
    const old = await new Browser(world.app).get(new URL(firstLink).pathname);
    expect(old.status).toBe(410);
    const fresh = await new Browser(world.app).get(new URL(newLink).pathname);
    expect(fresh.status).toBe(200);
    expect(await fresh.text()).toContain('<label class="label" for="password">');
  });

  it('asks before suspending, needs a reason, then suspends and shows who, when and why', async () => {
    const member = await world.addUser(
      await world.store.platform({ tenantId: world.platformId, userId: 'x', kind: 'platform' }).directory.get(tenantId),
      '韦小宝',
      ['operator'],
    );
    const memberBrowser = new Browser(world.app);
    await memberBrowser.signIn(world, member);
    expect((await memberBrowser.get('/my/organisation')).status).toBe(200);

    const browser = new Browser(world.app);
    await browser.signIn(world, platformAdmin);
    const confirm = await (await browser.get(`/platform/tenants/${tenantId}/suspend`)).text();
    expect(confirm).toContain('暂停 东兴市社会组织孵化基地？');
    const version = hiddenField(confirm, 'version') ?? '';
    const empty = await browser.post(`/platform/tenants/${tenantId}/suspend`, { version, reason: '' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('href="#reason"');
    const done = await browser.post(`/platform/tenants/${tenantId}/suspend`, {
      version,
      reason: '机构申请注销，待核实',
    });
    expect(done.status).toBe(303);
    const page = await (await browser.get(`/platform/tenants/${tenantId}`)).text();
    expect(page).toContain('已暂停 东兴市社会组织孵化基地');
    expect(page).toContain('平台管理员');
    expect(page).toContain('机构申请注销，待核实');
    expect(page).toContain('/restore"');

    // The member's session ends at once, and a new sign-in is refused with a clear page.
    const refused = await memberBrowser.get('/my/organisation');
    expect(refused.status).toBe(403);
    const text = await refused.text();
    expect(text).toContain('你的机构已暂停使用社工平台');
    expect(text).toContain('联系社工平台运营方');
    expect(text).not.toContain('机构申请注销');
    expect(memberBrowser.cookies.has('sg_session')).toBe(false);
    const login = await memberBrowser.get('/auth/login');
    const { code, state } = world.issueCode(login.headers.get('Location') ?? '', member);
    const callback = await memberBrowser.get(`/auth/callback?code=${code}&state=${state}`);
    expect(callback.status).toBe(403);
    expect(await callback.text()).toContain('你的机构已暂停使用社工平台');
    expect(memberBrowser.cookies.has('sg_session')).toBe(false);

    // Restored: the member signs in again.
    const restore = await browser.post(`/platform/tenants/${tenantId}/restore`, {
      version: hiddenField(page, 'version') ?? '',
    });
    expect(restore.status).toBe(303);
    expect(await (await browser.get(`/platform/tenants/${tenantId}`)).text()).toContain(
      '已恢复 东兴市社会组织孵化基地',
    );
    const again = await memberBrowser.get('/auth/login');
    const second = world.issueCode(again.headers.get('Location') ?? '', member);
    expect((await memberBrowser.get(`/auth/callback?code=${second.code}&state=${second.state}`)).status).toBe(303);
    expect((await memberBrowser.get('/my/organisation')).status).toBe(200);
  });

  it('answers 404 for a tenant id that is not one', async () => {
    const browser = new Browser(world.app);
    await browser.signIn(world, platformAdmin);
    expect((await browser.get('/platform/tenants/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await browser.get('/platform/tenants/not-an-id')).status).toBe(404);
  });
});
