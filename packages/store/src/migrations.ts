import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type ContractReview,
  type ContractStatus,
  cityOf,
  paysBelowGuideline,
  type StoredContract,
  type TenantRecord,
} from '@shegong/domain';
import { ContractActuals } from './actuals.ts';
import { Contracts } from './contracts.ts';
import { keys } from './keys.ts';
import { queryAll } from './query.ts';
import { TenantScope, toRecord } from './scope.ts';
import type { Store } from './store.ts';

/**
 * Gives contract heads written before GSI `status` existed their place in it. Deploying the index
 * (one UpdateTable: the stack, or ensureTable locally) indexes only items that carry its keys, and
 * those written before carry none; every head written since does (Contracts.headItem).
 *
 * Reads no more than it must and never Scans: the platform's directory names every tenant, and
 * each tenant's heads are one Query of its partition. Each head missing its keys gets them by a
 * conditional UpdateItem: only while it still has none and still has the status read, so a head
 * changed meanwhile (which wrote its own keys) is left alone. The keys are storage attributes, not
 * part of the record: its version, its audit trail and its hash stay as they are. Run it once
 * after the deploy that adds the index; running it again changes nothing.
 */
export async function backfillContractStatusIndex(store: Store): Promise<{ tenants: number; heads: number }> {
  const directory = new TenantScope(store.client, store.tableName, 'platform-migration', 'migration');
  const tenants = await queryAll(directory, { partition: keys.tenantDirectory, index: 'scope' });
  let heads = 0;
  for (const tenant of tenants) {
    const tenantId = String(tenant.id);
    const scope = new TenantScope(store.client, store.tableName, tenantId, 'migration');
    const items = await queryAll(scope, { partition: `T#${tenantId}`, sortPrefix: keys.contractPrefix });
    for (const item of items.filter((i) => i.gsi2pk === undefined)) {
      const status = item.status as ContractStatus;
      const { gsi2pk, gsi2sk } = keys.contractStatus(tenantId, status, String(item.id));
      try {
        await store.client.send(
          new UpdateCommand({
            TableName: store.tableName,
            Key: { pk: item.pk, sk: item.sk },
            UpdateExpression: 'SET gsi2pk = :pk, gsi2sk = :sk',
            ConditionExpression: 'attribute_not_exists(gsi2pk) AND #status = :status',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pk': gsi2pk, ':sk': gsi2sk, ':status': status },
          }),
        );
        heads++;
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      }
    }
  }
  return { tenants: tenants.length, heads };
}

/**
 * Review before signing (issue 11) routes a submitted contract by region, through a lookup each
 * bureau's creation now writes (keys.regionBureau), and queues it on GSI `review`. Bureaus created
 * before get their lookup; contracts submitted before get the review they would have been given —
 * the responsible bureau (county's, else city's), the organisation's name — and so their place in
 * the queue. Walks the tenant directory (never a Scan), writes each item only while it still lacks
 * what is added (conditional), so a second run changes nothing.
 */
export async function backfillReviewRouting(store: Store): Promise<{ bureaus: number; heads: number }> {
  const directory = new TenantScope(store.client, store.tableName, 'platform-migration', 'migration');
  const tenants = (await queryAll(directory, { partition: keys.tenantDirectory, index: 'scope' })).map((t) =>
    toRecord<TenantRecord>(t),
  );
  let bureaus = 0;
  for (const bureau of tenants.filter((t) => t.kind === 'bureau')) {
    try {
      await store.client.send(
        new PutCommand({
          TableName: store.tableName,
          Item: {
            ...keys.regionBureau(bureau.region),
            itemType: 'Guard',
            tenantId: bureau.id,
            bureauId: bureau.id,
            name: bureau.name,
            region: bureau.region,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      bureaus++;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
  let heads = 0;
  for (const org of tenants.filter((t) => t.kind === 'org')) {
    const scope = new TenantScope(store.client, store.tableName, org.id, 'migration');
    const items = await queryAll(scope, {
      partition: keys.contractStatusPartition(org.id, 'submitted'),
      index: 'status',
    });
    for (const row of items) {
      const { Item } = await store.client.send(
        new GetCommand({ TableName: store.tableName, Key: { pk: row.pk, sk: row.sk }, ConsistentRead: true }),
      );
      if (!Item || Item.review || Item.status !== 'submitted') continue;
      const head = toRecord<StoredContract>(Item);
      const region = head.purchaser.region;
      const bureau = await store.reviewingBureau(region, cityOf(region));
      if (!bureau) continue;
      const submitted = [...head.history].reverse().find((h) => h.to === 'submitted');
      const review: ContractReview = {
        state: 'pending',
        bureau,
        organisation: org.name,
        submittedAt: submitted?.at ?? head.updatedAt,
        reasons: [],
      };
      const queue = keys.reviewQueue(cityOf(region) ?? region, region, review.submittedAt, org.id, head.id);
      try {
        // A storage change like the status index's: the head's version stays (nobody decided anything).
        await store.client.send(
          new UpdateCommand({
            TableName: store.tableName,
            Key: { pk: Item.pk, sk: Item.sk },
            UpdateExpression: 'SET review = :review, gsi3pk = :qpk, gsi3sk = :qsk',
            ConditionExpression: 'attribute_not_exists(review) AND #status = :submitted AND version = :version',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':review': review,
              ':qpk': queue.gsi3pk,
              ':qsk': queue.gsi3sk,
              ':submitted': 'submitted',
              ':version': Item.version,
            },
          }),
        );
        heads++;
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      }
    }
  }
  return { bureaus, heads };
}

/**
 * Gives every contract written before the register (台账) existed its register row and its share
 * of the aggregates (store/src/register.ts), from its head, its current version's costing and its
 * months of actuals. Each in its own audited transaction, which creates the row only if it is still
 * missing (a contract saved meanwhile wrote its own). Reads no more than it must and never Scans:
 * the platform's directory names every tenant, and each tenant's heads are one Query. Running it
 * again changes nothing.
 */
export async function backfillRegister(store: Store): Promise<{ tenants: number; rows: number }> {
  const directory = new TenantScope(store.client, store.tableName, 'platform-migration', 'migration');
  const tenants = await queryAll(directory, { partition: keys.tenantDirectory, index: 'scope' });
  let rows = 0;
  for (const tenant of tenants.filter((t) => t.kind === 'org')) {
    const tenantId = String(tenant.id);
    const scope = new TenantScope(store.client, store.tableName, tenantId, 'migration');
    const heads = await queryAll(scope, { partition: `T#${tenantId}`, sortPrefix: keys.contractPrefix });
    for (const item of heads) {
      const head = toRecord<StoredContract>(item);
      const { Item } = await store.client.send(
        new GetCommand({ TableName: store.tableName, Key: keys.registerRow(tenantId, head.id), ConsistentRead: true }),
      );
      if (Item) continue;
      const months = await new ContractActuals(scope).months(head.id);
      const mutation = scope.mutation();
      new Contracts(scope).register(mutation, {
        contractId: head.id,
        headAsRead: head,
        belowGuidelineMonths: months.filter((m) => paysBelowGuideline(m.cost.findings)).map((m) => m.month),
      });
      await mutation.audited('register.backfill', 'RegisterRow', head.id, 1, { contractId: head.id }).commit();
      rows++;
    }
  }
  return { tenants: tenants.length, rows };
}
