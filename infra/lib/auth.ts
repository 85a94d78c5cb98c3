import { Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { SettingsError } from './errors.ts';
import { hasCognitoUserPools } from './regions.ts';

/** Claims the app reads from the ID token; only the admin API (AdminUpdateUserAttributes) writes them. */
const tenantAttributes = ['tenant_id', 'tenant_kind', 'roles', 'region'] as const;

export interface ExternalOidc {
  readonly issuer: string;
  readonly audience: string;
  /** Where its keys are, if not where its discovery document says. */
  readonly jwksUri?: string;
  /** Keycloak's admin client (its secret in Secrets Manager), so the app can create sign-ins. */
  readonly keycloakAdmin?: { readonly clientId: string; readonly secretArn: string };
}

/** Cognito in this stack, or an external OIDC provider; decided by `chooseIdentityProvider`. */
export type IdentityProvider = { readonly kind: 'cognito' } | ({ readonly kind: 'external' } & ExternalOidc);

export interface AuthProps {
  readonly stage: string;
  /** Where the web app lives: the OAuth callback is `${publicBaseUrl}/auth/callback`. May be a token. */
  readonly publicBaseUrl: string;
  readonly provider: IdentityProvider;
  /** Prefix of the Cognito hosted domain; default `shegong-<stage>-<account>`. */
  readonly cognitoDomainPrefix?: string;
}

/**
 * Who signs users in. A Cognito user pool where the region has one; otherwise (or when asked) an
 * external OIDC provider. Either way the rest of the stack sees only `issuer` and `audience`, which is
 * all the gateway's JWT authorizer and the app's token check need.
 */
export class Auth extends Construct {
  readonly issuer: string;
  readonly audience: string;
  /** An external provider's key address override; the app reads its discovery document otherwise. */
  readonly jwksUri?: string;
  readonly keycloakAdmin?: { readonly clientId: string; readonly secretArn: string };
  /** Present only when this stack owns the identity provider (Cognito). */
  readonly userPool?: UserPool;
  readonly client?: UserPoolClient;
  readonly domain?: UserPoolDomain;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const region = stack.region;

    if (props.provider.kind === 'external') {
      this.issuer = props.provider.issuer;
      this.audience = props.provider.audience;
      if (props.provider.jwksUri) this.jwksUri = props.provider.jwksUri;
      if (props.provider.keycloakAdmin) this.keycloakAdmin = props.provider.keycloakAdmin;
      return;
    }

    this.userPool = new UserPool(this, 'UserPool', {
      // Accounts are created by tenant admins through the app (AdminCreateUser), never by strangers.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: {
        tenant_id: new StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }),
        tenant_kind: new StringAttribute({ mutable: true, minLen: 1, maxLen: 32 }),
        // Comma-separated role names, e.g. `admin,finance`.
        roles: new StringAttribute({ mutable: true, minLen: 0, maxLen: 512 }),
        // Region code of a bureau's jurisdiction (empty for other tenant kinds).
        region: new StringAttribute({ mutable: true, minLen: 0, maxLen: 32 }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // TOTP can be enrolled by anyone; SMS is left off (cost, and it needs an SNS role).
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      // The pool holds every user and their tenant claims; losing it locks every tenant out.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is OPTIONAL with TOTP so any user can enrol. Requiring it for every staff member of small social organisations (shared office phones, no authenticator apps) is a product decision not yet taken; the app can demand MFA per role (platform_admin, finance) from the amr claim.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus feature plan (threat protection) costs several times the Essentials price per monthly active user. Sign-up is closed (admins create every account) and passwords are long and complex, which limits the credential-stuffing risk it targets; revisit before opening self sign-up.',
      },
    );

    const baseUrl = props.publicBaseUrl;
    this.client = this.userPool.addClient('WebClient', {
      // A public client: the browser-facing login uses the authorization-code flow with PKCE, so there is
      // no secret to keep. (Cognito enforces PKCE when the request carries a code_challenge.)
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${baseUrl}/auth/callback`],
        logoutUrls: [`${baseUrl}/`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(...tenantAttributes),
      // The tenant claims are deliberately absent: a user must never be able to change their own tenant or roles.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.cognitoDomainPrefix ?? `shegong-${props.stage}-${stack.account}` },
    });

    // Built from the partition's URL suffix rather than a literal amazonaws.com.
    this.issuer = `https://cognito-idp.${region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;
    this.audience = this.client.userPoolClientId;
  }
}

/**
 * Cognito where the region offers user pools, unless an external OIDC provider is given; where the
 * region has no user pools an external provider is required. Called before anything is built, so a
 * wrong setting fails at once with one message.
 */
export function chooseIdentityProvider(region: string, oidc: Partial<ExternalOidc>): IdentityProvider {
  if (Token.isUnresolved(region)) {
    throw new SettingsError(
      'The Shegong stack needs an explicit region to choose between Cognito and an external OIDC provider.',
    );
  }
  const { issuer, audience, jwksUri, keycloakAdmin } = oidc;
  if (issuer === undefined && audience === undefined) {
    if (jwksUri || keycloakAdmin) {
      throw new SettingsError(
        'oidcJwksUri and keycloakAdmin… settings are for an external OIDC provider (oidcIssuer).',
      );
    }
    if (hasCognitoUserPools(region)) return { kind: 'cognito' };
    throw new SettingsError(
      `Cognito user pools are not available in ${region}: give an external OIDC provider with -c oidcIssuer=https://… -c oidcAudience=<client id>.`,
    );
  }
  if (!issuer || !audience) {
    throw new SettingsError('An external OIDC provider needs both oidcIssuer and oidcAudience.');
  }
  // API Gateway's JWT authorizer accepts only https issuers.
  if (!/^https:\/\/\S+$/.test(issuer)) {
    throw new SettingsError(`oidcIssuer must be an https URL, got "${issuer}".`);
  }
  return {
    kind: 'external',
    issuer,
    audience,
    ...(jwksUri ? { jwksUri } : {}),
    ...(keycloakAdmin ? { keycloakAdmin } : {}),
  };
}
