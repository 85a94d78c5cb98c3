import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tableDefinition } from '@shegong/store';
import { CfnResource, Stack, TagManager } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costTags } from '../lib/stack.ts';
import {
  acknowledgements,
  apiFunction,
  asArray,
  cdkMessages,
  functionEnvironment,
  nagFindings,
  ofType,
  onlyOfType,
  policyStatements,
  type Synthesized,
  synth,
} from './synth.ts';

/** The default deployment, as `pnpm synth` builds it: ap-southeast-1, stage dev, Cognito. */
describe('Shegong stack (defaults: Cognito in ap-southeast-1)', () => {
  let s: Synthesized;
  let tableId: string;
  let poolId: string;
  let clientId: string;
  beforeAll(() => {
    s = synth();
    [tableId] = onlyOfType(s.resources, 'AWS::DynamoDB::Table');
    [poolId] = onlyOfType(s.resources, 'AWS::Cognito::UserPool');
    [clientId] = onlyOfType(s.resources, 'AWS::Cognito::UserPoolClient');
  });
  afterAll(() => s?.cleanUp());

  it('builds the table from tableDefinition: keys, GSI, TTL, stream', () => {
    const { partitionKey, sortKey, indexes, ttlAttribute, stream } = tableDefinition;
    s.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: partitionKey, KeyType: 'HASH' },
        { AttributeName: sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection:
          index.projection.type === 'INCLUDE'
            ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection.attributes] }
            : { ProjectionType: 'ALL' },
      })),
      TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true },
      StreamSpecification: { StreamViewType: stream },
    });
    expect(indexes.map((i) => i.name)).toEqual(['scope', 'status', 'review']);
  });

  it('protects the table: on-demand, PITR, deletion protection, retained, encrypted', () => {
    s.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
      }),
    });
  });

  it('runs the app on Node.js 22 / arm64 with the settings it needs', () => {
    const [, fn] = apiFunction(s.resources);
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      Timeout: 29,
      Handler: 'index.handler',
    });
    const env = functionEnvironment(s.resources);
    expect(env).toMatchObject({
      TABLE_NAME: { Ref: tableId },
      AUTH_AUDIENCE: { Ref: clientId },
      COGNITO_USER_POOL_ID: { Ref: poolId },
      POWERTOOLS_SERVICE_NAME: 'shegong',
    });
    expect(Object.keys(env)).toContain('AUTH_ISSUER');
    expect(Object.keys(env)).toContain('PUBLIC_BASE_URL');
    expect(Object.keys(env)).not.toContain('MAIL_FROM');
  });

  it('deploys each function split at its lazy imports, without source maps, and loads none at start', () => {
    const ours = ofType(s.resources, 'AWS::Lambda::Function').filter(([, r]) =>
      String(r.Properties.Description ?? '').startsWith('Shegong'),
    );
    expect(ours.map(([, r]) => r.Properties.Handler)).toEqual(['index.handler', 'index.handler']);
    for (const [, fn] of ours) {
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(String(variables.NODE_OPTIONS ?? '')).not.toContain('source-maps');
      const key = String((fn.Properties.Code as { S3Key: string }).S3Key);
      const files = readdirSync(join(s.app.outdir, `asset.${key.replace(/\.zip$/, '')}`), { recursive: true });
      expect(files).toContain('index.mjs');
      expect(files.some((f) => String(f).startsWith('chunks/'))).toBe(true);
      expect(files.filter((f) => /\.map$|meta\.json$/.test(String(f)))).toEqual([]);
    }
    // The maps stay in the cloud assembly, beside what was deployed, for reading a logged stack.
    expect(readdirSync(join(s.app.outdir, 'bundles', 'api'))).toContain('index.mjs.map');
  });

  it('gives the function its own log group with a retention', () => {
    const [, fn] = apiFunction(s.resources);
    const logGroupId = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
    expect(s.resources[logGroupId]?.Properties.RetentionInDays).toBe(90);
  });

  it('issues Cognito ID tokens with the tenant claims, which users cannot write', () => {
    const [, pool] = onlyOfType(s.resources, 'AWS::Cognito::UserPool');
    expect(pool.Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      DeletionProtection: 'ACTIVE',
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
    });
    expect(pool.DeletionPolicy).toBe('Retain');
    const schema = pool.Properties.Schema as { Name: string; AttributeDataType: string; Mutable: boolean }[];
    for (const name of ['tenant_id', 'tenant_kind', 'roles', 'region']) {
      expect(schema).toContainEqual(
        expect.objectContaining({ Name: name, AttributeDataType: 'String', Mutable: true }),
      );
    }

    const [, client] = onlyOfType(s.resources, 'AWS::Cognito::UserPoolClient');
    expect(client.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
    });
    const read = client.Properties.ReadAttributes as string[];
    const write = client.Properties.WriteAttributes as string[];
    expect(read).toEqual(
      expect.arrayContaining(['custom:tenant_id', 'custom:tenant_kind', 'custom:roles', 'custom:region']),
    );
    expect(write.filter((a) => a.startsWith('custom:'))).toEqual([]);
    // Without publicBaseUrl the callback is the API's own endpoint.
    expect(JSON.stringify(client.Properties.CallbackURLs)).toContain('ApiEndpoint');

    s.template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'shegong-dev-111111111111' });
  });

  it('checks JWTs at the edge with the Cognito issuer and client id', () => {
    const [, authorizer] = onlyOfType(s.resources, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: {
          'Fn::Join': ['', ['https://cognito-idp.ap-southeast-1.', { Ref: 'AWS::URLSuffix' }, '/', { Ref: poolId }]],
        },
        Audience: [{ Ref: clientId }],
      },
    });
  });

  it('puts the authorizer on /v1/{proxy+} only, leaving the public routes and the pages open', () => {
    const [authorizerId] = onlyOfType(s.resources, 'AWS::ApiGatewayV2::Authorizer');
    const routes = Object.fromEntries(
      ofType(s.resources, 'AWS::ApiGatewayV2::Route').map(([, r]) => [r.Properties.RouteKey as string, r.Properties]),
    );
    expect(Object.keys(routes).sort()).toEqual(
      [
        '$default',
        'ANY /v1/{proxy+}',
        'GET /v1/docs',
        'GET /v1/invitations/{token}',
        'GET /v1/openapi.json',
        'POST /v1/invitations/{token}/accept',
      ].sort(),
    );
    expect(routes['ANY /v1/{proxy+}']).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
    for (const key of [
      '$default',
      'GET /v1/docs',
      'GET /v1/invitations/{token}',
      'GET /v1/openapi.json',
      'POST /v1/invitations/{token}/accept',
    ]) {
      expect(routes[key]?.AuthorizationType ?? 'NONE', key).toBe('NONE');
      expect(routes[key]?.AuthorizerId, key).toBeUndefined();
    }
  });

  it('throttles and logs the default stage, and leaves CORS to the app', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('routeKey') },
    });
    const [, api] = onlyOfType(s.resources, 'AWS::ApiGatewayV2::Api');
    expect(api.Properties.CorsConfiguration).toBeUndefined();
  });

  it('grants DynamoDB access to this table and its indexes only, never `*`, and no Scan', () => {
    const streamActions = [
      'dynamodb:ListStreams',
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
    ];
    const statements = policyStatements(s.resources).filter(
      (st) =>
        asArray(st.Action).some((a) => a.startsWith('dynamodb:')) &&
        !asArray(st.Action).every((a) => streamActions.includes(a)),
    );
    expect(statements.length).toBeGreaterThan(0);
    const allowed = [
      JSON.stringify({ 'Fn::GetAtt': [tableId, 'Arn'] }),
      JSON.stringify({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId, 'Arn'] }, '/index/scope']] }),
      JSON.stringify({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId, 'Arn'] }, '/index/status']] }),
      JSON.stringify({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId, 'Arn'] }, '/index/review']] }),
    ];
    for (const statement of statements) {
      for (const resource of asArray(statement.Resource)) expect(allowed).toContain(JSON.stringify(resource));
      expect(asArray(statement.Action)).not.toContain('dynamodb:Scan');
      expect(asArray(statement.Action)).not.toContain('dynamodb:*');
    }
  });

  it('writes roster imports in a worker started by the table stream, for import jobs entering writing only', () => {
    const workers = ofType(s.resources, 'AWS::Lambda::Function').filter(([, r]) => r.Properties.Timeout === 900);
    expect(workers).toHaveLength(1);
    s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
      FilterCriteria: {
        Filters: [
          {
            Pattern: Match.serializedJson(
              Match.objectLike({
                dynamodb: { NewImage: { itemType: { S: ['ImportJob'] }, status: { S: ['writing'] } } },
              }),
            ),
          },
        ],
      },
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    // The stream's read actions name this table's stream; only ListStreams (unscopable) is on `*`.
    for (const statement of policyStatements(s.resources)) {
      const actions = asArray(statement.Action);
      if (actions.includes('dynamodb:GetRecords')) {
        expect(JSON.stringify(statement.Resource)).toContain('StreamArn');
      }
      if (asArray(statement.Resource).includes('*')) expect(actions).toEqual(['dynamodb:ListStreams']);
    }
  });

  it('lets the function administer users of this pool only, and send no mail without mailFrom', () => {
    const statements = policyStatements(s.resources);
    const cognito = statements.filter((st) => asArray(st.Action).some((a) => a.startsWith('cognito-idp:')));
    expect(cognito).toHaveLength(1);
    expect(cognito[0]?.Resource).toEqual({ 'Fn::GetAtt': [poolId, 'Arn'] });
    expect(asArray(cognito[0]?.Action ?? []).sort()).toEqual(
      [
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminDisableUser',
        'cognito-idp:AdminEnableUser',
        'cognito-idp:AdminGetUser',
        'cognito-idp:AdminSetUserPassword',
        'cognito-idp:AdminUpdateUserAttributes',
        'cognito-idp:AdminUserGlobalSignOut',
      ].sort(),
    );
    expect(statements.some((st) => asArray(st.Action).some((a) => a.startsWith('ses:')))).toBe(false);
    // The function's role carries no AWS-managed policy (AWSLambdaBasicExecutionRole writes to any log group).
    for (const [, role] of ofType(s.resources, 'AWS::IAM::Role'))
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('alarms on API 5xx, function errors and throttles, and table throttling, into an encrypted SSL-only topic', () => {
    const [topicId, topic] = onlyOfType(s.resources, 'AWS::SNS::Topic');
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    s.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    s.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });

    const alarms = ofType(s.resources, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties ?? {});
    expect(alarms).toHaveLength(7);
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
    const text = JSON.stringify(alarms);
    for (const metric of [
      '5xx',
      'Errors',
      'Throttles',
      'ReadThrottleEvents',
      'WriteThrottleEvents',
      'ApproximateNumberOfMessagesVisible',
    ])
      expect(text).toContain(`"${metric}"`);
    // The import worker's errors and its dead-letter queue: on those resources, not the API's.
    const idOf = (type: string, part: string) => ofType(s.resources, type).find(([id]) => id.includes(part))?.[0];
    const workerId = idOf('AWS::Lambda::Function', 'ImportWorker');
    const queueId = idOf('AWS::SQS::Queue', 'DeadLetters');
    expect([workerId, queueId]).not.toContain(undefined);
    const named = (n: string) => alarms.find((a) => String(a.AlarmName).endsWith(n))!;
    expect(JSON.stringify(named('import-worker-errors').Dimensions)).toContain(workerId!);
    expect(JSON.stringify(named('import-dead-letters').Dimensions)).toContain(queueId!);
    expect(ofType(s.resources, 'AWS::SNS::Subscription')).toHaveLength(0);
  });

  it('alarms on each route’s 5xx rate from the app’s own metrics, and shows them on a dashboard', () => {
    const alarm = ofType(s.resources, 'AWS::CloudWatch::Alarm')
      .map(([, a]) => a.Properties)
      .find((a) => String(a.AlarmName).endsWith('route-5xx-rate'));
    expect(alarm).toMatchObject({ Threshold: 0.05, EvaluationPeriods: 3, DatapointsToAlarm: 2 });
    // One Metrics Insights query grouped by route: every route, including one added later, is a contributor.
    const [query] = alarm!.Metrics as { Expression: string; Period: number }[];
    expect(query).toMatchObject({ Period: 300 });
    expect(query!.Expression).toBe(
      `SELECT AVG(errors) FROM SCHEMA("Shegong/dev", route, service) WHERE service = 'shegong' GROUP BY route`,
    );
    // The functions publish into the namespace the alarm reads.
    expect(functionEnvironment(s.resources)).toMatchObject({ POWERTOOLS_METRICS_NAMESPACE: 'Shegong/dev' });
    const [, dashboard] = onlyOfType(s.resources, 'AWS::CloudWatch::Dashboard');
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const metric of ['requests', 'latency']) expect(body).toMatch(new RegExp(`MetricName=\\W*${metric}`));
    expect(body).toContain('AVG(errors)');
    expect(body).toContain('GROUP BY route');
    expect(body).not.toContain('tenant');
  });

  it('tags every taggable resource with project, stage and tenant, for cost attribution', () => {
    const expected = costTags('dev');
    const stack = Stack.of(s.stack);
    // CDK knows from the CloudFormation spec which resources take tags, and under which property.
    const taggable = s.stack.node
      .findAll()
      .filter((c): c is CfnResource => CfnResource.isCfnResource(c) && TagManager.of(c) !== undefined);
    expect(taggable.length).toBeGreaterThan(20);
    const types = new Set<string>();
    for (const resource of taggable) {
      const id = stack.resolve(resource.logicalId) as string;
      // CDK names the L1 property (`tags`, `userPoolTags`); the template has it capitalised.
      const name = TagManager.of(resource)!.tagPropertyName;
      const property = name.charAt(0).toUpperCase() + name.slice(1);
      const tags = tagsOf(s.resources[id]?.Properties[property]);
      expect(tags, `${resource.cfnResourceType} ${id}`).toMatchObject(expected);
      types.add(resource.cfnResourceType);
    }
    // What costs money is among them: the table, the functions, the logs, the alarms, the gateway.
    for (const type of [
      'AWS::DynamoDB::Table',
      'AWS::Lambda::Function',
      'AWS::Logs::LogGroup',
      'AWS::CloudWatch::Alarm',
      'AWS::ApiGatewayV2::Api',
      'AWS::Cognito::UserPool',
    ])
      expect(types).toContain(type);
    // The stack's own tags, which CloudFormation also puts on what a template cannot tag.
    expect(s.app.synth().getStackByName(s.stack.stackName).tags).toMatchObject(expected);
  });

  it('exports the API URL, table, issuer, audience and user pool id', () => {
    const outputs = s.template.toJSON().Outputs as Record<string, unknown>;
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['ApiUrl', 'TableName', 'AuthIssuer', 'AuthAudience', 'UserPoolId']),
    );
  });

  it('writes no partition literal: every ARN is built with AWS::Partition', () => {
    expect(s.text).not.toContain('arn:aws:');
    expect(s.text).not.toContain('arn:aws-cn:');
  });

  it('passes cdk-nag AwsSolutions with every exception acknowledged for a stated reason', () => {
    expect(nagFindings(s.app)).toEqual([]);
    const acks = acknowledgements(s.app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.id, ack.path).toMatch(/^AwsSolutions-/);
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThan(60);
    }
  });

  it('raises no CDK warnings or errors', () => {
    expect(cdkMessages(s.stack)).toEqual([]);
  });
});

/** A resource's tags as a map, whichever of CloudFormation's shapes it uses (a list of Key/Value or a map). */
function tagsOf(tags: unknown): Record<string, string> {
  if (Array.isArray(tags))
    return Object.fromEntries((tags as { Key: string; Value: string }[]).map((t) => [t.Key, t.Value]));
  return (tags ?? {}) as Record<string, string>;
}
