/** The Lambda's settings, from the environment the CDK stack sets (infra/lib/api.ts). */
export interface FunctionConfig {
  tableName: string;
  issuer: string;
  audience: string;
  /** Where the issuer's keys are, overriding its discovery document's `jwks_uri` (rarely needed). */
  jwksUri?: string;
  userPoolId?: string;
  /** Keycloak's admin client (a service account that may manage the realm's users), where there is no Cognito. */
  keycloakAdmin?: { clientId: string; clientSecret: string };
  mailFrom?: string;
  publicBaseUrl?: string;
  /** How a suspended organisation's members reach the platform's operator (shown on their page). */
  supportContact?: string;
}

export function readConfig(env: NodeJS.ProcessEnv): FunctionConfig {
  const required = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`The function needs the environment variable ${name}`);
    return value;
  };
  return {
    tableName: required('TABLE_NAME'),
    issuer: required('AUTH_ISSUER'),
    audience: required('AUTH_AUDIENCE'),
    ...(env.AUTH_JWKS_URI ? { jwksUri: env.AUTH_JWKS_URI } : {}),
    ...(env.COGNITO_USER_POOL_ID ? { userPoolId: env.COGNITO_USER_POOL_ID } : {}),
    ...(env.KEYCLOAK_ADMIN_CLIENT_ID && env.KEYCLOAK_ADMIN_CLIENT_SECRET
      ? { keycloakAdmin: { clientId: env.KEYCLOAK_ADMIN_CLIENT_ID, clientSecret: env.KEYCLOAK_ADMIN_CLIENT_SECRET } }
      : {}),
    ...(env.MAIL_FROM ? { mailFrom: env.MAIL_FROM } : {}),
    ...(env.PUBLIC_BASE_URL ? { publicBaseUrl: env.PUBLIC_BASE_URL } : {}),
    ...(env.SUPPORT_CONTACT ? { supportContact: env.SUPPORT_CONTACT } : {}),
  };
}
