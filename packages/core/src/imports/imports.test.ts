import { XLSX_TYPE } from '@shegong/sheets/light';
import { describe, expect, it } from 'vitest';
import { rosterKind } from './imports.ts';

/** The first bytes of every xlsx (a zip's local file header, PK\3\4) and of a csv someone typed. */
const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
const TEXT = new TextEncoder().encode('姓名,身份证号\r\n');

describe('rosterKind', () => {
  it('knows an xlsx by its zip bytes, whatever type and name came with it', () => {
    expect(rosterKind(ZIP)).toBe('xlsx');
    expect(rosterKind(ZIP, XLSX_TYPE, '人员名册.xlsx')).toBe('xlsx');
    expect(rosterKind(ZIP, 'text/csv', 'roster.csv')).toBe('xlsx');
  });

  it('refuses a file that says it is xlsx (by type or by name) but is not a zip', () => {
    expect(rosterKind(TEXT, XLSX_TYPE, 'roster.csv')).toBeUndefined();
    expect(rosterKind(TEXT, 'application/octet-stream', '人员名册.XLSX')).toBeUndefined();
    expect(rosterKind(TEXT, 'text/csv', 'roster.xlsx')).toBeUndefined();
    // PK\5\6 is an empty zip's end record, not a workbook.
    expect(rosterKind(Uint8Array.from([0x50, 0x4b, 0x05, 0x06]), XLSX_TYPE)).toBeUndefined();
  });

  it('takes csv by its type, with parameters and in any case', () => {
    expect(rosterKind(TEXT, 'text/csv')).toBe('csv');
    expect(rosterKind(TEXT, 'Text/CSV; charset=utf-8')).toBe('csv');
    expect(rosterKind(TEXT, 'application/csv')).toBe('csv');
  });

  it('takes csv by its name when the type says nothing', () => {
    expect(rosterKind(TEXT, '', 'roster.CSV')).toBe('csv');
    expect(rosterKind(TEXT, undefined, '人员名册.csv')).toBe('csv');
  });

  it('takes the types browsers send for a csv (Excel on Windows says vnd.ms-excel)', () => {
    for (const type of ['application/vnd.ms-excel', 'text/plain', 'application/octet-stream']) {
      expect(rosterKind(TEXT, type, 'upload')).toBe('csv');
    }
  });

  it('refuses anything else', () => {
    expect(rosterKind(TEXT, 'application/pdf', 'roster.pdf')).toBeUndefined();
    expect(rosterKind(TEXT, '', 'roster.txt')).toBeUndefined();
    expect(rosterKind(TEXT)).toBeUndefined();
  });
});
