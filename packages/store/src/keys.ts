/**
 * Every key in one place. Tenant-owned items live under `T#<tenantId>`; the few global items are
 * lookups that hold no tenant data beyond the ids they point to (an e-mail's owner, an
 * invitation token's hash, the platform's tenant directory).
 */
export const keys = {
  tenant: (tenantId: string) => ({ pk: `T#${tenantId}`, sk: 'TENANT' }),
  user: (tenantId: string, userId: string) => ({ pk: `T#${tenantId}`, sk: `USER#${userId}` }),
  userPrefix: 'USER#',
  invitation: (tenantId: string, invitationId: string) => ({ pk: `T#${tenantId}`, sk: `INVITE#${invitationId}` }),
  invitationPrefix: 'INVITE#',
  auditPartition: (tenantId: string) => `T#${tenantId}#AUDIT`,
  idempotency: (tenantId: string, key: string) => ({ pk: `T#${tenantId}#IDEM`, sk: key }),
  emailGuard: (email: string) => ({ pk: `EMAIL#${email.toLowerCase()}`, sk: 'EMAIL' }),
  usccGuard: (uscc: string) => ({ pk: `USCC#${uscc}`, sk: 'USCC' }),
  invitationToken: (tokenHash: string) => ({ pk: `INVITE#${tokenHash}`, sk: 'INVITE' }),
  /** The platform's directory of tenants (GSI `scope`). */
  tenantDirectory: 'P#TENANT',
} as const;
