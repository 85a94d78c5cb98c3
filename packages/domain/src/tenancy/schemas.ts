import { z } from 'zod';
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
    name: z.string().trim().min(2, 'must be at least 2 characters').max(100),
    nameEn: z.string().trim().max(120).optional(),
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
  name: z.string().trim().min(1, 'is required').max(60),
  password: z
    .string()
    .min(12, 'must be at least 12 characters')
    .max(128)
    .regex(/[a-z]/, 'needs a lower-case letter')
    .regex(/[A-Z]/, 'needs a capital letter')
    .regex(/\d/, 'needs a digit'),
});
export type Acceptance = z.infer<typeof Acceptance>;

export interface TenantRecord {
  id: string;
  kind: (typeof TENANT_KINDS)[number];
  name: string;
  nameEn?: string;
  region: string;
  uscc?: string;
  status: 'active' | 'suspended';
  createdAt: string;
  version: number;
}

export interface UserRecord {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  roles: string[];
  status: 'active' | 'disabled';
  createdAt: string;
  version: number;
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface InvitationRecord {
  id: string;
  tenantId: string;
  email: string;
  roles: string[];
  status: InvitationStatus;
  invitedBy: string;
  createdAt: string;
  /** ISO time after which the link no longer works (7 days). */
  expiresOn: string;
  acceptedUserId?: string;
  version: number;
}
