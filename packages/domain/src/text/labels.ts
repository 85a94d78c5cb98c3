import type { ContractStatus } from '../contracts/contract.ts';
import type { BudgetLine } from '../costing/lines.ts';
import type { FloorBinding } from '../findings/contract.ts';
import type { IncubationStage } from '../incubation/incubation.ts';
import type { LadderRequirement } from '../people/ladder.ts';
import type { EducationLevel, PostClass } from '../people/person.ts';
import type { RegisterFindingKind } from '../register/register.ts';
import type { CertLevel } from '../rules/rule-set.ts';
import type { Lang } from './lang.ts';

/**
 * The one home of the names of the domain's enumerated values, in both languages: findings say
 * them in their sentences, and the pages and the sheets show them in tables and forms, so all
 * read the same word for the same thing.
 */

type Labels<K extends string> = Record<Lang, Record<K, string>>;

/** Certificate levels (国家社会工作者职业水平证书), with the level of someone holding none. */
export const CERT_LEVEL_LABELS: Labels<CertLevel> = {
  'zh-CN': { none: '无证书', assistant: '助理社会工作师', social_worker: '社会工作师', senior: '高级社会工作师' },
  en: {
    none: 'No certificate',
    assistant: 'Assistant social worker',
    social_worker: 'Social worker',
    senior: 'Senior social worker',
  },
};

/** P-C1: the professional post classes a ladder level corresponds to. */
export const POST_CLASS_LABELS: Labels<PostClass> = {
  'zh-CN': { none: '非专业岗位', junior: '初级专业岗位', intermediate: '中级专业岗位', senior: '高级专业岗位' },
  en: {
    none: 'Non-professional post',
    junior: 'Junior post',
    intermediate: 'Intermediate post',
    senior: 'Senior post',
  },
};

/** Education levels as a person's record and a ladder's requirement name them. */
export const EDUCATION_LEVEL_LABELS: Labels<EducationLevel> = {
  'zh-CN': {
    secondary: '高中/中专',
    vocational: '职业教育',
    associate: '大专',
    bachelor: '本科',
    master: '硕士',
    doctorate: '博士',
  },
  en: {
    secondary: 'Secondary',
    vocational: 'Vocational',
    associate: 'Associate degree',
    bachelor: 'Bachelor',
    master: 'Master',
    doctorate: 'Doctorate',
  },
};

/** A contract budget's lines (COSTING.md). */
export const BUDGET_LINE_LABELS: Labels<BudgetLine> = {
  'zh-CN': {
    personnel: '人员经费',
    supervision: '督导与培训',
    activities: '活动经费',
    management: '管理费',
    tax: '税费',
    other: '其他',
  },
  en: {
    personnel: 'Personnel',
    supervision: 'Supervision and training',
    activities: 'Activities',
    management: 'Management',
    tax: 'Tax',
    other: 'Other',
  },
};

/** P-C2: what a ladder level requires. */
export const LADDER_REQUIREMENT_LABELS: Labels<LadderRequirement> = {
  'zh-CN': {
    minCertificate: '最低证书',
    minYearsPractice: '最低从业年限',
    minEducation: '最低学历',
    continuingEducationUpToDate: '继续教育达标',
  },
  en: {
    minCertificate: 'Minimum certificate',
    minYearsPractice: 'Minimum years of practice',
    minEducation: 'Minimum education',
    continuingEducationUpToDate: 'Continuing education up to date',
  },
};

/** What sets a price floor (P-W2), as a sheet's amounts column names it. */
export const FLOOR_BINDING_LABELS: Labels<FloorBinding> = {
  'zh-CN': { labourCost: '人力成本', labourShare: '人员经费比例', both: '人力成本与人员经费比例' },
  en: { labourCost: 'Labour cost', labourShare: 'Personnel share', both: 'Labour cost and personnel share' },
};

/** Contract statuses as a register (台账) and its sheet name them. */
export const CONTRACT_STATUS_LABELS: Labels<ContractStatus> = {
  'zh-CN': {
    draft: '草稿',
    submitted: '已提交',
    approved: '已批准',
    signed: '已签订',
    running: '执行中',
    closed: '已结项',
  },
  en: {
    draft: 'Draft',
    submitted: 'Submitted',
    approved: 'Approved',
    signed: 'Signed',
    running: 'Running',
    closed: 'Closed',
  },
};

/** The rules a register filters by, as its filter, its rows and its sheet name them. */
export const REGISTER_FINDING_LABELS: Labels<RegisterFindingKind> = {
  'zh-CN': {
    belowPriceFloor: '低于价格底线',
    labourShareBelowMin: '人员经费占比低于下限',
    paidBelowGuideline: '实发工资低于指导价',
  },
  en: {
    belowPriceFloor: 'Below the price floor',
    labourShareBelowMin: 'Labour share under the minimum',
    paidBelowGuideline: 'Paid below the guideline',
  },
};

/** An incubated organisation's stage (入驻 → 中期评估 → 出壳 | 退驻, or 延期). */
export const INCUBATION_STAGE_LABELS: Labels<IncubationStage> = {
  'zh-CN': {
    incubating: '在孵',
    midterm_reviewed: '已中期评估',
    extended: '延期孵化',
    graduated: '已出壳',
    left: '已退驻',
  },
  en: {
    incubating: 'Incubating',
    midterm_reviewed: 'Mid-term reviewed',
    extended: 'Extended',
    graduated: 'Graduated',
    left: 'Left',
  },
};
