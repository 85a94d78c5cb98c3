import ExcelJS from 'exceljs';
import { HELP_SHEET, ROSTER_COLUMNS, ROSTER_SHEET, TEMPLATE_ROWS } from './columns.ts';

export type Lang = 'zh-CN' | 'en';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F1FB' } };

/**
 * The roster template: sheet 人员名册 with the headings on row 1 (each with a note giving its
 * English and what to write), drop-downs for the enumerated columns and text format for the
 * number-like ones over the first 5 000 rows; sheet 填写说明 explains every column with an example.
 */
export async function rosterTemplate(lang: Lang = 'zh-CN'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shegong 社工';
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet(ROSTER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ROSTER_COLUMNS.map((c) => ({
    header: c.zh,
    key: c.key,
    width: c.width,
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  ROSTER_COLUMNS.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = HEADER_FILL;
    cell.note = `${column.en}${column.required ? ' (required 必填)' : ''}\n${lang === 'en' ? column.helpEn : column.help}`;
  });
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  ROSTER_COLUMNS.forEach((column, i) => {
    if (!column.list) return;
    const letter = sheet.getColumn(i + 1).letter;
    validations.add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [`"${column.list.join(',')}"`],
      showErrorMessage: true,
      errorTitle: column.zh,
      error: `请从列表中选择 · pick from the list`,
    });
  });

  const help = workbook.addWorksheet(HELP_SHEET);
  help.columns = [
    { header: '列 Column', key: 'zh', width: 30 },
    { header: 'English', key: 'en', width: 30 },
    { header: '必填 Required', key: 'required', width: 12 },
    { header: '填写说明', key: 'help', width: 60 },
    { header: 'How to fill it', key: 'helpEn', width: 60 },
    { header: '示例 Example', key: 'example', width: 40 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of ROSTER_COLUMNS) {
    help.addRow({
      zh: column.zh,
      en: column.en,
      required: column.required ? '是 Yes' : '否 No',
      help: column.help,
      helpEn: column.helpEn,
      example: column.example,
    });
  }
  help.addRow([]);
  help.addRow([
    '一行一人：每人填写一个（最高等级的）证书；其他证书和继续教育可在人员页面补充。同一身份证号或证书编号出现两次会报错。',
  ]);
  help.addRow([
    'One row per person, with their one (highest) certificate; add further certificates on the person’s page. A repeated ID or certificate number is an error.',
  ]);
  help.addRow(['整个文件全部正确才会导入；有任何错误时，系统列出每行每列的错误，什么也不写入。']);
  help.addRow([
    'The file is imported only when every row is valid; otherwise every error is listed and nothing is written.',
  ]);
  help.addRow([]);
  help.addRow(['示例行 Example row（复制到“人员名册”第 2 行后再修改）']);
  help.addRow(ROSTER_COLUMNS.map((c) => c.zh)).font = { bold: true };
  help.addRow(ROSTER_COLUMNS.map((c) => c.example));
  for (const row of [help.lastRow]) {
    row?.eachCell((cell) => {
      cell.numFmt = '@';
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
