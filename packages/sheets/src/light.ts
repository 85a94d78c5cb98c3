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

/**
 * What a workbook is sent with to be saved under its name: the xlsx type, and Content-Disposition
 * with an ASCII fallback name (non-ASCII as `_`) and the UTF-8 name (RFC 6266 / 5987). Private:
 * the workbooks hold an organisation's figures.
 */
export function xlsxHeaders(fileName: string): Record<string, string> {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '_');
  return {
    'Content-Type': XLSX_TYPE,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'Cache-Control': 'private, no-store',
  };
}

/** The workbook code (ExcelJS), loaded by the first request that needs it rather than at cold start. */
export const loadWorkbooks = () => import('./index.ts');
