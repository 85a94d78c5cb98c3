import { resolve } from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  FilterCriteria,
  FilterRule,
  Function as LambdaFunction,
  Runtime,
  StartingPosition,
} from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { DataAccess } from './data-access.ts';
import { BUNDLED_HANDLER, bundledCode, repoRoot } from './lambda.ts';

export interface ImportWorkerProps {
  readonly stage: string;
  readonly table: Table;
  /** The tenant role the worker assumes for its job's tenant: its only access to the table's data. */
  readonly dataAccess: DataAccess;
}

/**
 * Writes roster imports after the API has answered 202 (issue 3: a 5 000-row roster must not hold
 * a request open). The API stores the validated rows in chunks and the job as 'writing'; the
 * table's stream, filtered to exactly those job items, starts this function, which has 15 minutes.
 * A batch that keeps failing goes to an encrypted dead-letter queue for a person to look at.
 */
export class ImportWorker extends Construct {
  readonly function: LambdaFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: ImportWorkerProps) {
    super(scope, id);
    const logs = new LogGroup(this, 'Logs', { retention: RetentionDays.THREE_MONTHS });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Shegong ${props.stage} roster import worker`,
    });
    logs.grantWrite(role);

    this.function = new LambdaFunction(this, 'Function', {
      description: `Shegong ${props.stage} roster import worker (table stream)`,
      code: bundledCode(this, 'import-worker', resolve(repoRoot, 'functions/import-worker/handler.ts')),
      handler: BUNDLED_HANDLER,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.minutes(15),
      role,
      logGroup: logs,
      environment: {
        TABLE_NAME: props.table.tableName,
        POWERTOOLS_SERVICE_NAME: 'shegong-import',
      },
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 is pinned on purpose, as for the API function: the bundle targets node22.',
    });
    // No grant of its own on the table: it reads and writes as its job's tenant (DATA_ROLE_ARN), so
    // IAM confines an import to that tenant's partitions as it confines the API's requests.
    props.dataAccess.grantTenantRole(role);
    this.function.addEnvironment('DATA_ROLE_ARN', props.dataAccess.role.roleArn);

    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the import worker’s stream source.',
    });

    this.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 1,
        retryAttempts: 2,
        onFailure: new SqsDlq(this.deadLetters),
        // Only import jobs entering 'writing'; every other change to the table never wakes the worker.
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: {
              NewImage: {
                itemType: { S: FilterRule.isEqual('ImportJob') },
                status: { S: FilterRule.isEqual('writing') },
              },
            },
          }),
        ],
      }),
    );
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'The stream event source needs dynamodb:ListStreams, which cannot be scoped to a resource; the stream read actions (DescribeStream, GetRecords, GetShardIterator) are scoped to this table’s stream.',
    });
  }
}
