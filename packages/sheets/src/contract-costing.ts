import {
  type BudgetItem,
  type ContractAssessment,
  type ContractDraft,
  type ContractStatus,
  type CostedPost,
  type Finding,
  type FindingKind,
  findingText,
  formatMoney,
  formatPercent,
  ITEMISED_LINES,
  isKind,
  keyAmount,
  type RuleSetParameters,
  type RuleSetRef,
  SOCIAL_INSURANCE_ITEMS,
} from '@shegong/domain';
import ExcelJS from 'exceljs';
import {
  addTableRow,
  amountsText,
  BORDER,
  type Column,
  certLabel,
  type Label,
  LINE_LABELS,
  pick,
  QUANTITY,
  ROLE_LABELS,
  SECTION_FILL,
  SEVERITY_LABELS,
  tableSheet,
  titleBlock,
  whereText,
  YUAN,
} from './contract-sheet.ts';
import type { Lang } from './template.ts';
import { yuanCell } from './values.ts';

/**
 * The costing sheet of one contract version, laid out as a bureau's project budget table
 * (COSTING.md "What a bureau's budget sheet looks like"): 费用类别 | 单价 | 单位 | 数量 | 总额 | 备注 |
 * 规则. Every amount is the stored costing's own figure in fen / 100 — nothing is recomputed here or
 * by a formula in Excel — so the file says what the API and the page say.
 */

/** What the workbook needs of a contract and one of its versions (the domain's `StoredContract` and `ContractVersion`). */
export interface CostingView {
  contract: { id: string; status: ContractStatus };
  version: {
    number: number;
    draft: ContractDraft;
    costedPosts: readonly CostedPost[];
    ruleSet: RuleSetRef;
    rules: RuleSetParameters;
    assessment: ContractAssessment;
    amendment?: { reason: string; effectiveDate: string } | undefined;
    savedAt: string;
  };
}

export const COSTING_SHEET = '成本测算';
export const POSTS_SHEET = '人员成本明细';
export const FINDINGS_SHEET = '检查结果';

const H = (zh: string, en: string): Label => ({ zh, en });

export const COSTING_COLUMNS: readonly Column[] = [
  { header: H('费用类别', 'Category'), width: 30 },
  { header: H('单价(元)', 'Unit price (yuan)'), width: 15, numFmt: YUAN },
  { header: H('单位', 'Unit'), width: 8 },
  { header: H('数量', 'Quantity'), width: 10, numFmt: QUANTITY },
  { header: H('总额(元)', 'Total (yuan)'), width: 16, numFmt: YUAN },
  { header: H('备注', 'Note'), width: 46 },
  { header: H('规则', 'Rule'), width: 9 },
];

export const POST_COLUMNS: readonly Column[] = [
  { header: H('序号', 'No.'), width: 6 },
  { header: H('岗位', 'Post'), width: 16 },
  { header: H('角色', 'Role'), width: 12 },
  { header: H('人员', 'Person'), width: 10 },
  { header: H('证书等级', 'Certificate'), width: 14 },
  { header: H('指导线(元/月)', 'Pay floor (yuan/month)'), width: 13, numFmt: YUAN },
  { header: H('月薪G(元)', 'Pay G (yuan)'), width: 13, numFmt: YUAN },
  { header: H('月薪来源', 'Pay from'), width: 10 },
  { header: H('社保基数(元)', 'SI base (yuan)'), width: 13, numFmt: YUAN },
  { header: H('养老保险(元)', 'Pension (yuan)'), width: 12, numFmt: YUAN },
  { header: H('医疗保险(元)', 'Medical (yuan)'), width: 12, numFmt: YUAN },
  { header: H('失业保险(元)', 'Unemployment (yuan)'), width: 12, numFmt: YUAN },
  { header: H('工伤保险(元)', 'Work injury (yuan)'), width: 12, numFmt: YUAN },
  { header: H('生育保险(元)', 'Maternity (yuan)'), width: 12, numFmt: YUAN },
  { header: H('社保合计SI(元)', 'SI (yuan)'), width: 13, numFmt: YUAN },
  { header: H('公积金基数(元)', 'HF base (yuan)'), width: 13, numFmt: YUAN },
  { header: H('公积金HF(元)', 'HF (yuan)'), width: 12, numFmt: YUAN },
  { header: H('月成本M(元)', 'Monthly cost M (yuan)'), width: 13, numFmt: YUAN },
  { header: H('工作量(%)', 'FTE (%)'), width: 9 },
  { header: H('月数', 'Months'), width: 7 },
  { header: H('岗位成本(元)', 'Post cost (yuan)'), width: 15, numFmt: YUAN },
  { header: H('规则', 'Rules'), width: 11 },
];

export const FINDING_COLUMNS: readonly Column[] = [
  { header: H('序号', 'No.'), width: 6 },
  { header: H('严重程度', 'Severity'), width: 9 },
  { header: H('规则', 'Rule'), width: 8 },
  { header: H('位置', 'Where'), width: 16 },
  { header: H('说明', 'Message'), width: 60 },
  { header: H('差额(元)', 'Amount (yuan)'), width: 14, numFmt: YUAN },
  { header: H('金额明细', 'Amounts'), width: 50 },
];

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 50 % for 7 months → 3.5 person-months (exact: two decimals at most). */
const personMonths = (ftePercent: number, months: number) => (ftePercent * months) / 100;

export async function costingWorkbook(view: CostingView, lang: Lang = 'zh-CN'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shegong 社工';
  workbook.title = `${view.version.draft.terms.number} 成本测算`;
  costingSheet(workbook, view, lang);
  postsSheet(workbook, view, lang);
  findingsSheet(workbook, FINDINGS_SHEET, view.version.assessment.findings, lang);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function costingSheet(workbook: ExcelJS.Workbook, view: CostingView, lang: Lang): void {
  const { draft, assessment, rules, costedPosts } = view.version;
  const { costing, priceFloor } = assessment;
  const { lines } = draft.plan;
  const V = draft.terms.value;
  const columns = COSTING_COLUMNS;
  const { sheet } = tableSheet(workbook, COSTING_SHEET, columns, lang, { headerRow: 7 });
  titleBlock(sheet, view, lang, `${draft.terms.title} 项目预算（成本测算）表`);
  const row = (values: (string | number | null)[], style: { bold?: boolean; fill?: ExcelJS.Fill } = {}) =>
    addTableRow(sheet, columns, values, style);
  const section = { bold: true, fill: SECTION_FILL };

  // 一、人员经费: the budget line, then each post as the guideline costs it (COSTING.md steps 1–5).
  row(
    [
      `一、${pick(lang, LINE_LABELS.personnel)}`,
      null,
      null,
      null,
      yuanCell(lines.personnel),
      `测算人工成本 L = ${formatMoney(costing.labourCost)}（各岗位成本之和），人员经费不得低于 L，且不低于合同金额的 ${formatPercent(rules.minLabourShare)}`,
      'P-W2',
    ],
    section,
  );
  costing.posts.forEach((cost, i) => {
    const post = draft.plan.posts[i]!;
    const person = costedPosts[i]?.personName;
    const si = SOCIAL_INSURANCE_ITEMS.map((item) => cost.siItems[item]).reduce((a, b) => a + b, 0);
    row([
      `  ${i + 1}. ${post.title}（${pick(lang, ROLE_LABELS[post.role])}${person ? `，${person}` : ''}）`,
      yuanCell(cost.monthly),
      '人月',
      personMonths(cost.ftePercent, cost.months),
      yuanCell(cost.cost),
      `${certLabel(cost.certLevel, lang)}；月薪 ${formatMoney(cost.pay)}（${cost.payFrom === 'floor' ? '按指导线' : '实际'}）+ 社保 ${formatMoney(si)} + 公积金 ${formatMoney(cost.hf)}；工作量 ${cost.ftePercent}% × ${cost.months} 个月`,
      // Every post's pay is held to the guideline floor; its SI and HF (P-W1) are in the breakdown.
      'P-W3',
    ]);
  });
  row(['  人工成本小计 L', null, null, null, yuanCell(costing.labourCost), `明细见“${POSTS_SHEET}”表`, 'P-W2'], {
    bold: true,
  });

  // 二、… the non-personnel lines, itemised as the purchaser's sheet lists them.
  ITEMISED_LINES.forEach((line, n) => {
    const items = draft.plan.items.filter((item) => item.line === line);
    const ruleId = line === 'management' ? 'N-7' : line === 'tax' ? 'P-W2' : '';
    const note =
      line === 'management'
        ? `不超过合同金额的 ${formatPercent(rules.maxManagementShare)}（${formatMoney(costing.thresholds.maxManagement)}）`
        : line === 'tax'
          ? `按合同金额的 ${formatPercent(rules.taxRate)} 计（${formatMoney(costing.thresholds.expectedTax)}）`
          : items.length
            ? ''
            : '未分项';
    row(
      [
        `${CHINESE_NUMERALS[n + 1]}、${pick(lang, LINE_LABELS[line])}`,
        null,
        null,
        null,
        yuanCell(lines[line]),
        note,
        ruleId,
      ],
      section,
    );
    items.forEach((item: BudgetItem, k) => {
      row([
        `  ${k + 1}. ${item.category}`,
        yuanCell(item.unitPrice),
        item.unit,
        item.quantity,
        // unit price × quantity is whole fen × a whole number: exact, and the line's own sum.
        yuanCell(item.unitPrice * item.quantity),
        item.note ?? '',
        '',
      ]);
    });
  });
  const totalRow = row(
    [
      '合计',
      null,
      null,
      null,
      yuanCell(costing.thresholds.linesTotal),
      costing.thresholds.linesTotal === V
        ? `等于合同金额 ${formatMoney(V)}`
        : `比合同金额 ${formatMoney(V)} ${costing.thresholds.linesTotal > V ? '多' : '少'} ${formatMoney(Math.abs(costing.thresholds.linesTotal - V))}`,
      'P-W2',
    ],
    section,
  );
  totalRow.getCell(1).alignment = { horizontal: 'center' };

  // The checks of COSTING.md's table and the price floor, each with its rule id.
  sheet.addRow([]);
  const checkHeader = addTableRow(sheet, columns, ['检查项目', '标准(元)', null, null, '本预算(元)', '结论', '规则'], {
    bold: true,
    fill: SECTION_FILL,
  });
  checkHeader.getCell(2).numFmt = '@';
  checkHeader.getCell(5).numFmt = '@';
  const failed = new Set(costing.findings.map((f) => f.kind));
  const verdict = (kind: FindingKind | 'price', severity: 'error' | 'warning' = 'error') =>
    (kind === 'price' ? priceFloorFailed(assessment) : failed.has(kind))
      ? severity === 'error'
        ? '不符合'
        : '提示'
      : '符合';
  const checks: [string, number | null, number, string, string][] = [
    ['人员经费 ≥ 人工成本 L', costing.labourCost, lines.personnel, verdict('personnelBelowLabourCost'), 'P-W2'],
    [
      `人员经费占比 ≥ ${formatPercent(rules.minLabourShare)}`,
      costing.thresholds.minPersonnelByShare,
      lines.personnel,
      verdict('labourShareBelowMin'),
      'P-W2',
    ],
    [
      `管理费 ≤ ${formatPercent(rules.maxManagementShare)}`,
      costing.thresholds.maxManagement,
      lines.management,
      verdict('managementOverCap'),
      'N-7',
    ],
    [
      `税费 ≥ ${formatPercent(rules.taxRate)}`,
      costing.thresholds.expectedTax,
      lines.tax,
      verdict('taxUnderBudgeted', 'warning'),
      'P-W2',
    ],
    ['各项合计 = 合同金额', V, costing.thresholds.linesTotal, verdict('budgetUnbalanced'), 'P-W2'],
    [
      `合同金额 ≥ 最低合同价（管理费 ${formatPercent(priceFloor.managementShare)}）`,
      priceFloor.feasible ? priceFloor.value : null,
      V,
      priceFloor.feasible ? verdict('price') : '无可行价格',
      'P-W2',
    ],
  ];
  for (const [name, standard, actual, result, ruleId] of checks) {
    const r = addTableRow(sheet, columns, [
      name,
      standard === null ? null : yuanCell(standard),
      null,
      null,
      yuanCell(actual),
      result,
      ruleId,
    ]);
    if (result !== '符合') r.getCell(6).font = { bold: true, color: { argb: 'FFC00000' } };
  }
  sheet.addRow([]);
  const foot = sheet.addRow([
    `金额单位：元，保留两位小数。规则编号见《政策规则》：P-W1 社保公积金，P-W2 成本测算与人员经费，P-W3 薪酬指导线，N-7 管理费。共 ${assessment.findings.length} 项检查结果，见“${FINDINGS_SHEET}”表。`,
  ]);
  sheet.mergeCells(foot.number, 1, foot.number, 7);
  foot.alignment = { wrapText: true, vertical: 'top' };
  foot.height = 32;
}

function priceFloorFailed(assessment: ContractAssessment): boolean {
  return assessment.findings.some((f) => isKind(f, 'belowPriceFloor', 'noPriceFloor'));
}

function postsSheet(workbook: ExcelJS.Workbook, view: CostingView, lang: Lang): void {
  const { draft, assessment, costedPosts } = view.version;
  const { sheet } = tableSheet(workbook, POSTS_SHEET, POST_COLUMNS, lang, { landscape: true });
  assessment.costing.posts.forEach((cost, i) => {
    const post = draft.plan.posts[i]!;
    addTableRow(sheet, POST_COLUMNS, [
      i + 1,
      post.title,
      pick(lang, ROLE_LABELS[post.role]),
      costedPosts[i]?.personName ?? '',
      certLabel(cost.certLevel, lang),
      yuanCell(cost.floor),
      yuanCell(cost.pay),
      cost.payFrom === 'floor' ? '指导线' : '实际',
      yuanCell(cost.siBase),
      ...SOCIAL_INSURANCE_ITEMS.map((item) => yuanCell(cost.siItems[item])),
      yuanCell(cost.si),
      yuanCell(cost.hfBase),
      yuanCell(cost.hf),
      yuanCell(cost.monthly),
      cost.ftePercent,
      cost.months,
      yuanCell(cost.cost),
      'P-W1, P-W3',
    ]);
  });
  const total = addTableRow(
    sheet,
    POST_COLUMNS,
    ['合计', ...Array<null>(POST_COLUMNS.length - 3).fill(null), yuanCell(assessment.costing.labourCost), 'P-W2'],
    { bold: true, fill: SECTION_FILL },
  );
  total.getCell(1).border = BORDER;
}

/** Every finding of a version (or a report): severity, rule id, where, the message and its amounts. */
export function findingsSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  findings: readonly Finding[],
  lang: Lang,
): ExcelJS.Worksheet {
  const { sheet } = tableSheet(workbook, name, FINDING_COLUMNS, lang, { landscape: true });
  findings.forEach((f, i) => {
    const amount = keyAmount(f);
    const row = addTableRow(sheet, FINDING_COLUMNS, [
      i + 1,
      pick(lang, SEVERITY_LABELS[f.severity]),
      f.ruleId,
      whereText(f.path, lang),
      findingText(f, lang),
      amount === undefined ? null : yuanCell(amount),
      amountsText(f, lang),
    ]);
    row.getCell(2).font = { bold: true, color: { argb: f.severity === 'error' ? 'FFC00000' : 'FF9C5700' } };
  });
  if (!findings.length) sheet.addRow(['', '', '', '', lang === 'en' ? 'No findings.' : '未发现问题。']);
  return sheet;
}
