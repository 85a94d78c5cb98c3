import {
  CONTRACT_STATUS_LABELS,
  findRegion,
  REGISTER_FINDING_LABELS,
  type RegisterRow,
  type RegisterTotals,
} from '@shegong/domain';
import ExcelJS from 'exceljs';
import type { Lang } from './template.ts';
import { yuanCell } from './values.ts';

export const REGISTER_SHEET = '合同台账';

const YUAN = '#,##0.00';
const SHARE = '0.00%';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F1FB' } };

/** The columns as a bureau's register (台账) files them: Chinese headings, amounts in yuan. */
const COLUMNS = [
  { heading: '序号', width: 6 },
  { heading: '县（市、区）', width: 12 },
  { heading: '承接机构', width: 28 },
  { heading: '采购单位', width: 24 },
  { heading: '合同编号', width: 16 },
  { heading: '项目名称', width: 30 },
  { heading: '服务期限起', width: 12 },
  { heading: '服务期限止', width: 12 },
  { heading: '年度', width: 8 },
  { heading: '合同金额（元）', width: 16, numFmt: YUAN },
  { heading: '状态', width: 10 },
  { heading: '人员成本（元）', width: 16, numFmt: YUAN },
  { heading: '人员经费占比', width: 12, numFmt: SHARE },
  { heading: '价格底线（元）', width: 16, numFmt: YUAN },
  { heading: '测算规则', width: 10 },
  { heading: '存在问题', width: 30 },
  { heading: '问题规则', width: 12 },
] as const;

export interface RegisterSheetView {
  /** The title line: the bureau and what the register holds. */
  title: string;
  /** The filter as a reader would say it (县区、年度…), printed under the title. */
  filterText: string;
  asOf: string;
  rows: readonly RegisterRow[];
  totals: RegisterTotals;
}

/**
 * The register as an xlsx a bureau files: a title, the filter and date, one heading row in
 * Chinese, a row per contract and a totals row. Amounts are numbers of yuan with two decimals
 * (so Excel sums them); the labour share a percentage; the rule each figure and each finding
 * applies in its own columns (测算规则, 问题规则).
 */
export async function registerWorkbook(view: RegisterSheetView, lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(REGISTER_SHEET, {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width, ...('numFmt' in c ? { style: { numFmt: c.numFmt } } : {}) }));
  sheet.addRow([view.title]).font = { bold: true, size: 14 };
  sheet.addRow([`${view.filterText}　${view.asOf}`]);
  const heading = sheet.addRow(COLUMNS.map((c) => c.heading));
  heading.font = { bold: true };
  heading.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.numFmt = '@';
  });
  view.rows.forEach((row, i) => {
    sheet.addRow([
      i + 1,
      findRegion(row.county)?.[lang === 'en' ? 'en' : 'zh'] ?? row.county,
      row.organisationName,
      row.purchaser,
      row.number,
      row.title,
      row.startDate,
      row.endDate,
      row.year,
      yuanCell(row.value),
      CONTRACT_STATUS_LABELS[lang][row.status],
      yuanCell(row.labourCost),
      row.labourShareBp / 10_000,
      row.priceFloor === undefined ? null : yuanCell(row.priceFloor),
      row.ruleIds.labourCost,
      row.findings.map((f) => REGISTER_FINDING_LABELS[lang][f.kind]).join('；'),
      [...new Set(row.findings.map((f) => f.ruleId))].join(', '),
    ]);
  });
  const total = sheet.addRow([
    lang === 'en' ? 'Total' : '合计',
    `${view.totals.count}`,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    yuanCell(view.totals.value),
    null,
    yuanCell(view.totals.labourCost),
  ]);
  total.font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
