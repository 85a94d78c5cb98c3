/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { RECORD_TABS, type RecordTab, recordTabPath } from './paths.ts';

/** The tabs above each page of one organisation's incubation record; the current one is marked. */
export function RecordTabs(props: { c: Context<PageEnv>; organisationId: string; active: RecordTab }) {
  const labels = props.c.var.m.incubation.tabs;
  return (
    <nav class="subnav" aria-label={labels.label}>
      <ul>
        {RECORD_TABS.map((tab) => (
          <li>
            <a
              href={recordTabPath(props.organisationId, tab)}
              class={tab === props.active ? 'subnav-item is-active' : 'subnav-item'}
              aria-current={tab === props.active ? 'page' : undefined}
            >
              {labels[tab]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
