import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

const base = { TABLE_NAME: 'shegong', AUTH_ISSUER: 'https://sso.example.cn/realms/shegong', AUTH_AUDIENCE: 'web' };

describe('readConfig', () => {
  it('reads the JWKS override and Keycloak’s admin client when the stack set them', () => {
    expect(
      readConfig({
        ...base,
        AUTH_JWKS_URI: 'https://sso.example.cn/realms/shegong/protocol/openid-connect/certs',
        KEYCLOAK_ADMIN_CLIENT_ID: 'shegong-admin',
        KEYCLOAK_ADMIN_CLIENT_SECRET: 's3cret',
      }),
    ).toMatchObject({
      jwksUri: 'https://sso.example.cn/realms/shegong/protocol/openid-connect/certs',
      keycloakAdmin: { clientId: 'shegong-admin', clientSecret: 's3cret' },
    });
  });

  it('has no Keycloak admin client with half of it, and no override without one', () => {
    const config = readConfig({ ...base, KEYCLOAK_ADMIN_CLIENT_ID: 'shegong-admin' });
    expect(config.keycloakAdmin).toBeUndefined();
    expect(config.jwksUri).toBeUndefined();
  });
});
