import { randomUUID } from 'node:crypto';
import { type NewIdentity, SignInExists } from '@shegong/core';
import { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import { KeycloakAdminError, KeycloakDirectory } from './keycloak.ts';

const HOST = 'https://sso.example.cn';
const ISSUER = `${HOST}/realms/shegong`;
const CLIENT = { id: 'shegong-admin', secret: 's3cret' };

interface FakeUser {
  id: string;
  username: string;
  email: string;
  enabled: boolean;
  firstName?: string;
  attributes: Record<string, string[]>;
  credentials?: { type: string; value: string; temporary: boolean }[];
  loggedOut: number;
}

/**
 * The few Keycloak endpoints the directory uses, in process. It checks what it is sent as Keycloak
 * would: the client-credentials grant, the bearer token on every admin call, the paths and bodies.
 */
function fakeKeycloak() {
  const users = new Map<string, FakeUser>();
  const issued = new Set<string>();
  const log: string[] = [];
  let grants = 0;
  const app = new Hono()
    .post('/realms/shegong/protocol/openid-connect/token', async (c) => {
      const form = await c.req.parseBody();
      if (form.grant_type !== 'client_credentials') return c.json({ error: 'unsupported_grant_type' }, 400);
      if (form.client_id !== CLIENT.id || form.client_secret !== CLIENT.secret) {
        return c.json({ error: 'unauthorized_client' }, 401);
      }
      grants++;
      const token = randomUUID();
      issued.add(token);
      return c.json({ access_token: token, token_type: 'Bearer', expires_in: 300 });
    })
    .use('/admin/realms/shegong/*', async (c, next) => {
      log.push(`${c.req.method} ${new URL(c.req.url).pathname}`);
      const token = /^Bearer (.+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
      if (!token || !issued.has(token)) return c.json({ error: 'HTTP 401 Unauthorized' }, 401);
      await next();
    })
    .post('/admin/realms/shegong/users', async (c) => {
      const body = (await c.req.json()) as Omit<FakeUser, 'id' | 'loggedOut'>;
      if ([...users.values()].some((u) => u.username === body.username || u.email === body.email)) {
        return c.json({ errorMessage: 'User exists with same username' }, 409);
      }
      const id = randomUUID();
      users.set(id, { ...body, id, loggedOut: 0 });
      return c.body(null, 201, { Location: `${HOST}/admin/realms/shegong/users/${id}` });
    })
    .get('/admin/realms/shegong/users', (c) => {
      const email = c.req.query('email');
      if (c.req.query('exact') !== 'true') return c.json({ error: 'expected an exact search' }, 400);
      return c.json([...users.values()].filter((u) => u.email === email).map(({ credentials: _, ...u }) => u));
    })
    .put('/admin/realms/shegong/users/:id', async (c) => {
      const user = users.get(c.req.param('id'));
      if (!user) return c.json({ error: 'User not found' }, 404);
      // Keycloak replaces each top-level field it is given (attributes as a whole).
      Object.assign(user, await c.req.json());
      return c.body(null, 204);
    })
    .post('/admin/realms/shegong/users/:id/logout', (c) => {
      const user = users.get(c.req.param('id'));
      if (!user) return c.json({ error: 'User not found' }, 404);
      user.loggedOut++;
      return c.body(null, 204);
    });
  const fetcher = ((input: string | URL | Request, init?: RequestInit) =>
    app.request(new Request(input, init))) as typeof fetch;
  return { users, log, fetcher, grants: () => grants };
}

const invitee: NewIdentity = {
  email: 'li.na@example.cn',
  name: '李娜',
  password: 'Correct-Horse-42',
  tenantId: 't-1',
  kind: 'org',
  roles: ['admin', 'hr'],
  region: '450602',
};

let keycloak: ReturnType<typeof fakeKeycloak>;
let directory: KeycloakDirectory;

beforeEach(() => {
  keycloak = fakeKeycloak();
  directory = new KeycloakDirectory({
    issuer: ISSUER,
    clientId: CLIENT.id,
    clientSecret: CLIENT.secret,
    fetch: keycloak.fetcher,
  });
});

describe('KeycloakDirectory', () => {
  it('creates the user with the tenancy attributes and a permanent password, with a service-account token', async () => {
    const { userId } = await directory.createUser(invitee);
    const user = keycloak.users.get(userId);
    expect(user).toMatchObject({
      username: 'li.na@example.cn',
      email: 'li.na@example.cn',
      enabled: true,
      firstName: '李娜',
      attributes: { tenant_id: ['t-1'], tenant_kind: ['org'], roles: ['admin,hr'], region: ['450602'] },
      credentials: [{ type: 'password', value: 'Correct-Horse-42', temporary: false }],
    });
    expect(keycloak.log).toEqual(['POST /admin/realms/shegong/users']);
  });

  it('answers a retried acceptance with the same subject, and refuses an address another tenant holds', async () => {
    const { userId } = await directory.createUser(invitee);
    expect(await directory.createUser(invitee)).toEqual({ userId });
    await expect(directory.createUser({ ...invitee, tenantId: 't-2' })).rejects.toBeInstanceOf(SignInExists);
  });

  it('keeps the other attributes when the roles change', async () => {
    const { userId } = await directory.createUser(invitee);
    await directory.updateRoles(invitee.email, ['finance']);
    expect(keycloak.users.get(userId)?.attributes).toEqual({
      tenant_id: ['t-1'],
      tenant_kind: ['org'],
      roles: ['finance'],
      region: ['450602'],
    });
  });

  it('disables and signs out, then enables, asking for one token for all of it', async () => {
    const { userId } = await directory.createUser(invitee);
    await directory.setEnabled(invitee.email, false);
    expect(keycloak.users.get(userId)).toMatchObject({ enabled: false, loggedOut: 1 });
    await directory.setEnabled(invitee.email, true);
    expect(keycloak.users.get(userId)).toMatchObject({ enabled: true, loggedOut: 1 });
    expect(keycloak.log).toEqual([
      'POST /admin/realms/shegong/users',
      'GET /admin/realms/shegong/users',
      `PUT /admin/realms/shegong/users/${userId}`,
      `POST /admin/realms/shegong/users/${userId}/logout`,
      'GET /admin/realms/shegong/users',
      `PUT /admin/realms/shegong/users/${userId}`,
    ]);
    expect(keycloak.grants()).toBe(1);
  });

  it('fails plainly with a wrong client secret, and for a user Keycloak does not hold', async () => {
    const wrong = new KeycloakDirectory({
      issuer: ISSUER,
      clientId: CLIENT.id,
      clientSecret: 'guess',
      fetch: keycloak.fetcher,
    });
    await expect(wrong.createUser(invitee)).rejects.toThrow();
    expect(keycloak.users.size).toBe(0);
    await expect(directory.setEnabled('nobody@example.cn', false)).rejects.toBeInstanceOf(KeycloakAdminError);
  });

  it('needs a Keycloak-shaped issuer', () => {
    expect(
      () => new KeycloakDirectory({ issuer: 'https://cognito-idp.example/pool', clientId: 'a', clientSecret: 'b' }),
    ).toThrow(KeycloakAdminError);
  });
});
