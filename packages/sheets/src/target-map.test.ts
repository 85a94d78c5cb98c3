import { parseMapRows } from '@shegong/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { COMMUNITY_SHEET, mapTemplateWorkbook, readMapText, readMapWorkbook, TOWNSHIP_SHEET } from './target-map.ts';

const COUNTIES = ['450602', '450603', '450621', '450681'];

describe('the map’s workbook', () => {
  it('reads its own template back: the example rows are a valid map', async () => {
    const rows = await readMapWorkbook(await mapTemplateWorkbook());
    expect(rows).toEqual({
      townships: [
        { row: 2, cells: { 代码: '450602001', 名称: '渔洲坪街道', '所属县(市、区)代码': '450602', 类型: '街道' } },
      ],
      communities: [
        {
          row: 2,
          cells: { 代码: '450602001001', 名称: '渔洲坪社区', '所属乡镇(街道)代码': '450602001', 类型: '社区' },
        },
      ],
    });
    expect(parseMapRows(rows!, COUNTIES).ok).toBe(true);
  });

  it('reads numbers typed as numbers, skips empty rows, and keeps the spreadsheet’s row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const t = workbook.addWorksheet(TOWNSHIP_SHEET);
    t.addRow(['代码', '名称', '所属县(市、区)代码', '类型']);
    t.addRow([450681001, '东兴镇', 450681, '镇']);
    t.addRow([]);
    t.addRow(['450681100', '', '450681', '镇']);
    const c = workbook.addWorksheet(COMMUNITY_SHEET);
    c.addRow(['代码', '名称', '所属乡镇(街道)代码', '类型']);
    c.addRow([450681001201, '竹山村', '450681001', '村']);
    const rows = await readMapWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    const parsed = parseMapRows(rows!, COUNTIES);
    expect(parsed).toEqual({
      ok: false,
      errors: [{ sheet: 'townships', row: 4, column: '名称', message: 'is required' }],
    });
  });

  it('is not a workbook: undefined', async () => {
    expect(await readMapWorkbook(Buffer.from('代码,名称'))).toBeUndefined();
  });

  it('reads pasted text, tab- or comma-separated', () => {
    const rows = readMapText(
      '代码\t名称\t所属县(市、区)代码\t类型\n450602001\t渔洲坪街道\t450602\t街道\n',
      '代码,名称,所属乡镇(街道)代码,类型\r\n450602001001,渔洲坪社区,450602001,社区',
    );
    const parsed = parseMapRows(rows, COUNTIES);
    expect(parsed.ok && parsed.communities.map((c) => c.name)).toEqual(['渔洲坪社区']);
    expect(rows.townships[0]?.row).toBe(2);
  });
});
