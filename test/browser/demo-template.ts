import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AttributeValue,
  BatchWriteItemCommand,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { ensureTable, LocalIdentityDirectory, seedDemo } from '@shegong/local';
import { Store } from '@shegong/store';
import { TestTable } from '../support/table.ts';

/**
 * The demo data, seeded once per test run and copied into each browser journey's own table.
 * Seeding is a journey's slowest step by far (tens of seconds on a busy 2-core box: every tenant,
 * user, contract, chain and aggregate through the store's transactions); a copy is a few
 * Scan pages and BatchWrites. The first journey to ask seeds the template; the others wait for it.
 * packages/local's own tests still seed for real: that is what they test.
 */
const TEMPLATE = 'demo-template';
const TEMPLATE_PK = 'TEMPLATE#demo';
const LOCK = { pk: { S: TEMPLATE_PK }, sk: { S: 'LOCK' } };
const OUTCOME = { pk: { S: TEMPLATE_PK }, sk: { S: 'OUTCOME' } };
/** Long enough for a seed on a busy CI box; a template that never comes fails the journey. */
const WAIT_MS = 10 * 60_000;

export interface DemoCopy {
  /** The seeded invitation's link token (shown once when seeded, so carried with the template). */
  invitationToken?: string;
}

/** Fills `tableName` (created here) with the demo data, as `pnpm start` would seed it. */
export async function copyDemoData(endpoint: string, tableName: string): Promise<DemoCopy> {
  const template = new TestTable(endpoint, TEMPLATE);
  const outcome = await templateOutcome(endpoint, template);
  await ensureTable(new Store({ tableName, endpoint }));
  await copyItems(template, tableName);
  return outcome;
}

async function templateOutcome(endpoint: string, template: TestTable): Promise<DemoCopy> {
  await ensureTable(new Store({ tableName: TEMPLATE, endpoint }));
  if (await claim(template)) await seedTemplate(endpoint, template);
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const { Item } = await template.raw.send(
      new GetItemCommand({ TableName: TEMPLATE, Key: OUTCOME, ConsistentRead: true }),
    );
    if (Item?.failed?.S) throw new Error(`the demo template could not be seeded: ${Item.failed.S}`);
    if (Item) return Item.invitationToken?.S ? { invitationToken: Item.invitationToken.S } : {};
    await sleep(500);
  }
  throw new Error(`the demo template was not seeded within ${WAIT_MS / 60_000} minutes`);
}

/** Whether this process seeds the template (the first to ask does). */
async function claim(template: TestTable): Promise<boolean> {
  try {
    await template.raw.send(
      new PutItemCommand({ TableName: TEMPLATE, Item: LOCK, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

async function seedTemplate(endpoint: string, template: TestTable): Promise<void> {
  const store = new Store({ tableName: TEMPLATE, endpoint });
  let outcome: Record<string, AttributeValue>;
  try {
    const seed = await seedDemo({ store, directory: new LocalIdentityDirectory(store) });
    outcome = seed.invitationToken ? { invitationToken: { S: seed.invitationToken } } : {};
  } catch (error) {
    outcome = { failed: { S: (error as Error).stack ?? String(error) } };
  }
  await template.raw.send(new PutItemCommand({ TableName: TEMPLATE, Item: { ...OUTCOME, ...outcome } }));
}

/** Every item but the template's own, in parallel Scan segments and batches of 25. */
async function copyItems(template: TestTable, tableName: string): Promise<void> {
  const segments = 4;
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await template.raw.send(
          new ScanCommand({
            TableName: TEMPLATE,
            ConsistentRead: true,
            Segment: segment,
            TotalSegments: segments,
            ExclusiveStartKey: start,
          }),
        );
        const items = (page.Items ?? []).filter((item) => item.pk?.S !== TEMPLATE_PK);
        for (let i = 0; i < items.length; i += 25)
          await writeBatch(
            template,
            tableName,
            items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
          );
        start = page.LastEvaluatedKey;
      } while (start);
    }),
  );
}

async function writeBatch(template: TestTable, tableName: string, requests: WriteRequest[]): Promise<void> {
  let pending = requests;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) await sleep(Math.min(50 * 2 ** attempt, 2_000));
    const { UnprocessedItems } = await template.raw.send(
      new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }),
    );
    pending = UnprocessedItems?.[tableName] ?? [];
  }
}
