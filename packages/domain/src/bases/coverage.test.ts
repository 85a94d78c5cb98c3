import { describe, expect, it } from 'vitest';
import { jurisdictionOf } from '../tenancy/jurisdiction.ts';
import { baseCoverage, countiesOf, type IncubationBase } from './coverage.ts';

const base = (tenantId: string, region: string, status: IncubationBase['status'] = 'active'): IncubationBase => ({
  tenantId,
  name: `基地 ${tenantId}`,
  region,
  status,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('county-level regions of a jurisdiction', () => {
  it('a city holds its four counties, in code order; a county only itself; a province none', () => {
    expect(countiesOf(jurisdictionOf('450600'))).toEqual(['450602', '450603', '450621', '450681']);
    expect(countiesOf(jurisdictionOf('450681'))).toEqual(['450681']);
    expect(countiesOf(jurisdictionOf('450000'))).toEqual([]);
  });
});

describe('incubation-base coverage (P-T1)', () => {
  it('says per county whether a base exists there, and how many counties are covered', () => {
    const coverage = baseCoverage(jurisdictionOf('450600'), [base('a', '450681'), base('b', '450602')]);
    expect(coverage.ruleId).toBe('P-T1');
    expect(coverage.counties.map((c) => [c.region, c.covered])).toEqual([
      ['450602', true],
      ['450603', false],
      ['450621', false],
      ['450681', true],
    ]);
    expect([coverage.covered, coverage.total]).toEqual([2, 4]);
  });

  it('counts a city-level base for the city, not for any county', () => {
    const coverage = baseCoverage(jurisdictionOf('450600'), [base('city', '450600')]);
    expect(coverage.covered).toBe(0);
    expect(coverage.cityBases.map((b) => b.tenantId)).toEqual(['city']);
  });

  it('still counts a base the platform suspended, naming its status', () => {
    const coverage = baseCoverage(jurisdictionOf('450681'), [base('x', '450681', 'suspended')]);
    expect(coverage).toMatchObject({ covered: 1, total: 1, counties: [{ bases: [{ status: 'suspended' }] }] });
  });

  it('a county bureau sees its own county only, and no city bases', () => {
    const coverage = baseCoverage(jurisdictionOf('450681'), [base('city', '450600'), base('gk', '450602')]);
    expect(coverage).toMatchObject({ covered: 0, total: 1, cityBases: [] });
  });

  it('lists two bases of one county under it, still one covered county', () => {
    const coverage = baseCoverage(jurisdictionOf('450600'), [base('a', '450621'), base('b', '450621')]);
    expect(coverage.counties.find((c) => c.region === '450621')?.bases).toHaveLength(2);
    expect(coverage.covered).toBe(1);
  });
});
