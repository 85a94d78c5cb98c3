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
  return {
    // Explicit defaults so `cdk synth` works offline with no credentials and no lookups.
    account: get('account') ?? '111111111111',
    region: get('region') ?? 'ap-southeast-1',
    stage,
    oidcIssuer: get('oidcIssuer'),
    oidcAudience: get('oidcAudience'),
    mailFrom,
    cognitoDomainPrefix: get('cognitoDomainPrefix'),
    publicBaseUrl: get('publicBaseUrl')?.replace(/\/+$/, ''),
    alarmEmail: get('alarmEmail'),
  };
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
