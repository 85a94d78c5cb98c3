import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asArray,
  functionEnvironment,
  nagFindings,
  ofType,
  policyStatements,
  type Synthesized,
  synth,
} from './synth.ts';

const issuer = 'https://idp.example.cn';
const audience = 'shegong-web';

/** Ningxia has no Cognito: the stack uses an external OIDC provider, and every ARN must say aws-cn. */
describe('Shegong stack in cn-northwest-1 with an external OIDC provider', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synth({
      region: 'cn-northwest-1',
      oidcIssuer: issuer,
      oidcAudience: audience,
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
      MAIL_FROM: 'Shegong <noreply@mail.example.cn>',
    });
    expect(env.COGNITO_USER_POOL_ID).toBeUndefined();
    expect(
      policyStatements(s.resources).some((st) => asArray(st.Action).some((a) => a.startsWith('cognito-idp:'))),
    ).toBe(false);
  });

  it('builds partition-aware ARNs (never a literal arn:aws:)', () => {
    expect(s.text).not.toContain('arn:aws:');
    expect(s.text).not.toContain('arn:aws-cn:');

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
