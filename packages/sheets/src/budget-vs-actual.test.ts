import { budgetVsActual, costActualMonth, FANGCHENGGANG_2023 } from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import {
  type BudgetVsActualSheetView,
  budgetVsActualWorkbook,
  EXECUTION_SHEET,
  MONTHS_SHEET,
  PAYROLL_SHEET,
} from './budget-vs-actual.ts';
import { FINDINGS_SHEET } from './contract-costing.ts';
import { fixtureView, readWorkbook, sheetRows } from './contract-fixtures.ts';

const RULES = FANGCHENGGANG_2023.parameters;
const EXPENSES = { supervision: 0, activities: 0, management: 0, tax: 0, other: 0 };

/**
 * Two months on the fixture contract (budget: personnel 9 440 000, activities 900 000, management
 * 1 000 000 …; 12 months), costed as the actuals API costs them:
 *   2026-01 张三 social worker 380 000 × 100 % → M 489 060; 李四 assistant 300 000 × 50 %
 *           (20 000 under the floor 320 000, P-W3) → 405 060 × 50 / 100 = 202 530;
 *           supervision 50 000, activities 60 000, management 100 000, tax 30 000
 *   2026-02 张三 again → 489 060; activities 200 000, management 150 000
 * personnel actual 1 180 650 → projected × 12 / 2 = 7 083 900 (within 9 440 000);
 * activities 260 000 → 1 560 000 > 900 000 and management 250 000 → 1 500 000 > 1 000 000: both
 * heading over budget (warnings, P-W2 and N-7).
 */
function fixture(): BudgetVsActualSheetView {
  const view = fixtureView();
  const months = [
    costActualMonth(
      '2026-01',
      {
        payroll: [
          { name: '张三', certLevel: 'social_worker', grossPay: 380_000, sharePercent: 100 },
          { name: '李四', certLevel: 'assistant', grossPay: 300_000, sharePercent: 50 },
        ],
        expenses: { ...EXPENSES, supervision: 50_000, activities: 60_000, management: 100_000, tax: 30_000 },
      },
      RULES,
    ),
    costActualMonth(
      '2026-02',
      {
        payroll: [{ name: '张三', certLevel: 'social_worker', grossPay: 380_000, sharePercent: 100 }],
        expenses: { ...EXPENSES, activities: 200_000, management: 150_000 },
      },
      RULES,
    ),
  ];
  const { terms, plan } = view.version.draft;
  return {
    contract: view.contract,
    version: view.version,
    months: months.map((cost) => ({ month: cost.month, revision: 1, cost, ruleSet: view.version.ruleSet })),
    budgetVsActual: budgetVsActual({
      startDate: terms.startDate,
      endDate: terms.endDate,
      budget: plan.lines,
      months,
    }),
  };
}

describe('budgetVsActualWorkbook', () => {
  it('gives each line its budget, actual, remaining and projection in yuan, with its rule id and flag', async () => {
    const view = fixture();
    const bva = view.budgetVsActual;
    expect(bva.lines.map((l) => [l.line, l.actual, l.projected])).toEqual([
      ['personnel', 1_180_650, 7_083_900],
      ['supervision', 50_000, 300_000],
      ['activities', 260_000, 1_560_000],
      ['management', 250_000, 1_500_000],
      ['tax', 30_000, 180_000],
      ['other', 0, 0],
    ]);
    const workbook = await readWorkbook(await budgetVsActualWorkbook(view));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      EXECUTION_SHEET,
      MONTHS_SHEET,
      PAYROLL_SHEET,
      FINDINGS_SHEET,
    ]);
    const sheet = workbook.getWorksheet(EXECUTION_SHEET)!;
    const table = sheetRows(sheet);
    expect(table[6]).toEqual(['费用类别', '预算(元)', '实际累计(元)', '剩余(元)', '预计全年(元)', '规则', '提示']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
    bva.lines.forEach((line, i) => {
      expect(table[7 + i]?.slice(1, 6)).toEqual([
        line.budget / 100,
        line.actual / 100,
        line.remaining / 100,
        line.projected / 100,
        line.ruleId,
      ]);
    });
    expect(table[9]?.[6]).toBe('活动经费按目前进度预计全期支出 ¥15,600.00，将超出预算 ¥9,000.00，超出 ¥6,600.00');
    expect(table[10]?.[5]).toBe('N-7');
    expect(table[13]?.slice(0, 5)).toEqual([
      '合计',
      bva.totals.budget / 100,
      bva.totals.actual / 100,
      bva.totals.remaining / 100,
      bva.totals.projected / 100,
    ]);
  });

  it('shows month by month, each person’s pay, and every finding', async () => {
    const view = fixture();
    const workbook = await readWorkbook(await budgetVsActualWorkbook(view));
    const months = sheetRows(workbook.getWorksheet(MONTHS_SHEET)!);
    expect(months.slice(1)).toEqual([
      ['2026-01', 6_915.9, 500, 600, 1_000, 300, 0, 9_315.9, 1, '450600-2023-01-01-v1'],
      ['2026-02', 4_890.6, 0, 2_000, 1_500, 0, 0, 8_390.6, 1, '450600-2023-01-01-v1'],
      ['合计', 11_806.5, 500, 2_600, 2_500, 300, 0, 17_706.5, null, null],
    ]);
    const payroll = sheetRows(workbook.getWorksheet(PAYROLL_SHEET)!);
    expect(payroll[2]).toEqual([
      '2026-01',
      '李四',
      '助理社会工作师',
      3_000,
      3_200,
      50,
      900.6,
      150,
      2_025.3,
      'P-W3',
      '2026年1月：李四 的应发工资 ¥3,000.00 低于该证书等级的指导标准 ¥3,200.00，差 ¥200.00',
    ]);
    const findings = sheetRows(workbook.getWorksheet(FINDINGS_SHEET)!);
    expect(findings.slice(1).map((r) => [r[1], r[2], r[3], r[5]])).toEqual([
      ['提示', 'P-W2', '活动经费', 6_600],
      ['提示', 'N-7', '管理费', 5_000],
      ['错误', 'P-W3', '2026-01 · 工资第 2 行', 200],
    ]);
  });
});
