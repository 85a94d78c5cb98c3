import { describe, expect, it } from 'vitest';
import { MAP_COLUMN_FIELDS, NewPosting, placesImportRows } from './map-edits.ts';
import { parseMapRows } from './map-import.ts';

const COUNTIES = ['450602', '450603', '450621', '450681'];

describe('the API’s import rows', () => {
  it('are read by the same parser as a sheet’s, errors named by the list index and the field', () => {
    const rows = placesImportRows({
      townships: [
        { code: '450602001', name: '渔洲坪街道', county: '450602', kind: 'street' },
        { code: 450602100, name: '企沙镇', county: '450602', kind: '镇' },
      ],
      communities: [{ code: '450602001001', name: '渔洲坪社区', township: '450602001', kind: '村庄' }],
    });
    const result = parseMapRows(rows, COUNTIES);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `/${e.sheet}/${e.row}/${MAP_COLUMN_FIELDS[e.column]}`)).toEqual([
      '/communities/0/kind',
    ]);
  });

  it('name every heading of both sheets as a field', () => {
    expect(MAP_COLUMN_FIELDS).toEqual({
      代码: 'code',
      名称: 'name',
      '所属县(市、区)代码': 'county',
      '所属乡镇(街道)代码': 'township',
      类型: 'kind',
    });
  });
});

describe('a posting', () => {
  it('ends on or after its first day', () => {
    expect(NewPosting.safeParse({ community: '450602001001', from: '2026-03-01', until: '2026-03-01' }).success).toBe(
      true,
    );
    const early = NewPosting.safeParse({ community: '450602001001', from: '2026-03-01', until: '2026-02-28' });
    expect(early.success ? [] : early.error.issues.map((i) => i.path.join('/'))).toEqual(['until']);
    expect(NewPosting.safeParse({ community: '4506020010', from: '2026-03-01' }).success).toBe(false);
  });
});
