import type { Evaluation } from '@shegong/domain';
import ExcelJS from 'exceljs';
import type { Lang } from './template.ts';

export const EVALUATION_SHEET = '评估报告';

const GRADE_LABELS = {
  'zh-CN': { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' },
  en: { excellent: 'Excellent', good: 'Good', pass: 'Pass', fail: 'Fail' },
} as const;
const KIND_LABELS = {
  'zh-CN': { spot_check: '抽查评估', final: '末期评估' },
  en: { spot_check: 'Spot check', final: 'Final evaluation' },
} as const;

/** Hundredths of a point as a number with two decimals (8950 → 89.5, shown 89.50). */
const points = (hundredths: number) => hundredths / 100;

/**
 * One evaluation as a bureau files it (N-6): the title block (contract, organisation's contract
 * number, kind, date, evaluator, rule set), one row per indicator (weight, maximum, score, points)
 * and the total with its grade and rule id. Headings in Chinese with the English below.
 */
export async function evaluationWorkbook(evaluation: Evaluation, lang: Lang = 'zh-CN'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(EVALUATION_SHEET);
  sheet.columns = [{ width: 28 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 14 }, { width: 10 }];
  const title = sheet.addRow([lang === 'en' ? 'Evaluation report' : '项目评估报告']);
  title.font = { bold: true, size: 14 };
  const facts: [string, string][] = [
    ['合同编号 Contract number', evaluation.contractNumber],
    ['项目名称 Title', evaluation.contractTitle],
    ['评估类型 Kind', KIND_LABELS[lang][evaluation.kind]],
    ['评估日期 Date', evaluation.evaluatedOn],
    ['评估人 Evaluator', evaluation.evaluator.name],
    ['评估单位 Bureau', evaluation.bureauName],
    ['评估模板 Template', evaluation.template.name],
    ['规则集 Rule set', evaluation.ruleSet.title],
  ];
  for (const [label, value] of facts) sheet.addRow([label, value]).getCell(1).font = { bold: true };
  sheet.addRow([]);
  const head = sheet.addRow(['指标 Indicator', '权重 Weight', '满分 Max', '得分 Score', '折算分 Points', '规则 Rule']);
  head.font = { bold: true };
  for (const i of evaluation.indicators) {
    const row = sheet.addRow([i.name, i.weight, i.maxScore, i.score, points(i.points), evaluation.ruleId]);
    row.getCell(5).numFmt = '0.00';
  }
  const total = sheet.addRow(['总分 Total', 100, '', '', points(evaluation.total), evaluation.ruleId]);
  total.font = { bold: true };
  total.getCell(5).numFmt = '0.00';
  const grade = sheet.addRow(['等级 Grade', GRADE_LABELS[lang][evaluation.grade], '', '', '', evaluation.ruleId]);
  grade.font = { bold: true };
  const t = evaluation.thresholds;
  sheet.addRow([
    '等级标准 Thresholds',
    `优秀 ≥ ${t.excellent}；良好 ≥ ${t.good}；合格 ≥ ${t.pass}；不合格 < ${t.pass}`,
  ]);
  if (evaluation.notes) sheet.addRow(['意见 Notes', evaluation.notes]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
