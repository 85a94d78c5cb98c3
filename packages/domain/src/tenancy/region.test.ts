import { describe, expect, it } from 'vitest';
import { cityOf, findRegion, isKnownRegion, isWithin, knownRegions, regionChain, regionLevel } from './region.ts';

describe('regions (GB/T 2260)', () => {
  it('chains a county up through its city to its province, nearest first', () => {
    expect(regionChain('450681')).toEqual(['450681', '450600', '450000']);
    expect(regionChain('450600')).toEqual(['450600', '450000']);
    expect(regionChain('450000')).toEqual(['450000']);
  });

  it('puts a county inside its city and province, and a region inside itself', () => {
    expect(isWithin('450681', '450600')).toBe(true); // Dongxing in Fangchenggang
    expect(isWithin('450621', '450600')).toBe(true); // Shangsi in Fangchenggang
    expect(isWithin('450681', '450000')).toBe(true); // Dongxing in Guangxi
    expect(isWithin('450681', '450681')).toBe(true);
  });

  it('does not put a city inside one of its counties', () => {
    expect(isWithin('450600', '450681')).toBe(false);
    expect(isWithin('450000', '450600')).toBe(false);
  });

  it('does not put a county inside another city or a sibling county', () => {
    expect(isWithin('450681', '450100')).toBe(false); // Dongxing is not in Nanning
    expect(isWithin('450681', '450621')).toBe(false); // nor in Shangsi
  });

  it('finds the city of a county, a city is its own city, a province has none', () => {
    expect(cityOf('450681')).toBe('450600');
    expect(cityOf('450602')).toBe('450600');
    expect(cityOf('450600')).toBe('450600');
    expect(cityOf('450000')).toBeUndefined();
  });

  it('tells the level from the code', () => {
    expect(regionLevel('450000')).toBe('province');
    expect(regionLevel('450600')).toBe('city');
    expect(regionLevel('450681')).toBe('county');
    expect(regionLevel('450603')).toBe('county');
  });

  it('knows Fangchenggang and its four counties by name', () => {
    expect(findRegion('450600')?.zh).toBe('防城港市');
    expect(findRegion('450681')?.zh).toBe('东兴市');
    expect(findRegion('450600')?.en).toBe('Fangchenggang');
    const counties = knownRegions().filter((r) => regionLevel(r.code) === 'county' && cityOf(r.code) === '450600');
    expect(counties.map((r) => r.code).sort()).toEqual(['450602', '450603', '450621', '450681']);
  });

  it('does not know a code it has no name for', () => {
    expect(findRegion('450699')).toBeUndefined();
    expect(isKnownRegion('450699')).toBe(false);
    expect(isKnownRegion('450621')).toBe(true);
  });
});
