import {
  BureauMap,
  COMMUNITY_COLUMNS,
  parseMapRows,
  type TargetFacts,
  TOWNSHIP_COLUMNS,
  targetFigure,
  targetsDashboard,
} from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import {
  DEMO_BASELINE,
  DEMO_CITY,
  DEMO_COMMUNITIES,
  DEMO_POSTINGS,
  DEMO_STATIONS,
  DEMO_TARGET_BASES,
  DEMO_TOWNSHIP_WITHOUT_STATION,
  DEMO_TOWNSHIPS,
} from './demo-map.ts';
import { DEMO_PEOPLE, DEMO_TODAY } from './demo-people.ts';

const MAP: BureauMap = {
  city: DEMO_CITY,
  townships: [...DEMO_TOWNSHIPS],
  communities: [...DEMO_COMMUNITIES],
  stations: [...DEMO_STATIONS],
  baseline: DEMO_BASELINE,
  bases: [...DEMO_TARGET_BASES],
};

const FACTS: TargetFacts = {
  incubationBases: [],
  organisations: DEMO_PEOPLE.map(({ tenant }) => ({
    organisationId: tenant.id,
    name: tenant.name,
    region: tenant.region,
    registered: true,
  })),
  staff: DEMO_PEOPLE.flatMap(({ tenant, people }) =>
    people.map((p) => ({
      personId: p.id,
      organisationId: tenant.id,
      certificates: p.input.certificates.map((c) => ({ level: c.level, obtainedOn: c.obtainedOn })),
      education: p.input.education,
    })),
  ),
  postings: DEMO_POSTINGS,
};

describe('the demo map (illustrative)', () => {
  it('is a valid map of the four counties, as an import of its rows would read it', () => {
    expect(() => BureauMap.parse(MAP)).not.toThrow();
    const T = TOWNSHIP_COLUMNS;
    const C = COMMUNITY_COLUMNS;
    const parsed = parseMapRows(
      {
        townships: DEMO_TOWNSHIPS.map((t, i) => ({
          row: i + 2,
          cells: { [T.code]: t.code, [T.name]: t.name, [T.county]: t.county, [T.kind]: t.kind },
        })),
        communities: DEMO_COMMUNITIES.map((c, i) => ({
          row: i + 2,
          cells: { [C.code]: c.code, [C.name]: c.name, [C.township]: c.township, [C.kind]: c.kind },
        })),
      },
      ['450602', '450603', '450621', '450681'],
    );
    expect(parsed.ok).toBe(true);
    expect(new Set(DEMO_TOWNSHIPS.map((t) => t.county))).toEqual(new Set(['450602', '450603', '450621', '450681']));
    expect(new Set(DEMO_COMMUNITIES.map((c) => c.kind))).toEqual(new Set(['urban', 'rural']));
  });

  it('leaves exactly one township without a station (P-T4 shows a gap) and P-T6 one internship base short', () => {
    const dashboard = targetsDashboard(MAP, FACTS, DEMO_TODAY);
    const stations = targetFigure(dashboard.figures, 'stations')!;
    expect(stations.gaps.map((g) => g.code)).toEqual([DEMO_TOWNSHIP_WITHOUT_STATION]);
    expect(targetFigure(dashboard.figures, 'talentBases')!.status).toBe('met');
    expect(targetFigure(dashboard.figures, 'internshipBases')!.value).toBe(1);
  });

  it('posts the demo staff so that some communities are met and most are not (P-T2, P-T7)', () => {
    const dashboard = targetsDashboard(MAP, FACTS, DEMO_TODAY);
    const posts = targetFigure(dashboard.figures, 'certifiedPosts')!;
    const professionals = targetFigure(dashboard.figures, 'professionals')!;
    // 渔洲坪社区, 金花茶社区, 山新村, 东兴社区, 竹山村 hold a certified worker; 企沙社区's posting ended.
    expect(posts.value).toBe(5);
    expect(posts.goal).toBe(DEMO_COMMUNITIES.length);
    expect(professionals.value).toBeGreaterThanOrEqual(4);
    expect(professionals.value).toBeLessThan(posts.value + 2);
    const county = dashboard.counties.find((c) => c.county === '450602')!;
    expect(targetFigure(county.figures, 'certifiedPosts')!.gaps.map((g) => g.name)).toContain('企沙社区');
  });

  it('names each posted person once per community and only demo people', () => {
    const ids = new Set(DEMO_PEOPLE.flatMap(({ people }) => people.map((p) => p.id)));
    expect(DEMO_POSTINGS.every((p) => ids.has(p.personId))).toBe(true);
    expect(new Set(DEMO_POSTINGS.map((p) => p.personId)).size).toBe(DEMO_POSTINGS.length);
    expect(new Set(DEMO_POSTINGS.map((p) => p.id)).size).toBe(DEMO_POSTINGS.length);
  });
});
