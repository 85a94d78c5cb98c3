import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ObservabilityProps {
  readonly stage: string;
  readonly httpApi: HttpApi;
  /** The API function; it is told the metrics namespace the alarms read. */
  readonly function: LambdaFunction;
  readonly table: Table;
  readonly indexNames: readonly string[];
  /** The roster import worker and the dead-letter queue its failed batches go to. */
  readonly importWorker: { readonly function: LambdaFunction; readonly deadLetters: IQueue };
  /** Subscribed to the alarm topic when given (the address must confirm the subscription). */
  readonly alarmEmail?: string;
}

const period = Duration.minutes(5);

/**
 * Where the functions publish their own metrics (EMF, packages/core/src/metrics.ts): one namespace per
 * stage, so two stages in one account never mix. Dimensions are [service, route]; the tenant is a
 * property of each EMF line, never a dimension.
 */
export const metricsNamespace = (stage: string) => `Shegong/${stage}`;
/** The API's Powertools service name (POWERTOOLS_SERVICE_NAME in api.ts). */
const apiService = 'shegong';

/**
 * Alarms on what users feel first (5xx, a route's 5xx rate, errors, throttling) and on imports that did
 * not finish (the worker's errors, batches waiting in its dead-letter queue), sent to one encrypted SNS
 * topic; a dashboard of the app's per-route metrics beside them.
 */
export class Observability extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  /** The CloudWatch namespace of the app's own metrics. */
  readonly namespace: string;
  readonly dashboard: Dashboard;

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

    this.namespace = metricsNamespace(props.stage);
    for (const fn of [props.function, props.importWorker.function])
      fn.addEnvironment('POWERTOOLS_METRICS_NAMESPACE', this.namespace);

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

    // Per route, from the app's own metrics: `errors` is 1 for a 5xx and 0 otherwise, so its average is the
    // route's 5xx rate. One Metrics Insights alarm watches every route (each is a contributor), so a new
    // route is covered without a change here. Two bad periods of three: one failed request on a quiet
    // route is not yet a trend (the gateway's Api5xx alarm counts every 5xx at once).
    this.alarm('Route5xxRate', {
      name: name('route-5xx-rate'),
      description: 'A route answered 5xx to at least 5% of its requests in 2 of the last 3 periods of 5 minutes.',
      metric: new MathExpression({
        expression: routeQuery(this.namespace, 'errors', 'AVG'),
        usingMetrics: {},
        label: '5xx rate per route',
        period,
      }),
      threshold: 0.05,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });

    this.dashboard = this.routeDashboard(props.stage, name('overview'));

    const action = new SnsAction(this.topic);
    for (const alarm of this.alarms) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
  }

  /** Requests, 5xx rate and latency per route from the app's metrics, beside the state of every alarm. */
  private routeDashboard(stage: string, dashboardName: string): Dashboard {
    const perRoute = (metric: string, statistic: string, label: string) =>
      new MathExpression({
        // A dashboard may SEARCH (an alarm may not): every route's series, however many there are.
        expression: `SEARCH('{"${this.namespace}",route,service} MetricName="${metric}" service="${apiService}"', '${statistic}', ${period.toSeconds()})`,
        usingMetrics: {},
        label,
        period,
      });
    return new Dashboard(this, 'Dashboard', {
      dashboardName,
      widgets: [
        [new AlarmStatusWidget({ title: `Shegong ${stage} alarms`, alarms: this.alarms, width: 24, height: 4 })],
        [
          new GraphWidget({
            title: 'Requests per route',
            left: [perRoute('requests', 'Sum', 'requests')],
            width: 8,
          }),
          new GraphWidget({
            title: '5xx rate per route (top 10)',
            left: [
              new MathExpression({
                expression: `${routeQuery(this.namespace, 'errors', 'AVG')} ORDER BY AVG() DESC LIMIT 10`,
                usingMetrics: {},
                label: '5xx rate',
                period,
              }),
            ],
            leftYAxis: { min: 0, max: 1 },
            width: 8,
          }),
          new GraphWidget({
            title: 'Latency p90 per route (ms)',
            left: [perRoute('latency', 'p90', 'latency p90')],
            width: 8,
          }),
        ],
      ],
    });
  }

  private alarm(
    id: string,
    spec: {
      name: string;
      description: string;
      metric: IMetric;
      threshold: number;
      evaluationPeriods?: number;
      datapointsToAlarm?: number;
    },
  ): void {
    this.alarms.push(
      new Alarm(this, id, {
        alarmName: spec.name,
        alarmDescription: spec.description,
        metric: spec.metric,
        threshold: spec.threshold,
        evaluationPeriods: spec.evaluationPeriods ?? 1,
        ...(spec.datapointsToAlarm ? { datapointsToAlarm: spec.datapointsToAlarm } : {}),
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No traffic is not a failure.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }
}

/** A Metrics Insights query of one of the API's request metrics, one series per route. */
function routeQuery(namespace: string, metric: string, fn: 'AVG' | 'SUM' | 'MAX'): string {
  return `SELECT ${fn}(${metric}) FROM SCHEMA("${namespace}", route, service) WHERE service = '${apiService}' GROUP BY route`;
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
