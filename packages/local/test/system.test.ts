import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, Store } from '@shegong/store';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { copyDemoData } from '../../../test/browser/demo-template.ts';
import { freePort, LocalSystemError } from '../src/dynamodb-local.ts';
import { DEMO_PASSWORD } from '../src/seed/demo-data.ts';
import { type LocalSystem, startLocalSystem } from '../src/system.ts';
import { codeFlow } from './code-flow.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'shegong-local-'));
const running: LocalSystem[] = [];

afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(ports: { port: number; dynamoPort: number }) {
  const system = await startLocalSystem({ ...ports, dataDir, seed: true, quiet: true });
  running.push(system);
  return system;
}

/** Signs in a demo user through the issuer's code flow, over HTTP, as the pages would. */
async function signIn(system: LocalSystem, email: string) {
  const tokens = await codeFlow((url, init) => fetch(url, init), {
    issuer: system.issuer.issuer,
    clientId: system.issuer.clientId,
    redirectUri: `${system.url}/auth/callback`,
    email,
    password: DEMO_PASSWORD,
  });
  return tokens.id_token;
}

const api = (system: LocalSystem, path: string, token: string, init: RequestInit = {}) =>
  fetch(`${system.url}/v1${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } });

// Each test starts DynamoDB Local and seeds the whole demo (about 25 s alone on a quiet 2-core
// machine, several times that beside other test files): give them room.
describe('startLocalSystem', { timeout: 240_000 }, () => {
  it('serves /v1/me to a demo user, and keeps data and sign-ins across a restart', async () => {
    const ports = { port: await freePort(), dynamoPort: await freePort() };
    const first = await start(ports);
    expect(first.url).toBe(`http://localhost:${ports.port}`);
    expect(first.seed?.seeded).toBe(true);

    const token = await signIn(first, 'admin@yangguang.demo');
    const me = await api(first, '/me', token);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      user: { email: 'admin@yangguang.demo', name: '林芳' },
      tenant: { kind: 'org', name: '港口区阳光社会工作服务中心', region: { code: '450602' } },
      roles: ['admin'],
    });
    const discovery = await fetch(`${first.url}/local-idp/.well-known/openid-configuration`);
    expect(await discovery.json()).toMatchObject({ issuer: `${first.url}/local-idp` });

    // A change made in the app, then a restart on the same data.
    const users = (await (await api(first, '/users', token)).json()) as { items: { id: string; email: string }[] };
    const hr = users.items.find((u) => u.email === 'hr@yangguang.demo')!;
    const changed = await api(first, `/users/${hr.id}`, token, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"1"' },
      body: JSON.stringify({ roles: ['hr', 'staff'] }),
    });
    expect(changed.status).toBe(200);
    await first.stop();
    await expect(fetch(`${first.url}/v1/openapi.json`)).rejects.toThrow();

    const second = await start(ports);
    expect(second.seed).toEqual({ seeded: false, parts: [] });
    // The token from before the restart still verifies (the key is on disk), and the change stayed.
    expect((await api(second, '/me', token)).status).toBe(200);
    const after = await api(second, `/users/${hr.id}`, token);
    expect(await after.json()).toMatchObject({ roles: ['hr', 'staff'], version: 2 });
    expect((await api(second, '/me', await signIn(second, 'hr@yangguang.demo'))).status).toBe(200);
    await second.stop();
  });

  it('signs a demo user in to the pages through the issuer (the callback redeems the code in-process)', async () => {
    // On the run's DynamoDB Local, in a table of its own filled with a copy of the run's demo data,
    // as the browser journeys start theirs (the test above seeds for real; a second seed here would
    // only take its time again).
    const store = new Store({ tableName: `system-${randomUUID()}`, endpoint: inject('dynamoEndpoint') });
    await copyDemoData(inject('dynamoEndpoint'), store.tableName);
    const system = await startLocalSystem({
      port: await freePort(),
      dynamoEndpoint: inject('dynamoEndpoint'),
      tableName: store.tableName,
      seed: true,
      quiet: true,
    });
    running.push(system);
    const jar = new Map<string, string>();
    const browse = async (url: string, init: RequestInit = {}) => {
      const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, Cookie: cookie } });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const [name = '', value = ''] = pair.split('=');
        jar.set(name, value);
      }
      return response;
    };
    const login = await browse(`${system.url}/auth/login`);
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get('Location') ?? '');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${system.issuer.issuer}/authorize`);
    // The issuer's sign-in form, posted with the request the pages made.
    const form = new URLSearchParams(authorize.searchParams);
    form.set('email', 'staff@tongxin.demo');
    form.set('password', DEMO_PASSWORD);
    const signedIn = await browse(`${system.issuer.issuer}/authorize`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(signedIn.status).toBe(303);
    const callback = await browse(signedIn.headers.get('Location') ?? '');
    expect(callback.status).toBe(303);
    expect(jar.get('sg_session')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await system.stop();
    // A DynamoDB Local the system did not start is left running.
    const { Table } = await store.client.send(new DescribeTableCommand({ TableName: store.tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
  });

  it('says in one sentence that a port is taken, before starting anything', async () => {
    const holder = await occupy();
    const port = (holder.address() as { port: number }).port;
    try {
      for (const ports of [
        { port, dynamoPort: await freePort() },
        { port: await freePort(), dynamoPort: port },
      ]) {
        const error = await startLocalSystem({ ...ports, quiet: true }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(LocalSystemError);
        const message = (error as Error).message;
        expect(message).toContain(`Port ${port} is already in use`);
        expect(message).not.toContain('\n');
        expect(message.match(/[.!?](\s|$)/g)).toHaveLength(1);
      }
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});

function occupy(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen({ port: 0, host: '127.0.0.1' }, () => resolve(server));
  });
}
