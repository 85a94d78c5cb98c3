import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ObservabilityProps {
  readonly stage: string;
  readonly httpApi: HttpApi;
  readonly function: IFunction;
  readonly table: Table;
  readonly indexNames: readonly string[];
  /** The roster import worker and the dead-letter queue its failed batches go to. */
  readonly importWorker: { readonly function: IFunction; readonly deadLetters: IQueue };
  /** Subscribed to the alarm topic when given (the address must confirm the subscription). */
  readonly alarmEmail?: string;
}

const period = Duration.minutes(5);

/**
 * Alarms on what users feel first (5xx, errors, throttling) and on imports that did not finish
 * (the worker's errors, batches waiting in its dead-letter queue), sent to one encrypted SNS topic.
 */
export class Observability extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const stack = Stack.of(this);

    // A customer-managed key because CloudWatch cannot publish to a topic encrypted with the
    // AWS-managed aws/sns key: its key policy cannot be extended to the CloudWatch service.
    const key = new Key(this, 'AlarmTopicKey', {
      description: `Shegong ${props.stage} alarm topic`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const cloudWatch = new ServicePrincipal('cloudwatch.amazonaws.com');
    key.grant(cloudWatch, 'kms:Decrypt', 'kms:GenerateDataKey*');

    this.topic = new Topic(this, 'AlarmTopic', {
      displayName: `Shegong ${props.stage} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    // enforceSSL writes a topic policy, which replaces the default one: let this account's alarms publish.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [cloudWatch],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    const name = (what: string) => `shegong-${props.stage}-${what}`;
    this.alarm('Api5xx', {
      name: name('api-5xx'),
      description: 'The HTTP API answered 5xx (gateway or app errors) at least 5 times in 5 minutes.',
      metric: props.httpApi.metricServerError({ period, statistic: 'Sum' }),
      threshold: 5,
    });
    this.alarm('FunctionErrors', {
      name: name('function-errors'),
      description: 'The API function failed (uncaught error, crash or timeout).',
      metric: props.function.metricErrors({ period, statistic: 'Sum' }),
      threshold: 1,
    });
    this.alarm('FunctionThrottles', {
      name: name('function-throttles'),
      description: 'Invocations of the API function were throttled (account or reserved concurrency reached).',
      metric: props.function.metricThrottles({ period, statistic: 'Sum' }),
      threshold: 1,
    });
    this.alarm('TableThrottles', {
      name: name('table-throttles'),
      description:
        'DynamoDB throttled reads or writes on the table or one of its indexes (a hot partition, most likely).',
      metric: throttleEvents(props.table, props.indexNames),
      threshold: 1,
    });

    // A roster import runs after the API answered 202: its failures reach nobody unless an alarm says so.
    this.alarm('ImportWorkerErrors', {
      name: name('import-worker-errors'),
      description: 'The roster import worker failed (its batch is retried, then sent to the dead-letter queue).',
      metric: props.importWorker.function.metricErrors({ period, statistic: 'Sum' }),
      threshold: 1,
    });
    this.alarm('ImportDeadLetters', {
      name: name('import-dead-letters'),
      description: 'A roster import batch is waiting in the dead-letter queue: an import did not finish; look at it.',
      metric: props.importWorker.deadLetters.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
      threshold: 1,
    });

    const action = new SnsAction(this.topic);
    for (const alarm of this.alarms) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
  }

  private alarm(id: string, spec: { name: string; description: string; metric: IMetric; threshold: number }): void {
    this.alarms.push(
      new Alarm(this, id, {
        alarmName: spec.name,
        alarmDescription: spec.description,
        metric: spec.metric,
        threshold: spec.threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No traffic is not a failure.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }
}

/** Read + write throttle events of the table and each GSI (a throttled GSI also throttles base-table writes). */
function throttleEvents(table: Table, indexNames: readonly string[]): MathExpression {
  const usingMetrics: Record<string, IMetric> = {};
  const add = (id: string, metricName: string, index?: string) => {
    usingMetrics[id] = new Metric({
      namespace: 'AWS/DynamoDB',
      metricName,
      dimensionsMap: { TableName: table.tableName, ...(index ? { GlobalSecondaryIndexName: index } : {}) },
      statistic: 'Sum',
      period,
    });
  };
  add('tableRead', 'ReadThrottleEvents');
  add('tableWrite', 'WriteThrottleEvents');
  indexNames.forEach((index, i) => {
    add(`index${i}Read`, 'ReadThrottleEvents', index);
    add(`index${i}Write`, 'WriteThrottleEvents', index);
  });
  return new MathExpression({
    expression: Object.keys(usingMetrics)
      .map((id) => `FILL(${id}, 0)`)
      .join(' + '),
    usingMetrics,
    label: 'Throttle events',
    period,
  });
}
