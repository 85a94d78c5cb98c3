import type { ExamCostRecord, ExamCostReport } from '@shegong/domain';
import ExcelJS from 'exceljs';
import { CERTIFICATE_LABELS } from './labels.ts';
import type { Lang } from './template.ts';
import { yuanCell } from './values.ts';

export const EXAM_COSTS_SHEET = '考试费用报销';

const YUAN = '#,##0.00';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F1FB' } };

const COLUMNS = [
  { zh: '考试年份', en: 'Exam year', width: 10 },
  { zh: '姓名', en: 'Person', width: 14 },
  { zh: '考试日期', en: 'Exam date', width: 12 },
  { zh: '考试级别', en: 'Level', width: 16 },
  { zh: '报名费（元）', en: 'Registration (yuan)', width: 14, numFmt: YUAN },
  { zh: '教材费（元）', en: 'Textbooks (yuan)', width: 14, numFmt: YUAN },
  { zh: '往返交通费（元）', en: 'Travel (yuan)', width: 16, numFmt: YUAN },
  { zh: '报销合计（元）', en: 'Reimbursed (yuan)', width: 16, numFmt: YUAN },
  { zh: '规则', en: 'Rule', width: 8 },
] as const;

export interface ExamCostSheetView {
  title: string;
  asOf: string;
  records: readonly ExamCostRecord[];
  report: ExamCostReport;
}

/**
 * P-A1: an organisation's reimbursed exam costs, one row per exam (by year, newest first, then
 * person and day), a subtotal row per year and the grand total. Amounts are yuan numbers with two
 * decimals (so Excel sums them); the rule id sits in its own column.
 */
export async function examCostsWorkbook(view: ExamCostSheetView, lang: Lang): Promise<Buffer> {
  const en = lang === 'en';
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(EXAM_COSTS_SHEET, { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width, ...('numFmt' in c ? { style: { numFmt: c.numFmt } } : {}) }));
  sheet.addRow([view.title]).font = { bold: true, size: 14 };
  sheet.addRow([view.asOf]);
  const heading = sheet.addRow(COLUMNS.map((c) => (en ? c.en : c.zh)));
  heading.font = { bold: true };
  heading.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  for (const year of view.report.years) {
    const rows = view.records
      .filter((r) => r.assessment.examYear === year.year)
      .sort((a, b) => a.personName.localeCompare(b.personName, 'zh-CN') || a.examDate.localeCompare(b.examDate));
    for (const r of rows)
      sheet.addRow([
        year.year,
        r.personName,
        r.examDate,
        CERTIFICATE_LABELS[r.level][en ? 'en' : 'zh'],
        yuanCell(r.registrationFee),
        yuanCell(r.textbooks),
        yuanCell(r.travel),
        yuanCell(r.assessment.total),
        'P-A1',
      ]);
    sheet.addRow([
      year.year,
      en ? 'Year total' : '年度合计',
      null,
      null,
      null,
      null,
      null,
      yuanCell(year.total),
      'P-A1',
    ]).font = { bold: true };
  }
  sheet.addRow([en ? 'Total' : '总计', null, null, null, null, null, null, yuanCell(view.report.total), 'P-A1']).font =
    {
      bold: true,
    };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
