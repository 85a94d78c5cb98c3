/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { MAP_TABS, type MapTab, mapTabPath } from './paths.ts';

/** The tabs above every page of the bureau's map (区划与站点). */
export function MapTabs(props: { c: Context<PageEnv>; active: MapTab }) {
  const m = props.c.var.m.targetMap;
  return (
    <nav class="subnav" aria-label={m.tabsLabel}>
      <ul>
        {MAP_TABS.map((tab) => (
          <li>
            <a
              href={mapTabPath(tab)}
              class={tab === props.active ? 'subnav-item is-active' : 'subnav-item'}
              aria-current={tab === props.active ? 'page' : undefined}
            >
              {m.tabs[tab]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
