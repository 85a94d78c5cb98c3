import { CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { Api } from './api.ts';
import { Auth, chooseIdentityProvider } from './auth.ts';
import { Data } from './data.ts';
import { DataAccess } from './data-access.ts';
import { ImportWorker } from './import-worker.ts';
import { Observability } from './observability.ts';

/** Everything that differs between deployments; read from CDK context by `settingsFromContext`. */
export interface ShegongSettings {
  readonly account: string;
  readonly region: string;
  readonly stage: string;
  /** External OIDC provider (required where Cognito user pools are not offered, e.g. the China regions). */
  readonly oidcIssuer?: string;
  readonly oidcAudience?: string;
  /** SES sender for mail from the app; without it the app sends none. */
  readonly mailFrom?: string;
  readonly cognitoDomainPrefix?: string;
  /** Public URL of the web app (custom domain); default the HTTP API's execute-api endpoint. */
  readonly publicBaseUrl?: string;
  readonly alarmEmail?: string;
  /** The HTTP API on its own domain (an ICP-filed one in China): an API Gateway DomainName and mapping. */
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
  /** Where the external issuer's keys are, when its discovery document should not be trusted for it. */
  readonly oidcJwksUri?: string;
  /** Keycloak's admin client, so invitations create sign-ins where there is no Cognito. */
  readonly keycloakAdmin?: { readonly clientId: string; readonly secretArn: string };
}

export interface ShegongStackProps extends StackProps {
  readonly settings: ShegongSettings;
}

/** The cost-allocation tags of every resource of a stage. */
export function costTags(stage: string): Record<'project' | 'stage' | 'tenant', string> {
  return { project: 'shegong', stage, tenant: 'shared' };
}

/** The whole product in one stack: table, identity, API + function, alarms. */
export class ShegongStack extends Stack {
  readonly data: Data;
  readonly auth: Auth;
  readonly api: Api;
  readonly dataAccess: DataAccess;
  readonly importWorker: ImportWorker;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: ShegongStackProps) {
    const { settings } = props;
    super(scope, id, {
      description: `Shegong ${settings.stage}: multi-tenant social-organisation management (API, web, data)`,
      terminationProtection: settings.stage === 'prod',
      ...props,
      env: { account: settings.account, region: settings.region },
      // The stack's own tags (explicitStackTags in cdk.json), which CloudFormation also puts on what the template cannot tag.
      tags: { ...props.tags, ...costTags(settings.stage) },
    });

    // Cost attribution: every taggable resource carries these (infra/test/stack.test.ts checks each one).
    // No resource belongs to one tenant (one table, one function for all), so `tenant` says `shared`;
    // a tenant's share of the cost is apportioned from the per-request metrics, whose lines name it.
    for (const [key, value] of Object.entries(costTags(settings.stage))) Tags.of(this).add(key, value);

    // Decided first: a region without Cognito and no external provider must fail before any bundling.
    const provider = chooseIdentityProvider(this.region, {
      issuer: settings.oidcIssuer,
      audience: settings.oidcAudience,
      jwksUri: settings.oidcJwksUri,
      keycloakAdmin: settings.keycloakAdmin,
    });

    this.data = new Data(this, 'Data');
    this.api = new Api(this, 'Api', {
      stage: settings.stage,
      table: this.data.table,
      indexNames: this.data.indexNames,
      mailFrom: settings.mailFrom,
      publicBaseUrl: settings.publicBaseUrl,
      customDomain: settings.customDomain,
    });
    this.auth = new Auth(this, 'Auth', {
      stage: settings.stage,
      publicBaseUrl: this.api.publicBaseUrl,
      provider,
      cognitoDomainPrefix: settings.cognitoDomainPrefix,
    });
    this.api.authenticateWith(this.auth);
    this.dataAccess = new DataAccess(this, 'DataAccess', {
      stage: settings.stage,
      table: this.data.table,
      indexNames: this.data.indexNames,
      assumedBy: this.api.function.role as IRole,
    });
    this.api.confineDataAccess(this.dataAccess);
    this.importWorker = new ImportWorker(this, 'ImportWorker', {
      stage: settings.stage,
      table: this.data.table,
      dataAccess: this.dataAccess,
    });
    this.observability = new Observability(this, 'Observability', {
      stage: settings.stage,
      httpApi: this.api.httpApi,
      function: this.api.function,
      table: this.data.table,
      indexNames: this.data.indexNames,
      importWorker: this.importWorker,
      alarmEmail: settings.alarmEmail,
    });

    new CfnOutput(this, 'ApiUrl', {
      value: this.api.stage.url,
      description: 'Base URL of the HTTP API (web pages and /v1)',
    });
    new CfnOutput(this, 'PublicBaseUrl', {
      value: this.api.publicBaseUrl,
      description: 'Base URL the app and the OAuth callback use',
    });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'AuthIssuer', { value: this.auth.issuer, description: 'JWT issuer (iss)' });
    new CfnOutput(this, 'AuthAudience', { value: this.auth.audience, description: 'JWT audience (aud / client_id)' });
    if (this.auth.userPool) new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    if (this.auth.domain)
      new CfnOutput(this, 'AuthDomainUrl', {
        value: this.auth.domain.baseUrl(),
        description: 'Cognito hosted sign-in',
      });
    if (this.api.customDomainTarget)
      new CfnOutput(this, 'CustomDomainTarget', {
        value: this.api.customDomainTarget,
        description: `Point ${settings.customDomain?.domainName} here (DNS CNAME)`,
      });
    new CfnOutput(this, 'Mail', {
      value: settings.mailFrom ? `SES as ${settings.mailFrom}` : 'none',
      description:
        'Invitation mail. Without mailFrom (or where the region has no SES) nothing is mailed: the inviting admin is shown the link to pass on',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.observability.topic.topicArn });
  }
}
