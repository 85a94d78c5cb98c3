import {
  assessContract,
  ContractDraft,
  FANGCHENGGANG_2023,
  type NamedPerson,
  resolveNamedPosts,
} from '@shegong/domain';
import ExcelJS from 'exceljs';
import type { CostingView } from './contract-costing.ts';

/**
 * A contract version made by hand for the workbook tests (not exported from the package), costed
 * with Fangchenggang's 2023 figures (floors ¥3,200 assistant / ¥3,800 social worker; SI base
 * ¥3,800 … ¥20,000 at 16 % + 6.8 % + 0.5 % + 0.4 %; HF 5 % from ¥1,810):
 *   post 1, social worker at the floor, 100 % × 12: G 380 000, SI 60 800 + 25 840 + 1 900 + 1 520
 *           = 90 060, HF 19 000, M = 489 060, cost 5 868 720
 *   post 2, assistant paid 300 000 (20 000 under the floor, P-W3), 50 % × 7: SI base 380 000 → SI
 *           90 060, HF 15 000, M = 405 060, cost 405 060 × 50 × 7 / 100 = 1 417 710
 *   post 3, 黄小梅 from the registry (social worker, 450 000), 33 % × 5: SI 72 000 + 30 600 + 2 250
 *           + 1 800 = 106 650, HF 22 500, M = 579 150, cost 579 150 × 165 / 100 = 955 597.5 → 955 598
 *   L = 5 868 720 + 1 417 710 + 955 598 = 8 242 028
 * V = 12 000 000: tax 360 000, management 1 000 000, supervision 300 000 (6 × 50 000), activities
 * 900 000 (12 × 60 000 + 3 × 60 000), other 0, personnel 9 440 000; the lines add up to V.
 */
export const FIXTURE_DRAFT = ContractDraft.parse({
  terms: {
    purchaser: { name: '防城港市港口区民政局', region: '450602' },
    number: 'GK-2026-017',
    title: '港口区社区社会工作服务项目',
    services: ['helping_needy', 'resource_linking'],
    serviceArea: '港口区白沙万街道',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    value: 12_000_000,
    milestones: [
      { name: '首期款', dueDate: '2026-01-31', amount: 6_000_000 },
      { name: '尾款', dueDate: '2026-12-31', amount: 6_000_000, condition: '终期评估合格' },
    ],
  },
  plan: {
    posts: [
      { title: '社工', role: 'frontline', certLevel: 'social_worker', ftePercent: 100, months: 12 },
      { title: '社工助理', role: 'frontline', certLevel: 'assistant', ftePercent: 50, months: 7, monthlyPay: 300_000 },
      { title: '项目督导', role: 'supervisor', certLevel: 'none', ftePercent: 33, months: 5, personId: 'person-1' },
    ],
    lines: {
      personnel: 9_440_000,
      supervision: 300_000,
      activities: 900_000,
      management: 1_000_000,
      tax: 360_000,
      other: 0,
    },
    items: [
      { line: 'supervision', category: '专家督导', unitPrice: 50_000, unit: '次', quantity: 6 },
      { line: 'activities', category: '社区活动物料', unitPrice: 60_000, unit: '场', quantity: 12, note: '每月一场' },
      { line: 'activities', category: '宣传印刷', unitPrice: 60_000, unit: '批', quantity: 3 },
    ],
  },
});

const PEOPLE = new Map<string, NamedPerson>([
  [
    'person-1',
    {
      id: 'person-1',
      name: '黄小梅',
      monthlyPay: 450_000,
      certificates: [{ level: 'social_worker', number: 'S-1', obtainedOn: '2020-06-20' }],
    },
  ],
]);

export function fixtureView(): CostingView {
  const rules = FANGCHENGGANG_2023.parameters;
  const { posts } = resolveNamedPosts(FIXTURE_DRAFT.plan.posts, PEOPLE, FIXTURE_DRAFT.terms.startDate);
  const assessment = assessContract({ ...FIXTURE_DRAFT, plan: { ...FIXTURE_DRAFT.plan, posts } }, rules);
  return {
    contract: { id: 'contract-1', status: 'signed' },
    version: {
      number: 1,
      draft: FIXTURE_DRAFT,
      costedPosts: posts,
      ruleSet: {
        id: '450600-2023-01-01-v1',
        region: '450600',
        effectiveFrom: '2023-01-01',
        version: 1,
        title: FANGCHENGGANG_2023.title,
      },
      rules,
      assessment,
      savedAt: '2025-12-20T02:00:00.000Z',
    },
  };
}

/** A workbook as written, read back the way a user's spreadsheet program opens it. */
export async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** The rows of a sheet as arrays of cell values, column A first. */
export function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    out[row.number - 1] = Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value);
  });
  return out;
}
