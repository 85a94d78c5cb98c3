import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type CredentialsProvider = ReturnType<typeof fromTemporaryCredentials>;

/**
 * Document clients signing with assumed-role credentials, one per key, least recently used dropped
 * beyond `max` (a Lambda instance serves a few tenants at a time; a dropped one costs one AssumeRole
 * when it comes back). The SDK client memoizes its credentials provider and refreshes them before
 * they expire, so a cached client never signs with expired keys.
 */
export class AssumedClients {
  private readonly clients = new Map<string, DynamoDBDocumentClient>();

  constructor(
    private readonly region: string,
    private readonly max: number,
  ) {}

  get(key: string, credentials: () => CredentialsProvider): DynamoDBDocumentClient {
    const cached = this.clients.get(key);
    if (cached) {
      // Map keeps insertion order: re-inserting makes this the most recently used.
      this.clients.delete(key);
      this.clients.set(key, cached);
      return cached;
    }
    const client = DynamoDBDocumentClient.from(
      new DynamoDBClient({ region: this.region, credentials: credentials() }),
      { marshallOptions: { removeUndefinedValues: true } },
    );
    this.clients.set(key, client);
    const oldest = this.clients.keys().next().value;
    if (this.clients.size > this.max && oldest !== undefined) {
      this.clients.get(oldest)?.destroy();
      this.clients.delete(oldest);
    }
    return client;
  }
}
