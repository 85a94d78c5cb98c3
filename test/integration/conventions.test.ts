import { logger } from '@shegong/core';
import { stateHash } from '@shegong/store';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appRoutes, openApiPath } from '../support/routes.ts';
import { makeUscc, World } from '../support/world.ts';

/**
 * The HTTP conventions of DESIGN.md, as a client notices them: body limits and content types,
 * idempotent creation, request ids, closed CORS, security headers, one audit event per mutation,
 * clean logs, the OpenAPI document, and the USCC check.
 */

const world = await World.create('conventions');
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const admin = () => world.user('orgA');
const isProblem = (response: Response) =>
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
const invitationsOf = async (tenantId: string) =>
  (await world.table.items()).filter((i) => i.pk?.S === `T#${tenantId}` && i.sk?.S?.startsWith('INVITE#')).length;

describe('request bodies', () => {
  it('refuses a body over 1 MB with 413', async () => {
    const before = await world.table.snapshot();
    const response = await world.request('POST', '/v1/invitations', {
      as: admin(),
      body: JSON.stringify({ email: 'big@example.cn', roles: ['hr'], note: 'x'.repeat(1024 * 1024) }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(413);
    isProblem(response);
    expect(await world.table.snapshot()).toBe(before);
  });

  it.each([
    ['text/plain', JSON.stringify({ email: 'plain@example.cn', roles: ['hr'] })],
    ['application/x-www-form-urlencoded', 'email=form%40example.cn&roles=hr'],
  ])('refuses a %s body with a problem', async (type, body) => {
    const response = await world.request('POST', '/v1/invitations', {
      as: admin(),
      body,
      headers: { 'Content-Type': type },
    });
    expect([400, 415]).toContain(response.status);
    isProblem(response);
  });

  it('refuses a JSON body that does not parse, with a problem', async () => {
    const response = await world.request('POST', '/v1/invitations', {
      as: admin(),
      body: '{"email": ',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(400);
    isProblem(response);
  });

  it('names an unknown field of a creating request', async () => {
    const response = await world.request('POST', '/v1/invitations', {
      as: admin(),
      json: { email: 'x@example.cn', roles: ['hr'], tenantId: world.tenant('orgB').id },
    });
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { path: string }[] };
    expect(errors.map((e) => e.path)).toContain('/tenantId');
  });

  it('names a role that is not of the tenant’s kind at /roles/0', async () => {
    const response = await world.request('POST', '/v1/invitations', {
      as: admin(),
      json: { email: 'x@example.cn', roles: ['operator'] },
    });
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { path: string }[] };
    expect(errors.map((e) => e.path)).toEqual(['/roles/0']);
  });
});

describe('Idempotency-Key', () => {
  const create = (as: ReturnType<typeof admin>, key: string, email: string) =>
    world.request('POST', '/v1/invitations', {
      as,
      headers: { 'Idempotency-Key': key },
      json: { email, roles: ['hr'] },
    });

  it('answers a retry with the first body, creating one invitation', async () => {
    const before = await invitationsOf(world.tenant('orgA').id);
    const first = await create(admin(), 'retry-key-0001', 'retry@example.cn');
    const second = await create(admin(), 'retry-key-0001', 'retry@example.cn');
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    expect(await invitationsOf(world.tenant('orgA').id)).toBe(before + 1);
  });

  it('refuses the same key with a different body (422)', async () => {
    const response = await create(admin(), 'retry-key-0001', 'someone.else@example.cn');
    expect(response.status).toBe(422);
    isProblem(response);
  });

  it('keeps keys apart per tenant', async () => {
    const before = await invitationsOf(world.tenant('orgB').id);
    const response = await create(world.user('orgB'), 'retry-key-0001', 'retry@example.cn');
    expect(response.status).toBe(201);
    expect(response.headers.get('Idempotent-Replayed')).toBeNull();
    expect(await invitationsOf(world.tenant('orgB').id)).toBe(before + 1);
  });

  it('refuses a key that is not 8–100 safe characters', async () => {
    const response = await create(admin(), 'bad key!', 'k@example.cn');
    expect(response.status).toBe(400);
    isProblem(response);
  });
});

describe('headers on every response', () => {
  const samples: [string, () => Promise<Response>][] = [
    ['a 200', () => world.request('GET', '/v1/me', { as: admin() })],
    ['a 401', () => world.request('GET', '/v1/me')],
    ['a 404', () => world.request('GET', '/v1/nothing-here')],
    ['the OpenAPI document', () => world.request('GET', '/v1/openapi.json')],
    ['a page', () => world.page('GET', '/')],
    ['a page behind sign-in', () => world.page('GET', '/my/organisation', { as: admin() })],
  ];

  it.each(samples)('%s has a request id', async (_, send) => {
    const response = await send();
    expect(response.headers.get('X-Request-Id')).toMatch(/^[\w-]{8,64}$/);
  });

  it('puts the request id into a problem body too', async () => {
    const response = await world.request('GET', '/v1/me');
    const body = (await response.json()) as { requestId: string };
    expect(body.requestId).toBe(response.headers.get('X-Request-Id'));
  });

  it.each(samples)('%s carries the security headers', async (_, send) => {
    const headers = (await send()).headers;
    expect(headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    expect(headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    expect(headers.get('Strict-Transport-Security')).toMatch(/max-age=\d+/);
    expect(headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it('sends no CORS headers by default', async () => {
    const origin = 'https://evil.example';
    const simple = await world.request('GET', '/v1/me', { as: admin(), headers: { Origin: origin } });
    expect(simple.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const preflight = await world.request('OPTIONS', '/v1/users', {
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toBeNull();
  });
});

describe('the audit trail', () => {
  const HEX64 = /^[0-9a-f]{64}$/;

  /** Runs one mutation and returns the audit events it added to the tenant's AUDIT partition. */
  async function audited(tenantId: string, mutate: () => Promise<Response>, status: number) {
    const before = await world.table.auditEvents(tenantId);
    const response = await mutate();
    expect(response.status, await response.clone().text()).toBe(status);
    const after = await world.table.auditEvents(tenantId);
    const seen = new Set(before.map((e) => e.sk));
    return { response, added: after.filter((e) => !seen.has(e.sk)) };
  }

  it('writes exactly one event for creating a tenant, in the platform’s trail', async () => {
    const platform = world.user('platform');
    const { response, added } = await audited(
      world.tenant('platform').id,
      () =>
        world.request('POST', '/v1/tenants', {
          as: platform,
          json: {
            kind: 'incubator',
            name: '上思县孵化基地',
            region: '450621',
            adminEmail: 'admin@incubator-ss.example.cn',
          },
        }),
      201,
    );
    const { tenant } = (await response.json()) as { tenant: Record<string, unknown> & { id: string } };
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      actor: platform.id,
      action: 'tenant.create',
      entity: 'Tenant',
      entityId: tenant.id,
      version: 1,
    });
    expect(added[0]!.hash).toMatch(HEX64);
    expect(added[0]!.hash).toBe(stateHash(tenant));
  });

  let invitation: { id: string; version: number } = { id: '', version: 0 };
  let link = '';

  it('writes exactly one event for an invitation', async () => {
    const { response, added } = await audited(
      world.tenant('orgA').id,
      () =>
        world.request('POST', '/v1/invitations', {
          as: admin(),
          json: { email: 'audit.me@example.cn', roles: ['staff'] },
        }),
      201,
    );
    ({ invitation, link } = (await response.json()) as { invitation: { id: string; version: number }; link: string });
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      actor: admin().id,
      action: 'invitation.create',
      entity: 'Invitation',
      entityId: invitation.id,
      version: 1,
    });
    expect(added[0]!.hash).toMatch(HEX64);
  });

  it('writes no event for a replayed creation', async () => {
    const send = () =>
      world.request('POST', '/v1/invitations', {
        as: admin(),
        headers: { 'Idempotency-Key': 'audit-replay-01' },
        json: { email: 'replay@example.cn', roles: ['staff'] },
      });
    await send();
    const { added } = await audited(world.tenant('orgA').id, send, 201);
    expect(added).toEqual([]);
  });

  it('writes exactly one event for accepting an invitation', async () => {
    const token = new URL(link).pathname.split('/').at(-1)!;
    const { response, added } = await audited(
      world.tenant('orgA').id,
      () =>
        world.request('POST', `/v1/invitations/${token}/accept`, {
          json: { name: '审计', password: 'Correct-horse-9' },
        }),
      201,
    );
    const { userId } = (await response.json()) as { userId: string };
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      actor: userId,
      action: 'invitation.accept',
      entity: 'User',
      entityId: userId,
      version: 1,
    });
    expect(added[0]!.hash).toMatch(HEX64);
  });

  it('writes exactly one event for a role change, hashing the new state', async () => {
    const target = world.user('orgA', 'finance');
    const { response, added } = await audited(
      world.tenant('orgA').id,
      () =>
        world.request('PATCH', `/v1/users/${target.id}`, {
          as: admin(),
          headers: { 'If-Match': '"1"' },
          json: { roles: ['finance', 'hr'] },
        }),
      200,
    );
    const user = (await response.json()) as Record<string, unknown>;
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      actor: admin().id,
      action: 'user.update',
      entity: 'User',
      entityId: target.id,
      version: 2,
    });
    expect(added[0]!.hash).toBe(stateHash({ ...user, tenantId: world.tenant('orgA').id }));
  });

  it('writes exactly one event for a revocation', async () => {
    const pending = world.tenant('orgA').invitation;
    const { added } = await audited(
      world.tenant('orgA').id,
      () =>
        world.request('POST', `/v1/invitations/${pending.id}/revoke`, { as: admin(), headers: { 'If-Match': '"1"' } }),
      200,
    );
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      actor: admin().id,
      action: 'invitation.revoke',
      entity: 'Invitation',
      entityId: pending.id,
      version: 2,
    });
    expect(added[0]!.hash).toMatch(HEX64);
  });

  it('writes nothing for a refused mutation', async () => {
    const { added } = await audited(
      world.tenant('orgA').id,
      () =>
        world.request('PATCH', `/v1/users/${admin().id}`, {
          as: admin(),
          headers: { 'If-Match': '"1"' },
          json: { status: 'disabled' },
        }),
      409,
    );
    expect(added).toEqual([]);
  });
});

describe('logs', () => {
  it('are JSON lines with the request id and tenant, and never hold the token or an e-mail', async () => {
    const lines: string[] = [];
    const capture = (chunk: unknown) => {
      lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return true;
    };
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    const level = logger.getLevelName();
    logger.setLogLevel('DEBUG');
    const caller = admin();
    const token = await world.token(caller);
    const invitee = 'log.watch@example.cn';
    let responses: Response[];
    try {
      responses = [
        await world.request('GET', '/v1/me', { token }),
        await world.request('POST', '/v1/invitations', { token, json: { email: invitee, roles: ['hr'] } }),
        await world.request('POST', '/v1/invitations', { token, json: { email: invitee, roles: ['auditor'] } }),
        await world.request('GET', `/v1/invitations/${world.tenant('orgB').invitation.token}`),
      ];
    } finally {
      logger.setLogLevel(level);
      stdout.mockRestore();
      stderr.mockRestore();
    }
    const text = lines.join('');
    const records = text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const response of responses.slice(0, 3)) {
      expect(records).toContainEqual(
        expect.objectContaining({ requestId: response.headers.get('X-Request-Id'), tenant: caller.tenantId }),
      );
    }
    for (const secret of [
      token,
      caller.email,
      invitee,
      world.tenant('orgB').invitation.token,
      world.tenant('orgB').invitation.email,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists every /v1 route of the app', async () => {
    const response = await world.request('GET', '/v1/openapi.json');
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\.1\./);
    // The document and its page describe the API; they are not operations of it.
    const described = new Set(['/v1/openapi.json', '/v1/docs']);
    const missing = (await appRoutes(world.app))
      .filter((r) => r.surface === 'api' && !described.has(r.path))
      .filter((r) => !doc.paths[openApiPath(r.path)]?.[r.method.toLowerCase()])
      .map((r) => r.name);
    expect(missing).toEqual([]);
  });

  it('has a docs page', async () => {
    const response = await world.request('GET', '/v1/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
  });
});

describe('the unified social credit code', () => {
  it('refuses a wrong check character, naming /uscc', async () => {
    const valid = makeUscc('450621', 77);
    const wrong = `${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}`;
    const before = await world.table.snapshot();
    const response = await world.request('POST', '/v1/tenants', {
      as: world.user('platform'),
      json: {
        kind: 'org',
        name: '上思县新的社工机构',
        region: '450621',
        uscc: wrong,
        adminEmail: 'new.org@example.cn',
      },
    });
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { path: string }[] };
    expect(errors.map((e) => e.path)).toEqual(['/uscc']);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('accepts the right one, and refuses it a second time (409 naming /uscc)', async () => {
    const uscc = makeUscc('450621', 78);
    const body = {
      kind: 'org',
      name: '上思县又一社工机构',
      region: '450621',
      uscc,
      adminEmail: 'another.org@example.cn',
    };
    const created = await world.request('POST', '/v1/tenants', { as: world.user('platform'), json: body });
    expect(created.status).toBe(201);
    const again = await world.request('POST', '/v1/tenants', {
      as: world.user('platform'),
      json: { ...body, adminEmail: 'third.org@example.cn' },
    });
    expect(again.status).toBe(409);
    const { errors } = (await again.json()) as { errors: { path: string }[] };
    expect(errors.map((e) => e.path)).toEqual(['/uscc']);
  });

  it('requires one for an organisation', async () => {
    const response = await world.request('POST', '/v1/tenants', {
      as: world.user('platform'),
      json: { kind: 'org', name: '没有代码的机构', region: '450621', adminEmail: 'no.code@example.cn' },
    });
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { path: string }[] };
    expect(errors.map((e) => e.path)).toEqual(['/uscc']);
  });
});
