import { z } from 'zod';
import { plainLine } from '../text/plain-text.ts';
import { count, instant } from '../units/units.ts';
import { isKnownRegion } from './region.ts';
import { ALL_ROLES, TENANT_KINDS } from './tenant.ts';
import { isValidUscc } from './uscc.ts';

/** The request and record shapes of tenancy. Messages name what is wrong in plain words. */

export const regionCode = z
  .string()
  .regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 region code')
  .refine(isKnownRegion, 'is not a region Shegong knows');

export const uscc = z
  .string()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'must be 18 characters of digits and capitals (no I, O, S, V, Z)')
  .refine(isValidUscc, 'fails the GB 32100 check character');

export const email = z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address').max(254));

export const role = z.enum(ALL_ROLES as [string, ...string[]]);

export const NewTenant = z
  .strictObject({
    kind: z.enum(TENANT_KINDS),
    name: plainLine(z.string().trim().min(2, 'must be at least 2 characters').max(100)),
    nameEn: plainLine(z.string().trim().max(120)).optional(),
    region: regionCode,
    uscc: uscc.optional(),
    /** The first administrator, invited when the tenant is created. */
    adminEmail: email,
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'platform')
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'a platform tenant cannot be created' });
    if (value.kind === 'org' && !value.uscc)
      ctx.addIssue({ code: 'custom', path: ['uscc'], message: 'an organisation needs its unified social credit code' });
  });
export type NewTenant = z.infer<typeof NewTenant>;

export const NewInvitation = z.strictObject({
  email,
  roles: z.array(role).min(1, 'choose at least one role').max(5),
});
export type NewInvitation = z.infer<typeof NewInvitation>;

export const RoleChange = z.strictObject({ roles: z.array(role).min(1, 'choose at least one role').max(5) });

export const Acceptance = z.strictObject({
  name: plainLine(z.string().trim().min(1, 'is required').max(60)),
  password: z
    .string()
    .min(12, 'must be at least 12 characters')
    .max(128)
    .regex(/[a-z]/, 'needs a lower-case letter')
    .regex(/[A-Z]/, 'needs a capital letter')
    .regex(/\d/, 'needs a digit'),
});
export type Acceptance = z.infer<typeof Acceptance>;

export const TENANT_STATUSES = ['active', 'suspended'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

/** Why the platform suspends a tenant: said in a few words, for the platform's own record. */
export const SuspensionRequest = z
  .strictObject({
    reason: z
      .string()
      .trim()
      .min(4, 'say in a few words why (at least 4 characters)')
      .max(500, 'must be at most 500 characters'),
  })
  .meta({ id: 'SuspensionRequest' });
export type SuspensionRequest = z.infer<typeof SuspensionRequest>;

/** Who suspended a tenant, when and why: on the record while it is suspended (the audit trail keeps every one). */
export const Suspension = z
  .object({
    at: instant,
    by: z.string().describe('The platform administrator who suspended it (user id)'),
    reason: z.string(),
  })
  .meta({ id: 'Suspension' });
export type Suspension = z.infer<typeof Suspension>;

export const TenantRecord = z
  .object({
    id: z.string(),
    kind: z.enum(TENANT_KINDS),
    name: z.string(),
    nameEn: z.string().optional(),
    region: z.string(),
    uscc: z.string().optional(),
    /**
     * 未登记: an organisation an incubation base admitted before it was registered. Cleared when its
     * admin records the credit code; every list and page that shows the tenant shows the mark.
     */
    toBeRegistered: z.boolean().optional().describe('未登记: not registered yet (no credit code)'),
    /** The incubation base that admitted the organisation (its incubation record is keyed by this tenant's id). */
    incubatorId: z.string().optional(),
    status: z.enum(TENANT_STATUSES),
    suspension: Suspension.optional().describe('Present while the tenant is suspended'),
    createdAt: instant,
    version: count,
  })
  .meta({ id: 'Tenant' });
export type TenantRecord = z.infer<typeof TenantRecord>;

export const USER_STATUSES = ['active', 'disabled'] as const;

export const UserRecord = z.object({
  id: z.string(),
  tenantId: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  status: z.enum(USER_STATUSES),
  createdAt: instant,
  version: count,
});
export type UserRecord = z.infer<typeof UserRecord>;

/** A user as the tenant's members see them: the record without its tenant id (it is theirs). */
export const Member = UserRecord.omit({ tenantId: true }).meta({ id: 'User' });
export type Member = z.infer<typeof Member>;

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const InvitationRecord = z.object({
  id: z.string(),
  tenantId: z.string(),
  email: z.string(),
  roles: z.array(z.string()),
  status: z.enum(INVITATION_STATUSES),
  invitedBy: z.string(),
  createdAt: instant,
  expiresOn: instant.describe('The time after which the link no longer works (7 days)'),
  acceptedUserId: z.string().optional(),
  version: count,
});
export type InvitationRecord = z.infer<typeof InvitationRecord>;

/** An invitation as the tenant's administrators see it: the record without its tenant id (it is theirs). */
export const Invitation = InvitationRecord.omit({ tenantId: true }).meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof Invitation>;
