import { describe, expect, it } from 'vitest';
import { ALL_ROLES, adminRoleOf, isRoleOfKind, ROLES_BY_KIND, TENANT_KINDS } from './tenant.ts';

describe('tenant kinds and roles', () => {
  it('accepts a role only in the kind of tenant that has it', () => {
    expect(isRoleOfKind('org', 'finance')).toBe(true);
    expect(isRoleOfKind('org', 'admin')).toBe(true);
    expect(isRoleOfKind('bureau', 'auditor')).toBe(true);
    expect(isRoleOfKind('incubator', 'operator')).toBe(true);
    expect(isRoleOfKind('platform', 'platform_admin')).toBe(true);

    expect(isRoleOfKind('bureau', 'finance')).toBe(false);
    expect(isRoleOfKind('org', 'auditor')).toBe(false);
    expect(isRoleOfKind('org', 'platform_admin')).toBe(false);
    expect(isRoleOfKind('platform', 'admin')).toBe(false);
    expect(isRoleOfKind('org', 'Admin')).toBe(false);
    expect(isRoleOfKind('org', '')).toBe(false);
  });

  it('names the administrator role of each kind, and that role belongs to the kind', () => {
    expect(adminRoleOf('platform')).toBe('platform_admin');
    expect(adminRoleOf('bureau')).toBe('admin');
    expect(adminRoleOf('incubator')).toBe('admin');
    expect(adminRoleOf('org')).toBe('admin');
    for (const kind of TENANT_KINDS) expect(isRoleOfKind(kind, adminRoleOf(kind))).toBe(true);
  });

  it('lists every role once', () => {
    expect([...ALL_ROLES].sort()).toEqual(
      [
        'admin',
        'auditor',
        'finance',
        'hr',
        'operator',
        'platform_admin',
        'project_manager',
        'reviewer',
        'staff',
      ].sort(),
    );
    expect(Object.keys(ROLES_BY_KIND).sort()).toEqual([...TENANT_KINDS].sort());
  });
});
