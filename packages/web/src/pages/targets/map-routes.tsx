import { MAP_EDITORS, TARGET_READERS } from '@shegong/core';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { pageAccess } from '../../session/access.ts';
import {
  baselineGet,
  baselinePosted,
  basePosted,
  baseRemovePosted,
  basesGet,
  importPosted,
  MAP_IMPORT,
  MAP_PLACES_XLSX,
  MAP_TEMPLATE,
  placesGet,
  placesXlsxGet,
  stationPosted,
  stationRemovePosted,
  stationsGet,
  templateGet,
} from './map.tsx';
import { MAP, mapTabPath } from './paths.ts';

/** The bureau's map (区划与站点): every member of a bureau reads it, its admin changes it (core/targets/map.ts). */
export function targetMapRoutes(session: TokenSource) {
  const readers = pageAccess(TARGET_READERS, session);
  const editors = pageAccess(MAP_EDITORS, session);
  const stations = mapTabPath('stations');
  const bases = mapTabPath('bases');
  return new Hono<PageEnv>()
    .get(MAP, readers, placesGet)
    .get(MAP_TEMPLATE, readers, templateGet)
    .get(MAP_PLACES_XLSX, readers, placesXlsxGet)
    .post(MAP_IMPORT, editors, importPosted)
    .get(stations, readers, stationsGet)
    .post(stations, editors, stationPosted)
    .post(`${stations}/:stationId/remove`, editors, stationRemovePosted)
    .get(mapTabPath('baseline'), readers, baselineGet)
    .post(mapTabPath('baseline'), editors, baselinePosted)
    .get(bases, readers, basesGet)
    .post(bases, editors, basePosted)
    .post(`${bases}/:baseId/remove`, editors, baseRemovePosted);
}
