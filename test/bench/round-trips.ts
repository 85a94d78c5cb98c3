import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { logger } from '@shegong/core';
import { FANGCHENGGANG_2023 } from '@shegong/domain';
import { CONTRACT_EXAMPLE } from '@shegong/http';
import { createTableInput, roundTripsDuring, Store } from '@shegong/store';
import { benchApi } from './api.ts';

/**
 * Store round trips of one costing request (POST /v1/contracts/preview, a draft naming nobody)
 * through the whole app: the first in a fresh process (the rule set's timelines read) and once
 * warm (issue 14: at most two). Counted, so the figure is the same on a busy machine.
 */
export async function costingRoundTrips(endpoint: string) {
  logger.setLogLevel('ERROR');
  const tableName = `bench-${randomUUID().slice(0, 8)}`;
  const store = new Store({ tableName, endpoint });
  await store.client.send(new CreateTableCommand(createTableInput(tableName)));

  const platformId = randomUUID();
  const orgId = randomUUID();
  const financeId = randomUUID();
  const platform = store.platform({ tenantId: platformId, userId: randomUUID(), kind: 'platform' });
  const mutation = platform.scope.mutation();
  const org = platform.directory.create(mutation, { kind: 'org', name: '港口区阳光社工', region: '450602' }, orgId);
  await mutation.audited('bench.seed', 'Tenant', org.id, 1, org).commit();
  const orgRepos = store.tenant({ tenantId: orgId, userId: financeId });
  const member = orgRepos.scope.mutation();
  orgRepos.users.add(member, { id: financeId, email: 'finance@bench.demo', name: '财务', roles: ['finance'] });
  await member.audited('bench.seed', 'User', financeId, 1, { id: financeId }).commit();
  const bureau = store.tenant({ tenantId: randomUUID(), userId: randomUUID() });
  await bureau.ruleSets.publishNow(FANGCHENGGANG_2023);

  const { app, tokenOf } = await benchApi(store);
  const token = await tokenOf({ tenantId: orgId, userId: financeId, kind: 'org', roles: 'finance', region: '450602' });
  const preview = async () => {
    const { result, commands } = await roundTripsDuring(store.client, async () =>
      app.request('/v1/contracts/preview', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(CONTRACT_EXAMPLE),
      }),
    );
    if (result.status !== 200) throw new Error(`POST /v1/contracts/preview answered ${result.status}`);
    return commands.length;
  };
  const first = await preview();
  const warm = await preview();
  return { first, warm };
}
