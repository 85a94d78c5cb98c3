/** Spreadsheets in and out (xlsx, csv): roster template and import, staff and ladder exports (issue 3). */

export { csvLine, parseCsv } from './csv.ts';
export { type ExportOptions, ladderWorkbook, type StandingRow, staffWorkbook } from './exports.ts';
export * from './light.ts';
export { MAX_ROSTER_ROWS, parseRoster } from './parse.ts';
export { sheetText } from './read.ts';
export { type Lang, rosterTemplate } from './template.ts';
