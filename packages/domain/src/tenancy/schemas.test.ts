import { describe, expect, it } from 'vitest';
import { Acceptance, NewInvitation, NewTenant, RoleChange } from './schemas.ts';
import { NEW_BUREAU_EXAMPLE } from './tenant-example.ts';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => ({ path: i.path, message: i.message })) ?? [];

const bureau = NEW_BUREAU_EXAMPLE;

const org = {
  kind: 'org',
  name: '东兴市阳光社会工作服务中心',
  region: '450681',
  uscc: '52450681MJ4H2K7P37',
  adminEmail: 'admin@yangguang.example.cn',
} as const;

describe('NewTenant', () => {
  it('accepts a bureau and an organisation with a valid USCC', () => {
    expect(NewTenant.parse(bureau)).toEqual(bureau);
    expect(NewTenant.parse(org)).toEqual(org);
  });

  it('asks an organisation for its unified social credit code, at path uscc', () => {
    const { uscc: _, ...withoutUscc } = org;
    const result = NewTenant.safeParse(withoutUscc);
    expect(result.success).toBe(false);
    expect(issuesOf(result)).toEqual([
      { path: ['uscc'], message: 'an organisation needs its unified social credit code' },
    ]);
  });

  it('refuses a USCC whose check character is wrong, at path uscc', () => {
    const result = NewTenant.safeParse({ ...org, uscc: '52450681MJ4H2K7P38' });
    expect(result.success).toBe(false);
    expect(issuesOf(result)).toEqual([{ path: ['uscc'], message: 'fails the GB 32100 check character' }]);
  });

  it('refuses to create a platform tenant', () => {
    const result = NewTenant.safeParse({ ...bureau, kind: 'platform' });
    expect(result.success).toBe(false);
    expect(issuesOf(result)).toEqual([{ path: ['kind'], message: 'a platform tenant cannot be created' }]);
  });

  it('refuses an unknown field (strict), naming it', () => {
    const result = NewTenant.safeParse({ ...bureau, tenantId: 'someone-else' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['tenantId'] })]);
  });

  it('refuses a region it does not know and one that is not six digits', () => {
    expect(issuesOf(NewTenant.safeParse({ ...bureau, region: '450699' }))).toEqual([
      { path: ['region'], message: 'is not a region Shegong knows' },
    ]);
    expect(issuesOf(NewTenant.safeParse({ ...bureau, region: '4506' })).map((i) => i.path)).toContainEqual(['region']);
  });

  it('trims the name and normalises the admin e-mail', () => {
    const parsed = NewTenant.parse({ ...bureau, name: '  上思县民政局 ', adminEmail: ' Admin@Shangsi.Example.CN ' });
    expect(parsed.name).toBe('上思县民政局');
    expect(parsed.adminEmail).toBe('admin@shangsi.example.cn');
  });
});

describe('NewInvitation', () => {
  it('trims and lower-cases the e-mail address', () => {
    expect(NewInvitation.parse({ email: '  Li.Ming@Example.CN ', roles: ['finance'] })).toEqual({
      email: 'li.ming@example.cn',
      roles: ['finance'],
    });
  });

  it('refuses an empty list of roles', () => {
    const result = NewInvitation.safeParse({ email: 'li.ming@example.cn', roles: [] });
    expect(issuesOf(result)).toEqual([{ path: ['roles'], message: 'choose at least one role' }]);
  });

  it('refuses a role that does not exist, at its index', () => {
    const result = NewInvitation.safeParse({ email: 'li.ming@example.cn', roles: ['staff', 'owner'] });
    expect(issuesOf(result).map((i) => i.path)).toEqual([['roles', 1]]);
  });

  it('refuses something that is not an e-mail address, and an unknown field', () => {
    expect(issuesOf(NewInvitation.safeParse({ email: 'li.ming', roles: ['staff'] }))).toEqual([
      { path: ['email'], message: 'must be an e-mail address' },
    ]);
    expect(NewInvitation.safeParse({ email: 'li@example.cn', roles: ['staff'], tenantId: 'x' }).success).toBe(false);
  });
});

describe('RoleChange', () => {
  it('needs at least one role', () => {
    expect(RoleChange.safeParse({ roles: [] }).success).toBe(false);
    expect(RoleChange.parse({ roles: ['hr'] })).toEqual({ roles: ['hr'] });
  });
});

describe('Acceptance', () => {
  const passwordIssues = (password: string) =>
    issuesOf(Acceptance.safeParse({ name: '李明', password })).map((i) => i.message);

  it('accepts a password of 12 or more characters with a lower-case letter, a capital and a digit', () => {
    expect(Acceptance.parse({ name: ' 李明 ', password: 'Shegong2024x' })).toEqual({
      name: '李明',
      password: 'Shegong2024x',
    });
  });

  it('refuses an 11-character password', () => {
    expect(passwordIssues('Shegong2024')).toEqual(['must be at least 12 characters']);
  });

  it('names each rule a password breaks', () => {
    expect(passwordIssues('shegong2024x')).toEqual(['needs a capital letter']);
    expect(passwordIssues('SHEGONG2024X')).toEqual(['needs a lower-case letter']);
    expect(passwordIssues('ShegongShegong')).toEqual(['needs a digit']);
    expect(passwordIssues('abc')).toEqual([
      'must be at least 12 characters',
      'needs a capital letter',
      'needs a digit',
    ]);
  });

  it('refuses a password longer than 128 characters and an empty name', () => {
    expect(passwordIssues(`Aa1${'x'.repeat(126)}`)).toHaveLength(1);
    expect(issuesOf(Acceptance.safeParse({ name: '   ', password: 'Shegong2024x' }))).toEqual([
      { path: ['name'], message: 'is required' },
    ]);
  });
});
