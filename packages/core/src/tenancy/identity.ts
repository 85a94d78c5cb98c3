import type { TenantKind } from '@shegong/domain';

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
  /** Creates the sign-in; for an e-mail it already holds in the same tenant, returns that subject. */
  createUser(input: NewIdentity): Promise<{ userId: string }>;
  /** Keeps the roles claim in step with the user record. */
  updateRoles(email: string, roles: string[]): Promise<void>;
  setEnabled(email: string, enabled: boolean): Promise<void>;
}

/** Sends an invitation link by mail where the deployment has mail. */
export interface Mailer {
  sendInvitation(input: { to: string; link: string; tenantName: string; expiresOn: string }): Promise<void>;
}
