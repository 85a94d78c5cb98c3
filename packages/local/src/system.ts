import type { Server } from 'node:http';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { createTokenVerifier, logger } from '@shegong/core';
import { createApp, type ShegongApp } from '@shegong/http';
import { Store } from '@shegong/store';
import { mountPages } from '@shegong/web';
import { assertPortFree, checkJava, LocalSystemError, type RunningDynamoDb, startDynamoDb } from './dynamodb-local.ts';
import { inProcessFetch } from './in-process-fetch.ts';
import { createLocalIssuer, keycloakShape, type LocalIssuer } from './issuer/issuer.ts';
import { type SeedResult, seedDemo } from './seed/seed.ts';
import { ensureTable } from './table.ts';

export type LocalSystemOptions = SystemOptions &
  (
    | { /** Starts DynamoDB Local on this port, and stops it with the system. */ dynamoPort: number }
    | {
        /** Uses a DynamoDB Local that is running already (the test run's one), and leaves it running. */
        dynamoEndpoint: string;
      }
  );

interface SystemOptions {
  /** Where the API and the pages are served (on 127.0.0.1, as http://localhost:<port>). */
  port: number;
  /** Kept on disk here (DynamoDB Local's files and the issuer's key); in memory without it. */
  dataDir?: string;
  tableName?: string;
  /** Seeds the demo data (once: a seeded table is left as its users made it). */
  seed?: boolean;
  /** No progress lines and no request log (tests). */
  quiet?: boolean;
  /**
   * The issuer's shape: `local` (keys at `/local-idp/.well-known/jwks.json`, in memory for the API)
   * or `keycloak` (a realm at `/realms/shegong`, keys at `/protocol/openid-connect/certs`, found by
   * the API and the pages through discovery, as against a real provider). Default `local`.
   */
  issuerShape?: 'local' | 'keycloak';
}

export interface LocalSystem {
  url: string;
  dynamoEndpoint: string;
  app: ShegongApp;
  issuer: LocalIssuer;
  seed?: SeedResult;
  /** Settles if DynamoDB Local ends (on its own, or through stop()); never, for one it did not start. */
  dynamoExited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * The whole system on one machine: DynamoDB Local, the table, the local OIDC issuer, the API and
 * the pages on one port. Problems a user can fix (no Java, a port in use) fail early with a
 * LocalSystemError of one sentence; whatever was started is stopped again.
 */
export async function startLocalSystem(options: LocalSystemOptions): Promise<LocalSystem> {
  const say = options.quiet ? () => {} : (line: string) => console.log(line);
  if (options.quiet) logger.setLogLevel('ERROR');
  await assertPortFree(options.port, 'Shegong');
  const dynamo = await dynamoOf(options, say);
  try {
    const url = `http://localhost:${options.port}`;
    const store = new Store({ tableName: options.tableName ?? 'shegong', endpoint: dynamo.endpoint });
    const table = await ensureTable(store);
    say(
      table === 'created'
        ? `建表 · Created table ${store.tableName}`
        : table === 'upgraded'
          ? `沿用已有数据，已按当前定义升级 · Using table ${store.tableName}, brought up to the current definition`
          : `沿用已有数据 · Using table ${store.tableName} as it was`,
    );

    const issuer = await createLocalIssuer({
      baseUrl: url,
      store,
      ...(options.dataDir ? { keyFile: join(options.dataDir, 'issuer-key.json') } : {}),
      ...(options.issuerShape === 'keycloak' ? { shape: keycloakShape() } : {}),
    });
    // Answered by the app in this process; assigned once the app exists (nothing is fetched before).
    let app: ShegongApp | undefined;
    const issuerFetch = inProcessFetch(issuer.issuer, {
      fetch: (request) => {
        if (!app) throw new LocalSystemError('The local issuer was asked before the app was built.');
        return app.fetch(request);
      },
    });
    const verifyToken = createTokenVerifier({
      issuer: issuer.issuer,
      audience: issuer.clientId,
      ...(options.issuerShape === 'keycloak' ? { fetch: issuerFetch } : { keySet: issuer.keySet }),
    });
    const deps = { store, verifyToken, identity: issuer.directory, publicBaseUrl: url };
    app = createApp(deps);
    // The issuer before the pages: they add middleware and a catch-all 404 page for every path,
    // and routes registered earlier answer first.
    app.route(issuer.shape.mount, issuer.app);
    mountPages(app, deps, {
      // The endpoints come from the issuer's discovery document, as with any provider.
      oidc: { issuer: issuer.issuer, clientId: issuer.clientId, fetch: issuerFetch },
      secureCookies: false,
      // The demo platform's operator: what a suspended demo organisation's members are told to contact.
      supportContact: 'platform@shegong.demo',
    });

    const seed = options.seed ? await seedDemo({ store, directory: issuer.directory }) : undefined;
    if (seed)
      say(
        seed.seeded
          ? '已写入演示数据 · Seeded the demo data'
          : '演示数据已存在，未改动 · Demo data already there, left as it is',
      );

    const server = await listen(app, options.port);
    let stopping: Promise<void> | undefined;
    return {
      url,
      dynamoEndpoint: dynamo.endpoint,
      app,
      issuer,
      ...(seed ? { seed } : {}),
      dynamoExited: dynamo.exited,
      stop() {
        stopping ??= (async () => {
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            // Keep-alive connections would hold close() open until they time out.
            server.closeAllConnections();
          });
          await dynamo.stop();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}

/** DynamoDB Local as the options say: started here, or the one running already at an endpoint. */
async function dynamoOf(options: LocalSystemOptions, say: (line: string) => void): Promise<RunningDynamoDb> {
  if ('dynamoEndpoint' in options)
    return { endpoint: options.dynamoEndpoint, exited: new Promise(() => {}), stop: async () => {} };
  await checkJava();
  await assertPortFree(options.dynamoPort, 'DynamoDB Local');
  say(`启动 DynamoDB Local · Starting DynamoDB Local on port ${options.dynamoPort}…`);
  return startDynamoDb({
    port: options.dynamoPort,
    ...(options.dataDir ? { dataDir: join(options.dataDir, 'dynamodb') } : {}),
  });
}

/** Listens on 127.0.0.1 only: the local system is for this machine, not the network. */
function listen(app: ShegongApp, port: number): Promise<Server> {
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new LocalSystemError(
              `Port ${port} was taken while Shegong was starting: stop whatever holds it and try again.`,
            )
          : error,
      );
    });
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
