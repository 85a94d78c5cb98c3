import type { BureauMap, TargetFacts } from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import { mapHasPlaces, targetsOverview } from './overview.ts';

/**
 * A small city: 港口区 (450602) with one street and two communities, 东兴 (450681) with one township
 * and one village. One certified worker (p1, 2021) is posted in 渔洲坪社区; p2 (东兴, certified
 * 2024) is not posted anywhere.
 */
const MAP: BureauMap = {
  city: '450600',
  townships: [
    { code: '450602001', name: '渔洲坪街道', county: '450602', kind: 'street' },
    { code: '450681001', name: '东兴镇', county: '450681', kind: 'township' },
  ],
  communities: [
    { code: '450602001001', name: '渔洲坪社区', township: '450602001', kind: 'urban' },
    { code: '450602001002', name: '沙潭江社区', township: '450602001', kind: 'urban' },
    { code: '450681001201', name: '竹山村', township: '450681001', kind: 'rural' },
  ],
  stations: [{ id: 's1', name: '渔洲坪街道社工站', township: '450602001' }],
  baseline: { year: 2022, city: 3, counties: { '450602': 1 } },
  bases: [],
};
const none = { level: 'secondary', socialWorkMajor: false } as const;
const FACTS: TargetFacts = {
  incubationBases: [],
  organisations: [
    { organisationId: 'org-a', name: '港口区社工服务中心', region: '450602', registered: true },
    { organisationId: 'org-b', name: '东兴市社工服务社', region: '450681', registered: true },
  ],
  staff: [
    {
      personId: 'p1',
      organisationId: 'org-a',
      certificates: [{ level: 'assistant', obtainedOn: '2021-05-01' }],
      education: none,
    },
    {
      personId: 'p2',
      organisationId: 'org-b',
      certificates: [{ level: 'assistant', obtainedOn: '2024-09-01' }],
      education: none,
    },
  ],
  postings: [{ personId: 'p1', organisationId: 'org-a', community: '450602001001', from: '2024-01-01' }],
};
const inputs = { map: MAP, facts: FACTS };
const TODAY = '2026-12-03';

describe('targetsOverview', () => {
  it('a city bureau sees the city and every county of it, and the city’s certified series against its baseline', () => {
    const view = targetsOverview(inputs, '450600', TODAY);
    expect(view?.dashboard.scope).toBe('450600');
    expect(view?.hasPlaces).toBe(true);
    expect(view?.dashboard.counties.map((c) => c.county)).toEqual(['450602', '450603', '450621', '450681']);
    expect(view?.series).toMatchObject({ ruleId: 'P-T5', baseline: 3, goal: 6, baselineYear: 2022 });
    // 2022 … 2026: p1 from 2021, p2 from 2024.
    expect(view?.series.points.map((p) => [p.year, p.count])).toEqual([
      [2022, 1],
      [2023, 1],
      [2024, 2],
      [2025, 2],
      [2026, 2],
    ]);
    expect(view?.series.points.at(-1)?.asOf).toBe(TODAY);
  });

  it('a county bureau sees its own county only, its series counting its own organisations’ staff', () => {
    const view = targetsOverview(inputs, '450681', TODAY);
    expect(view?.dashboard.scope).toBe('450681');
    expect(view?.dashboard.counties.map((c) => c.county)).toEqual(['450681']);
    // No 东兴 baseline recorded: no goal, and P-T6 (city-wide) is not in a county's figures.
    expect(view?.series).toMatchObject({ baseline: null, goal: null });
    expect(view?.series.points.map((p) => p.count)).toEqual([0, 0, 1, 1, 1]);
    expect(view?.dashboard.figures.map((f) => f.ruleId)).not.toContain('P-T6');
  });

  it('a city bureau narrowed to one county sees that county, with its baseline', () => {
    const view = targetsOverview(inputs, '450600', TODAY, '450602');
    expect(view?.dashboard.scope).toBe('450602');
    expect(view?.series).toMatchObject({ baseline: 1, goal: 2 });
    const t7 = view?.dashboard.figures.find((f) => f.key === 'certifiedPosts');
    expect([t7?.value, t7?.goal, t7?.gaps.map((g) => g.name)]).toEqual([1, 2, ['沙潭江社区']]);
  });

  it('nothing for a county of another city, or another county than a county bureau’s own', () => {
    expect(targetsOverview(inputs, '450600', TODAY, '450102')).toBeUndefined();
    expect(targetsOverview(inputs, '450681', TODAY, '450602')).toBeUndefined();
    expect(targetsOverview(inputs, '450100', TODAY)).toBeUndefined();
  });
});

describe('mapHasPlaces', () => {
  it('is false for a map with no township and no community yet', () => {
    expect(mapHasPlaces(MAP)).toBe(true);
    expect(mapHasPlaces({ ...MAP, townships: [], communities: [] })).toBe(false);
  });
});
