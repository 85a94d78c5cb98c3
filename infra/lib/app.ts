import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SettingsError } from './errors.ts';
import { type ShegongSettings, ShegongStack } from './stack.ts';

/** Context keys (`-c key=value` or cdk.json "context"); documented in bin/shegong.ts. */
export function settingsFromContext(app: App): ShegongSettings {
  const get = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    if (value === undefined || value === null || value === '') return undefined;
    return String(value).trim();
  };
  const stage = get('stage') ?? 'dev';
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(stage)) {
    throw new SettingsError(
      `stage must be lowercase letters, digits and hyphens (at most 16, starting with a letter), got "${stage}".`,
    );
  }
  const mailFrom = get('mailFrom');
  if (mailFrom !== undefined && !/[^\s<@]+@[^\s>@]+\.[^\s>@]+/.test(mailFrom)) {
    throw new SettingsError(`mailFrom must be an email address (optionally "Name <address>"), got "${mailFrom}".`);
  }
  const custom = customDomain(get('domainName'), get('certificateArn'));
  const oidcJwksUri = get('oidcJwksUri');
  if (oidcJwksUri !== undefined && !/^https:\/\/\S+$/.test(oidcJwksUri)) {
    throw new SettingsError(`oidcJwksUri must be an https URL, got "${oidcJwksUri}".`);
  }
  const keycloakAdmin = keycloakAdminOf(get('keycloakAdminClientId'), get('keycloakAdminSecretArn'), get('oidcIssuer'));
  return {
    // Explicit defaults so `cdk synth` works offline with no credentials and no lookups.
    account: get('account') ?? '111111111111',
    region: get('region') ?? 'ap-southeast-1',
    stage,
    oidcIssuer: get('oidcIssuer'),
    oidcAudience: get('oidcAudience'),
    mailFrom,
    cognitoDomainPrefix: get('cognitoDomainPrefix'),
    // A custom domain is where people reach the pages, so it is the public URL unless one is given.
    publicBaseUrl: get('publicBaseUrl')?.replace(/\/+$/, '') ?? (custom ? `https://${custom.domainName}` : undefined),
    alarmEmail: get('alarmEmail'),
    customDomain: custom,
    oidcJwksUri,
    keycloakAdmin,
  };
}

/**
 * `domainName` + `certificateArn` (an ACM certificate for it in the stack's region): the HTTP API
 * answers on that name. In the China regions the pages need it: an execute-api address serves no
 * web pages without an ICP-filed domain.
 */
function customDomain(domainName: string | undefined, certificateArn: string | undefined) {
  if (domainName === undefined && certificateArn === undefined) return undefined;
  if (!domainName || !certificateArn) {
    throw new SettingsError('A custom domain needs both domainName and certificateArn (an ACM certificate for it).');
  }
  if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domainName)) {
    throw new SettingsError(`domainName must be a lowercase host name like shegong.example.cn, got "${domainName}".`);
  }
  if (!/^arn:aws(-cn)?:acm:[a-z0-9-]+:\d{12}:certificate\/[\w-]+$/.test(certificateArn)) {
    throw new SettingsError(`certificateArn must be an ACM certificate ARN, got "${certificateArn}".`);
  }
  return { domainName, certificateArn };
}

/**
 * `keycloakAdminClientId` + `keycloakAdminSecretArn` (a Secrets Manager secret holding that client's
 * secret as plain text): with them, invitations create sign-ins through Keycloak's Admin REST API.
 * Only for a Keycloak issuer (`https://<host>/realms/<realm>`).
 */
function keycloakAdminOf(clientId: string | undefined, secretArn: string | undefined, issuer: string | undefined) {
  if (clientId === undefined && secretArn === undefined) return undefined;
  if (!clientId || !secretArn) {
    throw new SettingsError(
      'Keycloak user administration needs both keycloakAdminClientId and keycloakAdminSecretArn.',
    );
  }
  if (!issuer || !/^https:\/\/.+\/realms\/[^/]+\/?$/.test(issuer)) {
    throw new SettingsError('keycloakAdminClientId needs a Keycloak oidcIssuer (https://<host>/realms/<realm>).');
  }
  if (!/^arn:aws(-cn)?:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/.test(secretArn)) {
    throw new SettingsError(`keycloakAdminSecretArn must be a Secrets Manager secret ARN, got "${secretArn}".`);
  }
  return { clientId, secretArn };
}

/**
 * The app as deployed: one stack per stage, checked by cdk-nag's AWS Solutions pack during synth.
 * cdk-nag 3 is a CDK validation plugin (Validations.of(app).addPlugins), no longer an Aspect; a finding
 * that is not acknowledged with a reason fails the synth.
 */
export function defineApp(app: App): ShegongStack {
  const settings = settingsFromContext(app);
  const stack = new ShegongStack(app, `Shegong-${settings.stage}`, { settings });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
