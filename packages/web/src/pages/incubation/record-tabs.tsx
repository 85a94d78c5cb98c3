/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { SubNav } from '../../layout/components.tsx';
import { RECORD_TABS, type RecordTab, recordTabPath } from './paths.ts';

/** The tabs above each page of one organisation's incubation record; the current one is marked. */
export function RecordTabs(props: { c: Context<PageEnv>; organisationId: string; active: RecordTab }) {
  const labels = props.c.var.m.incubation.tabs;
  return (
    <SubNav
      label={labels.label}
      tabs={RECORD_TABS}
      labels={labels}
      path={(tab) => recordTabPath(props.organisationId, tab)}
      active={props.active}
    />
  );
}
