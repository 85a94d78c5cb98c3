import { type BureauMap, type TargetFacts, targetsDashboard } from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import { sheetText } from './read.ts';
import { TARGETS_COUNTY_SHEET, TARGETS_GAPS_SHEET, TARGETS_SUMMARY_SHEET, targetsWorkbook } from './targets.ts';

/** 港口区 with a street, its station, and two urban communities; nobody posted; no baseline. */
const MAP: BureauMap = {
  city: '450600',
  townships: [{ code: '450602001', name: '渔洲坪街道', county: '450602', kind: 'street' }],
  communities: [
    { code: '450602001001', name: '渔洲坪社区', township: '450602001', kind: 'urban' },
    { code: '450602001002', name: '沙潭江社区', township: '450602001', kind: 'urban' },
  ],
  stations: [{ id: 's1', name: '渔洲坪街道社工站', township: '450602001' }],
  bases: [{ id: 'tb', kind: 'talent', name: '人才培育基地', region: '450600' }],
};
const FACTS: TargetFacts = { incubationBases: [], organisations: [], staff: [], postings: [] };
const dashboard = targetsDashboard(MAP, FACTS, '2026-12-03');
const view = { title: '防城港市社会工作发展目标进度', bureau: '防城港市民政局', dashboard };

describe('targetsWorkbook', () => {
  it('sums up the city’s figures, each with its rule id, numbers as numbers, status in words', async () => {
    const rows = await sheetText(await targetsWorkbook(view, 'zh-CN'), TARGETS_SUMMARY_SHEET);
    expect(rows[0]).toEqual(['防城港市社会工作发展目标进度']);
    expect(rows[1]?.[0]).toBe('防城港市民政局　2026-12-03');
    expect(rows[2]).toEqual(['目标', '规则', '现状', '目标值', '单位', '完成期限（年底）', '状态']);
    expect(rows.slice(3).map((r) => [r[1], r[2], r[3], r[6]])).toEqual([
      ['P-T1', '0', '4', '逾期'],
      ['P-T2', '0', '2', '缺少数据'],
      ['P-T3', '0', '4', '逾期'],
      ['P-T4', '1', '1', '缺少数据'],
      ['P-T5', '0', '', '缺少数据'],
      ['P-T6', '1', '1', '达标'],
      ['P-T6', '0', '2', '逾期'],
      ['P-T7', '0', '2', '缺少数据'],
    ]);
  });

  it('has a row per county and target, and lists every place behind a shortfall', async () => {
    const book = await targetsWorkbook(view, 'zh-CN');
    const counties = (await sheetText(book, TARGETS_COUNTY_SHEET)).slice(3);
    expect(counties).toHaveLength(4 * 6);
    expect(counties.filter((r) => r[0] === '港口区').map((r) => [r[2], r[3], r[4], r[7]])).toEqual([
      ['P-T1', '0', '1', '逾期'],
      ['P-T2', '0', '2', '逾期'],
      ['P-T3', '0', '1', '逾期'],
      ['P-T4', '1', '1', '达标'],
      ['P-T5', '0', '', '缺少数据'],
      ['P-T7', '0', '2', '未达标'],
    ]);
    const gaps = (await sheetText(book, TARGETS_GAPS_SHEET)).slice(3);
    const t7 = gaps.filter((r) => r[0] === 'P-T7');
    expect(t7.map((r) => [r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9]])).toEqual([
      ['港口区', '社区（村）', '450602001001', '渔洲坪社区', '城市社区', '0', '1', '无持证社工岗位'],
      ['港口区', '社区（村）', '450602001002', '沙潭江社区', '城市社区', '0', '1', '无持证社工岗位'],
      // Counties with no places in the map: the list says the data is missing, not what is needed.
      ['防城区', '县（市、区）', '450603', '防城区', '', '0', '', '缺少数据（区划或基数未录入）'],
      ['上思县', '县（市、区）', '450621', '上思县', '', '0', '', '缺少数据（区划或基数未录入）'],
      ['东兴市', '县（市、区）', '450681', '东兴市', '', '0', '', '缺少数据（区划或基数未录入）'],
    ]);
  });

  it('is in English for an English reader', async () => {
    const rows = await sheetText(await targetsWorkbook(view, 'en'), TARGETS_SUMMARY_SHEET);
    expect(rows[2]?.[0]).toBe('Target');
    expect(rows[3]?.[0]).toBe('An incubation base in every county');
    expect(rows[3]?.[6]).toBe('Overdue');
  });
});
