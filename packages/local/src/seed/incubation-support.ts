import {
  actingAs,
  getIncubationTemplate,
  listIncubations,
  markMilestone,
  recordSupport,
  saveIncubationTemplate,
  type UseCaseContext,
} from '@shegong/core';
import { DEFAULT_TEMPLATE, type NewSupport } from '@shegong/domain';
import type { Store } from '@shegong/store';
import { userOf } from './demo-data.ts';
import { DEMO_BASE } from './incubation-template.ts';
import { SEED_PARTS } from './parts.ts';
// After the records it is about.
import './incubation.ts';

/**
 * Seed part 'incubation-support-v1', after 'incubation-v1': the support 防城港市社会组织孵化基地 gave
 * its open records (trainings attended by several organisations, mentoring, a small activity
 * subsidy, registration help) and their milestones, through the same use cases as the API; then
 * the base saves the default criteria. 港口区启航 (mid-term reviewed, registered, 9 h of training,
 * governance and financial system done) meets every criterion but the 12 months (it started on
 * 2026-03-01); 东兴市海韵 graduated in 2025 under the criteria then in force (part
 * incubation-template-v1), which it met; 青苗 and 邻里 are on their way.
 */

/** The day the demo's entries are recorded as of (they must not lie in the future). */
const AS_OF = '2026-11-30';

const NAMES = {
  qingmiao: '港口区青苗社会工作服务中心',
  qihang: '港口区启航社会工作服务中心',
  linli: '防城区邻里互助服务社',
} as const;
type Demo = keyof typeof NAMES;

/** What each demo organisation received, on its own record; a training names who else attended. */
const SUPPORT: readonly { on: Demo; support: NewSupport; with?: Demo[] }[] = [
  {
    on: 'qihang',
    support: { kind: 'training', on: '2026-04-15', title: '社会组织财务管理入门', tenthHours: 35 },
    with: ['linli'],
  },
  { on: 'qihang', support: { kind: 'training', on: '2026-06-18', title: '公益项目设计与预算编制', tenthHours: 25 } },
  {
    on: 'qingmiao',
    support: { kind: 'training', on: '2026-10-15', title: '社会组织登记注册实务', tenthHours: 30 },
    with: ['qihang', 'linli'],
  },
  {
    on: 'qihang',
    support: {
      kind: 'mentoring',
      on: '2026-05-12',
      mentor: '李敏（督导）',
      topic: '理事会议事规则修订',
      tenthHours: 20,
    },
  },
  {
    on: 'qihang',
    support: { kind: 'mentoring', on: '2026-08-20', mentor: '李敏（督导）', topic: '中期评估材料准备', tenthHours: 15 },
  },
  {
    on: 'qihang',
    support: {
      kind: 'subsidy',
      on: '2026-06-01',
      scheme: 'small_activity',
      purpose: '白沙万街道长者中秋游园活动',
      amount: 300000,
    },
  },
  {
    on: 'linli',
    support: { kind: 'mentoring', on: '2026-07-08', mentor: '黄海燕', topic: '志愿者招募与管理', tenthHours: 20 },
  },
  {
    on: 'linli',
    support: {
      kind: 'registration_help',
      on: '2026-05-10',
      what: '协助补充业务主管单位意见，陪同到区民政局递交登记材料',
    },
  },
  {
    on: 'qingmiao',
    support: { kind: 'registration_help', on: '2026-10-20', what: '协助起草章程，核对登记申请表和住所证明' },
  },
  {
    on: 'qingmiao',
    support: {
      kind: 'mentoring',
      on: '2026-11-05',
      mentor: '李敏（督导）',
      topic: '服务定位与首年计划',
      tenthHours: 15,
    },
  },
];

/** Milestones done, with the base's evidence notes. */
const MILESTONES: readonly { on: Demo; id: string; day: string; evidence: string }[] = [
  { on: 'qihang', id: 'registered', day: '2026-02-20', evidence: '登记证书（统一社会信用代码已记录）' },
  { on: 'qihang', id: 'governance', day: '2026-05-20', evidence: '理事会审议通过章程及议事规则，会议纪要存档' },
  { on: 'qihang', id: 'financial_system', day: '2026-07-01', evidence: '财务管理制度经理事会通过，已聘兼职会计' },
  { on: 'qihang', id: 'first_certified', day: '2026-10-10', evidence: '陈启航取得助理社会工作师证书' },
  { on: 'linli', id: 'governance', day: '2026-04-30', evidence: '章程草案及志愿者管理办法已定稿' },
];

SEED_PARTS.push({
  name: 'incubation-support-v1',
  async run(store: Store) {
    const operator: UseCaseContext = await actingAs(
      { store, today: () => AS_OF },
      { tenantId: DEMO_BASE.id, userId: await userOf(store, `operator@${DEMO_BASE.domain}`) },
    );
    const records = (await listIncubations(operator, {}, { limit: 100 })).items;
    const id = (demo: Demo) => records.find((r) => r.organisationName === NAMES[demo])!.id;
    for (const entry of SUPPORT) {
      const alsoAttended = (entry.with ?? []).map(id);
      const support =
        entry.support.kind === 'training' && alsoAttended.length ? { ...entry.support, alsoAttended } : entry.support;
      await recordSupport(operator, id(entry.on), support);
    }
    const versions = new Map<string, number>();
    for (const done of MILESTONES) {
      const organisationId = id(done.on);
      const marked = await markMilestone(
        operator,
        organisationId,
        done.id,
        { on: done.day, evidence: done.evidence },
        versions.get(organisationId) ?? 0,
      );
      versions.set(organisationId, marked.version);
    }
    const template = await getIncubationTemplate(operator);
    await saveIncubationTemplate(operator, DEFAULT_TEMPLATE, template.version);
  },
});
