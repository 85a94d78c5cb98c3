/**
 * The CDK app (cdk.json runs it with tsx). Context, all optional:
 *   account, region   default 111111111111 / ap-southeast-1, so synth needs no credentials
 *   stage             default dev
 *   oidcIssuer, oidcAudience
 *                     an external OIDC provider instead of Cognito; required where Cognito user pools
 *                     are not offered (cn-north-1, cn-northwest-1)
 *   mailFrom          SES sender for mail from the app
 *   cognitoDomainPrefix, publicBaseUrl (default the API endpoint), alarmEmail
 * Example: pnpm exec cdk synth -c region=cn-northwest-1 -c oidcIssuer=https://idp.example.cn -c oidcAudience=shegong-web
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
