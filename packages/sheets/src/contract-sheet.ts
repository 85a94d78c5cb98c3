import {
  type AmountUnit,
  amountsWithUnits,
  BUDGET_LINE_LABELS,
  BUDGET_LINES,
  type BudgetLine,
  CERT_LEVEL_LABELS,
  type CertLevel,
  CONTRACT_STATUS_LABELS,
  CONTRACT_STATUSES,
  type ContractStatus,
  type ContractTerms,
  type Finding,
  type FindingKind,
  FLOOR_BINDING_LABELS,
  formatMoney,
  formatPercent,
  LADDER_REQUIREMENT_LABELS,
  POST_CLASS_LABELS,
  type PostRole,
  type Severity,
  tenthsToHours,
  termMonths,
} from '@shegong/domain';
import type ExcelJS from 'exceljs';
import { labelPairs } from './labels.ts';
import type { Lang } from './template.ts';
import { yuanCell } from './values.ts';

/**
 * What the contract workbooks share: the labels a bureau's budget sheet uses, a table with its
 * heading row frozen and A4 print setup, and a finding's amounts and place in words (its sentence
 * is the domain's findingText, as on the pages).
 */

export const YUAN = '#,##0.00';
/** Person-months and counts: two decimals, told apart from money by the format. */
export const QUANTITY = '0.00';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F1FB' } };
export const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F5F5' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export type Label = { zh: string; en: string };
export const pick = (lang: Lang, label: Label) => (lang === 'en' ? label.en : label.zh);

export const LINE_LABELS: Record<BudgetLine, Label> = labelPairs(BUDGET_LINE_LABELS, BUDGET_LINES);

export const ROLE_LABELS: Record<PostRole, Label> = {
  frontline: { zh: '一线社工', en: 'Frontline social worker' },
  supervisor: { zh: '督导', en: 'Supervisor' },
  project_lead: { zh: '项目负责人', en: 'Project lead' },
  support: { zh: '支持岗', en: 'Support' },
};

export const STATUS_LABELS: Record<ContractStatus, Label> = labelPairs(CONTRACT_STATUS_LABELS, CONTRACT_STATUSES);

export const SEVERITY_LABELS: Record<Severity, Label> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '提示', en: 'Warning' },
  info: { zh: '信息', en: 'Info' },
};

export const certLabel = (level: CertLevel, lang: Lang) => CERT_LEVEL_LABELS[lang][level];

export interface Column {
  header: Label;
  width: number;
  /** A number format for the column's cells ('#,##0.00' for money). */
  numFmt?: string;
}

/**
 * A table: one heading row at `headerRow` (Chinese; with an English row beneath when lang is en),
 * frozen with everything above it, columns sized, printed on A4 fitting the width.
 */
export function tableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  lang: Lang,
  options: { headerRow?: number; landscape?: boolean } = {},
): { sheet: ExcelJS.Worksheet; firstDataRow: number } {
  const headerRow = options.headerRow ?? 1;
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: options.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  columns.forEach((column, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = column.width;
  });
  const rows = lang === 'en' ? 2 : 1;
  const zh = sheet.getRow(headerRow);
  zh.values = columns.map((c) => c.header.zh);
  if (lang === 'en') sheet.getRow(headerRow + 1).values = columns.map((c) => c.header.en);
  for (let r = headerRow; r < headerRow + rows; r++) {
    const row = sheet.getRow(r);
    row.font = r === headerRow ? { bold: true } : { italic: true, color: { argb: 'FF555555' } };
    row.alignment = { vertical: 'middle', wrapText: true };
    columns.forEach((_, i) => {
      const cell = row.getCell(i + 1);
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: headerRow + rows - 1, xSplit: 0 }];
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow + rows - 1}`;
  return { sheet, firstDataRow: headerRow + rows };
}

/** Writes a row of values; money columns get the yuan format, every cell a thin border. */
export function addTableRow(
  sheet: ExcelJS.Worksheet,
  columns: readonly Column[],
  values: readonly (string | number | null | undefined)[],
  style: { bold?: boolean; fill?: ExcelJS.Fill } = {},
): ExcelJS.Row {
  const row = sheet.addRow(values.map((v) => (v === undefined ? null : v)));
  columns.forEach((column, i) => {
    const cell = row.getCell(i + 1);
    if (column.numFmt) cell.numFmt = column.numFmt;
    cell.border = BORDER;
    cell.alignment = { vertical: 'top', wrapText: typeof values[i] === 'string' };
    if (style.fill) cell.fill = style.fill;
  });
  if (style.bold) row.font = { bold: true };
  return row;
}

/** The title block above the table: what the sheet is of, and the rule set it was costed with. */
export interface TitledVersion {
  contract: { status: ContractStatus };
  version: {
    number: number;
    draft: { terms: ContractTerms };
    ruleSet: { id: string; effectiveFrom: string; version: number; title: string };
    amendment?: { reason: string; effectiveDate: string } | undefined;
  };
}

export function titleBlock(sheet: ExcelJS.Worksheet, view: TitledVersion, lang: Lang, title: string): void {
  const { terms } = view.version.draft;
  const { ruleSet } = view.version;
  sheet.mergeCells('A1:G1');
  const heading = sheet.getCell('A1');
  heading.value = title;
  heading.font = { bold: true, size: 14 };
  heading.alignment = { horizontal: 'center' };
  const label = (cell: string, text: string) => {
    const c = sheet.getCell(cell);
    c.value = text;
    c.font = { bold: true };
  };
  const en = lang === 'en';
  // Row 2–5: label in A (and E), the value merged across the cells beside it.
  sheet.mergeCells('B2:D2');
  sheet.mergeCells('F2:G2');
  sheet.mergeCells('B3:D3');
  sheet.mergeCells('F3:G3');
  sheet.mergeCells('B4:D4');
  sheet.mergeCells('F4:G4');
  sheet.mergeCells('B5:G5');
  label('A2', en ? 'Contract number 合同编号' : '合同编号');
  sheet.getCell('B2').value = terms.number;
  label('E2', en ? 'Project' : '项目名称');
  sheet.getCell('F2').value = terms.title;
  label('A3', en ? 'Purchaser 购买主体' : '购买主体');
  sheet.getCell('B3').value = `${terms.purchaser.name}（${terms.purchaser.region}）`;
  label('E3', en ? 'Term' : '服务期限');
  sheet.getCell('F3').value =
    `${terms.startDate} 至 ${terms.endDate}（${termMonths(terms.startDate, terms.endDate)} 个月）`;
  label('A4', en ? 'Contract value (yuan) 合同金额' : '合同金额(元)');
  const value = sheet.getCell('B4');
  value.value = yuanCell(terms.value);
  value.numFmt = YUAN;
  value.alignment = { horizontal: 'left' };
  label('E4', en ? 'Version' : '合同版本');
  const amendment = view.version.amendment;
  sheet.getCell('F4').value =
    `第 ${view.version.number} 版 · ${pick(lang, STATUS_LABELS[view.contract.status])}` +
    (amendment ? `（变更：${amendment.reason}，${amendment.effectiveDate} 起）` : '');
  label('A5', en ? 'Rule set 测算规则' : '测算规则');
  sheet.getCell('B5').value =
    `${ruleSet.title}（编号 ${ruleSet.id}，${ruleSet.effectiveFrom} 起施行，第 ${ruleSet.version} 版）`;
  for (const row of [2, 3, 4, 5]) sheet.getRow(row).alignment = { vertical: 'top', wrapText: true };
}

/** What each amount is called in a sheet's 金额明细, by key; a kind may name its own (see KIND_AMOUNT_LABELS). */
const AMOUNT_LABELS: Record<string, Label> = {
  pay: { zh: '月薪', en: 'pay' },
  floor: { zh: '指导线', en: 'floor' },
  certLevel: { zh: '证书等级', en: 'certificate level' },
  ftePercent: { zh: '工作时间', en: 'working time' },
  personnel: { zh: '人员经费', en: 'personnel' },
  labourCost: { zh: '人工成本', en: 'labour cost' },
  bindsOn: { zh: '决定最低价的条件', en: 'set by' },
  shortfall: { zh: '差额', en: 'shortfall' },
  value: { zh: '合同金额', en: 'value' },
  shareBp: { zh: '人员经费占比', en: 'share' },
  minLabourShare: { zh: '最低占比', en: 'minimum share' },
  required: { zh: '至少', en: 'required' },
  management: { zh: '管理费', en: 'management' },
  maxManagementShare: { zh: '管理费上限', en: 'cap' },
  allowed: { zh: '允许', en: 'allowed' },
  excess: { zh: '超出', en: 'excess' },
  tax: { zh: '税费', en: 'tax' },
  expected: { zh: '应计', en: 'expected' },
  taxRate: { zh: '税率', en: 'tax rate' },
  linesTotal: { zh: '各项合计', en: 'lines total' },
  difference: { zh: '差额', en: 'difference' },
  priceFloor: { zh: '最低合同价', en: 'price floor' },
  managementShare: { zh: '管理费比例', en: 'management share' },
  months: { zh: '月数', en: 'months' },
  limit: { zh: '上限', en: 'limit' },
  milestonesTotal: { zh: '付款节点合计', en: 'milestones total' },
  line: { zh: '费用类别', en: 'line' },
  budget: { zh: '预算', en: 'budget' },
  actual: { zh: '实际累计', en: 'actual' },
  projected: { zh: '预计全年', en: 'projected' },
  monthsElapsed: { zh: '已过月数', en: 'months elapsed' },
  termMonths: { zh: '服务月数', en: 'term months' },
  month: { zh: '月份', en: 'month' },
  name: { zh: '姓名', en: 'name' },
};

/** P-W3's shortfall is a month's: said so where the sheet lists it. */
const KIND_AMOUNT_LABELS: Partial<Record<FindingKind, Record<string, Label>>> = {
  payBelowFloor: { shortfall: { zh: '每月差额', en: 'shortfall per month' } },
};

/** The amounts that are codes, and the domain's labels for them. */
const CODE_LABELS: Partial<Record<AmountUnit, Record<Lang, Record<string, string>>>> = {
  certLevel: CERT_LEVEL_LABELS,
  postClass: POST_CLASS_LABELS,
  budgetLine: BUDGET_LINE_LABELS,
  ladderRequirement: LADDER_REQUIREMENT_LABELS,
  floorBinding: FLOOR_BINDING_LABELS,
};

/** One amount as the sheet writes it: money in yuan, shares in percent, hours, codes by their labels. */
function amountValueText(unit: AmountUnit, value: string | number, lang: Lang): string {
  if (typeof value === 'string') return CODE_LABELS[unit]?.[lang][value] ?? value;
  if (unit === 'fen') return formatMoney(value);
  if (unit === 'bp') return formatPercent(value);
  if (unit === 'percent') return `${value}%`;
  if (unit === 'tenthHours') return tenthsToHours(value);
  return String(value);
}

/** A finding's amounts as one line of text, each in its unit (the domain's AMOUNT_UNITS says which). */
export function amountsText(f: Finding, lang: Lang): string {
  return amountsWithUnits(f)
    .map(({ key, value, unit }) => {
      const label = KIND_AMOUNT_LABELS[f.kind]?.[key] ?? AMOUNT_LABELS[key];
      return `${label ? pick(lang, label) : key}: ${amountValueText(unit, value, lang)}`;
    })
    .join('; ');
}

/** Where a finding points, in words: `/plan/posts/1/monthlyPay` → 岗位 2 · 月薪. */
export function whereText(path: string, lang: Lang): string {
  const month = /^\/months\/(\d{4}-\d{2})\/payroll\/(\d+)/.exec(path);
  if (month)
    return `${month[1]} · ${lang === 'en' ? 'payroll row' : '工资第'} ${Number(month[2]) + 1}${lang === 'en' ? '' : ' 行'}`;
  const post = /^\/(?:plan\/)?posts\/(\d+)(?:\/(\w+))?/.exec(path);
  if (post) return `${lang === 'en' ? 'Post' : '岗位'} ${Number(post[1]) + 1}${post[2] ? ` · ${post[2]}` : ''}`;
  const line = /\/lines\/(\w+)$/.exec(path);
  if (line && line[1]! in LINE_LABELS) return pick(lang, LINE_LABELS[line[1] as BudgetLine]);
  if (path === '/terms/value') return lang === 'en' ? 'Contract value' : '合同金额';
  return path;
}
