/**
 * Claim names that carry tenancy in an ID token. Cognito puts custom attributes in ID tokens
 * under `custom:`; the local issuer and any other OIDC provider must use the same names.
 */
export const TENANCY_CLAIMS = {
  tenant: 'custom:tenant_id',
  kind: 'custom:tenant_kind',
  roles: 'custom:roles',
  region: 'custom:region',
} as const;
