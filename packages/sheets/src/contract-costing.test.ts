import { describe, expect, it } from 'vitest';
import { COSTING_SHEET, costingWorkbook, FINDINGS_SHEET, POSTS_SHEET } from './contract-costing.ts';
import { fixtureView, readWorkbook, sheetRows } from './contract-fixtures.ts';

const byLabel = (table: unknown[][], label: string) => {
  const row = table.find((r) => typeof r?.[0] === 'string' && (r[0] as string).trim() === label);
  if (!row) throw new Error(`no row ${label}`);
  return row;
};

describe('costingWorkbook', () => {
  it('lays the budget out as a bureau files it, every amount the costing’s fen / 100', async () => {
    const view = fixtureView();
    const { costing } = view.version.assessment;
    // The hand-worked post costs of contract-fixtures.ts, and L.
    expect(costing.posts.map((p) => [p.monthly, p.cost])).toEqual([
      [489_060, 5_868_720],
      [405_060, 1_417_710],
      [579_150, 955_598],
    ]);
    expect(costing.labourCost).toBe(8_242_028);

    const workbook = await readWorkbook(await costingWorkbook(view));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([COSTING_SHEET, POSTS_SHEET, FINDINGS_SHEET]);
    const sheet = workbook.getWorksheet(COSTING_SHEET)!;
    const table = sheetRows(sheet);
    expect(table[6]).toEqual(['费用类别', '单价(元)', '单位', '数量', '总额(元)', '备注', '规则']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.getCell('B2').value).toBe('GK-2026-017');
    expect(sheet.getCell('B4').value).toBe(120_000);
    expect(sheet.getCell('B4').numFmt).toBe('#,##0.00');
    expect(String(sheet.getCell('B5').value)).toContain('450600-2023-01-01-v1');

    // 一、人员经费, then a row per post: unit price M, 人月, FTE × months / 100, the post's cost.
    expect(table[7]).toEqual(['一、人员经费', null, null, null, 94_400, expect.any(String), 'P-W2']);
    expect(table.slice(8, 11).map((r) => r.slice(1, 5).concat(r[6]))).toEqual([
      [4_890.6, '人月', 12, 58_687.2, 'P-W3'],
      [4_050.6, '人月', 3.5, 14_177.1, 'P-W3'],
      [5_791.5, '人月', 1.65, 9_555.98, 'P-W3'],
    ]);
    expect(String(table[10]![0])).toContain('黄小梅');
    expect(byLabel(table, '人工成本小计 L')[4]).toBe(82_420.28);

    // The itemised lines: each item unit price × quantity; un-itemised lines one row.
    expect(byLabel(table, '二、督导与培训').slice(4)).toEqual([3_000, '', '']);
    expect(byLabel(table, '1. 专家督导').slice(1, 5)).toEqual([500, '次', 6, 3_000]);
    expect(byLabel(table, '三、活动经费')[4]).toBe(9_000);
    expect(byLabel(table, '1. 社区活动物料').slice(1, 6)).toEqual([600, '场', 12, 7_200, '每月一场']);
    expect(byLabel(table, '2. 宣传印刷')[4]).toBe(1_800);
    expect(byLabel(table, '四、管理费')).toEqual(['四、管理费', null, null, null, 10_000, expect.any(String), 'N-7']);
    expect(byLabel(table, '五、税费')[4]).toBe(3_600);
    expect(byLabel(table, '六、其他')[4]).toBe(0);
    expect(byLabel(table, '合计')[4]).toBe(120_000);

    // The checks, each standard and actual from the costing, each with its rule id.
    const { thresholds } = costing;
    const start = table.findIndex((r) => r?.[0] === '检查项目') + 1;
    const checks = table.slice(start, start + 6);
    expect(checks.map((r) => [r[1], r[4], r[5], r[6]])).toEqual([
      [82_420.28, 94_400, '符合', 'P-W2'],
      [thresholds.minPersonnelByShare / 100, 94_400, '符合', 'P-W2'],
      [thresholds.maxManagement / 100, 10_000, '符合', 'N-7'],
      [thresholds.expectedTax / 100, 3_600, '符合', 'P-W2'],
      [120_000, 120_000, '符合', 'P-W2'],
      [
        view.version.assessment.priceFloor.feasible ? view.version.assessment.priceFloor.value / 100 : null,
        120_000,
        '符合',
        'P-W2',
      ],
    ]);
    expect(thresholds).toMatchObject({
      minPersonnelByShare: 8_400_000,
      maxManagement: 1_200_000,
      expectedTax: 360_000,
    });
  });

  it('breaks each post down into G, the base, each SI item, HF, M, FTE, months and cost', async () => {
    const view = fixtureView();
    const sheet = (await readWorkbook(await costingWorkbook(view))).getWorksheet(POSTS_SHEET)!;
    const table = sheetRows(sheet);
    expect(table[0]?.slice(0, 7)).toEqual(['序号', '岗位', '角色', '人员', '证书等级', '指导线(元/月)', '月薪G(元)']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    view.version.assessment.costing.posts.forEach((cost, i) => {
      const row = table[i + 1]!;
      expect(row).toEqual([
        i + 1,
        view.version.draft.plan.posts[i]!.title,
        expect.any(String),
        i === 2 ? '黄小梅' : '',
        expect.any(String),
        cost.floor / 100,
        cost.pay / 100,
        cost.payFrom === 'floor' ? '指导线' : '实际',
        cost.siBase / 100,
        cost.siItems.pension / 100,
        cost.siItems.medical / 100,
        cost.siItems.unemployment / 100,
        cost.siItems.workInjury / 100,
        cost.siItems.maternity / 100,
        cost.si / 100,
        cost.hfBase / 100,
        cost.hf / 100,
        cost.monthly / 100,
        cost.ftePercent,
        cost.months,
        cost.cost / 100,
        'P-W1, P-W3',
      ]);
    });
    // Post 3 by hand: 黄小梅's 450 000 → SI 106 650 of pension 72 000 …, HF 22 500.
    expect(table[3]?.slice(8, 17)).toEqual([4_500, 720, 306, 22.5, 18, 0, 1_066.5, 4_500, 225]);
    expect(table[4]?.at(-2)).toBe(82_420.28);
    expect(table[4]?.at(-1)).toBe('P-W2');
  });

  it('lists every finding with its severity, rule id, place and amount', async () => {
    const view = fixtureView();
    const { findings } = view.version.assessment;
    // Post 2 is paid 300 000, 20 000 under the assistant floor 320 000 (P-W3); nothing else fails.
    expect(findings.map((f) => [f.ruleId, f.path])).toEqual([['P-W3', '/plan/posts/1/monthlyPay']]);
    const table = sheetRows((await readWorkbook(await costingWorkbook(view))).getWorksheet(FINDINGS_SHEET)!);
    expect(table[1]).toEqual([
      1,
      '错误',
      'P-W3',
      '岗位 2 · monthlyPay',
      '月薪 ¥3,000.00 低于指导标准 ¥3,200.00，每月差 ¥200.00。',
      200,
      '月薪: ¥3,000.00; 指导线: ¥3,200.00; 每月差额: ¥200.00; 证书等级: 助理社会工作师',
    ]);
  });

  it('adds an English heading row in English, and writes the findings in English', async () => {
    const workbook = await readWorkbook(await costingWorkbook(fixtureView(), 'en'));
    const sheet = workbook.getWorksheet(COSTING_SHEET)!;
    expect(sheetRows(sheet)[7]?.slice(0, 3)).toEqual(['Category', 'Unit price (yuan)', 'Unit']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 8 });
    const findings = sheetRows(workbook.getWorksheet(FINDINGS_SHEET)!);
    expect(findings[2]?.slice(1, 5)).toEqual([
      'Error',
      'P-W3',
      'Post 2 · monthlyPay',
      'Pay of ¥3,000.00 a month is below the guideline of ¥3,200.00: ¥200.00 short each month.',
    ]);
  });

  it('says where the price is below its floor and the budget does not balance', async () => {
    const view = fixtureView();
    // Cut the value by ¥30,000 without touching the lines: unbalanced, and below the price floor.
    const { assessContract, FANGCHENGGANG_2023 } = await import('@shegong/domain');
    const draft = { ...view.version.draft, terms: { ...view.version.draft.terms, value: 9_000_000 } };
    const assessment = assessContract(
      { ...draft, plan: { ...draft.plan, posts: [...view.version.costedPosts] } },
      FANGCHENGGANG_2023.parameters,
    );
    const table = sheetRows(
      (
        await readWorkbook(await costingWorkbook({ ...view, version: { ...view.version, draft, assessment } }))
      ).getWorksheet(COSTING_SHEET)!,
    );
    const start = table.findIndex((r) => r?.[0] === '检查项目') + 1;
    const checks = table.slice(start, start + 6);
    expect(checks.map((r) => r[5])).toEqual(['符合', '符合', '不符合', '符合', '不符合', '不符合']);
    expect(byLabel(table, '合计')[5]).toBe('比合同金额 ¥90,000.00 多 ¥30,000.00');
  });
});
