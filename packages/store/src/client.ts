import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface StoreConfig {
  tableName: string;
  /** DynamoDB Local's URL; unset in AWS. */
  endpoint?: string;
  region?: string;
  /** The data-access role each tenant's repositories assume (env DATA_ROLE_ARN); unset locally. */
  dataRoleArn?: string;
  /**
   * The role the named crossings assume, each with a session policy narrowed to what it declares
   * (env CROSSING_ROLE_ARN; access/crossing-credentials.ts); unset locally.
   */
  crossingRoleArn?: string;
}

/** One client per configuration: SDK clients are built once and reused (Powertools' advice). */
const clients = new Map<string, DynamoDBDocumentClient>();

export function documentClient(config: StoreConfig): DynamoDBDocumentClient {
  const key = `${config.endpoint ?? 'aws'}|${config.region ?? ''}`;
  let client = clients.get(key);
  if (!client) {
    const base = new DynamoDBClient({
      region: config.region ?? process.env.AWS_REGION ?? 'ap-southeast-1',
      ...(config.endpoint
        ? {
            endpoint: config.endpoint,
            credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
            // DynamoDB Local runs transactions one at a time; under many at once it gives up waiting
            // for its lock with a 500 ("this request will succeed in actual DynamoDB API"), which the
            // SDK retries: give it the attempts a busy machine needs.
            maxAttempts: 10,
          }
        : {}),
    });
    client = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
    clients.set(key, client);
  }
  return client;
}
