import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TENANCY_CLAIMS } from '@shegong/core';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { benchPlatformAdmin } from './api.ts';

const AUDIENCE = 'shegong-bench';

/**
 * What a cold start needs to answer a signed-in member's first request, as in Lambda: an issuer
 * whose discovery document and keys are fetched over HTTP by the function (a local server here),
 * a table holding the member and their tenant (DynamoDB Local, reached through the SDK's own
 * `AWS_ENDPOINT_URL_DYNAMODB`, with credentials from the environment as Lambda gives them), and
 * a token signed for that member. `env` is the function's environment, `authorization` the header.
 */
export async function signedInColdStart(endpoint: string) {
  const { tableName, tenantId, userId } = await benchPlatformAdmin(endpoint, 'bench-cold', {
    email: 'cold@shegong.demo',
    name: '冷启动',
  });

  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256', use: 'sig' }] };
  const issuer = await serveIssuer(jwks);
  const token = await new SignJWT({
    [TENANCY_CLAIMS.tenant]: tenantId,
    [TENANCY_CLAIMS.kind]: 'platform',
    [TENANCY_CLAIMS.roles]: 'platform_admin',
    [TENANCY_CLAIMS.region]: '450000',
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'bench' })
    .setIssuer(issuer.url)
    .setAudience(AUDIENCE)
    .setSubject(userId)
    .setIssuedAt()
    // Long enough for every run of the bench, however busy the machine.
    .setExpirationTime('6h')
    .sign(privateKey);
  return {
    env: {
      TABLE_NAME: tableName,
      AUTH_ISSUER: issuer.url,
      AUTH_AUDIENCE: AUDIENCE,
      PUBLIC_BASE_URL: 'https://bench.local',
      AWS_ENDPOINT_URL_DYNAMODB: endpoint,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    },
    authorization: `Bearer ${token}`,
    stop: () => new Promise<void>((resolve) => issuer.server.close(() => resolve())),
  };
}

/** An OIDC issuer's two public documents: discovery (naming `jwks_uri`) and the key set. */
async function serveIssuer(jwks: object): Promise<{ url: string; server: Server }> {
  let url = '';
  const server = createServer((req, res) => {
    const body =
      req.url === '/.well-known/openid-configuration'
        ? { issuer: url, jwks_uri: `${url}/keys` }
        : req.url === '/keys'
          ? jwks
          : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, server };
}
