import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  addStation,
  addTargetBase,
  changeStation,
  changeTargetBase,
  importPlaces,
  MAP_EDITORS,
  mapTemplate,
  readMap,
  removeStation,
  removeTargetBase,
  setBaseline,
  TARGET_READERS,
} from '@shegong/core';
import {
  BaselineInput,
  CertifiedBaseline,
  MapView,
  NewStation,
  NewTargetBase,
  PlacesImport,
  PlacesImportResult,
  SocialWorkStation,
  TalentBase,
} from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { xlsxAttachment, xlsxResponse } from '../files.ts';
import { idempotencyKey, replayHeaders } from '../idempotency.ts';
import {
  bodyResponses,
  errorResponses,
  IdParam,
  idempotencyHeader,
  ifMatchHeader,
  jsonBody,
  keyInFlightResponse,
  reusedKeyResponse,
  updateResponses,
} from '../schemas.ts';
import { etag, expectedVersion } from '../versioning.ts';

/**
 * The bureau's map for the targets (issue 13, P-T1..P-T7): read by every member of a bureau of the
 * city (a county bureau reads its city's map), changed by a bureau's admin within its rights (a
 * county bureau: its own county's places, stations, bases and baseline count).
 */

/** Examples: 港口区's street and one community, its station, the baseline, a talent base. */
export const PLACES_IMPORT_EXAMPLE: z.input<typeof PlacesImport> = {
  townships: [{ code: '450602001', name: '渔洲坪街道', county: '450602', kind: '街道' }],
  communities: [{ code: '450602001001', name: '渔洲坪社区', township: '450602001', kind: '社区' }],
};
export const STATION_EXAMPLE: z.input<typeof NewStation> = {
  name: '渔洲坪街道社工站',
  township: '450602001',
  openedOn: '2023-06-01',
};
export const BASELINE_EXAMPLE: z.input<typeof BaselineInput> = { city: 180, counties: { '450602': 60 } };
export const TARGET_BASE_EXAMPLE: z.input<typeof NewTargetBase> = {
  kind: 'internship',
  name: '港口区社会工作实习基地',
  region: '450602',
  recognisedOn: '2024-09-01',
};

const Versioned = <S extends z.ZodObject>(schema: S, id: string) =>
  schema.extend({ version: z.number().int() }).openapi(id);
const StationView = Versioned(SocialWorkStation, 'MapStation');
const BaseView = Versioned(TalentBase, 'MapBase');
const BaselineView = Versioned(CertifiedBaseline, 'MapBaseline');

const stationId = IdParam('stationId', '0193a7c2-5a00-7c1d-8e2f-3a4b5c6d7e8f');
const baseId = IdParam('baseId', '0193a7c2-5a00-7c1d-8e2f-3a4b5c6d7e90');

const json = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { 'application/json': { schema } },
});

const tags = ['targets'];

export const targetMapRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/map',
      summary: 'The city’s map: townships, communities, stations, the P-T5 baseline and the P-T6 bases',
      description:
        'One Query of the city’s map. Every item carries its `version` (If-Match to change it). `editableCounties` and `editsCity` say what the caller may change: a city bureau’s admin every county and the city-wide items, a county bureau’s admin its own county, everyone else nothing.',
      tags,
      middleware: [authorize(TARGET_READERS)] as const,
      responses: { 200: json('The map', MapView), ...errorResponses },
    }),
    async (c) => c.json(await readMap(c.var.ctx), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/map/template.xlsx',
      summary: 'Download the import template of townships and communities (xlsx: two sheets and their help)',
      tags,
      middleware: [authorize(TARGET_READERS)] as const,
      request: { query: z.object({ lang: z.enum(['zh-CN', 'en']).optional() }) },
      responses: { 200: xlsxResponse('The template'), ...errorResponses },
    }),
    async (c) => xlsxAttachment(c, await mapTemplate(c.req.valid('query').lang ?? 'zh-CN')) as never,
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/map/places',
      summary: 'Import townships/streets and communities, merged into the map by code',
      description:
        'Rows as the template’s sheets hold them (kinds in Chinese or English). Every row is checked first: any error refuses the whole import (400, each error at `/townships/<index>/<field>` or `/communities/<index>/<field>`), nothing is written. A community’s township must be in the same import; a county bureau may send only its own county’s places. Places are merged: a new code is added, a code whose name, parent or kind differ is changed, places not sent stay. Written in transactions of at most 90 places, each with its audit event; a concurrent change answers 412 and the same import may be sent again. `dryRun: true` reports the counts and writes nothing.',
      tags,
      middleware: [authorize(MAP_EDITORS)] as const,
      request: { body: jsonBody(PlacesImport, PLACES_IMPORT_EXAMPLE) },
      responses: {
        200: json('What was added, changed or left', PlacesImportResult),
        ...updateResponses,
        ...bodyResponses,
      },
    }),
    async (c) => c.json(await importPlaces(c.var.ctx, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/map/stations',
      summary: 'Record a social-work station (社工站) of a township/street (P-T4)',
      tags,
      middleware: [authorize(MAP_EDITORS)] as const,
      request: { headers: idempotencyHeader, body: jsonBody(NewStation, STATION_EXAMPLE) },
      responses: {
        201: json('Recorded', StationView),
        ...errorResponses,
        ...bodyResponses,
        ...keyInFlightResponse(),
        ...reusedKeyResponse,
      },
    }),
    async (c) => {
      const { station, replayed } = await addStation(c.var.ctx, c.req.valid('json'), idempotencyKey(c));
      return c.json(station, 201, { ...replayHeaders(replayed), ETag: etag(station.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/map/stations/{stationId}',
      summary: 'Change a station (If-Match its version)',
      tags,
      middleware: [authorize(MAP_EDITORS)] as const,
      request: { params: stationId, headers: ifMatchHeader, body: jsonBody(NewStation, STATION_EXAMPLE) },
      responses: { 200: json('Changed', StationView), ...updateResponses, ...bodyResponses },
    }),
    async (c) => {
      const version = expectedVersion(c);
      const station = await changeStation(
        c.var.ctx,
        c.req.valid('param').stationId as string,
        c.req.valid('json'),
        version,
      );
      return c.json(station, 200, { ETag: etag(station.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/map/stations/{stationId}',
      summary: 'Remove a station (If-Match its version)',
      tags,
      middleware: [authorize(MAP_EDITORS)] as const,
      request: { params: stationId, headers: ifMatchHeader },
      responses: { 204: { description: 'Removed' }, ...updateResponses },
    }),
    async (c) => {
      const version = expectedVersion(c);
      await removeStation(c.var.ctx, c.req.valid('param').stationId as string, version);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/map/baseline',
      summary: 'Record the 2022 certified count (P-T5): the city’s, and per county where known',
      description:
        'If-Match the baseline’s version ("0" while none is recorded). The city bureau records the city’s count (first) and any county’s; a county bureau its own county’s only. A county left out keeps its count.',
      tags,
      middleware: [authorize(MAP_EDITORS)] as const,
      request: { headers: ifMatchHeader, body: jsonBody(BaselineInput, BASELINE_EXAMPLE) },
      responses: { 200: json('Recorded', BaselineView), ...updateResponses, ...bodyResponses },
    }),
    async (c) => {
      const version = expectedVersion(c);
      const baseline = await setBaseline(c.var.ctx, c.req.valid('json'), version);
      return c.json(baseline, 200, { ETag: etag(baseline.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/map/bases',
      summary: 'Record a talent cultivation base or an internship base (P-T6)',
      description:
        '`region` is a county of the city or the city itself (a county bureau: its own county). `organisationId`, when given, must be an organisation of the city on the platform.',
      tags,
      middleware: [authorize(MAP_EDITORS)] as const,
      request: { headers: idempotencyHeader, body: jsonBody(NewTargetBase, TARGET_BASE_EXAMPLE) },
      responses: {
        201: json('Recorded', BaseView),
        ...errorResponses,
        ...bodyResponses,
        ...keyInFlightResponse(),
        ...reusedKeyResponse,
      },
    }),
    async (c) => {
      const { base, replayed } = await addTargetBase(c.var.ctx, c.req.valid('json'), idempotencyKey(c));
      return c.json(base, 201, { ...replayHeaders(replayed), ETag: etag(base.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/map/bases/{baseId}',
      summary: 'Change a talent or internship base (If-Match its version)',
      tags,
      middleware: [authorize(MAP_EDITORS)] as const,
      request: { params: baseId, headers: ifMatchHeader, body: jsonBody(NewTargetBase, TARGET_BASE_EXAMPLE) },
      responses: { 200: json('Changed', BaseView), ...updateResponses, ...bodyResponses },
    }),
    async (c) => {
      const version = expectedVersion(c);
      const base = await changeTargetBase(
        c.var.ctx,
        c.req.valid('param').baseId as string,
        c.req.valid('json'),
        version,
      );
      return c.json(base, 200, { ETag: etag(base.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/map/bases/{baseId}',
      summary: 'Remove a talent or internship base (If-Match its version)',
      tags,
      middleware: [authorize(MAP_EDITORS)] as const,
      request: { params: baseId, headers: ifMatchHeader },
      responses: { 204: { description: 'Removed' }, ...updateResponses },
    }),
    async (c) => {
      const version = expectedVersion(c);
      await removeTargetBase(c.var.ctx, c.req.valid('param').baseId as string, version);
      return c.body(null, 204);
    },
  );
