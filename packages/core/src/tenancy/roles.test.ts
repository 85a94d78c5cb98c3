import type { Principal } from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import { Conflict, Invalid, type Refusal } from '../refusals.ts';
import { checkRoles, guardSelf } from './roles.ts';

const orgAdmin: Principal = { userId: 'u-admin', tenantId: 't-org', kind: 'org', roles: ['admin'], region: '450602' };
const platformAdmin: Principal = {
  userId: 'u-platform',
  tenantId: 't-platform',
  kind: 'platform',
  roles: ['platform_admin'],
  region: '450000',
};

/** What a synchronous check threw (it must throw). */
function thrown(check: () => void): Refusal {
  try {
    check();
  } catch (error) {
    return error as Refusal;
  }
  throw new Error('expected a refusal');
}

describe('checkRoles', () => {
  it("takes the roles of the tenant's kind", () => {
    expect(() => checkRoles(orgAdmin, ['finance', 'hr', 'staff'])).not.toThrow();
    expect(() => checkRoles({ kind: 'bureau' }, ['auditor', 'reviewer'])).not.toThrow();
  });

  it('refuses roles of another kind as Invalid, naming the field of each', () => {
    const refusal = thrown(() => checkRoles(orgAdmin, ['finance', 'operator', 'hr', 'platform_admin']));
    expect(refusal).toBeInstanceOf(Invalid);
    expect(refusal.kind).toBe('invalid');
    expect(refusal.fields).toEqual([
      { path: '/roles/1', message: 'is not a role of an org tenant', code: 'roleOfOtherKind' },
      { path: '/roles/3', message: 'is not a role of an org tenant', code: 'roleOfOtherKind' },
    ]);
  });

  it('names the fields under the path the roles sit at', () => {
    const refusal = thrown(() => checkRoles(platformAdmin, ['admin'], '/invitation/roles'));
    expect(refusal.fields).toEqual([
      { path: '/invitation/roles/0', message: 'is not a role of a platform tenant', code: 'roleOfOtherKind' },
    ]);
  });
});

describe('guardSelf', () => {
  it('lets an admin change someone else in any way', () => {
    expect(() => guardSelf(orgAdmin, 'u-other', { status: 'disabled', roles: ['staff'] })).not.toThrow();
  });

  it('lets an admin change their own roles while keeping the admin role', () => {
    expect(() => guardSelf(orgAdmin, 'u-admin', { roles: ['admin', 'finance'], status: 'active' })).not.toThrow();
    expect(() => guardSelf(platformAdmin, 'u-platform', { roles: ['platform_admin'] })).not.toThrow();
  });

  it('refuses disabling oneself as a Conflict on /status', () => {
    const refusal = thrown(() => guardSelf(orgAdmin, 'u-admin', { status: 'disabled' }));
    expect(refusal).toBeInstanceOf(Conflict);
    expect(refusal).toMatchObject({ kind: 'conflict', reason: 'selfDisable' });
    expect(refusal.fields).toEqual([
      { path: '/status', message: 'cannot disable your own account', code: 'selfDisable' },
    ]);
  });

  it("refuses dropping one's own admin role as a Conflict on /roles (the platform's admin role too)", () => {
    const refusal = thrown(() => guardSelf(orgAdmin, 'u-admin', { roles: ['finance'] }));
    expect(refusal).toBeInstanceOf(Conflict);
    expect(refusal).toMatchObject({ kind: 'conflict', reason: 'selfAdmin' });
    expect(refusal.fields).toEqual([
      { path: '/roles', message: 'must keep your administrator role', code: 'selfAdmin' },
    ]);
    // An org's `admin` is not the platform's administrator role.
    expect(thrown(() => guardSelf(platformAdmin, 'u-platform', { roles: ['admin'] })).reason).toBe('selfAdmin');
  });
});
