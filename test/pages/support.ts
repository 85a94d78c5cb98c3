import { createHash, randomUUID } from 'node:crypto';
import {
  createTokenVerifier,
  type IdentityDirectory,
  type NewIdentity,
  SignInExists,
  startPageSession,
  TENANCY_CLAIMS,
} from '@shegong/core';
import { type TenantKind, type TenantRecord, usccCheckCharacter } from '@shegong/domain';
import { type AppDeps, createApp } from '@shegong/http';
import { createTableInput, Store } from '@shegong/store';
import { mountPages } from '@shegong/web';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { inject } from 'vitest';

// https, as every deployed provider is (the pages' OIDC client allows plain http on loopback only).
export const ISSUER = 'https://idp.test/pool';
export const CLIENT_ID = 'shegong-web';
export const ORIGIN = 'http://localhost';

/**
 * Creates this file's table on DynamoDB Local through its JSON protocol, so the web package
 * needs no AWS SDK of its own (DynamoDB Local does not check signatures).
 */
async function createTable(endpoint: string, tableName: string): Promise<void> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.0',
      'X-Amz-Target': 'DynamoDB_20120810.CreateTable',
      Authorization:
        'AWS4-HMAC-SHA256 Credential=local/20260101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(createTableInput(tableName)),
  });
  if (!response.ok) throw new Error(`CreateTable failed: ${response.status} ${await response.text()}`);
}

/** An identity provider that remembers what it was asked (accepting an invitation creates a sign-in). */
export class FakeDirectory implements IdentityDirectory {
  readonly created: NewIdentity[] = [];
  readonly roleUpdates: { email: string; roles: string[] }[] = [];
  readonly enabled: { email: string; enabled: boolean }[] = [];
  /** Sign-ins by e-mail: the seeded users' and those created here. */
  readonly signIns = new Map<string, { tenantId: string; userId: string }>();
  async createUser(input: NewIdentity) {
    const existing = this.signIns.get(input.email);
    // As Cognito and the local issuer do: the same tenant's sign-in is a retry, another's is refused.
    if (existing?.tenantId === input.tenantId) return { userId: existing.userId };
    if (existing) throw new SignInExists();
    this.created.push(input);
    const userId = randomUUID();
    this.signIns.set(input.email, { tenantId: input.tenantId, userId });
    return { userId };
  }
  async updateRoles(email: string, roles: string[]) {
    this.roleUpdates.push({ email, roles });
  }
  async setEnabled(email: string, enabled: boolean) {
    this.enabled.push({ email, enabled });
  }
}

export interface SeededUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
  tenant: TenantRecord;
}

/** A valid unified social credit code (the GB 32100 check character computed). */
export function validUscc(serial: number): string {
  const first17 = `91450681MA${String(serial).padStart(7, '0')}`;
  return `${first17}${usccCheckCharacter(first17)}`;
}

/**
 * One app with the pages mounted, on its own table, with a signing key for ID tokens and a fake
 * OIDC provider behind `config.oidc.fetch` (it checks the PKCE verifier like a real one).
 */
export async function createWorld(options: { secureCookies?: boolean } = {}) {
  const tableName = `web-${randomUUID()}`;
  const endpoint = inject('dynamoEndpoint');
  await createTable(endpoint, tableName);
  const store = new Store({ tableName, endpoint, region: 'local' });
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test', alg: 'RS256' };
  const verifyToken = createTokenVerifier({
    issuer: ISSUER,
    audience: CLIENT_ID,
    keySet: createLocalJWKSet({ keys: [jwk] }),
  });
  const identity = new FakeDirectory();
  const deps: AppDeps = { store, verifyToken, identity, publicBaseUrl: ORIGIN };

  const platformId = randomUUID();
  const tenants = new Map<string, TenantRecord>();
  const users = new Map<string, SeededUser>();

  async function signToken(user: SeededUser, extra: Record<string, unknown> = {}, expiresIn = '1h') {
    return new SignJWT({
      [TENANCY_CLAIMS.tenant]: user.tenant.id,
      [TENANCY_CLAIMS.kind]: user.tenant.kind,
      [TENANCY_CLAIMS.region]: user.tenant.region,
      [TENANCY_CLAIMS.roles]: user.roles.join(','),
      email: user.email,
      name: user.name,
      ...extra,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'test' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setAudience(CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(privateKey);
  }

  // The fake provider: /authorize is played by the test (it reads the redirect), /token here.
  const codes = new Map<string, { user: SeededUser; nonce: string; challenge: string; redirectUri: string }>();
  const providerFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url !== `${ISSUER}/token`) return new Response('not found', { status: 404 });
    const form = new URLSearchParams(String(init?.body ?? ''));
    const grant = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? '');
    if (
      !grant ||
      form.get('grant_type') !== 'authorization_code' ||
      form.get('client_id') !== CLIENT_ID ||
      form.get('redirect_uri') !== grant.redirectUri ||
      createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url') !== grant.challenge
    ) {
      return Response.json({ error: 'invalid_grant' }, { status: 400 });
    }
    return Response.json({
      id_token: await signToken(grant.user, { nonce: grant.nonce }),
      // OAuth 2.0 requires an access token in every token response; the pages never use it.
      access_token: randomUUID(),
      token_type: 'Bearer',
    });
  }) as typeof fetch;

  const app = createApp(deps);
  mountPages(app, deps, {
    oidc: {
      issuer: ISSUER,
      clientId: CLIENT_ID,
      authorizationEndpoint: `${ISSUER}/authorize`,
      tokenEndpoint: `${ISSUER}/token`,
      fetch: providerFetch,
    },
    secureCookies: options.secureCookies ?? false,
  });

  async function addTenant(kind: TenantKind, name: string, region: string, uscc?: string): Promise<TenantRecord> {
    const platform = store.platform({ tenantId: platformId, userId: 'seed', kind: 'platform' });
    const mutation = platform.scope.mutation();
    const tenant = platform.directory.create(
      mutation,
      { kind, name, region, ...(uscc ? { uscc } : {}) },
      kind === 'platform' ? platformId : undefined,
    );
    await mutation.audited('tenant.create', 'Tenant', tenant.id, tenant.version, tenant).commit();
    tenants.set(tenant.id, tenant);
    return tenant;
  }

  async function addUser(tenant: TenantRecord, name: string, roles: string[]): Promise<SeededUser> {
    const repos = store.tenant({ tenantId: tenant.id, userId: 'seed' });
    const mutation = repos.scope.mutation();
    const email = `${randomUUID().slice(0, 8)}@example.cn`;
    const record = repos.users.add(mutation, { id: randomUUID(), email, name, roles });
    await mutation.audited('user.add', 'User', record.id, record.version, record).commit();
    const user = { id: record.id, email, name, roles, tenant };
    users.set(user.id, user);
    identity.signIns.set(email, { tenantId: tenant.id, userId: record.id });
    return user;
  }

  /** Plays the provider's /authorize: the user signed in, here is a code for the callback. */
  function issueCode(authorizeUrl: string, user: SeededUser): { code: string; state: string } {
    const url = new URL(authorizeUrl);
    const code = randomUUID();
    codes.set(code, {
      user,
      nonce: url.searchParams.get('nonce') ?? '',
      challenge: url.searchParams.get('code_challenge') ?? '',
      redirectUri: url.searchParams.get('redirect_uri') ?? '',
    });
    return { code, state: url.searchParams.get('state') ?? '' };
  }

  return { app, store, deps, identity, addTenant, addUser, signToken, issueCode, platformId };
}

export type World = Awaited<ReturnType<typeof createWorld>>;

/** A minimal browser: keeps cookies, sends them, and posts forms the way a browser does. */
export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly app: World['app']) {}

  /** Signed in as the app's callback does it: a server-side session for the user's ID token. */
  async signIn(world: World, user: SeededUser, cookieName = 'sg_session') {
    this.cookies.set(cookieName, (await startPageSession(world.deps, await world.signToken(user))).secret);
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await this.app.request(`${ORIGIN}${path}`, {
      headers: { Cookie: this.cookieHeader(), ...headers },
    });
    this.remember(response);
    return response;
  }

  /** A form post from one of our pages: same-origin signals, and the CSRF field unless told otherwise. */
  async post(
    path: string,
    fields: Record<string, string | string[]>,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    }
    const token = this.cookies.get('sg_csrf') ?? this.cookies.get('__Host-sg_csrf');
    if (options.csrf !== false && token && !('_csrf' in fields)) body.append('_csrf', token);
    const response = await this.app.request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: {
        Cookie: this.cookieHeader(),
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: ORIGIN,
        'Sec-Fetch-Site': 'same-origin',
        ...options.headers,
      },
      body: body.toString(),
    });
    this.remember(response);
    return response;
  }
}

/** The value of a hidden field in a page. */
export function hiddenField(html: string, name: string): string | undefined {
  return new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
}
