import { describe, expect, it } from 'vitest';
import { covers, jurisdictionOf } from './jurisdiction.ts';

describe('a bureau’s jurisdiction (P-U1)', () => {
  it('a city sees itself and every county in it, and nothing of another city', () => {
    const city = jurisdictionOf('450600');
    expect(city).toEqual({ region: '450600', city: '450600' });
    expect(['450600', '450602', '450681'].every((r) => covers(city, r))).toBe(true);
    expect(covers(city, '450100')).toBe(false);
    expect(covers(city, '450102')).toBe(false);
  });

  it('a county sees only itself: not its city, not a sister county', () => {
    const county = jurisdictionOf('450681');
    expect(county).toEqual({ region: '450681', city: '450600', county: '450681' });
    expect(covers(county, '450681')).toBe(true);
    expect(covers(county, '450600')).toBe(false);
    expect(covers(county, '450602')).toBe(false);
  });

  it('a province covers only what it purchased itself (cities are separate partitions)', () => {
    const province = jurisdictionOf('450000');
    expect(covers(province, '450000')).toBe(true);
    expect(covers(province, '450600')).toBe(false);
  });
});
