import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asArray,
  functionEnvironment,
  nagFindings,
  ofType,
  onlyOfType,
  policyStatements,
  type Synthesized,
  synth,
} from './synth.ts';

/** A Keycloak realm: its keys are at /protocol/openid-connect/certs, nowhere Cognito keeps them. */
const issuer = 'https://sso.example.cn/realms/shegong';
const audience = 'shegong-web';
const jwksUri = `${issuer}/protocol/openid-connect/certs`;
const certificateArn = 'arn:aws-cn:acm:cn-northwest-1:111111111111:certificate/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9';
const secretArn = 'arn:aws-cn:secretsmanager:cn-northwest-1:111111111111:secret:shegong/keycloak-admin-AbCdEf';

/** Ningxia has no Cognito: the stack uses an external OIDC provider, and every ARN must say aws-cn. */
describe('Shegong stack in cn-northwest-1 with an external OIDC provider', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synth({
      region: 'cn-northwest-1',
      oidcIssuer: issuer,
      oidcAudience: audience,
      oidcJwksUri: jwksUri,
      keycloakAdminClientId: 'shegong-admin',
      keycloakAdminSecretArn: secretArn,
      domainName: 'shegong.example.cn',
      certificateArn,
      mailFrom: 'Shegong <noreply@mail.example.cn>',
      alarmEmail: 'ops@example.cn',
    });
  });
  afterAll(() => s?.cleanUp());

  it('creates no Cognito resources', () => {
    expect(Object.values(s.resources).filter((r) => r.Type.startsWith('AWS::Cognito::'))).toEqual([]);
    const outputs = s.template.toJSON().Outputs as Record<string, unknown>;
    expect(outputs.UserPoolId).toBeUndefined();
  });

  it('checks JWTs with the given issuer and audience, and tells the app the same', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: issuer, Audience: [audience] },
    });
    const env = functionEnvironment(s.resources);
    expect(env).toMatchObject({
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: audience,
      AUTH_JWKS_URI: jwksUri,
      MAIL_FROM: 'Shegong <noreply@mail.example.cn>',
    });
    expect(env.COGNITO_USER_POOL_ID).toBeUndefined();
    expect(s.text).not.toContain('/.well-known/jwks.json');
    expect(
      policyStatements(s.resources).some((st) => asArray(st.Action).some((a) => a.startsWith('cognito-idp:'))),
    ).toBe(false);
  });

  it('serves the API and pages on the ICP-filed domain, which is the public URL and the callback’s host', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'shegong.example.cn',
      DomainNameConfigurations: [{ CertificateArn: certificateArn, EndpointType: 'REGIONAL' }],
    });
    const [domainId] = onlyOfType(s.resources, 'AWS::ApiGatewayV2::DomainName');
    const [, mapping] = onlyOfType(s.resources, 'AWS::ApiGatewayV2::ApiMapping');
    const [apiId] = onlyOfType(s.resources, 'AWS::ApiGatewayV2::Api');
    expect(mapping.Properties).toMatchObject({ DomainName: { Ref: domainId }, ApiId: { Ref: apiId } });
    expect(functionEnvironment(s.resources).PUBLIC_BASE_URL).toBe('https://shegong.example.cn');
    const outputs = s.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.PublicBaseUrl?.Value).toBe('https://shegong.example.cn');
    expect(JSON.stringify(outputs.CustomDomainTarget?.Value)).toContain(domainId);
  });

  it('gives the function Keycloak’s admin client, its secret only as a deploy-time reference', () => {
    const env = functionEnvironment(s.resources);
    expect(env.KEYCLOAK_ADMIN_CLIENT_ID).toBe('shegong-admin');
    expect(JSON.stringify(env.KEYCLOAK_ADMIN_CLIENT_SECRET)).toContain(`{{resolve:secretsmanager:${secretArn}`);
  });

  it('builds partition-aware ARNs (never a literal arn:aws:)', () => {
    expect(s.text).not.toContain('arn:aws:');
    // Only the ARNs the operator gave (certificate, secret) are literal; the stack builds none.
    expect(s.text.replaceAll(certificateArn, '').replaceAll(secretArn, '')).not.toContain('arn:aws-cn:');

    const ses = policyStatements(s.resources).filter((st) => asArray(st.Action).includes('ses:SendEmail'));
    expect(ses).toHaveLength(1);
    const resources = asArray(ses[0]?.Resource);
    expect(resources).toHaveLength(2);
    for (const identity of ['noreply@mail.example.cn', 'mail.example.cn']) {
      expect(resources).toContainEqual({
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:ses:cn-northwest-1:111111111111:identity/${identity}`]],
      });
    }

    const permissions = ofType(s.resources, 'AWS::Lambda::Permission');
    expect(permissions.length).toBeGreaterThan(0);
    for (const [, permission] of permissions) {
      expect(JSON.stringify(permission.Properties.SourceArn)).toContain('{"Ref":"AWS::Partition"}');
    }
  });

  it('subscribes the alarm email', () => {
    s.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.cn' });
  });

  it('passes cdk-nag AwsSolutions', () => {
    expect(nagFindings(s.app)).toEqual([]);
  });
});
