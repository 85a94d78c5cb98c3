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
