import { ROLES_BY_KIND, TENANT_KINDS } from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../i18n/zh-CN.ts';
import { activeEntry, homeOf, MENUS, visibleEntries } from './menu.ts';

describe('menus', () => {
  it('give every kind a home and "my organisation"', () => {
    for (const kind of TENANT_KINDS) {
      expect(homeOf(kind)).toMatch(/^\//);
      expect(MENUS[kind].map((e) => e.href)).toContain('/my/organisation');
      for (const entry of MENUS[kind]) expect(zhCN.nav[entry.label]).toBeTruthy();
    }
    expect(Object.keys(ROLES_BY_KIND).sort()).toEqual([...TENANT_KINDS].sort());
  });

  it('fit the kind: an organisation sees contracts, a bureau sees claims to approve, the platform sees tenants', () => {
    expect(MENUS.org.map((e) => e.label)).toEqual([
      'dashboard',
      'contracts',
      'priceFloor',
      'staff',
      'submissions',
      'myRecord',
      'ladder',
      'rectifications',
      'evaluations',
      'awards',
      'rules',
      'myOrganisation',
    ]);
    expect(MENUS.bureau.map((e) => e.label)).toEqual([
      'dashboard',
      'reviews',
      'register',
      'rectifications',
      'bases',
      'evaluations',
      'claims',
      'targets',
      'rules',
      'myOrganisation',
    ]);
    // Findings are shown to who reads contracts, not to staff.
    expect(visibleEntries('org', ['staff']).map((e) => e.label)).not.toContain('rectifications');
    expect(MENUS.platform.map((e) => e.label)).toEqual(['tenants', 'myOrganisation']);
    expect(MENUS.incubator.map((e) => e.label)).toContain('incubated');
  });

  it('hide contracts and the price-floor calculator from staff, whose role may not open them', () => {
    expect(visibleEntries('org', ['staff']).map((e) => e.label)).not.toContain('priceFloor');
    // The bureaus' evaluations of the organisation's contracts: those who read its contracts.
    expect(visibleEntries('org', ['staff']).map((e) => e.label)).not.toContain('evaluations');
    expect(visibleEntries('org', ['staff']).map((e) => e.label)).not.toContain('contracts');
    expect(visibleEntries('org', ['project_manager']).map((e) => e.label)).toContain('contracts');
    expect(visibleEntries('org', ['staff', 'finance']).map((e) => e.label)).toContain('priceFloor');
    expect(visibleEntries('org', ['hr']).map((e) => e.label)).toContain('priceFloor');
  });

  it('show staff their own record but not the registry or hr’s queue, which their role may not open', () => {
    const staff = visibleEntries('org', ['staff']).map((e) => e.label);
    expect(staff).toContain('myRecord');
    expect(staff).not.toContain('staff');
    expect(staff).not.toContain('submissions');
    expect(visibleEntries('org', ['hr']).map((e) => e.label)).toEqual(
      expect.arrayContaining(['staff', 'submissions', 'myRecord']),
    );
    expect(visibleEntries('org', ['finance']).map((e) => e.label)).not.toContain('submissions');
  });

  it('give an incubation base its own project’s entries, by the same roles as an organisation’s (P-I1)', () => {
    const project = [
      'contracts',
      'priceFloor',
      'staff',
      'submissions',
      'myRecord',
      'ladder',
      'rectifications',
      'evaluations',
    ];
    expect(visibleEntries('incubator', ['admin']).map((e) => e.label)).toEqual(expect.arrayContaining(project));
    expect(MENUS.incubator.map((e) => e.label).slice(0, 3)).toEqual(['dashboard', 'applications', 'incubated']);
    // Operators run intake: the project's contracts, registry and findings are not theirs.
    const operator = visibleEntries('incubator', ['operator']).map((e) => e.label);
    for (const label of ['contracts', 'priceFloor', 'staff', 'rectifications', 'evaluations'] as const)
      expect(operator).not.toContain(label);
    expect(visibleEntries('incubator', ['finance']).map((e) => e.label)).toContain('contracts');
    expect(activeEntry('incubator', '/org/contracts/c-1')?.label).toBe('contracts');
  });

  it('mark the entry a page belongs to', () => {
    expect(activeEntry('org', '/org')?.label).toBe('dashboard');
    expect(activeEntry('org', '/org/contracts')?.label).toBe('contracts');
    expect(activeEntry('platform', '/platform/tenants/new')?.label).toBe('tenants');
    expect(activeEntry('org', '/my/organisation/users/x')?.label).toBe('myOrganisation');
    expect(activeEntry('org', '/my/record/certificates/new')?.label).toBe('myRecord');
    expect(activeEntry('org', '/elsewhere')).toBeUndefined();
    // A contract opened from a bureau's register (or its review queue) belongs to the register.
    expect(activeEntry('bureau', '/bureau/contracts/org-1/c-1')?.label).toBe('register');
    expect(activeEntry('bureau', '/bureau/reviews')?.label).toBe('reviews');
    expect(activeEntry('bureau', '/bureau')?.label).toBe('dashboard');
  });
});
