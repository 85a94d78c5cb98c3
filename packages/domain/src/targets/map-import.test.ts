import { describe, expect, it } from 'vitest';
import { BureauMap } from './map.ts';
import { parseMapRows, type SheetRow } from './map-import.ts';
import { MAP } from './test-fixtures.ts';

const COUNTIES = ['450602', '450603', '450621', '450681'];
const t = (row: number, code: string, name: string, county: string, kind: string): SheetRow => ({
  row,
  cells: { 代码: code, 名称: name, '所属县(市、区)代码': county, 类型: kind },
});
const c = (row: number, code: string | number, name: string, township: string, kind: string): SheetRow => ({
  row,
  cells: { 代码: code, 名称: name, '所属乡镇(街道)代码': township, 类型: kind },
});

const TOWNSHIPS = [
  t(2, '450602001', '渔洲坪街道', '450602', '街道'),
  t(3, '450602100000', '企沙镇', '450602', '镇'),
  t(4, '450681001', '东兴镇', '450681', '乡镇'),
];
const COMMUNITIES = [
  c(2, '450602001001', '渔洲坪社区', '450602001', '社区'),
  c(3, '450602001002', '沙潭江社区', '450602001', '社区'),
  c(4, 450602100201, '企沙村', '450602100', '村'),
  c(5, '450681001001', '东兴社区', '450681001000', '社区'),
  c(6, '450681001201', '竹山村', '450681001', '村'),
];

describe('the map’s lower levels from xlsx rows', () => {
  it('reads the test map: 3 townships, 5 communities, Chinese kinds mapped, 12-digit township codes kept as 9', () => {
    const result = parseMapRows({ townships: TOWNSHIPS, communities: COMMUNITIES }, COUNTIES);
    expect(result).toEqual({ ok: true, townships: MAP.townships, communities: MAP.communities });
    if (result.ok) expect(() => BureauMap.parse({ ...MAP, ...result })).not.toThrow();
  });

  it('names the sheet, row and column of every error, and imports nothing then', () => {
    const result = parseMapRows(
      {
        townships: [
          ...TOWNSHIPS,
          t(5, '450602001', '重复街道', '450602', '街道'),
          t(6, '45060', '', '450100', '区'),
          t(7, '450603001', '错县镇', '450602', '镇'),
        ],
        communities: [
          ...COMMUNITIES,
          c(7, '450602001001', '重复社区', '450602001', '社区'),
          c(8, '450681001301', '孤村', '450681999', '村'),
          c(9, '450602100301', '错乡村', '450602001', '屯'),
        ],
      },
      COUNTIES,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['townships', 5, '代码'],
      ['townships', 6, '代码'],
      ['townships', 6, '名称'],
      ['townships', 6, '所属县(市、区)代码'],
      ['townships', 6, '类型'],
      ['townships', 7, '代码'],
      ['communities', 7, '代码'],
      ['communities', 8, '所属乡镇(街道)代码'],
      ['communities', 9, '代码'],
      ['communities', 9, '类型'],
    ]);
    expect(result.errors[0]?.message).toBe('450602001 is already on an earlier row');
    expect(result.errors[5]?.message).toBe("must begin with its county's code 450602");
    expect(result.errors[7]?.message).toBe('450681999 is not a township of the townships sheet');
  });

  it('an empty file is an empty map', () => {
    expect(parseMapRows({ townships: [], communities: [] }, COUNTIES)).toEqual({
      ok: true,
      townships: [],
      communities: [],
    });
  });
});
