import { ExternalDirectory } from '@shegong/http/aws';
import { beforeAll, describe, expect, it } from 'vitest';
import { Browser, createWorld, hiddenField, type SeededUser, validUscc, type World } from './support.ts';

/**
 * Issue 14: a deployment whose OIDC provider Shegong has no admin client of (a China region
 * without a Keycloak admin client) cannot create sign-ins. The invitee is told so, with what the
 * platform operator must set up, on the page and in the API's problem; nothing is written.
 */
let world: World;
let admin: SeededUser;

beforeAll(async () => {
  world = await createWorld();
  const org = await world.addTenant('org', '防城区明德社工服务中心', '450603', validUscc(22));
  admin = await world.addUser(org, '黄丽', ['admin']);
});

async function invite(email: string): Promise<string> {
  const browser = new Browser(world.app);
  await browser.signIn(world, admin);
  const form = await (await browser.get('/my/organisation/invite')).text();
  await browser.post('/my/organisation/invite', { _key: hiddenField(form, '_key') ?? '', email, roles: ['finance'] });
  const html = await (await browser.get('/my/organisation/invite/sent')).text();
  const link = /value="(http:\/\/localhost\/invite\/[A-Za-z0-9_-]{43})"/.exec(html)?.[1];
  if (!link) throw new Error('no invitation link on the page');
  return new URL(link).pathname;
}

describe('an invitation where the identity provider creates sign-ins itself', () => {
  it('says what the operator must set up instead of asking for a password, on the page and in the API', async () => {
    const path = await invite('wang.wei@example.cn');
    const directory = world.deps.identity;
    world.deps.identity = new ExternalDirectory();
    try {
      const browser = new Browser(world.app);
      const page = await browser.get(path);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('暂时无法通过邀请创建账号');
      expect(html).toContain('防城区明德社工服务中心');
      expect(html).toContain('keycloakAdminClientId');
      expect(html).not.toContain('type="password"');

      const posted = await browser.post(path, {
        name: '王伟',
        password: 'Correct-horse-9',
        confirm: 'Correct-horse-9',
      });
      expect(posted.status).toBe(501);
      expect(await posted.text()).toContain('暂时无法通过邀请创建账号');

      const token = path.split('/').pop();
      const api = await world.app.request(`/v1/invitations/${token}/accept`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: '王伟', password: 'Correct-horse-9' }),
      });
      expect(api.status).toBe(501);
      expect(api.headers.get('Content-Type')).toContain('application/problem+json');
      const problem = (await api.json()) as { type?: string; detail?: string };
      expect(problem.type).toBe('https://shegong.cn/problems/sign-ins-not-managed');
      expect(problem.detail).toMatch(/platform operator must give Shegong an admin client/);
    } finally {
      world.deps.identity = directory;
    }
    // Nothing was used up: with a directory again, the same link still opens the form.
    const again = await new Browser(world.app).get(path);
    expect(await again.text()).toContain('type="password"');
  });
});
