import { dataAccessStatements, type SessionTags } from '@shegong/store';
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
  /** The only principal that may assume the role: the API function's role. */
  readonly assumedBy: IRole;
}

/**
 * The role a tenant's data access runs with: the API function assumes it per tenant with session
 * tags (TenantCredentials), and its statements, generated from the store's key families
 * (store/access/policy.ts), confine each session with `dynamodb:LeadingKeys` to its tenant's
 * partitions, the global guards, and its city's region partitions for a bureau. No statement names
 * another tenant's partition: the few use cases that must are named in store/access/cross-tenant.ts
 * and sign with the function's own grant.
 */
export class DataAccess extends Construct {
  readonly role: Role;

  constructor(scope: Construct, id: string, props: DataAccessProps) {
    super(scope, id);
    this.role = new Role(this, 'Role', {
      description: `Shegong ${props.stage} tenant-confined data access (assumed per tenant by the API function)`,
      // AssumeRole and TagSession, from the function's role alone, with no tag keys but ours.
      assumedBy: new ArnPrincipal(props.assumedBy.roleArn)
        .withSessionTags()
        .withConditions({ 'ForAllValues:StringEquals': { 'aws:TagKeys': [...sessionTagKeys] } }),
      // The sessions ask for 15 minutes (the shortest); nothing needs longer.
      maxSessionDuration: Duration.hours(1),
    });
    const tableArn = props.table.tableArn;
    for (const statement of dataAccessStatements({
      table: tableArn,
      indexes: props.indexNames.map((name) => `${tableArn}/index/${name}`),
    })) {
      this.role.addToPolicy(PolicyStatement.fromJson(statement));
    }
  }

  /** Lets the function's role assume this role with session tags (the trust policy names it too). */
  grantAssume(role: IRole): void {
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [this.role.roleArn] }),
    );
  }
}
