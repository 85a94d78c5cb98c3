import type { ImportRowError } from '../people/roster-import.ts';
import { COMMUNITY_KINDS, type Community, TOWNSHIP_KINDS, type Township } from './map.ts';

/**
 * The lower levels of the bureau's map from an xlsx (issue 13): a sheet of townships/streets
 * (乡镇/街道) and a sheet of communities (社区/村), each row with its parent's code. Pure: the rows
 * as read from the sheets in, the map's levels or the errors out (row as the spreadsheet numbers
 * it, column by its Chinese heading, as roster imports report them).
 *
 * Choices:
 * - Codes are the statistical division codes: a township is its county's six digits + 3, a
 *   community its township's nine + 3. The twelve-digit form the statistics bureau prints for a
 *   township (nine digits + "000") is accepted and kept as nine digits. A code must begin with its
 *   parent's code, so a row cannot be put under the wrong parent by a typo.
 * - The parent county must be one of the bureau's counties (`counties`, from countiesOf); the
 *   parent township must be in the same file (a community sheet is imported with its townships).
 * - Kinds are typed in Chinese as the bureau writes them: 乡/镇/乡镇 → township, 街道 → street;
 *   社区 → urban, 村 → rural (the English words are accepted too).
 * - A code twice in a sheet is an error on its second row; nothing is imported while any error
 *   stands (the map replaces its lower levels whole, so half a file is never kept).
 */

export const TOWNSHIP_COLUMNS = { code: '代码', name: '名称', county: '所属县(市、区)代码', kind: '类型' } as const;
export const COMMUNITY_COLUMNS = { code: '代码', name: '名称', township: '所属乡镇(街道)代码', kind: '类型' } as const;

/** A sheet row: its number as the spreadsheet shows it, and its cells by heading. */
export interface SheetRow {
  row: number;
  cells: Readonly<Record<string, string | number | undefined>>;
}

export interface MapRows {
  townships: readonly SheetRow[];
  communities: readonly SheetRow[];
}

/** A row error, naming the sheet too. */
export type MapRowError = ImportRowError & { sheet: 'townships' | 'communities' };

export type MapImport =
  | { ok: true; townships: Township[]; communities: Community[] }
  | { ok: false; errors: MapRowError[] };

const TOWNSHIP_KIND_WORDS: Record<string, Township['kind']> = {
  乡: 'township',
  镇: 'township',
  乡镇: 'township',
  township: 'township',
  街道: 'street',
  street: 'street',
};
const COMMUNITY_KIND_WORDS: Record<string, Community['kind']> = {
  社区: 'urban',
  urban: 'urban',
  村: 'rural',
  rural: 'rural',
};

const cell = (row: SheetRow, heading: string): string => String(row.cells[heading] ?? '').trim();

/** Parses and checks both sheets; see the module comment for what is refused. */
export function parseMapRows(rows: MapRows, counties: readonly string[]): MapImport {
  const errors: MapRowError[] = [];
  const err = (sheet: MapRowError['sheet'], row: number, column: string, message: string) =>
    errors.push({ sheet, row, column, message });
  const countySet = new Set(counties);

  const townships: Township[] = [];
  const townshipCodes = new Set<string>();
  for (const r of rows.townships) {
    const C = TOWNSHIP_COLUMNS;
    const before = errors.length;
    let code = cell(r, C.code);
    if (/^\d{9}000$/.test(code)) code = code.slice(0, 9);
    const name = cell(r, C.name);
    const county = cell(r, C.county);
    const kind = TOWNSHIP_KIND_WORDS[cell(r, C.kind)];
    if (!/^\d{9}$/.test(code))
      err('townships', r.row, C.code, 'must be a nine-digit township code (county code + 3 digits)');
    else if (townshipCodes.has(code)) err('townships', r.row, C.code, `${code} is already on an earlier row`);
    if (!name) err('townships', r.row, C.name, 'is required');
    if (!countySet.has(county))
      err('townships', r.row, C.county, `must be one of the bureau's counties (${counties.join(', ')})`);
    else if (/^\d{9}$/.test(code) && !code.startsWith(county))
      err('townships', r.row, C.code, `must begin with its county's code ${county}`);
    if (!kind) err('townships', r.row, C.kind, 'must be 乡镇 or 街道');
    if (/^\d{9}$/.test(code)) townshipCodes.add(code);
    if (errors.length === before && kind) townships.push({ code, name, county, kind });
  }

  const communities: Community[] = [];
  const communityCodes = new Set<string>();
  for (const r of rows.communities) {
    const C = COMMUNITY_COLUMNS;
    const before = errors.length;
    const code = cell(r, C.code);
    const name = cell(r, C.name);
    let township = cell(r, C.township);
    if (/^\d{9}000$/.test(township)) township = township.slice(0, 9);
    const kind = COMMUNITY_KIND_WORDS[cell(r, C.kind)];
    if (!/^\d{12}$/.test(code))
      err('communities', r.row, C.code, 'must be a twelve-digit community code (township code + 3 digits)');
    else if (communityCodes.has(code)) err('communities', r.row, C.code, `${code} is already on an earlier row`);
    if (!name) err('communities', r.row, C.name, 'is required');
    if (!townshipCodes.has(township))
      err('communities', r.row, C.township, `${township || '(empty)'} is not a township of the townships sheet`);
    else if (/^\d{12}$/.test(code) && !code.startsWith(township))
      err('communities', r.row, C.code, `must begin with its township's code ${township}`);
    if (!kind) err('communities', r.row, C.kind, 'must be 社区 or 村');
    if (/^\d{12}$/.test(code)) communityCodes.add(code);
    if (errors.length === before && kind) communities.push({ code, name, township, kind });
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    townships: townships.sort((a, b) => a.code.localeCompare(b.code)),
    communities: communities.sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** The headings of the template sheets, for the download the bureau fills in. */
export const MAP_TEMPLATE_HEADINGS = {
  townships: Object.values(TOWNSHIP_COLUMNS),
  communities: Object.values(COMMUNITY_COLUMNS),
  townshipKinds: TOWNSHIP_KINDS,
  communityKinds: COMMUNITY_KINDS,
} as const;
