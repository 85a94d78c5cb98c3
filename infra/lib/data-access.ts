import {
  CROSSING_TAG_KEYS,
  crossingRoleStatements,
  type DataResources,
  dataAccessStatements,
  functionStatements,
  type SessionTags,
} from '@shegong/store';
import { Duration } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { ArnPrincipal, type IRole, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** The session tags the function may set (store/access/credentials.ts); any other is refused. */
const sessionTagKeys: readonly (keyof SessionTags)[] = ['tenant', 'kind', 'region'];

export interface DataAccessProps {
  readonly stage: string;
  readonly table: Table;
  readonly indexNames: readonly string[];
  /** The principal that assumes the roles: the API function's role (the import worker's: `grantTenantRole`). */
  readonly assumedBy: IRole;
}

/**
 * The roles the API function's data access runs with, and its own remaining grant, all built from
 * statements the store generates from its key families, so code and IAM cannot drift:
 * - `role`: assumed per tenant with session tags (TenantCredentials); its statements
 *   (store/access/policy.ts) confine each session with `dynamodb:LeadingKeys` to its tenant's
 *   partitions, the global guards, and its city's region partitions for a bureau;
 * - `crossingRole`: assumed per named crossing (CrossingCredentials) with the caller and the target
 *   as tags and a session policy generated from the path's declaration (store/access/cross-tenant.ts,
 *   crossing-policy.ts); the role itself opens the union of what the paths declare of those two
 *   tenants, never a third;
 * - the function's own statements (`grantBeforeTenant`): reads by key of what is looked up before a
 *   tenant is known, and the published rule sets' index.
 */
export class DataAccess extends Construct {
  readonly role: Role;
  readonly crossingRole: Role;
  private readonly resources: DataResources;

  constructor(scope: Construct, id: string, props: DataAccessProps) {
    super(scope, id);
    const tableArn = props.table.tableArn;
    this.resources = { table: tableArn, indexes: props.indexNames.map((name) => `${tableArn}/index/${name}`) };
    this.role = new Role(this, 'Role', {
      description: `Shegong ${props.stage} tenant-confined data access (assumed per tenant by the API function)`,
      // AssumeRole and TagSession, from the function's role alone, with no tag keys but ours.
      assumedBy: new ArnPrincipal(props.assumedBy.roleArn)
        .withSessionTags()
        .withConditions({ 'ForAllValues:StringEquals': { 'aws:TagKeys': [...sessionTagKeys] } }),
      // The sessions ask for 15 minutes (the shortest); nothing needs longer.
      maxSessionDuration: Duration.hours(1),
    });
    for (const statement of dataAccessStatements(this.resources)) {
      this.role.addToPolicy(PolicyStatement.fromJson(statement));
    }
    this.crossingRole = new Role(this, 'CrossingRole', {
      description: `Shegong ${props.stage} named cross-tenant paths (assumed per crossing by the API function, with a session policy)`,
      assumedBy: new ArnPrincipal(props.assumedBy.roleArn)
        .withSessionTags()
        .withConditions({ 'ForAllValues:StringEquals': { 'aws:TagKeys': [...CROSSING_TAG_KEYS] } }),
      maxSessionDuration: Duration.hours(1),
    });
    for (const statement of crossingRoleStatements(this.resources)) {
      this.crossingRole.addToPolicy(PolicyStatement.fromJson(statement));
    }
  }

  /** Lets the function's role assume both roles with session tags (their trust policies name it too). */
  grantAssume(role: IRole): void {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        resources: [this.role.roleArn, this.crossingRole.roleArn],
      }),
    );
  }

  /**
   * Lets a function that acts for one tenant at a time, the import worker for its job's tenant,
   * assume the tenant role with the same session tags: its data access is then confined as the
   * API's is, and it needs no grant of its own on the table (nor the crossing role).
   */
  grantTenantRole(role: IRole): void {
    this.role.assumeRolePolicy?.addStatements(
      new PolicyStatement({
        principals: [new ArnPrincipal(role.roleArn)],
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        conditions: { 'ForAllValues:StringEquals': { 'aws:TagKeys': [...sessionTagKeys] } },
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [this.role.roleArn] }),
    );
  }

  /** The function's own grant: what it reads before a tenant is known (store/access/policy.ts). */
  grantBeforeTenant(role: IRole): void {
    for (const statement of functionStatements(this.resources)) {
      role.addToPrincipalPolicy(PolicyStatement.fromJson(statement));
    }
  }
}
