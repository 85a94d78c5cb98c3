/** Spreadsheets in and out (xlsx, csv): roster template and import, staff and ladder exports (issue 3). */
export {
  COLUMN_BY_KEY,
  HELP_SHEET,
  ROSTER_COLUMNS,
  ROSTER_SHEET,
  type RosterColumn,
  type RosterKey,
} from './columns.ts';
export { csvLine, parseCsv } from './csv.ts';
export { type ExportOptions, ladderWorkbook, type StandingRow, staffWorkbook } from './exports.ts';
export { CERTIFICATE_LABELS, EDUCATION_LABELS, EMPLOYMENT_LABELS } from './labels.ts';
export { MAX_ROSTER_ROWS, type ParsedRoster, parseRoster, type RosterContext, type RowError } from './parse.ts';
export { type Lang, rosterTemplate } from './template.ts';
export { yuanToFen } from './values.ts';

/** The media type of an xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export { sheetText } from './read.ts';
