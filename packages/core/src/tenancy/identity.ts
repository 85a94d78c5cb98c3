import type { TenantKind } from '@shegong/domain';
import { Conflict, Unsupported } from '../refusals.ts';

export interface NewIdentity {
  email: string;
  name: string;
  password: string;
  tenantId: string;
  kind: TenantKind;
  roles: string[];
  region: string;
}

/**
 * The identity provider's user store, behind one interface: Cognito (AdminCreateUser) in AWS,
 * the local issuer's own records on a laptop. Shegong's table stays the authority on membership;
 * the provider holds credentials and the claims that go into tokens.
 */
export interface IdentityDirectory {
  /**
   * Creates the sign-in; for an e-mail it already holds in the same tenant, returns that subject (a
   * retried acceptance); for one another tenant holds, throws SignInExists.
   */
  createUser(input: NewIdentity): Promise<{ userId: string }>;
  /** Keeps the roles claim in step with the user record. */
  updateRoles(email: string, roles: string[]): Promise<void>;
  setEnabled(email: string, enabled: boolean): Promise<void>;
  /**
   * False where Shegong has no admin API of the provider (neither Cognito nor a Keycloak admin
   * client is configured): no invitation can be accepted, and the accept page says so up front.
   */
  readonly createsSignIns?: boolean;
}

/**
 * The deployment's identity provider is not one Shegong may create sign-ins in. The invitation stays
 * valid: once the platform's operator gives Shegong the provider's admin API, it can be accepted.
 */
export class SignInsNotManaged extends Unsupported {
  constructor() {
    super(
      'This deployment cannot create sign-ins yet: its identity provider has no admin access configured for Shegong. The platform operator must give Shegong an admin client of the provider (for Keycloak: the keycloakAdminClientId and keycloakAdminSecretArn settings, see the README). The invitation stays valid until it expires and can be accepted then',
      { reason: 'signInsNotManaged' },
    );
  }
}

/** Sends an invitation link by mail where the deployment has mail. */
export interface Mailer {
  sendInvitation(input: { to: string; link: string; tenantName: string; expiresOn: string }): Promise<void>;
}

/**
 * The address already has a sign-in: the identity provider holds it for another tenant, or it is a
 * member here already. One refusal for both, which names no organisation: the inviter holds the
 * link too and must not learn where an address signs in (issue 10, point 13). The invitee is told
 * to sign in with the account they have.
 */
export class SignInExists extends Conflict {
  constructor() {
    super(
      'This e-mail address can already sign in to Shegong: sign in with it. One address joins one tenant only; to join this one, ask for an invitation to a different address',
      { reason: 'signInExists' },
    );
  }
}
