import {
  BaselineInput,
  type CertifiedBaseline,
  type Community,
  countiesOf,
  FANGCHENGGANG_TARGETS,
  jurisdictionOf,
  type Lang,
  MAP_COLUMN_FIELDS,
  type MapRows,
  type MapView,
  NewStation,
  NewTargetBase,
  PlacesImport,
  type PlacesImportResult,
  parseMapRows,
  placesImportRows,
  type SocialWorkStation,
  type TalentBase,
  type Township,
} from '@shegong/domain';
import { type Mutation, type StoredMap, StoreError, timeOrderedId, type Versioned } from '@shegong/store';
import type { MemberPolicy } from '../access.ts';
import type { UseCaseContext } from '../context.ts';
import { loadWorkbooks, type XlsxFile } from '../files.ts';
import { parsed } from '../input.ts';
import { jurisdiction } from '../jurisdiction/jurisdiction.ts';
import { commitOnce } from '../once.ts';
import { Forbidden, Invalid, NotFound, Stale } from '../refusals.ts';
import { cityFacts, cityMap } from './inputs.ts';

/**
 * The bureau's map (issue 13): townships/streets and communities (imported), social-work stations
 * (P-T4), the 2022 baseline (P-T5) and the talent and internship bases (P-T6). The map is the
 * city's: its bureau and its county bureaus keep one map (store: `R#<city>#MAP`), every member of
 * them reads it (TARGET_READERS).
 *
 * Who changes what (choices where the issue is silent):
 * - a bureau's admin only (MAP_EDITORS): the map is the bureau's reference data, kept by whoever
 *   administers the bureau's use of Shegong; reviewers (审核) and auditors (审计) read it;
 * - a city bureau's admin changes every county's places and the city-wide items (the city's
 *   baseline, city-level bases); a county bureau's admin only its own county's places, stations,
 *   bases and its county's baseline count. A county bureau is answered 404 for a station or base of
 *   another county by id (it is not its to change), and 400 naming the field when it sends one.
 * - Every write is one transaction with its audit event in the acting bureau's trail; an import of
 *   more than fits one transaction is written in several (IMPORT_CHUNK items each), see importPlaces.
 */

/** Who changes the map: a bureau's admin (within its rights, mapRights). */
export const MAP_EDITORS: MemberPolicy = { kinds: ['bureau'], roles: ['admin'] };

/** Items per import transaction: under DynamoDB's 100 with the audit event and room to spare. */
export const IMPORT_CHUNK = 90;

/** What the signed-in member may change of the map: the counties whose places, and the city-wide items. */
export interface MapRights {
  counties: string[];
  city: boolean;
}

export function mapRights(ctx: UseCaseContext): MapRights {
  const j = jurisdiction(ctx);
  if (!ctx.actor.roles.includes('admin')) return { counties: [], city: false };
  if (j.county) return { counties: [j.county], city: false };
  return { counties: countiesOf(jurisdictionOf(j.city)), city: true };
}

function editor(ctx: UseCaseContext): MapRights {
  const rights = mapRights(ctx);
  if (rights.counties.length === 0) throw new Forbidden('Only a bureau’s admin changes the map');
  return rights;
}

const countyOfTownship = (code: string) => code.slice(0, 6);

/** The map with every item's version, and what the caller may change. */
export async function readMap(ctx: UseCaseContext): Promise<MapView> {
  const map = await cityMap(ctx).read();
  const rights = mapRights(ctx);
  return { ...map, editableCounties: rights.counties, editsCity: rights.city };
}

/** An Invalid naming each row error: `/townships/<row>/<field>`, with the sheet's row and heading. */
function rowErrors(errors: ReturnType<typeof parseMapRows> & { ok: false }): Invalid {
  return new Invalid(`The file has ${errors.errors.length} error(s); nothing was imported`, {
    reason: 'mapRowsInvalid',
    fields: errors.errors.map((e) => ({
      path: `/${e.sheet}/${e.row}/${MAP_COLUMN_FIELDS[e.column] ?? e.column}`,
      message: e.message,
      code: 'mapRow',
      amounts: { sheet: e.sheet, row: e.row, column: e.column },
    })),
  });
}

const sameTownship = (a: Township, b: Township) => a.name === b.name && a.county === b.county && a.kind === b.kind;
const sameCommunity = (a: Community, b: Community) =>
  a.name === b.name && a.township === b.township && a.kind === b.kind;

interface Change<T> {
  place: T;
  version?: number;
}

function diff<T extends { code: string }>(
  stored: readonly Versioned<T>[],
  incoming: readonly T[],
  same: (a: T, b: T) => boolean,
): { changes: Change<T>[]; counts: PlacesImportResult['townships'] } {
  const byCode = new Map(stored.map((s) => [s.code, s]));
  const changes: Change<T>[] = [];
  const counts = { added: 0, changed: 0, unchanged: 0 };
  for (const place of incoming) {
    const held = byCode.get(place.code);
    if (!held) {
      counts.added++;
      changes.push({ place });
    } else if (same(held, place)) counts.unchanged++;
    else {
      counts.changed++;
      changes.push({ place, version: held.version });
    }
  }
  return { changes, counts };
}

/** The API's import: the places as JSON rows (PlacesImport), checked and merged as a file's are. */
export function importPlaces(ctx: UseCaseContext, input: unknown): Promise<PlacesImportResult> {
  const places = parsed(PlacesImport, input);
  return importMapRows(ctx, placesImportRows(places), places.dryRun ?? false, places.sourceNote);
}

/**
 * Imports the lower levels of the map (parseMapRows decides what a valid file is): every row is
 * checked first, and any error refuses the whole file (Invalid naming sheet, row and column), so
 * nothing is written. Then the rows are MERGED into the map (a choice): a code not on the map is
 * added, a code whose name, parent or kind differ is changed, and places the file does not name
 * stay — postings and stations point at communities and townships, and a file of one county must
 * not empty the others. Townships are written before communities, in transactions of IMPORT_CHUNK
 * items each checked against the version read (a concurrent change fails its chunk as Stale); the
 * chunks written before stay, and importing the same file again completes it (the merge is
 * idempotent). A county bureau's file may hold only its own county's places.
 */
export async function importMapRows(
  ctx: UseCaseContext,
  rows: MapRows,
  dryRun: boolean,
  sourceNote?: string,
): Promise<PlacesImportResult> {
  const rights = editor(ctx);
  const result = parseMapRows(rows, rights.counties);
  if (!result.ok) throw rowErrors(result);
  const map = cityMap(ctx);
  const stored = await map.read();
  const townships = diff(stored.townships, result.townships, sameTownship);
  const communities = diff(stored.communities, result.communities, sameCommunity);
  const counts = { townships: townships.counts, communities: communities.counts };
  if (dryRun) return { dryRun: true, ...counts, transactions: 0 };

  const steps: ((m: Mutation) => void)[] = [
    ...townships.changes.map((c) => (m: Mutation) => map.stageTownship(m, c.place, c.version)),
    ...communities.changes.map((c) => (m: Mutation) => map.stageCommunity(m, c.place, c.version)),
  ];
  // The source note goes with the first transaction (a note alone, with no place changed, is one too).
  if (sourceNote !== undefined && sourceNote !== stored.sourceNote?.text)
    steps.unshift((m: Mutation) => map.stageNote(m, sourceNote, stored.sourceNote?.version));
  const chunks = Math.ceil(steps.length / IMPORT_CHUNK);
  for (let n = 0; n < chunks; n++) {
    const mutation = ctx.repos.scope.mutation();
    const part = steps.slice(n * IMPORT_CHUNK, (n + 1) * IMPORT_CHUNK);
    for (const stage of part) stage(mutation);
    const summary = { city: map.city, chunk: n + 1, of: chunks, items: part.length, ...counts };
    try {
      await mutation.audited('map.places.import', 'MapPlaces', map.city, n + 1, summary).commit();
    } catch (error) {
      if (error instanceof StoreError && (error.code === 'stale_version' || error.code === 'conflict'))
        throw new Stale(
          `The map changed while importing (after ${n} of ${chunks} transactions); import the same file again to complete it`,
        );
      throw error;
    }
  }
  return { dryRun: false, ...counts, transactions: chunks };
}

// --- stations (P-T4) ---

async function storedStation(
  ctx: UseCaseContext,
  rights: MapRights,
  id: string,
): Promise<Versioned<SocialWorkStation>> {
  const station = (await cityMap(ctx).read()).stations.find((s) => s.id === id);
  if (!station || !rights.counties.includes(countyOfTownship(station.township)))
    throw new NotFound('Station not found');
  return station;
}

function checkTownship(stored: StoredMap, rights: MapRights, township: string): void {
  const field = (message: string, code: string) =>
    new Invalid('The station’s township is not one you may use; nothing was saved', {
      fields: [{ path: '/township', message, code }],
    });
  if (!stored.townships.some((t) => t.code === township))
    throw field(`${township} is not a township/street of the map (import it first)`, 'unknownTownship');
  if (!rights.counties.includes(countyOfTownship(township)))
    throw field(`${township} lies outside your county`, 'outsideCounty');
}

/** Adds a station to a township of the map (P-T4). Created once per key. */
export async function addStation(
  ctx: UseCaseContext,
  input: unknown,
  key?: string,
): Promise<{ station: Versioned<SocialWorkStation>; replayed: boolean }> {
  const rights = editor(ctx);
  const fields = parsed(NewStation, input);
  const map = cityMap(ctx);
  checkTownship(await map.read(), rights, fields.township);
  const { body, replayed } = await commitOnce(ctx.repos, key, { operation: 'map.station.add', input: fields }, () => {
    const station: SocialWorkStation = { id: timeOrderedId(), ...fields };
    const mutation = ctx.repos.scope.mutation();
    map.stageStation(mutation, station);
    mutation.audited('map.station.add', 'MapStation', station.id, 1, station);
    return { body: { ...station, version: 1 }, mutation };
  });
  return { station: body, replayed };
}

/** Changes a station read at `expectedVersion` (412 when it moved; 404 outside the caller's county). */
export async function changeStation(
  ctx: UseCaseContext,
  id: string,
  input: unknown,
  expectedVersion: number,
): Promise<Versioned<SocialWorkStation>> {
  const rights = editor(ctx);
  const current = await storedStation(ctx, rights, id);
  const fields = parsed(NewStation, input);
  const map = cityMap(ctx);
  checkTownship(await map.read(), rights, fields.township);
  if (current.version !== expectedVersion) throw new Stale('The station has changed since it was read; reload it');
  const station: SocialWorkStation = { id, ...fields };
  const mutation = ctx.repos.scope.mutation();
  map.stageStation(mutation, station, expectedVersion);
  await mutation.audited('map.station.change', 'MapStation', id, expectedVersion + 1, station).commit();
  return { ...station, version: expectedVersion + 1 };
}

export async function removeStation(ctx: UseCaseContext, id: string, expectedVersion: number): Promise<void> {
  const rights = editor(ctx);
  const current = await storedStation(ctx, rights, id);
  if (current.version !== expectedVersion) throw new Stale('The station has changed since it was read; reload it');
  const mutation = ctx.repos.scope.mutation();
  cityMap(ctx).removeStation(mutation, id, expectedVersion);
  await mutation.audited('map.station.remove', 'MapStation', id, expectedVersion, { removed: id }).commit();
}

// --- the P-T5 baseline ---

/**
 * Records the base year's certified count (P-T5) from the version read (0 while none): the city's
 * count (the city bureau only) and per-county counts (a county bureau: its own only; a county left
 * out keeps its count). The base year is the targets' parameter (2022). A county bureau records
 * its count once the city's is there (the baseline is the city's item).
 */
export async function setBaseline(
  ctx: UseCaseContext,
  input: unknown,
  expectedVersion: number,
): Promise<Versioned<CertifiedBaseline>> {
  const rights = editor(ctx);
  const fields = parsed(BaselineInput, input);
  const problems: { path: string; message: string; code: string }[] = [];
  if (fields.city !== undefined && !rights.city)
    problems.push({ path: '/city', message: 'only the city bureau records the city’s count', code: 'cityOnly' });
  for (const county of Object.keys(fields.counties ?? {}))
    if (!rights.counties.includes(county))
      problems.push({
        path: `/counties/${county}`,
        message: `${county} is not ${rights.city ? 'a county of the city' : 'your county'}`,
        code: 'outsideCounty',
      });
  const map = cityMap(ctx);
  const current = (await map.read()).baseline;
  if (!current && fields.city === undefined)
    problems.push({ path: '/city', message: 'the city’s count is recorded first', code: 'cityFirst' });
  if (problems.length)
    throw new Invalid('The baseline cannot be saved as sent; nothing was saved', { fields: problems });
  if ((current?.version ?? 0) !== expectedVersion)
    throw new Stale('The baseline has changed since it was read; reload it');
  const counties = { ...(current?.counties ?? {}), ...(fields.counties ?? {}) };
  const baseline: CertifiedBaseline = {
    year: FANGCHENGGANG_TARGETS.certifiedBaseYear,
    city: fields.city ?? current?.city ?? 0,
    ...(Object.keys(counties).length ? { counties } : {}),
  };
  const mutation = ctx.repos.scope.mutation();
  map.stageBaseline(mutation, baseline, current ? expectedVersion : undefined);
  await mutation.audited('map.baseline.set', 'MapBaseline', map.city, expectedVersion + 1, baseline).commit();
  return { ...baseline, version: expectedVersion + 1 };
}

// --- P-T6 talent and internship bases ---

async function checkBase(ctx: UseCaseContext, rights: MapRights, fields: NewTargetBase): Promise<void> {
  const city = cityMap(ctx).city;
  const problems: { path: string; message: string; code: string }[] = [];
  const allowed = rights.city ? [city, ...rights.counties] : rights.counties;
  if (!allowed.includes(fields.region))
    problems.push({
      path: '/region',
      message: `must be ${rights.city ? 'the city or one of its counties' : 'your county'} (${allowed.join(', ')})`,
      code: 'outsideJurisdiction',
    });
  if (fields.organisationId && !(await cityFacts(ctx).organisation(fields.organisationId)))
    problems.push({
      path: '/organisationId',
      message: 'is not an organisation of the city',
      code: 'unknownOrganisation',
    });
  if (problems.length) throw new Invalid('The base cannot be saved as sent; nothing was saved', { fields: problems });
}

async function storedBase(ctx: UseCaseContext, rights: MapRights, id: string): Promise<Versioned<TalentBase>> {
  const base = (await cityMap(ctx).read()).bases.find((b) => b.id === id);
  const mine = base && (rights.counties.includes(base.region) || (rights.city && base.region === cityMap(ctx).city));
  if (!base || !mine) throw new NotFound('Base not found');
  return base;
}

/** Records a talent or internship base (P-T6). Created once per key. */
export async function addTargetBase(
  ctx: UseCaseContext,
  input: unknown,
  key?: string,
): Promise<{ base: Versioned<TalentBase>; replayed: boolean }> {
  const rights = editor(ctx);
  const fields = parsed(NewTargetBase, input);
  await checkBase(ctx, rights, fields);
  const { body, replayed } = await commitOnce(ctx.repos, key, { operation: 'map.base.add', input: fields }, () => {
    const base: TalentBase = { id: timeOrderedId(), ...fields };
    const mutation = ctx.repos.scope.mutation();
    cityMap(ctx).stageBase(mutation, base);
    mutation.audited('map.base.add', 'MapBase', base.id, 1, base);
    return { body: { ...base, version: 1 }, mutation };
  });
  return { base: body, replayed };
}

export async function changeTargetBase(
  ctx: UseCaseContext,
  id: string,
  input: unknown,
  expectedVersion: number,
): Promise<Versioned<TalentBase>> {
  const rights = editor(ctx);
  const current = await storedBase(ctx, rights, id);
  const fields = parsed(NewTargetBase, input);
  await checkBase(ctx, rights, fields);
  if (current.version !== expectedVersion) throw new Stale('The base has changed since it was read; reload it');
  const base: TalentBase = { id, ...fields };
  const mutation = ctx.repos.scope.mutation();
  cityMap(ctx).stageBase(mutation, base, expectedVersion);
  await mutation.audited('map.base.change', 'MapBase', id, expectedVersion + 1, base).commit();
  return { ...base, version: expectedVersion + 1 };
}

export async function removeTargetBase(ctx: UseCaseContext, id: string, expectedVersion: number): Promise<void> {
  const rights = editor(ctx);
  const current = await storedBase(ctx, rights, id);
  if (current.version !== expectedVersion) throw new Stale('The base has changed since it was read; reload it');
  const mutation = ctx.repos.scope.mutation();
  cityMap(ctx).removeBase(mutation, id, expectedVersion);
  await mutation.audited('map.base.remove', 'MapBase', id, expectedVersion, { removed: id }).commit();
}

// --- the import's files ---

/** The import template (two sheets and their help), in the reader's language. */
export async function mapTemplate(lang: Lang): Promise<XlsxFile> {
  return { bytes: await (await loadWorkbooks()).mapTemplateWorkbook(lang), fileName: '区划导入模板.xlsx' };
}

/** The map's places as they stand, in the template's layout: to edit and import again. */
export async function mapPlacesFile(ctx: UseCaseContext, lang: Lang): Promise<XlsxFile> {
  const map = await cityMap(ctx).read();
  const townshipWords = { township: '乡镇', street: '街道' } as const;
  const communityWords = { urban: '社区', rural: '村' } as const;
  const bytes = await (await loadWorkbooks()).mapWorkbook(
    {
      townships: map.townships.map((t) => [t.code, t.name, t.county, townshipWords[t.kind]]),
      communities: map.communities.map((c) => [c.code, c.name, c.township, communityWords[c.kind]]),
    },
    lang,
  );
  return { bytes, fileName: `区划-${map.city}-${ctx.clock.today()}.xlsx` };
}

/** Imports an uploaded workbook (see importMapRows); 400 naming `/file` when it is not an xlsx workbook. */
export async function importMapFile(
  ctx: UseCaseContext,
  bytes: Buffer,
  dryRun: boolean,
  sourceNote?: string,
): Promise<PlacesImportResult> {
  editor(ctx);
  const rows = await (await loadWorkbooks()).readMapWorkbook(bytes);
  if (!rows)
    throw new Invalid('The file is not an xlsx workbook; nothing was imported', {
      fields: [{ path: '/file', message: 'is not an xlsx workbook (use the template)', code: 'notWorkbook' }],
    });
  return importMapRows(ctx, rows, dryRun, sourceNote);
}

/** Imports the two lists pasted as text, headings first (tab- or comma-separated). */
export async function importMapText(
  ctx: UseCaseContext,
  text: { townships: string; communities: string },
  dryRun: boolean,
  sourceNote?: string,
): Promise<PlacesImportResult> {
  const rows = (await loadWorkbooks()).readMapText(text.townships, text.communities);
  return importMapRows(ctx, rows, dryRun, sourceNote);
}
