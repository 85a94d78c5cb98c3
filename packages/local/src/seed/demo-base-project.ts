import type { UUID } from 'node:crypto';
import { type ContractDraft, idCardCheckCharacter, type PersonInput } from '@shegong/domain';
import { DEMO_TENANTS } from './demo-data.ts';

/**
 * The demo incubation base's own project (P-I1), as data: its staff and its operation contract,
 * which seed part 'incubator-contract-v1' (incubator-contract.ts) writes.
 */

export const DEMO_BASE = DEMO_TENANTS.find((t) => t.kind === 'incubator');

/** A valid ID-card number of 防城港 (made up: region, birth date and sequence, then its check character). */
function idCard(region: string, born: string, sequence: string): string {
  const first17 = `${region}${born.replaceAll('-', '')}${sequence}`;
  return `${first17}${idCardCheckCharacter(first17)}`;
}

function staffMember(
  name: string,
  idCardNumber: string,
  monthlyPay: number,
  since: string,
  certificate?: PersonInput['certificates'][number],
): PersonInput {
  return {
    name,
    idCardNumber,
    phone: `1397703${idCardNumber.slice(-5, -1)}`,
    education: { level: 'bachelor', socialWorkMajor: true },
    employmentType: 'contract',
    monthlyPay,
    employment: [{ employer: DEMO_BASE?.name ?? '', region: '450600', start: since, socialWork: true }],
    certificates: certificate ? [certificate] : [],
    continuingEducation: [
      { date: '2026-06-18', tenthHours: 540, provider: '防城港市民政局', topic: '社会组织培育与孵化' },
    ],
  };
}

/** The base's staff, with fixed ids so the contract's posts name them on every machine. */
export const BASE_STAFF: readonly { id: UUID; input: PersonInput }[] = [
  {
    id: '7b0c5a52-3f1e-4d8a-9b61-2c4e8f1a0d01',
    input: staffMember('梁晓东', idCard('450602', '1986-04-12', '031'), 4_500_00, '2020-03-01', {
      level: 'social_worker',
      number: 'FH2019450600011',
      obtainedOn: '2019-06-16',
    }),
  },
  {
    id: '7b0c5a52-3f1e-4d8a-9b61-2c4e8f1a0d02',
    input: staffMember('莫小红', idCard('450603', '1993-09-05', '042'), 3_400_00, '2021-07-01', {
      level: 'assistant',
      number: 'FH2021450600022',
      obtainedOn: '2021-06-20',
    }),
  },
  {
    id: '7b0c5a52-3f1e-4d8a-9b61-2c4e8f1a0d03',
    input: staffMember('韦春燕', idCard('450621', '1995-02-27', '062'), 3_400_00, '2022-09-01', {
      level: 'assistant',
      number: 'FH2022450600033',
      obtainedOn: '2022-06-19',
    }),
  },
  {
    id: '7b0c5a52-3f1e-4d8a-9b61-2c4e8f1a0d04',
    input: staffMember('黄志明', idCard('450602', '1998-11-30', '015'), 3_200_00, '2025-03-01'),
  },
];

/**
 * 防城港市社会组织孵化基地运营服务项目 for 2027, bought by the city bureau: the base's director
 * (project lead), two incubation officers named from the registry and a part-time supervisor.
 * Costed with Fangchenggang's 2023 rule set as http's CONTRACT_EXAMPLE is (the same posts, pay and
 * lines): labour cost ¥192,236.40 under a personnel line of ¥204,200 (72.9 % ≥ 70 %), management
 * 8 % (cap 10 %), tax 3 %; compliant, so the reviewer has a clean case to approve.
 */
export const BASE_OPERATION_CONTRACT: ContractDraft = {
  terms: {
    purchaser: { name: '防城港市民政局', region: '450600' },
    number: 'FCGMZ-FH-2027-001',
    title: '防城港市社会组织孵化基地运营服务项目',
    services: ['capacity_building', 'project_design', 'resource_linking', 'professional_supervision'],
    serviceArea: '防城港市（孵化基地及各县市区）',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    stableRecurring: true,
    value: 280_000_00,
    deliverables: [
      { name: '孵化培育', indicator: '在孵社会组织数', target: 10, unit: '家' },
      { name: '能力建设', indicator: '培训场次', target: 12, unit: '场' },
      { name: '登记辅导', indicator: '协助完成登记的组织数', target: 4, unit: '家' },
    ],
    milestones: [
      { name: '首期款', dueDate: '2027-01-31', amount: 84_000_00, condition: '合同签订后' },
      { name: '中期款', dueDate: '2027-07-31', amount: 112_000_00, condition: '中期评估合格' },
      { name: '尾款', dueDate: '2027-12-31', amount: 84_000_00, condition: '末期评估合格' },
    ],
  },
  plan: {
    posts: [
      {
        title: '基地主任',
        role: 'project_lead',
        certLevel: 'social_worker',
        ftePercent: 100,
        months: 12,
        monthlyPay: 4_500_00,
        personId: BASE_STAFF[0]!.id,
      },
      {
        title: '孵化专员',
        role: 'frontline',
        certLevel: 'assistant',
        ftePercent: 100,
        months: 12,
        monthlyPay: 3_400_00,
        personId: BASE_STAFF[1]!.id,
      },
      {
        title: '孵化专员',
        role: 'frontline',
        certLevel: 'assistant',
        ftePercent: 100,
        months: 12,
        monthlyPay: 3_400_00,
        personId: BASE_STAFF[2]!.id,
      },
      { title: '专业督导', role: 'supervisor', certLevel: 'senior', ftePercent: 20, months: 12, monthlyPay: 5_000_00 },
    ],
    lines: {
      personnel: 204_200_00,
      supervision: 12_000_00,
      activities: 30_000_00,
      management: 22_400_00,
      tax: 8_400_00,
      other: 3_000_00,
    },
    items: [
      { line: 'supervision', category: '专家督导费', unitPrice: 1_000_00, unit: '次', quantity: 12 },
      { line: 'activities', category: '能力建设培训', unitPrice: 2_000_00, unit: '场', quantity: 6 },
      { line: 'activities', category: '公益创投路演', unitPrice: 1_500_00, unit: '场', quantity: 8 },
      {
        line: 'activities',
        category: '培训讲师费',
        unitPrice: 3_000_00,
        unit: '次',
        quantity: 2,
        note: '登记注册辅导',
      },
      { line: 'other', category: '宣传印刷', unitPrice: 1_000_00, unit: '批', quantity: 3 },
    ],
  },
};
