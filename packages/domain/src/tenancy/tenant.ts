/** The four kinds of tenant (DESIGN.md, security model). */
export const TENANT_KINDS = ['platform', 'bureau', 'incubator', 'org'] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];

/**
 * Roles a user may hold, by the kind of tenant they belong to.
 *
 * An incubation base runs its own purchased-service project (P-I1: its operation is bought by the
 * government), costed and run as an organisation runs its contracts. So it holds the organisation's
 * project roles too (finance, project_manager, hr, staff) and the same role-based policies apply to
 * it; `operator` runs intake and incubation only and is not one of them. The base's admin does both.
 */
export const ROLES_BY_KIND = {
  platform: ['platform_admin'],
  bureau: ['admin', 'auditor', 'reviewer'],
  incubator: ['admin', 'operator', 'finance', 'project_manager', 'hr', 'staff'],
  org: ['admin', 'finance', 'project_manager', 'hr', 'staff'],
} as const satisfies Record<TenantKind, readonly string[]>;

/**
 * The kinds of tenant that run purchased-service projects of their own: organisations, and
 * incubation bases, whose operation is itself a purchased service (P-I1). Their staff registry,
 * ladder, contracts, actuals, findings and evaluations are the same capabilities under the same rules.
 */
export const PROJECT_KINDS = ['org', 'incubator'] as const satisfies readonly TenantKind[];

export function runsProjects(kind: TenantKind): boolean {
  return (PROJECT_KINDS as readonly TenantKind[]).includes(kind);
}

export type Role = (typeof ROLES_BY_KIND)[TenantKind][number];
export const ALL_ROLES: readonly Role[] = [...new Set(Object.values(ROLES_BY_KIND).flat())];

/** The role that may manage a tenant's users and invitations. */
export function adminRoleOf(kind: TenantKind): Role {
  return kind === 'platform' ? 'platform_admin' : 'admin';
}

export function isRoleOfKind(kind: TenantKind, role: string): role is Role {
  return (ROLES_BY_KIND[kind] as readonly string[]).includes(role);
}

/**
 * Who is acting, as established from a verified token and the tenant's user record.
 * Nothing in here may come from a request body or path.
 */
export interface Principal {
  userId: string;
  tenantId: string;
  kind: TenantKind;
  roles: readonly Role[];
  /** GB/T 2260 code of the tenant's region. */
  region: string;
}
