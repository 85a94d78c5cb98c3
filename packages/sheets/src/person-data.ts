import ExcelJS from 'exceljs';
import type { Lang } from './template.ts';

/**
 * PIPL: a person's data export as a workbook, one sheet per kind of record, the same content as the
 * JSON export. The records are many shapes and change as the product grows, so each sheet's
 * columns are the union of its rows' fields (nested values as JSON), and fields keep the API's
 * names: a reader can put the workbook beside the JSON and the API's documentation. Amounts are fen
 * there too (the names say so).
 */
export interface PersonDataSheetView {
  exportedAt: string;
  organisation: { name: string };
  person: object;
  member?: object;
  submissions: readonly object[];
  promotions: readonly object[];
  examCosts: readonly object[];
  postings: readonly object[];
  awardClaims: readonly object[];
  contractPosts: readonly object[];
  payMonths: readonly object[];
  auditEvents: readonly object[];
  awardLedger?: { total: number; entries: readonly object[] };
}

/** The sheets, in order: the record's field, its sheet name in Chinese and English. */
const FAMILIES = [
  ['submissions', '提交记录', 'Submissions'],
  ['promotions', '晋升记录', 'Promotions'],
  ['examCosts', '考试费用', 'Exam costs'],
  ['postings', '服务社区', 'Postings'],
  ['awardClaims', '奖励申请', 'Award claims'],
  ['contractPosts', '合同岗位', 'Contract posts'],
  ['payMonths', '工资月份', 'Pay months'],
  ['auditEvents', '操作记录', 'Audit events'],
] as const;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F1FB' } };

/** A value as one cell: text and numbers as they are, anything nested as JSON. */
const cell = (value: unknown) =>
  value === undefined || value === null
    ? null
    : typeof value === 'object'
      ? JSON.stringify(value)
      : (value as string | number | boolean);

function tableSheet(workbook: ExcelJS.Workbook, name: string, records: readonly object[]) {
  const rows = records as readonly Record<string, unknown>[];
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const heading = sheet.addRow(columns);
  heading.font = { bold: true };
  heading.eachCell((c) => {
    c.fill = HEADER_FILL;
  });
  for (const row of rows) sheet.addRow(columns.map((k) => cell(row[k])));
  columns.forEach((_, i) => {
    sheet.getColumn(i + 1).width = 18;
  });
}

function fieldSheet(workbook: ExcelJS.Workbook, name: string, fields: [string, unknown][], en: boolean) {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [{ width: 24 }, { width: 60 }];
  sheet.addRow([en ? 'Field' : '字段', en ? 'Value' : '内容']).font = { bold: true };
  for (const [field, value] of fields) sheet.addRow([field, cell(value)]);
}

export async function personDataWorkbook(view: PersonDataSheetView, lang: Lang): Promise<Buffer> {
  const en = lang === 'en';
  const workbook = new ExcelJS.Workbook();
  fieldSheet(
    workbook,
    en ? 'Personal data' : '个人信息',
    [
      [en ? 'Organisation' : '机构', view.organisation.name],
      [en ? 'Exported at' : '导出时间', view.exportedAt],
      ...Object.entries(view.person).filter(([, v]) => !Array.isArray(v)),
      ...Object.entries(view.member ?? {}).map(([k, v]) => [`member.${k}`, v] as [string, unknown]),
    ],
    en,
  );
  const person = view.person as Record<string, unknown>;
  for (const [field, zh, enName] of [
    ['certificates', '证书', 'Certificates'],
    ['continuingEducation', '继续教育', 'Continuing education'],
    ['employment', '工作经历', 'Employment'],
  ] as const) {
    tableSheet(workbook, en ? enName : zh, (person[field] as object[] | undefined) ?? []);
  }
  for (const [field, zh, enName] of FAMILIES) {
    tableSheet(workbook, en ? enName : zh, view[field]);
  }
  tableSheet(workbook, en ? 'Award ledger' : '奖励台账', view.awardLedger?.entries ?? []);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
