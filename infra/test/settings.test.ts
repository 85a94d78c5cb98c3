import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineApp, settingsFromContext } from '../lib/app.ts';
import { SettingsError } from '../lib/errors.ts';
import { hasCognitoUserPools } from '../lib/regions.ts';
import { functionEnvironment, onlyOfType, type Synthesized, synth } from './synth.ts';

/** These fail before anything is bundled, so they cost milliseconds. */
describe('settings that cannot work fail with one clear message', () => {
  // An App makes its output directory when constructed: share one and remove it afterwards.
  const outdir = mkdtempSync(join(tmpdir(), 'shegong-infra-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));
  const app = (context: Record<string, unknown> = {}) => new App({ context, outdir });
  const define = (context: Record<string, string>) => () => defineApp(app(context));

  it('asks for an external OIDC provider where Cognito user pools do not exist', () => {
    for (const region of ['cn-northwest-1', 'cn-north-1']) {
      expect(hasCognitoUserPools(region)).toBe(false);
      expect(define({ region })).toThrow(SettingsError);
      expect(define({ region })).toThrow(
        `Cognito user pools are not available in ${region}: give an external OIDC provider with -c oidcIssuer`,
      );
    }
  });

  it('wants both halves of an external provider, and an https issuer', () => {
    expect(define({ oidcIssuer: 'https://idp.example.com' })).toThrow('needs both oidcIssuer and oidcAudience');
    expect(define({ region: 'cn-north-1', oidcAudience: 'web' })).toThrow('needs both oidcIssuer and oidcAudience');
    expect(define({ oidcIssuer: 'http://idp.example.com', oidcAudience: 'web' })).toThrow(
      'oidcIssuer must be an https URL',
    );
  });

  it('wants both halves of a custom domain, and of Keycloak’s admin client, with a Keycloak issuer', () => {
    const cert = 'arn:aws-cn:acm:cn-northwest-1:111111111111:certificate/abc-123';
    const secret = 'arn:aws-cn:secretsmanager:cn-northwest-1:111111111111:secret:kc-AbCdEf';
    const realm = { region: 'cn-northwest-1', oidcIssuer: 'https://sso.example.cn/realms/s', oidcAudience: 'web' };
    expect(define({ domainName: 'shegong.example.cn' })).toThrow('needs both domainName and certificateArn');
    expect(define({ domainName: 'Shegong Example', certificateArn: cert })).toThrow('domainName must be');
    expect(define({ domainName: 'shegong.example.cn', certificateArn: 'cert-1' })).toThrow('certificateArn must be');
    expect(define({ ...realm, keycloakAdminClientId: 'a' })).toThrow('needs both keycloakAdminClientId');
    expect(define({ ...realm, keycloakAdminClientId: 'a', keycloakAdminSecretArn: 'kc' })).toThrow(
      'keycloakAdminSecretArn must be',
    );
    expect(
      define({
        ...realm,
        oidcIssuer: 'https://idp.example.cn',
        keycloakAdminClientId: 'a',
        keycloakAdminSecretArn: secret,
      }),
    ).toThrow('needs a Keycloak oidcIssuer');
    expect(define({ ...realm, oidcJwksUri: 'http://sso.example.cn/certs' })).toThrow(
      'oidcJwksUri must be an https URL',
    );
    expect(settingsFromContext(app({ domainName: 'shegong.example.cn', certificateArn: cert })).publicBaseUrl).toBe(
      'https://shegong.example.cn',
    );
  });

  it('rejects a malformed stage or sender', () => {
    expect(define({ stage: 'Prod_1' })).toThrow(SettingsError);
    expect(define({ mailFrom: 'noreply' })).toThrow('mailFrom must be an email address');
  });

  it('defaults to the offline account and ap-southeast-1', () => {
    expect(settingsFromContext(app())).toMatchObject({
      account: '111111111111',
      region: 'ap-southeast-1',
      stage: 'dev',
    });
    expect(settingsFromContext(app({ publicBaseUrl: 'https://shegong.example.com/' })).publicBaseUrl).toBe(
      'https://shegong.example.com',
    );
  });
});

describe('a production stage on its own domain', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synth({
      stage: 'prod',
      account: '222222222222',
      publicBaseUrl: 'https://shegong.example.com',
      cognitoDomainPrefix: 'shegong-login',
    });
  });
  afterAll(() => s?.cleanUp());

  it('registers the OAuth callback and logout URLs on the public domain', () => {
    const [, client] = onlyOfType(s.resources, 'AWS::Cognito::UserPoolClient');
    expect(client.Properties).toMatchObject({
      CallbackURLs: ['https://shegong.example.com/auth/callback'],
      LogoutURLs: ['https://shegong.example.com/'],
    });
    s.template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'shegong-login' });
    expect(functionEnvironment(s.resources).PUBLIC_BASE_URL).toBe('https://shegong.example.com');
  });

  it('names the stack and alarms after the stage and protects the stack from deletion', () => {
    expect(s.stack.stackName).toBe('Shegong-prod');
    expect(s.stack.terminationProtection).toBe(true);
    expect(s.stack.account).toBe('222222222222');
    s.template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'shegong-prod-api-5xx' });
  });
});
