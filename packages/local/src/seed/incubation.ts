import {
  actingAs,
  addApplicationNote,
  admitApplication,
  declineApplication,
  recordApplication,
  submitApplication,
  transitionIncubation,
  type UseCaseContext,
} from '@shegong/core';
import {
  type IncubationAgreement,
  type IncubationTransition,
  type NewApplication,
  usccCheckCharacter,
} from '@shegong/domain';
import type { Store } from '@shegong/store';
import { DEMO_TENANTS, userOf } from './demo-data.ts';
import { SEED_PARTS } from './parts.ts';

/**
 * Seed part 'incubation-v1': 防城港市社会组织孵化基地's intake and its organisations, through the
 * same use cases the API calls (so each is audited in the base's trail): an application submitted
 * through the public link and waiting, with a review note; one declined; and five admitted
 * organisations, one in every stage — incubating (青苗, still to be registered: 未登记), mid-term
 * reviewed, extended, graduated, and left with its reason. Admission creates each as a tenant in
 * the base's region with its first administrator's invitation pending (admin@<domain>); the
 * operator reissues it from the base to get a link (the seed does not keep links).
 */

const BASE = DEMO_TENANTS.find((t) => t.domain === 'fcg-fuhua.demo')!;

/** The day the demo's dated steps are recorded as of (they must not lie in the future). */
const AS_OF = '2026-11-30';

function uscc(organisationCode: string): string {
  const first17 = `52${BASE.region}${organisationCode}`;
  return `${first17}${usccCheckCharacter(first17)}`;
}

const application = (
  name: string,
  domain: string,
  contact: string,
  registration: { uscc: string } | { toBeRegistered: true },
  extra: Partial<NewApplication> = {},
): NewApplication => ({
  name,
  kind: 'social_service_agency',
  founders: [{ name: contact, role: '发起人' }],
  contact: { name: contact, phone: '13907700000', email: `admin@${domain}` },
  serviceArea: '防城港市港口区',
  services: ['helping_needy', 'capacity_building'],
  ...('uscc' in registration ? { uscc: registration.uscc, toBeRegistered: false } : { toBeRegistered: true }),
  ...extra,
});

interface DemoIncubation {
  application: NewApplication;
  agreement: IncubationAgreement;
  steps: IncubationTransition[];
}

/** An organisation in every stage; the names are what the tenant list shows. */
export const DEMO_INCUBATIONS: readonly DemoIncubation[] = [
  {
    application: application('港口区青苗社会工作服务中心', 'qingmiao.demo', '黄青', { toBeRegistered: true }),
    agreement: { startDate: '2026-09-01', periodMonths: 12, mode: 'physical', space: 'A-203 工位' },
    steps: [],
  },
  {
    application: application('港口区启航社会工作服务中心', 'qihang.demo', '陈启航', { uscc: uscc('MJ6A2B3C4') }),
    agreement: { startDate: '2026-03-01', periodMonths: 18, mode: 'physical', space: 'B-105 办公室' },
    steps: [{ move: 'midterm_review', on: '2026-09-10', note: '中期评估通过：已完成 3 场社区活动，理事会运行规范' }],
  },
  {
    application: application(
      '防城区邻里互助服务社',
      'linli.demo',
      '韦丽',
      { toBeRegistered: true },
      {
        kind: 'community_organisation',
        serviceArea: '防城区水营街道',
        services: ['volunteer_management', 'resource_linking'],
      },
    ),
    agreement: { startDate: '2025-06-01', periodMonths: 12, mode: 'virtual' },
    steps: [{ move: 'extend', on: '2026-05-20', newEndDate: '2026-12-31', reason: '登记手续仍在办理中，延长孵化期' }],
  },
  {
    application: application(
      '东兴市海韵志愿服务中心',
      'haiyun.demo',
      '农海',
      { uscc: uscc('MJ6D5E6F7') },
      {
        serviceArea: '东兴市东兴镇',
        services: ['volunteer_management', 'emergency_rescue'],
      },
    ),
    agreement: { startDate: '2025-01-01', periodMonths: 12, mode: 'physical', space: 'A-118 工位' },
    steps: [
      { move: 'midterm_review', on: '2025-07-01', note: '中期评估良好' },
      { move: 'graduate', on: '2025-12-20', note: '各项指标达标，顺利出壳' },
    ],
  },
  {
    application: application(
      '上思县益行社会工作服务社',
      'yixing.demo',
      '梁益',
      { uscc: uscc('MJ6G8H9J1') },
      {
        serviceArea: '上思县思阳镇',
        services: ['social_integration'],
      },
    ),
    agreement: { startDate: '2025-09-01', periodMonths: 12, mode: 'virtual' },
    steps: [{ move: 'leave', on: '2026-04-15', reason: '发起人迁居南宁，机构转往南宁市登记，已完成资料交接' }],
  },
];

async function admitted(operator: UseCaseContext, demo: DemoIncubation): Promise<void> {
  const { application: recorded } = await recordApplication(operator, demo.application);
  const { incubation } = await admitApplication(
    operator,
    // The seed keeps no invitation link: the operator reissues one from the base.
    { publicBaseUrl: 'http://localhost' },
    recorded.id,
    { agreement: demo.agreement },
    recorded.version,
  );
  let version = incubation.version;
  for (const step of demo.steps) version = (await transitionIncubation(operator, incubation.id, step, version)).version;
}

SEED_PARTS.push({
  name: 'incubation-v1',
  async run(store: Store) {
    const operator = await actingAs(
      { store, today: () => AS_OF },
      { tenantId: BASE.id, userId: await userOf(store, `operator@${BASE.domain}`) },
    );
    for (const demo of DEMO_INCUBATIONS) await admitted(operator, demo);

    // Waiting for review: sent through the base's public link, with the operator's first note.
    const { receipt } = await submitApplication(
      { store },
      BASE.id,
      application(
        '企沙镇渔村妇女互助会',
        'yucun.demo',
        '何秀英',
        { toBeRegistered: true },
        {
          kind: 'community_organisation',
          serviceArea: '港口区企沙镇',
          services: ['rights_protection', 'capacity_building'],
        },
      ),
    );
    await addApplicationNote(operator, receipt.id, { text: '已电话联系发起人，约定下周实地走访' });

    const { application: declined } = await recordApplication(
      operator,
      application(
        '防城港市快乐成长托管中心',
        'kuaile.demo',
        '李乐',
        { toBeRegistered: true },
        {
          serviceArea: '防城港市港口区',
          services: ['helping_needy'],
        },
      ),
    );
    await declineApplication(
      operator,
      declined.id,
      { reason: '以营利性课后托管为主，不属于社会组织孵化范围' },
      declined.version,
    );
  },
});
