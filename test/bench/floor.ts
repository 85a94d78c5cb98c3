import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { handle } from 'hono/aws-lambda';
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';

/**
 * The floor for `pnpm bench`'s cold rows: the least a Hono Lambda must load to do what the API's
 * GET /v1/me does, bundled the same way. One zod-openapi route; a bearer token verified with jose
 * against keys found through the issuer's discovery document; the member read with one GetItem
 * through the SDK's document client. No logger, metrics, throttle, store layer or domain schemas:
 * whatever the API loads beyond this is the app's own cost.
 */
const issuer = process.env.AUTH_ISSUER ?? '';
const table = process.env.TABLE_NAME ?? '';
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
let keys: Promise<JWTVerifyGetKey> | undefined;
const keySet = async () => {
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as { jwks_uri: string };
  return createRemoteJWKSet(new URL(discovery.jwks_uri));
};

const Member = z.object({ id: z.string(), email: z.string(), name: z.string(), roles: z.array(z.string()) });
const app = new OpenAPIHono();
app.openapi(
  createRoute({
    method: 'get',
    path: '/v1/me',
    responses: {
      200: { description: 'The member', content: { 'application/json': { schema: Member } } },
      401: { description: 'No valid token' },
    },
  }),
  async (c) => {
    const token = c.req.header('authorization')?.replace(/^Bearer /, '');
    if (!token) return c.body(null, 401);
    keys ??= keySet();
    const { payload } = await jwtVerify(token, await keys, { issuer, audience: process.env.AUTH_AUDIENCE });
    const { Item } = await client.send(
      new GetCommand({
        TableName: table,
        Key: { pk: `T#${String(payload['custom:tenant_id'])}`, sk: `USER#${payload.sub}` },
      }),
    );
    return c.json(Member.parse(Item), 200);
  },
);
export const handler = handle(app);
