import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { logger } from '@shegong/core';
import { benchApi, benchPlatformAdmin } from './api.ts';
import { median, percentile } from './cold-start.ts';

/** GET /v1/me through the whole app (token check, one read of the member's and the tenant's records) against a raw GetItem. */
export async function meAgainstGetItem(endpoint: string, iterations: number) {
  logger.setLogLevel('ERROR'); // a log line per request would be measured too
  const {
    tableName,
    store,
    tenantId: platformId,
    userId: adminId,
  } = await benchPlatformAdmin(endpoint, 'bench', { email: 'bench@shegong.demo', name: '基准' });

  const { app, tokenOf } = await benchApi(store);
  const token = await tokenOf({
    tenantId: platformId,
    userId: adminId,
    kind: 'platform',
    roles: 'platform_admin',
    region: '450000',
  });

  const me = async () => {
    const response = await app.request('/v1/me', { headers: { Authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`GET /v1/me answered ${response.status}`);
    await response.arrayBuffer();
  };
  const getItem = async () => {
    const { Item } = await store.client.send(
      new GetCommand({ TableName: tableName, Key: { pk: `T#${platformId}`, sk: `USER#${adminId}` } }),
    );
    if (!Item) throw new Error('GetItem found nothing');
  };
  // Interleaved, one of each in turn, so drift in DynamoDB Local (JIT, GC) and in the machine's
  // load touches both alike.
  for (let i = 0; i < 20; i++) {
    await me(); // warm connections, JIT and the caches
    await getItem();
  }
  const samples = { me: [] as number[], getItem: [] as number[] };
  const timed = async (fn: () => Promise<void>, into: number[]) => {
    const started = performance.now();
    await fn();
    into.push(performance.now() - started);
  };
  for (let i = 0; i < iterations; i++) {
    await timed(me, samples.me);
    await timed(getItem, samples.getItem);
  }
  const summary = (times: number[]) => ({ median: median(times), p95: percentile(times, 95) });
  const meTimes = summary(samples.me);
  const getTimes = summary(samples.getItem);
  return { me: meTimes, getItem: getTimes };
}
