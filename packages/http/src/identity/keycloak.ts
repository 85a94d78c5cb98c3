import { type IdentityDirectory, type NewIdentity, SignInExists } from '@shegong/core';
import * as oauth from 'oauth4webapi';

export interface KeycloakDirectoryConfig {
  /** The realm's issuer, `https://<host>/realms/<realm>` (Keycloak's shape; the admin API is beside it). */
  issuer: string;
  /** A confidential client with a service account holding realm-management's manage-users role. */
  clientId: string;
  clientSecret: string;
  /** Tests pass the fake's fetch. */
  fetch?: typeof fetch;
}

/** The user attributes the realm's protocol mappers put into tokens as `custom:<name>` (TENANCY_CLAIMS). */
const ATTRIBUTES = { tenant: 'tenant_id', kind: 'tenant_kind', roles: 'roles', region: 'region' } as const;

interface KeycloakUser {
  id: string;
  enabled?: boolean;
  attributes?: Record<string, string[]>;
}

export class KeycloakAdminError extends Error {
  override name = 'KeycloakAdminError';
}

/**
 * Keycloak's Admin REST API behind IdentityDirectory, for deployments without Cognito (the China
 * regions). As with Cognito, the invitee chooses their password on Shegong's accept page, so it is
 * set as a permanent credential and Keycloak sends no mail of its own; the tenancy claims are user
 * attributes only this API writes (the realm's user profile must not let users edit them).
 */
export class KeycloakDirectory implements IdentityDirectory {
  private readonly admin: string;
  private readonly server: oauth.AuthorizationServer;
  private readonly fetcher: typeof fetch;
  private token: { value: string; until: number } | undefined;

  constructor(private readonly config: KeycloakDirectoryConfig) {
    const realm = /^(https?:\/\/.+)\/realms\/([^/]+)\/?$/.exec(config.issuer);
    if (!realm?.[1] || !realm[2]) {
      throw new KeycloakAdminError(`${config.issuer} is not a Keycloak realm's issuer (https://<host>/realms/<realm>)`);
    }
    this.admin = `${realm[1]}/admin/realms/${realm[2]}`;
    this.server = {
      issuer: config.issuer,
      token_endpoint: `${config.issuer.replace(/\/$/, '')}/protocol/openid-connect/token`,
    };
    this.fetcher = config.fetch ?? fetch;
  }

  async createUser(input: NewIdentity): Promise<{ userId: string }> {
    const created = await this.call('POST', '/users', {
      username: input.email,
      email: input.email,
      emailVerified: true,
      enabled: true,
      firstName: input.name,
      attributes: {
        [ATTRIBUTES.tenant]: [input.tenantId],
        [ATTRIBUTES.kind]: [input.kind],
        [ATTRIBUTES.roles]: [input.roles.join(',')],
        [ATTRIBUTES.region]: [input.region],
      },
      credentials: [{ type: 'password', value: input.password, temporary: false }],
      requiredActions: [],
    });
    if (created.status === 201) {
      const id = created.headers.get('Location')?.split('/').pop();
      if (!id) throw new KeycloakAdminError('Keycloak created the user but named no id');
      return { userId: id };
    }
    if (created.status !== 409) throw await this.failure('create the user', created);
    // A retried acceptance: the sign-in exists; it must belong to the same tenant.
    const existing = await this.find(input.email);
    if (!existing || existing.attributes?.[ATTRIBUTES.tenant]?.[0] !== input.tenantId) throw new SignInExists();
    return { userId: existing.id };
  }

  async updateRoles(email: string, roles: string[]): Promise<void> {
    const user = await this.existing(email);
    // Keycloak replaces the attributes as a whole: the others are sent back as they were.
    const attributes = { ...user.attributes, [ATTRIBUTES.roles]: [roles.join(',')] };
    await this.expect(204, 'update the roles', await this.call('PUT', `/users/${user.id}`, { attributes }));
  }

  async setEnabled(email: string, enabled: boolean): Promise<void> {
    const user = await this.existing(email);
    await this.expect(204, 'change the sign-in', await this.call('PUT', `/users/${user.id}`, { enabled }));
    // A disabled person's sessions at the provider end too, so no new token is given out.
    if (!enabled) await this.expect(204, 'sign the user out', await this.call('POST', `/users/${user.id}/logout`));
  }

  private async find(email: string): Promise<KeycloakUser | undefined> {
    const query = new URLSearchParams({ email, exact: 'true' });
    const response = await this.call('GET', `/users?${query}`);
    if (response.status !== 200) throw await this.failure('find the user', response);
    const users = (await response.json()) as KeycloakUser[];
    return users[0];
  }

  private async existing(email: string): Promise<KeycloakUser> {
    const user = await this.find(email);
    if (!user) throw new KeycloakAdminError(`Keycloak holds no user ${email}`);
    return user;
  }

  private async call(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${await this.accessToken()}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return this.fetcher(`${this.admin}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(10_000),
    });
  }

  /** The service account's token (client credentials), kept until half a minute before it expires. */
  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const client: oauth.Client = { client_id: this.config.clientId };
    const response = await oauth.clientCredentialsGrantRequest(
      this.server,
      client,
      oauth.ClientSecretPost(this.config.clientSecret),
      new URLSearchParams(),
      { [oauth.customFetch]: this.fetcher, signal: () => AbortSignal.timeout(10_000) },
    );
    const tokens = await oauth.processClientCredentialsResponse(this.server, client, response);
    const lifetime = Math.max((tokens.expires_in ?? 60) - 30, 0) * 1000;
    this.token = { value: tokens.access_token, until: Date.now() + lifetime };
    return tokens.access_token;
  }

  private async expect(status: number, what: string, response: Response): Promise<void> {
    if (response.status !== status) throw await this.failure(what, response);
  }

  private async failure(what: string, response: Response): Promise<KeycloakAdminError> {
    const text = await response.text().catch(() => '');
    return new KeycloakAdminError(`Keycloak could not ${what}: ${response.status} ${text.slice(0, 200)}`);
  }
}
