/** Spreadsheets in and out (xlsx, csv): roster template and import, staff and ladder exports (issue 3). */

export {
  AWARD_CLAIMS_SHEET,
  AWARD_TOTALS_SHEET,
  type AwardSheetView,
  type AwardTotalsSheetRow,
  awardClaimsWorkbook,
} from './awards.ts';
export {
  type BudgetVsActualSheetView,
  budgetVsActualWorkbook,
  EXECUTION_SHEET,
  MONTHS_SHEET,
  PAYROLL_SHEET,
} from './budget-vs-actual.ts';
export {
  COSTING_SHEET,
  type CostingView,
  costingWorkbook,
  FINDINGS_SHEET,
  POSTS_SHEET,
} from './contract-costing.ts';
export { csvLine, parseCsv } from './csv.ts';
export { EVALUATION_SHEET, evaluationWorkbook } from './evaluation.ts';
export { EXAM_COSTS_SHEET, type ExamCostSheetView, examCostsWorkbook } from './exam-costs.ts';
export { type ExportOptions, ladderWorkbook, type StandingRow, staffWorkbook } from './exports.ts';
export {
  INCUBATION_REGISTER_SHEET,
  type IncubationRegisterSheetView,
  incubationRegisterWorkbook,
} from './incubation-register.ts';
export * from './light.ts';
export { MAX_ROSTER_ROWS, parseRoster } from './parse.ts';
export { type PersonDataSheetView, personDataWorkbook } from './person-data.ts';
export { type CellRead, sheetText, workbookCells } from './read.ts';
export { REGISTER_SHEET, type RegisterSheetView, registerWorkbook } from './register.ts';
export {
  COMMUNITY_SHEET,
  type MapSheetRows,
  mapTemplateWorkbook,
  mapWorkbook,
  readMapText,
  readMapWorkbook,
  TOWNSHIP_SHEET,
} from './target-map.ts';
export {
  gapLacks,
  TARGET_NAMES,
  TARGET_STATUS_WORDS,
  TARGETS_COUNTY_SHEET,
  TARGETS_GAPS_SHEET,
  TARGETS_SUMMARY_SHEET,
  type TargetsSheetView,
  targetsWorkbook,
} from './targets.ts';
export { type Lang, rosterTemplate } from './template.ts';
