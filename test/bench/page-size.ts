import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { logger, permits } from '@shegong/core';
import type { Role, TenantKind } from '@shegong/domain';
import { seedDemo } from '@shegong/local';
import { createTableInput, Store } from '@shegong/store';
import { mountPages, PageCookies } from '@shegong/web';
import { appRoutes, policyOf } from '../support/routes.ts';
import { benchApi } from './api.ts';

interface Member {
  email: string;
  userId: string;
  tenantId: string;
  kind: TenantKind;
  roles: Role[];
}

/**
 * The largest page of the demo as transferred with gzip (issue 14: none over 60 KB): every page
 * without path parameters that each demo user may open, and each organisation's contract pages
 * (view, edit, amend), on the demo data that `pnpm start` seeds. Also the largest raw HTML, the
 * figure compression hides. Sizes, not times.
 */
export async function largestPages(endpoint: string) {
  logger.setLogLevel('ERROR');
  const tableName = `bench-${randomUUID().slice(0, 8)}`;
  const store = new Store({ tableName, endpoint });
  await store.client.send(new CreateTableCommand(createTableInput(tableName)));
  const members: Member[] = [];
  await seedDemo({
    store,
    directory: {
      createUser: async (input) => {
        const userId = randomUUID();
        members.push({ ...input, userId, kind: input.kind, roles: input.roles as Role[] });
        return { userId };
      },
      updateRoles: async () => {},
      setEnabled: async () => {},
    },
  });
  const { app, deps } = await benchApi(store);
  mountPages(app, deps, {
    oidc: { issuer: 'https://issuer.bench', clientId: 'shegong-bench' },
    secureCookies: false,
  });
  const cookie = new PageCookies(false).name('session');
  const routes = (await appRoutes(app)).filter(
    (r) => r.surface === 'page' && r.method === 'GET' && r.params.length === 0,
  );

  let gzip = { path: '', bytes: 0 };
  let raw = { path: '', bytes: 0 };
  for (const member of members) {
    const secret = await store.startSession({
      tenantId: member.tenantId,
      userId: member.userId,
      createdAt: new Date().toISOString(),
      expiresAt: Math.floor(Date.now() / 1000) + 3600,
    });
    const contracts = member.kind === 'org' ? await contractPages(store, member) : [];
    const paths = [
      ...routes
        .filter((r) => {
          const policy = policyOf(r);
          return policy && !('public' in policy) && permits(policy, member);
        })
        .map((r) => r.path),
      ...contracts,
    ];
    for (const path of paths) {
      const headers = { Cookie: `${cookie}=${secret}`, Accept: 'text/html' };
      const zipped = await app.request(path, { headers: { ...headers, 'Accept-Encoding': 'gzip' } });
      if (zipped.status !== 200 || !zipped.headers.get('Content-Type')?.startsWith('text/html')) continue;
      const bytes = (await zipped.arrayBuffer()).byteLength;
      if (bytes > gzip.bytes) gzip = { path, bytes };
      const plain = (await (await app.request(path, { headers })).arrayBuffer()).byteLength;
      if (plain > raw.bytes) raw = { path, bytes: plain };
    }
  }
  return { gzip, raw };
}

/** An organisation's contracts' pages: each one's view, and its edit or amend page. */
async function contractPages(store: Store, member: Member): Promise<string[]> {
  const { items } = await store.tenant(member).contracts.list({ limit: 50 });
  return items.flatMap((c) => [
    `/org/contracts/${c.id}`,
    `/org/contracts/${c.id}/edit`,
    `/org/contracts/${c.id}/amend`,
  ]);
}
