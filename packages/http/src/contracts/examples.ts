import type { Amendment, ContractDraft, ContractPost, Transition } from '@shegong/domain';

/**
 * Realistic contracts, valid against Fangchenggang's 2023 rule set (the world's and the demo's,
 * in force for 港口区 450602 through the city 450600): the OpenAPI examples, and what the test
 * world and the demo seed store. Worked by hand with that rule set (SI base floor ¥3,800, SI 23.7 %,
 * housing fund 5 %):
 *   project lead  ¥4,500: SI 4500×23.7% = 1,066.50, HF 225.00 → M 5,791.50 × 12 = 69,498.00
 *   frontline     ¥3,400: SI on the ¥3,800 floor 900.60, HF 170.00 → M 4,470.60 × 12 = 53,647.20 (×2)
 *   supervisor    ¥5,000 at 20 %: SI 1,185.00, HF 250.00 → M 6,435.00 × 12 × 20 % = 15,444.00
 *   labour cost L = 69,498.00 + 2 × 53,647.20 + 15,444.00 = 192,236.40
 * V = ¥280,000: tax 3 % = 8,400.00; management 8 % = 22,400.00 (cap 10 %); supervision 12,000.00,
 * activities 30,000.00, other 3,000.00; personnel = the rest, 204,200.00 ≥ L and 72.9 % ≥ 70 %.
 * The price floor with these fixed lines and 8 % is ¥266,557.75, below V.
 */

const posts: ContractPost[] = [
  {
    title: '项目主管',
    role: 'project_lead',
    certLevel: 'social_worker',
    ftePercent: 100,
    months: 12,
    monthlyPay: 4_500_00,
  },
  { title: '一线社工', role: 'frontline', certLevel: 'assistant', ftePercent: 100, months: 12, monthlyPay: 3_400_00 },
  { title: '一线社工', role: 'frontline', certLevel: 'assistant', ftePercent: 100, months: 12, monthlyPay: 3_400_00 },
  { title: '专业督导', role: 'supervisor', certLevel: 'senior', ftePercent: 20, months: 12, monthlyPay: 5_000_00 },
];

export const CONTRACT_EXAMPLE: ContractDraft = {
  terms: {
    purchaser: { name: '防城港市港口区民政局', region: '450602' },
    number: 'GKMZ-2026-017',
    title: '港口区社区社会工作服务项目（2026）',
    services: ['helping_needy', 'emotional_counselling', 'resource_linking', 'volunteer_management'],
    serviceArea: '港口区渔洲坪街道、白沙万街道',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    stableRecurring: false,
    value: 280_000_00,
    deliverables: [
      { name: '个案服务', indicator: '结案个案数', target: 40, unit: '个' },
      { name: '小组工作', indicator: '小组活动节数', target: 48, unit: '节' },
      { name: '社区活动', indicator: '活动场次', target: 12, unit: '场' },
    ],
    milestones: [
      { name: '首期款', dueDate: '2026-01-31', amount: 84_000_00, condition: '合同签订后' },
      { name: '中期款', dueDate: '2026-07-31', amount: 112_000_00, condition: '中期评估合格' },
      { name: '尾款', dueDate: '2027-01-31', amount: 84_000_00, condition: '末期评估合格' },
    ],
  },
  plan: {
    posts,
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
      { line: 'activities', category: '社区活动物资', unitPrice: 2_000_00, unit: '场', quantity: 6 },
      { line: 'activities', category: '小组工作材料', unitPrice: 1_500_00, unit: '组', quantity: 8 },
      { line: 'activities', category: '培训讲师费', unitPrice: 3_000_00, unit: '次', quantity: 2, note: '志愿者培训' },
      { line: 'other', category: '宣传印刷', unitPrice: 1_000_00, unit: '批', quantity: 3 },
    ],
  },
};

/**
 * A draft's edit (PUT): the draft GKMZ-2026-016 (the same plan, another number: the test world's
 * draft contract) with the frontline pay raised to ¥3,600. Each frontline post's M grows by
 * 200.00 + 10.00 housing fund (SI stays on the ¥3,800 floor): L = 192,236.40 + 2 × 12 × 210.00 = 197,276.40.
 */
export const DRAFT_EDIT_EXAMPLE: ContractDraft = {
  terms: { ...CONTRACT_EXAMPLE.terms, number: 'GKMZ-2026-016', title: '港口区社区社会工作服务项目（2026，修订稿）' },
  plan: {
    ...CONTRACT_EXAMPLE.plan,
    posts: posts.map((p) => (p.role === 'frontline' ? { ...p, monthlyPay: 3_600_00 } : p)),
  },
};

/** The signed contract GKMZ-2026-009 as it was signed (the test world's signed contract). */
export const SIGNED_CONTRACT_EXAMPLE: ContractDraft = {
  terms: { ...CONTRACT_EXAMPLE.terms, number: 'GKMZ-2026-009', title: '白沙万街道社会工作站服务项目（2026）' },
  plan: CONTRACT_EXAMPLE.plan,
};

/**
 * Its amendment: from July the two frontline posts are paid ¥3,600, so each becomes two posts of
 * six months (¥3,400 for January–June, ¥3,600 for July–December). Value and lines are unchanged:
 * L = 192,236.40 + 2 × 6 × 210.00 = 194,756.40, still under the personnel line of 204,200.00.
 */
export const AMENDMENT_EXAMPLE: Amendment = {
  reason: '自 2026 年 7 月起一线社工月薪由 ¥3,400 调整为 ¥3,600（合同金额不变）',
  effectiveDate: '2026-07-01',
  draft: {
    terms: SIGNED_CONTRACT_EXAMPLE.terms,
    plan: {
      ...SIGNED_CONTRACT_EXAMPLE.plan,
      posts: posts.flatMap((p) =>
        p.role === 'frontline'
          ? [
              { ...p, title: '一线社工（1–6月）', months: 6 },
              { ...p, title: '一线社工（7–12月）', months: 6, monthlyPay: 3_600_00 },
            ]
          : [p],
      ),
    },
  },
};

/** A signed contract starts running (the date defaults to today, China time). */
export const TRANSITION_EXAMPLE: Transition = { to: 'running', date: '2026-01-05', note: '项目启动' };
