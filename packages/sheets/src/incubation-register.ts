import { INCUBATION_STAGE_LABELS, type IncubationRegisterRow } from '@shegong/domain';
import ExcelJS from 'exceljs';
import type { Lang } from './template.ts';
import { yuanCell } from './values.ts';

export const INCUBATION_REGISTER_SHEET = '在孵机构台账';

const YUAN = '#,##0.00';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F1FB' } };

/** The register's columns as the page shows them, then the history an annual report asks for. */
const COLUMNS = [
  { zh: '序号', en: 'No.', width: 6 },
  { zh: '机构名称', en: 'Organisation', width: 30 },
  { zh: '登记状态', en: 'Registration', width: 10 },
  { zh: '孵化阶段', en: 'Stage', width: 12 },
  { zh: '孵化方式', en: 'Mode', width: 10 },
  { zh: '孵化月数', en: 'Months', width: 10 },
  { zh: '成员数', en: 'Members', width: 8 },
  { zh: '名册人员', en: 'Registry staff', width: 10 },
  { zh: '持证人员', en: 'Certified', width: 10 },
  { zh: '承接合同数', en: 'Contracts won', width: 10 },
  { zh: '合同金额（元）', en: 'Contract value (yuan)', width: 16, numFmt: YUAN },
  { zh: '违规合同数', en: 'Contracts breaking rules', width: 10 },
  { zh: '违反规则', en: 'Rules broken', width: 14 },
  { zh: '入驻日期', en: 'Admitted', width: 12 },
  { zh: '中期评估日期', en: 'Mid-term review', width: 12 },
  { zh: '延期日期', en: 'Extended', width: 12 },
  { zh: '协议到期', en: 'Agreement ends', width: 12 },
  { zh: '出壳日期', en: 'Graduated', width: 12 },
  { zh: '退驻日期', en: 'Left', width: 12 },
] as const;

export interface IncubationRegisterSheetView {
  /** The base's name and what the register holds. */
  title: string;
  /** The filter as said (阶段), printed under the title with the date. */
  filterText: string;
  asOf: string;
  rows: readonly IncubationRegisterRow[];
}

const TEXT = {
  'zh-CN': {
    toBeRegistered: '未登记',
    registered: '已登记',
    physical: '物理孵化',
    virtual: '虚拟孵化',
    closed: '已结束，不再跟踪',
  },
  en: {
    toBeRegistered: 'To be registered',
    registered: 'Registered',
    physical: 'Physical',
    virtual: 'Virtual',
    closed: 'Closed: no longer followed',
  },
} as const;

/**
 * The base's register (在孵机构台账) for its annual report: a title, the filter and date, one
 * heading row, a row per organisation. A closed record (graduated or left) keeps its history and
 * months, and says in place of the figures that the base no longer follows them. Amounts are
 * numbers of yuan with two decimals (so Excel sums them); dates are text YYYY-MM-DD.
 */
export async function incubationRegisterWorkbook(view: IncubationRegisterSheetView, lang: Lang): Promise<Buffer> {
  const text = TEXT[lang];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(INCUBATION_REGISTER_SHEET, {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width, ...('numFmt' in c ? { style: { numFmt: c.numFmt } } : {}) }));
  sheet.addRow([view.title]).font = { bold: true, size: 14 };
  sheet.addRow([`${view.filterText}　${view.asOf}`]);
  const heading = sheet.addRow(COLUMNS.map((c) => (lang === 'en' ? c.en : c.zh)));
  heading.font = { bold: true };
  heading.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  view.rows.forEach((row, i) => {
    const { current } = row.figures;
    const figures = current
      ? [
          current.members,
          current.registryStaff,
          current.certifiedStaff,
          current.contractsWon.count,
          yuanCell(current.contractsWon.value),
          current.ruleBreach.contracts,
          current.ruleBreach.ruleIds.join(', '),
        ]
      : [text.closed, null, null, null, null, null, null];
    const { history } = row;
    sheet.addRow([
      i + 1,
      row.organisationName,
      row.toBeRegistered ? text.toBeRegistered : text.registered,
      INCUBATION_STAGE_LABELS[lang][row.stage],
      text[row.mode],
      row.figures.monthsInIncubation,
      ...figures,
      history.admittedOn,
      history.midtermReviewedOn ?? null,
      history.extendedOn ?? null,
      history.endDate,
      history.graduatedOn ?? null,
      history.leftOn ?? null,
    ]);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
