import { isValidUscc, ROLES_BY_KIND } from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TENANTS, DEMO_USERS } from './demo-data.ts';

describe('demo data', () => {
  it('gives each organisation a valid unified social credit code of its region', () => {
    for (const tenant of DEMO_TENANTS.filter((t) => t.kind === 'org')) {
      expect(tenant.uscc && isValidUscc(tenant.uscc)).toBe(true);
      expect(tenant.uscc?.slice(0, 8)).toBe(`52${tenant.region}`);
    }
  });

  it('has a user of every role of its kind in each tenant, with unique e-mail addresses', () => {
    for (const tenant of DEMO_TENANTS) {
      const roles = DEMO_USERS.filter((u) => u.tenant.id === tenant.id).map((u) => u.role);
      // The base's admin does its own project's work (DEMO_USERS): it has no finance, hr … users.
      expect(roles).toEqual(tenant.kind === 'incubator' ? ['admin', 'operator'] : [...ROLES_BY_KIND[tenant.kind]]);
    }
    expect(new Set(DEMO_USERS.map((u) => u.email)).size).toBe(DEMO_USERS.length);
    expect(DEMO_USERS.map((u) => u.email)).toEqual(
      expect.arrayContaining([
        'platform@shegong.demo',
        'admin@yangguang.demo',
        'hr@yangguang.demo',
        'auditor@fcg-mzj.demo',
      ]),
    );
  });

  it('covers the two bureaus, an incubation base and two organisations in different counties', () => {
    const byKind = (kind: string) => DEMO_TENANTS.filter((t) => t.kind === kind).map((t) => t.region);
    expect(byKind('bureau')).toEqual(['450600', '450681']);
    expect(byKind('incubator')).toHaveLength(1);
    const orgs = byKind('org');
    expect(new Set(orgs).size).toBe(2);
  });

  it('uses a password the acceptance rules would accept', () => {
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
    expect(DEMO_PASSWORD).toMatch(/[a-z]/);
    expect(DEMO_PASSWORD).toMatch(/[A-Z]/);
    expect(DEMO_PASSWORD).toMatch(/\d/);
  });
});
