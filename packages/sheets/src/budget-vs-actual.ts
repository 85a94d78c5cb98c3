import { type ActualMonthCost, BUDGET_LINES, type BudgetVsActual, findingText } from '@shegong/domain';
import ExcelJS from 'exceljs';
import { FINDINGS_SHEET, findingsSheet } from './contract-costing.ts';
import {
  addTableRow,
  type Column,
  certLabel,
  type Label,
  LINE_LABELS,
  pick,
  SECTION_FILL,
  type TitledVersion,
  tableSheet,
  titleBlock,
  YUAN,
} from './contract-sheet.ts';
import type { Lang } from './template.ts';
import { yuanCell } from './values.ts';

/**
 * Budget against actual for a contract, as a bureau's execution report (预算执行情况表): per line
 * the budget, the actual to date, what remains and the straight-line projection to the end of the
 * term, each with its rule id and flag; then month by month, each month's payroll, and the findings.
 * Every amount is the view's own fen / 100, so the file says what the API and the page say.
 */

/**
 * What the workbook needs: structurally the core's `BudgetVsActualView` (the current version, the
 * recorded months, and the domain's budget against actual).
 */
export interface BudgetVsActualSheetView extends TitledVersion {
  months: readonly { month: string; revision: number; cost: ActualMonthCost; ruleSet: { id: string } }[];
  budgetVsActual: BudgetVsActual;
}

export const EXECUTION_SHEET = '预算执行';
export const MONTHS_SHEET = '月度明细';
export const PAYROLL_SHEET = '工资明细';

const H = (zh: string, en: string): Label => ({ zh, en });

export const EXECUTION_COLUMNS: readonly Column[] = [
  { header: H('费用类别', 'Line'), width: 16 },
  { header: H('预算(元)', 'Budget (yuan)'), width: 16, numFmt: YUAN },
  { header: H('实际累计(元)', 'Actual to date (yuan)'), width: 16, numFmt: YUAN },
  { header: H('剩余(元)', 'Remaining (yuan)'), width: 16, numFmt: YUAN },
  { header: H('预计全年(元)', 'Projected (yuan)'), width: 16, numFmt: YUAN },
  { header: H('规则', 'Rule'), width: 8 },
  { header: H('提示', 'Flag'), width: 56 },
];

export const MONTH_COLUMNS: readonly Column[] = [
  { header: H('月份', 'Month'), width: 10 },
  ...BUDGET_LINES.map((line) => ({
    header: H(`${LINE_LABELS[line].zh}(元)`, `${LINE_LABELS[line].en} (yuan)`),
    width: 14,
    numFmt: YUAN,
  })),
  { header: H('合计(元)', 'Total (yuan)'), width: 15, numFmt: YUAN },
  { header: H('版次', 'Revision'), width: 7 },
  { header: H('测算规则', 'Rule set'), width: 24 },
];

export const PAYROLL_COLUMNS: readonly Column[] = [
  { header: H('月份', 'Month'), width: 10 },
  { header: H('姓名', 'Name'), width: 10 },
  { header: H('证书等级', 'Certificate'), width: 14 },
  { header: H('应发工资(元)', 'Gross pay (yuan)'), width: 14, numFmt: YUAN },
  { header: H('指导线(元)', 'Floor (yuan)'), width: 13, numFmt: YUAN },
  { header: H('本合同占比(%)', 'Share (%)'), width: 10 },
  { header: H('社保(元)', 'SI (yuan)'), width: 12, numFmt: YUAN },
  { header: H('公积金(元)', 'HF (yuan)'), width: 12, numFmt: YUAN },
  { header: H('计入本合同(元)', 'Charged (yuan)'), width: 15, numFmt: YUAN },
  { header: H('规则', 'Rule'), width: 8 },
  { header: H('提示', 'Flag'), width: 40 },
];

export async function budgetVsActualWorkbook(view: BudgetVsActualSheetView, lang: Lang = 'zh-CN'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shegong 社工';
  workbook.title = `${view.version.draft.terms.number} 预算执行`;
  executionSheet(workbook, view, lang);
  monthsSheet(workbook, view, lang);
  payrollSheet(workbook, view, lang);
  findingsSheet(workbook, FINDINGS_SHEET, view.budgetVsActual.findings, lang);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function executionSheet(workbook: ExcelJS.Workbook, view: BudgetVsActualSheetView, lang: Lang): void {
  const bva = view.budgetVsActual;
  const { sheet } = tableSheet(workbook, EXECUTION_SHEET, EXECUTION_COLUMNS, lang, { headerRow: 7 });
  titleBlock(sheet, view, lang, `${view.version.draft.terms.title} 预算执行情况表`);
  // Row 6: how far the term has run, which the projection divides by.
  sheet.mergeCells('B6:G6');
  sheet.getCell('A6').value = '执行进度';
  sheet.getCell('A6').font = { bold: true };
  sheet.getCell('B6').value = bva.months.length
    ? `已记录 ${bva.months.length} 个月（${bva.months[0]} 至 ${bva.months.at(-1)}），已过 ${bva.monthsElapsed}/${bva.termMonths} 个月；预计全年 = 实际累计 × ${bva.termMonths} ÷ ${bva.monthsElapsed}，四舍五入到分`
    : '尚未记录实际支出';
  for (const line of bva.lines) {
    const row = addTableRow(sheet, EXECUTION_COLUMNS, [
      pick(lang, LINE_LABELS[line.line]),
      yuanCell(line.budget),
      yuanCell(line.actual),
      yuanCell(line.remaining),
      yuanCell(line.projected),
      line.ruleId,
      line.findings.map((f) => findingText(f, lang)).join('\n'),
    ]);
    const worst = line.findings.find((f) => f.severity === 'error') ?? line.findings[0];
    if (worst) row.getCell(7).font = { color: { argb: worst.severity === 'error' ? 'FFC00000' : 'FF9C5700' } };
  }
  const total = addTableRow(
    sheet,
    EXECUTION_COLUMNS,
    [
      '合计',
      yuanCell(bva.totals.budget),
      yuanCell(bva.totals.actual),
      yuanCell(bva.totals.remaining),
      yuanCell(bva.totals.projected),
      '',
      '',
    ],
    { bold: true, fill: SECTION_FILL },
  );
  total.getCell(1).alignment = { horizontal: 'center' };
  sheet.addRow([]);
  const foot = sheet.addRow([
    `金额单位：元，保留两位小数。人员经费实际数按每人每月应发工资 × 本合同时间占比，含单位社保和公积金（P-W1）计算；低于指导线的见“${FINDINGS_SHEET}”表（P-W3）。超支或预计超支：管理费为 N-7，其余为 P-W2。`,
  ]);
  sheet.mergeCells(foot.number, 1, foot.number, 7);
  foot.alignment = { wrapText: true, vertical: 'top' };
  foot.height = 45;
}

function monthsSheet(workbook: ExcelJS.Workbook, view: BudgetVsActualSheetView, lang: Lang): void {
  const { sheet } = tableSheet(workbook, MONTHS_SHEET, MONTH_COLUMNS, lang, { landscape: true });
  const months = [...view.months].sort((a, b) => (a.month < b.month ? -1 : 1));
  for (const m of months) {
    addTableRow(sheet, MONTH_COLUMNS, [
      m.month,
      ...BUDGET_LINES.map((line) => yuanCell(m.cost.lines[line])),
      yuanCell(m.cost.total),
      m.revision,
      m.ruleSet.id,
    ]);
  }
  const bva = view.budgetVsActual;
  addTableRow(
    sheet,
    MONTH_COLUMNS,
    ['合计', ...bva.lines.map((l) => yuanCell(l.actual)), yuanCell(bva.totals.actual), null, null],
    { bold: true, fill: SECTION_FILL },
  );
}

function payrollSheet(workbook: ExcelJS.Workbook, view: BudgetVsActualSheetView, lang: Lang): void {
  const { sheet } = tableSheet(workbook, PAYROLL_SHEET, PAYROLL_COLUMNS, lang, { landscape: true });
  const months = [...view.months].sort((a, b) => (a.month < b.month ? -1 : 1));
  for (const m of months) {
    m.cost.payroll.forEach((row, i) => {
      const finding = m.cost.findings.find((f) => f.path === `/payroll/${i}/grossPay`);
      const cells = addTableRow(sheet, PAYROLL_COLUMNS, [
        m.month,
        row.name,
        certLabel(row.certLevel, lang),
        yuanCell(row.grossPay),
        yuanCell(row.costing.floor),
        row.sharePercent,
        yuanCell(row.costing.si),
        yuanCell(row.costing.hf),
        yuanCell(row.costing.cost),
        row.exempt ? 'P-W1' : 'P-W3',
        finding ? findingText(finding, lang) : row.exempt ? '在编人员，按国家规定执行' : '',
      ]);
      if (finding) cells.getCell(11).font = { color: { argb: 'FFC00000' } };
    });
  }
}
