import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let recordings = 0;

/**
 * The DynamoDB commands a client sends while `action` runs, by name (`GetItemCommand`, `QueryCommand`…),
 * for tests and the bench that count a request's round trips to the store. An SDK middleware on the
 * client for the action's time only, so requests outside tests pay nothing. Counted once per
 * command sent: the SDK's own retries of a throttled call are not extra round trips of the code.
 * Everything the client sends meanwhile counts, so run one request at a time.
 */
export async function roundTripsDuring<T>(
  client: DynamoDBDocumentClient,
  action: () => Promise<T>,
): Promise<{ result: T; commands: string[] }> {
  const commands: string[] = [];
  const name = `count-round-trips-${++recordings}`;
  client.middlewareStack.add(
    (next, context) => (args) => {
      commands.push(context.commandName ?? '?');
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    return { result: await action(), commands };
  } finally {
    client.middlewareStack.remove(name);
  }
}
