import { COMMUNITY_COLUMNS, type MapRows, type SheetRow, TOWNSHIP_COLUMNS } from '@shegong/domain';
import ExcelJS from 'exceljs';
import { parseCsv } from './csv.ts';
import type { Lang } from './template.ts';
import { type CellValue, cellText } from './values.ts';

/**
 * The map's lower levels in a workbook (issue 13): sheet 乡镇街道 (townships/streets) and sheet 社区村
 * (communities), headings on row 1 as domain map-import.ts names them; a third sheet explains them.
 * The same two lists may be pasted as text (tab-separated as copied from Excel, or comma-separated),
 * headings first.
 */

export const TOWNSHIP_SHEET = '乡镇街道';
export const COMMUNITY_SHEET = '社区村';
const HELP = '填写说明';
const ROWS = 2000;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F1FB' } };

const HELP_ROWS = [
  [
    '代码',
    'Code',
    '乡镇(街道)：9位 = 县级代码6位 + 3位（统计用区划代码；12位以000结尾的亦可）；社区(村)：12位 = 乡镇代码9位 + 3位',
    'Township: 9 digits (county 6 + 3; the 12-digit form ending in 000 is accepted). Community: 12 digits (township 9 + 3).',
  ],
  ['名称', 'Name', '如：渔洲坪街道、渔洲坪社区', 'e.g. 渔洲坪街道, 渔洲坪社区'],
  [
    '所属县(市、区)代码',
    'County code',
    'GB/T 2260：港口区 450602，防城区 450603，上思县 450621，东兴市 450681',
    'GB/T 2260 code of the county',
  ],
  [
    '所属乡镇(街道)代码',
    'Township code',
    '该社区(村)所属乡镇(街道)的代码，须在本文件的乡镇街道表中',
    'The township’s code; it must be on the townships sheet of the same file',
  ],
  [
    '类型',
    'Kind',
    '乡镇表：乡镇 或 街道；社区表：社区（城市）或 村（农村）',
    'Townships: 乡镇 or 街道. Communities: 社区 (urban) or 村 (rural).',
  ],
] as const;

const EXAMPLES = {
  townships: [['450602001', '渔洲坪街道', '450602', '街道']],
  communities: [['450602001001', '渔洲坪社区', '450602001', '社区']],
};

function addListSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  headings: readonly string[],
  kinds: string[],
  rows: readonly (readonly string[])[],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headings.map((h, i) => ({ header: h, width: i === 1 ? 24 : 20, style: { numFmt: '@' } }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  for (const row of rows) sheet.addRow([...row]);
  const letter = sheet.getColumn(headings.length).letter;
  (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(`${letter}2:${letter}${ROWS + 1}`, {
    type: 'list',
    allowBlank: false,
    formulae: [`"${kinds.join(',')}"`],
    showErrorMessage: true,
    errorTitle: '类型',
    error: '请从列表中选择 · pick from the list',
  });
}

/** The rows of the two sheets, as text cells in the headings' order (code, name, parent, kind). */
export interface MapSheetRows {
  townships: readonly (readonly string[])[];
  communities: readonly (readonly string[])[];
}

/**
 * A workbook in the template's layout holding these rows: the template (one example row each), or
 * the map as it stands, to edit and import again (kinds in Chinese, as the bureau types them).
 */
export async function mapWorkbook(rows: MapSheetRows, lang: Lang = 'zh-CN'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shegong 社工';
  workbook.created = new Date(0);
  addListSheet(workbook, TOWNSHIP_SHEET, Object.values(TOWNSHIP_COLUMNS), ['乡镇', '街道'], rows.townships);
  addListSheet(workbook, COMMUNITY_SHEET, Object.values(COMMUNITY_COLUMNS), ['社区', '村'], rows.communities);
  const help = workbook.addWorksheet(HELP);
  help.columns = [
    { header: '列 Column', width: 22 },
    { header: 'English', width: 16 },
    { header: lang === 'en' ? 'How to fill it' : '填写说明', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  for (const [zh, en, helpZh, helpEn] of HELP_ROWS) help.addRow([zh, en, lang === 'en' ? helpEn : helpZh]);
  help.addRow([]);
  help.addRow([
    lang === 'en'
      ? 'A place already on the map is updated by its code; places not in the file are kept.'
      : '地图上已有的代码按本文件更新，文件中没有的地点保留不变。',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template: both sheets with their headings, one example row each (delete it), kinds as drop-downs, and the help. */
export function mapTemplateWorkbook(lang: Lang = 'zh-CN'): Promise<Buffer> {
  return mapWorkbook(EXAMPLES, lang);
}

/** A sheet's rows below the headings as SheetRows (cells by heading), empty rows left out. */
function rowsOf(grid: { row: number; cells: CellValue[] }[]): SheetRow[] {
  const [head, ...body] = grid;
  if (!head) return [];
  const headings = head.cells.map((c) => cellText(c));
  return body
    .filter((r) => r.cells.some((c) => cellText(c) !== ''))
    .map((r) => ({
      row: r.row,
      cells: Object.fromEntries(headings.map((h, i) => [h, cellText(r.cells[i] ?? null)])),
    }));
}

function gridOf(sheet: ExcelJS.Worksheet | undefined): { row: number; cells: CellValue[] }[] {
  if (!sheet) return [];
  const grid: { row: number; cells: CellValue[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.value as CellValue;
    });
    grid.push({ row: number, cells });
  });
  return grid;
}

/**
 * The rows of an uploaded workbook: the sheets by their names (乡镇街道, 社区村), else the first
 * two sheets in that order. Undefined when the bytes are not a workbook.
 */
export async function readMapWorkbook(bytes: Buffer): Promise<MapRows | undefined> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return undefined;
  }
  const [first, second] = workbook.worksheets.filter((s) => s.name !== HELP);
  const townships = workbook.getWorksheet(TOWNSHIP_SHEET) ?? first;
  const communities = workbook.getWorksheet(COMMUNITY_SHEET) ?? (second !== townships ? second : undefined);
  return { townships: rowsOf(gridOf(townships)), communities: rowsOf(gridOf(communities)) };
}

/** Pasted text (headings first): tab-separated as copied from a spreadsheet, else comma-separated. */
export function readMapText(townships: string, communities: string): MapRows {
  const grid = (text: string) => {
    const trimmed = text.replace(/^\uFEFF/, '').trim();
    if (!trimmed) return [];
    const lines = trimmed.includes('\t') ? trimmed.split(/\r?\n/).map((line) => line.split('\t')) : parseCsv(trimmed);
    return lines.map((cells, i) => ({ row: i + 1, cells: cells as CellValue[] }));
  };
  return { townships: rowsOf(grid(townships)), communities: rowsOf(grid(communities)) };
}
