import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type CrossTenantPath,
  crossingRoleStatements,
  crossingStatements,
  type DataAccess,
  dataAccessStatements,
  functionStatements,
  type PolicyStatementJson,
  readSessionTags,
  type SessionTags,
  watchAccesses,
} from '@shegong/store';
import { allowingStatement, TEST_RESOURCES } from './iam.ts';

/** What IAM would answer a request the policy does not allow. */
export class AccessDenied extends Error {
  override readonly name = 'AccessDeniedException';
}

export interface EvaluatedAccess extends DataAccess {
  tags: SessionTags;
  /** The statement that allowed it; undefined when denied. */
  statement?: string;
  /** Set for a named crossing's request: its path and target (tags.tenant is the caller). */
  crossing?: { path: CrossTenantPath; target: string };
}

/**
 * The data-access policy applied in tests as the deployed roles apply it: each tenant's
 * repositories get their own client (as TenantCredentials gives them in AWS), whose every request is
 * evaluated against the generated statements with the tenant's session tags before it is sent; a
 * denied one fails as IAM would fail it. Each named crossing (path, caller, target) gets its own
 * client too (as CrossingCredentials gives it), evaluated against the crossing role's statements
 * with the two tenants' tags AND the path's session policy: IAM allows what both allow. Every
 * evaluation is kept for the tests to read.
 */
export class PolicyEvaluation {
  readonly statements = dataAccessStatements(TEST_RESOURCES);
  readonly crossingRole = crossingRoleStatements(TEST_RESOURCES);
  readonly accesses: EvaluatedAccess[] = [];
  private readonly clients = new Map<string, DynamoDBDocumentClient>();
  private readonly tags = new Map<string, SessionTags>();

  constructor(
    private readonly endpoint: string,
    private readonly tableName: string,
  ) {}

  get denied(): EvaluatedAccess[] {
    return this.accesses.filter((a) => !a.statement);
  }

  /** A crossing's client: its requests must be allowed by the crossing role and its session policy. */
  crossingClientFor(path: CrossTenantPath, caller: string, target: string): DynamoDBDocumentClient {
    const key = `${path}|${caller}|${target}`;
    let client = this.clients.get(key);
    if (client) return client;
    client = this.newClient();
    const session = crossingStatements(path, caller, target);
    const tags = { tenant: caller, target } as SessionTags;
    watchAccesses(client, (accesses) => {
      for (const access of accesses) {
        const statement = this.bothAllow(session, tags, access);
        this.accesses.push({ ...access, tags, crossing: { path, target }, ...(statement ? { statement } : {}) });
        if (!statement) {
          throw new AccessDenied(`${access.action} on ${access.leadingKeys.join(', ')} denied to crossing ${key}`);
        }
      }
    });
    this.clients.set(key, client);
    return client;
  }

  /** The session policy's allowing statement, if the role's allows the access too (IAM intersects them). */
  private bothAllow(session: PolicyStatementJson[], tags: SessionTags, access: DataAccess): string | undefined {
    if (!allowingStatement(this.crossingRole, tags, access)) return undefined;
    return allowingStatement(session, tags, access)?.Sid;
  }

  private newClient(): DynamoDBDocumentClient {
    const client = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: 'ap-southeast-1',
        endpoint: this.endpoint,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        maxAttempts: 10,
      }),
      { marshallOptions: { removeUndefinedValues: true } },
    );
    client.middlewareStack.add(
      (next, context) => (args) => {
        for (const record of this.recorders) record(context.commandName ?? '?');
        return next(args);
      },
      { step: 'initialize', name: 'countEvaluatedCommands' },
    );
    return client;
  }

  private readonly recorders = new Set<(command: string) => void>();
  private tagReader?: DynamoDBDocumentClient;
  readonly functionStatements = functionStatements(TEST_RESOURCES);

  /**
   * Records every access of the function's own client, evaluated against the function's own grant
   * (store/access/policy.ts, functionStatements), and refuses a denied one as IAM would while
   * `refusing()` (the app serving a request): tests set up and inspect the table with the same client.
   */
  watchFunctionClient(client: DynamoDBDocumentClient, refusing: () => boolean): void {
    watchAccesses(client, (accesses) => {
      for (const access of accesses) {
        const statement = allowingStatement(this.functionStatements, {} as SessionTags, access)?.Sid;
        this.functionAccesses.push({ ...access, tags: {} as SessionTags, ...(statement ? { statement } : {}) });
        if (!statement && refusing()) {
          throw new AccessDenied(
            `${access.action} on ${access.leadingKeys.join(', ')} denied to the function's own grant`,
          );
        }
      }
    });
  }

  readonly functionAccesses: EvaluatedAccess[] = [];

  /**
   * The commands every tenant's and crossing's client sends while `action` runs, by name (the
   * function's own client is counted by its caller): a request's round trips when its repositories
   * are spread over several clients. Everything sent meanwhile counts, so run one request at a time.
   */
  async commandsDuring<T>(action: () => Promise<T>): Promise<{ result: T; commands: string[] }> {
    const commands: string[] = [];
    const record = (command: string) => commands.push(command);
    this.recorders.add(record);
    try {
      return { result: await action(), commands };
    } finally {
      this.recorders.delete(record);
    }
  }

  clientFor(tenantId: string): DynamoDBDocumentClient {
    let client = this.clients.get(tenantId);
    if (client) return client;
    client = this.newClient();
    watchAccesses(client, async (accesses) => {
      const tags = await this.tagsOf(tenantId);
      for (const access of accesses) {
        const statement = allowingStatement(this.statements, tags, access)?.Sid;
        this.accesses.push({ ...access, tags, ...(statement ? { statement } : {}) });
        if (!statement) {
          throw new AccessDenied(
            `${access.action} on ${access.leadingKeys.join(', ')} denied to ${JSON.stringify(tags)}`,
          );
        }
      }
    });
    this.clients.set(tenantId, client);
    return client;
  }

  /**
   * Read from the tenant's record; not kept while it has none (the tenant is being created). In AWS
   * a session tagged with the tenant alone reads it (TenantCredentials), which OwnTenant allows:
   * here a client of its own, neither the function's nor one that counts a request's commands.
   */
  private async tagsOf(tenantId: string): Promise<SessionTags> {
    const known = this.tags.get(tenantId);
    if (known) return known;
    this.tagReader ??= DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: 'ap-southeast-1',
        endpoint: this.endpoint,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    );
    const tags = await readSessionTags(this.tagReader, this.tableName, tenantId);
    if (tags.kind) this.tags.set(tenantId, tags);
    return tags;
  }
}
