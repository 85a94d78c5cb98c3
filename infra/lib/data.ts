import { tableDefinition } from '@shegong/store';
import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

/**
 * The one DynamoDB table. Keys, the GSIs, TTL and stream come from `tableDefinition` in
 * @shegong/store, which the local/test bootstrap also uses, so AWS and DynamoDB Local cannot drift.
 */
export class Data extends Construct {
  readonly table: Table;
  /** Index names, for IAM statements that name each index ARN instead of `index/*`. */
  readonly indexNames: readonly string[];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const { partitionKey, sortKey, indexes, ttlAttribute, stream } = tableDefinition;

    this.table = new Table(this, 'Table', {
      partitionKey: { name: partitionKey, type: AttributeType.STRING },
      sortKey: { name: sortKey, type: AttributeType.STRING },
      // Traffic is spiky and small per tenant; on-demand needs no capacity planning or autoscaling.
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // The table holds every tenant's records: neither a stack deletion nor a replacement may drop it.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: ttlAttribute,
      stream: StreamViewType[stream],
    });

    for (const index of indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        // Same projection as createTableInput() uses for DynamoDB Local.
        ...(index.projection.type === 'INCLUDE'
          ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.projection.attributes] }
          : { projectionType: ProjectionType.ALL }),
      });
    }
    this.indexNames = indexes.map((index) => index.name);
  }
}
