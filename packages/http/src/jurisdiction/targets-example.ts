import { targetsOverview } from '@shegong/core';
import type { BureauMap, TargetFacts } from '@shegong/domain';

/**
 * The example answer of the targets routes, worked out by the same code as a real one from a
 * small 港口区 map: a street with its station, an urban community with a certified worker posted
 * there and one without (the P-T2 and P-T7 lists name it), on 3 December 2026.
 */
const MAP: BureauMap = {
  city: '450600',
  townships: [{ code: '450602001', name: '渔洲坪街道', county: '450602', kind: 'street' }],
  communities: [
    { code: '450602001001', name: '渔洲坪社区', township: '450602001', kind: 'urban' },
    { code: '450602001002', name: '沙潭江社区', township: '450602001', kind: 'urban' },
  ],
  stations: [{ id: '0193a7c2-5a00-7c1d-8e2f-3a4b5c6d7e01', name: '渔洲坪街道社工站', township: '450602001' }],
  baseline: { year: 2022, city: 180, counties: { '450602': 1 } },
  bases: [],
};
const FACTS: TargetFacts = {
  incubationBases: [],
  organisations: [{ organisationId: 'org-yangguang', name: '阳光社工服务中心', region: '450602', registered: true }],
  staff: [
    {
      personId: 'person-1',
      organisationId: 'org-yangguang',
      certificates: [{ level: 'assistant', obtainedOn: '2023-06-30' }],
      education: { level: 'bachelor', socialWorkMajor: true },
    },
  ],
  postings: [{ personId: 'person-1', organisationId: 'org-yangguang', community: '450602001001', from: '2024-01-01' }],
};

/** 港口区 as its county's page (or a county bureau) sees it. */
export const TARGETS_EXAMPLE = targetsOverview({ map: MAP, facts: FACTS }, '450600', '2026-12-03', '450602');
