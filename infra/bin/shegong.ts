/**
 * The CDK app (cdk.json runs it with tsx). Context, all optional:
 *   account, region   default 111111111111 / ap-southeast-1, so synth needs no credentials
 *   stage             default dev
 *   oidcIssuer, oidcAudience
 *                     an external OIDC provider instead of Cognito; required where Cognito user pools
 *                     are not offered (cn-north-1, cn-northwest-1)
 *   oidcJwksUri       where the external issuer's keys are; default its discovery document's jwks_uri
 *   keycloakAdminClientId, keycloakAdminSecretArn
 *                     Keycloak's admin client and the Secrets Manager secret of its client secret:
 *                     invitations then create sign-ins in the realm; without them the invitee is
 *                     told what the operator must set up
 *   mailFrom          SES sender for mail from the app; optional (none where the region has no
 *                     SES): without it the inviting admin is shown the link to pass on
 *   domainName, certificateArn
 *                     the HTTP API on its own domain (ICP-filed in China) with an ACM certificate;
 *                     it becomes the public URL and the OAuth callback's host
 *   cognitoDomainPrefix, publicBaseUrl (default the custom domain, else the API endpoint), alarmEmail
 * Example: pnpm exec cdk synth -c region=cn-northwest-1 -c oidcIssuer=https://sso.example.cn/realms/shegong \
 *   -c oidcAudience=shegong-web -c domainName=shegong.example.cn -c certificateArn=arn:aws-cn:acm:…
 */
import { App } from 'aws-cdk-lib';
import { defineApp } from '../lib/app.ts';
import { SettingsError } from '../lib/errors.ts';

try {
  defineApp(new App());
} catch (error) {
  // A wrong setting is the user's to fix: say what, without a stack trace.
  if (!(error instanceof SettingsError)) throw error;
  console.error(`shegong: ${error.message}`);
  process.exit(1);
}
