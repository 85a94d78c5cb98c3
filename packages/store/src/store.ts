import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AuditTrail } from './audit.ts';
import { documentClient, type StoreConfig } from './client.ts';
import { IdempotencyRecords } from './idempotency.ts';
import { ImportJobs } from './imports.ts';
import { findInvitationByToken, Invitations } from './invitations.ts';
import { Ladders } from './ladders.ts';
import { People } from './people.ts';
import { RuleSets } from './rule-sets.ts';
import { TenantScope } from './scope.ts';
import { OwnTenant, TenantDirectory } from './tenants.ts';
import { Users } from './users.ts';

/** The verified identity a tenant's repositories are built for. */
export interface TenantContext {
  tenantId: string;
  userId: string;
  kind?: string;
}

export interface TenantRepositories {
  scope: TenantScope;
  tenant: OwnTenant;
  users: Users;
  invitations: Invitations;
  idempotency: IdempotencyRecords;
  audit: AuditTrail;
  ruleSets: RuleSets;
  people: People;
  ladders: Ladders;
  imports: ImportJobs;
}

/**
 * The entry to the table. Repositories exist only inside a tenant context, which the HTTP layer
 * builds from a verified token; there is no way to name a tenant from a request body.
 */
export class Store {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;

  constructor(config: StoreConfig) {
    this.client = documentClient(config);
    this.tableName = config.tableName;
  }

  tenant(context: TenantContext): TenantRepositories {
    const scope = new TenantScope(this.client, this.tableName, context.tenantId, context.userId);
    return {
      scope,
      tenant: new OwnTenant(scope),
      users: new Users(scope),
      invitations: new Invitations(scope),
      idempotency: new IdempotencyRecords(scope),
      audit: new AuditTrail(scope),
      ruleSets: new RuleSets(scope),
      people: new People(scope),
      ladders: new Ladders(scope),
      imports: new ImportJobs(scope),
    };
  }

  /** The platform's tenant directory: refused to anyone but the platform tenant. */
  platform(context: TenantContext & { kind: string }): TenantRepositories & { directory: TenantDirectory } {
    if (context.kind !== 'platform') throw new Error('only the platform tenant may open the tenant directory');
    const repositories = this.tenant(context);
    return { ...repositories, directory: new TenantDirectory(repositories.scope) };
  }

  /** Which tenant an invitation link belongs to: the one lookup made without a tenant context. */
  invitationByToken(token: string) {
    return findInvitationByToken(this.client, this.tableName, token);
  }
}
