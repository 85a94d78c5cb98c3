import { z } from 'zod';
import { isoDate } from '../rules/rule-set.ts';
import { plainLine } from '../text/plain-text.ts';
import { count } from '../units/units.ts';
import {
  CertifiedBaseline,
  Community,
  communityCode,
  SocialWorkStation,
  TARGET_BASE_KINDS,
  TalentBase,
  Township,
  townshipCode,
} from './map.ts';
import { COMMUNITY_COLUMNS, type SheetRow, TOWNSHIP_COLUMNS } from './map-import.ts';

/**
 * What a bureau sends to change its map, and an organisation to post its staff (issue 13): the
 * inputs of the targets' use cases, one schema each, for the API and the pages alike.
 */

const name = plainLine(z.string().trim().min(1, 'is required').max(100));
const countyOrCity = z
  .string()
  .regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 code')
  .describe('GB/T 2260 code of a county of the city, or of the city itself');

/** One place of an import as the API takes it; kinds in Chinese (乡镇/街道, 社区/村) or English. */
const TownshipRow = z.strictObject({
  code: z
    .union([z.string(), z.number()])
    .describe('Nine digits: the county’s six + 3 (12 with a trailing 000 accepted)'),
  name: z.string(),
  county: z.string().describe('GB/T 2260 code of its county'),
  kind: z.string().describe('乡镇 (or 乡, 镇, township) / 街道 (street)'),
});
const CommunityRow = z.strictObject({
  code: z.union([z.string(), z.number()]).describe('Twelve digits: the township’s nine + 3'),
  name: z.string(),
  township: z.string().describe('The township’s code; the township must be in the same import'),
  kind: z.string().describe('社区 (urban) / 村 (rural)'),
});

export const MAX_MAP_ROWS = 5000;

export const PlacesImport = z
  .strictObject({
    townships: z.array(TownshipRow).max(MAX_MAP_ROWS),
    communities: z.array(CommunityRow).max(MAX_MAP_ROWS),
    dryRun: z.boolean().optional().describe('Check only: report what would change, write nothing'),
    sourceNote: plainLine(z.string().trim().min(1).max(200))
      .optional()
      .describe('Where the places come from (shown with the map); replaces the note the map has'),
  })
  .meta({ id: 'PlacesImport' });
export type PlacesImport = z.infer<typeof PlacesImport>;

/**
 * The API's rows as the sheets' rows, so one parser (parseMapRows) checks both: `row` is the
 * index in its list (the API names errors by it), cells by the template's headings.
 */
export function placesImportRows(input: Pick<PlacesImport, 'townships' | 'communities'>): {
  townships: SheetRow[];
  communities: SheetRow[];
} {
  const T = TOWNSHIP_COLUMNS;
  const C = COMMUNITY_COLUMNS;
  return {
    townships: input.townships.map((r, row) => ({
      row,
      cells: { [T.code]: r.code, [T.name]: r.name, [T.county]: r.county, [T.kind]: r.kind },
    })),
    communities: input.communities.map((r, row) => ({
      row,
      cells: { [C.code]: r.code, [C.name]: r.name, [C.township]: r.township, [C.kind]: r.kind },
    })),
  };
}

/** A heading of the template as the API's field name (an error's path). */
export const MAP_COLUMN_FIELDS: Record<string, string> = Object.fromEntries([
  ...Object.entries(TOWNSHIP_COLUMNS).map(([field, heading]) => [heading, field]),
  ...Object.entries(COMMUNITY_COLUMNS).map(([field, heading]) => [heading, field]),
]);

const PlaceCounts = z.object({ added: count, changed: count, unchanged: count });
export const PlacesImportResult = z
  .object({
    dryRun: z.boolean(),
    townships: PlaceCounts,
    communities: PlaceCounts,
    transactions: count.describe('Transactions written (each under 100 items with its audit event); 0 for a dry run'),
  })
  .meta({ id: 'PlacesImportResult' });
export type PlacesImportResult = z.infer<typeof PlacesImportResult>;

export const NewStation = z
  .strictObject({
    name,
    township: townshipCode.describe('A township/street of the map'),
    openedOn: isoDate.optional().describe('When it opened; absent counts as open already (P-T4)'),
  })
  .meta({ id: 'NewStation' });
export type NewStation = z.infer<typeof NewStation>;

export const NewTargetBase = z
  .strictObject({
    kind: z.enum(TARGET_BASE_KINDS).describe('talent 人才培育基地 or internship 实习/见习基地 (P-T6)'),
    name,
    region: countyOrCity,
    organisationId: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .describe('The organisation running it, when it is one on the platform'),
    recognisedOn: isoDate.optional().describe('When it was recognised; absent counts as recognised already'),
  })
  .meta({ id: 'NewTargetBase' });
export type NewTargetBase = z.infer<typeof NewTargetBase>;

export const BaselineInput = z
  .strictObject({
    city: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .optional()
      .describe('Certified social workers city-wide in the base year (the city bureau only)'),
    counties: z
      .record(z.string().regex(/^\d{6}$/, 'must be a six-digit county code'), z.number().int().min(0).max(1_000_000))
      .optional()
      .describe('Per county, where known (a county bureau: its own only); a county left out keeps its count'),
  })
  .meta({ id: 'BaselineInput' });
export type BaselineInput = z.infer<typeof BaselineInput>;

/** The map as the API answers it: every item with its version (If-Match), and what the caller may change. */
export const MapView = z
  .object({
    city: z.string(),
    townships: z.array(Township.extend({ version: count })),
    communities: z.array(Community.extend({ version: count })),
    stations: z.array(SocialWorkStation.extend({ version: count })),
    baseline: CertifiedBaseline.extend({ version: count }).optional(),
    bases: z.array(TalentBase.extend({ version: count })),
    sourceNote: z.object({ text: z.string(), version: count }).optional().describe('Where the places come from'),
    editableCounties: z
      .array(z.string())
      .describe('The counties whose places the caller may change (none for a reader)'),
    editsCity: z
      .boolean()
      .describe('Whether the caller may change the city-wide items (the city baseline, city-level bases)'),
  })
  .meta({ id: 'MapView' });
export type MapView = z.infer<typeof MapView>;

export const NewPosting = z
  .strictObject({
    community: communityCode.describe('A community of the city’s map'),
    from: isoDate,
    until: isoDate.optional().describe('Last day, when known'),
  })
  .refine((p) => p.until === undefined || p.until >= p.from, {
    message: 'must be on or after the first day',
    path: ['until'],
  })
  .meta({ id: 'NewPosting' });
export type NewPosting = z.infer<typeof NewPosting>;

export const EndPosting = z
  .strictObject({ until: isoDate.describe('The posting’s last day') })
  .meta({ id: 'EndPosting' });
export type EndPosting = z.infer<typeof EndPosting>;

export const PostingView = z
  .object({
    id: z.string(),
    personId: z.string(),
    organisationId: z.string(),
    community: z.string(),
    communityName: z.string().optional().describe('From the city’s map; absent when the map no longer holds it'),
    townshipName: z.string().optional(),
    county: z.string().optional(),
    from: isoDate,
    until: isoDate.optional(),
    createdAt: z.string(),
    version: count,
  })
  .meta({ id: 'PersonPosting' });
export type PostingView = z.infer<typeof PostingView>;
