import {
  addDays,
  addMonths,
  type BudgetItem,
  type BudgetLines,
  type ContractDraft,
  type ContractPost,
  type ContractStatus,
  DONGXING_2026,
  FANGCHENGGANG_2023_V2,
  linesForValue,
  type Milestone,
  type NamedPerson,
  priceFloor,
  type RuleSetParameters,
  resolveNamedPosts,
  roundHalfUp,
  type Service,
} from '@shegong/domain';
import { DEMO_TENANTS, type DemoTenant } from './demo-data.ts';
import { DEMO_PEOPLE, type DemoPerson } from './demo-people.ts';

/**
 * The demo organisations' purchase contracts: each organisation has contracts in every state,
 * one whose budget breaks the labour-share minimum (P-W2), one priced below its floor, and a
 * running one with months of actuals. Values are built from the price floor of their own staffing
 * plan under the rule set the contract will be costed with, so they show what they are meant to
 * whatever the illustrative rule sets say (demo-contracts.test.ts checks each one).
 */

/** What a demo contract is made to show. */
export type DemoShape = 'compliant' | 'labour-share-broken' | 'below-price-floor';

export interface DemoAmendment {
  reason: string;
  effectiveDate: string;
  /** The changed draft, built from the first one. */
  change: (draft: ContractDraft) => ContractDraft;
}

export interface DemoContract {
  tenant: DemoTenant;
  shape: DemoShape;
  /**
   * The status it ends in, with the date of each step on the way; an `approved` step is the
   * reviewing bureau's decision (seeded as its reviewer), not the organisation's own move.
   */
  status: ContractStatus;
  steps: { to: ContractStatus; date: string }[];
  draft: ContractDraft;
  amendment?: DemoAmendment;
  /** Months of actuals to record (running contracts). */
  actualMonths?: string[];
}

const tenant = (domain: string): DemoTenant => {
  const t = DEMO_TENANTS.find((x) => x.domain === domain);
  if (!t) throw new Error(`no demo tenant ${domain}`);
  return t;
};
const YANGGUANG = tenant('yangguang.demo');
const TONGXIN = tenant('tongxin.demo');

const peopleOf = (t: DemoTenant): readonly DemoPerson[] => {
  const found = DEMO_PEOPLE.find((o) => o.tenant.id === t.id);
  if (!found) throw new Error(`no demo people for ${t.domain}`);
  return found.people;
};

/** The staff a post can name: paid at least the floor, not on establishment (P-W1), by level. */
function staffBy(t: DemoTenant, level: DemoPerson['plan']['level'], skip = 0): DemoPerson {
  const eligible = peopleOf(t).filter(
    (p) => p.plan.level === level && !p.plan.belowFloor && (p.plan.employmentType ?? 'contract') === 'contract',
  );
  const person = eligible[skip];
  if (!person) throw new Error(`no eligible ${level} #${skip} in ${t.domain}`);
  return person;
}

export const namedPeople = (t: DemoTenant): Map<string, NamedPerson> =>
  new Map(peopleOf(t).map((p) => [p.id, { id: p.id, ...p.input }]));

/** The rule set each organisation's contracts are costed with (its purchaser's region). */
export const demoRulesOf = (t: DemoTenant): RuleSetParameters =>
  t.id === TONGXIN.id ? DONGXING_2026.parameters : FANGCHENGGANG_2023_V2.parameters;

const yuan = (amount: number) => Math.round(amount * 100);

interface PlanShape {
  posts: ContractPost[];
  supervision: number;
  items: BudgetItem[];
  other: number;
  /** Management share asked for, bp. */
  managementShare: number;
}

const sumItems = (items: readonly BudgetItem[], line: BudgetItem['line']) =>
  items.filter((i) => i.line === line).reduce((s, i) => s + i.unitPrice * i.quantity, 0);

/**
 * The value and lines of a demo contract. Compliant: the price floor rounded up to ¥1,000, lines
 * derived as COSTING.md derives them (the surplus falls to personnel). Below the floor: ¥30,000
 * under it, same derivation, so personnel no longer covers the labour cost. Labour share broken:
 * above the floor, but the personnel line cut to 62 % of the value and the rest put in activities.
 */
function budgetFor(
  shape: DemoShape,
  plan: PlanShape,
  start: string,
  t: DemoTenant,
): { value: number; lines: BudgetLines; items: BudgetItem[] } {
  const rules = demoRulesOf(t);
  const { posts } = resolveNamedPosts(plan.posts, namedPeople(t), start);
  const fixed = { supervision: plan.supervision, activities: sumItems(plan.items, 'activities'), other: plan.other };
  const floor = priceFloor({ posts, fixed, managementShare: plan.managementShare, rules });
  if (!floor.feasible) throw new Error(floor.message);
  const roundUp = (v: number) => Math.ceil(v / yuan(1000)) * yuan(1000);
  if (shape !== 'labour-share-broken') {
    const value = shape === 'compliant' ? roundUp(floor.value) : roundUp(floor.value) - yuan(30_000);
    const { lines } = linesForValue(value, floor.labourCost, fixed, plan.managementShare, rules);
    return { value, lines, items: plan.items };
  }
  const value = roundUp(floor.value * 1.25);
  const { lines } = linesForValue(value, floor.labourCost, fixed, plan.managementShare, rules);
  const personnel = roundHalfUp(value * 6200, 10_000);
  // The cut goes to activities as one more itemised row, so the itemised line still adds up.
  const moved = lines.personnel - personnel;
  const items: BudgetItem[] = [
    ...plan.items,
    { line: 'activities', category: '大型社区活动', unitPrice: moved, unit: '项', quantity: 1, note: '外包活动执行' },
  ];
  return { value, lines: { ...lines, personnel, activities: lines.activities + moved }, items };
}

/** Milestones of N-3: 40 % on signing, 30 % after the mid-term review, the rest after the final one. */
function milestones(value: number, start: string, mid: string, end: string): Milestone[] {
  const first = roundHalfUp(value * 40, 100);
  const second = roundHalfUp(value * 30, 100);
  return [
    { name: '首期款', dueDate: start, amount: first, condition: '合同签订后' },
    { name: '中期款', dueDate: mid, amount: second, condition: '中期评估合格' },
    { name: '尾款', dueDate: end, amount: value - first - second, condition: '末期评估合格' },
  ];
}

/**
 * An amendment's milestones: the first, paid on signing, stays as it was; the increase of the value
 * is split between the two still to come (half each, the odd fen to the last).
 */
function afterFirstPaid(before: ContractDraft, value: number): Milestone[] {
  const [first, second, last] = before.terms.milestones as [Milestone, Milestone, Milestone];
  const increase = value - before.terms.value;
  const half = Math.floor(increase / 2);
  return [first, { ...second, amount: second.amount + half }, { ...last, amount: last.amount + increase - half }];
}

interface ContractSpec {
  tenant: DemoTenant;
  shape: DemoShape;
  purchaser: { name: string; region: string };
  number: string;
  title: string;
  services: Service[];
  serviceArea: string;
  startDate: string;
  endDate: string;
  midDate: string;
  stableRecurring?: boolean;
  plan: PlanShape;
  deliverables: ContractDraft['terms']['deliverables'];
}

function draftOf(spec: ContractSpec): ContractDraft {
  const { value, lines, items } = budgetFor(spec.shape, spec.plan, spec.startDate, spec.tenant);
  return {
    terms: {
      purchaser: spec.purchaser,
      number: spec.number,
      title: spec.title,
      services: spec.services,
      serviceArea: spec.serviceArea,
      startDate: spec.startDate,
      endDate: spec.endDate,
      stableRecurring: spec.stableRecurring ?? false,
      value,
      deliverables: spec.deliverables,
      milestones: milestones(value, spec.startDate, spec.midDate, spec.endDate),
    },
    plan: { posts: spec.plan.posts, lines, items },
  };
}

const post = (
  title: string,
  role: ContractPost['role'],
  certLevel: ContractPost['certLevel'],
  months: number,
  person?: DemoPerson,
  ftePercent = 100,
): ContractPost => ({ title, role, certLevel, ftePercent, months, ...(person ? { personId: person.id } : {}) });

const item = (
  line: BudgetItem['line'],
  category: string,
  unitPrice: number,
  unit: string,
  quantity: number,
  note?: string,
): BudgetItem => ({ line, category, unitPrice: yuan(unitPrice), unit, quantity, ...(note ? { note } : {}) });

const FCG_BUREAU = { name: '防城港市民政局', region: '450600' };
const DX_BUREAU = { name: '东兴市民政局', region: '450681' };

const yg = (level: DemoPerson['plan']['level'], skip = 0) => staffBy(YANGGUANG, level, skip);
const tx = (level: DemoPerson['plan']['level'], skip = 0) => staffBy(TONGXIN, level, skip);

const COMMUNITY_DELIVERABLES = [
  { name: '个案服务', indicator: '个案数', target: 40, unit: '个' },
  { name: '小组活动', indicator: '小组节数', target: 48, unit: '节' },
  { name: '社区活动', indicator: '服务人次', target: 3000, unit: '人次' },
];

const months = (from: string, count: number): string[] => {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let i = 0; i < count; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
};

export const DEMO_CONTRACTS: readonly DemoContract[] = [
  {
    tenant: YANGGUANG,
    shape: 'compliant',
    status: 'running',
    steps: [
      { to: 'submitted', date: '2025-12-05' },
      { to: 'approved', date: '2025-12-20' },
      { to: 'signed', date: '2025-12-20' },
      { to: 'running', date: '2026-01-01' },
    ],
    draft: draftOf({
      tenant: YANGGUANG,
      shape: 'compliant',
      purchaser: FCG_BUREAU,
      number: 'FCGMZ-GM-2026-017',
      title: '港口区社区社会工作服务项目（2026年度）',
      services: ['helping_needy', 'resource_linking', 'social_integration', 'volunteer_management'],
      serviceArea: '港口区渔洲坪街道、白沙万街道',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      midDate: '2026-07-15',
      deliverables: COMMUNITY_DELIVERABLES,
      plan: {
        posts: [
          post('项目主管', 'project_lead', 'senior', 12, yg('senior')),
          post('一线社工', 'frontline', 'social_worker', 12, yg('social_worker')),
          post('一线社工', 'frontline', 'assistant', 12, yg('assistant')),
          post('一线社工', 'frontline', 'assistant', 12, yg('assistant', 1)),
          post('外聘督导', 'supervisor', 'senior', 12, undefined, 20),
        ],
        supervision: yuan(12_000),
        items: [
          item('activities', '社区活动物料', 2_000, '场', 12, '每月一场'),
          item('activities', '小组活动物料', 300, '节', 48),
          item('activities', '志愿者保险与补贴', 50, '人次', 200),
        ],
        other: yuan(6_000),
        managementShare: 800,
      },
    }),
    amendment: {
      reason: '应购买主体要求，自7月起增加一名一线社工，服务范围扩展至沙潭江街道；合同金额相应增加。',
      effectiveDate: '2026-07-01',
      change: (draft) => {
        const amended = draftOf({
          tenant: YANGGUANG,
          shape: 'compliant',
          purchaser: FCG_BUREAU,
          number: draft.terms.number,
          title: draft.terms.title,
          services: draft.terms.services,
          serviceArea: `${draft.terms.serviceArea}、沙潭江街道`,
          startDate: draft.terms.startDate,
          endDate: draft.terms.endDate,
          midDate: '2026-07-15',
          deliverables: draft.terms.deliverables,
          plan: {
            posts: [...draft.plan.posts, post('一线社工（新增）', 'frontline', 'assistant', 6, yg('assistant', 2))],
            supervision: yuan(12_000),
            items: draft.plan.items,
            other: yuan(6_000),
            managementShare: 800,
          },
        });
        return { ...amended, terms: { ...amended.terms, milestones: afterFirstPaid(draft, amended.terms.value) } };
      },
    },
    actualMonths: months('2026-01', 10),
  },
  {
    tenant: YANGGUANG,
    shape: 'labour-share-broken',
    status: 'signed',
    steps: [
      { to: 'submitted', date: '2026-10-20' },
      { to: 'approved', date: '2026-11-10' },
      { to: 'signed', date: '2026-11-10' },
    ],
    draft: draftOf({
      tenant: YANGGUANG,
      shape: 'labour-share-broken',
      purchaser: FCG_BUREAU,
      number: 'FCGMZ-GM-2026-041',
      title: '港口区困境儿童关爱服务项目',
      services: ['helping_needy', 'emotional_counselling', 'rights_protection'],
      serviceArea: '港口区',
      startDate: '2026-12-01',
      endDate: '2027-11-30',
      midDate: '2027-06-15',
      deliverables: [
        { name: '困境儿童建档', indicator: '建档人数', target: 120, unit: '人' },
        { name: '家访', indicator: '家访次数', target: 360, unit: '次' },
      ],
      plan: {
        posts: [
          post('项目主管', 'project_lead', 'social_worker', 12, yg('social_worker', 1)),
          post('一线社工', 'frontline', 'assistant', 12, yg('assistant', 3)),
        ],
        supervision: yuan(6_000),
        items: [item('activities', '儿童成长营', 8_000, '期', 2)],
        other: yuan(3_000),
        managementShare: 1000,
      },
    }),
  },
  {
    tenant: YANGGUANG,
    shape: 'below-price-floor',
    status: 'draft',
    steps: [],
    draft: draftOf({
      tenant: YANGGUANG,
      shape: 'below-price-floor',
      purchaser: FCG_BUREAU,
      number: 'GKQ-YG-2027-草-01',
      title: '港口区长者助餐与关爱服务（2027年度，投标测算）',
      services: ['helping_needy', 'psychological_comfort', 'resource_linking'],
      serviceArea: '港口区光坡镇',
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      midDate: '2027-07-15',
      deliverables: [{ name: '长者探访', indicator: '探访人次', target: 2400, unit: '人次' }],
      plan: {
        posts: [
          post('项目主管', 'project_lead', 'social_worker', 12),
          post('一线社工', 'frontline', 'assistant', 12),
          post('一线社工', 'frontline', 'assistant', 12),
        ],
        supervision: yuan(8_000),
        items: [item('activities', '长者生日会', 1_500, '场', 12)],
        other: yuan(4_000),
        managementShare: 800,
      },
    }),
  },
  {
    tenant: YANGGUANG,
    shape: 'compliant',
    status: 'closed',
    steps: [
      { to: 'submitted', date: '2024-12-02' },
      { to: 'approved', date: '2024-12-18' },
      { to: 'signed', date: '2024-12-18' },
      { to: 'running', date: '2025-01-01' },
      { to: 'closed', date: '2026-01-20' },
    ],
    draft: draftOf({
      tenant: YANGGUANG,
      shape: 'compliant',
      purchaser: FCG_BUREAU,
      number: 'FCGMZ-GM-2025-009',
      title: '港口区社区矫正社会工作服务（2025年度）',
      services: ['behaviour_correction', 'social_integration'],
      serviceArea: '港口区',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
      midDate: '2025-07-15',
      deliverables: [{ name: '社区矫正对象服务', indicator: '服务对象数', target: 60, unit: '人' }],
      plan: {
        posts: [post('一线社工', 'frontline', 'social_worker', 12, yg('social_worker', 1))],
        supervision: yuan(4_000),
        items: [item('activities', '法治教育小组', 500, '节', 12)],
        other: yuan(2_000),
        managementShare: 800,
      },
    }),
  },
  {
    tenant: YANGGUANG,
    shape: 'compliant',
    status: 'submitted',
    steps: [{ to: 'submitted', date: '2026-11-18' }],
    draft: draftOf({
      tenant: YANGGUANG,
      shape: 'compliant',
      purchaser: FCG_BUREAU,
      number: 'FCGMZ-GM-2027-003',
      title: '港口区禁毒社会工作服务项目（2027—2028年度）',
      services: ['behaviour_correction', 'crisis_intervention', 'capacity_building'],
      serviceArea: '港口区',
      startDate: '2027-01-01',
      endDate: '2028-12-31',
      midDate: '2027-12-15',
      stableRecurring: true,
      deliverables: [{ name: '社区戒毒康复人员服务', indicator: '服务对象数', target: 80, unit: '人' }],
      plan: {
        posts: [post('项目主管', 'project_lead', 'social_worker', 24), post('一线社工', 'frontline', 'assistant', 24)],
        supervision: yuan(10_000),
        items: [item('activities', '禁毒宣传活动', 1_200, '场', 24)],
        other: yuan(4_000),
        managementShare: 900,
      },
    }),
  },
  {
    tenant: TONGXIN,
    shape: 'compliant',
    status: 'running',
    steps: [
      { to: 'submitted', date: '2026-02-05' },
      { to: 'approved', date: '2026-02-20' },
      { to: 'signed', date: '2026-02-20' },
      { to: 'running', date: '2026-03-01' },
    ],
    draft: draftOf({
      tenant: TONGXIN,
      shape: 'compliant',
      purchaser: DX_BUREAU,
      number: 'DXMZ-2026-008',
      title: '东兴市边境社区社工站项目',
      services: ['helping_needy', 'conflict_resolution', 'social_integration', 'resource_linking'],
      serviceArea: '东兴市东兴镇、江平镇',
      startDate: '2026-03-01',
      endDate: '2027-02-28',
      midDate: '2026-09-15',
      deliverables: COMMUNITY_DELIVERABLES,
      plan: {
        posts: [
          post('站长', 'project_lead', 'social_worker', 12, tx('social_worker')),
          post('一线社工', 'frontline', 'assistant', 12, tx('assistant')),
          post('一线社工', 'frontline', 'assistant', 12, tx('assistant', 1)),
          post('行政支持', 'support', 'none', 12, tx('none'), 50),
        ],
        supervision: yuan(9_000),
        items: [
          item('activities', '边民互助活动', 1_800, '场', 12),
          item('activities', '跨境婚姻家庭小组', 400, '节', 24),
        ],
        other: yuan(5_000),
        managementShare: 800,
      },
    }),
    actualMonths: months('2026-03', 8),
  },
  {
    tenant: TONGXIN,
    shape: 'labour-share-broken',
    status: 'draft',
    steps: [],
    draft: draftOf({
      tenant: TONGXIN,
      shape: 'labour-share-broken',
      purchaser: DX_BUREAU,
      number: 'DX-TX-2027-草-02',
      title: '东兴市流动儿童关爱项目（2027年度）',
      services: ['helping_needy', 'emotional_counselling'],
      serviceArea: '东兴市',
      startDate: '2027-03-01',
      endDate: '2028-02-29',
      midDate: '2027-09-15',
      deliverables: [{ name: '流动儿童服务', indicator: '服务人次', target: 1500, unit: '人次' }],
      plan: {
        posts: [
          post('项目主管', 'project_lead', 'social_worker', 12, tx('social_worker', 1)),
          post('一线社工', 'frontline', 'assistant', 12),
        ],
        supervision: yuan(5_000),
        items: [item('activities', '四点半课堂物料', 600, '月', 12)],
        other: yuan(2_000),
        managementShare: 1000,
      },
    }),
  },
  {
    tenant: TONGXIN,
    shape: 'below-price-floor',
    status: 'signed',
    steps: [
      { to: 'submitted', date: '2026-10-28' },
      { to: 'approved', date: '2026-11-16' },
      { to: 'signed', date: '2026-11-16' },
    ],
    draft: draftOf({
      tenant: TONGXIN,
      shape: 'below-price-floor',
      purchaser: DX_BUREAU,
      number: 'DXMZ-2026-031',
      title: '东兴市江平镇社工站（2026—2027年度）',
      services: ['helping_needy', 'resource_linking'],
      serviceArea: '东兴市江平镇',
      startDate: '2026-12-01',
      endDate: '2027-11-30',
      midDate: '2027-06-15',
      deliverables: [{ name: '困难群众走访', indicator: '走访户数', target: 600, unit: '户' }],
      plan: {
        posts: [
          post('站长', 'project_lead', 'social_worker', 12),
          post('一线社工', 'frontline', 'assistant', 12, tx('assistant', 2)),
        ],
        supervision: yuan(6_000),
        items: [item('activities', '社区议事会', 500, '场', 12)],
        other: yuan(3_000),
        managementShare: 800,
      },
    }),
  },
];

/**
 * Seed part 'register-v1': more contracts across the counties and years (2024–2027), so a bureau's
 * register (台账) and dashboard have something to show in both jurisdictions: the city sees 港口区,
 * 上思 and 东兴 besides its own, the county bureau of 东兴 its own. Each organisation buys from the
 * purchasers whose rules its shapes are built with (阳光 from the city's counties, 同心 from 东兴).
 * Posts name nobody (they are costed at the guideline), so no person is needed twice.
 */
const GANGKOU = { name: '防城港市港口区民政局', region: '450602' };
const SHANGSI = { name: '上思县民政局', region: '450621' };

const REGISTER_SPECS: readonly [
  DemoTenant,
  { name: string; region: string },
  string,
  string,
  string,
  DemoShape,
  ContractStatus,
][] = [
  [YANGGUANG, GANGKOU, 'GKMZ-2024-003', '港口区老年人关爱服务项目', '2024-03-01', 'compliant', 'closed'],
  [YANGGUANG, GANGKOU, 'GKMZ-2024-011', '港口区青少年成长服务项目', '2024-07-01', 'labour-share-broken', 'closed'],
  [YANGGUANG, GANGKOU, 'GKMZ-2025-004', '港口区残疾人康复社会工作项目', '2025-02-01', 'compliant', 'closed'],
  [YANGGUANG, GANGKOU, 'GKMZ-2025-016', '港口区社区治理服务项目', '2025-09-01', 'below-price-floor', 'running'],
  [YANGGUANG, GANGKOU, 'GKMZ-2026-002', '港口区困难群众救助服务项目', '2026-01-01', 'compliant', 'running'],
  [YANGGUANG, GANGKOU, 'GKMZ-2026-019', '港口区家庭综合服务项目', '2026-04-01', 'labour-share-broken', 'running'],
  [YANGGUANG, GANGKOU, 'GKMZ-2026-027', '港口区留守儿童服务项目', '2026-12-01', 'compliant', 'submitted'],
  [YANGGUANG, SHANGSI, 'SSMZ-2025-007', '上思县乡镇社工站项目', '2025-05-01', 'compliant', 'closed'],
  [YANGGUANG, SHANGSI, 'SSMZ-2026-003', '上思县农村养老服务项目', '2026-02-01', 'below-price-floor', 'running'],
  [YANGGUANG, SHANGSI, 'SSMZ-2026-012', '上思县儿童福利服务项目', '2026-06-01', 'compliant', 'running'],
  [YANGGUANG, SHANGSI, 'SSMZ-2027-001', '上思县社会救助服务项目', '2027-01-01', 'compliant', 'draft'],
  [TONGXIN, DX_BUREAU, 'DXMZ-2025-005', '东兴市口岸社区服务项目', '2025-03-01', 'compliant', 'closed'],
  [TONGXIN, DX_BUREAU, 'DXMZ-2025-018', '东兴市困境儿童保护项目', '2025-08-01', 'labour-share-broken', 'running'],
  [TONGXIN, DX_BUREAU, 'DXMZ-2026-014', '东兴市社区矫正社会工作项目', '2026-04-01', 'compliant', 'running'],
  [TONGXIN, DX_BUREAU, 'DXMZ-2026-022', '东兴市老年人服务项目', '2026-07-01', 'below-price-floor', 'running'],
  [TONGXIN, DX_BUREAU, 'DXMZ-2026-035', '东兴市禁毒社会工作项目', '2026-10-01', 'compliant', 'signed'],
  [TONGXIN, DX_BUREAU, 'DXMZ-2027-004', '东兴市边民互助服务项目', '2027-01-01', 'compliant', 'submitted'],
  [TONGXIN, DX_BUREAU, 'DXMZ-2027-006', '东兴市妇女儿童服务项目', '2027-02-01', 'labour-share-broken', 'draft'],
];

/**
 * The steps to a status: submitted a month before the start, approved by the bureau and signed two
 * weeks before, closed after the end.
 */
function stepsTo(status: ContractStatus, start: string, end: string): DemoContract['steps'] {
  const steps: DemoContract['steps'] = [
    { to: 'submitted', date: addDays(start, -30) },
    { to: 'approved', date: addDays(start, -14) },
    { to: 'signed', date: addDays(start, -14) },
    { to: 'running', date: start },
    { to: 'closed', date: addDays(end, 20) },
  ];
  return status === 'draft' ? [] : steps.slice(0, steps.findIndex((s) => s.to === status) + 1);
}

export const REGISTER_DEMO_CONTRACTS: readonly DemoContract[] = REGISTER_SPECS.map(
  ([tenant, purchaser, number, title, startDate, shape, status], i) => {
    const endDate = addDays(addMonths(startDate, 12), -1);
    return {
      tenant,
      shape,
      status,
      steps: stepsTo(status, startDate, endDate),
      draft: draftOf({
        tenant,
        shape,
        purchaser,
        number,
        title,
        services: ['helping_needy', 'resource_linking'],
        serviceArea: purchaser.name.replace(/民政局$/, ''),
        startDate,
        endDate,
        midDate: addMonths(startDate, 6),
        deliverables: COMMUNITY_DELIVERABLES,
        plan: {
          posts: [
            post('项目主管', 'project_lead', 'social_worker', 12),
            ...Array.from({ length: 1 + (i % 3) }, () => post('一线社工', 'frontline', 'assistant', 12)),
          ],
          supervision: yuan(6_000),
          items: [item('activities', '社区活动物料', 1_500, '场', 12)],
          other: yuan(3_000),
          managementShare: 800,
        },
      }),
    };
  },
);
/** A two-year service (N-1: stable and recurring) with unnamed posts at the floor, running since its start. */
function longRunning(
  t: DemoTenant,
  purchaser: { name: string; region: string },
  number: string,
  title: string,
  serviceArea: string,
  startDate: string,
  endDate: string,
  months: number,
): DemoContract {
  const step = (days: number) => addDays(startDate, days);
  return {
    tenant: t,
    shape: 'compliant',
    status: 'running',
    steps: [
      { to: 'submitted', date: step(-30) },
      { to: 'approved', date: step(-10) },
      { to: 'signed', date: step(-10) },
      { to: 'running', date: startDate },
    ],
    draft: draftOf({
      tenant: t,
      shape: 'compliant',
      purchaser,
      number,
      title,
      services: ['helping_needy', 'resource_linking', 'social_integration'],
      serviceArea,
      startDate,
      endDate,
      midDate: step(180),
      stableRecurring: true,
      deliverables: COMMUNITY_DELIVERABLES,
      plan: {
        posts: [
          post('项目主管', 'project_lead', 'social_worker', months),
          post('一线社工', 'frontline', 'assistant', months),
          post('一线社工', 'frontline', 'assistant', months),
        ],
        supervision: yuan(10_000),
        items: [item('activities', '社区活动物料', 1_500, '场', months)],
        other: yuan(4_000),
        managementShare: 800,
      },
    }),
  };
}

/**
 * Running contracts of more than a year (N-1: stable and recurring), two in each county, so each
 * bureau's yearly spot check (N-6) has a population to draw from; 东兴's second ended in October
 * 2026 and its final evaluation is overdue (seed part 'evaluations-v1').
 */
export const DEMO_LONG_CONTRACTS: readonly DemoContract[] = [
  longRunning(
    YANGGUANG,
    FCG_BUREAU,
    'FCGMZ-GM-2025-031',
    '港口区长者关爱社工服务项目（2025—2027）',
    '港口区光坡镇、企沙镇',
    '2025-07-01',
    '2027-06-30',
    24,
  ),
  longRunning(
    YANGGUANG,
    FCG_BUREAU,
    'FCGMZ-GM-2025-032',
    '港口区青少年成长支持项目（2025—2027）',
    '港口区沙潭江街道',
    '2025-09-01',
    '2027-08-31',
    24,
  ),
  longRunning(
    TONGXIN,
    DX_BUREAU,
    'DXMZ-2025-011',
    '东兴市边民互助社工服务项目（2025—2027）',
    '东兴市马路镇',
    '2025-07-01',
    '2027-06-30',
    24,
  ),
  longRunning(
    TONGXIN,
    DX_BUREAU,
    'DXMZ-2025-012',
    '东兴市留守儿童关爱项目（2025—2026）',
    '东兴市江平镇',
    '2025-03-01',
    '2026-10-31',
    20,
  ),
];
