import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableDefinition } from '../table.ts';

/**
 * What IAM sees of one DynamoDB request: the item action it is authorized as (a transaction's or a
 * batch's parts are each authorized as the item action they contain), the resource (the table or one
 * of its indexes) and the `dynamodb:LeadingKeys` value: the base table's partition key of the item
 * touched, or the index's partition key value of a Query on a GSI.
 */
export interface DataAccess {
  action: string;
  /** The index a Query reads; absent for the base table. */
  index?: string;
  /** One key, except for a batch: IAM evaluates a batch's keys together, as one set. */
  leadingKeys: string[];
}

type Input = Record<string, unknown>;
type AttributeMap = Record<string, unknown>;

/** A key attribute as the document client has it (a string) or as the wire has it (`{ S: … }`). */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { S?: unknown }).S === 'string') {
    return (value as { S: string }).S;
  }
  return undefined;
}

function itemAccess(action: string, keyOrItem: AttributeMap | undefined): DataAccess[] {
  const leadingKey = text(keyOrItem?.[tableDefinition.partitionKey]);
  return leadingKey === undefined ? [] : [{ action, leadingKeys: [leadingKey] }];
}

/**
 * The partition key value a Query names: the equality on the table's (or index's) partition key in
 * its KeyConditionExpression, through an attribute-name placeholder or not.
 */
function queryAccess(input: Input): DataAccess[] {
  const index = input.IndexName as string | undefined;
  const attribute = index
    ? tableDefinition.indexes.find((i) => i.name === index)?.partitionKey
    : tableDefinition.partitionKey;
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (input.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
  for (const match of String(input.KeyConditionExpression ?? '').matchAll(/([#\w]+)\s*=\s*(:\w+)/g)) {
    const [, name = '', placeholder = ''] = match;
    if ((names[name] ?? name) !== attribute) continue;
    const leadingKey = text(values[placeholder]);
    if (leadingKey !== undefined)
      return [{ action: 'dynamodb:Query', ...(index ? { index } : {}), leadingKeys: [leadingKey] }];
  }
  return [{ action: 'dynamodb:Query', ...(index ? { index } : {}), leadingKeys: [''] }];
}

const transactParts: Record<string, [string, string]> = {
  Put: ['dynamodb:PutItem', 'Item'],
  Update: ['dynamodb:UpdateItem', 'Key'],
  Delete: ['dynamodb:DeleteItem', 'Key'],
  ConditionCheck: ['dynamodb:ConditionCheckItem', 'Key'],
  Get: ['dynamodb:GetItem', 'Key'],
};

function transactAccess(input: Input): DataAccess[] {
  return ((input.TransactItems ?? []) as Record<string, AttributeMap>[]).flatMap((part) =>
    Object.entries(part).flatMap(([kind, body]) => {
      const shape = transactParts[kind];
      return shape ? itemAccess(shape[0], body[shape[1]] as AttributeMap) : [];
    }),
  );
}

function batchAccess(command: 'BatchGetItem' | 'BatchWriteItem', input: Input): DataAccess[] {
  const action = `dynamodb:${command}`;
  return Object.values((input.RequestItems ?? {}) as Record<string, unknown>).map((requests) => {
    const keyed =
      command === 'BatchGetItem'
        ? ((requests as { Keys?: AttributeMap[] }).Keys ?? [])
        : (requests as { PutRequest?: { Item: AttributeMap }; DeleteRequest?: { Key: AttributeMap } }[]).map(
            (r) => r.PutRequest?.Item ?? r.DeleteRequest?.Key,
          );
    return { action, leadingKeys: keyed.flatMap((k) => itemAccess(action, k).flatMap((a) => a.leadingKeys)) };
  });
}

/**
 * Every access one command makes, from its name (`GetItemCommand` or the document client's
 * `GetCommand`) and input. A command this does not know (DescribeTable, Scan) yields an access with
 * no leading key, so a policy test sees it instead of missing it.
 */
export function accessesOf(commandName: string, input: Input): DataAccess[] {
  const command = commandName.replace(/Command$/, '');
  switch (command) {
    case 'Get':
    case 'GetItem':
      return itemAccess('dynamodb:GetItem', input.Key as AttributeMap);
    case 'Put':
    case 'PutItem':
      return itemAccess('dynamodb:PutItem', input.Item as AttributeMap);
    case 'Update':
    case 'UpdateItem':
      return itemAccess('dynamodb:UpdateItem', input.Key as AttributeMap);
    case 'Delete':
    case 'DeleteItem':
      return itemAccess('dynamodb:DeleteItem', input.Key as AttributeMap);
    case 'Query':
      return queryAccess(input);
    case 'TransactWrite':
    case 'TransactWriteItems':
    case 'TransactGet':
    case 'TransactGetItems':
      return transactAccess(input);
    case 'BatchGet':
    case 'BatchGetItem':
      return batchAccess('BatchGetItem', input);
    case 'BatchWrite':
    case 'BatchWriteItem':
      return batchAccess('BatchWriteItem', input);
    default:
      return [{ action: `dynamodb:${command}`, leadingKeys: [''] }];
  }
}

let watchers = 0;

/**
 * Calls `check` with every access of every command the client sends, before it is sent (an SDK
 * middleware at the `initialize` step, where the input is still the document client's). `check` may
 * record the accesses, or throw (or reject) to refuse the command as IAM would.
 */
export function watchAccesses(
  client: DynamoDBDocumentClient,
  check: (accesses: DataAccess[]) => void | Promise<void>,
): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      await check(accessesOf(String(context.commandName ?? ''), args.input as Input));
      return next(args);
    },
    // A name of its own: one client may be watched twice (two test worlds share the function's client).
    { step: 'initialize', name: `watchDataAccesses-${++watchers}`, priority: 'high' },
  );
}
