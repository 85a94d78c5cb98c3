import { describe, expect, it } from 'vitest';
import { maskPersonalData, seesPersonalData } from './personal-data.ts';

const person = { name: '黄小梅', idCardNumber: '450602199003070021', phone: '13977012345' };

describe('personal data (DESIGN.md, security model)', () => {
  it('is shown in full to hr and admin only', () => {
    expect(seesPersonalData({ roles: ['hr'] })).toBe(true);
    expect(seesPersonalData({ roles: ['staff', 'admin'] })).toBe(true);
    expect(maskPersonalData(person, { roles: ['admin'] })).toEqual(person);
  });

  it('is masked for every other role, the name kept', () => {
    expect(seesPersonalData({ roles: ['finance', 'project_manager'] })).toBe(false);
    const masked = maskPersonalData(person, { roles: ['finance'] });
    expect(masked.name).toBe('黄小梅');
    expect(masked.idCardNumber).not.toContain('19900307');
    expect(masked.phone).not.toContain('7701');
    expect(masked.idCardNumber).toMatch(/^450602\*+0021$/);
  });
});
