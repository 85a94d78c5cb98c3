import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { createTokenVerifier, TENANCY_CLAIMS } from '@shegong/core';
import { createApp } from '@shegong/http';
import { createTableInput, Store } from '@shegong/store';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';

const ISSUER = 'https://issuer.bench';
const AUDIENCE = 'shegong-bench';

export interface BenchSubject {
  tenantId: string;
  userId: string;
  kind: string;
  roles: string;
  region: string;
}

/**
 * The whole API over a bench's store, with a local signing key: what the benches measure requests
 * through (token check, membership and tenant reads), and a way to mint a member's token.
 */
export async function benchApi(store: Store) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256' };
  const tokenOf = (who: BenchSubject) =>
    new SignJWT({
      [TENANCY_CLAIMS.tenant]: who.tenantId,
      [TENANCY_CLAIMS.kind]: who.kind,
      [TENANCY_CLAIMS.roles]: who.roles,
      [TENANCY_CLAIMS.region]: who.region,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'bench' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(who.userId)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  const deps = {
    // Limits no request would reach: the throttle's cost is measured, its 429s are not.
    throttle: { tenant: { rate: 1e9, burst: 1e9 }, anonymous: { rate: 1e9, burst: 1e9 } },
    store,
    verifyToken: createTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      keySet: createLocalJWKSet({ keys: [jwk] }),
    }),
    identity: {
      createUser: async () => ({ userId: randomUUID() }),
      updateRoles: async () => {},
      setEnabled: async () => {},
    },
    publicBaseUrl: 'http://bench.local',
  };
  return { app: createApp(deps), deps, tokenOf };
}

/**
 * A table of its own in the bench's DynamoDB Local holding one platform tenant and its admin: the
 * member a bench's GET /v1/me reads.
 */
export async function benchPlatformAdmin(
  endpoint: string,
  tablePrefix: string,
  admin: { email: string; name: string },
) {
  const tableName = `${tablePrefix}-${randomUUID().slice(0, 8)}`;
  const store = new Store({ tableName, endpoint });
  await store.client.send(new CreateTableCommand(createTableInput(tableName)));
  const tenantId = randomUUID();
  const userId = randomUUID();
  const platform = store.platform({ tenantId, userId, kind: 'platform' });
  const mutation = platform.scope.mutation();
  const tenant = platform.directory.create(
    mutation,
    { kind: 'platform', name: '社工平台', region: '450000' },
    tenantId,
  );
  platform.users.add(mutation, { id: userId, ...admin, roles: ['platform_admin'] });
  await mutation.audited('bench.seed', 'Tenant', tenant.id, 1, tenant).commit();
  return { tableName, store, tenantId, userId };
}
