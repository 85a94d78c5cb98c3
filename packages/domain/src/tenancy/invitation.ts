import { z } from 'zod';
import { Invitation, type InvitationRecord, TenantRecord } from './schemas.ts';

/**
 * What the tenancy use cases answer about invitations and new tenants: the link to pass on, what an
 * invitee sees before accepting, and who joined.
 */

/** An invitation as it was sent: the link (shown once) and whether it went out by mail. */
export const SentInvitation = z
  .object({
    invitation: Invitation,
    link: z.string().describe('Single-use link for the invitee; valid 7 days. Shown once.'),
    mailed: z.boolean().describe('Whether the link went out by mail (only where the deployment has mail)'),
  })
  .meta({ id: 'CreatedInvitation' });
export type SentInvitation = z.infer<typeof SentInvitation>;

/** What the platform is told of a tenant it created: the tenant and its first administrator's link. */
export const CreatedTenant = z
  .object({
    tenant: TenantRecord,
    adminInvitationLink: z.string().describe('The first administrator’s invitation link, to pass on'),
  })
  .meta({ id: 'CreatedTenant' });
export type CreatedTenant = z.infer<typeof CreatedTenant>;

/** What an invitee sees before accepting: whose invitation, for which address, still valid or not. */
export const InvitationPreview = z
  .object({
    tenant: TenantRecord.pick({ name: true, nameEn: true, kind: true }),
    email: z.string(),
    roles: z.array(z.string()),
    status: Invitation.shape.status,
    expiresOn: Invitation.shape.expiresOn,
  })
  .meta({ id: 'InvitationPreview' });
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export function invitationPreview(invitation: InvitationRecord, tenant: TenantRecord): InvitationPreview {
  return {
    tenant: { name: tenant.name, ...(tenant.nameEn ? { nameEn: tenant.nameEn } : {}), kind: tenant.kind },
    email: invitation.email,
    roles: invitation.roles,
    status: invitation.status,
    expiresOn: invitation.expiresOn,
  };
}

/** Who joined by accepting an invitation. */
export const AcceptedInvitation = z
  .object({ userId: z.string(), email: z.string() })
  .meta({ id: 'AcceptedInvitation' });
export type AcceptedInvitation = z.infer<typeof AcceptedInvitation>;
