import type { IncubationBase } from '../bases/coverage.ts';
import type { TargetFacts } from './dashboard.ts';
import type { BureauMap, Posting, TargetStaff } from './map.ts';

/**
 * A small map for the targets' tests: 2 counties (港口区 450602, 东兴市 450681), 3 townships,
 * 5 communities. The city's other two counties (450603, 450621) hold nothing, so the city-wide
 * figures counted per place are no_data until withOtherCounties fills them.
 */
export const MAP: BureauMap = {
  city: '450600',
  townships: [
    { code: '450602001', name: '渔洲坪街道', county: '450602', kind: 'street' },
    { code: '450602100', name: '企沙镇', county: '450602', kind: 'township' },
    { code: '450681001', name: '东兴镇', county: '450681', kind: 'township' },
  ],
  communities: [
    { code: '450602001001', name: '渔洲坪社区', township: '450602001', kind: 'urban' },
    { code: '450602001002', name: '沙潭江社区', township: '450602001', kind: 'urban' },
    { code: '450602100201', name: '企沙村', township: '450602100', kind: 'rural' },
    { code: '450681001001', name: '东兴社区', township: '450681001', kind: 'urban' },
    { code: '450681001201', name: '竹山村', township: '450681001', kind: 'rural' },
  ],
  stations: [
    { id: 's1', name: '渔洲坪街道社工站', township: '450602001', openedOn: '2023-06-01' },
    { id: 's3', name: '东兴镇社工站', township: '450681001', openedOn: '2024-03-01' },
  ],
  baseline: { year: 2022, city: 3, counties: { '450602': 2 } },
  bases: [
    { id: 'tb', kind: 'talent', name: '防城港市社会工作人才培育基地', region: '450600', recognisedOn: '2024-01-01' },
    { id: 'ib', kind: 'internship', name: '港口区社会工作实习基地', region: '450602', recognisedOn: '2024-01-01' },
  ],
};

const none = { level: 'secondary', socialWorkMajor: false } as const;
export const staff = (
  personId: string,
  organisationId: string,
  certifiedOn?: string,
  education: TargetStaff['education'] = none,
): TargetStaff => ({
  personId,
  organisationId,
  certificates: certifiedOn ? [{ level: 'assistant', obtainedOn: certifiedOn }] : [],
  education,
});

export const STAFF: TargetStaff[] = [
  staff('p1', 'org-a', '2021-05-01'),
  staff('p2', 'org-a', undefined, { level: 'bachelor', socialWorkMajor: true }),
  staff('p3', 'org-a', undefined, { level: 'vocational', socialWorkMajor: true }),
  staff('p4', 'org-b', '2024-09-01'),
  staff('p5', 'org-c', '2023-07-01'),
  staff('p6', 'org-a'),
];

export const post = (
  personId: string,
  organisationId: string,
  community: string,
  from: string,
  until?: string,
): Posting => ({
  personId,
  organisationId,
  community,
  from,
  ...(until ? { until } : {}),
});

export const POSTINGS: Posting[] = [
  post('p1', 'org-a', '450602001001', '2024-01-01'),
  post('p2', 'org-a', '450602001001', '2024-01-01'),
  post('p3', 'org-a', '450602001002', '2024-01-01'),
  post('p4', 'org-b', '450681001001', '2025-01-01'),
  post('p5', 'org-c', '450602100201', '2023-01-01'),
  post('p6', 'org-a', '450681001001', '2024-01-01', '2025-12-31'),
];

const incubationBase = (tenantId: string, region: string): IncubationBase => ({
  tenantId,
  name: `孵化基地 ${tenantId}`,
  region,
  status: 'active',
  createdAt: '2024-01-01T00:00:00.000Z',
});

export const FACTS: TargetFacts = {
  incubationBases: [incubationBase('base-gk', '450602'), incubationBase('base-city', '450600')],
  organisations: [
    { organisationId: 'org-a', name: '港口区社工服务中心', region: '450602', registered: true },
    { organisationId: 'org-b', name: '东兴市社工服务社', region: '450681', registered: false },
    { organisationId: 'org-c', name: '防城港市社工协会', region: '450600', registered: true },
  ],
  staff: STAFF,
  postings: POSTINGS,
};
