/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { SubNav } from '../../layout/components.tsx';
import { MAP_TABS, type MapTab, mapTabPath } from './paths.ts';

/** The tabs above every page of the bureau's map (区划与站点). */
export function MapTabs(props: { c: Context<PageEnv>; active: MapTab }) {
  const m = props.c.var.m.targetMap;
  return <SubNav label={m.tabsLabel} tabs={MAP_TABS} labels={m.tabs} path={mapTabPath} active={props.active} />;
}
