import { resolve } from 'node:path';
import { Duration, SecretValue, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  ApiMapping,
  DomainName,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  type HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { type IRole, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Auth } from './auth.ts';
import type { DataAccess } from './data-access.ts';
import { BUNDLED_HANDLER, bundledCode, repoRoot } from './lambda.ts';

/** The repository root: the function entry and the pnpm lockfile are found from here, wherever synth runs. */
const apiEntry = resolve(repoRoot, 'functions/api/handler.ts');

/** What the admin API does to users; nothing that lists or deletes the pool's users. */
const userAdminActions = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminUserGlobalSignOut',
  'cognito-idp:AdminGetUser',
];

/** Routes the gateway lets through without a JWT, each with the reason it is public. */
const publicRoutes: readonly { method: HttpMethod; path: string; reason: string }[] = [
  {
    method: HttpMethod.GET,
    path: '/v1/openapi.json',
    reason: 'The OpenAPI document is public by design: integrators read it before they have an account.',
  },
  {
    method: HttpMethod.GET,
    path: '/v1/docs',
    reason: 'The API documentation page is public by design; it renders the public OpenAPI document.',
  },
  {
    method: HttpMethod.GET,
    path: '/v1/invitations/{token}',
    reason:
      'An invited person has no account, hence no JWT, yet: the unguessable, single-use, expiring invitation token in the path is the credential, and the app checks it.',
  },
  {
    method: HttpMethod.POST,
    path: '/v1/invitations/{token}/accept',
    reason:
      'Accepting an invitation creates the account, so the caller cannot have a JWT yet; the app checks the invitation token in the path.',
  },
];

export interface ApiProps {
  readonly stage: string;
  readonly table: Table;
  /** GSI names of the table; each gets its own ARN in the policy rather than `index/*`. */
  readonly indexNames: readonly string[];
  /** The sender address for mail from the app (SES). Without it the app sends no mail. */
  readonly mailFrom?: string;
  /** Public URL of the web app; default the API's own execute-api endpoint. */
  readonly publicBaseUrl?: string;
  /** The API on its own domain, with an ACM certificate for it in this region. */
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
  /**
   * Concurrent executions reserved for (and capping) the API function; default 100. A cap keeps a
   * flood from taking the account's whole Lambda concurrency (the import worker, other stacks) and
   * bounds what it costs; the stage's 100 req/s at well under a second each needs far fewer.
   */
  readonly reservedConcurrency?: number;
}

/**
 * The one Lambda function (the Hono app) behind an HTTP API.
 *
 * Built in two steps because Cognito's app client needs this API's URL for its callback while the
 * JWT authorizer needs the client: construct the Api, then the Auth, then call `authenticateWith(auth)`.
 */
export class Api extends Construct {
  readonly function: LambdaFunction;
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  /** Base URL of the gateway without a trailing slash (`https://<id>.execute-api.<region>.<suffix>`). */
  readonly endpoint: string;
  readonly publicBaseUrl: string;
  /** The custom domain's regional target, for the DNS record (CNAME) that points the name here. */
  readonly customDomainTarget?: string;
  private readonly integration: HttpLambdaIntegration;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    const functionLogs = new LogGroup(this, 'FunctionLogs', { retention: RetentionDays.THREE_MONTHS });
    // An own role instead of the AWSLambdaBasicExecutionRole managed policy, which may create and
    // write to any log group in the account: this one may write to its own log group only.
    const role = new Role(this, 'FunctionRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Shegong ${props.stage} API function`,
    });
    functionLogs.grantWrite(role);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `shegong-${props.stage}`,
      description: `Shegong ${props.stage}: JSON API under /v1 and the server-rendered pages`,
      // The default stage is made below, with throttling and access logs that HttpApi's own lacks.
      createDefaultStage: false,
      // No corsPreflight: CORS stays closed at the gateway; the app answers the few origins it allows.
    });
    this.endpoint = this.httpApi.apiEndpoint;
    this.publicBaseUrl = props.publicBaseUrl ?? this.endpoint;

    this.function = new LambdaFunction(this, 'Function', {
      description: `Shegong ${props.stage} API and web pages (Hono)`,
      // Split at its lazy imports: a cold /v1 request reads neither the pages nor ExcelJS (bundle.ts).
      code: bundledCode(this, 'api', apiEntry),
      handler: BUNDLED_HANDLER,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      // The HTTP API gives up on an integration after 30 s; stop first so the app's error, not a gateway 503, is seen.
      timeout: Duration.seconds(29),
      role,
      logGroup: functionLogs,
      reservedConcurrentExecutions: props.reservedConcurrency ?? 100,
      environment: {
        TABLE_NAME: props.table.tableName,
        PUBLIC_BASE_URL: this.publicBaseUrl,
        // No NODE_OPTIONS=--enable-source-maps: it cost ≈ 45 ms of CPU per cold start; the maps are in
        // cdk.out/bundles/api/ for reading a logged stack.
        POWERTOOLS_SERVICE_NAME: 'shegong',
        ...(props.mailFrom ? { MAIL_FROM: props.mailFrom } : {}),
      },
    });

    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is pinned on purpose: the bundle targets node22 and its cold start was measured on it (TOOLCHAIN.md). Moving to a newer runtime is a deliberate change with its own bundle and cold-start check, not something a new CDK release should do silently.',
    });

    // The function's own grant on the table is what it reads before a tenant is known: see
    // `confineDataAccess`, which the stack always calls.

    if (props.mailFrom) this.allowMailFrom(props.mailFrom);

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      // Per-account limits still apply above these; these keep one noisy client from starving the rest.
      throttle: { burstLimit: 200, rateLimit: 100 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: accessLogFormat() },
    });

    if (props.customDomain) {
      const domain = new DomainName(this, 'CustomDomain', {
        domainName: props.customDomain.domainName,
        certificate: Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
      });
      new ApiMapping(this, 'CustomDomainMapping', { api: this.httpApi, domainName: domain, stage: this.stage });
      this.customDomainTarget = domain.regionalDomainName;
    }

    this.integration = new HttpLambdaIntegration('App', this.function);

    for (const route of publicRoutes) {
      const [created] = this.httpApi.addRoutes({
        path: route.path,
        methods: [route.method],
        integration: this.integration,
      });
      if (created) Validations.of(created).acknowledge({ id: 'AwsSolutions-APIG4', reason: route.reason });
    }

    const pages = new HttpRoute(this, 'PagesRoute', {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.DEFAULT,
      integration: this.integration,
    });
    Validations.of(pages).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        '$default serves the server-rendered pages, which authenticate inside the app with an httpOnly session cookie (the gateway JWT authorizer reads only a bearer header), and the sign-in and OAuth callback pages must be reachable before any session exists.',
    });
  }

  /**
   * The second step: protect `/v1/*` with the identity provider's JWTs at the edge (the app checks
   * them again), tell the app the issuer and audience, and let it administer users when the pool is ours.
   */
  authenticateWith(auth: Auth): void {
    const authorizer = new HttpJwtAuthorizer('Jwt', auth.issuer, {
      identitySource: ['$request.header.Authorization'],
      jwtAudience: [auth.audience],
    });
    this.httpApi.addRoutes({
      path: '/v1/{proxy+}',
      methods: [HttpMethod.ANY],
      integration: this.integration,
      authorizer,
    });

    this.function.addEnvironment('AUTH_ISSUER', auth.issuer);
    this.function.addEnvironment('AUTH_AUDIENCE', auth.audience);
    if (auth.jwksUri) this.function.addEnvironment('AUTH_JWKS_URI', auth.jwksUri);
    if (auth.keycloakAdmin) {
      this.function.addEnvironment('KEYCLOAK_ADMIN_CLIENT_ID', auth.keycloakAdmin.clientId);
      // A dynamic reference: the template holds only `{{resolve:secretsmanager:…}}`; CloudFormation puts
      // the secret into the (KMS-encrypted) environment at deploy time, so the function needs no
      // Secrets Manager client at run time (the pinned SDK has none to match).
      this.function.addEnvironment(
        'KEYCLOAK_ADMIN_CLIENT_SECRET',
        SecretValue.secretsManager(auth.keycloakAdmin.secretArn).unsafeUnwrap(),
      );
    }

    if (auth.userPool) {
      this.function.addEnvironment('COGNITO_USER_POOL_ID', auth.userPool.userPoolId);
      this.function.addToRolePolicy(
        new PolicyStatement({ actions: userAdminActions, resources: [auth.userPool.userPoolArn] }),
      );
    }
  }

  /**
   * Tenant-confined data access: the function assumes `dataRole` per tenant with session tags
   * (store/access/credentials.ts, enabled by DATA_ROLE_ARN), and the role's statements confine each
   * session to its tenant; each named crossing assumes the crossing role with its two tenants and a
   * session policy narrowed to what it declares (CROSSING_ROLE_ARN; store/access/cross-tenant.ts).
   * The function's own grant keeps only what it reads before a tenant is known (page sessions,
   * invitation links, a region's bureau, published rule sets: store/access/policy.ts,
   * functionStatements). The function chooses the session's tags itself, so the confinement stops
   * a repository misused with another tenant's key, not code that runs in the function.
   */
  confineDataAccess(dataAccess: DataAccess): void {
    dataAccess.grantAssume(this.function.role as IRole);
    dataAccess.grantBeforeTenant(this.function.role as IRole);
    this.function.addEnvironment('DATA_ROLE_ARN', dataAccess.role.roleArn);
    this.function.addEnvironment('CROSSING_ROLE_ARN', dataAccess.crossingRole.roleArn);
  }

  /** SES may send only as the configured sender: its address identity, or its domain identity if that is what is verified. */
  private allowMailFrom(mailFrom: string): void {
    const address = (/<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim();
    const domain = address.slice(address.lastIndexOf('@') + 1);
    const stack = Stack.of(this);
    const identity = (name: string) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name });
    this.function.addToRolePolicy(
      new PolicyStatement({ actions: ['ses:SendEmail'], resources: [identity(address), identity(domain)] }),
    );
  }
}

/**
 * JSON access logs. The route key is logged instead of the path, so invitation tokens in the URL
 * never reach the logs.
 */
function accessLogFormat(): AccessLogFormat {
  return AccessLogFormat.custom(
    JSON.stringify({
      requestId: '$context.requestId',
      time: '$context.requestTime',
      ip: '$context.identity.sourceIp',
      userAgent: '$context.identity.userAgent',
      method: '$context.httpMethod',
      routeKey: '$context.routeKey',
      status: '$context.status',
      protocol: '$context.protocol',
      responseLength: '$context.responseLength',
      responseLatency: '$context.responseLatency',
      integrationLatency: '$context.integrationLatency',
      integrationStatus: '$context.integrationStatus',
      integrationError: '$context.integrationErrorMessage',
      authorizerError: '$context.authorizer.error',
      sub: '$context.authorizer.claims.sub',
    }),
  );
}
