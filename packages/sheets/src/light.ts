/**
 * What needs no ExcelJS: column names, labels, the xlsx media type, and types. The API function
 * imports this statically and the workbook code (`@shegong/sheets`) only when a request needs it,
 * so ExcelJS does not weigh on every cold start.
 */
export {
  COLUMN_BY_KEY,
  HELP_SHEET,
  ROSTER_COLUMNS,
  ROSTER_SHEET,
  type RosterColumn,
  type RosterKey,
} from './columns.ts';
export { CERTIFICATE_LABELS, EDUCATION_LABELS, EMPLOYMENT_LABELS } from './labels.ts';
export type { ParsedRoster, RosterContext, RowError } from './parse.ts';

/** The media type of an xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The workbook code (ExcelJS), loaded by the first request that needs it rather than at cold start. */
export const loadWorkbooks = () => import('./index.ts');
