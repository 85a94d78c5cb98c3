import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  type IdentityDirectory,
  type NewIdentity,
  SignInExists,
  SignInsNotManaged,
  TENANCY_CLAIMS,
} from '@shegong/core';

/** Created once per container, as Powertools advises. */
const client = new CognitoIdentityProviderClient({});

/**
 * Cognito behind IdentityDirectory. The invitee chooses their password on Shegong's accept page,
 * so the user is created without Cognito's own invitation mail and the password is set permanent.
 */
export class CognitoDirectory implements IdentityDirectory {
  constructor(private readonly userPoolId: string) {}

  async createUser(input: NewIdentity): Promise<{ userId: string }> {
    const attributes = [
      { Name: 'email', Value: input.email },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'name', Value: input.name },
      { Name: TENANCY_CLAIMS.tenant, Value: input.tenantId },
      { Name: TENANCY_CLAIMS.kind, Value: input.kind },
      { Name: TENANCY_CLAIMS.roles, Value: input.roles.join(',') },
      { Name: TENANCY_CLAIMS.region, Value: input.region },
    ];
    let userId: string | undefined;
    try {
      const created = await client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: input.email,
          UserAttributes: attributes,
          MessageAction: 'SUPPRESS',
        }),
      );
      userId = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
    } catch (error) {
      if (!(error instanceof UsernameExistsException)) throw error;
      // A retried acceptance: the sign-in exists; it must belong to the same tenant.
      const existing = await client.send(
        new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: input.email }),
      );
      const tenant = existing.UserAttributes?.find((a) => a.Name === TENANCY_CLAIMS.tenant)?.Value;
      if (tenant !== input.tenantId) throw new SignInExists();
      userId = existing.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
    }
    if (!userId) throw new Error('Cognito returned no subject for the new user');
    await client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: this.userPoolId,
        Username: input.email,
        Password: input.password,
        Permanent: true,
      }),
    );
    return { userId };
  }

  async updateRoles(email: string, roles: string[]): Promise<void> {
    await client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: this.userPoolId,
        Username: email,
        UserAttributes: [{ Name: TENANCY_CLAIMS.roles, Value: roles.join(',') }],
      }),
    );
  }

  async setEnabled(email: string, enabled: boolean): Promise<void> {
    const input = { UserPoolId: this.userPoolId, Username: email };
    if (enabled) {
      await client.send(new AdminEnableUserCommand(input));
      return;
    }
    await client.send(new AdminDisableUserCommand(input));
    await client.send(new AdminUserGlobalSignOutCommand(input));
  }
}

/**
 * Where the issuer is another OIDC provider and Shegong was given no admin client of it (see
 * KeycloakDirectory), that provider owns sign-ins; Shegong cannot create them, and says what the
 * operator must do.
 */
export class ExternalDirectory implements IdentityDirectory {
  readonly createsSignIns = false;
  async createUser(): Promise<{ userId: string }> {
    throw new SignInsNotManaged();
  }
  async updateRoles(): Promise<void> {}
  async setEnabled(): Promise<void> {}
}
