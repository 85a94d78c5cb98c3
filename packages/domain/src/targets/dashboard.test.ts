import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countyView,
  type TargetFigure,
  TargetsDashboard,
  targetFigure,
  targetStatus,
  targetsDashboard,
  targetsView,
} from './dashboard.ts';
import type { BureauMap } from './map.ts';
import { FACTS, MAP, POSTINGS, post, staff } from './test-fixtures.ts';

const TODAY = '2026-06-30';
const pick = (figures: TargetFigure[], key: TargetFigure['key']) => figures.find((f) => f.key === key) as TargetFigure;
const countyOf = (county: string, map = MAP, facts = FACTS, today = TODAY) =>
  targetsDashboard(map, facts, today).counties.find((c) => c.county === county)?.figures ?? [];
const brief = (f: TargetFigure) => [f.ruleId, f.value, f.goal, f.deadlineYear, f.status];

describe('target status', () => {
  it('is met at the goal, not_met below it through 31 December of the deadline year, overdue after', () => {
    expect(targetStatus(2, 2, 2023, '2023-12-31')).toBe('met');
    expect(targetStatus(1, 2, 2023, '2023-12-31')).toBe('not_met');
    expect(targetStatus(1, 2, 2023, '2024-01-01')).toBe('overdue');
    // P-T7 has no deadline: never overdue.
    expect(targetStatus(0, 5, null, '2099-01-01')).toBe('not_met');
    // zero asked is met; no goal known is no_data.
    expect(targetStatus(0, 0, 2025, '2026-01-01')).toBe('met');
    expect(targetStatus(9, null, 2025, '2026-01-01')).toBe('no_data');
  });

  it('property: met exactly when value ≥ goal; overdue only after the deadline year', () => {
    fc.assert(
      fc.property(
        fc.nat(50),
        fc.nat(50),
        fc.option(fc.integer({ min: 2020, max: 2030 })),
        fc.integer({ min: 2020, max: 2030 }),
        (v, g, dl, y) => {
          const s = targetStatus(v, g, dl, `${y}-07-01`);
          expect(s === 'met').toBe(v >= g);
          if (s === 'overdue') expect(dl !== null && y > dl).toBe(true);
        },
      ),
    );
  });
});

describe('county 港口区 450602 on 2026-06-30', () => {
  const figures = countyOf('450602');

  it('P-T1: the county has an incubation base (bases/coverage.ts) → 1 of 1, met', () => {
    expect(brief(pick(figures, 'incubationBases'))).toEqual(['P-T1', 1, 1, 2025, 'met']);
  });

  it('P-T2: 渔洲坪社区 p1 (certificate) + p2 (bachelor, social-work major) = 2 of 2; 沙潭江社区 p3 (vocational major) = 0 of 2; 企沙村 p5 = 1 of 1 → 2 of 3, overdue (2025 passed)', () => {
    const f = pick(figures, 'professionals');
    expect(brief(f)).toEqual(['P-T2', 2, 3, 2025, 'overdue']);
    expect(f.gaps).toEqual([
      expect.objectContaining({
        code: '450602001002',
        have: 0,
        need: 2,
        message: 'urban community 沙潭江社区 has 0 of 2 professionals',
      }),
    ]);
  });

  it('P-T3: org-a is registered → met', () => {
    expect(brief(pick(figures, 'registeredOrganisations'))).toEqual(['P-T3', 1, 1, 2025, 'met']);
  });

  it('P-T4: 渔洲坪街道 has a station, 企沙镇 none → 1 of 2, overdue since 2024', () => {
    const f = pick(figures, 'stations');
    expect(brief(f)).toEqual(['P-T4', 1, 2, 2023, 'overdue']);
    expect(f.gaps.map((g) => g.message)).toEqual(['township 企沙镇 has no social-work station']);
  });

  it('P-T5: certified staff of the county’s organisations: p1 only (p5 works for a city-level one) = 1; goal 2 × 2 = 4', () => {
    expect(brief(pick(figures, 'certified'))).toEqual(['P-T5', 1, 4, 2025, 'overdue']);
  });

  it('P-T7: 渔洲坪社区 (p1) and 企沙村 (p5) have a certified worker, 沙潭江社区 none → 2 of 3, not_met (no deadline)', () => {
    const f = pick(figures, 'certifiedPosts');
    expect(brief(f)).toEqual(['P-T7', 2, 3, null, 'not_met']);
    expect(f.gaps.map((g) => g.code)).toEqual(['450602001002']);
  });
});

describe('county 东兴市 450681 on 2026-06-30', () => {
  const figures = countyOf('450681');

  it('P-T1: no base in the county (the city-level base covers none) → 0 of 1, overdue', () => {
    expect(brief(pick(figures, 'incubationBases'))).toEqual(['P-T1', 0, 1, 2025, 'overdue']);
  });

  it('P-T2: 东兴社区 has p4 (p6’s posting ended 2025-12-31) = 1 of 2; 竹山村 0 of 1 → 0 of 2', () => {
    const f = pick(figures, 'professionals');
    expect(brief(f)).toEqual(['P-T2', 0, 2, 2025, 'overdue']);
    expect(f.gaps.map((g) => g.message)).toEqual([
      'urban community 东兴社区 has 1 of 2 professionals',
      'rural community 竹山村 has 0 of 1 professionals',
    ]);
  });

  it('P-T3: org-b is 未登记, so it does not count, and the gap says so', () => {
    const f = pick(figures, 'registeredOrganisations');
    expect(brief(f)).toEqual(['P-T3', 0, 1, 2025, 'overdue']);
    expect(f.gaps[0]?.message).toBe(
      'county 450681 has 0 of 1 registered social-work service organisations (1 not registered, not counted)',
    );
  });

  it('P-T4: 东兴镇 has its station → met; P-T5: p4 certified but no county baseline → no_data', () => {
    expect(brief(pick(figures, 'stations'))).toEqual(['P-T4', 1, 1, 2023, 'met']);
    expect(brief(pick(figures, 'certified'))).toEqual(['P-T5', 1, null, 2025, 'no_data']);
  });

  it('P-T7: 竹山村 turns from missing to met when a certified worker is posted there', () => {
    const before = pick(figures, 'certifiedPosts');
    expect(brief(before)).toEqual(['P-T7', 1, 2, null, 'not_met']);
    expect(before.gaps.map((g) => g.name)).toEqual(['竹山村']);

    const facts = {
      ...FACTS,
      staff: [...FACTS.staff, staff('p7', 'org-b', '2025-03-01')],
      postings: [...FACTS.postings, post('p7', 'org-b', '450681001201', '2026-06-30')],
    };
    // The day before the posting starts, 竹山村 still lacks one.
    expect(pick(countyOf('450681', MAP, facts, '2026-06-29'), 'certifiedPosts').value).toBe(1);
    const after = countyOf('450681', MAP, facts);
    expect(brief(pick(after, 'certifiedPosts'))).toEqual(['P-T7', 2, 2, null, 'met']);
    expect(pick(after, 'certifiedPosts').gaps).toEqual([]);
    // p7 is also 竹山村's one professional (rural: 1 of 1), so only 东兴社区 is left under P-T2.
    expect(pick(after, 'professionals').gaps.map((g) => g.name)).toEqual(['东兴社区']);
  });

  it('certification is judged on the day: a worker posted before passing counts from the day the certificate was obtained', () => {
    const facts = {
      ...FACTS,
      staff: [...FACTS.staff, staff('p8', 'org-b', '2026-07-15')],
      postings: [...FACTS.postings, post('p8', 'org-b', '450681001201', '2026-01-01')],
    };
    expect(pick(countyOf('450681', MAP, facts, '2026-07-14'), 'certifiedPosts').value).toBe(1);
    expect(pick(countyOf('450681', MAP, facts, '2026-07-15'), 'certifiedPosts').value).toBe(2);
  });
});

describe('city-wide', () => {
  const city = targetsDashboard(MAP, FACTS, TODAY);

  it('lists the city’s four counties in code order, those without places as no_data', () => {
    expect(city.counties.map((c) => c.county)).toEqual(['450602', '450603', '450621', '450681']);
    expect(pick(city.counties[1]?.figures ?? [], 'professionals').status).toBe('no_data');
    expect(pick(city.counties[1]?.figures ?? [], 'professionals').gaps[0]?.message).toBe(
      'no communities of county 450603 in the map',
    );
  });

  it('sums the place targets over the counties, no_data while a county has no places', () => {
    // P-T2: 2 (港口区) + 0 + 0 + 0 (东兴市) of 3 + 0 + 0 + 2.
    expect(brief(pick(city.figures, 'professionals'))).toEqual(['P-T2', 2, 5, 2025, 'no_data']);
    // P-T1, P-T3 are per county, so every county has data: 1 of 4 each.
    expect(brief(pick(city.figures, 'incubationBases'))).toEqual(['P-T1', 1, 4, 2025, 'overdue']);
    expect(brief(pick(city.figures, 'registeredOrganisations'))).toEqual(['P-T3', 1, 4, 2025, 'overdue']);
  });

  it('P-T5 city-wide: p1, p4, p5 (city-level org included) = 3 of 2 × 3 = 6', () => {
    expect(brief(pick(city.figures, 'certified'))).toEqual(['P-T5', 3, 6, 2025, 'overdue']);
  });

  it('P-T6: 1 of 1 talent base (met), 1 of 2 internship bases (overdue)', () => {
    expect(brief(pick(city.figures, 'talentBases'))).toEqual(['P-T6', 1, 1, 2025, 'met']);
    const f = pick(city.figures, 'internshipBases');
    expect(brief(f)).toEqual(['P-T6', 1, 2, 2025, 'overdue']);
    expect(f.gaps[0]?.message).toBe('1 of 2 internship bases city-wide');
  });

  it('with places in every county the city sums are judged: P-T4 stations 1 + 0 + 0 + 1 = 2 of 2 + 1 + 1 + 1 = 5', () => {
    const map: BureauMap = {
      ...MAP,
      townships: [
        ...MAP.townships,
        { code: '450603100', name: '华石镇', county: '450603', kind: 'township' },
        { code: '450621100', name: '在妙镇', county: '450621', kind: 'township' },
      ],
    };
    expect(brief(pick(targetsDashboard(map, FACTS, TODAY).figures, 'stations'))).toEqual([
      'P-T4',
      2,
      5,
      2023,
      'overdue',
    ]);
  });

  it('before a base is recognised it does not count (P-T6 on 2023-12-31: 0 of 1 talent bases)', () => {
    expect(pick(targetsDashboard(MAP, FACTS, '2023-12-31').figures, 'talentBases').value).toBe(0);
  });
});

describe('views', () => {
  const city = targetsDashboard(MAP, FACTS, TODAY);

  it('a county bureau sees only its county, without the city-wide P-T6', () => {
    const view = countyView(city, '450681');
    expect(view?.scope).toBe('450681');
    expect(view?.counties.map((c) => c.county)).toEqual(['450681']);
    expect(view?.figures.map((f) => f.ruleId)).toEqual(['P-T1', 'P-T2', 'P-T3', 'P-T4', 'P-T5', 'P-T7']);
    expect(view?.figures.flatMap((f) => f.gaps).every((g) => g.county === '450681')).toBe(true);
  });

  it('the dashboard and its views conform to the schema the API will send', () => {
    expect(() => TargetsDashboard.parse(city)).not.toThrow();
    expect(() => TargetsDashboard.parse(countyView(city, '450602'))).not.toThrow();
    expect(targetFigure(city.figures, 'certified')?.ruleId).toBe('P-T5');
  });

  it('the city bureau sees the whole dashboard; a region outside it nothing', () => {
    expect(targetsView(city, '450600')).toBe(city);
    expect(targetsView(city, '450100')).toBeUndefined();
  });
});

describe('properties', () => {
  const people = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];

  it('a certificate obtained never lowers a figure (P-T2, P-T5, P-T7 only count up)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...people), fc.integer({ min: 2020, max: 2026 }), (who, year) => {
        const facts = {
          ...FACTS,
          staff: FACTS.staff.map((s) =>
            s.personId === who
              ? {
                  ...s,
                  certificates: [...s.certificates, { level: 'assistant' as const, obtainedOn: `${year}-01-01` }],
                }
              : s,
          ),
        };
        const before = targetsDashboard(MAP, FACTS, TODAY);
        const after = targetsDashboard(MAP, facts, TODAY);
        const values = (d: typeof before) =>
          [...d.figures, ...d.counties.flatMap((c) => c.figures)].map((f) => f.value);
        const was = values(before);
        for (const [i, v] of values(after).entries()) expect(v).toBeGreaterThanOrEqual(was[i] ?? 0);
      }),
      { numRuns: 30 },
    );
  });

  it('the city’s place figures are the sums of its counties’', () => {
    fc.assert(
      fc.property(
        fc.subarray(POSTINGS),
        fc.constantFrom('2023-12-31', '2025-06-30', '2026-06-30'),
        (postings, today) => {
          const d = targetsDashboard(MAP, { ...FACTS, postings }, today);
          for (const key of [
            'incubationBases',
            'professionals',
            'registeredOrganisations',
            'stations',
            'certifiedPosts',
          ] as const)
            expect(pick(d.figures, key).value).toBe(d.counties.reduce((s, c) => s + pick(c.figures, key).value, 0));
        },
      ),
      { numRuns: 30 },
    );
  });
});
