import ExcelJS from 'exceljs';
import { type CellValue, cellText } from './values.ts';

/** A workbook's sheet as rows of cell text (the first sheet by default): for checking an export. */
export async function sheetText(buffer: Buffer, sheetName?: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value as CellValue);
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

/** One cell of a workbook as read back: for checking an export's figures and formats. */
export interface CellRead {
  sheet: string;
  address: string;
  row: number;
  col: number;
  value: unknown;
  numFmt?: string;
}

/** Every non-empty cell of every sheet (a merged range once, at its top-left cell), sheet by sheet. */
export async function workbookCells(buffer: Buffer | ArrayBuffer): Promise<CellRead[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as ArrayBuffer);
  const cells: CellRead[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        cells.push({
          sheet: sheet.name,
          address: cell.address,
          row: Number(row.number),
          col: Number(cell.col),
          value: cell.value,
          ...(cell.numFmt ? { numFmt: cell.numFmt } : {}),
        });
      });
    });
  }
  return cells;
}
